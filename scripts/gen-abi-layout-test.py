#!/usr/bin/env python3
"""Writes tests/c/abi_layout_test.c: static assertions that pin the layout of
every struct and the value of every enumerator in include/candor.h.

The values are measured by compiling a probe against the header as it is now,
so run this only after a deliberate, allowed ABI change (a field appended to a
size-versioned option struct, a new struct or enum; see abi/README.md) and
review the diff: every line that changes other than by addition is a break.

  scripts/gen-abi-layout-test.py [--cc CC]
"""
import argparse
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
HEADER = ROOT / "include" / "candor.h"
OUTPUT = ROOT / "tests" / "c" / "abi_layout_test.c"


def parse(header_text):
    """Returns ([(struct, [(field, type)])], [(enum, [enumerator])]) in header order."""
    text = re.sub(r"/\*.*?\*/", "", header_text, flags=re.S)
    structs = []
    for m in re.finditer(r"typedef struct (\w+) \{(.*?)\} (\w+);", text, flags=re.S):
        name, body, alias = m.groups()
        if name != alias:
            sys.exit("struct %s is typedef'd as %s" % (name, alias))
        fields = []
        for declaration in body.split(";"):
            declaration = " ".join(declaration.split())
            if not declaration:
                continue
            if any(c in declaration for c in "[]:,("):
                sys.exit("%s: cannot pin '%s' (array, bit-field or list)" % (name, declaration))
            field = re.match(r"(.*?)\s*\b(\w+)$", declaration)
            fields.append((field.group(2), field.group(1)))
        structs.append((name, fields))
    enums = []
    for m in re.finditer(r"typedef enum (\w+) \{(.*?)\} (\w+);", text, flags=re.S):
        name, body, _ = m.groups()
        enumerators = [e.split("=")[0].strip() for e in body.split(",") if e.strip()]
        enums.append((name, enumerators))
    return structs, enums


def measure(structs, enums, cc):
    """Compiles and runs a probe printing sizes, alignments, offsets and values."""
    lines = ["#include <candor.h>", "#include <stdio.h>", "int main(void) {"]
    for name, fields in structs:
        lines.append('  printf("%%zu %%zu\\n", sizeof(%s), _Alignof(%s));' % (name, name))
        for field, _ in fields:
            lines.append('  printf("%%zu\\n", offsetof(%s, %s));' % (name, field))
    for _, enumerators in enums:
        for e in enumerators:
            lines.append('  printf("%%lld\\n", (long long)%s);' % e)
    lines += ["  return 0;", "}"]
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "probe.c")
        binary = os.path.join(tmp, "probe")
        with open(source, "w") as f:
            f.write("\n".join(lines) + "\n")
        subprocess.run([cc, "-std=c11", "-I", str(ROOT / "include"), source, "-o", binary],
                       check=True)
        values = iter(subprocess.run([binary], check=True, capture_output=True,
                                     text=True).stdout.split("\n"))
    layouts = []
    for name, fields in structs:
        size, align = next(values).split()
        layouts.append((name, int(size), int(align),
                        [(field, type_, int(next(values))) for field, type_ in fields]))
    values_of = []
    for name, enumerators in enums:
        values_of.append((name, [(e, int(next(values))) for e in enumerators]))
    return layouts, values_of


PREAMBLE = """\
/* The layout of every public struct and the value of every enumerator of
 * include/candor.h, pinned: a change fails to compile here, not only in
 * scripts/abi-check.sh. Written by scripts/gen-abi-layout-test.py from the
 * header as it was; regenerate only after an allowed change (abi/README.md)
 * and review the diff.
 *
 * Field types and enum values are checked everywhere; sizes, alignments and
 * offsets are the x86_64 (LP64, System V) ones and are checked there. The
 * program itself checks that each size-versioned option struct's _init
 * records sizeof(struct) in its `size` field. */
#include <candor.h>
#include <stddef.h>
#include <stdint.h>

#include "check.h"

#if defined(__x86_64__) && defined(__LP64__)
#define PINNED(cond) _Static_assert(cond, #cond)
#else
#define PINNED(cond) _Static_assert(1, "layouts are pinned on x86_64 only")
#endif

/* A struct's size and alignment; a field's type and offset. */
#define STRUCT(s, size, align) PINNED(sizeof(s) == (size) && _Alignof(s) == (align))
#define FIELD(s, f, type, offset)                                                      \\
  _Static_assert(_Generic(((s*)0)->f, type : 1, default : 0), #s "." #f " is " #type); \\
  PINNED(offsetof(s, f) == (offset))
/* Enums are as wide as int32_t (candor.h says so; -fshort-enums breaks it). */
#define ENUM(e) _Static_assert(sizeof(e) == sizeof(int32_t), #e " is 4 bytes")
#define VALUE(name, value) _Static_assert((name) == (value), #name " is " #value)
"""


def render(layouts, values_of):
    out = [PREAMBLE]
    for name, size, align, fields in layouts:
        versioned = bool(fields) and fields[0] == ("size", "size_t", 0)
        out.append("/* %s: %s. */" % (name, "size-versioned: grows only at its end"
                                      if versioned else "frozen"))
        out.append("STRUCT(%s, %d, %d);" % (name, size, align))
        for field, type_, offset in fields:
            out.append("FIELD(%s, %s, %s, %d);" % (name, field, type_, offset))
        out.append("")
    for name, values in values_of:
        out.append("ENUM(%s);" % name)
        for e, v in values:
            out.append("VALUE(%s, %d);" % (e, v))
        out.append("")
    out.append("int main(void) {")
    for name, _, _, fields in layouts:
        if fields and fields[0][0] == "size":
            out.append("  {")
            out.append("    %s options;" % name)
            out.append("    %s_init(&options);" % name)
            out.append("    CHECK(options.size == sizeof options);")
            out.append("  }")
    out.append("  return report();")
    out.append("}")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cc", default=os.environ.get("CC", "cc"))
    args = parser.parse_args()
    structs, enums = parse(HEADER.read_text())
    layouts, values_of = measure(structs, enums, args.cc)
    OUTPUT.write_text(render(layouts, values_of))
    print("%s: %d structs, %d enums" % (OUTPUT.relative_to(ROOT), len(layouts), len(values_of)))


if __name__ == "__main__":
    main()
