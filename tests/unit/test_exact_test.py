"""The exact test behind every "significant" mark: the E-test for two Poisson means (Krishnamoorthy & Thomson 2004),
checked on the published example, against scipy.stats.poisson_means_test on a grid of counts, and against a brute
sum over pairs of counts where the two periods differ in length."""
import numpy as np
from hypothesis import given
from hypothesis import strategies as st
import pytest
from scipy import stats

from lib.metrics import exact_test
from lib.metrics.exact_test import LEVEL, is_significant, poisson_change_p

GRID = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 18, 22, 27, 33, 40, 50, 65, 80, 100, 130, 170, 220, 300, 400,
        520, 680, 767, 827, 900, 1000]


def test_the_published_example():
    # Krishnamoorthy & Thomson (2004) after Przyborowski & Wilenski (1940): no dodder seeds in one 100 g sample of
    # clover seed, three in another; the E-test's p-value is 0.0884 (scipy's documentation: 0.08837900929018157).
    assert poisson_change_p(0, 3, 100, 100) == pytest.approx(0.08837900929018157, abs=1e-9)
    assert poisson_change_p(3, 0, 100, 100) == pytest.approx(0.08837900929018157, abs=1e-9)  # the order does not matter


@pytest.mark.parametrize("current, previous, p", [
    (2, 0, 0.1973), (0, 2, 0.1973),  # once marked "new (significant)" and "significant fall"
    (8, 15, 0.1521), (827, 767, 0.1330),  # once marked significant
    (0, 0, 1.0),
])
def test_the_changes_once_marked_on_noise(current, previous, p):
    assert poisson_change_p(current, previous) == pytest.approx(p, abs=1e-4)
    assert not is_significant(poisson_change_p(current, previous))


def test_agrees_with_scipy_on_a_grid_of_counts_from_0_to_1000():
    for k1 in GRID:
        for k2 in GRID:
            ours = poisson_change_p(k1, k2)
            theirs = 1.0 if k1 + k2 == 0 else stats.poisson_means_test(k1, 1, k2, 1).pvalue
            assert is_significant(ours) == (theirs < LEVEL), (k1, k2, ours, theirs)
            if abs(ours - theirs) > 1e-8:
                # a pair as far from equal rates as the observed one, computed another way in floating point
                # (12 against 6 and 2 against 0 both have T² = 2), can drop out of scipy's sum: scipy lies between
                # the sums without and with such ties, and ours is the sum with them (the paper's indicator, >=)
                with_ties, without_ties = _brute_force(k1, k2, 1, 1), _brute_force(k1, k2, 1, 1, ties=False)
                assert ours == pytest.approx(with_ties, abs=1e-9), (k1, k2)
                assert without_ties - 1e-9 <= theirs <= with_ties + 1e-9, (k1, k2)


def _brute_force(k1: int, k2: int, n1: float, n2: float, *, ties: bool = True) -> float:
    """The E-test's defining double sum over every pair of counts up to far in the tails; `ties`: whether pairs
    exactly as far from equal rates as the observed one count (they do in the paper)."""
    rate = (k1 + k2) / (n1 + n2)
    top = int(stats.poisson.isf(1e-16, max(n1, n2) * rate)) + 5
    x1, x2 = np.arange(top + 1, dtype=float), np.arange(top + 1, dtype=float)[:, None]

    def t2(a, b):
        with np.errstate(invalid="ignore", divide="ignore"):
            return (a / n1 - b / n2) ** 2 / (a / n1**2 + b / n2**2)

    observed = t2(float(k1), float(k2))
    far = t2(x1, x2) >= observed * (1 - 1e-12) if ties else t2(x1, x2) > observed * (1 + 1e-12)
    return float((stats.poisson.pmf(x1, n1 * rate) * stats.poisson.pmf(x2, n2 * rate))[far].sum())


@pytest.mark.parametrize("k1, k2, n1, n2", [(3, 0, 70, 69), (0, 5, 70, 69), (12, 30, 366, 365), (40, 41, 60, 59),
                                             (7, 2, 3, 10)])
def test_periods_of_different_lengths_compare_daily_rates(k1, k2, n1, n2):
    # scipy compares the observed pair with itself in floating point computed two ways, and with unequal
    # lengths can leave it out of its own sum; the defining sum keeps ties.
    assert poisson_change_p(k1, k2, n1, n2) == pytest.approx(_brute_force(k1, k2, n1, n2), abs=1e-9)


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        poisson_change_p(-1, 3)
    with pytest.raises(ValueError):
        poisson_change_p(1, 3, 0, 7)


@pytest.mark.parametrize("k1, k2, n2", [(200_000, 199_000, 1.0), (250_000, 250_749, 1.0), (1_000_000, 990_000, 1.05),
                                        (2_500_000, 2_497_500, 1.0), (2_500_000, 2_507_500, 1.0)])
def test_millions_of_incidents_are_summed_by_blocks_within_two_millionths(monkeypatch, k1, k2, n2):
    blocked = poisson_change_p.__wrapped__(k1, k2, 1.0, n2)
    monkeypatch.setattr(exact_test, "_MOST_TAILS", 10**9)  # every total's own tail
    assert blocked == pytest.approx(poisson_change_p.__wrapped__(k1, k2, 1.0, n2), abs=2e-6)


def _boundary_pairs():
    """Per smaller count and ratio of periods, the pairs just past five standard errors either way: where a change
    first counts as clearly beyond chance."""
    for previous in (30, 31, 45, 60, 100, 250, 1000, 5000, 40000, 300000):
        for days in (0.5, 0.8, 365 / 366, 1.0, 366 / 365, 1.3, 2.0):
            up = next(k for k in range(previous, 20 * previous) if exact_test.clearly_beyond_chance(k, previous, days))
            down = next((k for k in range(previous, 29, -1) if exact_test.clearly_beyond_chance(k, previous, days)), None)
            yield from ((k, previous, days) for k in (up, down) if k is not None)


@pytest.mark.parametrize("current, previous, days", list(_boundary_pairs()))
def test_a_change_called_clearly_beyond_chance_has_an_exact_p_far_below_the_level(current, previous, days):
    assert poisson_change_p(current, previous, days) < 1e-5


@pytest.mark.parametrize("current, previous, days", [
    (29, 500, 1.0), (500, 29, 1.0),  # a count below 30: the exact test decides
    (100, 300, 0.49), (300, 100, 2.01),  # periods more than twice as long as each other
    (100, 100, 1.0), (100, 150, 1.0),  # four standard errors, not five
    (100, 200, 0.0), (100, 200, -1.0),  # no period
])
def test_outside_the_clear_region_the_exact_test_decides(current, previous, days):
    assert not exact_test.clearly_beyond_chance(current, previous, days)


@given(st.integers(0, 3000), st.integers(0, 3000), st.sampled_from([0.5, 1.0, 365 / 366, 1.5, 2.0]))
def test_beyond_chance_is_the_exact_tests_verdict(current, previous, days):
    assert exact_test.beyond_chance(current, previous, days) == is_significant(poisson_change_p(current, previous, days))
