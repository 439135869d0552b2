"""What the bench/peers_*.py scripts share.

  timed(fn, repetitions, warm_up)  one way to time a peer: wall time
                                   (time.perf_counter) and process CPU time
                                   (time.process_time) of each call
  read_column / write_column       the raw little-endian columns the peers and
                                   the C++ programs exchange (the C++ side is
                                   bench/bench_io.hpp's ReadAll and WriteAll)
  generate_time_table_arguments    the command line of a peer that writes a
                                   benchmark's data, times itself on it and
                                   prints the side-by-side table
  print_threads_table              that table, for a C++ program timed on 1
                                   and 2 threads (bench/run_common.sh's
                                   time_candor_threads)
"""
import argparse
import json
import os
import statistics
import time

import numpy as np


class Runs:
    """Wall and process CPU seconds of the timed calls, in call order."""

    def __init__(self):
        self.wall, self.cpu = [], []

    @property
    def median_wall(self):
        return statistics.median(self.wall)

    @property
    def median_cpu(self):
        return statistics.median(self.cpu)


def timed(fn, repetitions, warm_up=False):
    """Calls fn() `repetitions` times, after one untimed call when warm_up
    (page faults, caches, lazy imports); returns the last call's result and
    the Runs."""
    if warm_up:
        fn()
    runs, result = Runs(), None
    for _ in range(repetitions):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        runs.wall.append(time.perf_counter() - wall)
        runs.cpu.append(time.process_time() - cpu)
    return result, runs


# A column file's element type, by the suffix of its name.
_COLUMN_TYPES = {".f64": "<f8", ".i64": "<i8", ".i32": "<i4", ".i8": "i1"}


def _column_type(name):
    return _COLUMN_TYPES[os.path.splitext(name)[1]]


def read_column(directory, name):
    """The column directory/name, typed by its suffix (.f64, .i64, .i32, .i8)."""
    return np.fromfile(os.path.join(directory, name), dtype=_column_type(name))


def write_column(directory, name, values):
    """Writes values as the column directory/name, converted to the type its
    suffix names (.f64, .i64, .i32, .i8)."""
    np.asarray(values).astype(_column_type(name)).tofile(os.path.join(directory, name))


def generate_time_table_arguments(rows, seed, repetitions):
    """The parser of a peer with three steps on one directory: --generate DIR
    writes the seeded data (--rows, --seed), --time DIR times the peer on it
    (--repetitions) and checks it against the C++ program's answers, --table
    DIR prints the side-by-side table. The caller adds its own arguments."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--generate", metavar="DIR")
    parser.add_argument("--time", metavar="DIR")
    parser.add_argument("--table", metavar="DIR")
    parser.add_argument("--rows", type=int, default=rows)
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument("--repetitions", type=int, default=repetitions)
    return parser


def thread_runs(directory):
    """The C++ program's JSON on 1 and 2 threads (candor_t1.json,
    candor_t2.json) and the peer's (peers.json) in directory."""
    def load(name):
        with open(os.path.join(directory, name)) as f:
            return json.load(f)
    return load("candor_t1.json"), load("candor_t2.json"), load("peers.json")


def print_threads_table(directory, summary, candor_labels, peer_rows):
    """Prints directory/env.txt, the summary line and the table of medians:
    the C++ program on 1 and 2 threads (its rows named by candor_labels),
    then each (label, median seconds) of peer_rows, with the ratio to the
    program on 1 thread."""
    one, two, _ = thread_runs(directory)
    base = one["median_seconds"]
    with open(os.path.join(directory, "env.txt")) as f:
        print(f.read())
    print(summary)
    print("| what | median s | ratio (peer / candor 1 thread) |")
    print("|---|---:|---:|")
    print("| %s | %.4f | 1 |" % (candor_labels[0], base))
    print("| %s | %.4f | %.2f |" % (candor_labels[1], two["median_seconds"],
                                    two["median_seconds"] / base))
    for label, seconds in peer_rows:
        print("| %s | %.4f | %.1f |" % (label, seconds, seconds / base))
