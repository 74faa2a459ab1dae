//! `cargo run --release -p refpy-bench --bin table` — every workload for every library, medians of 5 (set
//! `REFPY_BENCH_REPS` to change), printed as a markdown table for BENCHMARKS.md.
//!
//! `REFPY_BENCH_1E7=1` adds N = 10^7 to the cycle-collection series (needs several GiB and minutes).
//! `REFPY_BENCH_ONLY=lib1,lib2` restricts the libraries; `REFPY_BENCH_SECTIONS=basic,cycles,trees,list,graph,mem`
//! restricts the workloads; `REFPY_BENCH_NO_CPYTHON=1` skips the CPython column (`bench/cpython_anchor.py`,
//! run with `$PYTHON`, default `python3`).

use std::time::Duration;

use refpy_bench::{dispatch, loglog_slope, median, run_list_child, ListOutcome, LIBS};

const MEM_ENV: &str = "REFPY_BENCH_MEM";
const MEM_N: usize = 1_000_000;

fn reps() -> usize {
    std::env::var("REFPY_BENCH_REPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5)
}

/// One discarded warm-up run (first-touch page faults, arena creation), then the median of `reps()` runs.
fn med(mut f: impl FnMut() -> Duration) -> Duration {
    f();
    let mut v: Vec<Duration> = (0..reps()).map(|_| f()).collect();
    median(&mut v)
}

fn med_opt(mut f: impl FnMut() -> Option<Duration>) -> Option<Duration> {
    f()?;
    let mut v = Vec::new();
    for _ in 0..reps() {
        v.push(f()?);
    }
    Some(median(&mut v))
}

fn ns_per(d: Duration, n: u64) -> f64 {
    d.as_nanos() as f64 / n as f64
}

fn fmt_ns(x: f64) -> String {
    if x >= 100.0 {
        format!("{x:.0}")
    } else if x >= 10.0 {
        format!("{x:.1}")
    } else {
        format!("{x:.2}")
    }
}

fn fmt_ms(d: Option<Duration>) -> String {
    match d {
        Some(d) => format!("{:.1}", d.as_secs_f64() * 1e3),
        None => "cannot".into(),
    }
}

/// Child mode: print bytes per live `Pair` and its payload size.
fn maybe_run_mem_child() {
    let Ok(lib) = std::env::var(MEM_ENV) else {
        return;
    };
    let (per, payload) = refpy_bench::memory_per_pair(&lib, MEM_N);
    println!("{per:.1} {payload}");
    std::process::exit(0);
}

fn mem_child(lib: &str) -> Option<(f64, usize)> {
    let exe = std::env::current_exe().ok()?;
    let out = std::process::Command::new(exe)
        .env(MEM_ENV, lib)
        .output()
        .ok()?;
    let s = String::from_utf8_lossy(&out.stdout);
    let mut it = s.split_whitespace();
    Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?))
}

/// CPython's numbers from `bench/cpython_anchor.py` (same run), keyed as that script prints them.
fn cpython_anchor() -> std::collections::HashMap<String, String> {
    let mut m = std::collections::HashMap::new();
    if std::env::var("REFPY_BENCH_NO_CPYTHON").is_ok() {
        return m;
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../bench/cpython_anchor.py");
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    eprintln!("running {python} {script} ...");
    match std::process::Command::new(&python).arg(script).output() {
        Ok(out) if out.status.success() => {
            for line in String::from_utf8_lossy(&out.stdout).lines() {
                if let Some((k, v)) = line.split_once(' ') {
                    m.insert(k.to_string(), v.to_string());
                }
            }
        }
        Ok(out) => eprintln!(
            "cpython_anchor.py failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => eprintln!("cannot run {python}: {e}"),
    }
    m
}

struct Row {
    name: String,
    cpython: String,
    cells: Vec<String>,
}

fn main() {
    refpy_bench::maybe_run_list_child();
    maybe_run_mem_child();

    let only = std::env::var("REFPY_BENCH_ONLY").ok();
    let libs: Vec<&str> = LIBS
        .iter()
        .copied()
        .filter(|l| only.as_ref().is_none_or(|o| o.split(',').any(|x| x == *l)))
        .collect();
    let sections = std::env::var("REFPY_BENCH_SECTIONS").ok();
    let want = |s: &str| {
        sections
            .as_ref()
            .is_none_or(|o| o.split(',').any(|x| x == s))
    };
    let mut sizes = vec![10_000usize, 100_000, 1_000_000];
    if std::env::var("REFPY_BENCH_1E7").is_ok() {
        sizes.push(10_000_000);
    }

    let py = cpython_anchor();
    let pyv = |k: &str| py.get(k).cloned().unwrap_or_else(|| "—".into());
    let mut rows: Vec<Row> = Vec::new();
    let mut add = |name: &str, cpython: String, cells: Vec<String>| {
        eprintln!("{name}: {cpython} | {}", cells.join(" | "));
        rows.push(Row {
            name: name.to_string(),
            cpython,
            cells,
        });
    };
    let dash = || "—".to_string();

    if want("basic") {
        const AF_N: u64 = 1_000_000;
        add(
            "alloc+free, 32-byte payload, ns/op",
            format!(
                "{} ({} net of the loop)",
                pyv("alloc_free_ns"),
                pyv("alloc_free_net_ns")
            ),
            libs.iter()
                .map(|l| fmt_ns(ns_per(med(|| dispatch!(*l, alloc_free(AF_N))), AF_N)))
                .collect(),
        );
        const CD_N: u64 = 10_000_000;
        add(
            "clone+drop a handle, ns/op",
            dash(),
            libs.iter()
                .map(|l| fmt_ns(ns_per(med(|| dispatch!(*l, clone_drop(CD_N))), CD_N)))
                .collect(),
        );
    }

    if want("cycles") {
        let mut slopes = Vec::new();
        let mut per_n: Vec<Vec<String>> = vec![Vec::new(); sizes.len()];
        let mut build_1e6 = Vec::new();
        for l in &libs {
            let mut pts = Vec::new();
            for (k, &n) in sizes.iter().enumerate() {
                let r = if n >= 10_000_000 { 1 } else { reps() };
                if n < 10_000_000 {
                    dispatch!(*l, cycles(n)); // warm-up
                }
                let mut colls = Vec::new();
                let mut builds = Vec::new();
                for _ in 0..r {
                    if let Some((b, c)) = dispatch!(*l, cycles(n)) {
                        builds.push(b);
                        colls.push(c);
                    }
                }
                if colls.is_empty() {
                    per_n[k].push("cannot".into());
                    if n == 1_000_000 {
                        build_1e6.push(dash());
                    }
                    continue;
                }
                let c = median(&mut colls);
                pts.push((n as f64, c.as_secs_f64()));
                per_n[k].push(fmt_ns(ns_per(c, 2 * n as u64)));
                if n == 1_000_000 {
                    build_1e6.push(fmt_ns(ns_per(median(&mut builds), 2 * n as u64)));
                }
            }
            slopes.push(if pts.len() >= 2 {
                format!("{:.3}", loglog_slope(&pts))
            } else {
                dash()
            });
        }
        for (k, &n) in sizes.iter().enumerate() {
            add(
                &format!("full collection of {n} two-node cycles, ns/object"),
                pyv(&format!("cycles_{n}")),
                per_n[k].clone(),
            );
        }
        let py_pts: Vec<(f64, f64)> = sizes
            .iter()
            .filter_map(|&n| {
                let per: f64 = py.get(&format!("cycles_{n}"))?.parse().ok()?;
                Some((n as f64, per * n as f64))
            })
            .collect();
        add(
            &format!(
                "collection time growth slope, log-log fit over N = {}",
                sizes
                    .iter()
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            if py_pts.len() >= 2 {
                format!("{:.3}", loglog_slope(&py_pts))
            } else {
                dash()
            },
            slopes,
        );
        add(
            "build 10^6 two-node cycles (untimed above), ns/object",
            dash(),
            build_1e6,
        );
    }

    if want("trees") {
        for depth in [16u32, 20] {
            add(
                &format!("binary tree depth {depth} build+drop, ms (auto collection off)"),
                pyv(&format!("tree{depth}_off_ms")),
                libs.iter()
                    .map(|l| fmt_ms(Some(med(|| dispatch!(*l, tree_plain(depth, false))))))
                    .collect(),
            );
            add(
                &format!("binary tree depth {depth} build+drop, ms (auto collection on)"),
                pyv(&format!("tree{depth}_on_ms")),
                libs.iter()
                    .map(|l| fmt_ms(Some(med(|| dispatch!(*l, tree_plain(depth, true))))))
                    .collect(),
            );
            add(
                &format!("binary tree depth {depth} + weak parent pointers, build+drop, ms"),
                dash(),
                libs.iter()
                    .map(|l| fmt_ms(med_opt(|| dispatch!(*l, tree_weak(depth, false)))))
                    .collect(),
            );
            add(
                &format!(
                    "binary tree depth {depth} + strong parent pointers, build+drop+collect, ms"
                ),
                dash(),
                libs.iter()
                    .map(|l| fmt_ms(med_opt(|| dispatch!(*l, tree_strong(depth, false)))))
                    .collect(),
            );
        }
    }

    if want("list") {
        add(
            "drop a 10^6-node linked list on an 8 MiB stack, ms",
            pyv("list_drop_ms"),
            libs.iter()
                .map(|l| match run_list_child(l, 1_000_000, reps()) {
                    ListOutcome::Times(mut t) if !t.is_empty() => fmt_ms(Some(median(&mut t))),
                    ListOutcome::Times(_) => "no output".into(),
                    ListOutcome::Overflow => "overflow".into(),
                    ListOutcome::Failed(e) => format!("failed ({e})"),
                })
                .collect(),
        );
    }

    if want("graph") {
        add(
            &format!(
                "random graph ({} slots, {}×{} ops, collect every {} rounds), ms",
                refpy_bench::GRAPH_SLOTS,
                refpy_bench::GRAPH_ROUNDS,
                refpy_bench::GRAPH_OPS,
                refpy_bench::GRAPH_COLLECT_EVERY
            ),
            dash(),
            libs.iter()
                .map(|l| fmt_ms(med_opt(|| dispatch!(*l, random_graph(42)).map(|(d, _)| d))))
                .collect(),
        );
    }

    if want("mem") {
        let mem: Vec<Option<(f64, usize)>> = libs.iter().map(|l| mem_child(l)).collect();
        add(
            "bookkeeping bytes per object, from the layout (header words)",
            "32".into(),
            libs.iter()
                .map(|l| refpy_bench::header_bytes(l).to_string())
                .collect(),
        );
        add(
            "measured bytes per live 32-byte-payload object (RSS / 10^6), minus payload",
            pyv("mem_overhead"),
            mem.iter()
                .map(|m| match m {
                    Some((per, payload)) => format!("{:.1}", per - *payload as f64),
                    None => "n/a".into(),
                })
                .collect(),
        );
    }

    let py_name = format!("CPython {}", pyv("version"));
    println!();
    println!(
        "Libraries: refpy-heap (this repo), Rc = std::rc::Rc + RefCell, bacon_rajan_cc 0.4, dumpster 2.1 \
         (unsync), rust-cc 0.6 (weak-ptrs), gcmodule 0.3; medians of {}.",
        reps()
    );
    println!();
    println!("| workload | {py_name} | {} |", libs.join(" | "));
    println!("|---|---|{}", "---|".repeat(libs.len()));
    for r in &rows {
        println!("| {} | {} | {} |", r.name, r.cpython, r.cells.join(" | "));
    }
}
