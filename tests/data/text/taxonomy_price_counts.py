#!/usr/bin/python3
"""Independent count of price words in the fine-food reviews, for
tests/cpp/themes/text_taxonomy_test.cc (TextTaxonomy.PriceCountsAgreeWithARegex).

A plain regex over the raw review text (no candor code): the words price,
prices, priced, pricey, expensive, cheap, case-insensitive, as whole words in
the sense of UAX #29 for ASCII text (a word does not continue through a
letter, digit, '_' or '@', nor through '.', ''' or U+2019 followed by a
letter). Writes taxonomy_price_counts.txt: reviews with a mention, and the
total number of mentions.
Run: /usr/bin/python3 tests/data/text/taxonomy_price_counts.py
"""
import csv
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "bench", "data", "fine_foods_train.csv")
WORD = re.compile(
    r"(?<![A-Za-z0-9_@])(?<![A-Za-z@][.'\u2019])"
    r"(price|prices|priced|pricey|expensive|cheap)"
    r"(?![A-Za-z0-9_@])(?![.'\u2019][A-Za-z@])",
    re.IGNORECASE)

reviews = mentions = 0
with open(DATA, newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        n = len(WORD.findall(row["review"]))
        reviews += n > 0
        mentions += n
with open(os.path.join(HERE, "taxonomy_price_counts.txt"), "w") as out:
    out.write("# Provenance: tests/data/text/taxonomy_price_counts.py (a regex over "
              "bench/data/fine_foods_train.csv)\n")
    out.write(f"reviews {reviews}\nmentions {mentions}\n")
print(reviews, mentions)
