//! Tiny driver for `valgrind --tool=callgrind` on refpy-heap's two hottest paths:
//!
//! ```text
//! cargo build --release -p refpy-bench --bin profile
//! valgrind --tool=callgrind --callgrind-out-file=target/cg.cycles ./target/release/profile cycles 1000000
//! valgrind --tool=callgrind --callgrind-out-file=target/cg.alloc  ./target/release/profile alloc 1000000
//! callgrind_annotate target/cg.cycles | head -40
//! ```
//! `cycles N`: build N two-node cycles (gc off), then one full collection, toggled around the collection with
//! `CALLGRIND_TOGGLE_COLLECT` not available from Rust, so compare against `build N` to subtract the build.
//! `alloc N`: N × (allocate a 32-byte-payload tracked object, free it). Other libraries: `alloc-rc N`.
//! `tree-weak D`: a depth-D binary tree with weak parent pointers, built and dropped (`tree-weak-rc D`: Rc).

use refpy_bench::{rc, refpy};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let what = args.get(1).map(String::as_str).unwrap_or("cycles");
    let n: usize = args
        .get(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    match what {
        "cycles" => {
            let (b, c) = refpy::cycles(n).unwrap();
            eprintln!("build {:?} collect {:?}", b, c);
        }
        "build" => {
            // Same as `cycles` without the collection (the garbage is leaked at exit).
            refpy::auto_gc(false);
            for i in 0..n as u64 {
                let a = refpy::P::new(refpy::Pair {
                    next: Default::default(),
                    a: i,
                    b: i,
                });
                let b = refpy::P::new(refpy::Pair {
                    next: Default::default(),
                    a: i,
                    b: i,
                });
                *a.next.borrow_mut() = Some(b.clone());
                *b.next.borrow_mut() = Some(a);
            }
        }
        "alloc" => {
            let d = refpy::alloc_free(n as u64);
            eprintln!("alloc+free {:.2} ns/op", d.as_nanos() as f64 / n as f64);
        }
        "alloc-rc" => {
            let d = rc::alloc_free(n as u64);
            eprintln!("alloc+free {:.2} ns/op", d.as_nanos() as f64 / n as f64);
        }
        "tree-auto" => {
            let d = refpy::tree_plain(n as u32, true);
            eprintln!("tree {:?}", d);
        }
        "tree-weak" => {
            let d = refpy::tree_weak(n as u32, false).unwrap();
            eprintln!("tree-weak {:?}", d);
        }
        "tree-weak-rc" => {
            let d = rc::tree_weak(n as u32, false).unwrap();
            eprintln!("tree-weak {:?}", d);
        }
        "tree-stats" => {
            let before = refpy_heap::gc::get_stats();
            let d = refpy::tree_plain(n as u32, true);
            let after = refpy_heap::gc::get_stats();
            for g in 0..3 {
                eprintln!(
                    "gen{g}: {} collections",
                    after[g].collections - before[g].collections
                );
            }
            eprintln!("tree {:?}", d);
        }
        other => panic!("unknown mode {other}"),
    }
}
