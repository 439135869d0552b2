"""Names passed to C as NUL-terminated strings: a NUL inside would make C read
a shorter name (another column, language or margin) without a word. Each is
refused (issue 11, bug 6's note: Python cut names at a NUL)."""
import numpy as np
import pytest

import candor

CSV = "score,region\n9,north\n3,south\n10,north\n"


def expect_nul_error(call):
    with pytest.raises(candor.Error) as info:
        call()
    assert info.value.status == "CANDOR_INVALID_ARGUMENT"
    assert "NUL" in str(info.value)


def test_column_names():
    # "score\0junk" was read as "score" before.
    expect_nul_error(lambda: candor.parse_csv(CSV, score="score\0junk"))
    expect_nul_error(lambda: candor.parse_csv(CSV, segments=["region\0x"]))
    assert len(candor.parse_csv(CSV, segments=["region"])) == 3


def test_language_and_stop_words():
    texts = ["great product", "slow delivery", "great support"] * 5
    expect_nul_error(lambda: candor.discover_themes(texts, k=2, language="en\0fr"))
    expect_nul_error(lambda: candor.discover_themes(texts, k=2, extra_stop_words=["a\0b"]))
    expect_nul_error(lambda: candor.TextModel(language="en\0"))


def test_margin_names():
    region = np.array(["north", "south", "north", "south"])
    expect_nul_error(lambda: candor.rake({"region\0x": (region, {"north": 50, "south": 50})}))
