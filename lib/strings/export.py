"""Strings of the exports: chart PNGs and the briefing PDF."""
from lib.i18n import Lang

STRINGS: dict[str, dict[Lang, str]] = {
    "export.png": {"zh": "下载图片 PNG", "en": "Download PNG"},
    "export.missing": {
        "zh": "本机缺少 {missing},无法在服务器上生成图片和简报。安装方法:{hint}(或在项目目录运行 make run)",
        "en": "This server lacks {missing}, so it cannot render images or briefings. Install with: {hint} "
              "(or run make run in the project folder)",
    },
    "export.briefing": {"zh": "生成简报 PDF / PPTX", "en": "Briefing PDF / PPTX"},
    "export.briefing_help": {
        "zh": "把本页当前的筛选条件、情况简报、指标卡、图表和表格生成一份 A4 PDF 简报和一份 16:9 演示文稿(文字可编辑)",
        "en": "An A4 PDF and a 16:9 slide deck (editable text) of this page as it is now: filters, the written summary, "
              "headline figures, charts and tables",
    },
    "export.building": {"zh": "正在生成简报……", "en": "Building the briefing…"},
    "export.built": {"zh": "简报已生成({seconds:.1f} 秒)", "en": "Briefing ready ({seconds:.1f} s)"},
    "export.failed": {"zh": "简报生成失败:{reason}", "en": "The briefing could not be built: {reason}"},
    "export.download_pdf": {"zh": "下载简报 PDF", "en": "Download the briefing PDF"},
    "export.step_charts": {"zh": "绘制 {n} 张图表", "en": "Drawing {n} charts"},
    "export.step_map": {"zh": "绘制地图:{title}", "en": "Drawing the map: {title}"},
    "export.step_pdf": {"zh": "排版 PDF", "en": "Laying out the PDF"},
    "export.file_briefing": {"zh": "{title}简报_{date}", "en": "{title} briefing {date}"},
    "export.demo_flag": {"zh": "【演示数据】", "en": "[DEMO DATA]"},
    "export.as_of": {"zh": "数据截至", "en": "Data as of"},
    "export.generated": {"zh": "生成时间", "en": "Generated"},
    "export.language": {"zh": "语言", "en": "Language"},
    "export.language_name": {"zh": "中文", "en": "English"},
    "export.link": {"zh": "本页链接", "en": "Link to this view"},
    "export.filters": {"zh": "筛选条件", "en": "Filters"},
    "export.no_filters": {"zh": "默认视图", "en": "the default view"},
    "export.unknown": {"zh": "未知", "en": "unknown"},
    "export.rows_capped": {
        "zh": "表格共 {total} 行,简报列出前 {shown} 行;完整表格见本 PDF 的附件 {attachment}(也可在页面侧栏下载)。",
        "en": "The table has {total} rows; the briefing lists the first {shown}. The full table is attached to this "
              "PDF as {attachment} (also downloadable from the page's sidebar).",
    },
    "export.table_part": {"zh": "{title}(第 {part}/{parts} 部分)", "en": "{title} (part {part} of {parts})"},
    "export.briefing_subtitle": {"zh": "情况简报", "en": "Briefing"},
    "export.full_tables": {"zh": "完整表格", "en": "full tables"},
    "export.download_tables": {"zh": "下载完整表格 Excel", "en": "Download the full tables (Excel)"},
    "export.download_pptx": {"zh": "下载演示文稿 PPTX", "en": "Download the slides (PPTX)"},
    "export.step_slides": {"zh": "排版演示文稿", "en": "Laying out the slides"},
    "export.file_slides": {"zh": "{title}演示文稿_{date}", "en": "{title} slides {date}"},
    "export.slide_more_rows": {"zh": "共 {total} 行,此处列出前 {shown} 行;完整表格见简报 PDF 或页面下载。",
                               "en": "{total} rows; the first {shown} are listed here. The briefing PDF and the "
                                     "page's downloads hold the full table."},
    "export.headline": {"zh": "主要指标", "en": "Headline figures"},
    "export.continued": {"zh": "{title}(续)", "en": "{title} (continued)"},
    # the context every downloaded file carries (lib/export.py About)
    "export.about_sheet": {"zh": "说明", "en": "About"},
    "export.about_item": {"zh": "项目", "en": "Item"},
    "export.about_value": {"zh": "内容", "en": "Value"},
    "export.page": {"zh": "页面", "en": "Page"},
    "export.table": {"zh": "表格", "en": "Table"},
    "export.period": {"zh": "统计期", "en": "Period"},
    "export.demo_row": {"zh": "演示数据", "en": "Demo data"},
    "export.demo_yes": {"zh": "是:程序生成的演示数据,不是真实数据", "en": "yes: generated demo figures, not real data"},
    "export.demo_no": {"zh": "否", "en": "no"},
    "export.copy_row": {"zh": "版本", "en": "Copy"},
    "export.copy_public": {"zh": "公开版:少于3的计数显示为“<3”,由它算出的数字不显示(“—”)",
                           "en": "public copy: counts below 3 read \"<3\", figures built on them read \"—\""},
    "export.copy_internal": {"zh": "内部版", "en": "internal copy"},
    "export.year": {"zh": "{year}年", "en": "{year}"},
    "export.code_column": {"zh": "{column}代码", "en": "{column} code"},
}
