"""数据管理 Data management: dataset status, templates, checked uploads with a preview, and rollback.

The same on files and on the database: the same checks, preview, messages and roles. On files the writes go to the
data folder (lib/data/writes.py) and their audit line to the audit file; on the database each upload or rollback is
one transaction that writes the audit row with it (lib/data/db/writes.py)."""
from pathlib import Path

import streamlit as st

from lib import audit
from lib.data.contracts import DATASETS, DATASETS_BY_NAME
from lib.data.geo_upload import GEO_SUFFIXES, MAX_GEO_BYTES, plan_geo_change, read_geo_upload
from lib.data.location import is_bundled, work_copy_dir
from lib.data.status import BEIJING, dataset_status, status_table
from lib.data.templates import TABLE_DATASETS, contract_table, template_csv, template_xlsx
from lib.data.upload import Places, plan_change, read_upload
from lib.data.upload_file import MAX_ROWS, MAX_UPLOAD_BYTES, MAX_XLSX_ROWS
from lib.data.writes import (DEMO_SUFFIX, Appended, append_rows, geojson_bytes, list_versions, rollback, save_boundaries,
                              save_table, writable_data_dir)
from lib.i18n import t
from lib.ui.filters import code_select
from lib.ui.notices import escape_markdown
from lib.ui.data import database_writes
from lib.ui.page import open_page
from lib.ui.show import download_buttons

page = open_page()
lang = page.lang
bundle = page.data
root = page.source.path
database = database_writes(page.source) if page.source.database else None  # None: the data is in a folder

st.title(t("da.heading", lang))
st.caption(t("da.intro", lang))
if notice := st.session_state.pop("da-notice", None):
    st.success(notice, icon=":material/check_circle:")
if database:
    st.info(t("da.database", lang, address=escape_markdown(page.source.folder), county=escape_markdown(page.home.name)),
            icon=":material/database:")
else:
    st.caption(escape_markdown(t("da.folder", lang, path=root)))
if is_bundled(root):
    st.info(escape_markdown(t("da.folder_bundled", lang, path=work_copy_dir(page.settings))), icon=":material/info:")

st.subheader(t("da.section_status", lang))
st.dataframe(status_table(dataset_status(bundle, root, database.updated() if database else None), lang),
             hide_index=True, height="content")

names = [d.name for d in TABLE_DATASETS] + [d.name for d in DATASETS if d.geometry]
label = {d.name: (d.zh if lang == "zh" else d.en) for d in DATASETS}
# the code (not the label) in the URL: Streamlit's bind="query-params" would write the label
name = code_select(page, t("da.dataset", lang), names, label, "dataset", names[0], container=st)
spec = DATASETS_BY_NAME[name or names[0]]


def _confirm_and_write(on_files, on_database, file_name: str) -> None:
    """The confirm button: write (every page reads the new data version on its next run), record it in the audit
    trail, and start the uploader afresh. `on_files(folder)`, or on the database `on_database(source, audit_event)`
    (which writes the audit row in its own transaction), may return the notice to show instead of the usual one."""
    if st.button(t("da.confirm", lang), type="primary", key="da-confirm", icon=":material/save:"):
        detail = f"{spec.name}: {file_name}"
        try:
            if database:
                notice = on_database(f"upload: {file_name}", page.audit_event(audit.UPLOAD, audit.OK, detail))
            else:
                notice = on_files(writable_data_dir(page.settings, root))
        except Exception:
            page.record(audit.UPLOAD, audit.FAILED, detail)
            raise
        if not database:
            page.record(audit.UPLOAD, audit.OK, detail)
        st.session_state["da-generation"] = generation + 1
        st.session_state["da-notice"] = notice if isinstance(notice, str) else t("da.saved", lang, dataset=label[spec.name])
        st.session_state.pop("da-check", None)
        st.rerun()


def _appended_notice(done: Appended) -> str:
    return t("da.saved_append", lang, dataset=label[spec.name], added=done.added, duplicates=len(done.duplicates))


def _checked(upload) -> object:
    """The upload checked once per file, dataset and data version (a large file is not checked again on each rerun),
    with a progress bar while it is."""
    key = (upload.file_id, spec.name, page.source.version)
    kept = st.session_state.get("da-check")
    if kept and kept[0] == key:
        return kept[1]
    bar = st.progress(0.0, t("da.checking", lang))
    result = read_upload(spec, upload.name, upload.getvalue(), Places.from_frames(bundle["towns"], bundle["villages"]),
                         progress=lambda done: bar.progress(done, t("da.checking", lang)))
    bar.empty()
    st.session_state["da-check"] = (key, result)
    return result


generation = st.session_state.setdefault("da-generation", 0)
allowed = page.settings.uploads and page.identity.role.uploads  # deployment and role
if spec.geometry:
    st.subheader(t("da.section_templates", lang))
    st.caption(t("da.geo_template_note", lang))
    current_file = root / spec.file
    st.download_button(t("da.geo_template", lang), lambda: geojson_bytes(spec, bundle[spec.name]) if database
                       else current_file.read_bytes(), Path(spec.file).name,
                       "application/geo+json", key="da-template-geojson", icon=":material/download:", on_click="ignore")
    st.dataframe(contract_table(spec, lang), hide_index=True)

    st.subheader(t("da.section_upload", lang))
    if not page.settings.uploads:
        st.info(t("da.uploads_off", lang), icon=":material/lock:")
    st.caption(t("da.geo_mode", lang))
    gcj02 = st.checkbox(t("da.gcj02", lang), key="da-gcj02", help=t("da.gcj02_help", lang))
    upload = st.file_uploader(t("da.file_geo", lang, mb=MAX_GEO_BYTES // 1024 // 1024), type=list(GEO_SUFFIXES),
                              key=f"da-geo-file-{generation}", disabled=not allowed)
    if upload is not None:
        check = read_geo_upload(spec, upload.name, upload.getvalue(), bundle, gcj02=gcj02)
        if not check.ok:
            capped = t("da.capped", lang, cap=len(check.problems)) if len(check.problems) >= 50 else ""
            lines = "\n".join(f"- {escape_markdown(p.message(lang))}" for p in check.problems)
            st.error(t("da.problems", lang, count=len(check.problems), capped=capped) + "\n\n" + lines)
            st.caption(t("da.geo_rows_note", lang))
        else:
            plan = plan_geo_change(spec, bundle[spec.name], check.frame)
            crs = check.crs or t("da.geo_crs_none", lang)
            st.success(escape_markdown(t("da.geo_checked", lang, features=len(check.frame), crs=crs,
                                         gcj=t("da.geo_from_gcj02", lang) if gcj02 else "")), icon=":material/task_alt:")
            if check.flattened:
                st.caption(t("da.geo_flattened", lang))
            cols = st.columns(3)
            cols[0].metric(t("da.features_added", lang), len(plan.added))
            cols[1].metric(t("da.features_replaced", lang), len(plan.replaced))
            cols[2].metric(t("da.features_removed", lang), len(plan.removed))
            if plan.added:
                st.caption(escape_markdown(t("da.codes_added", lang, codes=", ".join(plan.added[:50]))))
            if plan.removed:
                st.warning(escape_markdown(t("da.codes_removed", lang, codes=", ".join(plan.removed[:50]))))
            st.caption(t("da.geo_preview", lang, n=min(20, len(check.frame))))
            st.dataframe(check.frame.drop(columns="geometry").head(20), hide_index=True)
            content = geojson_bytes(spec, plan.result)
            current = geojson_bytes(spec, bundle[spec.name]) if database else \
                current_file.read_bytes() if current_file.is_file() else None
            if content == current:
                st.info(t("da.geo_nothing", lang))
            else:
                st.caption(t("da.geo_after", lang, features=len(plan.result)))
                _confirm_and_write(lambda folder: save_boundaries(spec, plan.result, folder),
                                   lambda source, event: database.replace(spec, plan.result, source, event), upload.name)
else:
    st.subheader(t("da.section_templates", lang))
    st.caption(t("da.template_note", lang))
    left, right = st.columns(2)
    left.download_button(t("da.template_csv", lang), lambda: template_csv(spec, bundle.example(spec.name), lang),
                         f"template-{spec.name}.csv", "text/csv", key="da-template-csv",
                         icon=":material/download:", on_click="ignore")
    right.download_button(t("da.template_xlsx", lang), lambda: template_xlsx(spec, bundle.example(spec.name), lang),
                          f"template-{spec.name}.xlsx",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          key="da-template-xlsx", icon=":material/download:", on_click="ignore")
    st.dataframe(contract_table(spec, lang), hide_index=True)

    st.subheader(t("da.section_upload", lang))
    if not page.settings.uploads:
        st.info(t("da.uploads_off", lang), icon=":material/lock:")
    mode = st.radio(t("da.mode", lang), ["replace", "append"], format_func=lambda m: t(f"da.mode.{m}", lang),
                    horizontal=True, key="da-mode", disabled=not allowed)
    upload = st.file_uploader(t("da.file", lang, mb=MAX_UPLOAD_BYTES // 1024 // 1024, rows=f"{MAX_ROWS:,}",
                                xlsx_rows=f"{MAX_XLSX_ROWS:,}"), type=["csv", "xlsx"],
                              key=f"da-file-{generation}", disabled=not allowed)
    if upload is not None:
        check = _checked(upload)
        if check.sheet:
            st.caption(escape_markdown(t("da.sheet_read", lang, sheet=check.sheet) + (
                t("da.sheets_unread", lang, sheets="、".join(check.other_sheets)) if check.other_sheets else "")))
        if not check.ok:
            capped = t("da.capped", lang, cap=len(check.problems)) if len(check.problems) >= 50 else ""
            lines = "\n".join(f"- {escape_markdown(p.message(lang))}" for p in check.problems)
            st.error(t("da.problems", lang, count=len(check.problems), capped=capped) + "\n\n" + lines)
        else:
            plan = plan_change(spec, bundle, check.frame, mode)
            st.success(t("da.checked", lang, rows=len(check.frame)), icon=":material/task_alt:")
            cols = st.columns(4)
            cols[0].metric(t("da.added", lang), plan.added)
            cols[1].metric(t("da.replaced", lang), plan.replaced)
            cols[2].metric(t("da.removed", lang), plan.removed)
            cols[3].metric(t("da.duplicates", lang), len(plan.duplicates))
            if plan.duplicates:
                st.warning(escape_markdown(t("da.duplicates_list", lang, ids=", ".join(plan.duplicates[:50]))))
            st.caption(t("da.preview", lang, n=min(20, len(check.frame))))
            st.dataframe(check.frame.head(20), hide_index=True)
            if plan.added == 0 and plan.replaced == 0 and plan.removed == 0:
                st.info(t("da.nothing", lang))
            else:
                st.caption(t("da.after", lang, rows=plan.rows_after))
                if mode == "append":
                    _confirm_and_write(lambda folder: _appended_notice(append_rows(spec, check.frame, folder)),
                                       lambda source, event: _appended_notice(database.append(spec, check.frame, source,
                                                                                              event)), upload.name)
                else:
                    _confirm_and_write(lambda folder: save_table(spec, check.frame, folder),
                                       lambda source, event: database.replace(spec, check.frame, source, event),
                                       upload.name)

st.subheader(t("da.section_versions", lang))


def _beijing(moment) -> str:
    return moment.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S")


if database:  # kept in the database: by id, with their rows and the change that replaced them
    kept = {str(v.id): v for v in database.versions(spec)}
    when = {key: _beijing(v.saved_at) for key, v in kept.items()}
    describe = {key: t("da.version_label_rows", lang, when=when[key], kind=t("da.demo" if v.demo else "da.real", lang),
                       rows=f"{v.rows:,}", change=t(f"da.change.{v.kind}", lang)) for key, v in kept.items()}
else:  # kept as files in the data folder
    kept = {str(v.path): v for v in list_versions(spec, root)}
    when = {key: _beijing(v.saved_at) for key, v in kept.items()}
    describe = {key: t("da.version_label", lang, when=when[key],
                       kind=t("da.demo" if Path(key).stem.endswith(DEMO_SUFFIX) else "da.real", lang),
                       kb=max(1, v.size // 1024)) for key, v in kept.items()}
if not kept:
    st.caption(t("da.no_versions", lang, dataset=label[spec.name]))
else:
    chosen = st.selectbox(t("da.version", lang), list(kept), key=f"da-version-{spec.name}", format_func=describe.get)
    may_roll_back = page.settings.uploads and page.identity.role.rolls_back
    if st.button(t("da.rollback", lang), key="da-rollback", icon=":material/history:", disabled=not may_roll_back,
                 help=None if may_roll_back else t("da.rollback_role", lang)) and may_roll_back:
        detail = f"{spec.name}: {when[chosen]}"
        if database:
            database.rollback(spec, int(chosen), page.audit_event(audit.ROLLBACK, audit.OK, detail))
        else:
            rollback(spec, chosen, root)
            page.record(audit.ROLLBACK, audit.OK, detail)
        st.session_state["da-notice"] = t("da.rolled_back", lang, dataset=label[spec.name], when=when[chosen])
        st.rerun()

if page.identity.role.reads_audit:
    st.subheader(t("da.section_audit", lang))
    st.caption(escape_markdown(t("da.audit_note", lang, path=page.settings.audit_path)))
    trail = audit.AuditLog(page.settings.audit_path).read()
    if database:
        st.caption(t("da.audit_note_database", lang))
        trail = audit.merged(trail, database.audit_rows())
    trail = audit.readable(trail, lang)
    st.dataframe(trail.head(500), hide_index=True)
    download_buttons(page, trail, "audit-trail", key="da-audit")
