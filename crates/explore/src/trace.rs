//! `refpy trace`: the recording as text, one block per executed line, in the words of the seeds'
//! commentary: what was allocated, whose count changed and why, what was freed, what the collector did.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;

use crate::layout::count_text;
use crate::model::{GcMark, MemEvent, ObjView, Recording, Snapshot, Step, StepKind};
use crate::referrers::{describe, describe_change, holders};

/// Which events to show (all when empty).
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Only objects bound to one of these names.
    pub names: Vec<String>,
    /// Only objects of these types (`list`, a class name…).
    pub types: Vec<String>,
    /// Only collections and what they freed.
    pub gc_only: bool,
}

impl Filter {
    fn is_empty(&self) -> bool {
        self.names.is_empty() && self.types.is_empty() && !self.gc_only
    }
}

/// An event line with what the filter needs to know about it.
struct Line {
    text: String,
    addr: Option<usize>,
    type_name: Option<String>,
    gc: bool,
}

fn line(text: String, obj: Option<(usize, &str)>, gc: bool) -> Line {
    Line {
        text,
        addr: obj.map(|o| o.0),
        type_name: obj.map(|o| o.1.to_string()),
        gc,
    }
}

/// `int ×2, str`: a tally of type names.
fn tally(types: &[&str]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for t in types {
        // The heap knows every class instance as `object`; the class is known only to drawn ones.
        let t = if *t == "object" { "class instance" } else { t };
        *counts.entry(t).or_default() += 1;
    }
    counts
        .iter()
        .map(|(t, n)| {
            if *n == 1 {
                t.to_string()
            } else {
                format!("{t} ×{n}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn obj_words(o: &ObjView) -> String {
    format!("{} {:#x} {}", o.type_name, o.addr, o.repr)
}

/// Renders steps in order, remembering freed addresses to point out reuse.
struct Renderer<'a> {
    filter: &'a Filter,
    /// Address → (type, line) of the last drawn object freed there.
    freed: HashMap<usize, (String, usize)>,
    /// Objects bound to a `--names` name at some point and not freed since: followed to their end.
    named: HashSet<usize>,
    out: String,
}

impl Renderer<'_> {
    fn step_lines(&mut self, step: &Step, prev: &Snapshot) -> Vec<Line> {
        let cur = &step.after;
        let mut lines = Vec::new();
        let mut allocated = HashSet::new();
        let mut freed_here = HashSet::new();
        let mut temporaries = Vec::new();
        let mut new_undrawn = Vec::new();
        let mut freed_undrawn = Vec::new();
        let mut collecting = false;
        let last_free: HashMap<usize, usize> = step
            .events
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match e {
                MemEvent::Free { addr, .. } => Some((*addr, i)),
                _ => None,
            })
            .collect();
        for (i, event) in step.events.iter().enumerate() {
            match event {
                MemEvent::Alloc { addr, type_name } => {
                    allocated.insert(*addr);
                    if last_free.get(addr).is_some_and(|&f| f > i) {
                        temporaries.push(*type_name);
                        continue;
                    }
                    let Some(o) = cur.objects.get(addr) else {
                        new_undrawn.push(*type_name);
                        continue;
                    };
                    // Reuse is told between objects the program saw; the interpreter's own objects
                    // come and go at those addresses too, but say nothing about the program.
                    let reuse = self.freed.remove(addr);
                    let mut text = format!("new {}  count {}", obj_words(o), o.count);
                    let h = holders(cur, *addr);
                    if !h.is_empty() {
                        let _ = write!(text, ": {}", describe(&h));
                    }
                    if let Some((t, l)) = reuse {
                        let _ = write!(text, "  (reuses the address of the {t} freed at line {l})");
                    }
                    lines.push(line(text, Some((*addr, &o.type_name)), false));
                }
                MemEvent::Free { addr, type_name } => {
                    freed_here.insert(*addr);
                    if let Some(o) = prev.objects.get(addr) {
                        self.freed.insert(*addr, (o.type_name.clone(), step.line));
                    }
                    let Some(o) = prev.objects.get(addr) else {
                        // Allocated in this step: a temporary, already counted with the allocations.
                        if !allocated.contains(addr) {
                            freed_undrawn.push(*type_name);
                        }
                        continue;
                    };
                    let text = if collecting {
                        format!("  freed by the collector: {}", obj_words(o))
                    } else {
                        let why = describe_change(&holders(prev, *addr), &Default::default());
                        let why = if why.is_empty() {
                            String::new()
                        } else {
                            format!(": {why}")
                        };
                        format!("freed {} (count {} → 0{why})", obj_words(o), o.count)
                    };
                    lines.push(line(text, Some((*addr, &o.type_name)), collecting));
                }
                MemEvent::Resurrected { addr } => {
                    let t = prev.objects.get(addr).map_or("object", |o| &o.type_name);
                    lines.push(line(
                        format!("{t} {addr:#x} resurrected by its finalizer"),
                        Some((*addr, t)),
                        collecting,
                    ));
                }
                MemEvent::CollectStart { generation } => {
                    collecting = true;
                    lines.push(line(
                        format!("gc: collecting generation {generation}"),
                        None,
                        true,
                    ));
                }
                MemEvent::CollectStop {
                    generation,
                    examined,
                    unreachable,
                    weakrefs_cleared,
                    finalized,
                    resurrected,
                    collected,
                    uncollectable,
                } => {
                    collecting = false;
                    let mut text = format!(
                        "gc: generation {generation} done: {examined} examined, {unreachable} unreachable, \
                         {finalized} finalizers run, {collected} collected"
                    );
                    if *weakrefs_cleared > 0 {
                        let _ = write!(text, ", {weakrefs_cleared} weakrefs cleared");
                    }
                    if *resurrected > 0 {
                        let _ = write!(text, ", {resurrected} resurrected");
                    }
                    if *uncollectable > 0 {
                        let _ = write!(text, ", {uncollectable} uncollectable");
                    }
                    lines.push(line(text, None, true));
                }
            }
        }
        for o in cur.objects.values() {
            if allocated.contains(&o.addr) || freed_here.contains(&o.addr) {
                continue;
            }
            let Some(before) = prev.objects.get(&o.addr) else {
                // Not new, newly named: a constant of the code, a cached int, an object from elsewhere.
                let h = holders(cur, o.addr);
                if !h.is_empty() {
                    let change = describe_change(&Default::default(), &h);
                    lines.push(line(
                        format!("{}  {}: {change}", obj_words(o), count_text(o)),
                        Some((o.addr, &o.type_name)),
                        false,
                    ));
                }
                continue;
            };
            if before.repr != o.repr && before.count == o.count && o.gc != GcMark::NotGc {
                lines.push(line(
                    format!(
                        "{} {:#x} is now {} (same object, count stays {})",
                        o.type_name, o.addr, o.repr, o.count
                    ),
                    Some((o.addr, &o.type_name)),
                    false,
                ));
            }
            let change = describe_change(&holders(prev, o.addr), &holders(cur, o.addr));
            // None and the bools are shared by everything: their counts tell nothing about the program.
            let singleton = matches!(o.type_name.as_str(), "NoneType" | "bool") || o.shared;
            let atom = o.gc == GcMark::NotGc;
            if before.count != o.count && !singleton && !(atom && change.is_empty()) {
                let why = if change.is_empty() {
                    "a reference not drawn (argument, stack, container outside the picture)"
                        .to_string()
                } else {
                    change
                };
                lines.push(line(
                    format!(
                        "{} {:#x} count {} → {}: {why}",
                        o.type_name, o.addr, before.count, o.count
                    ),
                    Some((o.addr, &o.type_name)),
                    false,
                ));
            }
            if o.unreachable && !before.unreachable && !atom && step.kind != StepKind::Exit {
                lines.push(line(
                    format!(
                        "{} {:#x} is unreachable from every variable but alive (count {})",
                        o.type_name, o.addr, o.count
                    ),
                    Some((o.addr, &o.type_name)),
                    false,
                ));
            }
        }
        for o in prev.objects.values() {
            if cur.objects.contains_key(&o.addr) || freed_here.contains(&o.addr) {
                continue;
            }
            let h = holders(prev, o.addr);
            if !h.is_empty() {
                let change = describe_change(&h, &Default::default());
                let still = if step.kind == StepKind::Yield {
                    "the suspended generator keeps it"
                } else {
                    "not freed, something else holds it"
                };
                lines.push(line(
                    format!("{}: {change}; {still}", obj_words(o)),
                    Some((o.addr, &o.type_name)),
                    false,
                ));
            }
        }
        // `def` and `class` bind names to objects the pictures leave out: say so in words.
        for f in &cur.frames {
            let before = prev.frames.iter().find(|p| p.id == f.id);
            let new_defs: Vec<&str> = f
                .defs
                .iter()
                .filter(|d| before.is_some_and(|b| !b.defs.contains(d)))
                .map(String::as_str)
                .collect();
            if !new_defs.is_empty() {
                lines.push(line(
                    format!(
                        "binds `{}` (a definition: listed, not drawn)",
                        new_defs.join("`, `")
                    ),
                    None,
                    false,
                ));
            }
        }
        if step.events_omitted > 0 {
            lines.push(line(
                format!(
                    "… and {} more allocations and frees (not itemised)",
                    step.events_omitted
                ),
                None,
                false,
            ));
        }
        if !temporaries.is_empty() {
            lines.push(line(
                format!("temporaries allocated and freed: {}", tally(&temporaries)),
                None,
                false,
            ));
        }
        if !new_undrawn.is_empty() {
            lines.push(line(
                format!("also new (not drawn): {}", tally(&new_undrawn)),
                None,
                false,
            ));
        }
        if !freed_undrawn.is_empty() {
            lines.push(line(
                format!("also freed: {}", tally(&freed_undrawn)),
                None,
                false,
            ));
        }
        lines
    }

    fn keep(&self, l: &Line) -> bool {
        if self.filter.gc_only && !l.gc {
            return false;
        }
        if !self.filter.types.is_empty()
            && !l
                .type_name
                .as_ref()
                .is_some_and(|t| self.filter.types.contains(t))
        {
            return false;
        }
        if !self.filter.names.is_empty() && !l.addr.is_some_and(|a| self.named.contains(&a)) {
            return false;
        }
        true
    }

    fn step(&mut self, step: &Step, prev: &Snapshot, rec: &Recording, prev_depth: usize) {
        for f in &step.after.frames {
            for v in f
                .vars
                .iter()
                .filter(|v| self.filter.names.contains(&v.name))
            {
                self.named.insert(v.addr);
            }
        }
        let lines = self.step_lines(step, prev);
        let filtered = !self.filter.is_empty();
        let kept: Vec<&Line> = lines.iter().filter(|l| self.keep(l)).collect();
        for e in &step.events {
            if let MemEvent::Free { addr, .. } = e {
                self.named.remove(addr);
            }
        }
        if filtered && kept.is_empty() {
            return;
        }
        let indent = "  ".repeat(step.depth);
        let out = &mut self.out;
        match step.kind {
            StepKind::Line => {
                if step.depth > prev_depth {
                    let _ = writeln!(out, "     │ {indent}→ {}", call_name(&step.func));
                }
                if step.folded > 0 {
                    let _ = writeln!(
                        out,
                        "     │ {indent}… {} more lines in {} (folded: a long call or loop)",
                        step.folded,
                        call_name(&step.func)
                    );
                } else {
                    let _ = writeln!(
                        out,
                        "{:>4} │ {indent}{}",
                        step.line,
                        rec.source_line(step.line).trim()
                    );
                }
            }
            StepKind::Return => {
                let _ = writeln!(
                    out,
                    "     │ {indent}↩ {} returns: its frame lets go of its locals",
                    call_name(&step.func)
                );
            }
            StepKind::Yield => {
                let _ = writeln!(
                    out,
                    "     │ {indent}⏸ {} yields: its frame waits in the generator, locals kept",
                    call_name(&step.func)
                );
            }
            StepKind::Exit => {
                let _ = writeln!(
                    out,
                    "     │ end of program: the modules are released and a final collection frees what is left"
                );
            }
        }
        for l in kept {
            let _ = writeln!(out, "     │ {indent}    {}", l.text);
        }
        if !filtered {
            // After a return the caller is running again: what it prints belongs at its depth.
            let depth = match step.kind {
                StepKind::Return | StepKind::Yield => step.depth.saturating_sub(1),
                _ => step.depth,
            };
            let indent = "  ".repeat(depth);
            for o in step.output.lines() {
                let _ = writeln!(out, "     │ {indent}    » {o}");
            }
        }
    }
}

/// `f()` for a function, `class A` for a class body.
fn call_name(func: &str) -> String {
    if func.starts_with("class ") {
        func.to_string()
    } else {
        format!("{func}()")
    }
}

/// The trace of a recording as text.
pub fn render(rec: &Recording, filter: &Filter) -> String {
    let mut r = Renderer {
        filter,
        freed: HashMap::new(),
        named: HashSet::new(),
        out: String::new(),
    };
    let mut prev = &rec.initial;
    let mut prev_depth = 0;
    for step in &rec.steps {
        r.step(step, prev, rec, prev_depth);
        prev = &step.after;
        prev_depth = match step.kind {
            StepKind::Return | StepKind::Yield => step.depth.saturating_sub(1),
            _ => step.depth,
        };
    }
    if rec.steps_omitted > 0 {
        let _ = writeln!(
            r.out,
            "… {} more steps ran after the recording cap ({} allocations and frees not shown; see --max-steps)",
            rec.steps_omitted,
            rec.allocs_omitted + rec.frees_omitted + rec.events_omitted
        );
        if filter.is_empty() {
            for o in rec.output_after_cap.lines() {
                let _ = writeln!(r.out, "     │     » {o}");
            }
        }
    }
    r.out
}

/// Each step's event lines, unfiltered (for the stepping page).
pub fn step_texts(rec: &Recording) -> Vec<Vec<String>> {
    let filter = Filter::default();
    let mut r = Renderer {
        filter: &filter,
        freed: HashMap::new(),
        named: HashSet::new(),
        out: String::new(),
    };
    let mut prev = &rec.initial;
    let mut out = Vec::with_capacity(rec.steps.len());
    for step in &rec.steps {
        out.push(
            r.step_lines(step, prev)
                .into_iter()
                .map(|l| l.text)
                .collect(),
        );
        prev = &step.after;
    }
    out
}
