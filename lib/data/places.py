"""Towns and villages written by code or by name, turned into codes, never across a town's border.

A town may be given by its code or its Chinese or English name. A village may be given by its code or its name,
and is looked for only inside the row's town: English names repeat across towns (Baiba Village is 白坝村 in
Wansheng and 柏坝村 in Funiu). A name that fits more than one place, or none, is a problem with the closest
candidates, never a silent choice; so is a village code of another town.
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd

from lib.data.cells import name_key
from lib.data.contracts import DatasetSpec
from lib.data.problems import DataProblem, short

Names = dict[str, tuple[str, str]]  # code -> (Chinese name, English name)


@dataclass(frozen=True)
class Places:
    """The known towns and villages: code -> (Chinese name, English name), and each village's town."""

    towns: Names
    villages: Names
    village_town: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_frames(cls, towns: pd.DataFrame, villages: pd.DataFrame) -> "Places":
        return cls({str(r.town_code): (str(r.town_zh), str(r.town_en)) for r in towns.itertuples()},
                   {str(r.village_code): (str(r.village_zh), str(r.village_en)) for r in villages.itertuples()},
                   {str(r.village_code): str(r.town_code) for r in villages.itertuples()})

    def villages_in(self, town: str | None) -> Names:
        return {code: names for code, names in self.villages.items() if town is None or self.village_town.get(code) == town}


def suggest_codes(value: str, known: Names, n: int = 3) -> list[str]:
    """The known codes closest to `value`, compared with the codes and with the names: 'code 名称' each."""
    text = str(value).strip()
    scored: dict[str, float] = {}
    for code, names in known.items():
        scored[code] = max(difflib.SequenceMatcher(None, text.casefold(), candidate.casefold()).ratio()
                           for candidate in (code, *names))
    best = sorted(scored, key=lambda c: (-scored[c], c))[:n]
    return [f"{code} {known[code][0]}" for code in best if scored[code] > 0.4]


def _by_name(known: Names) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for code, names in known.items():
        for name in dict.fromkeys(name_key(n) for n in names if n):
            found[name].append(code)
    return found


_KIND = {"town_code": ("镇(街道)", "town"), "village_code": ("村(社区)", "village")}


class _Resolver:
    """Names of one kind of place to codes, with the problem for each one that cannot be resolved."""

    def __init__(self, column: str, places: Places):
        self.column, self.places = column, places
        self.known = places.towns if column == "town_code" else places.villages
        self.names = _by_name(self.known)

    def resolve(self, text: str, town: str | None) -> tuple[str | None, tuple[str, str] | None]:
        """(code, None) or (None, (problem zh, problem en)); `town` scopes a village (None: the town is unknown)."""
        zh_kind, en_kind = _KIND[self.column]
        if text in self.known:
            return self._in_town(text, town)
        candidates = self.names.get(name_key(text), [])
        if self.column == "village_code" and town is not None:
            inside = [c for c in candidates if self.places.village_town.get(c) == town]
            if not inside and candidates:
                there = "、".join(f"{c} {self.known[c][0]}(属 {self.places.village_town.get(c)})" for c in candidates[:3])
                there_en = ", ".join(f"{c} {self.known[c][0]} (in {self.places.village_town.get(c)})" for c in candidates[:3])
                return None, (f"本行的镇(街道){town} 内没有这个村(社区);同名的在其他镇:{there}",
                              f"no village of this name in the row's town {town}; the same name is elsewhere: {there_en}")
            candidates = inside
        if len(candidates) == 1:
            return candidates[0], None
        if len(candidates) > 1:
            listed = "、".join(f"{c} {self.known[c][0]}" for c in candidates[:5])
            listed_en = ", ".join(f"{c} {self.known[c][0]}" for c in candidates[:5])
            return None, (f"名称对应多个{zh_kind},请改用代码:{listed}", f"the name fits more than one {en_kind}; "
                          f"write the code instead: {listed_en}")
        hints = suggest_codes(text, self.places.villages_in(town) if self.column == "village_code" else self.known)
        hint_zh = ";最接近的已知代码:" + "、".join(hints) if hints else ""
        hint_en = "; closest known codes: " + ", ".join(hints) if hints else ""
        return None, (f"不是已知的{zh_kind}代码或名称{hint_zh}", f"not a known {en_kind} code or name{hint_en}")

    def _in_town(self, code: str, town: str | None) -> tuple[str | None, tuple[str, str] | None]:
        their = self.places.village_town.get(code) if self.column == "village_code" else None
        if their is None or town is None or their == town:
            return code, None
        return None, (f"此村(社区)属于镇(街道){their},不在本行的镇(街道){town}",
                      f"this village is in town {their}, not in the row's town {town}")


def resolve_places(spec: DatasetSpec, filename: str, frame: pd.DataFrame, places: Places,
                   first_row: int = 2) -> tuple[pd.DataFrame, list[DataProblem]]:
    """Town and village names replaced by their codes; every one that cannot be resolved is a problem (its cell
    is then left empty, so that it is not reported again as a missing or badly formed code)."""
    out = frame.copy()
    problems: list[DataProblem] = []
    for column in ("town_code", "village_code"):
        if column not in out:
            continue
        resolver = _Resolver(column, places)
        values = out[column].astype("object")
        towns = out["town_code"].astype("object") if column == "village_code" and "town_code" in out else None
        town_known = towns.isin(list(places.towns)) if towns is not None else None
        simple = values.isin(list(resolver.known))
        if column == "village_code" and towns is not None:
            simple &= values.map(places.village_town).eq(towns)  # a code in the row's own town
        todo = values.notna() & ~simple
        answers: dict[tuple[str, str | None], tuple[str | None, tuple[str, str] | None]] = {}
        for index in todo[todo].index:
            text = str(values[index])
            town = str(towns[index]) if towns is not None and town_known[index] else None
            answer = answers.setdefault((text, town), resolver.resolve(text, town))
            code, problem = answer
            out.at[index, column] = code
            if problem:
                problems.append(DataProblem(spec.name, filename, int(index) + first_row, column, short(text), *problem))
    return out, problems
