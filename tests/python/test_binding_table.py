"""The Python package's declaration of the C ABI (candor/_capi.py) against
include/candor.h, read here, and against the C compiler.

- Every CANDOR_API function has a declaration in _capi.FUNCTIONS with as
  many arguments, each (and the return) of the C type's kind: a pointer to
  the same thing, an integer of the same width and sign, a double.
- Every struct of the header has a mirror C<Name> whose size, alignment,
  field names, field offsets and field sizes are the compiler's (a small C
  program prints them), and nothing else in the package declares a struct or
  sets argtypes.
- The major version the bindings expect is the header's CANDOR_VERSION_MAJOR,
  and candor.__version__ is the loaded library's.
- The package's own imports form a DAG, all at module top.

Each checker also runs on a doctored input (a prototype added to the header,
a declaration with an argument too few, a drifted mirror, a cyclic import) to
show that it reports what it is for. The layouts pinned in
tests/c/abi_layout_test.c are the compiler's too (that C test asserts them), so
comparing the mirrors with the compiler covers the pinned layouts as well.
"""
import ast
import ctypes
import os
import pathlib
import re
import shutil
import subprocess
import sys
import types

import pytest

import candor
from candor import _capi

ROOT = pathlib.Path(__file__).resolve().parents[2]
HEADER = ROOT / "include" / "candor.h"
PACKAGE = ROOT / "bindings" / "python" / "candor"

# C scalar type -> the ctypes type of the same width and sign (ctypes makes
# c_int32 c_int, c_int64 and c_size_t c_long / c_ulong where they agree).
SCALARS = {
    "char": ctypes.c_char, "int": ctypes.c_int, "double": ctypes.c_double,
    "float": ctypes.c_float, "int8_t": ctypes.c_int8, "uint8_t": ctypes.c_uint8,
    "int16_t": ctypes.c_int16, "uint16_t": ctypes.c_uint16, "int32_t": ctypes.c_int32,
    "uint32_t": ctypes.c_uint32, "int64_t": ctypes.c_int64, "uint64_t": ctypes.c_uint64,
    "size_t": ctypes.c_size_t,
}


# ------------------------------------------------------------------ the header


class Header:
    """What the checks need from candor.h: functions {name: (return, [(arg,
    type)])}, structs {name: [(field, type)]}, handles and enums (sets of
    names), and the version macros. A type is (base, pointer depth):
    "const char* const*" is ("char", 2); qualifiers do not matter here."""

    def __init__(self, text):
        self.version = {part: int(value) for part, value in re.findall(
            r"^\s*#\s*define\s+CANDOR_VERSION_(MAJOR|MINOR|PATCH)\s+(\d+)", text, re.M)}
        text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
        text = re.sub(r"//[^\n]*", " ", text)
        # Preprocessor lines (CANDOR_API's own #define among them), continued ones too.
        text = re.sub(r"^[ \t]*#(?:[^\n]*\\\n)*[^\n]*", " ", text, flags=re.M)
        self.functions = {}
        for chunk in text.split("CANDOR_API")[1:]:
            prototype = " ".join(chunk.split(";")[0].split())
            m = re.fullmatch(r"(.+?)\b(candor_\w+)\s*\(([^()]*)\)", prototype)
            if m is None:
                raise ValueError("candor.h: cannot read the prototype %r" % prototype)
            arguments = [] if m.group(3).strip() in ("", "void") else [
                _declaration(a, prototype) for a in m.group(3).split(",")]
            self.functions[m.group(2)] = (_type(m.group(1), prototype), arguments)
        self.structs = {}
        for name, body, alias in re.findall(
                r"typedef\s+struct\s+(candor_\w+)\s*\{(.*?)\}\s*(\w+)\s*;", text, re.S):
            assert name == alias, "typedef struct %s {...} %s" % (name, alias)
            self.structs[name] = [_declaration(d, name) for d in body.split(";") if d.strip()]
        # The Arrow C Data and Stream Interface structs ("struct ArrowSchema {...};").
        for name, body in re.findall(r"\bstruct\s+(Arrow\w+)\s*\{(.*?)\}\s*;", text, re.S):
            self.structs[name] = [_declaration(d, name) for d in body.split(";") if d.strip()]
        self.handles = set(re.findall(r"typedef\s+struct\s+(candor_\w+)\s+\1\s*;", text))
        self.enums = set(re.findall(r"typedef\s+enum\s+(candor_\w+)", text))
        # Function pointer types: "typedef int32_t (*candor_report_progress)(...)".
        self.callbacks = set(re.findall(r"typedef\s+[\w\s*]+?\(\s*\*\s*(candor_\w+)\s*\)", text))
        # Another name for one: "typedef candor_progress candor_report_progress;".
        for base, alias in re.findall(r"typedef\s+(candor_\w+)\s+(candor_\w+)\s*;", text):
            if base in self.callbacks:
                self.callbacks.add(alias)


def _type(text, where):
    words = text.replace("*", " * ").split()
    base = [w for w in words if w not in ("const", "struct", "*")]
    if len(base) != 1:
        raise ValueError("%s: cannot read the type %r" % (where, text))
    return base[0], words.count("*")


def _declaration(text, where):
    """(name, type) of "const double* scores"; a function pointer field
    "int (*get_next)(struct ArrowArrayStream*, struct ArrowArray* out)" has
    the type ("(*)", return type, (argument types))."""
    f = re.fullmatch(r"(.+?)\(\s*\*\s*(\w+)\s*\)\s*\((.*)\)", " ".join(text.split()))
    if f is not None:
        arguments = tuple(_type(re.sub(r"\s+\w+$", "", a) if re.search(r"\*\s*\w+$", a) else a,
                                where) for a in f.group(3).split(","))
        return f.group(2), ("(*)", _type(f.group(1), where), arguments)
    m = re.fullmatch(r"(.*?)(\w+)", " ".join(text.split()))
    if m is None or not m.group(1).strip() or "[" in text:
        raise ValueError("%s: cannot read the declaration %r" % (where, text))
    return m.group(2), _type(m.group(1), where)


def c_text(c_type):
    if c_type[0] == "(*)":
        return "%s (*)(%s)" % (c_text(c_type[1]), ", ".join(map(c_text, c_type[2])))
    base, depth = c_type
    return base + "*" * depth


def mirror_name(c_name):
    """candor_mk_options -> CMkOptions, ArrowSchema -> CArrowSchema: how _capi
    names a struct or handle."""
    if not c_name.startswith("candor_"):
        return "C" + c_name
    return "C" + "".join(w.capitalize() for w in c_name[len("candor_"):].split("_"))


def describe(ctype):
    if ctype is None:
        return "void"
    if isinstance(ctype, type) and issubclass(ctype, ctypes._Pointer):
        return "POINTER(%s)" % describe(ctype._type_)
    return getattr(ctype, "__name__", repr(ctype))


def mirrors(ctype, c_type, header, capi):
    """Whether the ctypes type `ctype` is of the C type's kind."""
    if c_type[0] == "(*)":  # a function pointer: a CFUNCTYPE of the same kinds
        _, returns, arguments = c_type
        return (isinstance(ctype, type) and issubclass(ctype, ctypes._CFuncPtr)
                and mirrors(ctype._restype_, returns, header, capi)
                and len(ctype._argtypes_) == len(arguments)
                and all(mirrors(t, a, header, capi) for t, a in zip(ctype._argtypes_, arguments)))
    base, depth = c_type
    if depth == 0:
        if base == "void":
            return ctype is None
        if base == "candor_status" or base in header.enums:
            return ctype is ctypes.c_int  # candor.h checks that enums are 4 bytes
        if base in SCALARS:
            return ctype is SCALARS[base]
        if base in header.structs or base in header.handles:
            return ctype is getattr(capi, mirror_name(base), None)
        if base in header.callbacks:  # a CFUNCTYPE named as the struct mirrors are
            return ctype is getattr(capi, mirror_name(base), None)
        return False  # a type this test does not know: look at it
    if ctype is ctypes.c_void_p:
        return True  # an untyped address (candor_text_analyze's texts)
    if ctype is ctypes.c_char_p:
        return c_type == ("char", 1)
    return (isinstance(ctype, type) and issubclass(ctype, ctypes._Pointer)
            and mirrors(ctype._type_, (base, depth - 1), header, capi))


def kind_problem(ctype, c_type, header, capi):
    if mirrors(ctype, c_type, header, capi):
        return None
    return "%s for %s" % (describe(ctype), c_text(c_type))


def declaration_problems(header, functions, capi):
    """What differs between the header's functions and the table `functions`."""
    problems = []
    for name, (returns, arguments) in header.functions.items():
        if name not in functions:
            problems.append("%s: no Python declaration in candor/_capi.py" % name)
            continue
        restype, argtypes = functions[name]
        problem = kind_problem(restype, returns, header, capi)
        if problem:
            problems.append("%s: returns %s" % (name, problem))
        if len(argtypes) != len(arguments):
            problems.append("%s: %d arguments declared, candor.h has %d"
                            % (name, len(argtypes), len(arguments)))
            continue
        for i, (ctype, (argument, c_type)) in enumerate(zip(argtypes, arguments)):
            problem = kind_problem(ctype, c_type, header, capi)
            if problem:
                problems.append("%s: argument %d (%s): %s" % (name, i + 1, argument, problem))
    problems += ["%s: declared in Python but not in candor.h" % name
                 for name in functions if name not in header.functions]
    return problems


@pytest.fixture(scope="module")
def header():
    return Header(HEADER.read_text())


def test_the_header_is_read(header):
    assert len(header.functions) >= 130
    assert header.functions["candor_score"] == (("candor_status", 0), [
        ("options", ("candor_score_options", 1)), ("scores", ("double", 1)),
        ("weights", ("double", 1)), ("n", ("size_t", 0)), ("out", ("candor_estimate", 1))])
    assert header.functions["candor_version"] == (("char", 1), [])
    assert header.functions["candor_table_label"][1][3] == ("label", ("char", 2))
    assert len(header.structs) >= 30 and "candor_table" in header.handles
    assert header.structs["candor_estimate"][-1] == ("effective_n", ("double", 0))
    assert "candor_metric" in header.enums
    # One CANDOR_API per function, and one for the macro's definitions.
    assert HEADER.read_text().count("CANDOR_API") == len(header.functions) + 2


def test_every_function_is_declared_as_in_the_header(header):
    problems = declaration_problems(header, _capi.FUNCTIONS, _capi)
    assert not problems, "\n".join(problems)


def test_the_loaded_library_carries_the_table():
    for name, (restype, argtypes) in _capi.FUNCTIONS.items():
        function = getattr(candor._lib.lib, name)
        assert function.restype is restype, name
        assert tuple(function.argtypes) == tuple(argtypes), name


def test_a_function_added_to_the_header_without_a_declaration_is_reported():
    text = HEADER.read_text() + "\nCANDOR_API int candor_fake(int x);\n"
    problems = declaration_problems(Header(text), _capi.FUNCTIONS, _capi)
    assert problems == ["candor_fake: no Python declaration in candor/_capi.py"]


def test_a_drifted_declaration_is_reported(header):
    functions = dict(_capi.FUNCTIONS)
    restype, argtypes = functions["candor_score"]
    functions["candor_score"] = (restype, argtypes[:-1])  # `out` forgotten
    restype, argtypes = functions["candor_margin_of_error"]
    functions["candor_margin_of_error"] = (restype, argtypes[:2] + [ctypes.c_double]
                                           + argtypes[3:])  # int64_t n as a double
    functions["candor_table_rows"] = (ctypes.c_int32, functions["candor_table_rows"][1])
    restype, argtypes = functions["candor_weights_values"]
    functions["candor_weights_values"] = (_capi.int32_p, argtypes)  # const double*
    restype, argtypes = functions["candor_table_read_csv"]
    functions["candor_table_read_csv"] = (restype, argtypes[:2] + [
        ctypes.POINTER(_capi.WeightsP)])  # a candor_weights** for a candor_table**
    functions["candor_gone"] = (_capi.status, [])
    assert declaration_problems(header, functions, _capi) == [
        "candor_score: 4 arguments declared, candor.h has 5",
        "candor_margin_of_error: argument 3 (n): c_double for int64_t",
        "candor_weights_values: returns POINTER(c_int) for double*",
        "candor_table_read_csv: argument 3 (out): POINTER(POINTER(CWeights)) for candor_table**",
        "candor_table_rows: returns c_int for size_t",
        "candor_gone: declared in Python but not in candor.h",
    ]


# ------------------------------------------------------------------ the structs


def mirror_problems(header, capi):
    """Mirrors that are missing, extra, or whose fields differ in name, order
    or kind from the header's."""
    problems = []
    for name in sorted(header.handles):
        mirror = getattr(capi, mirror_name(name), None)
        if not (isinstance(mirror, type) and issubclass(mirror, ctypes.Structure)):
            problems.append("%s: no handle %s" % (name, mirror_name(name)))
    for name, fields in header.structs.items():
        mirror = getattr(capi, mirror_name(name), None)
        if not (isinstance(mirror, type) and issubclass(mirror, ctypes.Structure)):
            problems.append("%s: no mirror %s" % (name, mirror_name(name)))
            continue
        declared = mirror.__dict__.get("_fields_", [])
        if [f[0] for f in declared] != [f[0] for f in fields]:
            problems.append("%s: fields %s, candor.h has %s"
                            % (mirror.__name__, [f[0] for f in declared], [f[0] for f in fields]))
            continue
        for (field, ctype), (_, c_type) in zip(declared, fields):
            problem = kind_problem(ctype, c_type, header, capi)
            if problem:
                problems.append("%s.%s: %s" % (mirror.__name__, field, problem))
    known = {mirror_name(n) for n in list(header.structs) + list(header.handles)}
    problems += ["%s: a mirror of no struct of candor.h" % name
                 for name, value in vars(capi).items()
                 if isinstance(value, type) and issubclass(value, ctypes.Structure)
                 and name not in known]
    return problems


def test_every_struct_and_handle_has_its_mirror(header):
    problems = mirror_problems(header, _capi)
    assert not problems, "\n".join(problems)


def compiler_layouts(header, tmp_path):
    """{struct: {"size", "align", "fields": {field: (offset, size)}}} as the C
    compiler lays out candor.h's structs."""
    compiler = shutil.which("cc")
    assert compiler, "no C compiler `cc` on PATH: it is needed to check the struct mirrors"
    lines = ["#include <stddef.h>", "#include <stdio.h>", '#include "candor.h"',
             "int main(void) {"]
    for name, fields in header.structs.items():
        c_name = name if name.startswith("candor_") else "struct " + name
        lines.append('  printf("%s %%zu %%zu\\n", sizeof(%s), _Alignof(%s));'
                     % (name, c_name, c_name))
        for field, _ in fields:
            lines.append('  printf("%s.%s %%zu %%zu\\n", offsetof(%s, %s), sizeof(((%s*)0)->%s));'
                         % (name, field, c_name, field, c_name, field))
    lines += ["  return 0;", "}"]
    source = tmp_path / "layouts.c"
    source.write_text("\n".join(lines) + "\n")
    program = tmp_path / "layouts"
    # Python may run with the sanitizer runtimes preloaded (CANDOR_SANITIZE
    # builds); the compiler and the program do not need them.
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
    built = subprocess.run([compiler, "-std=c11", "-I", str(ROOT / "include"), "-o",
                            str(program), str(source)], capture_output=True, text=True,
                           env=env, timeout=120)
    assert built.returncode == 0, built.stderr
    ran = subprocess.run([str(program)], capture_output=True, text=True, env=env, timeout=60)
    assert ran.returncode == 0, ran.stderr
    layouts = {}
    for line in ran.stdout.splitlines():
        where, first, second = line.split()
        if "." in where:
            struct, field = where.split(".")
            layouts[struct]["fields"][field] = (int(first), int(second))
        else:
            layouts[where] = {"size": int(first), "align": int(second), "fields": {}}
    return layouts


def layout_problems(layouts, by_struct):
    """Where each mirror (by_struct: C struct name -> mirror) differs from the
    compiler's layout."""
    problems = []
    for name, layout in layouts.items():
        mirror = by_struct[name]
        if ctypes.sizeof(mirror) != layout["size"]:
            problems.append("%s: size %d, the compiler's %d"
                            % (name, ctypes.sizeof(mirror), layout["size"]))
        if ctypes.alignment(mirror) != layout["align"]:
            problems.append("%s: alignment %d, the compiler's %d"
                            % (name, ctypes.alignment(mirror), layout["align"]))
        names = [f[0] for f in mirror.__dict__.get("_fields_", [])]
        for field, (offset, size) in layout["fields"].items():
            declared = getattr(mirror, field, None)
            if field not in names:
                problems.append("%s.%s: not in the mirror" % (name, field))
            elif (declared.offset, declared.size) != (offset, size):
                problems.append("%s.%s: offset %d size %d, the compiler's offset %d size %d"
                                % (name, field, declared.offset, declared.size, offset, size))
    return problems


@pytest.fixture(scope="module")
def layouts(header, tmp_path_factory):
    return compiler_layouts(header, tmp_path_factory.mktemp("layouts"))


def test_struct_mirrors_have_the_compilers_layout(header, layouts):
    assert set(layouts) == set(header.structs)
    assert layouts["candor_estimate"]["fields"]["n"] == (40, 8)  # LP64, as every number here
    by_struct = {name: getattr(_capi, mirror_name(name)) for name in header.structs}
    problems = layout_problems(layouts, by_struct)
    assert not problems, "\n".join(problems)


def test_a_drifted_mirror_is_reported(header, layouts):
    """A field of the wrong width, two fields swapped and a field dropped are
    each reported, by the layout or by the kinds."""
    class Narrowed(ctypes.Structure):  # int64_t n as int32: every offset stays
        _fields_ = [(f, ctypes.c_int32 if f == "n" else t) for f, t in _capi.CEstimate._fields_]

    summary = _capi.CChangePointSummary._fields_

    class Swapped(ctypes.Structure):  # block_size and categories exchanged
        _fields_ = summary[:2] + [summary[3], summary[2]] + summary[4:]

    class Shortened(ctypes.Structure):
        _fields_ = _capi.CWeightSummary._fields_[:-1]

    by_struct = {name: getattr(_capi, mirror_name(name)) for name in header.structs}
    by_struct.update(candor_estimate=Narrowed, candor_change_point_summary=Swapped,
                     candor_weight_summary=Shortened)
    assert layout_problems(layouts, by_struct) == [
        "candor_estimate.n: offset 40 size 4, the compiler's offset 40 size 8",
        "candor_weight_summary: size 40, the compiler's 48",
        "candor_weight_summary.design_effect: not in the mirror",
        "candor_change_point_summary: size 40, the compiler's 32",
        "candor_change_point_summary.block_size: offset 24 size 8, the compiler's offset 16 "
        "size 8",
        "candor_change_point_summary.categories: offset 16 size 4, the compiler's offset 24 "
        "size 4",
        "candor_change_point_summary.has_times: offset 32 size 4, the compiler's offset 28 "
        "size 4",
    ]


def test_a_missing_or_stray_mirror_and_a_field_of_another_kind_are_reported(header):
    capi = types.SimpleNamespace(**vars(_capi))
    del capi.CTable
    capi.CMkOptions = type("CMkOptions", (ctypes.Structure,), {"_fields_": [
        (f, ctypes.c_double if f == "method" else t) for f, t in _capi.CMkOptions._fields_]})
    capi.CFake = type("CFake", (ctypes.Structure,), {"_fields_": [("x", ctypes.c_int)]})
    assert mirror_problems(header, capi) == [
        "candor_table: no handle CTable",
        "CMkOptions.method: c_double for candor_mk_method",
        "CFake: a mirror of no struct of candor.h",
    ]


def test_a_callback_of_another_signature_is_reported(header):
    """The Arrow structs' function pointers are checked argument by argument."""
    (name, get_next), = [f for f in header.structs["ArrowArrayStream"] if f[0] == "get_next"]
    assert mirrors(_capi.ArrowStreamGetNext, get_next, header, _capi)
    wrong = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(_capi.CArrowArrayStream),
                             ctypes.POINTER(_capi.CArrowSchema))  # a schema for the array
    assert kind_problem(wrong, get_next, header, _capi) == (
        "CFunctionType for int (*)(ArrowArrayStream*, ArrowArray*)")
    assert kind_problem(_capi.ArrowStreamRelease, get_next, header, _capi) is not None


def test_only_capi_declares_the_abi():
    """No other module defines a struct mirror or sets restype / argtypes."""
    found = []
    for path in sorted(PACKAGE.glob("*.py")):
        if path.name == "_capi.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ClassDef) and any(
                    "Structure" in ast.unparse(base) for base in node.bases):
                found.append("%s:%d: class %s" % (path.name, node.lineno, node.name))
            if isinstance(node, ast.Attribute) and node.attr in ("restype", "argtypes") \
                    and isinstance(node.ctx, ast.Store):
                found.append("%s:%d: sets %s" % (path.name, node.lineno, node.attr))
    assert not found, "\n".join(found)


# ------------------------------------------------------------------ the version


def test_the_expected_major_is_the_headers(header):
    assert candor.EXPECTED_MAJOR == header.version["MAJOR"], (
        "bindings/python/candor/_lib.py expects major version %d, include/candor.h defines "
        "CANDOR_VERSION_MAJOR %d" % (candor.EXPECTED_MAJOR, header.version["MAJOR"]))
    doctored = Header(HEADER.read_text().replace(
        "#define CANDOR_VERSION_MAJOR %d" % header.version["MAJOR"],
        "#define CANDOR_VERSION_MAJOR %d" % (header.version["MAJOR"] + 1)))
    assert doctored.version["MAJOR"] != candor.EXPECTED_MAJOR


def test_the_version_is_the_loaded_librarys(header):
    assert candor.__version__ == candor._lib.lib.candor_version().decode("ascii")
    assert candor.__version__ == "%(MAJOR)d.%(MINOR)d.%(PATCH)d" % header.version
    assert not re.search(r"__version__\s*=\s*[\"']", (PACKAGE / "__init__.py").read_text())


# ------------------------------------------------------------------ the imports


def import_graph(package_dir):
    """({module: {modules of the package it imports}}, [imports not at module
    top]) from the source of every module of the package."""
    graph, nested = {}, []
    for path in sorted(package_dir.glob("*.py")):
        tree = ast.parse(path.read_text())
        top = set(map(id, tree.body))
        deps = set()
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and \
                    node.module.split(".")[0] == "candor":
                names = ([a.name for a in node.names] if node.module == "candor"
                         else [node.module.split(".")[1]])
            elif isinstance(node, ast.Import):
                names = [a.name.split(".")[1] for a in node.names
                         if a.name.startswith("candor.")]
            if names:
                deps.update(names)
                if id(node) not in top:
                    nested.append("%s:%d" % (path.name, node.lineno))
        graph[path.stem] = deps - {"__init__"}
    return graph, nested


def find_cycle(graph):
    """A list of modules [a, b, ..., a] importing each other in turn, or None."""
    state = {}

    def visit(module, path):
        state[module] = "open"
        for dep in sorted(graph.get(module, ())):
            if state.get(dep) == "open":
                return path[path.index(dep):] + [dep]
            if dep not in state:
                cycle = visit(dep, path + [dep])
                if cycle:
                    return cycle
        state[module] = "done"
        return None

    for module in sorted(graph):
        if module not in state:
            cycle = visit(module, [module])
            if cycle:
                return cycle
    return None


def test_the_package_imports_form_a_dag_at_module_top():
    graph, nested = import_graph(PACKAGE)
    assert {"_capi", "_lib", "_labels", "_design", "breakdowns", "scoring", "weights"} <= set(graph)
    assert not nested, "imports of the package inside functions: %s" % nested
    assert find_cycle(graph) is None, find_cycle(graph)
    # The checker itself: the import that a function hid before, made at the top.
    graph["_labels"] = graph["_labels"] | {"breakdowns"}
    cycle = find_cycle(graph)
    assert cycle[0] == cycle[-1] and {"_labels", "breakdowns", "_design"} <= set(cycle), cycle


def test_each_module_imports_on_its_own():
    """Each module in a fresh interpreter, without the package's __init__
    importing the others first (pandas kept out to keep it quick)."""
    code = ("import importlib, sys, types; sys.modules['pandas'] = None; "
            "package = types.ModuleType('candor'); package.__path__ = [%r]; "
            "sys.modules['candor'] = package; importlib.import_module('candor.' + sys.argv[1])"
            % str(PACKAGE))
    runs = {path.stem: subprocess.Popen([sys.executable, "-c", code, path.stem],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True)
            for path in sorted(PACKAGE.glob("*.py")) if path.stem != "__init__"}
    failed = {}
    for module, run in runs.items():
        out, err = run.communicate(timeout=120)
        if run.returncode != 0:
            failed[module] = err.strip().splitlines()[-1:]
    assert not failed, failed
