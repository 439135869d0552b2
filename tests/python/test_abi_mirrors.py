"""The Python package's ctypes mirrors of candor.h's structs against the
layouts pinned in tests/c/abi_layout_test.c (written from the header by
scripts/gen-abi-layout-test.py).

A mirror that drifts from the header reads the wrong bytes without any error,
so every ctypes.Structure with fields in the package must match one pinned
struct field for field: same names in the same order, the same offsets, size
and alignment, and a ctypes type of the C type's kind.
"""
import ctypes
import importlib
import pathlib
import pkgutil
import platform
import re

import pytest

import candor

LAYOUT_TEST = pathlib.Path(__file__).resolve().parents[1] / "c" / "abi_layout_test.c"

# C field type -> the ctypes types that may mirror it.
SCALARS = {
    "double": (ctypes.c_double,),
    "int32_t": (ctypes.c_int32,),
    "int64_t": (ctypes.c_int64,),
    "uint64_t": (ctypes.c_uint64,),
    "size_t": (ctypes.c_size_t,),
    "char": (ctypes.c_char,),
    "const char*": (ctypes.c_char_p,),
}


def pinned_structs():
    """{name: {"size", "align", "fields": [(field, c_type, offset)]}}."""
    text = LAYOUT_TEST.read_text()
    structs = {}
    for m in re.finditer(r"^STRUCT\((\w+), (\d+), (\d+)\);", text, re.M):
        structs[m.group(1)] = {"size": int(m.group(2)), "align": int(m.group(3)), "fields": []}
    for m in re.finditer(r"^FIELD\((\w+), (\w+), ([^,]+), (\d+)\);", text, re.M):
        structs[m.group(1)]["fields"].append((m.group(2), m.group(3).strip(), int(m.group(4))))
    return structs


def enum_names():
    return set(re.findall(r"^ENUM\((\w+)\);", LAYOUT_TEST.read_text(), re.M))


def package_mirrors():
    """Every ctypes.Structure subclass with fields defined in the package."""
    mirrors = {}
    for module in pkgutil.iter_modules(candor.__path__):
        for obj in vars(importlib.import_module("candor." + module.name)).values():
            if (isinstance(obj, type) and issubclass(obj, ctypes.Structure)
                    and obj.__dict__.get("_fields_")):
                mirrors[obj.__module__ + "." + obj.__qualname__] = obj
    return mirrors


def match(mirror, structs):
    names = [f[0] for f in mirror._fields_]
    found = [s for s, v in structs.items() if [f[0] for f in v["fields"]] == names]
    return found


def test_the_layout_file_is_parsed():
    structs = pinned_structs()
    assert len(structs) >= 30
    assert structs["candor_score_options"]["fields"][0] == ("size", "size_t", 0)
    assert len(package_mirrors()) >= 30


def test_every_mirror_matches_one_pinned_struct():
    structs = pinned_structs()
    unmatched = {name: [f[0] for f in m._fields_]
                 for name, m in package_mirrors().items() if len(match(m, structs)) != 1}
    assert not unmatched, "mirrors with no (or several) struct of the same fields: %r" % unmatched


@pytest.mark.skipif(platform.machine() not in ("x86_64", "AMD64"),
                    reason="layouts are pinned for x86_64 only (abi_layout_test.c)")
def test_mirror_layouts_equal_the_pinned_ones():
    structs = pinned_structs()
    enums = enum_names()
    mirror_of = {}
    for mirror in package_mirrors().values():
        found = match(mirror, structs)
        if len(found) == 1:
            mirror_of.setdefault(found[0], []).append(mirror)
    problems = []
    for struct, mirrors in mirror_of.items():
        for mirror in mirrors:
            problems += layout_problems(mirror, struct, structs[struct], enums, mirror_of)
    assert not problems, "\n".join(problems)


def layout_problems(mirror, struct, pinned, enums, mirror_of):
    where = "%s (%s)" % (mirror.__name__, struct)
    problems = []
    if ctypes.sizeof(mirror) != pinned["size"]:
        problems.append("%s: size %d, pinned %d" % (where, ctypes.sizeof(mirror), pinned["size"]))
    if ctypes.alignment(mirror) != pinned["align"]:
        problems.append("%s: alignment %d, pinned %d"
                        % (where, ctypes.alignment(mirror), pinned["align"]))
    for (field, ctype), (_, c_type, offset) in zip(mirror._fields_, pinned["fields"]):
        actual = getattr(mirror, field).offset
        if actual != offset:
            problems.append("%s.%s: offset %d, pinned %d" % (where, field, actual, offset))
        if not kind_matches(ctype, c_type, enums, mirror_of):
            problems.append("%s.%s: %s mirrors %s" % (where, field, ctype.__name__, c_type))
    return problems


def kind_matches(ctype, c_type, enums, mirror_of):
    if c_type in SCALARS:
        return ctype in SCALARS[c_type]
    if c_type in enums:  # enums are int32_t wide (candor.h)
        return ctype in (ctypes.c_int, ctypes.c_int32)
    if c_type in mirror_of:
        return ctype in mirror_of[c_type]
    if c_type.endswith("*"):
        return ctypes.sizeof(ctype) == ctypes.sizeof(ctypes.c_void_p) and (
            ctype in (ctypes.c_void_p, ctypes.c_char_p) or issubclass(ctype, ctypes._Pointer))
    return False


def test_a_drifted_mirror_is_caught():
    """The check itself: a double mirrored as int32 (padding keeps every offset
    and the size), and a field dropped, are both reported."""
    structs = pinned_structs()
    pinned = structs["candor_estimate"]

    class Narrowed(ctypes.Structure):
        _fields_ = [(name, ctypes.c_int32 if name == "level" else ctype)
                    for name, ctype in candor._lib.CEstimate._fields_]

    class Shortened(ctypes.Structure):
        _fields_ = candor._lib.CEstimate._fields_[:-1]

    assert match(Narrowed, structs) == ["candor_estimate"]
    assert layout_problems(candor._lib.CEstimate, "candor_estimate", pinned, set(), {}) == []
    narrowed = layout_problems(Narrowed, "candor_estimate", pinned, set(), {})
    assert narrowed == ["Narrowed (candor_estimate).level: c_int mirrors double"], narrowed
    shortened = layout_problems(Shortened, "candor_estimate", pinned, set(), {})
    assert any("size" in p for p in shortened), shortened
