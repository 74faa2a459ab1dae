//! Programs with 10^5 objects stay drawable: every view is capped and says so, and nothing hangs.

use std::time::Instant;

use refpy_explore::model::StepKind;
use refpy_explore::recorder::{record, Capture, Limits};
use refpy_explore::walk::Caps;

const PROGRAM: &str = r#"
class Node:
    pass

xs = [[i] for i in range(100000)]
d = {i: str(i) for i in range(100000)}
head = None
for i in range(100000):
    n = Node()
    n.next = head
    head = n
print(len(xs), len(d))
"#;

#[test]
fn a_heap_of_300000_objects_is_capped_and_summarised() {
    let start = Instant::now();
    let graph = Limits {
        steps: 0,
        capture: Capture::AtExit,
        ..Limits::default()
    };
    let rec = refpy_vm::on_interpreter_thread(move || record(PROGRAM, "big.py", graph));
    let snap = rec.captured.as_ref().expect("the at-exit picture");
    assert!(snap.objects.len() <= Caps::default().objects);
    assert!(snap.omitted > 0);
    let text = refpy_explore::ascii::render(snap);
    assert!(
        text.contains("more objects are reachable but not drawn"),
        "{text}"
    );
    let xs = snap
        .objects
        .values()
        .find(|o| o.repr.contains("100000 items"))
        .expect("xs");
    assert!(xs.edges.len() <= Caps::default().edges && xs.edges_omitted > 99_000);
    let svg = refpy_explore::svg::render(snap, &Default::default());
    assert!(svg.len() < 400_000, "svg of {} bytes", svg.len());

    // Long loops fold, so the page covers the whole run in a few dozen steps.
    let page = Limits {
        steps: 300,
        lines_per_call: 25,
        runs_per_line: 10,
        caps: Caps {
            objects: 60,
            edges: 12,
        },
        ..Limits::default()
    };
    let rec = refpy_vm::on_interpreter_thread(move || record(PROGRAM, "big.py", page));
    assert!(rec.steps.len() < 300 && rec.steps_omitted == 0);
    assert_eq!(rec.steps.last().unwrap().kind, StepKind::Exit);
    assert!(rec.steps.iter().any(|s| s.folded > 90_000));
    let html = refpy_explore::page::render(&rec);
    assert!(html.len() < 16 << 20, "page of {} bytes", html.len());
    let trace = refpy_explore::trace::render(&rec, &Default::default());
    assert!(trace.contains("(folded: a long call or loop)") && trace.contains("» 100000 100000"));
    eprintln!(
        "10^5-object program: graph, page and trace in {:?}",
        start.elapsed()
    );
}
