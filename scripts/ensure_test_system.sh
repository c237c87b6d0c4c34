#!/usr/bin/env bash
# Make sure this machine can run the browser tests: Debian's `chromium` and a Chinese (CJK) font.
# Installs what is missing with apt-get (as root, or through sudo), then checks that it works.
# Exits non-zero with a message when something cannot be installed: the browser tests never skip.
set -euo pipefail

die() { echo "ensure_test_system: $*" >&2; exit 1; }

if [ -n "${CHROMIUM:-}" ] && [ ! -x "$CHROMIUM" ]; then die "CHROMIUM=$CHROMIUM is not an executable file"; fi
chromium_bin="${CHROMIUM:-$(command -v chromium || true)}"
missing=()
[ -n "$chromium_bin" ] || missing+=(chromium)
command -v fc-list >/dev/null || missing+=(fontconfig)  # fc-list itself, to check the fonts
if ! command -v fc-list >/dev/null || [ -z "$(fc-list :lang=zh)" ]; then missing+=(fonts-noto-cjk); fi

if [ ${#missing[@]} -gt 0 ]; then
    echo "ensure_test_system: installing ${missing[*]} with apt-get"
    command -v apt-get >/dev/null || die "missing ${missing[*]} and there is no apt-get; install them by hand"
    if [ "$(id -u)" -eq 0 ]; then
        sudo=()
    elif command -v sudo >/dev/null; then
        sudo=(sudo)
    else
        die "missing ${missing[*]}; run as root or install sudo, or install them by hand"
    fi
    "${sudo[@]}" apt-get update || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}" \
        || die "apt-get install ${missing[*]} failed"
    chromium_bin="${CHROMIUM:-$(command -v chromium || true)}"
fi

[ -n "$chromium_bin" ] || die "chromium is still not on PATH after installing it"
out="$("$chromium_bin" --version 2>&1)" || die "'$chromium_bin --version' does not run: $out"
[ -n "$(fc-list :lang=zh)" ] || die "no Chinese font found (fc-list :lang=zh is empty) after installing fonts-noto-cjk"
echo "ensure_test_system: ${out##*$'\n'}; $(fc-list :lang=zh family | wc -l) Chinese font families"
