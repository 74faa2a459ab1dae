#!/usr/bin/env python3
"""Regenerate the expected results of the conformance corpus from CPython 3.11.

For every ``*.py`` program under this folder (except this script) run
``python3 NAME.py`` with cwd = the program's folder and write

    NAME.out   exact stdout bytes
    NAME.err   exact stderr bytes (empty file when nothing), with the program's
               absolute folder + "/" removed (see run())
    NAME.code  exit code as decimal text + newline

Usage:
    python3 generate.py                 # regenerate everything
    python3 generate.py PATH...         # regenerate only these programs / folders
    python3 generate.py --check [PATH...]  # compare, write nothing, exit 1 on differences
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SELF = os.path.abspath(__file__)
TIMEOUT = 60


def find_programs(paths):
    if not paths:
        paths = [HERE]
    found = []
    for p in paths:
        p = os.path.abspath(p)
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                # Folders with an __init__.py are packages the programs import, not programs.
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__"
                                 and not os.path.isfile(os.path.join(root, d, "__init__.py")))
                for f in sorted(files):
                    # mod_*.py are modules the programs import, not programs.
                    if f.endswith(".py") and not f.startswith("mod_"):
                        found.append(os.path.join(root, f))
        elif p.endswith(".py") and os.path.isfile(p) and not os.path.basename(p).startswith("mod_"):
            found.append(p)
        else:
            sys.exit(f"generate.py: not a program or folder: {p}")
    return sorted(set(f for f in found if os.path.abspath(f) != SELF))


def run(program):
    # Drop every inherited PYTHON* variable: e.g. PYTHONUNBUFFERED changes refcounts
    # (a buffered stdout keeps references to printed str objects until it flushes)
    # and PYTHONOPTIMIZE would strip asserts.  UTF-8 output regardless of locale.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    try:
        proc = subprocess.run(
            [sys.executable, os.path.basename(program)],
            cwd=os.path.dirname(program),
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        sys.exit(f"generate.py: {program} timed out after {TIMEOUT} s")
    # CPython 3.9+ turns the script path of `python3 NAME.py` into an absolute path, so
    # tracebacks would say File "/abs/dir/NAME.py".  Strip the folder so the expected
    # files say File "NAME.py" and do not depend on where the repository lives.
    prefix = (os.path.dirname(program) + os.sep).encode()
    return {
        ".out": proc.stdout,
        ".err": proc.stderr.replace(prefix, b""),
        ".code": f"{proc.returncode}\n".encode(),
    }


def main(argv):
    if sys.version_info[:2] != (3, 11):
        sys.exit("generate.py: must be run with CPython 3.11 (found %d.%d)" % sys.version_info[:2])
    check = False
    paths = []
    for a in argv:
        if a == "--check":
            check = True
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            paths.append(a)
    programs = find_programs(paths)
    differing = []
    for prog in programs:
        results = run(prog)
        base = prog[:-3]
        for ext, data in results.items():
            path = base + ext
            if check:
                try:
                    with open(path, "rb") as f:
                        old = f.read()
                except FileNotFoundError:
                    old = None
                if old != data:
                    differing.append(os.path.relpath(path, HERE))
            else:
                with open(path, "wb") as f:
                    f.write(data)
    if check:
        for d in differing:
            print("differs:", d)
        print(f"checked {len(programs)} programs, {len(differing)} differing files")
        return 1 if differing else 0
    print(f"generated {len(programs)} programs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
