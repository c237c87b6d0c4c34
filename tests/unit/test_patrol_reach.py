"""Post reach: discs at walking and driving speed in a metric CRS, and the incidents inside them."""
import math

import numpy as np
import pytest

from lib.metrics import patrol_reach as reach


def test_reach_distance_follows_the_speed():
    assert reach.reach_distance_m("foot", 12) == pytest.approx(1000.0)  # 5 km/h
    assert reach.reach_distance_m("vehicle", 10) == pytest.approx(5000.0)  # 30 km/h


def test_reach_area_is_the_union_of_discs():
    one = reach.reach_area(np.array([0.0]), np.array([0.0]), 100)
    assert one.area == pytest.approx(math.pi * 100**2, rel=0.01)
    apart = reach.reach_area(np.array([0.0, 1000.0]), np.array([0.0, 0.0]), 100)
    assert apart.area == pytest.approx(2 * one.area, rel=1e-6)
    overlapping = reach.reach_area(np.array([0.0, 0.0]), np.array([0.0, 0.0]), 100)
    assert overlapping.area == pytest.approx(one.area, rel=1e-6)


def test_incidents_within_reach():
    area = reach.reach_area(np.array([0.0]), np.array([0.0]), 100)
    inside = reach.within(area, np.array([0.0, 99.0, 101.0, 500.0]), np.array([0.0, 0.0, 0.0, 0.0]))
    assert inside.tolist() == [True, True, False, False]
    assert reach.share_within(inside) == 50.0
    assert reach.share_within(inside[:0]) is None
