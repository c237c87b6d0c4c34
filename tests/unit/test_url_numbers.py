"""The one reader of numbers in links: plain whole numbers in range, and nothing else."""
import pytest

from lib.url_numbers import whole_number


@pytest.mark.parametrize("text", ["1e309", "1e400", "inf", "-inf", "nan", "NaN", "-5", "+5", "80.0", "0x50", "８０",
                                  "", "  ", "true", "9" * 5000, "<script>", "5_0", None, "99999"])
def test_anything_but_a_plain_whole_number_in_range_is_refused(text):
    assert whole_number(text, 1, 600) is None


@pytest.mark.parametrize("text,number", [("80", 80), (" 1 ", 1), ("600", 600), ("007", 7)])
def test_plain_whole_numbers_in_range_are_read(text, number):
    assert whole_number(text, 1, 600) == number
