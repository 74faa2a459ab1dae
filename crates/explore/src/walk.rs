//! Reading a running frame into plain data: its variables and the objects they reach (breadth first, up to
//! a cap). The walk holds a clone of each object it queues, which raises only that object's own count,
//! and only after the count was read; all clones are dropped before the program resumes, so the program
//! never sees them.

use std::collections::{BTreeMap, VecDeque};

use refpy_heap::gc::GcObjectState;
use refpy_heap::ObjRef;
use refpy_vm::bytecode::CO_NAMESPACE;
use refpy_vm::frame::Frame;
use refpy_vm::objects::*;

use crate::model::{Edge, FrameView, GcMark, ObjView, VarView};
use crate::repr::{kind_of, short_repr, type_name, Kind};

/// Size limits of one snapshot, so a program with 10^5 objects stays drawable.
#[derive(Copy, Clone, Debug)]
pub struct Caps {
    /// Objects per snapshot.
    pub objects: usize,
    /// References drawn per object (a long list shows its first ones).
    pub edges: usize,
}

impl Default for Caps {
    fn default() -> Caps {
        Caps {
            objects: 150,
            edges: 12,
        }
    }
}

/// A variable as read from a frame: name, value (a clone held by the walk), is a parameter.
type Binding = (String, ObjRef, bool);

/// Splits bindings into drawn variables and names of definitions (functions, classes, modules).
#[derive(Default)]
struct Bindings {
    vars: Vec<Binding>,
    defs: Vec<String>,
    inline: Vec<(String, String)>,
}

impl Bindings {
    fn add(&mut self, name: &str, value: &ObjRef, is_param: bool) {
        // Dunders are the interpreter's; `.0` is a comprehension's hidden iterator argument.
        if (name.starts_with("__") && name.ends_with("__")) || name.starts_with('.') {
            return;
        }
        if is_singleton(value) {
            self.inline.push((name.to_string(), short_repr(value)));
            return;
        }
        match kind_of(value) {
            Kind::Definition => self.defs.push(name.to_string()),
            _ => self.vars.push((name.to_string(), value.clone(), is_param)),
        }
    }

    /// The names of a namespace dict (module globals, a class body).
    fn namespace(&mut self, ns: &ObjRef) {
        if let Some(ns) = ns.downcast::<DictObj>() {
            if let Ok(table) = ns.0.try_borrow() {
                for e in table.live() {
                    if let (Some(k), Some(v)) = (e.key.downcast::<StrObj>(), &e.value) {
                        self.add(&k.s, v, false);
                    }
                }
            }
        }
    }

    /// The variables of a frame: its namespace, or its fast locals and cells.
    fn frame(&mut self, frame: &Frame) {
        let code = frame.code();
        if code.flags & CO_NAMESPACE != 0 {
            if let Some(ns) = frame.locals.as_ref() {
                self.namespace(ns);
            }
            return;
        }
        let params = code.argcount + code.kwonlyargcount;
        for (i, v) in frame.fast.iter().enumerate() {
            if let (Some(v), Some(name)) = (v, code.varnames.get(i)) {
                self.add(name, v, i < params);
            }
        }
        let cell_names = code.cellvars.iter().chain(code.freevars.iter());
        for (name, cell) in cell_names.zip(frame.cells.iter()) {
            if let Some(c) = cell.downcast::<CellObj>() {
                if let Ok(content) = c.0.try_borrow() {
                    if let Some(v) = content.as_ref() {
                        self.add(name, v, false);
                    }
                }
            }
        }
    }
}

/// `None`, `True`, `False`: one object shared by the whole interpreter.
fn is_singleton(o: &ObjRef) -> bool {
    o.downcast::<NoneObj>().is_some() || o.downcast::<BoolObj>().is_some()
}

/// Ints from -5 to 256 are cached and shared, as in CPython.
fn is_small_int(o: &ObjRef) -> bool {
    o.downcast::<IntObj>()
        .and_then(|i| i.small())
        .is_some_and(|v| (-5..=256).contains(&v))
}

/// Entries of one container looked at per snapshot: a list of 10^5 ints is not scanned to the end.
const SCAN_LIMIT: usize = 256;

/// A reference found in an object.
enum Reference<'a> {
    Follow(String, &'a ObjRef),
    /// Entries of a big container past [`SCAN_LIMIT`]: not examined, counted as omitted.
    Skipped(usize),
}

/// The references of `o` worth drawing, labelled, given to `f`.
fn for_each_reference(o: &ObjRef, f: &mut dyn FnMut(Reference<'_>)) {
    let mut follow = |r: Option<(String, &ObjRef)>| {
        if let Some((label, child)) = r {
            if kind_of(child) == Kind::Data && !is_singleton(child) {
                f(Reference::Follow(label, child))
            }
        }
    };
    let seq = o
        .downcast::<ListObj>()
        .map(|l| &l.0)
        .or_else(|| o.downcast::<TupleObj>().map(|t| &t.0));
    if let Some(seq) = seq {
        if let Ok(v) = seq.try_borrow() {
            for (i, x) in v.iter().enumerate().take(SCAN_LIMIT) {
                follow(Some((format!("[{i}]"), x)));
            }
            f(Reference::Skipped(v.len().saturating_sub(SCAN_LIMIT)));
        }
    } else if let Some(d) = o.downcast::<DictObj>() {
        if let Ok(t) = d.0.try_borrow() {
            for e in t.live().take(SCAN_LIMIT) {
                let key = match kind_of(&e.key) {
                    Kind::Atom => short_repr(&e.key),
                    _ => {
                        follow(Some(("key".into(), &e.key)));
                        format!("<{}>", type_name(&e.key))
                    }
                };
                if let Some(v) = &e.value {
                    follow(Some((format!("[{key}]"), v)));
                }
            }
            f(Reference::Skipped(t.len.saturating_sub(SCAN_LIMIT)));
        }
    } else if let Some(s) = o.downcast::<SetObj>() {
        if let Ok(t) = s.table.try_borrow() {
            for e in t.live().take(SCAN_LIMIT) {
                follow(Some(("item".into(), &e.key)));
            }
            f(Reference::Skipped(t.len.saturating_sub(SCAN_LIMIT)));
        }
    } else if let Some(i) = o.downcast::<Instance>() {
        if let Ok(a) = i.attrs.try_borrow() {
            a.iter()
                .for_each(|(k, v)| follow(Some((format!(".{k}"), v))));
        }
        // A materialised `__dict__` is drawn as the instance's attributes, as Python code sees them.
        if let Ok(d) = i.dict.try_borrow() {
            if let Some(t) = d.as_ref().and_then(|d| d.downcast::<DictObj>()) {
                if let Ok(t) = t.0.try_borrow() {
                    for e in t.live() {
                        if let (Some(k), Some(v)) = (e.key.downcast::<StrObj>(), &e.value) {
                            follow(Some((format!(".{}", k.s), v)));
                        }
                    }
                }
            }
        }
        if let Ok(s) = i.slots.try_borrow() {
            s.iter()
                .enumerate()
                .filter_map(|(n, v)| v.as_ref().map(|v| (n, v)))
                .for_each(|(n, v)| follow(Some((format!(".slot{n}"), v))));
        }
    } else if let Some(c) = o.downcast::<CellObj>() {
        if let Ok(v) = c.0.try_borrow() {
            if let Some(v) = v.as_ref() {
                follow(Some(("cell_contents".into(), v)));
            }
        }
    } else if let Some(m) = o.downcast::<MethodObj>() {
        follow(Some(("__self__".into(), &m.self_obj)));
    } else if let Some(g) = o.downcast::<GeneratorObj>() {
        if let Ok(fr) = g.frame.try_borrow() {
            if let Some(fr) = fr.as_ref() {
                let mut b = Bindings::default();
                b.frame(fr);
                for (name, v, _) in &b.vars {
                    follow(Some((format!("gi_frame.{name}"), v)));
                }
            }
        }
    }
}

fn gc_mark(o: &ObjRef) -> GcMark {
    match refpy_heap::gc::state_of(o.raw()) {
        None => GcMark::NotGc,
        Some(_) if o.is_finalized() => GcMark::Finalized,
        Some(GcObjectState::Untracked) => GcMark::Untracked,
        Some(_) => GcMark::Tracked,
    }
}

/// Breadth-first walk state shared by all frames of one snapshot.
pub struct Walk<'a> {
    pub objects: &'a mut BTreeMap<usize, ObjView>,
    pub caps: Caps,
    pub omitted: usize,
    queue: VecDeque<ObjRef>,
}

impl<'a> Walk<'a> {
    pub fn new(objects: &'a mut BTreeMap<usize, ObjView>, caps: Caps) -> Walk<'a> {
        Walk {
            objects,
            caps,
            omitted: 0,
            queue: VecDeque::new(),
        }
    }

    /// Record `o` and queue it; false when over the cap. `held` is how many clones of `o` the walk holds
    /// already: they are not the program's references, so they are taken off the count.
    fn discover(&mut self, o: &ObjRef, held: usize) -> bool {
        if self.objects.contains_key(&o.addr()) {
            return true;
        }
        if self.objects.len() >= self.caps.objects {
            self.omitted += 1;
            return false;
        }
        let view = ObjView {
            addr: o.addr(),
            type_name: type_name(o),
            repr: short_repr(o),
            count: o.refcnt() - held as isize,
            shared: is_small_int(o),
            gc: gc_mark(o),
            edges: Vec::new(),
            edges_omitted: 0,
            unreachable: false,
        };
        self.objects.insert(o.addr(), view);
        if kind_of(o) == Kind::Data {
            self.queue.push_back(o.clone());
        }
        true
    }

    /// Read a frame's variables and queue their objects.
    pub fn frame(&mut self, frame: &Frame, line: usize) -> FrameView {
        let mut b = Bindings::default();
        b.frame(frame);
        let id = frame as *const Frame as usize;
        let code = frame.code();
        let func = if code.flags & CO_NAMESPACE != 0 && code.name != "<module>" {
            format!("class {}", code.qualname)
        } else {
            code.qualname.clone()
        };
        self.bindings(b, id, func, line)
    }

    /// Read a module's globals as the variables of its frame (`id` and `line` of that frame).
    pub fn module(&mut self, globals: &ObjRef, id: usize, line: usize) -> FrameView {
        let mut b = Bindings::default();
        b.namespace(globals);
        self.bindings(b, id, "<module>".into(), line)
    }

    fn bindings(&mut self, b: Bindings, id: usize, func: String, line: usize) -> FrameView {
        let mut view = FrameView {
            id,
            func,
            line,
            vars: Vec::new(),
            defs: b.defs,
            inline: b.inline,
        };
        for (name, value, is_param) in &b.vars {
            let held = b.vars.iter().filter(|(_, v, _)| v.is(value)).count();
            if self.discover(value, held) {
                view.vars.push(VarView {
                    name: name.clone(),
                    addr: value.addr(),
                    is_param: *is_param,
                });
            }
        }
        drop(b.vars);
        view
    }

    /// Follow the queued objects' references until the queue is empty or the cap is reached.
    pub fn finish(mut self) -> usize {
        while let Some(o) = self.queue.pop_front() {
            let mut edges = Vec::new();
            let mut omitted = 0;
            let max_edges = self.caps.edges;
            let mut found: Vec<(String, ObjRef)> = Vec::new();
            for_each_reference(&o, &mut |reference| match reference {
                Reference::Follow(label, child) if found.len() < max_edges => {
                    found.push((label, child.clone()))
                }
                Reference::Follow(..) => omitted += 1,
                Reference::Skipped(n) => omitted += n,
            });
            for (label, child) in &found {
                if self.discover(child, found_clones(&found, child)) {
                    edges.push(Edge {
                        label: label.clone(),
                        to: child.addr(),
                    });
                }
            }
            drop(found);
            if let Some(v) = self.objects.get_mut(&o.addr()) {
                v.edges = edges;
                v.edges_omitted = omitted;
            }
            drop(o);
        }
        self.omitted
    }
}

/// How many clones of `child` the explorer holds in `found` (a list can hold the same object twice).
fn found_clones(found: &[(String, ObjRef)], child: &ObjRef) -> usize {
    found.iter().filter(|(_, c)| c.is(child)).count()
}
