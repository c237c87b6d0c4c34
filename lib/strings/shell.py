"""Strings of the app shell, shared by every page."""
from lib.i18n import Lang

STRINGS: dict[str, dict[Lang, str]] = {
    "app.title": {"zh": "平安建设数据看板", "en": "Public Safety Dashboard"},
    "app.title_of": {"zh": "{district}平安建设数据看板", "en": "{district} Public Safety Dashboard"},
    "shell.county": {"zh": "区县", "en": "County"},
    "page.overview": {"zh": "总览", "en": "Overview"},
    "shell.language": {"zh": "语言 / Language", "en": "Language / 语言"},
    "shell.as_of": {"zh": "{district} · 数据截至 {date}", "en": "{district} · data as of {date}"},
    "shell.loading_dataset": {"zh": "首次载入数据:正在读取并校验「{dataset}」({done}/{total})",
                              "en": "Loading the data for the first time: reading and checking “{dataset}” ({done}/{total})"},
    "shell.demo_badge": {
        "zh": "演示数据:以下数字由程序生成,不是实际统计;镇(街道)、村(社区)边界为示意",
        "en": "Demo data: the figures are generated, not actual statistics; town and village boundaries are illustrative",
    },
    "shell.data_error": {
        "zh": "数据未能载入,页面无法显示。请把下列问题交给数据管理员:",
        "en": "The data could not be loaded, so the page cannot be shown. Please pass these problems to the data administrator:",
    },
    "shell.page_failed": {
        "zh": "抱歉,本页出现意外错误,未能完整显示。请把参考编号 {reference} 告诉系统管理员(详情已记入日志)。",
        "en": "Sorry, this page ran into an unexpected error and could not be shown in full. Please give the "
        "administrator the reference {reference} (the details are in the log).",
    },
    "shell.data_range": {
        "zh": "数据已更新:筛选条件 {param} 超出新数据的范围,已调整。",
        "en": "The data has changed: the filter {param} was outside the new data's range and has been adjusted.",
    },
    "shell.url_fallback": {
        "zh": "链接中的 {param}={value} 无效,已改用默认值 {default}。",
        "en": "The link's {param}={value} is not valid; the default {default} is shown instead.",
    },
    "shell.not_found": {
        "zh": "页面不存在:链接中的 {path} 不是本看板的页面,现显示「{page}」。",
        "en": "Page not found: {path} in the link is not a page of this dashboard; “{page}” is shown instead.",
    },
    "shell.share_link": {"zh": ":material/link: 本页链接(点右侧按钮复制)", "en": ":material/link: Link to this view (copy with the button on the right)"},
    "shell.share_help": {
        "zh": "打开此链接即可看到与现在相同的页面、筛选条件和语言。",
        "en": "Opening this link shows the same page, filters and language as now.",
    },
    "shell.demo_label": {"zh": "演示数据", "en": "Demo data"},
    "shell.no_prior": {"zh": "{year}年无可比数据", "en": "no {year} figure to compare"},
    "url.all": {"zh": "全部", "en": "All"},
    "download.csv": {"zh": "下载 CSV", "en": "Download CSV"},
    "download.xlsx": {"zh": "下载 Excel", "en": "Download Excel"},
    "empty.selection": {"zh": "所选条件下没有数据,请放宽筛选条件。", "en": "No data for this selection; widen the filters."},
}
