//! `refpy graph --format dot`: the same picture for Graphviz users (the explorer itself never needs it).

use std::fmt::Write;

use crate::cycles::cycles;
use crate::model::Snapshot;

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

pub fn render(snap: &Snapshot) -> String {
    let cyc = cycles(&snap.objects);
    let mut out = String::from(
        "digraph heap {\n  rankdir=LR;\n  node [fontname=\"monospace\", fontsize=10];\n",
    );
    for (i, f) in snap.frames.iter().enumerate() {
        let rows: Vec<String> = f
            .vars
            .iter()
            .map(|v| format!("<{0}> {0}", v.name))
            .collect();
        let label = format!("{}|{}", f.func, rows.join("|"));
        let _ = writeln!(out, "  frame{i} [shape=record, label={}];", quote(&label));
        for v in &f.vars {
            if snap.objects.contains_key(&v.addr) {
                let _ = writeln!(out, "  frame{i}:{0} -> obj{1:x};", quote(&v.name), v.addr);
            }
        }
    }
    for o in snap.objects.values() {
        let label = format!(
            "{} {:#x}\\n{}\\ncount {}",
            o.type_name, o.addr, o.repr, o.count
        );
        let mut attrs = vec![format!(
            "shape=box, label={}",
            quote(&label).replace("\\\\n", "\\n")
        )];
        if cyc.contains_key(&o.addr) {
            attrs.push("color=red".into());
        }
        if o.unreachable {
            attrs.push("style=dashed".into());
        }
        let _ = writeln!(out, "  obj{:x} [{}];", o.addr, attrs.join(", "));
        for e in &o.edges {
            if snap.objects.contains_key(&e.to) {
                let _ = writeln!(
                    out,
                    "  obj{:x} -> obj{:x} [label={}];",
                    o.addr,
                    e.to,
                    quote(&e.label)
                );
            }
        }
    }
    out.push_str("}\n");
    out
}
