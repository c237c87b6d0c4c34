"""Rank intervals by simulation, on constructed cases whose answers are known."""
import numpy as np
import pandas as pd
import pytest

from lib.metrics.rank_noise import DRAWS, descending_order, rank_noise, simulated_ranks


def units(scores: dict[str, float], se: dict[str, float] | float) -> pd.DataFrame:
    spread = se if isinstance(se, dict) else dict.fromkeys(scores, se)
    return pd.DataFrame({"score": scores, "se": spread})


def test_at_least_2000_seeded_draws():
    assert DRAWS >= 2000
    first = simulated_ranks(np.array([3.0, 2.0, 1.0]), np.ones(3), seed=(1, 2020))
    assert first.shape == (DRAWS, 3) and (np.sort(first, axis=1) == [1, 2, 3]).all()  # a ranking in every draw
    assert (first == simulated_ranks(np.array([3.0, 2.0, 1.0]), np.ones(3), seed=(1, 2020))).all()


def test_without_sampling_error_the_rank_is_certain():
    out = rank_noise(units({"A": 90, "B": 80, "C": 70}, 0.0), None, 2020, target_rank=2)
    assert out[["rank_low", "rank_high"]].values.tolist() == [[1, 1], [2, 2], [3, 3]]
    assert out["p_target"].tolist() == [1.0, 1.0, 0.0]
    assert out["within_noise"].isna().all()  # no year before


def test_two_equal_units_share_the_top_half_and_half():
    out = rank_noise(units({"A": 80, "B": 80, "C": 10}, 1.0), None, 2020, target_rank=1)
    assert out.loc["A", ["rank_low", "rank_high"]].tolist() == [1, 2]
    assert out.loc["A", "p_target"] == pytest.approx(0.5, abs=0.03) and out.loc["C", "p_target"] == 0.0
    assert out.loc["C", ["rank_low", "rank_high"]].tolist() == [3, 3]


def test_the_other_units_noise_moves_a_sure_units_rank():
    # the district (D) has no sampling error, but 40 others sit near it with a large one: its rank is uncertain
    # although its own score is not (holding the others still would give a single rank)
    others = {f"O{i:02d}": 80.0 + (i - 20) * 0.1 for i in range(40)}
    out = rank_noise(units({**others, "D": 80.0}, {**dict.fromkeys(others, 2.0), "D": 0.0}), None, 2020)
    low, high = out.loc["D", ["rank_low", "rank_high"]]
    assert high - low >= 8  # about 20 of the 40 others above it, give or take 3 or so
    assert low <= 21 <= high


def test_the_interval_follows_the_order_of_the_input_and_not_of_its_sorting():
    table = units({"B": 80, "A": 90, "C": 70}, 1.0)
    out = rank_noise(table, None, 2020)
    assert list(out.index) == ["B", "A", "C"]
    assert out.equals(rank_noise(table.loc[["A", "C", "B"]], None, 2020).loc[["B", "A", "C"]])


def test_a_rank_change_beyond_the_noise_and_one_within_it():
    before = units({"A": 90, "B": 80, "C": 70, "D": 60}, {"A": 0.5, "B": 0.5, "C": 0.5, "D": 0.5})
    jump = units({"A": 90, "B": 80, "C": 70, "D": 95}, 0.5)  # D from 4th to 1st with tiny errors: real
    out = rank_noise(jump, before, 2020)
    assert out.loc["D", ["gain_low", "gain_high"]].tolist() == [3, 3] and out.loc["D", "within_noise"] == False  # noqa: E712
    noisy_before = units({"A": 80.5, "B": 80.0, "C": 79.5, "D": 79.0}, 3.0)
    noisy_now = units({"A": 79.0, "B": 80.0, "C": 79.5, "D": 80.5}, 3.0)  # D from 4th to 1st within large errors
    out = rank_noise(noisy_now, noisy_before, 2020)
    assert out.loc["D", "gain_low"] < 0 < out.loc["D", "gain_high"] and out.loc["D", "within_noise"] == True  # noqa: E712


def test_a_unit_new_this_year_has_no_rank_change():
    out = rank_noise(units({"A": 90, "N": 80}, 1.0), units({"A": 90}, 1.0), 2020)
    assert pd.isna(out.loc["N", "gain_low"]) and pd.isna(out.loc["N", "within_noise"])
    assert out.loc["A", "gain_low"] == 0 and out.loc["A", "within_noise"] == True  # noqa: E712


def stable_ranks(scores: np.ndarray, standard_errors: np.ndarray, seed: tuple[int, ...]) -> np.ndarray:
    """The ranks as first computed (float draws, a stable sort of every row): what the kept, faster draws must equal."""
    rng = np.random.default_rng(list(seed))
    simulated = scores + rng.standard_normal((DRAWS, len(scores))) * np.nan_to_num(standard_errors)
    order = np.argsort(-simulated, axis=1, kind="stable")
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(1, len(scores) + 1), axis=1)
    return ranks


@pytest.mark.parametrize("case", ["distinct", "ties without error", "missing error", "missing score"])
def test_the_kept_draws_equal_a_stable_sort_of_fresh_draws(case):
    rng = np.random.default_rng(7)
    scores, errors = rng.uniform(70, 95, 183), rng.uniform(0.3, 2.0, 183)
    if case == "ties without error":
        scores[:60], errors[:90] = 80.0, 0.0  # sixty equal scores, most of them without error: ties in every draw
    if case == "missing error":
        errors[::7] = np.nan
    if case == "missing score":
        scores[[3, 50, 51]] = np.nan
    kept = simulated_ranks(scores, errors, seed=(5, 2021))
    assert kept.dtype == np.int32 and not kept.flags.writeable  # shared: nobody may change them
    assert (kept == stable_ranks(scores, errors, (5, 2021))).all()


def test_the_year_before_draws_are_the_years_own_draws_kept():
    scores, errors = np.array([3.0, 2.0, 1.0]), np.ones(3)
    assert simulated_ranks(scores, errors, seed=(1, 2019)) is simulated_ranks(scores.copy(), errors, seed=(1, 2019))
    assert simulated_ranks(scores + 1, errors, seed=(1, 2019)) is not simulated_ranks(scores, errors, seed=(1, 2019))


def test_descending_order_puts_ties_and_missing_values_in_column_order():
    values = np.array([[1.0, 3.0, 3.0, 2.0], [np.nan, 1.0, np.nan, 5.0], [4.0, 3.0, 2.0, 1.0]])
    assert descending_order(values).tolist() == [[1, 2, 3, 0], [3, 1, 0, 2], [0, 1, 2, 3]]
