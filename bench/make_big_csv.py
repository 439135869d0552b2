#!/usr/bin/env python3
"""A large synthetic survey CSV for the chunked-reading benchmark
(bench/run_csv_memory.sh): score, time, account, segment, comment columns,
seeded, about 150 bytes a row (10M rows: about 1.5 GB). Writes to bench/out/
(git-ignored); the output is never committed.

Usage: bench/make_big_csv.py [--rows N] [--seed S] [-o PATH]
"""
import argparse
import os
import random

WORDS = ("the support team answered quickly and the product works well but the "
         "price went up again this year and onboarding took longer than we hoped "
         "export to csv is slow dashboards are great billing was confusing").split()
SEGMENTS = ("EU", "NA", "APAC", "LATAM", "MEA")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("-o", "--output", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "out", "big_survey.csv"))
    args = parser.parse_args()
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    rng = random.Random(args.seed)
    # A pool of comments (some quoted, with commas, quotes and line breaks),
    # drawn per row: generating 10M distinct sentences would take minutes.
    comments = []
    for i in range(4096):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(14, 30)))
        if i % 7 == 0:
            text = '"%s, ""really""\nsecond line"' % text
        comments.append(text)
    start = 1_704_067_200  # 2024-01-01T00:00:00Z
    with open(args.output, "w", encoding="utf-8", newline="") as out:
        out.write("score,time,account,segment,comment\n")
        block = []
        for row in range(args.rows):
            block.append("%d,%d,ACC-%05d,%s,%s\n" % (
                rng.randrange(11), start + rng.randrange(31_536_000),
                rng.randrange(20000), SEGMENTS[rng.randrange(5)],
                comments[rng.randrange(4096)]))
            if len(block) == 100_000:
                out.write("".join(block))
                block.clear()
        out.write("".join(block))
    print("%s: %d rows, %d bytes" % (args.output, args.rows, os.path.getsize(args.output)))


if __name__ == "__main__":
    main()
