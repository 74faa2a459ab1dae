//! `cargo bench -p refpy-bench` — criterion benchmarks, every group comparing refpy-heap with its peers on the
//! same object shapes in the same run. Group names read `<workload>` and the benchmark id is the library, so a
//! report line looks like `alloc_free_32B_payload/refpy-heap`.
//!
//! Filter as usual: `cargo bench -p refpy-bench -- collect_two_node_cycles`. `REFPY_BENCH_1E7=1` adds
//! N = 10^7 to the cycle-collection group.

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use refpy_bench::{dispatch, run_list_child, ListOutcome, LIBS};

fn alloc_free(c: &mut Criterion) {
    let mut g = c.benchmark_group("alloc_free_32B_payload");
    g.throughput(Throughput::Elements(1));
    for lib in LIBS {
        g.bench_function(*lib, |b| {
            b.iter_custom(|iters| dispatch!(*lib, alloc_free(iters)))
        });
    }
    g.finish();
}

fn clone_drop(c: &mut Criterion) {
    let mut g = c.benchmark_group("clone_drop_handle");
    g.throughput(Throughput::Elements(1));
    for lib in LIBS {
        g.bench_function(*lib, |b| {
            b.iter_custom(|iters| dispatch!(*lib, clone_drop(iters)))
        });
    }
    g.finish();
}

fn trees(c: &mut Criterion) {
    const DEPTH: u32 = 16;
    let nodes = (1u64 << (DEPTH + 1)) - 1;
    for (group, gc_on) in [
        ("binary_tree_d16_build_drop_autogc_off", false),
        ("binary_tree_d16_build_drop_autogc_on", true),
    ] {
        let mut g = c.benchmark_group(group);
        g.throughput(Throughput::Elements(nodes));
        g.sample_size(20);
        g.sampling_mode(SamplingMode::Flat);
        for lib in LIBS {
            g.bench_function(*lib, |b| {
                b.iter_custom(|iters| {
                    (0..iters)
                        .map(|_| dispatch!(*lib, tree_plain(DEPTH, gc_on)))
                        .sum()
                })
            });
        }
        g.finish();
    }
    let mut g = c.benchmark_group("binary_tree_d16_weak_parent_build_drop");
    g.throughput(Throughput::Elements(nodes));
    g.sample_size(20);
    g.sampling_mode(SamplingMode::Flat);
    for lib in LIBS {
        if dispatch!(*lib, tree_weak(1, false)).is_none() {
            eprintln!("binary_tree_d16_weak_parent_build_drop/{lib}: skipped (no weak pointers)");
            continue;
        }
        g.bench_function(*lib, |b| {
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|_| dispatch!(*lib, tree_weak(DEPTH, false)).unwrap())
                    .sum()
            })
        });
    }
    g.finish();
    let mut g = c.benchmark_group("binary_tree_d16_strong_parent_build_drop_collect");
    g.throughput(Throughput::Elements(nodes));
    g.sample_size(20);
    g.sampling_mode(SamplingMode::Flat);
    for lib in LIBS {
        if dispatch!(*lib, tree_strong(1, false)).is_none() {
            eprintln!("binary_tree_d16_strong_parent_build_drop_collect/{lib}: skipped (no cycle collector)");
            continue;
        }
        g.bench_function(*lib, |b| {
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|_| dispatch!(*lib, tree_strong(DEPTH, false)).unwrap())
                    .sum()
            })
        });
    }
    g.finish();
}

fn cycles(c: &mut Criterion) {
    let mut sizes = vec![10_000usize, 100_000, 1_000_000];
    if std::env::var("REFPY_BENCH_1E7").is_ok() {
        sizes.push(10_000_000);
    }
    // Throughput is per object (2 per cycle): criterion's "thrpt" is objects/s, its time per iteration / 2N is
    // ns/object. Only the collection is timed; building the garbage is not.
    let mut g = c.benchmark_group("collect_two_node_cycles");
    g.sample_size(10);
    g.sampling_mode(SamplingMode::Flat);
    g.warm_up_time(Duration::from_millis(500));
    g.measurement_time(Duration::from_secs(3));
    for &n in &sizes {
        g.throughput(Throughput::Elements(2 * n as u64));
        for lib in LIBS {
            if dispatch!(*lib, cycles(1)).is_none() {
                continue;
            }
            g.bench_with_input(BenchmarkId::new(*lib, n), &n, |b, &n| {
                b.iter_custom(|iters| {
                    (0..iters)
                        .map(|_| dispatch!(*lib, cycles(n)).unwrap().1)
                        .sum()
                })
            });
        }
    }
    g.finish();
}

fn list_drop(c: &mut Criterion) {
    const LEN: usize = 1_000_000;
    let mut g = c.benchmark_group("drop_1e6_linked_list_8MiB_stack");
    g.sample_size(10);
    g.sampling_mode(SamplingMode::Flat);
    g.throughput(Throughput::Elements(LEN as u64));
    for lib in LIBS {
        // Probe in a child process first: a stack overflow aborts the whole process.
        match run_list_child(lib, LEN, 1) {
            ListOutcome::Times(_) => {}
            ListOutcome::Overflow => {
                eprintln!("drop_1e6_linked_list_8MiB_stack/{lib}: overflow (stack overflow in a child process)");
                continue;
            }
            ListOutcome::Failed(e) => {
                eprintln!("drop_1e6_linked_list_8MiB_stack/{lib}: failed: {e}");
                continue;
            }
        }
        let lib = lib.to_string();
        g.bench_function(lib.as_str(), |b| {
            b.iter_custom(|iters| {
                let l = lib.clone();
                refpy_bench::on_8mib_stack(move || {
                    (0..iters)
                        .map(|_| dispatch!(l.as_str(), list_drop(LEN)))
                        .sum()
                })
            })
        });
    }
    g.finish();
}

fn random_graph(c: &mut Criterion) {
    let mut g = c.benchmark_group("random_graph_with_collections");
    g.sample_size(10);
    g.sampling_mode(SamplingMode::Flat);
    for lib in LIBS {
        if dispatch!(*lib, random_graph(1)).is_none() {
            eprintln!("random_graph_with_collections/{lib}: skipped (no cycle collector)");
            continue;
        }
        g.bench_function(*lib, |b| {
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|_| dispatch!(*lib, random_graph(42)).unwrap().0)
                    .sum()
            })
        });
    }
    g.finish();
}

fn main() {
    refpy_bench::maybe_run_list_child();
    let mut c = Criterion::default().configure_from_args();
    alloc_free(&mut c);
    clone_drop(&mut c);
    trees(&mut c);
    cycles(&mut c);
    list_drop(&mut c);
    random_graph(&mut c);
    c.final_summary();
}
