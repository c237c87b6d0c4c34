"""Optional base tiles, from configuration. Without any, maps draw on a plain background (works offline).

Deployment settings (read by lib/settings.py from the environment or .streamlit/secrets.toml):
    PINGAN_TILES        a tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png,
                        天地图 http://t0.tianditu.gov.cn/vec_w/wmts?...&tk=<key>, or
                        高德 https://webrd01.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}
    PINGAN_TILES_ATTR   the attribution shown on the map (required by most providers)
    PINGAN_TILES_CRS    wgs84 or gcj02; by default gcj02 for Amap/autonavi, Tencent (gtimg/qq) URLs, else wgs84
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lib.settings import TileSettings
from lib.data.gcj02 import wgs84_to_gcj02

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


def tile_config(settings: TileSettings) -> TileConfig:
    """The base map of the deployment's tile settings; no tiles unless a URL template is set."""
    url = (settings.url or "").strip() or None
    if url is None:
        return TileConfig()
    crs = settings.crs or ("gcj02" if any(host in url for host in GCJ02_HOSTS) else "wgs84")
    return TileConfig(url, settings.attribution.strip() or url.split("/")[2], crs)
