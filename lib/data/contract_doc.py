"""Write data/README.md, the data contract, from the specs in lib.data.contracts.

`python -m lib.data.contract_doc` rewrites it; a test checks it is up to date.
"""
from __future__ import annotations

import json

from lib.data.contracts import DATASETS, SCHEMA_VERSION, ColumnSpec, DatasetSpec
from lib.data.location import BUNDLED_DATA_DIR
from lib.data.rules import FIRST_YEAR, PLANNED_YEARS

README = BUNDLED_DATA_DIR / "README.md"
KIND_NAMES = {"str": "text", "int": "integer", "float": "number", "datetime": "date-time", "date": "date",
              "bool": "true/false", "wkt": "WKT geometry"}

INTRO = f"""# 数据契约 / Data contract (schema version {SCHEMA_VERSION})

本文件由 `python -m lib.data.contract_doc` 从 `lib/data/contracts.py` 生成,请勿手改。
This file is generated from `lib/data/contracts.py` by `python -m lib.data.contract_doc`; do not edit by hand.

- 表格为 UTF-8 CSV,首行为列名;边界为 WGS84 GeoJSON。日期 `YYYY-MM-DD`,时间 `YYYY-MM-DD HH:MM`(北京时间)。
- Tables are UTF-8 CSV with a header row; boundaries are WGS84 GeoJSON. Dates `YYYY-MM-DD`, times `YYYY-MM-DD HH:MM` (Beijing time).
- 空单元格即为空值 / An empty cell is a missing value (only where the column allows it).
- 日期与年度不早于 {FIRST_YEAR} 年、不晚于今天(计划日期可至今后 {PLANNED_YEARS} 年);数字须为有限值;满意度为百分制 /
  Dates and years lie from {FIRST_YEAR} to today (planned dates up to {PLANNED_YEARS} years ahead); numbers are finite;
  scores are on the 0–100 scale. Points and routes lie in Sichuan, longitude first. 村(社区)须属于本行的镇(街道) /
  A row's village lies in the row's town.
- `manifest.json` 标明哪些数据集是演示数据 / says which datasets are demo data. Sources and licences: [SOURCES.md](SOURCES.md).
- 计数口径 / Counting rules: incidents count by the day reported; case results (solved, suspects, gangs, recovered
  losses, seized assets) by the day solved; disputes by the day received; a channel's success rate is settled ÷ received.
- 排名不存储,由 lib 计算(并列取最好名次,下一名次顺延,即 1224)/ Ranks are not stored; lib derives them (ties share
  the best rank and the next rank is skipped: 1, 2, 2, 4).
"""


def _allowed(col: ColumnSpec) -> str:
    if not col.codes:
        return ""
    return "<br>".join(f"`{c.code}` {c.zh} / {c.en}".rstrip(" /") for c in col.codes)


def _example(spec: DatasetSpec) -> str:
    path = BUNDLED_DATA_DIR / spec.file
    if spec.geometry:
        feature = json.loads(path.read_text(encoding="utf-8"))["features"][0]
        return "```json\n" + json.dumps(feature["properties"], ensure_ascii=False) + "\n```"
    lines = path.read_text(encoding="utf-8").splitlines()[:2]
    return "```csv\n" + "\n".join(lines) + "\n```"


def _section(spec: DatasetSpec) -> str:
    rows = ["| column | type | unit | allowed codes | 中文 | English | required |", "|---|---|---|---|---|---|---|"]
    for col in spec.columns:
        rules = "unique" if col.unique else ("optional" if col.nullable else "yes")
        rows.append(f"| `{col.name}` | {KIND_NAMES[col.kind]} | {col.unit} | {_allowed(col)} | {col.zh} | {col.en} | {rules} |")
    kind = "GeoJSON feature properties" if spec.geometry else "CSV"
    rules = [f"- {rule.zh} / {rule.en}" for rule in spec.rules]
    if spec.key:
        rules.append(f"- 每个 {' + '.join(f'`{c}`' for c in spec.key)} 只有一行 / one row per {' + '.join(f'`{c}`' for c in spec.key)}")
    rules_text = "\n\nRules between cells / 规则:\n\n" + "\n".join(rules) if rules else ""
    return f"## `{spec.file}` — {spec.zh} / {spec.en}\n\n{kind}; dataset name `{spec.name}`.\n\n" + "\n".join(rows) \
        + rules_text + "\n\nExample / 示例:\n\n" + _example(spec) + "\n"


def render() -> str:
    return INTRO + "\n" + "\n".join(_section(spec) for spec in DATASETS)


if __name__ == "__main__":
    README.write_text(render(), encoding="utf-8")
