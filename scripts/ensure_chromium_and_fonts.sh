#!/usr/bin/env bash
# Make sure this machine has Debian's `chromium` and a Chinese (CJK) font: the browser tests need them, and
# the app draws chart PNGs and briefing PDFs with them on the server.
# Installs what is missing with apt-get (as root, or through sudo), then checks that it works.
# Exits non-zero with a message when something cannot be installed: the browser tests never skip.
# With --or-warn (make run): sudo never asks for a password, and a failure prints a warning and exits 0,
# so the dashboard still starts (without PNG and PDF exports; the app says what is missing).
# With --with-office (make test): LibreOffice Impress and poppler-utils too, which the tests use to render the
# briefing's slides and PDF pages to PNG (the app itself never needs them).
# With --with-nginx (make test): Debian's nginx too, which the browser test of two replicas runs in front of them
# (as the current user, with its own prefix; the package's own service is not used).
set -euo pipefail

or_warn=false
with_office=false
with_nginx=false
for arg in "$@"; do
    case "$arg" in
        --or-warn) or_warn=true ;;
        --with-office) with_office=true ;;
        --with-nginx) with_nginx=true ;;
        *) echo "ensure_chromium_and_fonts: unknown option $arg" >&2; exit 2 ;;
    esac
done
die() {
    if $or_warn; then
        echo "WARNING: $*" >&2
        echo "WARNING: chart PNG and briefing PDF exports are off until chromium and fonts-noto-cjk are installed" >&2
        exit 0
    fi
    echo "ensure_chromium_and_fonts: $*" >&2; exit 1
}

if [ -n "${CHROMIUM:-}" ] && [ ! -x "$CHROMIUM" ]; then die "CHROMIUM=$CHROMIUM is not an executable file"; fi
chromium_bin="${CHROMIUM:-$(command -v chromium || true)}"
missing=()
[ -n "$chromium_bin" ] || missing+=(chromium)
command -v fc-list >/dev/null || missing+=(fontconfig)  # fc-list itself, to check the fonts
if ! command -v fc-list >/dev/null || [ -z "$(fc-list :lang=zh)" ]; then missing+=(fonts-noto-cjk); fi
if $with_office; then
    command -v soffice >/dev/null || missing+=(libreoffice-impress)
    command -v pdftoppm >/dev/null || missing+=(poppler-utils)
fi
nginx_bin() { command -v nginx || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true; }
if $with_nginx && [ -z "$(nginx_bin)" ]; then missing+=(nginx); fi

if [ ${#missing[@]} -gt 0 ]; then
    echo "ensure_chromium_and_fonts: installing ${missing[*]} with apt-get"
    command -v apt-get >/dev/null || die "missing ${missing[*]} and there is no apt-get; install them by hand"
    if [ "$(id -u)" -eq 0 ]; then
        sudo=()
    elif command -v sudo >/dev/null; then
        if $or_warn; then sudo=(sudo -n); else sudo=(sudo); fi
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
if $with_office; then
    command -v soffice >/dev/null || die "soffice is still not on PATH after installing libreoffice-impress"
    command -v pdftoppm >/dev/null || die "pdftoppm is still not on PATH after installing poppler-utils"
fi
if $with_nginx; then
    [ -n "$(nginx_bin)" ] || die "nginx is still not installed after installing nginx"
    "$(nginx_bin)" -v 2>/dev/null || die "'$(nginx_bin) -v' does not run"
fi
echo "ensure_chromium_and_fonts: ${out##*$'\n'}; $(fc-list :lang=zh family | wc -l) Chinese font families"
