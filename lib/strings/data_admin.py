"""Strings of the data-management page 数据管理."""
from lib.i18n import Lang

STRINGS: dict[str, dict[Lang, str]] = {
    "page.data": {"zh": "数据管理", "en": "Data"},
    "da.heading": {"zh": "数据管理", "en": "Data management"},
    "da.intro": {
        "zh": "查看各数据集的状态,下载模板,上传本区导出的数据(先检查、再预览、确认后才写入),必要时回退到以前的版本。",
        "en": "See the state of every dataset, download templates, upload the district's own exports (checked, then "
        "previewed, written only when you confirm) and roll back to an earlier version when needed.",
    },
    "da.folder": {"zh": "数据目录:{path}", "en": "Data folder: {path}"},
    "da.database": {
        "zh": "数据在数据库 {address} 中(本页为{county})。每次上传或回退都在一次事务中写入,并保留原数据作为历史版本,"
              "各服务实例在下次刷新时读到;整批数据也可用 `make db-load DATABASE_URL=… DATA=数据目录` 检查后载入。",
        "en": "The data is in the database {address} (this page: {county}). Each upload or rollback is written in one "
              "transaction that keeps the data it replaces as an earlier version, and every app instance reads it on "
              "its next run; a whole data folder can also be checked and loaded with "
              "`make db-load DATABASE_URL=… DATA=folder`.",
    },
    "da.folder_bundled": {
        "zh": "当前读取的是随程序提供的演示数据。首次上传时会先复制到工作目录 {path},演示数据本身不会被改写。",
        "en": "The app reads the bundled demo data. The first upload copies it to the work folder {path}; "
        "the demo data itself is never overwritten.",
    },
    "da.section_status": {"zh": "数据集状态", "en": "Datasets"},
    "da.col.dataset": {"zh": "数据集", "en": "Dataset"},
    "da.col.file": {"zh": "文件", "en": "File"},
    "da.col.rows": {"zh": "行数", "en": "Rows"},
    "da.col.period": {"zh": "覆盖期间", "en": "Period covered"},
    "da.col.updated": {"zh": "最后更新", "en": "Last updated"},
    "da.col.source": {"zh": "数据性质", "en": "Data"},
    "da.col.schema": {"zh": "契约版本", "en": "Schema version"},
    "da.demo": {"zh": "演示数据", "en": "Demo"},
    "da.real": {"zh": "真实数据", "en": "Real"},
    "da.section_templates": {"zh": "模板与数据契约", "en": "Templates and data contract"},
    "da.dataset": {"zh": "数据集", "en": "Dataset"},
    "da.template_note": {
        "zh": "模板含表头和一行示例(取自当前数据的第一行)。表头可用中文名、英文名或列名。",
        "en": "A template has the headers and one example row (the first row of the current data). Headers may be "
        "the Chinese label, the English label or the column name.",
    },
    "da.template_csv": {"zh": "CSV 模板", "en": "CSV template"},
    "da.template_xlsx": {"zh": "XLSX 模板", "en": "XLSX template"},
    "da.ct.header": {"zh": "表头", "en": "Header"},
    "da.ct.column": {"zh": "列名", "en": "Column"},
    "da.ct.type": {"zh": "类型", "en": "Type"},
    "da.ct.unit": {"zh": "单位", "en": "Unit"},
    "da.ct.codes": {"zh": "允许的代码", "en": "Allowed codes"},
    "da.ct.required": {"zh": "是否必填", "en": "Required"},
    "da.req.unique": {"zh": "必填,唯一", "en": "required, unique"},
    "da.req.optional": {"zh": "可空", "en": "optional"},
    "da.req.required": {"zh": "必填", "en": "required"},
    "da.kind.str": {"zh": "文本", "en": "text"},
    "da.kind.int": {"zh": "整数", "en": "whole number"},
    "da.kind.float": {"zh": "数字", "en": "number"},
    "da.kind.datetime": {"zh": "时间 YYYY-MM-DD HH:MM", "en": "time YYYY-MM-DD HH:MM"},
    "da.kind.date": {"zh": "日期 YYYY-MM-DD", "en": "date YYYY-MM-DD"},
    "da.kind.bool": {"zh": "true/false", "en": "true/false"},
    "da.kind.wkt": {"zh": "WKT 几何(WGS84)", "en": "WKT geometry (WGS84)"},
    "da.section_upload": {"zh": "上传数据", "en": "Upload data"},
    "da.mode": {"zh": "方式", "en": "Mode"},
    "da.mode.replace": {"zh": "替换整个数据集", "en": "Replace the dataset"},
    "da.mode.append": {"zh": "追加(如新一个月)", "en": "Append (e.g. a new month)"},
    "da.file": {
        "zh": "选择 CSV 或 XLSX 文件(UTF-8 或 GBK 编码;上限 {mb} MB、{rows} 行,XLSX 上限 {xlsx_rows} 行)",
        "en": "Choose a CSV or XLSX file (UTF-8 or GBK; up to {mb} MB and {rows} rows, an XLSX up to {xlsx_rows} rows)",
    },
    "da.problems": {
        "zh": "文件未通过检查,未写入任何内容。发现 {count} 个问题{capped}:",
        "en": "The file did not pass the checks; nothing was written. {count} problem(s) found{capped}:",
    },
    "da.capped": {"zh": "(仅列出前 {cap} 个)", "en": " (the first {cap} shown)"},
    "da.checked": {"zh": "文件检查通过:{rows} 行。确认前请查看将要发生的变化。", "en": "The file passed the checks: {rows} rows. "
                   "Review the change before you confirm."},
    "da.added": {"zh": "新增行", "en": "Rows added"},
    "da.replaced": {"zh": "替换行", "en": "Rows replaced"},
    "da.removed": {"zh": "删除行", "en": "Rows removed"},
    "da.duplicates": {"zh": "重复(不重复追加)", "en": "Duplicates (not added again)"},
    "da.duplicates_list": {"zh": "以下编号已存在,未重复追加:{ids}", "en": "These ids are already there and are not added again: {ids}"},
    "da.after": {"zh": "确认后共 {rows} 行。", "en": "After the change: {rows} rows."},
    "da.checking": {"zh": "正在检查文件…", "en": "Checking the file…"},
    "da.sheet_read": {"zh": "已读取工作表“{sheet}”。", "en": "Sheet read: '{sheet}'."},
    "da.sheets_unread": {"zh": "只读取第一个工作表;未读取:{sheets}。", "en": " Only the first sheet is read; not read: {sheets}."},
    "da.saved_append": {
        "zh": "已写入 {dataset}:新增 {added} 行({duplicates} 行已存在,未重复追加)。所有页面已使用新数据;原文件已保留,可随时回退。",
        "en": "{dataset} written: {added} rows added ({duplicates} already there, not added again). Every page now "
        "shows the new data; the previous file is kept for rollback.",
    },
    "da.geo_flattened": {"zh": "文件中的高程(第三维坐标)已去除:边界按二维保存。",
                         "en": "The file's heights (third coordinate) were dropped: boundaries are kept in 2-D."},
    "da.nothing": {"zh": "没有新增的行,无需写入。", "en": "No new rows: nothing to write."},
    "da.preview": {"zh": "上传内容预览(前 {n} 行)", "en": "Upload preview (first {n} rows)"},
    "da.confirm": {"zh": "确认写入", "en": "Confirm and write"},
    "da.saved": {
        "zh": "已写入 {dataset}。所有页面已使用新数据;原文件已保留,可随时回退。",
        "en": "{dataset} written. Every page now shows the new data; the previous file is kept for rollback.",
    },
    "da.section_versions": {"zh": "历史版本与回退", "en": "Earlier versions and rollback"},
    "da.no_versions": {"zh": "{dataset} 还没有历史版本。", "en": "{dataset} has no earlier versions yet."},
    "da.version": {"zh": "版本", "en": "Version"},
    "da.version_label": {"zh": "{when}({kind},{kb} KB)", "en": "{when} ({kind}, {kb} KB)"},
    "da.version_label_rows": {"zh": "{when}({kind},{rows} 行,{change}前的数据)",
                              "en": "{when} ({kind}, {rows} rows, the data before a {change})"},
    "da.change.replace": {"zh": "替换", "en": "replace"},
    "da.change.append": {"zh": "追加", "en": "append"},
    "da.change.rollback": {"zh": "回退", "en": "rollback"},
    "da.rollback": {"zh": "回退到此版本", "en": "Roll back to this version"},
    "da.rollback_role": {"zh": "回退需要管理角色。", "en": "Rolling back needs the administrator role."},
    "da.section_audit": {"zh": "审计记录", "en": "Audit trail"},
    "da.audit_note": {
        "zh": "登录、页面查看(含筛选条件)、下载、简报、上传与回退,逐条追加记录于 {path}(最新在前,此处显示最近 500 条;下载为全部记录)。",
        "en": "Sign-ins, page views (with their filters), downloads, briefings, uploads and rollbacks, appended one line "
              "each to {path} (newest first; the latest 500 shown here, the downloads hold every line).",
    },
    "da.audit_note_database": {
        "zh": "数据库中的上传与回退,与数据修改在同一事务中记入数据库表 audit_trail(各服务实例共用),并入下表。",
        "en": "Uploads and rollbacks in the database are recorded in its audit_trail table in the change's own "
              "transaction (shared by every app instance), and merged into the table below.",
    },
    "da.rolled_back": {"zh": "{dataset} 已回退到 {when} 的版本。", "en": "{dataset} rolled back to the version of {when}."},
    # boundary uploads (GeoJSON, zipped Shapefile)
    "da.geo_template_note": {
        "zh": "边界数据没有表格模板:可下载当前的 GeoJSON 作为样例。要素属性即下表各列,属性名可用中文名、英文名或列名。",
        "en": "Boundaries have no table template: download the current GeoJSON as an example. The feature properties "
        "are the columns below; a property may be named by the Chinese label, the English label or the column name.",
    },
    "da.geo_template": {"zh": "当前 GeoJSON", "en": "Current GeoJSON"},
    "da.geo_mode": {
        "zh": "边界数据整体替换:上传的文件就是全部要素。坐标系取自文件(GeoJSON 的 crs 或 Shapefile 的 .prj,未声明即视为 WGS84),"
        "自动转换为 WGS84。若删除了其他数据仍在使用的代码,上传会被拒绝(否则各页面将无法读取数据)。",
        "en": "Boundaries are replaced whole: the file is every feature. The CRS is taken from the file (the GeoJSON crs or "
        "the Shapefile's .prj; none declared means WGS84) and converted to WGS84. An upload that drops a code the other "
        "data still use is refused (otherwise no page could read the data).",
    },
    "da.file_geo": {
        "zh": "选择 GeoJSON(.geojson/.json)或压缩的 Shapefile(.zip,含 .shp/.shx/.dbf/.prj),上限 {mb} MB",
        "en": "Choose a GeoJSON (.geojson/.json) or a zipped Shapefile (.zip with .shp/.shx/.dbf/.prj), up to {mb} MB",
    },
    "da.gcj02": {"zh": "坐标为 GCJ-02(高德/腾讯)", "en": "Coordinates are GCJ-02 (Amap/Tencent)"},
    "da.gcj02_help": {
        "zh": "从高德、腾讯地图取得的坐标有约 300–600 米的偏移(GCJ-02);勾选后先转换回 WGS84 再检查。",
        "en": "Coordinates taken from Amap or Tencent maps carry an offset of about 300–600 m (GCJ-02); tick this to "
        "convert them back to WGS84 before the checks.",
    },
    "da.geo_rows_note": {"zh": "问题中的“第 N 行”即第 N 个要素(从 1 开始)。", "en": "In the problems, 'row N' is the N-th feature (from 1)."},
    "da.geo_checked": {
        "zh": "文件检查通过:{features} 个要素,坐标系 {crs}{gcj},已转换为 WGS84。确认前请查看将要发生的变化。",
        "en": "The file passed the checks: {features} features, CRS {crs}{gcj}, converted to WGS84. Review the change "
        "before you confirm.",
    },
    "da.geo_crs_none": {"zh": "未声明(视为 WGS84)", "en": "none declared (read as WGS84)"},
    "da.geo_from_gcj02": {"zh": "(GCJ-02)", "en": " (GCJ-02)"},
    "da.features_added": {"zh": "新增要素", "en": "Features added"},
    "da.features_replaced": {"zh": "替换要素", "en": "Features replaced"},
    "da.features_removed": {"zh": "删除要素", "en": "Features removed"},
    "da.codes_added": {"zh": "新增代码:{codes}", "en": "Codes added: {codes}"},
    "da.codes_removed": {"zh": "删除代码:{codes}", "en": "Codes removed: {codes}"},
    "da.geo_preview": {"zh": "要素属性预览(前 {n} 个)", "en": "Feature properties (first {n})"},
    "da.geo_nothing": {"zh": "与当前边界完全相同,无需写入。", "en": "Identical to the current boundaries: nothing to write."},
    "da.geo_after": {"zh": "确认后共 {features} 个要素。", "en": "After the change: {features} features."},
    "da.uploads_off": {
        "zh": "本部署未开放上传与回退(设置 PINGAN_UPLOADS=off)。可查看数据状态、下载模板。",
        "en": "Uploads and rollbacks are turned off in this deployment (PINGAN_UPLOADS=off). Status and templates are still available.",
    },
}
