#!/usr/bin/env python3
"""Writes the seed corpora under fuzz/corpus/<target>/ from the repository's
own data (tests/data, data/sample, data/taxonomies).

Each seed is laid out as its target reads it (fuzz/fuzz_input.hpp): control
bytes from the front, in the order the target asks for them, then the body
(a CSV, a lexicon, JSON, comments). Seeds are small (a few KB): libFuzzer's
mutations are cheaper on short inputs, and the repository stays small.

    python3 fuzz/make_corpus.py      # rewrites fuzz/corpus/
"""
import os
import shutil
import struct

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "corpus")


def read(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


def head_lines(data, lines):
    return b"".join(data.splitlines(keepends=True)[:lines])


def write(target, name, data, directory=OUT):
    os.makedirs(os.path.join(directory, target), exist_ok=True)
    with open(os.path.join(directory, target, name), "wb") as f:
        f.write(data)


# The issue's own examples of known bugs go with the regressions (replayed by
# scripts/fuzz.sh ci), not with the seeds.
def write_regression(target, name, data):
    write(target, name, data, os.path.join(ROOT, "fuzz", "regressions"))


# Score options as fuzz_input.hpp's ScoreOptions reads them: a mode byte
# (preset = mode % 4 when mode & 3 != 3) and a byte of changes (0: none), or
# changes followed by their values.
def score_options(preset=0, interval=None, level=None):
    change = 0
    tail = b""
    if interval is not None:
        change |= 2
        tail += bytes([interval])
    if level is not None:
        change |= 32
        tail += bytes([level])  # an index into InterestingDouble's table
    return bytes([preset, change]) + tail


# ---------------------------------------------------------------- csv_parse
def csv_seeds():
    survey = head_lines(read("data/sample/survey.csv"), 25)
    # response_id,timestamp,account_id,region,plan,role,seats,arr,weight,score,comment
    def sel(i):
        return 2 + i

    # flags: bit 0 skip bad rows, bit 1 also from a file, bit 2 ParseCsvColumns,
    # bits 5-7 segment count. Then delimiter choice, ten column selectors.
    all_columns = bytes([sel(9), sel(1), sel(2), sel(5), sel(8), sel(10), sel(3), sel(4), 0, 0])
    write("csv_parse", "survey_all_columns", bytes([2 | (2 << 5), 0]) + all_columns + survey)
    write("csv_parse", "survey_score_only", bytes([4, 0, sel(9)] + [0] * 9) + survey)
    semicolon = survey.replace(b",", b";")
    write("csv_parse", "survey_semicolon",
          bytes([1 | (1 << 5), 1, sel(9), sel(1), 0, 0, 0, 0, sel(3), 0, 0, 0]) + semicolon)
    tab = survey.replace(b",", b"\t")
    write("csv_parse", "survey_tab", bytes([0, 2, sel(9), sel(1), sel(2), 0, sel(8), 0, 0, 0, 0, 0]) + tab)
    # score,account,comment,when (CRLF, BOM, quoted line breaks)
    write("csv_parse", "crlf_bom", bytes([2, 0, 0, sel(3), sel(1), 0, 0, sel(2), 0, 0, 0, 0]) +
          read("tests/data/csv/crlf_bom.csv"))
    # time,score,weight,account,segment (epoch seconds)
    buckets = head_lines(read("tests/data/trend_buckets/responses.csv"), 30)
    write("csv_parse", "epoch_times", bytes([1 | (1 << 5), 0, sel(1), sel(0), sel(3), 0, sel(2), 0,
                                             sel(4), 0, 0, 0]) + buckets)
    design = head_lines(read("tests/data/design/responses.csv"), 30)
    write("csv_parse", "design", bytes([3 << 5, 0, sel(0), 0, sel(1), 0, sel(2), 0, sel(3),
                                        sel(4), sel(6), 0]) + design)


# ------------------------------------------------------------- accumulator
def fnv1a(data):
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def accumulator(scale_min, scale_max, points, weighted=False):
    """points: per scale point (count, weight sum, squared-weight sum)."""
    out = b"CNDR" + struct.pack("<HiiB", 1, scale_min, scale_max, 1 if weighted else 0)
    for count, ws, wss in points:
        out += struct.pack("<Qdd", count, ws, wss)
    return out + struct.pack("<Q", fnv1a(out))


def accumulator_seeds():
    nps = [(c, float(c), float(c)) for c in (3, 1, 0, 2, 5, 4, 6, 10, 12, 30, 25)]
    write("accumulator", "nps", bytes([0]) + score_options(0) + accumulator(0, 10, nps))
    write("accumulator", "nps_bayes", bytes([0]) + score_options(0, interval=2) +
          accumulator(0, 10, nps))
    csat = [(4, 3.5, 3.25), (2, 2.0, 2.5), (7, 9.0, 14.0), (20, 18.0, 17.5), (11, 12.5, 16.0)]
    write("accumulator", "csat_weighted", bytes([0]) + score_options(1) +
          accumulator(1, 5, csat, weighted=True))
    write("accumulator", "ces_empty", bytes([0]) + score_options(2) +
          accumulator(1, 7, [(0, 0.0, 0.0)] * 7))
    big = [(10**15, 1e15, 1e15)] * 5
    write("accumulator", "big_counts", bytes([0]) + score_options(1, interval=1) +
          accumulator(1, 5, big))
    # Checksum left for the target to fix (mode bit 0).
    body = accumulator(0, 10, nps)[:-8] + b"\0" * 8
    write("accumulator", "nps_fix_checksum", bytes([1]) + score_options(0) + body)
    write("accumulator", "one_point", bytes([1]) + score_options(3) +
          accumulator(-3, -3, [(5, 5.0, 5.0)])[:-8] + b"\0" * 8)


def account_accumulator(scale_min, scale_max, totals, accounts):
    """totals: per point (count, weight sum, squared-weight sum); accounts:
    (label bytes, responses, per point weight sums)."""
    inner = accumulator(scale_min, scale_max, totals, weighted=True)
    out = b"CNDA" + struct.pack("<HI", 1, len(inner)) + inner + struct.pack("<Q", len(accounts))
    for label, rows, sums in accounts:
        out += struct.pack("<I", len(label)) + label + struct.pack("<Q", rows)
        out += b"".join(struct.pack("<d", w) for w in sums)
    return out + struct.pack("<Q", fnv1a(out))


def account_accumulator_seeds():
    zero = [0.0] * 11
    a = list(zero)
    a[10], a[3] = 2.0, 1.0
    b = list(zero)
    b[9], b[0] = 1.5, 2.5
    totals = [(0, 0.0, 0.0)] * 11
    totals[10], totals[3], totals[9], totals[0] = (2, 2.0, 2.0), (1, 1.0, 1.0), \
        (1, 1.5, 2.25), (1, 2.5, 6.25)
    two = account_accumulator(0, 10, totals, [(b"s:acme", 3, a), (b"i:17", 2, b)])
    write("account_accumulator", "two_accounts", bytes([0]) + score_options(0) + two)
    write("account_accumulator", "two_accounts_wald", bytes([2]) + score_options(0, interval=0) +
          two)
    one = account_accumulator(0, 10, totals[:], [(b"s:acme", 5, [x + y for x, y in zip(a, b)])])
    write("account_accumulator", "one_account", bytes([0]) + score_options(0) + one)
    write("account_accumulator", "fix_checksum", bytes([1]) + score_options(1) +
          account_accumulator(1, 5, [(1, 1.0, 1.0)] * 5,
                              [(b"s:x", 3, [1.0, 1.0, 1.0, 0.0, 0.0]),
                               (b"s:y", 2, [0.0, 0.0, 0.0, 1.0, 1.0])])[:-8] + b"\0" * 8)


def bucket_accumulator(scale_min, scale_max, zone, half_life, labels, cells):
    """cells: (segment index, day since 1970-01-01, weighted, per point
    (count, sum w, sum w^2[, sum w d, sum (w d)^2]))."""
    out = b"CNDB" + struct.pack("<HiiH", 1, scale_min, scale_max, len(zone)) + zone
    out += struct.pack("<dQ", half_life, len(labels))
    for label in labels:
        out += struct.pack("<I", len(label)) + label
    out += struct.pack("<Q", len(cells))
    for segment, day, weighted, points in cells:
        out += struct.pack("<IiB", segment, day, weighted)
        for point in points:
            out += struct.pack("<Q", point[0]) + b"".join(struct.pack("<d", x) for x in point[1:])
    return out + struct.pack("<Q", fnv1a(out))


def bucket_accumulator_seeds():
    def day(counts, decay=None):
        return [(c, float(c), float(c)) + (() if decay is None else (c * decay, c * decay ** 2))
                for c in counts]
    # Berlin's 2026-03-28 to 03-30 (days 20540-20542, the jump on the 29th),
    # two segments, decayed sums for a 7-day half-life.
    cells = [(0, 20540, 0, day([1, 0, 0, 2, 0, 1, 0, 3, 2, 4, 5], 0.95)),
             (0, 20541, 0, day([0, 1, 0, 0, 0, 0, 2, 1, 1, 2, 6], 0.97)),
             (1, 20542, 0, day([2, 0, 1, 0, 0, 0, 0, 0, 1, 3, 1], 0.9))]
    berlin = bucket_accumulator(0, 10, b"Europe/Berlin", 7.0, [b"s:north", b"i:2"], cells)
    write("bucket_accumulator", "berlin_days", bytes([0, 0, 3]) + score_options(0) + berlin)
    write("bucket_accumulator", "berlin_smoothed_weeks", bytes([2, 1, 14]) + score_options(0) +
          berlin)
    # Santiago's 2022-09-09 and 09-10: the day after begins at 01:00.
    santiago = bucket_accumulator(0, 10, b"America/Santiago", 0.0, [b""],
                                  [(0, 19244, 0, day([1] * 11)), (0, 19245, 0, day([2] * 11))])
    write("bucket_accumulator", "santiago_skipped_midnight", bytes([0, 0, 7]) +
          score_options(0) + santiago)
    write("bucket_accumulator", "fix_checksum", bytes([1, 2, 0]) + score_options(1) +
          bucket_accumulator(1, 5, b"UTC", 0.0, [b"s:x"],
                             [(0, 0, 1, [(1, 0.5, 0.25)] * 5)])[:-8] + b"\0" * 8)


def driver_accumulator(scale_min, scale_max, themes, periods_given, comments):
    """The serialized state of comments (period label, theme ids, score,
    weight): per period the tallies, per (themes, point) the count and sum."""
    points = scale_max - scale_min + 1
    periods, patterns, weighted = {}, {}, 0
    for label, ids, score, w in comments:
        total, mentioned = periods.setdefault(label, ([[0, 0.0, 0.0] for _ in range(points)], {}))
        p = score - scale_min
        for cell in [total[p]] + [mentioned.setdefault(t, [[0, 0.0, 0.0] for _ in range(points)])[p]
                                  for t in ids]:
            cell[0] += 1
            cell[1] += w
            cell[2] += w * w
        key = tuple(sorted(ids)) + (p,)
        count, sum_w = patterns.get(key, (0, 0.0))
        patterns[key] = (count + 1, sum_w + w)
        weighted |= w != 1.0
    out = b"CNDT" + struct.pack("<HiiIBBQ", 1, scale_min, scale_max, themes, periods_given,
                                weighted, len(periods))
    for label, (total, mentioned) in periods.items():
        out += struct.pack("<I", len(label)) + label
        out += b"".join(struct.pack("<Qdd", *cell) for cell in total)
        out += struct.pack("<I", len(mentioned))
        for theme in sorted(mentioned):
            out += struct.pack("<I", theme)
            out += b"".join(struct.pack("<Qdd", *cell) for cell in mentioned[theme])
    out += struct.pack("<Q", len(patterns))
    for key in sorted(patterns):
        count, sum_w = patterns[key]
        out += struct.pack("<I", len(key) - 1) + b"".join(struct.pack("<I", v) for v in key)
        out += struct.pack("<Qd", count, sum_w)
    return out + struct.pack("<Q", fnv1a(out))


def driver_accumulator_seeds():
    # Two quarters of NPS comments; theme 0 with detractors, theme 1 with
    # promoters, theme 2 never mentioned.
    comments = []
    for label in (b"s:2025-Q1", b"s:2025-Q2"):
        comments += [(label, [0], 2, 1.0), (label, [0], 5, 1.0), (label, [0, 1], 6, 1.0),
                     (label, [1], 9, 1.0), (label, [1], 10, 1.0), (label, [], 8, 1.0),
                     (label, [], 10, 1.0), (label, [], 3, 1.0)]
    two = driver_accumulator(0, 10, 3, 2, comments)
    write("driver_accumulator", "two_quarters", bytes([0, 0x0f]) + score_options(0) + two)
    write("driver_accumulator", "two_quarters_wald_no_model", bytes([2, 0x11]) +
          score_options(0, interval=0) + two)
    csat = driver_accumulator(1, 5, 2, 1, [(b"", [], 1, 0.5), (b"", [1], 1, 1.0),
                                           (b"", [], 3, 2.0), (b"", [0], 5, 1.5),
                                           (b"", [0, 1], 5, 1.0)])
    write("driver_accumulator", "csat_weighted_fix_checksum", bytes([1, 0x0f]) +
          score_options(1) + csat[:-8] + b"\0" * 8)


# ----------------------------------------------------------------- lexicon
def lexicon_seeds():
    for name, fmt in (("candor", 0), ("vader", 1), ("afinn", 2)):
        data = read(f"tests/data/text/lexicon_{name}.txt")
        write("lexicon", f"{name}_merge", bytes([fmt, 0]) + data)
        write("lexicon", f"{name}_replace_file", bytes([fmt, 3]) + data)
    write("lexicon", "bad_line", bytes([0, 0]) + read("tests/data/text/lexicon_bad_line.txt"))


# ---------------------------------------------------------------- taxonomy
def taxonomy_seeds():
    write("taxonomy", "cx_starter", bytes([0]) + read("data/taxonomies/cx_starter.json"))
    write("taxonomy", "small", bytes([1]) + b'{"language": "en", "themes": [{"name": "Support", '
          b'"keywords": ["support", "e-mail"], "children": [{"name": "Response time", '
          b'"keywords": ["slow", "wait"], "phrases": ["on hold"], "stems": ["respons"], '
          b'"exclude": ["slow cooker"]}]}, {"name": "Price", "stems": ["pric", "cost"]}]}')
    write("taxonomy", "unicode", bytes([1]) + '{"themes": [{"name": "Qualit\\u00e9", '
          '"keywords": ["qualité", "ｒｅｆｕｎｄ"], "phrases": ["très bon"]}]}'.encode())
    write("taxonomy", "nested", bytes([0]) + b'{"themes": [{"name": "a", "children": [{"name": "b",'
          b' "children": [{"name": "c", "keywords": ["x"]}]}]}]}')
    # Nested 1,200 levels (33 KB): overflows the stack of the recursive theme
    # compiler under ASan (issue 11, bug 5: 10,000 levels without ASan).
    depth = 1200
    deep = ('{"themes":[' + "".join('{"name":"%x","children":[' % i for i in range(depth - 1)) +
            '{"name":"leaf","keywords":["k"]}' + "]}" * (depth - 1) + "]}")
    write_regression("taxonomy", "bug5_taxonomy_1200_levels", bytes([0]) + deep.encode())


# ------------------------------------------------------------ text_analyze
def survey_comments(limit):
    import csv
    import io
    rows = csv.DictReader(io.StringIO(read("data/sample/survey.csv").decode()))
    out = []
    for row in rows:
        if row["comment"]:
            out.append(row["comment"].encode())
        if len(out) == limit:
            break
    return out


def text_seeds():
    comments = survey_comments(40)
    # policy, language choice (0: NULL, 2: "en"), fallback choice, comments.
    write("text_analyze", "survey_detect", bytes([0, 0, 0]) + b"\x1e".join(comments[:20]))
    write("text_analyze", "survey_en_repair", bytes([1, 2, 2]) + b"\x1e".join(comments[20:]))
    repair = read("tests/data/text/tokenizer_utf8_repair.tsv")
    write("text_analyze", "utf8_repair", bytes([1, 2, 0]) + repair.replace(b"\n", b"\x1e"))
    write("text_analyze", "utf8_error", bytes([0, 2, 0]) + b"fine\x1ebad \xc3\x28 byte\x1e\xed\xa0\x80")
    multilingual = ["Der Support war sehr langsam und unfreundlich.",
                    "Le service client est excellent, merci !",
                    "El envío llegó tarde y la caja estaba rota.",
                    "配送がとても遅かったです。", "Очень плохое обслуживание, верните деньги.",
                    "I'll sue you if this isn't fixed :( Still broken, third time!!!",
                    "not bad at all, honestly :) 👍"]
    write("text_analyze", "multilingual", bytes([1, 0, 2]) +
          "\x1e".join(multilingual).encode())


# ------------------------------------------------------------------ themes
def themes_seeds():
    docs = head_lines(read("tests/data/text/discovery/docs.txt"), 150).splitlines()
    short = b"\n".join(d[:160] for d in docs[:40])
    # change, k, k_min, k_max - k_min, bits, init, svd, max_iter, seed, language (0x80: "en").
    write("themes", "reviews_auto_k", bytes([0, 0, 2, 2, 0, 1, 0, 25, 0, 0x80]) + short)
    write("themes", "reviews_k3_stems", bytes([0, 3, 0, 0, 1 | 2, 0, 1, 20, 7, 0x81]) + short)
    comments = b"\n".join(c.replace(b"\n", b" ") for c in survey_comments(40))
    write("themes", "survey_detect", bytes([0, 0, 2, 3, 4, 2, 2, 25, 1, 0]) + comments)


# --------------------------------------------------------------- time_zone
def time_zone_seeds():
    responses = head_lines(read("tests/data/trend_buckets/responses.csv"), 60)
    # zone choice, period, flags (8 weight, 16 account, 32 segment, 64 skip),
    # [window u16 (1)], [half-life (2)], score options, CSV.
    write("time_zone", "london_month_all", bytes([1, 2, 8 | 16 | 32 | 1, 30, 0]) +
          score_options(0) + responses)
    write("time_zone", "new_york_week", bytes([2, 1, 2 | 8, 6]) + score_options(1) + responses)
    write("time_zone", "chatham_day", bytes([5, 0, 32]) + score_options(0, interval=2) + responses)
    write("time_zone", "lord_howe_quarter", bytes([4, 3, 0]) + score_options(2) + responses)
    import csv
    import io
    rows = list(csv.DictReader(io.StringIO(read("data/sample/survey.csv").decode())))[:60]
    iso = "time,score,account,segment\n" + "".join(
        f"{r['timestamp']},{r['score']},{r['account_id']},{r['region']}\n" for r in rows)
    write("time_zone", "iso_kolkata_day", bytes([3, 0, 16 | 32 | 64]) + score_options(0) +
          iso.encode())
    odd = ("time,score\n2024-02-29,9\n2024-03-31T02:30:00+01:00,7\n1969-12-31T23:59:59Z,3\n"
           "-86400,10\n2024-10-27 01:30:00.125-0400,6\n+1700000000,8\n2100-12-31T23:59,0\n")
    write("time_zone", "odd_times_dublin", bytes([11, 1, 64]) + score_options(0) + odd.encode())
    # Paths given as zones (issue 11, bug 6): a raw name (choice 0xe0).
    small = b"time,score\n1700000000,9\n1702000000,3\n1704000000,10\n"
    for name, zone in (("bug6_zone_absolute_path", b"/usr/share/zoneinfo/Asia/Tokyo"),
                       ("bug6_zone_dotdot_path", b"../../../../usr/share/zoneinfo/Asia/Tokyo")):
        write_regression("time_zone", name, bytes([0xe0, len(zone)]) + zone + bytes([2, 0]) +
                         score_options(0) + small)


# ------------------------------------------------------------------- score
def score_seeds():
    nps = bytes(range(11)) * 3 + bytes([10, 10, 9, 9, 0])
    write("score", "nps_wald", score_options(0) + bytes([2]) + nps)
    write("score", "nps_bayes", score_options(0, interval=2) + bytes([0]) + nps)
    write("score", "nps_bootstrap", score_options(0, interval=3) + bytes([0]) + nps)
    write("score", "csat_adjusted", score_options(1, interval=1) + bytes([2]) +
          bytes([0, 1, 2, 3, 4, 4, 4, 3, 2, 4, 4, 1]))
    weighted = b"".join(bytes([s, w]) for s, w in zip(nps, [4, 1, 8, 2, 0, 3, 12, 5] * 8))
    write("score", "nps_weighted", score_options(0) + bytes([1 | 2]) + weighted)
    # Extreme weights: 0xc0 + index into InterestingDouble's table (1e308 is 9).
    extreme = bytes([3, 0xc0, 9, 2, 4, 0, 4])
    write_regression("score", "bug3_mean_weight_1e308", score_options(2) + bytes([1]) + extreme)


# ------------------------------------------------------------ option_sizes
def option_sizes_seeds():
    # Score options: a full raw struct, then threads choice, then the size byte.
    raw = struct.pack("<Qiiiiiii4xddi4xQii", 80, 0, 0, 10, 9, 6, 2, 0, 0.95, 1.0, 100, 42, 1, 1)
    write("option_sizes", "score_full", bytes([0]) + raw + bytes([1, 0xd0]))
    write("option_sizes", "score_cut_level", bytes([0]) + raw + bytes([1, 44]))
    # CSV options: six name bytes (>= 0x40 picks kNames[b % 10]), segments,
    # NULL-choice byte, delimiter byte, skip_bad_rows, size.
    names = bytes([0x50, 0x51, 0x52, 0x53, 0x54, 0x55])  # score, time, account, role, weight, comment
    write("option_sizes", "csv_full", bytes([1]) + names + bytes([2, 0, 1]) + struct.pack("<i", 0) +
          bytes([0xd0]))
    write_regression("option_sizes", "bug4_csv_size_cuts_time_column", bytes([1]) + names + bytes([0, 0, 1]) + struct.pack("<i", 0) +
          bytes([20]))
    write("option_sizes", "design_full", bytes([2, 3, 0xd0]))
    write("option_sizes", "design_calibration", bytes([2, 4, 0xd0]))
    mk = struct.pack("<i", 0) + bytes([20]) + struct.pack("<Q", 0) + bytes([0, 0]) + struct.pack("<i", 0)
    write("option_sizes", "mk_full", bytes([3]) + mk + bytes([0xd0]))
    buckets = struct.pack("<i", 2) + bytes([1, 1]) + struct.pack("<i", 7) + bytes([0, 2, 21, 0])
    write("option_sizes", "buckets_full", bytes([4]) + buckets + bytes([0xd0]))
    change = struct.pack("<i", 0) + bytes([0, 0, 10, 0, 0])
    write("option_sizes", "change_points_full", bytes([5]) + change + bytes([0xd0]))
    accounts = bytes([0, 10, 23]) + struct.pack("<i", 0) + struct.pack("<q", 0) + bytes([23]) + \
        struct.pack("<ii", 1, 2) + bytes([20])
    write("option_sizes", "account_trends_full", bytes([6]) + accounts + bytes([0xd0]))
    text = struct.pack("<i", 1) + bytes([0, 0, 0, 0, 1])
    write("option_sizes", "text_full", bytes([7]) + text + bytes([0xd0]))
    themes = struct.pack("<iiiiiii", 2, 0, 0, 5, 2, 0, 2) + struct.pack("<q", 1) + bytes([1]) + \
        struct.pack("<i", 0) + struct.pack("<q", 2) + bytes([0]) + struct.pack("<iii", 0, 1, 0) + \
        struct.pack("<i", 20) + bytes([22]) + struct.pack("<Q", 0) + bytes([1]) + \
        struct.pack("<i", 0) + bytes([0, 0, 0])
    write("option_sizes", "themes_full", bytes([8]) + themes + bytes([0xd0]))
    drivers = bytes([1]) + struct.pack("<ii", 1, 50) + bytes([14]) + struct.pack("<ii", -1, -1) + \
        struct.pack("<i", 2) + bytes([20])
    write("option_sizes", "drivers_full", bytes([9]) + drivers + bytes([0xd0]))
    # Survival: a byte picking concordance (odd) or Kaplan-Meier (even), the
    # fields, then the size byte.
    write("option_sizes", "concordance_full", bytes([10, 1]) + struct.pack("<i", 1) + bytes([0xd0]))
    write("option_sizes", "kaplan_meier_full", bytes([10, 0, 20]) + struct.pack("<i", 2) + bytes([0xd0]))


# ----------------------------------------------------------------- drivers
def drivers_seeds():
    # Mode 0 (drivers): score options, flags (8 names + periods, 16 weights),
    # themes, then per comment: score, weight, account, period, count, ids.
    import csv
    import io
    rows = list(csv.DictReader(io.StringIO(read("data/sample/survey.csv").decode())))[:80]
    words = ["support", "price", "bug", "slow", "great"]
    body = b""
    for i, r in enumerate(rows):
        comment = r["comment"].lower()
        ids = [t for t, w in enumerate(words) if w in comment][:3]
        body += bytes([int(r["score"]), 2 + i % 3, i % 7, 0 if i < 40 else 1, len(ids)] + ids)
    write("drivers", "survey_csr", bytes([0]) + score_options(0) + bytes([8 | 16, 5]) + body)
    write("drivers", "survey_pairs_top_box", bytes([0]) + score_options(1) + bytes([2 | 32, 5]) +
          body.replace(b"\x0a", b"\x05"))
    # Mode 1 (NMF): rows, cols, k, flags, init, svd, max_iter, seed, row
    # lengths, then (column, value) per entry.
    lengths = [2, 3, 1, 2, 3, 2]
    entries = b"".join(bytes([(r + e) % 5, 1 + (r * e) % 7]) for r, n in enumerate(lengths)
                       for e in range(n))
    write("drivers", "nmf_6x5_k2", bytes([1, 6, 5, 2, 0, 1, 0, 40, 3]) + bytes(lengths) + entries)


# ------------------------------------------------------------------- trend
def trend_seeds():
    import csv
    import io
    series = [float(r["value"]) for r in csv.DictReader(io.StringIO(
        read("tests/data/trend/trend_series.csv").decode())) if r["case"] == "ties3"]
    # Mode 0: method, alpha choice, max_lag, period, signed, level choice,
    # with times; then per value: value byte (b % 16 - 4), error, time step.
    body = b"".join(bytes([int(v) % 16, 3, 1]) for v in series[:200])
    write("trend", "series_mk_original", bytes([0, 0, 0, 0, 0, 0, 0, 1]) + body)
    write("trend", "series_hamed_rao", bytes([0, 1, 0, 5, 0, 1, 0, 0]) + body)
    write("trend", "series_seasonal", bytes([0, 2, 0, 0, 12, 0, 0, 1]) + body)
    # Standard errors of 1e-300 (0xf0, then InterestingDouble index 6): 1 / se^2
    # overflowed, and the line came back as CANDOR_OK with NaN.
    tiny = b"".join(bytes([v, 0xF0, 6, 1]) for v in (5, 7, 9, 11, 13))
    write_regression("trend", "new4_wls_tiny_standard_errors", bytes([0] * 8) + tiny)
    # Mode 1: change points, score options, penalty, penalty value, min_size,
    # grid choice, flags; per response: score, time step.
    scores = [int(r["score"]) for r in csv.DictReader(io.StringIO(
        read("tests/data/change_points/series_nps_one_change.csv").decode()))]
    body = b"".join(bytes([s, 1]) for s in scores)
    write("trend", "change_points_nps", bytes([1]) + score_options(0) + bytes([0, 0, 30, 0x80, 1]) +
          body)
    # Mode 2: account trends, score options, flags; per response: score,
    # day, account, weight.
    rows = [r for r in csv.DictReader(io.StringIO(
        read("tests/data/trend_accounts/responses.csv").decode())) if r["case"] == "unweighted"]
    t0 = min(int(r["time"]) for r in rows)
    body = b"".join(bytes([int(r["score"]), min(0xf7, (int(r["time"]) - t0) // 86400),
                           int(r["account"]) % 8, 4]) for r in rows[:400])
    write("trend", "account_trends", bytes([2]) + score_options(0) + bytes([4]) + body)


# ----------------------------------------------------------------- weights
def weights_seeds():
    import csv
    import io
    rows = list(csv.DictReader(io.StringIO(read("tests/data/design/responses.csv").decode())))[:120]
    # Modes 0-2 (rake, poststratify, calibrate): margins, levels and totals,
    # p and totals, base choice; per respondent: codes, base weight, x.
    for mode, name in ((0, "rake"), (1, "poststratify"), (2, "calibrate_linear")):
        head = bytes([mode, 1, 3, 40, 40, 40, 40, 1, 40, 40, 1, 120, 30, 1])
        body = b"".join(bytes([int(r["region"]) % 4, int(r["plan"]) % 2, 3, int(r["tenure"][0])])
                        for r in rows)
        write("weights", name, head + body)
    # Mode 3 (IPW): covariates, l2 choice, per covariate kind; responded and values.
    head = bytes([3, 2, 0, 1, 4])
    body = b"".join(bytes([i % 3 == 0, i % 9, int(r["region"]) % 3]) for i, r in enumerate(rows))
    write("weights", "ipw", head + body)
    # Mode 4 (vectors): which, three doubles, reference, roles, role weights,
    # per respondent: weight, day, account, role.
    for which, name in ((0, "summarize"), (1, "recency"), (2 | 8, "accounts_roles"), (3, "trim"),
                        (4, "combine"), (5 | 8, "response_rates")):
        head = bytes([4, which, 23, 1, 12]) + struct.pack("<i", 0) + bytes([2, 4, 8])
        body = b"".join(bytes([int(float(r["weight"]) * 4) % 16, i % 30, int(r["account"]) % 6, i % 2])
                        for i, r in enumerate(rows))
        write("weights", f"vectors_{name}", head + body)
    # Mode 5 (design): score options, flags, kinds, decay, shares; per
    # respondent: score, weight, cluster, group, event, days.
    head = bytes([5]) + score_options(0) + bytes([1 | 2, 2, 23, 5, 3])
    body = b"".join(bytes([int(r["score"]) * 2, int(float(r["weight"]) * 4) % 16, int(r["account"]) % 5,
                           int(r["group"]) % 3, i % 3, i % 60]) for i, r in enumerate(rows))
    write("weights", "design", head + body)


# ---------------------------------------------------------------- survival
def survival_seeds():
    import csv
    import io
    rows = list(csv.DictReader(io.StringIO(read("tests/data/wa_churn/wa_churn.csv").decode())))[:80]
    contracts = {"Month-to-month": 0, "One year": 1, "Two year": 2}
    # Per row: time (tenure / 5), event, risk (monthly charges / 10), group
    # (contract), weight (4 = 1.0).
    body = b"".join(bytes([int(r["tenure"]) // 5 % 16, int(r["churn"] == "Yes"),
                           int(float(r["monthly_charges"]) / 10) % 16,
                           contracts[r["contract"]], 4]) for r in rows)
    write("survival", "concordance_harrell", bytes([0, 0, 0]) + body)
    write("survival", "concordance_uno_weighted", bytes([0, 1, 1]) + body)
    write("survival", "kaplan_meier_groups", bytes([1, 0, 0, 3]) + body)
    write("survival", "kaplan_meier_log_log", bytes([1, 1, 0, 1]) + body)
    write("survival", "log_rank", bytes([2]) + body)
# ---------------------------------------------------------------- validate
def validate_seeds():
    import csv
    import io
    rows = list(csv.DictReader(io.StringIO(read("tests/data/wa_churn/wa_churn.csv").decode())))
    # A level byte (even: 0.95), a groups byte (% 16), then per customer:
    # score byte (b % 24 - 8), second score byte, outcome byte (0/1),
    # probability byte ((b % 99 + 1) / 100).
    def customer(r):
        tenure = int(r["tenure"])
        return bytes([tenure % 24, int(float(r["monthly_charges"])) % 24, r["churn"] == "Yes",
                      max(0, 60 - tenure)])
    write("validate", "wa_churn_tenure", bytes([0, 10]) + b"".join(customer(r) for r in rows[:300]))
    separated = b"".join(bytes([i, 23 - i, i >= 10, 5 + 4 * i]) for i in range(20))
    write("validate", "separated", bytes([0, 4]) + separated)
    tied = b"".join(bytes([3, 3, i % 2, 50]) for i in range(12))
    write("validate", "all_tied", bytes([0, 3]) + tied)
    # 0xff: the groups come as four raw bytes, here 2^32 - 1.
    write("validate", "huge_groups", bytes([0, 0xFF]) + b"\xff" * 4 + separated)


# ---------------------------------------------------------------- health
# The JSON of docs/health-scorecard.md's worked example (the ```json block).
def health_worked_example():
    doc = read("docs/health-scorecard.md").decode()
    return doc.split("```json\n", 1)[1].split("```", 1)[0].encode()


def health_seeds():
    # JSON mode: an even mode byte, a flags byte (bit 0: edit a built-in
    # card, bit 1: no segments), then the JSON.
    write("health", "json_worked_example", bytes([0, 0]) + health_worked_example())
    tiers = (b'{"measures": [{"name": "nps", "transform": "tiers", "tiers": ['
             b'{"high": 0, "points": 0, "label": "detractor"}, {"low": 0, "high": 9, "points": 50},'
             b' {"low": 9, "high": 10, "high_inclusive": true, "points": 100, "label": "promoter"}]},'
             b' {"name": "arr", "weight": 2, "transform": "tiers", "tiers": ['
             b'{"low": 0, "high": 1000, "points": 20}, {"low": 1000, "points": 90}]},'
             b' {"name": "csat", "zero_at": 1, "full_at": 5}], "missing": "zero", "reasons": 2}')
    write("health", "json_tiers", bytes([0, 2]) + tiers)
    worst_of = (b'{"groups": [{"name": "adoption", "weight": 2}, {"name": "sentiment"}],'
                b' "measures": [{"name": "usage_growth", "group": "adoption", "transform": "z_score"},'
                b' {"name": "seats", "group": "adoption", "transform": "percentile",'
                b' "higher_is_better": false},'
                b' {"name": "nps", "group": "sentiment", "zero_at": -100, "full_at": 100},'
                b' {"name": "tickets", "group": "sentiment", "weight": 3, "transform": "boolean",'
                b' "true_points": 10, "false_points": 100}],'
                b' "grades": [{"name": "green", "min_score": 60}, {"name": "red", "min_score": 0}],'
                b' "combine": "worst_of", "profiles": [{"segment": "trial",'
                b' "measure_weights": {"usage_growth": 0.5}, "group_weights": {"sentiment": 0}}],'
                b' "reasons": 16}')
    write("health", "json_worst_of_profiles", bytes([0, 0]) + worst_of)
    # The built-in worked example with two edits (kind 0: a number, its
    # index, the replacement's index in kNumbers): the usage group's weight
    # 1e308, the first tier's points 100.
    write("health", "json_edited", bytes([0, 1, 0, 2, 0, 2, 6, 0, 9, 3]))
    # The worked example, then suggested weights (flags bit 2) with churn
    # pattern 3 (the first six accounts), 2 folds, penalty 1.
    write("health", "json_suggest_weights", bytes([0, 4 | (3 << 3)]) + health_worked_example())
    # Builder mode (odd mode byte), in the order fuzz/health_fuzzer.cc reads:
    # groups g0 (weight 1) and g1 (2); five measures m0..m4 (linear 20 -> 0,
    # boolean 100/20, tiers, percentile, z-score); grades A >= 70, B >= 40,
    # C >= 0; rules group_mean, worst_of, 4 reasons; a profile for s1 (one
    # NaN and one 0 measure weight); then 12 rows of 6 values and a segment.
    groups = bytes([2, 5, 6])
    linear = bytes([0x20, 9, 0 << 1, 8, 4])
    boolean = bytes([0x30, 9, (2 << 1) | 1, 6, 14, 6])
    # Three tiers: (-inf, 4) 0 points, [4, 10] 60, (10, inf) 100.
    tiers = bytes([0x20, 1, 1 << 1, 3, 1, 6, 0, 8, 6, 9, 60, 2 | 4, 9, 100])
    percentile = bytes([0x20, 1, 3 << 1, 1])
    z_score = bytes([0x20, 1, 4 << 1, 0, 8])
    measures = bytes([5]) + linear + boolean + tiers + percentile + z_score
    grades = bytes([1 | (3 << 1), 0, 11, 1, 8, 2, 4])
    rules = bytes([1 | (1 << 1), 2, 1, 6])
    profile = bytes([0x1F, 6, 0xE0, 19, 4, 6, 6, 10, 6])
    rows = b"".join(bytes([(r * 5) % 24, r % 2, (r * 7) % 24, 0xEF if r == 3 else r, (r * 11) % 24,
                           r, r % 2]) for r in range(12))
    write("health", "builder_worked",
          bytes([1]) + groups + measures + grades + rules + profile + bytes([12]) + rows)



# ----------------------------------------------------------------- pii_intents
def pii_intents_seeds():
    # An options byte (kinds in the low 5 bits, 0x20 all URLs, 0x40 empty
    # placeholders), then a text with every kind and a text with none.
    write("pii_intents", "every_kind",
          b"\x1fMail jane@example.com or call +1 (555) 123-4567. Card 4111 1111 1111 1111, "
          b"IBAN DE89 3704 0044 0532 0130 00, https://x.io/reset?token=abc. "
          b"Why was I charged twice? We will cancel.")
    write("pii_intents", "nothing_to_find",
          b"\x3fsee www.example.com/a_(b) and 10.0.19041.1234 on 2024-01-15, $1,234.56, "
          b"order #0123456789")
    with open(os.path.join(ROOT, "tests", "data", "intents", "comments.csv"), "rb") as f:
        lines = f.read().splitlines()[1:41]
    write("pii_intents", "labelled_comments", b"\x1f" + b"\n".join(lines))

# ------------------------------------------------------------------- arrow
# fuzz/arrow_fuzzer.cc: a flags byte (bit 0 stream, bit 1 struct wrapper,
# bits 2+3 get_schema fails, bit 3 a chunk fails, bit 4 analyze texts), a
# format choice (an index into kFormats; len(kFormats) = 40: raw), a
# dictionary byte (bit 7: dictionary-encoded, index type kIndexFormats[b % 10]),
# the wrapper byte, the stream's chunk count and failing chunk, then per array
# its shape bytes (length, offset, flags), bitmap and contents.
ARROW_FORMATS = ["c", "s", "i", "l", "C", "S", "I", "L", "f", "g", "b", "u", "U", "tss:",
                 "tsm:UTC", "tsu:Europe/Berlin", "tsn:", "tsn:America/New_York", "tdD", "tdm",
                 "e", "z", "Z", "d:10,2", "w:4", "tts", "tDs", "tiM", "n", "+l", "+s",
                 "", "zz", "tsx:", "ts", "td", "d:", "+", "ii", "tsm"]
ARROW_INDEX = {"c": 130, "s": 131, "i": 132, "l": 133, "C": 134}  # 0x80 | k, k = b % 10


def arrow_fmt(name, dictionary=None):
    return bytes([ARROW_FORMATS.index(name), ARROW_INDEX[dictionary] if dictionary else 0])


def arrow_bitmap(valid, offset=0):
    bits = [1] * offset + list(valid)
    out = bytearray((len(bits) + 7) // 8)
    for i, b in enumerate(bits):
        if b:
            out[i // 8] |= 1 << (i % 8)
    return bytes(out)


def arrow_fixed(fmt, values, offset=0, valid=None):
    """A fixed-width array: length, offset, flags (bit 0: bitmap), bitmap, values
    (offset junk values first)."""
    body = struct.pack("<" + fmt * (offset + len(values)), *([0] * offset + list(values)))
    if valid is None:
        return bytes([len(values), offset, 0]) + body
    return bytes([len(values), offset, 1]) + arrow_bitmap(valid, offset) + body


def arrow_child(fmt, values):
    """A struct's child: length byte 0 (= the struct's extent), offset 0."""
    return bytes([0, 0, 0]) + struct.pack("<" + fmt * len(values), *values)


def arrow_utf8(strings, offset=0):
    """A utf8 / large_utf8 array of strings (None: null) of at most 7 bytes each
    (the target's offsets grow by byte % 8); offset junk rows of one byte."""
    rows = [b"j"] * offset + [b"" if s is None else s if isinstance(s, bytes) else s.encode()
                              for s in strings]
    valid = [s is not None for s in strings]
    flags = 1 if not all(valid) else 0
    out = bytes([len(strings), offset, flags])
    if flags:
        out += arrow_bitmap(valid, offset)
    out += bytes([0]) + bytes(len(r) for r in rows) + b"".join(rows)
    return out


def arrow_seeds():
    w = lambda name, data: write("arrow", name, data)
    w("int32_nulls_offset", bytes([0]) + arrow_fmt("i") +
      arrow_fixed("i", [7, -1, 2**31 - 1, 0, -2**31], 2, [1, 1, 0, 1, 1]))
    w("float64_in_place", bytes([0]) + arrow_fmt("g") + arrow_fixed("d", [9.0, 10.0, 0.5, 6.0], 1))
    w("uint64_edges", bytes([0]) + arrow_fmt("L") + arrow_fixed("Q", [0, 2**64 - 1, 2**53 + 1], 3))
    w("bool_offset_5", bytes([0]) + arrow_fmt("b") + bytes([12, 5, 1]) +
      arrow_bitmap([1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1], 5) +
      arrow_bitmap([1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1], 5))
    w("utf8_comments", bytes([16]) + arrow_fmt("u") +
      arrow_utf8(["good", "très", None, "bad", "good", "", "ok!"], 2))
    w("large_utf8_invalid", bytes([0]) + arrow_fmt("U") + arrow_utf8(["fine", b"caf\xc3", None], 1))
    # Three-letter alphabet text (flags bit 7): many repeated labels.
    w("utf8_alphabet", bytes([0]) + arrow_fmt("u") + bytes([8, 0, 128, 0]) +
      bytes([1, 1, 2, 1, 1, 2, 1, 1]) + bytes([0, 1, 0, 2, 0, 1, 0, 1, 2, 0]))
    # Dictionary: int8 indices (offset 1, a null) into utf8 ["a", "b", "a"].
    w("dict_utf8_int8", bytes([0]) + arrow_fmt("u", "c") + bytes([6, 1, 1]) +
      arrow_bitmap([1, 1, 0, 1, 1, 1], 1) + arrow_utf8(["a", "b", "a"]) +
      bytes([0, 2, 1, 0, 9, 1, 2]))
    w("dict_float64_int16", bytes([0]) + arrow_fmt("g", "s") + bytes([4, 0, 0]) +
      arrow_fixed("d", [10.5, 20.0, 30.0]) + bytes([2, 0, 2, 1]))
    w("timestamps_us_berlin", bytes([0]) + arrow_fmt("tsu:Europe/Berlin") +
      arrow_fixed("q", [-1, 1700000000123456, 0, -1000001], 0, [1, 1, 0, 1]))
    w("timestamps_ms_negative", bytes([0]) + arrow_fmt("tsm:UTC") +
      arrow_fixed("q", [-1, -1500, 999, 1500], 3))
    w("timestamps_ns", bytes([0]) + arrow_fmt("tsn:") + arrow_fixed("q", [-1, 1999999999, 0]))
    w("date32", bytes([0]) + arrow_fmt("tdD") + arrow_fixed("i", [0, -1, 19700, 2932896], 1))
    w("date64", bytes([0]) + arrow_fmt("tdm") + arrow_fixed("q", [86400000, -1, 0]))
    # A record batch: score (int8) at child 0 of 3, parent offset 2, a null row.
    w("struct_batch_score", bytes([2]) + arrow_fmt("c") + bytes([2]) + bytes([4, 2, 1]) +
      arrow_bitmap([1, 0, 1, 1], 2) + arrow_child("b", [0, 0, 9, 10, 3, 6]) +
      arrow_child("i", [1, 2, 3, 4, 5, 6]) + arrow_child("i", [6, 5, 4, 3, 2, 1]))
    # A stream of three utf8 chunks (one empty), a run across the boundary.
    w("stream_utf8", bytes([1]) + arrow_fmt("u") + bytes([3]) + arrow_utf8(["a", "b", "b"], 1) +
      arrow_utf8([]) + arrow_utf8(["b", "c", None]))
    # The same stream failing at chunk 1.
    w("stream_fails", bytes([1 | 8]) + arrow_fmt("u") + bytes([3, 1]) +
      arrow_utf8(["a", "b"]) + arrow_utf8(["c"]) + arrow_utf8(["d"]))
    w("stream_int16", bytes([1]) + arrow_fmt("s") + bytes([2]) +
      arrow_fixed("h", [1, 2, 3]) + arrow_fixed("h", [4, -5], 1, [1, 0]))
    w("stream_batches", bytes([1 | 2]) + arrow_fmt("u") + bytes([1]) + bytes([2]) +
      bytes([2, 0, 0]) + bytes([0, 0, 0, 0, 1, 1]) + b"ab" + arrow_child("i", [1, 2]) +
      bytes([3, 1, 0]) + bytes([0, 0, 0, 0, 0, 1, 1, 1]) + b"xyz" + arrow_child("i", [1, 2, 3, 4]))
    # Types candor does not read, and a format that is not one.
    w("list_int32", bytes([0]) + arrow_fmt("+l") + bytes([3, 0, 0]) + bytes([2, 0, 1]))
    w("decimal", bytes([0]) + arrow_fmt("d:10,2") + bytes([2, 0, 0]) + bytes(range(32)))
    w("raw_format", bytes([0, 40, 4]) + b"tsx:" + bytes([8, 0]) + arrow_fixed("i", [1, 2]))
    # Found by this target's first run (flags bit 4: a NULL value buffer):
    # pointer arithmetic on NULL (UBSan) for an empty array at an offset, and
    # for text whose equal offsets span no bytes of a NULL data buffer.
    write_regression("arrow", "empty_int16_null_buffer_offset", bytes([0, 1, 0, 0, 1, 16]))
    write_regression("arrow", "empty_float64_null_buffer_offset", bytes([0, 9, 0, 0, 1, 16]))
    write_regression("arrow", "utf8_null_data_equal_offsets",
                     bytes([0, 11, 0, 2, 0, 16, 3, 0, 0]))
    # The same through a record batch of 0 rows at offset 7: its int8 child
    # (7 values at offset 3) has a NULL value buffer, accepted as 0 rows are
    # read, and Widen computes NULL + 10.
    write_regression("arrow", "empty_struct_child_null_buffer",
                     bytes([2, 0, 0, 2, 0, 0x37, 0x83, 0, 0, 3, 0x70]))


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    csv_seeds()
    accumulator_seeds()
    account_accumulator_seeds()
    lexicon_seeds()
    taxonomy_seeds()
    text_seeds()
    themes_seeds()
    time_zone_seeds()
    score_seeds()
    option_sizes_seeds()
    drivers_seeds()
    trend_seeds()
    weights_seeds()
    survival_seeds()
    validate_seeds()
    health_seeds()
    pii_intents_seeds()
    arrow_seeds()
    bucket_accumulator_seeds()
    driver_accumulator_seeds()
    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(OUT) for f in fs)
    print(f"fuzz/corpus: {total} bytes")


if __name__ == "__main__":
    main()
