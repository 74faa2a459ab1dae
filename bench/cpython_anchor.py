"""CPython's numbers for the library table (run by `table`, or alone: python3 bench/cpython_anchor.py).

Prints `key value` lines. Shapes as close to the Rust ones as Python allows: a two-slot list for alloc+free and
the two-node cycles (like the issue's anchor), `[left, right]` lists for binary trees, nested `[next]` lists for
the long chain, a 4-slot `__slots__` instance (32-byte payload) for memory per object. Medians of REPS (5).
"""
import gc
import os
import statistics
import sys
import time

REPS = int(os.environ.get("REFPY_BENCH_REPS", "5"))
SIZES = [10_000, 100_000, 1_000_000] + ([10_000_000] if os.environ.get("REFPY_BENCH_1E7") else [])


def med(f, reps=REPS):
    f()
    return statistics.median(f() for _ in range(reps))


def alloc_free(n=1_000_000):
    t = time.perf_counter()
    for i in range(n):
        x = [None, i]
        del x
    d = time.perf_counter() - t
    t = time.perf_counter()
    for i in range(n):
        pass
    empty = time.perf_counter() - t
    return d / n * 1e9, (d - empty) / n * 1e9


def cycles(n):
    gc.collect()
    gc.disable()
    for i in range(n):
        a = [None, i]
        b = [a, i]
        a[0] = b
    del a, b
    t = time.perf_counter()
    gc.collect()
    d = time.perf_counter() - t
    gc.enable()
    return d


def tree(depth):
    if depth == 0:
        return [None, None]
    return [tree(depth - 1), tree(depth - 1)]


def tree_time(depth, gc_on):
    gc.collect()
    if not gc_on:
        gc.disable()
    t = time.perf_counter()
    r = tree(depth)
    del r
    d = time.perf_counter() - t
    gc.enable()
    return d


def list_drop(n=1_000_000):
    chain = None
    for i in range(n):
        chain = [chain]
    t = time.perf_counter()
    del chain
    return time.perf_counter() - t


class Slots4:
    __slots__ = ("a", "b", "c", "d")


def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096


def memory(n=1_000_000):
    gc.disable()
    keep = [None] * n
    before = rss()
    for i in range(n):
        o = Slots4()
        o.a = o.b = o.c = o.d = None
        keep[i] = o
    per = (rss() - before) / n
    gc.enable()
    return per - 32


SECTIONS = os.environ.get("REFPY_BENCH_SECTIONS")


def want(section):
    return SECTIONS is None or section in SECTIONS.split(",")


def main():
    print("version", sys.version.split()[0])
    if want("basic"):
        ns, ns_net = med(alloc_free)
        print("alloc_free_ns", "%.1f" % ns)
        print("alloc_free_net_ns", "%.1f" % ns_net)
    if want("cycles"):
        for n in SIZES:
            reps = 1 if n >= 10_000_000 else REPS
            d = med(lambda: cycles(n), reps)
            print("cycles_%d" % n, "%.1f" % (d / (2 * n) * 1e9))
    if want("trees"):
        for depth in (16, 20):
            reps = 3 if depth == 20 else REPS
            print("tree%d_off_ms" % depth, "%.1f" % (med(lambda: tree_time(depth, False), reps) * 1e3))
            print("tree%d_on_ms" % depth, "%.1f" % (med(lambda: tree_time(depth, True), reps) * 1e3))
    if want("list"):
        print("list_drop_ms", "%.1f" % (med(list_drop) * 1e3))
    if want("mem"):
        print("mem_overhead", "%.1f" % memory())


main()
