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
    rec.steps.iter().map(|s| s.output.as_str()).collect()
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
    // Past the step cap the rest runs unrecorded.
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
