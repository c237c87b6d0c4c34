"""WGS84 -> GCJ-02, the offset Chinese map providers (高德 Amap, Tencent) draw their tiles in.

Our data is WGS84. On GCJ-02 tiles it must be shifted the same way, or it lands ~300-600 m off in
Sichuan. The forward formula is public (e.g. wandergis/coordtransform); outside China it is the identity.
"""
from __future__ import annotations

import numpy as np

_A = 6378245.0  # Krasovsky 1940 semi-major axis
_EE = 0.00669342162296594323  # its first eccentricity squared


def _lat_term(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    out = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    out += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    out += (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
    out += (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    return out


def _lon_term(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    out = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    out += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    out += (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
    out += (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    return out


def in_china(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """The rough box the offset applies to (as in the reference implementations)."""
    return (lon > 73.66) & (lon < 135.05) & (lat > 3.86) & (lat < 53.55)


def wgs84_to_gcj02(lonlat: np.ndarray) -> np.ndarray:
    """An (N, 2) array of WGS84 lon/lat as GCJ-02 lon/lat (points outside China unchanged)."""
    lonlat = np.asarray(lonlat, dtype=float)
    lon, lat = lonlat[:, 0], lonlat[:, 1]
    dlat = _lat_term(lon - 105.0, lat - 35.0)
    dlon = _lon_term(lon - 105.0, lat - 35.0)
    radlat = lat / 180.0 * np.pi
    magic = 1 - _EE * np.sin(radlat) ** 2
    sqrtmagic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrtmagic) * np.pi)
    dlon = (dlon * 180.0) / (_A / sqrtmagic * np.cos(radlat) * np.pi)
    inside = in_china(lon, lat)
    return np.column_stack([np.where(inside, lon + dlon, lon), np.where(inside, lat + dlat, lat)])


def gcj02_to_wgs84(lonlat: np.ndarray, tolerance: float = 1e-10, max_iterations: int = 30) -> np.ndarray:
    """An (N, 2) array of GCJ-02 lon/lat as WGS84 lon/lat: the forward formula iterated to its fixed point.

    w <- w - (wgs84_to_gcj02(w) - gcj) converges in a few steps to well under a millimetre; the
    one-step approximation many libraries use is off by up to ~2 m in Sichuan.
    """
    gcj = np.asarray(lonlat, dtype=float).reshape(-1, 2)
    wgs = gcj.copy()
    for _ in range(max_iterations):
        error = wgs84_to_gcj02(wgs) - gcj
        wgs = wgs - error
        if np.nanmax(np.abs(error), initial=0.0) < tolerance:
            break
    return wgs
