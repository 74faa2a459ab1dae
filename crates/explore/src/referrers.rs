//! Who holds a reference to an object in a snapshot, in words ("name `a`", "item [0] of list 0x…"). The
//! trace explains a count change as the difference between the holders before and after a step.

use std::collections::BTreeSet;

use crate::model::Snapshot;

/// One holder of a reference, described the way the seeds' commentary does.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Holder(pub String);

/// The holders of `addr` in `snap` (a list holding an object twice is one holder per slot).
pub fn holders(snap: &Snapshot, addr: usize) -> BTreeSet<Holder> {
    let mut out = BTreeSet::new();
    let innermost = snap.frames.len().saturating_sub(1);
    for (i, f) in snap.frames.iter().enumerate() {
        for v in f.vars.iter().filter(|v| v.addr == addr) {
            let text = if v.is_param {
                format!("argument `{}` of {}()", v.name, f.func)
            } else if f.func == "<module>" || i == innermost {
                format!("name `{}`", v.name)
            } else {
                format!("name `{}` in {}()", v.name, f.func)
            };
            out.insert(Holder(text));
        }
    }
    for o in snap.objects.values() {
        for e in o.edges.iter().filter(|e| e.to == addr) {
            let text = if let Some(attr) = e.label.strip_prefix('.') {
                format!("attribute `{attr}` of {} {:#x}", o.type_name, o.addr)
            } else if e.label.starts_with('[') {
                format!("slot {} of {} {:#x}", e.label, o.type_name, o.addr)
            } else {
                format!("{} of {} {:#x}", e.label, o.type_name, o.addr)
            };
            out.insert(Holder(text));
        }
    }
    out
}

/// "+ name `b`, − name `c`": what changed between two holder sets.
pub fn describe_change(before: &BTreeSet<Holder>, after: &BTreeSet<Holder>) -> String {
    let mut parts: Vec<String> = after
        .difference(before)
        .map(|h| format!("+ {}", h.0))
        .collect();
    parts.extend(before.difference(after).map(|h| format!("− {}", h.0)));
    parts.join(", ")
}

/// "name `a`, item [0] of list 0x…": a holder set in words.
pub fn describe(holders: &BTreeSet<Holder>) -> String {
    holders
        .iter()
        .map(|h| h.0.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
