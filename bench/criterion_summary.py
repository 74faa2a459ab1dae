"""Turn a `cargo bench -p refpy-bench` log into a markdown table: one row per benchmark group (and parameter),
one column per library, the median time criterion reports (the middle of its [low median high] estimate).

    cargo bench -p refpy-bench --bench peers 2>&1 | tee target/criterion.log
    python3 bench/criterion_summary.py target/criterion.log
"""
import re
import sys

LIBS = ["refpy-heap", "Rc", "bacon_rajan_cc", "dumpster", "rust-cc", "gcmodule"]
name_re = re.compile(r"^([A-Za-z0-9_]+)/([A-Za-z0-9_\-]+)(?:/(\d+))?(?:\s+time:\s+\[(.*)\])?\s*$")
time_re = re.compile(r"^\s+time:\s+\[(.*)\]")
note_re = re.compile(r"^([A-Za-z0-9_]+)/([A-Za-z0-9_\-]+): (.*)$")

rows = {}
order = []
current = None
for line in open(sys.argv[1] if len(sys.argv) > 1 else "target/criterion.log"):
    line = line.rstrip("\n")
    m = note_re.match(line)
    if m and not line.startswith("Benchmarking") and "time:" not in line:
        key = (m.group(1), "")
        if key not in rows:
            rows[key] = {}
            order.append(key)
        rows[key].setdefault(m.group(2), m.group(3).split(" (")[0])
        continue
    m = name_re.match(line)
    if m:
        key = (m.group(1), m.group(3) or "")
        if key not in rows:
            rows[key] = {}
            order.append(key)
        current = (key, m.group(2))
        if m.group(4):
            rows[key][m.group(2)] = m.group(4).split()[2] + " " + m.group(4).split()[3]
            current = None
        continue
    m = time_re.match(line)
    if m and current:
        key, lib = current
        parts = m.group(1).split()
        rows[key][lib] = parts[2] + " " + parts[3]
        current = None

print("| criterion group (median time per iteration) | " + " | ".join(LIBS) + " |")
print("|---|" + "---|" * len(LIBS))
for key in order:
    group, param = key
    label = group + (" N=" + param if param else "")
    print("| %s | %s |" % (label, " | ".join(rows[key].get(lib, "—") for lib in LIBS)))
