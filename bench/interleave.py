"""Wall-time comparison on a busy machine: python3 and one or more refpy binaries take turns on each program,
so load changes hit all of them alike; medians and ratios to python3 are printed.

    python3 bench/interleave.py [--reps 7] NAME=PATH [NAME=PATH ...] -- bench/programs/alloc_free.py ...

Example: compare the refpy of an older commit (built elsewhere) with the current one:
    python3 bench/interleave.py before=/tmp/refpy.old now=target/release/refpy -- bench/programs/*.py
"""
import os
import statistics
import subprocess
import sys
import time


def main(argv):
    reps = 7
    if argv[:1] == ["--reps"]:
        reps, argv = int(argv[1]), argv[2:]
    split = argv.index("--")
    exes = {"python3": [sys.executable]}
    for spec in argv[:split]:
        name, path = spec.split("=", 1)
        exes[name] = [path]
    env = dict(os.environ)
    env.pop("PYTHONUNBUFFERED", None)
    for prog in argv[split + 1:]:
        times = {name: [] for name in exes}
        for _ in range(reps):
            for name, cmd in exes.items():
                start = time.perf_counter()
                subprocess.run(cmd + [prog], stdout=subprocess.DEVNULL, env=env, check=True)
                times[name].append(time.perf_counter() - start)
        medians = {name: statistics.median(t) * 1000 for name, t in times.items()}
        cells = [f"{name} {ms:.0f} ms" for name, ms in medians.items()]
        ratios = [f"{name}/python3 {ms / medians['python3']:.2f}" for name, ms in medians.items() if name != "python3"]
        print(os.path.basename(prog), "|", ", ".join(cells), "|", ", ".join(ratios))


if __name__ == "__main__":
    main(sys.argv[1:])
