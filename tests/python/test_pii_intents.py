"""candor.redact and candor.intents: card numbers and IBANs made valid by an
independent Luhn and MOD 97-10 in Python (and made invalid by one changed
digit) are redacted and the rest kept; offsets in characters for str; the
Series/list/str shapes; errors. Intents: precision and recall per intent on
the labelled sets recomputed with pandas from candor.intents' flags, with
the same floors as the C++ test."""
import pathlib
import random
import re

import numpy as np
import pandas as pd
import pytest

import candor

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "intents"


def _luhn_complete(body):
    """The Luhn check digit for `body` (a str of digits), by the definition."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:  # doubled: these are every second digit from the check digit
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


def _iban(country, bban):
    """An IBAN with check digits from the ISO 7064 definition (Python ints)."""
    moved = bban + country + "00"
    number = int("".join(str(int(c, 36)) for c in moved))
    return "%s%02d%s" % (country, 98 - number % 97, bban)


def test_cards_and_ibans_against_independent_check_digits():
    rng = random.Random(14)
    for _ in range(300):
        length = rng.choice([13, 15, 16, 19])
        body = str(rng.randint(2, 6)) + "".join(str(rng.randint(0, 9)) for _ in range(length - 2))
        card = _luhn_complete(body)
        if len(set(card)) == 1:
            continue
        groups = [card[i:i + 4] for i in range(0, len(card), 4)]
        if len(groups[-1]) == 1:  # 13 digits: 4-4-5, no one-digit group
            groups[-2:] = [groups[-2] + groups[-1]]
        grouped = rng.choice([" ", "-"]).join(groups)
        for shown in (card, grouped):
            assert candor.redact("paid with %s today" % shown) == "paid with [CARD] today"
        wrong = card[:-1] + str((int(card[-1]) + rng.randint(1, 9)) % 10)
        assert candor.redact("ref %s." % wrong) == "ref %s." % wrong
    for _ in range(200):
        country, length = rng.choice([("DE", 22), ("GB", 22), ("FR", 27), ("NL", 18),
                                      ("ES", 24)])
        alphabet = "0123456789" if country != "GB" else "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        bban = "".join(rng.choice(alphabet) for _ in range(length - 4))
        iban = _iban(country, bban)
        assert int("".join(str(int(c, 36)) for c in iban[4:] + iban[:4])) % 97 == 1
        spaced = " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
        assert candor.redact("IBAN: %s, thanks" % spaced) == "IBAN: [IBAN], thanks"
        wrong = iban[:2] + "%02d" % ((int(iban[2:4]) + 1) % 100) + iban[4:]
        assert "[IBAN]" not in candor.redact(wrong)


def test_emails_agree_with_a_regex_on_simple_addresses():
    rng = random.Random(3)
    pattern = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
    texts = []
    for _ in range(200):
        user = "".join(rng.choice("abcxyz019._+") for _ in range(rng.randint(1, 8))).strip(".")
        user = user or "a"
        domain = rng.choice(["example.com", "mail.example.co.uk", "corp.io", "x-y.org"])
        texts.append("write to %s@%s please" % (user, domain))
    redacted = candor.redact(texts)
    expected = [pattern.sub("[EMAIL]", t) for t in texts]
    assert redacted == expected


def test_shapes_offsets_and_options():
    text = "Café ☕ mail jane@example.com or +44 20 7946 0958"
    out, spans = candor.redact(text, spans=True)
    assert out == "Café ☕ mail [EMAIL] or [PHONE]"
    assert list(spans["kind"]) == ["email", "phone"]
    for row in spans.itertuples():
        assert text[row.start:row.end] == row.text
        assert out[row.output_start:row.output_end] == "[%s]" % row.kind.upper()
    series = pd.Series(["a@b.com", None, "nothing"], index=[10, 20, 30], name="comment")
    result = candor.redact(series)
    assert list(result.index) == [10, 20, 30] and result.name == "comment"
    assert list(result) == ["[EMAIL]", "", "nothing"]
    assert candor.redact(["x a@b.com"], kinds=["phone"]) == ["x a@b.com"]
    assert candor.redact("a@b.com", placeholders={"email": "<e>"}) == "<e>"
    assert candor.redact("see https://example.com/p") == "see https://example.com/p"
    assert candor.redact("see https://example.com/p", redact_all_urls=True) == "see [URL]"
    assert candor.redact(b"mail a@b.com") == b"mail [EMAIL]"
    assert candor.redact([]) == []


def test_redact_errors():
    with pytest.raises(candor.Error) as error:
        candor.redact(["ok", b"bad \xff"])
    assert error.value.status == "CANDOR_INVALID_UTF8"
    assert "text 1" in str(error.value) and "byte 4" in str(error.value)
    with pytest.raises(candor.Error, match="unknown kind"):
        candor.redact("x", kinds=["ssn"])
    with pytest.raises(candor.Error):
        candor.redact([3.5j])


FLOORS = {  # (precision, recall), as tests/cpp/intents/intents_test.cc
    "comments.csv": {"complaint": (0.88, 0.88), "suggestion": (0.88, 0.92),
                     "question": (0.92, 0.92), "praise": (0.95, 0.85),
                     "needs_response": (0.92, 0.92)},
    "sample_labels.csv": {"complaint": (0.90, 0.88), "suggestion": (0.95, 0.95),
                          "praise": (0.95, 0.95), "needs_response": (0.95, 0.95)},
    "heldout.csv": {"complaint": (0.80, 0.48), "suggestion": (0.74, 0.88),
                    "question": (0.92, 0.92), "praise": (0.85, 0.74),
                    "needs_response": (0.88, 0.58)},
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_intents_precision_recall(name):
    labels = pd.read_csv(DATA / name, keep_default_na=False)
    found = candor.intents(labels["comment"])
    assert list(found.index) == list(labels.index)
    for intent, (precision_floor, recall_floor) in FLOORS[name].items():
        truth = labels[intent].astype(bool)
        guess = found[intent]
        tp = int((truth & guess).sum())
        precision = tp / guess.sum()
        recall = tp / truth.sum()
        assert precision >= precision_floor, (intent, precision)
        assert recall >= recall_floor, (intent, recall)
    if name == "sample_labels.csv":  # the sample has no questions, and none is found
        assert not labels["question"].any() and not found["question"].any()


def test_intents_frame_and_errors():
    frame = candor.intents(["Love it! Please add dark mode.", None, "How do I export?"])
    assert list(frame.columns) == ["complaint", "suggestion", "question", "praise",
                                   "needs_response", "reasons"]
    assert frame.loc[0, "praise"] and frame.loc[0, "suggestion"] and not frame.loc[0, "complaint"]
    assert not frame.loc[1, ["complaint", "suggestion", "question", "praise"]].any()
    assert frame.loc[1, "reasons"] == ""
    assert frame.loc[2, "question"] and frame.loc[2, "needs_response"]
    assert "question: question opener 'How do I'" in frame.loc[2, "reasons"]
    assert len(candor.intents([])) == 0
    with pytest.raises(candor.Error) as error:
        candor.intents(["fine", b"\xc3"])
    assert error.value.status == "CANDOR_INVALID_UTF8" and "comment 1" in str(error.value)
