"""Redaction and intents in Python, next to bench/pii_bench.cc.

  peers_pii.py write FILE N SEED   writes N seeded comments (one per line,
                                   about one in three with personal data)
  peers_pii.py run FILE REPS       times, on FILE's comments:
    - python_re: the `re` code a user would write for the same kinds (email,
      phone, Luhn-checked cards, MOD 97-10 IBANs, URLs with a token
      parameter), compiled once, one pass per comment;
    - candor.redact on the list (the first call, including loading the
      library, reported on its own) and candor.intents;
  and prints JSON: medians in seconds, and how many comments the two
  redactions disagree on (they are not the same rules; the count says how far).
"""
import json
import random
import re
import statistics
import sys
import time

WORDS = ("the app is slow since the update and support never answered our ticket "
         "great product love the new dashboard please add dark mode how do I export "
         "pricing went up again we will cancel at renewal thanks for the quick help").split()


def _luhn(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


def write(path, n, seed):
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for _ in range(n):
            words = [rng.choice(WORDS) for _ in range(rng.randint(5, 30))]
            kind = rng.randrange(9)
            if kind == 0:
                words.insert(rng.randrange(len(words)), "mail me at jane.doe%d@example.com" % rng.randrange(999))
            elif kind == 1:
                words.insert(rng.randrange(len(words)), "call +1 (555) %03d-%04d" % (rng.randrange(1000), rng.randrange(10000)))
            elif kind == 2:
                card = _luhn("4" + "".join(str(rng.randrange(10)) for _ in range(14)))
                words.insert(rng.randrange(len(words)), "card " + " ".join(card[i:i + 4] for i in range(0, 16, 4)))
            elif kind == 3:
                words.insert(rng.randrange(len(words)), "see https://app.example.com/reset?token=%x" % rng.getrandbits(64))
            elif kind == 4:
                words.insert(rng.randrange(len(words)), "order 2024-%02d-%02d costs $%d.99" % (rng.randint(1, 12), rng.randint(1, 28), rng.randrange(500)))
            out.write(" ".join(words) + "\n")


EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']+")
SECRET = re.compile(r"[?&#](?:token|access_token|key|api_key|secret|password|sig|session|code)=",
                    re.I)
CARD = re.compile(r"\b(?:\d[ -]?){12,18}\d\b")
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")
PHONE = re.compile(r"(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?)?\d{3,4}[ .-]\d{3,4}(?:[ .-]\d{2,4})?\b")


def _luhn_ok(digits):
    return _luhn(digits[:-1]) == digits


def _card(match):
    digits = re.sub(r"\D", "", match.group())
    return "[CARD]" if 13 <= len(digits) <= 19 and _luhn_ok(digits) else match.group()


def _iban(match):
    text = match.group().replace(" ", "")
    moved = text[4:] + text[:4]
    return "[IBAN]" if int("".join(str(int(c, 36)) for c in moved)) % 97 == 1 else match.group()


def _url(match):
    return "[URL]" if SECRET.search(match.group()) else match.group()


def python_re(text):
    text = URL.sub(_url, text)
    text = EMAIL.sub("[EMAIL]", text)
    text = IBAN.sub(_iban, text)
    text = CARD.sub(_card, text)
    return PHONE.sub("[PHONE]", text)


def _median(fn, reps):
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def run(path, reps):
    with open(path, encoding="utf-8") as f:
        comments = f.read().splitlines()
    t0 = time.perf_counter()
    import candor
    first = candor.redact(comments)
    first_call = time.perf_counter() - t0
    re_time, re_out = _median(lambda: [python_re(c) for c in comments], reps)
    redact_time, out = _median(lambda: candor.redact(comments), reps)
    intents_time, frame = _median(lambda: candor.intents(comments), reps)
    print(json.dumps({
        "comments": len(comments),
        "python_re_s": re_time,
        "candor_redact_python_s": redact_time,
        "candor_redact_python_first_call_s": first_call,
        "candor_intents_python_s": intents_time,
        "ratio_re_over_candor": re_time / redact_time,
        "redactions_differ": sum(a != b for a, b in zip(re_out, out)),
        "redacted_by_candor": sum(a != b for a, b in zip(comments, first)),
        "needs_response": int(frame["needs_response"].sum()),
    }, indent=1))


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        run(sys.argv[2], int(sys.argv[3]))
