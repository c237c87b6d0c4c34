"""Strings of the exports: chart PNGs and the briefing PDF."""
from lib.i18n import Lang

STRINGS: dict[str, dict[Lang, str]] = {
    "export.png": {"zh": "下载图片 PNG", "en": "Download PNG"},
    "export.missing": {
        "zh": "本机缺少 {missing},无法在服务器上生成图片和简报。安装方法:{hint}(或在项目目录运行 make run)",
        "en": "This server lacks {missing}, so it cannot render images or briefings. Install with: {hint} "
              "(or run make run in the project folder)",
    },
    "export.briefing": {"zh": "生成简报 PDF", "en": "Briefing PDF"},
    "export.briefing_help": {
        "zh": "把本页当前的筛选条件、指标卡、图表和表格(前几行)生成一份 PDF 简报",
        "en": "A PDF of this page as it is now: filters, headline figures, charts and the first rows of its tables",
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
    "export.rows_shown": {"zh": "仅列出前 {shown} 行,共 {total} 行;完整表格见页面下载。",
                          "en": "The first {shown} of {total} rows; the page's downloads hold the full table."},
}
