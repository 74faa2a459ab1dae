//! `refpy graph --format ascii`: the heap as terminal text in the seeds' style — variables with arrows to
//! the objects they name (a bracket when several share one), then every drawn object with its count,
//! collector state and references, cycles and unreachable objects marked.

use std::collections::HashMap;
use std::fmt::Write;

use crate::cycles::cycles;
use crate::layers::layers;
use crate::layout::count_text;
use crate::model::{GcMark, ObjView, Snapshot};

fn describe(o: &ObjView) -> String {
    format!(
        "{} {:#x} {}  {}",
        o.type_name,
        o.addr,
        o.repr,
        count_text(o)
    )
}

fn marks(o: &ObjView, cycle: Option<usize>) -> String {
    let mut m = Vec::new();
    if !o.gc.label().is_empty() {
        m.push(o.gc.label().to_string());
    }
    if let Some(c) = cycle {
        m.push(format!("⟲ cycle {c}"));
    }
    if o.unreachable {
        m.push("unreachable".into());
    }
    if m.is_empty() {
        String::new()
    } else {
        format!("  [{}]", m.join(", "))
    }
}

/// The note under a picture taken late in a long run.
pub const PARTIAL: &str =
    "(long run: this picture shows the running frame and the module only; calling frames \
     and objects that became unreachable earlier are left out)";

pub fn render(snap: &Snapshot) -> String {
    let mut out = String::new();
    let cyc = cycles(&snap.objects);
    for f in &snap.frames {
        let _ = writeln!(out, "frame {}  (next line {})", f.func, f.line);
        // Variables bound to the same object share one arrow, as in the seeds' diagrams.
        let mut groups: Vec<(usize, Vec<&str>)> = Vec::new();
        for v in &f.vars {
            match groups.iter_mut().find(|g| g.0 == v.addr) {
                Some(g) => g.1.push(&v.name),
                None => groups.push((v.addr, vec![&v.name])),
            }
        }
        let width = f
            .vars
            .iter()
            .map(|v| &v.name)
            .chain(f.inline.iter().map(|i| &i.0))
            .map(|n| n.chars().count())
            .max()
            .unwrap_or(0);
        for (addr, names) in &groups {
            let target = snap
                .objects
                .get(addr)
                .map_or(format!("{addr:#x}"), describe);
            if names.len() == 1 {
                let _ = writeln!(out, "  {:<width$} ──▶ {target}", names[0]);
                continue;
            }
            let split = names.len().div_ceil(2);
            for (i, n) in names.iter().enumerate() {
                let corner = if i == 0 {
                    '┐'
                } else if i == names.len() - 1 {
                    '┘'
                } else {
                    '┤'
                };
                let _ = writeln!(out, "  {n:<width$} ─{corner}");
                if i + 1 == split {
                    let _ = writeln!(out, "  {:<width$}  ├──▶ {target}", "");
                }
            }
        }
        for (name, value) in &f.inline {
            let _ = writeln!(out, "  {name:<width$} = {value}");
        }
        if !f.defs.is_empty() {
            let _ = writeln!(out, "  (defined: {})", f.defs.join(", "));
        }
    }
    let drawn: Vec<&ObjView> = layers(snap)
        .iter()
        .flatten()
        .filter_map(|a| snap.objects.get(a))
        .filter(|o| o.gc != GcMark::NotGc || !o.edges.is_empty())
        .collect();
    if !drawn.is_empty() {
        let _ = writeln!(out, "objects");
    }
    let by_addr: HashMap<usize, &ObjView> = snap.objects.iter().map(|(a, o)| (*a, o)).collect();
    for o in drawn {
        let _ = writeln!(
            out,
            "  {}{}",
            describe(o),
            marks(o, cyc.get(&o.addr).copied())
        );
        for e in &o.edges {
            let target = by_addr.get(&e.to).map_or(format!("{:#x}", e.to), |t| {
                format!("{} {:#x}", t.type_name, t.addr)
            });
            let _ = writeln!(out, "      {} ──▶ {target}", e.label);
        }
        if o.edges_omitted > 0 {
            let _ = writeln!(out, "      … {} more references", o.edges_omitted);
        }
    }
    if snap.omitted > 0 {
        let _ = writeln!(
            out,
            "… more objects are reachable but not drawn: the picture is capped at {} objects",
            snap.objects.len()
        );
    }
    if snap.partial {
        let _ = writeln!(out, "{PARTIAL}");
    }
    out
}
