#!/usr/bin/python3
"""Side-by-side table of bench/run_score.sh's results (Markdown on stdout).

Inputs: the Google Benchmark JSON of candor_score_bench (with
--benchmark_repetitions, so it holds median aggregates) and the JSON of
bench/peers_score.py. Every time is a median over repetitions; every ratio is
a ratio of those medians; throughput is rows (or bytes, 1 GB = 1e9 bytes)
divided by the median time.
"""

import json
import sys

UNIT_SECONDS = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}


def load_cpp(path):
    with open(path) as f:
        doc = json.load(f)
    medians, cpu_medians = {}, {}
    for b in doc["benchmarks"]:
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") == "median":
            name = b["run_name"].replace("/real_time", "")
            medians[name] = b["real_time"] * UNIT_SECONDS[b["time_unit"]]
            cpu_medians[name] = b["cpu_time"] * UNIT_SECONDS[b["time_unit"]]
        elif b.get("error_occurred"):
            medians.setdefault(b["run_name"].replace("/real_time", ""), None)
    return doc["context"], medians, cpu_medians


def fmt_ms(seconds):
    return "n/a" if seconds is None else f"{seconds * 1e3:,.1f}"


def main():
    cpp_path, peers_path = sys.argv[1], sys.argv[2]
    context, cpp, cpp_cpu = load_cpp(cpp_path)
    with open(peers_path) as f:
        peers = json.load(f)
    rows = int(context["rows"])
    segments = int(context["segments"])
    py = {name: t["median_s"] for name, t in peers["timings"].items()}
    py_cpu = {name: t["cpu_median_s"] for name, t in peers["timings"].items()}
    breakdown = [n for n in cpp if n.startswith("candor_Breakdown_double_")]
    breakdown_rows = int(breakdown[0].split("_")[3].replace("rows/threads:1", "").replace(
        "rows/threads:2", "")) if breakdown else 0

    out = []

    def table(title, entries):
        out.append(f"\n### {title}\n")
        out.append("| method | threads | median ms | M rows/s | GB/s | median CPU ms (1T) |")
        out.append("|---|---:|---:|---:|---:|---:|")
        for label, threads, seconds, cpu_seconds, n, bytes_per_row in entries:
            cpu = fmt_ms(cpu_seconds) if threads == 1 else ""
            if seconds is None:
                out.append(f"| {label} | {threads} | n/a | | | |")
                continue
            out.append(f"| {label} | {threads} | {fmt_ms(seconds)} | {n / seconds / 1e6:,.0f} | "
                       f"{n * bytes_per_row / seconds / 1e9:,.1f} | {cpu} |")

    def cpp_entries(specs, n, bytes_per_row):
        return [(label, t, cpp.get(f"{name}/threads:{t}"), cpp_cpu.get(f"{name}/threads:{t}"), n,
                 bytes_per_row) for label, name, ts in specs for t in ts]

    def py_entry(label, name, n, bytes_per_row):
        return (label, 1, py.get(name), py_cpu.get(name), n, bytes_per_row)

    table(f"Overall NPS, {rows:,} int8 scores (1 byte per row)",
          cpp_entries([
              ("plain sum int8 -> int64 (project flags)", "plain_sum_int8", (1, 2)),
              ("plain sum, AVX2 clone (as candor's kernel)", "plain_sum_int8_avx2clone", (1, 2)),
              ("read bandwidth: same bytes as u64 words", "read_bandwidth_int8_as_u64", (1, 2)),
              ("**candor::EstimateInt8** (NPS + Wald interval)", "candor_EstimateInt8", (1, 2)),
              ("naive scalar histogram (context)", "naive_histogram_int8", (1,)),
          ], rows, 1) + [py_entry("numpy `np.bincount(scores, minlength=11)` + NPS",
                                  "numpy_bincount_nps", rows, 1)])

    pandas_names = ["pandas_groupby_mean_nps", "pandas_groupby_value_counts",
                    "pandas_groupby_band_size"]
    pandas_labels = {
        "pandas_groupby_mean_nps": "pandas: +1/0/-1 column, `groupby('segment').mean()`",
        "pandas_groupby_value_counts": "pandas: `groupby('segment')['score'].value_counts()"
                                       ".unstack()`",
        "pandas_groupby_band_size": "pandas: categorical band, `groupby(['segment','band'])"
                                    ".size()`",
    }
    table(f"NPS by {segments:,} segments, {rows:,} rows (int32 code + int8 score, 5 bytes per row)",
          cpp_entries([
              ("plain sum of codes + scores (project flags)", "plain_sum_segment_int32_score_int8",
               (1, 2)),
              ("**candor internal CountInt8ScoresBySegment**", "candor_segment_kernel", (1, 2)),
              ("naive scalar histogram (context)", "naive_segment_histogram", (1,)),
          ], rows, 5) + [py_entry("numpy `np.bincount(seg * 11 + score)` + NPS",
                                  "numpy_segment_bincount_nps", rows, 5)] +
          [py_entry(pandas_labels[n], n, rows, 5) for n in pandas_names])

    if breakdown:
        table(f"Context: public candor::Breakdown on double scores, {breakdown_rows:,} rows, "
              f"{segments:,} segments, Wald + Holm (8 + 4 bytes per row)",
              cpp_entries([("candor::Breakdown", f"candor_Breakdown_double_{breakdown_rows}rows",
                            (1, 2))], breakdown_rows, 12))

    def ratio(num, den):
        return None if num is None or den is None else num / den

    pandas_times = {n: py.get(n) for n in pandas_names if py.get(n) is not None}
    fastest_pandas = min(pandas_times, key=pandas_times.get) if pandas_times else None
    targets = []
    for t in (1, 2):
        def both(baseline, baseline_cpu, name):
            """(wall ratio, CPU ratio or None): baseline time / candor time."""
            key = f"{name}/threads:{t}"
            cpu = ratio(baseline_cpu, cpp_cpu.get(key)) if t == 1 else None
            return ratio(baseline, cpp.get(key)), cpu

        def vs_cpp(base, name):
            return both(cpp.get(f"{base}/threads:{t}"), cpp_cpu.get(f"{base}/threads:{t}"), name)

        def vs_py(base, name):
            return both(py.get(base), py_cpu.get(base), name)

        est, seg = "candor_EstimateInt8", "candor_segment_kernel"
        # Throughput ratio = baseline time / candor time.
        targets += [
            (f"EstimateInt8 throughput / plain sum (project flags), {t}T", ">= 0.5",
             vs_cpp("plain_sum_int8", est), 0.5),
            (f"EstimateInt8 throughput / plain sum (AVX2 clone), {t}T", ">= 0.5",
             vs_cpp("plain_sum_int8_avx2clone", est), 0.5),
            (f"EstimateInt8 throughput / u64 read bandwidth, {t}T (context)", "",
             vs_cpp("read_bandwidth_int8_as_u64", est), None),
            (f"numpy bincount time / EstimateInt8 time, {t}T", ">= 50",
             vs_py("numpy_bincount_nps", est), 50),
            (f"segment kernel throughput / plain sum of codes + scores, {t}T", ">= 0.5",
             vs_cpp("plain_sum_segment_int32_score_int8", seg), 0.5),
            (f"fastest pandas ({fastest_pandas}) time / segment kernel time, {t}T", ">= 20",
             vs_py(fastest_pandas, seg), 20),
            (f"numpy segment bincount time / segment kernel time, {t}T (context)", "",
             vs_py("numpy_segment_bincount_nps", seg), None),
        ]
    out.append("\n### Targets (ratios of medians from this run)\n")
    out.append("| ratio | target | measured (wall) | met | from CPU time (1T) |")
    out.append("|---|---:|---:|:---:|---:|")
    for label, goal, (value, cpu_value), threshold in targets:
        shown = "n/a" if value is None else f"{value:,.2f}"
        cpu_shown = "" if cpu_value is None else f"{cpu_value:,.2f}"
        met = "" if threshold is None or value is None else ("yes" if value >= threshold else "**no**")
        out.append(f"| {label} | {goal} | {shown} | {met} | {cpu_shown} |")

    checks = peers["checks"]
    out.append("\n### Same data, same answer\n")
    def shortest(text):  # the shortest repr that round-trips the double
        return "n/a" if text is None else repr(float(text))

    out.append(f"- overall NPS: reference (scalar C++) {shortest(checks.get('reference_nps'))}, "
               f"candor {shortest(checks.get('candor_nps'))}, numpy "
               f"{shortest(checks.get('numpy_nps'))}; "
               f"equal to the last digit: {checks.get('nps_equal_to_last_digit')}")
    out.append(f"- overall counts equal: {checks.get('counts_equal')}; all {segments * 11:,} "
               f"per-segment counts equal (numpy vs C++ reference, which candor's kernel "
               f"matched exactly before timing): {checks.get('segment_counts_equal')}")
    out.append("- pandas per-segment NPS, max |difference| from numpy's: " + ", ".join(
        f"{n.replace('pandas_', '')} {checks.get(n + '_max_abs_diff'):.2g}" for n in pandas_names))
    out.append(f"\nnumpy {peers['numpy']}, pandas {peers['pandas']}, Python {peers['python']}; "
               f"Google Benchmark context: {context.get('num_cpus')} CPUs at "
               f"{context.get('mhz_per_cpu')} MHz, load average at start "
               f"{', '.join(f'{x:.2f}' for x in context.get('load_avg', []))}.")
    print("\n".join(out).lstrip("\n"))


if __name__ == "__main__":
    main()
