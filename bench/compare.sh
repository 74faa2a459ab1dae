#!/usr/bin/env bash
# Whole-program comparison: every bench/programs/*.py (and startup, `-c pass`) under python3 and under
# target/release/refpy, REPS repetitions each (default 5), median wall time, ratio refpy/python3.
#
#   bash bench/compare.sh            # builds refpy first (cargo build --release -p refpy), if the package exists
#   REPS=9 bash bench/compare.sh
#   REFPY=/path/to/refpy NO_BUILD=1 bash bench/compare.sh
#
# A missing refpy binary prints "refpy: n/a" in its column; a program that fails (or prints a different
# checksum) under refpy prints the error in its row instead of aborting the run.
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
REPS=${REPS:-5}
# The real interpreter, not a pyenv shim (a shim adds ~70 ms of bash to every start).
PYTHON=${PYTHON:-$(python3 -c 'import sys; print(sys.executable)')}
REFPY=${REFPY:-$ROOT/target/release/refpy}

if [ -z "${NO_BUILD:-}" ]; then
    if cargo metadata --format-version 1 --no-deps 2>/dev/null | grep -q '"name":"refpy"'; then
        cargo build --release -p refpy >&2 || echo "compare.sh: cargo build --release -p refpy failed" >&2
    else
        echo "compare.sh: no package named refpy in the workspace yet" >&2
    fi
fi

exec "$PYTHON" - "$REPS" "$PYTHON" "$REFPY" "$ROOT/bench/programs" <<'PY'
import os, statistics, subprocess, sys, time

reps, python, refpy, progdir = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
have_refpy = os.path.isfile(refpy) and os.access(refpy, os.X_OK)

cases = [("startup (-c pass)", ["-c", "pass"])]
for name in sorted(os.listdir(progdir)):
    if name.endswith(".py"):
        cases.append((name[:-3], [os.path.join(progdir, name)]))


def run(exe, args):
    """(median seconds, stdout) or (None, error text)."""
    times, out = [], None
    for _ in range(reps):
        t = time.perf_counter()
        try:
            p = subprocess.run([exe] + args, capture_output=True, text=True, timeout=600)
        except Exception as e:  # noqa: BLE001 - report whatever went wrong
            return None, "error: %s" % e
        dt = time.perf_counter() - t
        if p.returncode != 0:
            err = (p.stderr.strip().splitlines() or ["exit %d" % p.returncode])[-1]
            return None, "error (exit %d): %s" % (p.returncode, err[:120])
        times.append(dt)
        out = p.stdout
    return statistics.median(times), out


def ms(x):
    return "%.1f" % (x * 1e3)


print("| program | python3 median, ms | refpy median, ms | refpy / python3 | output |")
print("|---|---|---|---|---|")
for label, args in cases:
    py_t, py_out = run(python, args)
    if py_t is None:
        print("| %s | %s | — | — | — |" % (label, py_out))
        continue
    if not have_refpy:
        print("| %s | %s | refpy: n/a | — | — |" % (label, ms(py_t)))
        continue
    rf_t, rf_out = run(refpy, args)
    if rf_t is None:
        print("| %s | %s | %s | — | — |" % (label, ms(py_t), rf_out.replace("|", "/")))
        continue
    same = "same" if rf_out == py_out else "DIFFERS: %r vs %r" % (rf_out.strip()[:40], py_out.strip()[:40])
    print("| %s | %s | %s | %.2f | %s |" % (label, ms(py_t), ms(rf_t), rf_t / py_t, same))
    sys.stdout.flush()
PY
