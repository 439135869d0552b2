"""The report page in a real browser: headless Chromium (Debian `chromium`).

The sample's page and JSON come from `candor report --format html|json -o`.
The C++ test ReportHtml.IsDeterministic writes fixture.html (when
CANDOR_REPORT_PAGE_DIR is set), a hand-built model with every section and
chart present.

Checks: the DOM's tagged numbers (data-json) equal the JSON's, formatted the
same way; every section heading is there, in order; every chart is an
accessible image; the page weighs under 1 MB; screenshots at desktop and phone
widths are real images; and no request leaves file:// (a net log of the load,
with every host name unresolvable; a page with an external image shows the
check catches one).
"""

import html.parser
import json
import os
import pathlib
import re
import shutil
import struct
import subprocess
import tempfile
import zlib

import pytest

SOURCE = pathlib.Path(os.environ.get("CANDOR_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
SAMPLE = SOURCE / "data" / "sample" / "survey.csv"
CHROMIUM = os.environ.get("CANDOR_CHROMIUM") or shutil.which("chromium")
TIMEOUT = 120

HEADINGS = ["Headline", "Trend", "Segments", "What customers say", "Accounts", "What to do next"]


def _chromium(args, scratch):
    """Runs headless Chromium on a fresh profile; returns its stdout."""
    if not CHROMIUM:
        pytest.fail("chromium not found: install it with scripts/install-deps.sh "
                    "(Debian package chromium) or set CANDOR_CHROMIUM")
    profile = tempfile.mkdtemp(prefix="profile-", dir=scratch)
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}  # not the sanitizers'
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--user-data-dir=" + profile, "--no-first-run", "--disable-extensions",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--disable-default-apps", "--mute-audio",
               "--host-resolver-rules=MAP * ~NOTFOUND", *args]
    done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, env=env)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return done.stdout.decode("utf-8")


def _from_cli(directory):
    """Writes report.html and report.json of the sample with the command line."""
    cli = os.environ.get("CANDOR_CLI")
    assert cli, "CANDOR_CLI (the candor command line) must be set; see tests/CMakeLists.txt"
    for fmt in ("html", "json"):
        out = directory / f"report.{fmt}"
        done = subprocess.run([cli, "report", "--format", fmt, "-o", str(out), str(SAMPLE)],
                              capture_output=True, timeout=TIMEOUT)
        assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
        assert out.stat().st_size > 0, f"candor report --format {fmt} wrote an empty file"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    directory = tmp_path_factory.mktemp("report")
    tests = os.environ.get("CANDOR_TESTS")
    assert tests, "CANDOR_TESTS (the candor_tests binary) must be set; see tests/CMakeLists.txt"
    env = dict(os.environ, CANDOR_REPORT_PAGE_DIR=str(directory))
    done = subprocess.run([tests, "--gtest_filter=ReportPage.*:ReportHtml.IsDeterministic"],
                          capture_output=True, timeout=TIMEOUT, env=env)
    assert done.returncode == 0, done.stdout.decode(errors="replace")[-3000:]
    _from_cli(directory)  # the sample's page and JSON as users get them
    return directory


class _Dom(html.parser.HTMLParser):
    """Tagged numbers, h2 headings and charts of a dumped DOM."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.numbers = []  # (attributes, text)
        self.headings = []
        self.charts = []  # dicts: attributes, title, desc
        self.ids = set()
        self._stack = []  # open elements we collect text for

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "svg":
            self.charts.append({"attrs": attributes, "title": "", "desc": ""})
        if "data-json" in attributes or tag in ("h2", "title", "desc"):
            self._stack.append([tag, attributes, ""])

    def handle_endtag(self, tag):
        if not self._stack or self._stack[-1][0] != tag:
            return
        _, attributes, text = self._stack.pop()
        if tag == "h2":
            self.headings.append(text.strip())
        elif tag in ("title", "desc"):
            if self.charts:  # the page's own <title> comes before any chart
                self.charts[-1][tag] = text.strip()
        else:
            self.numbers.append((attributes, text))
        if self._stack:
            self._stack[-1][2] += text

    def handle_data(self, data):
        if self._stack:
            self._stack[-1][2] += data


def _parse(dom):
    parser = _Dom()
    parser.feed(dom)
    return parser


def _lookup(document, path):
    value = document
    for key, index in re.findall(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]", path):
        value = value[key] if key else value[int(index)]
    return value


def _fixed(value, decimals):
    """C's printf("%.*f") as report_format's Fixed: never "-0.0"."""
    text = f"{value:.{decimals}f}"
    if text.startswith("-") and set(text[1:]) <= set("0."):
        text = text[1:]
    return text


def _format(value, attributes):
    style = attributes.get("data-format")
    if style == "p":
        return "<0.001" if value < 0.001 else _fixed(value, 3)
    if style == "money":
        digits = _fixed(abs(value), 0)
        return ("-$" if value < 0 and digits != "0" else "$") + f"{int(digits):,}"
    scale = float(attributes.get("data-scale", "1"))
    return _fixed(value * scale if scale != 1 else value, int(attributes["data-decimals"]))


def _mismatches(dom, document):
    """(path, shown, expected) for each tagged number the JSON does not reproduce."""
    wrong = []
    for attributes, text in _parse(dom).numbers:
        path = attributes["data-json"]
        try:
            value = _lookup(document, path)
        except (KeyError, IndexError, TypeError):
            wrong.append((path, text, "missing from the JSON"))
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            wrong.append((path, text, f"not a number in the JSON: {value!r}"))
            continue
        if _format(value, attributes) != text:
            wrong.append((path, text, _format(value, attributes)))
    return wrong


def _page_requests(net_log):
    """URLs the page asked for: requests in the page's own (file://) partition
    or with its origin as initiator; the browser's own background requests
    (component updates, time, accounts) have neither."""
    log = json.loads(net_log.read_text())
    types = log["constants"]["logEventTypes"]
    start = types["URL_REQUEST_START_JOB"]
    urls = []
    for event in log["events"]:
        params = event.get("params", {})
        if event["type"] != start or "url" not in params:
            continue
        from_page = (params.get("initiator") != "not an origin"
                     or "file://" in params.get("network_isolation_key", ""))
        if from_page:
            urls.append(params["url"])
    return urls


def _png(path):
    """(width, height, pixel bytes decompressed) of a PNG; asserts it is one."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    at, idat, header = 8, b"", None
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        kind, body = data[at + 4:at + 8], data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    width, height, depth, colour = header[:4]
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    pixels = zlib.decompress(idat)
    assert depth == 8 and len(pixels) == height * (1 + width * channels), "truncated PNG"
    return width, height, len(data)


def test_sample_page_weighs_under_1_mb(pages):
    size = (pages / "report.html").stat().st_size
    print(f"sample page: {size} bytes")
    assert 0 < size < 1 << 20


@pytest.mark.parametrize("page", ["report.html", "fixture.html"])
def test_every_section_heading_in_order(pages, page, tmp_path):
    dom = _chromium(["--dump-dom", (pages / page).as_uri()], tmp_path)
    assert _parse(dom).headings == HEADINGS


def test_dom_numbers_equal_the_json(pages, tmp_path):
    document = json.loads((pages / "report.json").read_text())
    dom = _chromium(["--dump-dom", (pages / "report.html").as_uri()], tmp_path)
    numbers = _parse(dom).numbers
    assert numbers, "no tagged number in the page"
    assert _mismatches(dom, document) == []
    print(f"{len(numbers)} numbers of the page equal the JSON's")


def test_the_comparison_catches_a_wrong_or_missing_number():
    dom = ('<p><span data-json="a.b[1].c" data-decimals="1">31.2</span>'
           '<span data-json="a.share" data-decimals="1" data-scale="100">45.0</span>'
           '<span data-json="a.p" data-format="p">&lt;0.001</span>'
           '<span data-json="a.arr" data-format="money">$1,234</span>'
           '<span data-json="a.zero" data-decimals="1">0.0</span>'
           '<span data-json="a.gone" data-decimals="0">3</span></p>')
    document = {"a": {"b": [{}, {"c": 31.25}], "share": 0.45, "p": 0.0004, "arr": 1234.4,
                      "zero": -0.01}}
    # 31.25 is 31.25 exactly in binary: printf rounds it to even, 31.2.
    assert _mismatches(dom, document) == [("a.gone", "3", "missing from the JSON")]
    document["a"]["b"][1]["c"] = 31.3
    document["a"]["share"] = 0.4549
    assert [w[0] for w in _mismatches(dom, document)] == ["a.b[1].c", "a.share", "a.gone"]


def test_every_chart_is_an_accessible_image(pages, tmp_path):
    dom = _parse(_chromium(["--dump-dom", (pages / "fixture.html").as_uri()], tmp_path))
    assert len(dom.charts) == 6
    for chart in dom.charts:
        assert chart["attrs"].get("role") == "img"
        assert chart["attrs"].get("viewbox") or chart["attrs"].get("viewBox")
        labelled_by = chart["attrs"]["aria-labelledby"].split()
        assert len(labelled_by) == 2 and all(i in dom.ids for i in labelled_by)
        assert chart["title"] and len(chart["desc"]) > 20


@pytest.mark.parametrize("page", ["report.html", "fixture.html"])
@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_are_real_images(pages, page, width, tmp_path):
    shot, blank = tmp_path / "page.png", tmp_path / "blank.png"
    (tmp_path / "blank.html").write_text("<!DOCTYPE html><title>blank</title>")
    for source, target in ((pages / page, shot), (tmp_path / "blank.html", blank)):
        _chromium([f"--window-size={width},2000", f"--screenshot={target}", source.as_uri()],
                  tmp_path)
    shot_width, shot_height, shot_bytes = _png(shot)
    _, _, blank_bytes = _png(blank)
    assert (shot_width, shot_height) == (width, 2000)
    # A white page compresses to almost nothing; text and charts do not.
    assert shot_bytes > 5 * blank_bytes, (shot_bytes, blank_bytes)


@pytest.mark.parametrize("page", ["report.html", "fixture.html"])
def test_no_network_request(pages, page, tmp_path):
    net_log = tmp_path / "net.json"
    _chromium([f"--log-net-log={net_log}", "--dump-dom", (pages / page).as_uri()], tmp_path)
    assert [u for u in _page_requests(net_log) if not u.startswith("file:")] == []


def test_the_network_check_catches_an_external_image(tmp_path):
    page = tmp_path / "external.html"
    page.write_text('<!DOCTYPE html><p>x</p><img src="http://example.invalid/pixel.png" alt="">'
                    '<div style="background: url(https://example.org/a.png)">y</div>')
    net_log = tmp_path / "net.json"
    _chromium([f"--log-net-log={net_log}", "--dump-dom", page.as_uri()], tmp_path)
    assert sorted(_page_requests(net_log)) == ["http://example.invalid/pixel.png",
                                               "https://example.org/a.png"]
