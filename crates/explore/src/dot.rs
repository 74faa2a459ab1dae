//! `refpy graph --format dot`: the same picture for Graphviz users (the explorer itself never needs it).

use std::fmt::Write;

use crate::cycles::cycles;
use crate::layout::count_text;
use crate::model::Snapshot;

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Text inside a record label, where `<`, `>`, `{`, `}` and `|` are syntax.
fn record_text(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if "<>{}|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn render(snap: &Snapshot) -> String {
    let cyc = cycles(&snap.objects);
    let mut out = String::from(
        "digraph heap {\n  rankdir=LR;\n  node [fontname=\"monospace\", fontsize=10];\n",
    );
    for (i, f) in snap.frames.iter().enumerate() {
        let mut rows = vec![record_text(&f.func)];
        rows.extend(
            f.vars
                .iter()
                .map(|v| format!("<{}> {}", v.name, record_text(&v.name))),
        );
        rows.extend(
            f.inline
                .iter()
                .map(|(n, v)| record_text(&format!("{n} = {v}"))),
        );
        // Record labels take backslash escapes as they are: no `quote` here.
        let label = rows.join("|").replace('"', "\\\"");
        let _ = writeln!(out, "  frame{i} [shape=record, label=\"{label}\"];");
        for v in &f.vars {
            if snap.objects.contains_key(&v.addr) {
                let _ = writeln!(out, "  frame{i}:{} -> obj{:x};", quote(&v.name), v.addr);
            }
        }
    }
    for o in snap.objects.values() {
        let lines = [
            format!("{} {:#x}", o.type_name, o.addr),
            o.repr.clone(),
            count_text(o),
        ];
        let label = lines
            .map(|l| quote(&l).trim_matches('"').to_string())
            .join("\\n");
        let mut attrs = vec![format!("shape=box, label=\"{label}\"")];
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

#[cfg(test)]
mod tests {
    use super::record_text;

    #[test]
    fn record_syntax_is_escaped() {
        assert_eq!(record_text("<module>"), "\\<module\\>");
        assert_eq!(record_text("a|b"), "a\\|b");
    }
}
