"""Optional base tiles, from configuration. Without any, maps draw on a plain background (works offline).

Environment variables (or the same keys in .streamlit/secrets.toml, read by lib.ui):
    PINGAN_TILES        a tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png,
                        天地图 http://t0.tianditu.gov.cn/vec_w/wmts?...&tk=<key>, or
                        高德 https://webrd01.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}
    PINGAN_TILES_ATTR   the attribution shown on the map (required by most providers)
    PINGAN_TILES_CRS    wgs84 or gcj02; by default gcj02 for Amap/autonavi, Tencent (gtimg/qq) URLs, else wgs84
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from lib.viz.gcj02 import wgs84_to_gcj02

GCJ02_HOSTS = ("autonavi", "amap", "gtimg", "map.qq")


@dataclass(frozen=True)
class TileConfig:
    url: str | None = None
    attribution: str = ""
    crs: str = "wgs84"  # the datum the tiles are drawn in: wgs84 or gcj02

    @property
    def shift(self) -> bool:
        return self.url is not None and self.crs == "gcj02"

    def project(self, lonlat: np.ndarray) -> np.ndarray:
        """(N, 2) WGS84 lon/lat as drawn on these tiles."""
        return wgs84_to_gcj02(lonlat) if self.shift else np.asarray(lonlat, dtype=float)


def tile_config(settings: Mapping[str, str]) -> TileConfig:
    url = (settings.get("PINGAN_TILES") or "").strip() or None
    if url is None:
        return TileConfig()
    crs = (settings.get("PINGAN_TILES_CRS") or "").strip().lower()
    if crs not in ("wgs84", "gcj02"):
        crs = "gcj02" if any(host in url for host in GCJ02_HOSTS) else "wgs84"
    return TileConfig(url, (settings.get("PINGAN_TILES_ATTR") or "").strip() or url.split("/")[2], crs)
