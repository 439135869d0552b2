"""The report's JSON against docs/report-schema.md, from Python: every key
the sample's report and a score-only table's emit is documented, with a
value of the documented type, and every documented key outside a list's
items is emitted (list items: tests/cpp/report/report_json_test.cc, on a
model with one item in every list)."""
import os
import re

import pytest

import candor

SOURCE_DIR = os.environ.get("CANDOR_SOURCE_DIR", os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__)))))
DOC = os.path.join(SOURCE_DIR, "docs", "report-schema.md")
ROW = re.compile(r"^\| `([^`]+)` \| ([^|]+?) \|")


def schema():
    """{table: {key: type}}: the keys table ("") and the Estimate and Comparison tables."""
    tables, current = {"": {}}, ""
    with open(DOC, encoding="utf-8") as doc:
        for line in doc:
            if line.startswith("### "):
                current = line[4:].strip()
                tables[current] = {}
            m = ROW.match(line)
            if m:
                assert m.group(1) not in tables[current], "documented twice: " + m.group(1)
                tables[current][m.group(1)] = m.group(2)
    return tables


def allows(kind, value):
    nullable = kind.endswith(" or null")
    base = kind[:-len(" or null")] if nullable else kind
    if value is None:
        return nullable
    return {"integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
            "string": lambda v: isinstance(v, str),
            "boolean": lambda v: isinstance(v, bool),
            "array": lambda v: isinstance(v, list),
            "object": lambda v: isinstance(v, dict),
            "Estimate": lambda v: isinstance(v, dict),
            "Comparison": lambda v: isinstance(v, dict)}[base](value)


def walk_report(tables, report, emitted, problems):
    for key, value in report.items():
        walk(tables, "", key, value, emitted, problems)


def walk(tables, table, path, value, emitted, problems):
    keys = tables[table]
    if path not in keys:
        problems.append("emitted but not documented: %s%s" % (table + "." if table else "", path))
        return
    emitted.add((table, path))
    kind = keys[path]
    if not allows(kind, value):
        problems.append("%s is documented as %s but is %r" % (path, kind, value))
    if kind in ("Estimate", "Comparison"):
        for key, item in value.items():
            walk(tables, kind, key, item, emitted, problems)
    elif isinstance(value, dict):
        for key, item in value.items():
            walk(tables, table, path + "." + key if path else key, item, emitted, problems)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                for key, field in item.items():
                    walk(tables, table, path + "[]." + key, field, emitted, problems)
            else:
                walk(tables, table, path + "[]", item, emitted, problems)


@pytest.mark.parametrize("make", [
    lambda: candor.report(),
    lambda: candor.report(SOURCE_DIR + "/data/sample/survey.csv"),  # score only
], ids=["sample", "score_only"])
def test_emitted_keys_are_documented_with_their_types(make):
    tables = schema()
    assert len(tables[""]) > 150 and set(tables) == {"", "Estimate", "Comparison"}
    emitted, problems = set(), []
    walk_report(tables, make().to_dict(), emitted, problems)
    assert problems == []
    missing = [key for key in tables[""] if "[]" not in key and ("", key) not in emitted]
    assert missing == []
    assert {("Estimate", k) for k in tables["Estimate"]} <= emitted


def test_the_checker_catches_an_undocumented_key_and_a_wrong_type():
    tables = schema()
    d = candor.report({"score": [9, 3]}).to_dict()
    d["extra"] = 1
    d["rows"] = "2"
    problems = []
    walk_report(tables, d, set(), problems)
    assert "emitted but not documented: extra" in problems
    assert any(p.startswith("rows is documented as integer") for p in problems)
