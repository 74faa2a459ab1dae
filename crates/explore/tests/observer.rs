//! The explorer observes and never changes: a program prints the same counts, gc counts, collection
//! results and address reuse with the recorder attached as without it.

use refpy_explore::recorder::{record, Limits};

const PROGRAM: &str = r#"
import gc
import sys

def make(n):
    items = [[i] for i in range(n)]
    return items

class Node:
    def __init__(self, other):
        self.other = other

a = [1, 2, 3]
b = a
print(sys.getrefcount(a), gc.get_count())
xs = make(50)
print(sys.getrefcount(xs), sys.getrefcount(xs[0]), gc.get_count())
first = id(xs[0])
del xs
ys = [[0] for _ in range(3)]
print(id(ys[2]) - first, gc.get_count())
n = Node(None)
n.other = Node(n)
print(sys.getrefcount(n), sys.getrefcount(n.other))
n = None
print(gc.collect(), gc.get_count())
def gen():
    for i in range(3):
        yield [i]
print([sys.getrefcount(x) for x in gen()])
print(gc.get_stats()[0]["collections"] >= 0, gc.collect())
"#;

fn plain_output() -> String {
    refpy_vm::on_interpreter_thread(|| {
        refpy_vm::init();
        *refpy_vm::rt::rt().capture.borrow_mut() = Some(Default::default());
        refpy_vm::run_main(PROGRAM, "prog.py", vec!["prog.py".into()]);
        let (out, err) = refpy_vm::rt::rt().capture.borrow_mut().take().unwrap();
        out + &err
    })
}

fn recorded_output(limits: Limits) -> String {
    let rec = refpy_vm::on_interpreter_thread(move || record(PROGRAM, "prog.py", limits));
    let steps: String = rec.steps.iter().map(|s| s.output.as_str()).collect();
    steps + &rec.output_after_cap
}

#[test]
fn recording_does_not_change_what_the_program_sees() {
    let plain = plain_output();
    assert!(plain.contains("True"), "the program ran: {plain}");
    assert_eq!(recorded_output(Limits::default()), plain);
    // Folding and small caps take other paths through the recorder.
    let folded = Limits {
        lines_per_call: 2,
        caps: refpy_explore::walk::Caps {
            objects: 3,
            edges: 1,
        },
        ..Limits::default()
    };
    assert_eq!(recorded_output(folded), plain);
    // Past the step cap the rest runs unrecorded (its output is kept).
    let capped = Limits {
        steps: 7,
        ..Limits::default()
    };
    assert_eq!(recorded_output(capped), plain);
    let tight = Limits {
        steps: 7,
        lines_per_call: 2,
        caps: refpy_explore::walk::Caps {
            objects: 3,
            edges: 1,
        },
        ..Limits::default()
    };
    let rec = refpy_vm::on_interpreter_thread(move || record(PROGRAM, "prog.py", tight));
    assert_eq!(rec.steps.len(), 7);
    assert!(rec.steps_omitted > 0);
}

/// Every memory-related conformance program (counts, ids, collections, finalizers, weakrefs) prints the
/// same bytes when recorded as when run plainly.
#[test]
fn memory_conformance_programs_print_the_same_when_recorded() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance");
    let mut checked = 0;
    let mut differ = Vec::new();
    for dir in [
        "refcount",
        "gc",
        "finalizers",
        "weakref",
        "seeds",
        "memory2",
        "gc2",
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut files: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect();
        files.sort();
        for path in files {
            let src = std::fs::read_to_string(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let (s1, n1) = (src.clone(), name.clone());
            let plain = refpy_vm::on_interpreter_thread(move || {
                refpy_vm::init();
                *refpy_vm::rt::rt().capture.borrow_mut() = Some(Default::default());
                refpy_vm::run_main(&s1, &n1, vec![n1.clone()]);
                let (out, err) = refpy_vm::rt::rt().capture.borrow_mut().take().unwrap();
                out + &err
            });
            let rec =
                refpy_vm::on_interpreter_thread(move || record(&src, &name, Limits::default()));
            let recorded: String = rec
                .steps
                .iter()
                .map(|s| s.output.as_str())
                .collect::<String>()
                + &rec.output_after_cap;
            checked += 1;
            // Steps interleave stdout and stderr as they happen, the plain run keeps them apart: compare
            // the lines, not their order across the two streams.
            let lines = |s: &str| {
                let mut v: Vec<String> = s.lines().map(str::to_string).collect();
                v.sort();
                v
            };
            if lines(&recorded) != lines(&plain) {
                differ.push(format!(
                    "{dir}/{}",
                    path.file_name().unwrap().to_string_lossy()
                ));
            }
        }
    }
    assert!(checked > 100, "only {checked} programs found");
    assert!(
        differ.is_empty(),
        "recording changed the output of: {differ:?}"
    );
}
