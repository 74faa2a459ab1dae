//! CPython 3.11-style tracebacks: frames, source lines, `^^^`/`~~~` position markers, chained exceptions,
//! and the "Exception ignored in" format of unraisable errors.

use std::cell::{Cell, RefCell};

use refpy_heap::ObjRef;

use crate::object::Payload;

use crate::bytecode::Code;
use crate::exc::*;
use crate::object::alloc;
use crate::objects::{CellObj, CodeObj, TypeObj};
use crate::ops;
use crate::rt::{self, rt};

/// A frame object (CPython's `PyFrameObject`), made when a traceback or a callee's `f_back` first needs
/// the frame. While the frame runs the evaluator owns its variables; if it finishes while something else
/// still holds the frame object, the object takes them over and links the caller's frame object as
/// `f_back` (CPython's `take_ownership`). Fields are released in CPython's order: variables, then `f_back`.
pub struct FrameObj {
    /// The namespace of a module or class body, once the frame has finished.
    pub ns: RefCell<Option<ObjRef>>,
    /// Fast locals and cells, once the frame has finished.
    pub fast: RefCell<Vec<Option<ObjRef>>>,
    pub cells: RefCell<Vec<ObjRef>>,
    pub back: RefCell<Option<ObjRef>>,
    pub code: ObjRef,
    pub globals: ObjRef,
    /// The instruction the frame was at when last recorded (a traceback entry, or its exit).
    pub lasti: Cell<usize>,
    /// `ns` is a module or class body's namespace (else the frame's cached `f_locals` dict).
    pub owns_namespace: Cell<bool>,
}
impl Payload for FrameObj {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Ok(b) = self.back.try_borrow() {
            if let Some(b) = &*b {
                visit(b);
            }
        }
        visit(&self.code);
        visit(&self.globals);
        if let Ok(ns) = self.ns.try_borrow() {
            if let Some(ns) = &*ns {
                visit(ns);
            }
        }
        if let Ok(f) = self.fast.try_borrow() {
            f.iter().flatten().for_each(&mut *visit);
        }
        if let Ok(c) = self.cells.try_borrow() {
            c.iter().for_each(visit);
        }
    }
    fn clear(&self) {
        // CPython's frame_tp_clear releases the variables only.
        let f = std::mem::take(&mut *self.fast.borrow_mut());
        let c = std::mem::take(&mut *self.cells.borrow_mut());
        drop((f, c));
    }
}
crate::vtable!(pub FRAME_VT, FrameObj, "frame", gc: true, track: true, rule: Never, weak: true, finalize: None);

impl FrameObj {
    /// A frame object for a running frame; `namespace`: the dict of a module or class body.
    pub fn new_object(code: ObjRef, globals: ObjRef, namespace: Option<ObjRef>) -> ObjRef {
        let owns_namespace = namespace.is_some();
        alloc(
            &FRAME_VT,
            FrameObj {
                ns: RefCell::new(namespace),
                fast: RefCell::new(Vec::new()),
                cells: RefCell::new(Vec::new()),
                back: RefCell::new(None),
                code,
                globals,
                lasti: Cell::new(0),
                owns_namespace: Cell::new(owns_namespace),
            },
        )
    }

    fn code(&self) -> &Code {
        &self.code.downcast::<CodeObj>().expect("code object").0
    }

    /// `f_locals` of a finished frame: the namespace of a module or class body; for a function, a dict
    /// the frame keeps (CPython's cached `f_locals`), refreshed from the variables on each access.
    /// (A running frame's variables are the evaluator's; its dict shows those it had when it finished.)
    fn locals_dict(&self) -> ObjRef {
        let cached = self.ns.borrow().clone();
        let d = cached.unwrap_or_else(|| {
            let d = rt::dict();
            *self.ns.borrow_mut() = Some(d.clone());
            d
        });
        if !self.owns_namespace.get() {
            let code = self.code();
            let fast = self.fast.borrow().clone();
            let cells = self.cells.borrow().clone();
            let cell_names = code.cellvars.iter().chain(code.freevars.iter());
            let cell_values = cells
                .iter()
                .map(|c| c.downcast::<CellObj>().and_then(|c| c.0.borrow().clone()));
            for (name, v) in code
                .varnames
                .iter()
                .zip(fast)
                .chain(cell_names.zip(cell_values))
            {
                match v {
                    Some(v) => ops::dict_set_str(&d, name, v),
                    None => {
                        let _ = ops::dict_del_str(&d, name);
                    }
                }
            }
        }
        d
    }
}

/// A traceback object: one level of an exception's traceback, the frame and the instruction there;
/// `tb_next` leads towards the frame where the exception was raised.
pub struct TracebackObj {
    pub next: RefCell<Option<ObjRef>>,
    pub frame: RefCell<Option<ObjRef>>,
    pub lasti: usize,
}
impl Payload for TracebackObj {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        for r in [&self.next, &self.frame] {
            if let Ok(r) = r.try_borrow() {
                if let Some(r) = &*r {
                    visit(r);
                }
            }
        }
    }
    fn clear(&self) {
        let n = self.next.borrow_mut().take();
        let f = self.frame.borrow_mut().take();
        drop((n, f));
    }
}
crate::vtable!(pub TRACEBACK_VT, TracebackObj, "traceback", gc: true, track: true, rule: Never, weak: false, finalize: None);

/// A new traceback level for `frame` (a frame object) at instruction `lasti`, in front of `next`.
pub fn new_traceback(next: Option<ObjRef>, frame: ObjRef, lasti: usize) -> ObjRef {
    alloc(
        &TRACEBACK_VT,
        TracebackObj {
            next: RefCell::new(next),
            frame: RefCell::new(Some(frame)),
            lasti,
        },
    )
}

/// The levels of a traceback, outermost first: each frame's code and instruction.
fn tb_entries(tb: Option<ObjRef>) -> Vec<(ObjRef, usize)> {
    let mut out = Vec::new();
    let mut cur = tb;
    while let Some(t) = cur {
        let Some(tbo) = t.downcast::<TracebackObj>() else {
            break;
        };
        if let Some(f) = tbo.frame.borrow().as_ref() {
            if let Some(fo) = f.downcast::<FrameObj>() {
                out.push((fo.code.clone(), tbo.lasti));
            }
        }
        cur = tbo.next.borrow().clone();
    }
    out
}

/// The innermost level's frame object of a traceback.
pub fn innermost_frame(tb: Option<ObjRef>) -> Option<ObjRef> {
    let mut cur = tb?;
    loop {
        let next = cur.downcast::<TracebackObj>()?.next.borrow().clone();
        match next {
            Some(n) => cur = n,
            None => break,
        }
    }
    let frame = cur.downcast::<TracebackObj>()?.frame.borrow().clone();
    frame
}

/// Attributes of traceback and frame objects.
pub fn object_attr(o: &ObjRef, name: &str) -> Option<ObjRef> {
    if let Some(t) = o.downcast::<TracebackObj>() {
        let frame = t.frame.borrow().clone();
        let code = frame
            .as_ref()
            .and_then(|f| f.downcast::<FrameObj>())
            .map(|f| f.code.clone());
        return match name {
            "tb_next" => Some(t.next.borrow().clone().unwrap_or_else(rt::none)),
            "tb_frame" => Some(frame.unwrap_or_else(rt::none)),
            // NOTE: refpy's instructions are not CPython's 2-byte code units; tb_lasti counts refpy's.
            "tb_lasti" => Some(rt::int(t.lasti as i64)),
            "tb_lineno" => code.map(|c| {
                let code = &c.downcast::<CodeObj>().expect("code object").0;
                rt::int(code.line_of(t.lasti) as i64)
            }),
            _ => None,
        };
    }
    let f = o.downcast::<FrameObj>()?;
    match name {
        "f_back" => Some(
            f.back
                .borrow()
                .clone()
                .or_else(|| crate::eval::running_frame_back(o))
                .unwrap_or_else(rt::none),
        ),
        "f_code" => Some(f.code.clone()),
        "f_globals" => Some(f.globals.clone()),
        "f_builtins" => Some(rt().builtins.clone()),
        "f_locals" => Some(f.locals_dict()),
        "f_lasti" => Some(rt::int(f.lasti.get() as i64)),
        "f_lineno" => Some(rt::int(f.code().line_of(f.lasti.get()) as i64)),
        _ => None,
    }
}

fn code_of(code: &ObjRef) -> &Code {
    &code.downcast::<CodeObj>().unwrap().0
}

/// The lines for one traceback level: the code and the instruction that was running.
fn frame_lines(code: &ObjRef, ip: usize) -> String {
    let code = code_of(code);
    let pos = code.positions.get(ip).copied().unwrap_or_default();
    let src = &code.source;
    let line = src.line_of(pos.start as usize);
    let mut out = format!(
        "  File \"{}\", line {}, in {}\n",
        src.filename, line, code.name
    );
    let original = src.line_text(line);
    let stripped = original.trim();
    // CPython cannot show source lines for `<stdin>` / `<string>` code.
    if stripped.is_empty() || src.filename.starts_with('<') {
        return out;
    }
    out.push_str(&format!("    {}\n", stripped));
    let line_start = src.line_starts[line - 1];
    let end_line = src.line_of((pos.end as usize).saturating_sub(1).max(pos.start as usize));
    let char_off = |byte: usize| -> usize {
        let b = byte.saturating_sub(line_start).min(original.len());
        original[..b].chars().count()
    };
    let start = char_off(pos.start as usize);
    let leading = original.chars().count() - original.trim_start().chars().count();
    let stripped_len = stripped.chars().count();
    let (end, anchors) = if end_line == line {
        let end = char_off(pos.end as usize);
        let anchors = pos
            .anchor
            .map(|(a, b)| (char_off(a as usize), char_off(b as usize)));
        (end, anchors)
    } else {
        (leading + stripped_len, None)
    };
    if end <= start {
        return out;
    }
    let anchored = anchors.is_some_and(|(a, b)| b > a);
    if end - start < stripped_len || anchored {
        let mut marks = String::from("    ");
        marks.push_str(&" ".repeat(start.saturating_sub(leading)));
        for i in start..end {
            let primary = match anchors {
                Some((a, b)) => i >= a && i < b,
                None => true,
            };
            marks.push(if primary { '^' } else { '~' });
        }
        out.push_str(&marks);
        out.push('\n');
    }
    out
}

/// `ExcType: message` as the last traceback line.
pub fn exception_only(e: &ObjRef) -> String {
    let cls = ops::type_of(e);
    let t = cls.downcast::<TypeObj>().unwrap();
    let mut name = t.qualname.borrow().clone();
    if t.builtin.is_none() {
        let module = ops::dict_get_str(&t.dict, "__module__")
            .and_then(|m| ops::str_of(&m).map(str::to_string))
            .unwrap_or_default();
        if module != "__main__" && module != "builtins" && !module.is_empty() {
            name = format!("{}.{}", module, name);
        }
    }
    if let Some(report) = crate::exc::syntax_error_report(e, &name) {
        return report;
    }
    let msg = match ops::str_(e) {
        Ok(m) => m,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if msg.is_empty() {
        format!("{}\n", name)
    } else {
        format!("{}: {}\n", name, msg)
    }
}

/// The traceback and the exception line; `suggest`: with CPython's "Did you mean" for an uncaught
/// NameError/AttributeError (the unraisable-error report has none).
fn format_tb(e: &ObjRef, suggest: bool) -> String {
    let mut out = String::new();
    let Some(state) = exc_state(e) else {
        return out;
    };
    let entries = tb_entries(state.traceback.borrow().clone());
    if !entries.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
    }
    let mut last: Option<(usize, String, usize)> = None;
    let mut repeat = 0usize;
    let flush_repeat = |out: &mut String, repeat: usize| {
        if repeat > 3 {
            let n = repeat - 3;
            out.push_str(&format!(
                "  [Previous line repeated {} more time{}]\n",
                n,
                if n == 1 { "" } else { "s" }
            ));
        }
    };
    for (code_obj, ip) in &entries {
        let code = code_of(code_obj);
        let key = (
            code.source.filename.len(),
            code.name.clone(),
            code.line_of(*ip),
        );
        if last.as_ref().is_some_and(|l| *l == key) {
            repeat += 1;
        } else {
            flush_repeat(&mut out, repeat);
            repeat = 1;
            last = Some(key);
        }
        if repeat <= 3 {
            out.push_str(&frame_lines(code_obj, *ip));
        }
    }
    flush_repeat(&mut out, repeat);
    let line = exception_only(e);
    match suggest.then(|| crate::suggestions::offer(e)).flatten() {
        Some(s) => {
            out.push_str(line.trim_end_matches('\n'));
            out.push_str(&format!(". Did you mean: '{}'?\n", s));
        }
        None => out.push_str(&line),
    }
    out
}

/// The full report of an uncaught exception, with its cause/context chain first.
pub fn format_exception(e: &ObjRef) -> String {
    let mut seen = Vec::new();
    format_chain(e, &mut seen)
}

fn format_chain(e: &ObjRef, seen: &mut Vec<usize>) -> String {
    seen.push(e.addr());
    let mut out = String::new();
    if let Some(s) = exc_state(e) {
        let cause = s.cause.borrow().clone();
        let context = s.context.borrow().clone();
        if let Some(c) = cause.filter(|c| !seen.contains(&c.addr())) {
            out.push_str(&format_chain(&c, seen));
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if let Some(c) =
            context.filter(|c| !seen.contains(&c.addr()) && !s.suppress_context.get())
        {
            out.push_str(&format_chain(&c, seen));
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
    }
    out.push_str(&format_tb(e, true));
    out
}

pub fn print_exception(e: &ObjRef) {
    rt::flush_out_if_tty();
    rt::write_err(&format_exception(e));
}

/// An error that cannot be raised (in `__del__`, a weakref or gc callback): `sys.unraisablehook` if the
/// program installed one, else CPython's default report naming `obj`.
pub fn unraisable(obj: &ObjRef, e: &PyErr) {
    let hook = rt()
        .modules
        .borrow()
        .iter()
        .find(|(n, _)| n == "sys")
        .and_then(|(_, m)| ops::dict_get_str(&crate::modules::module_dict(m), "unraisablehook"));
    if let Some(hook) = hook {
        let ns = rt::dict();
        ops::dict_set_str(&ns, "__module__", rt::str_obj("sys"));
        if let Ok(cls) = crate::builtins::make_class(
            &rt().types.type_,
            "UnraisableHookArgs",
            rt::tuple(vec![]),
            &ns,
            &[],
        ) {
            let args = crate::attrs::new_instance_with_base(&cls, None);
            ops::set_attr_raw(&args, "exc_type", ops::type_of(&e.0));
            ops::set_attr_raw(&args, "exc_value", e.0.clone());
            let tb = exc_state(&e.0).and_then(|s| s.traceback.borrow().clone());
            ops::set_attr_raw(&args, "exc_traceback", tb.unwrap_or_else(rt::none));
            ops::set_attr_raw(&args, "err_msg", rt::none());
            ops::set_attr_raw(&args, "object", obj.clone());
            if ops::call(&hook, vec![args], vec![]).is_ok() {
                return;
            }
        }
    }
    let header = format!("Exception ignored in: {}", ops::unraisable_obj_repr(obj));
    print_unraisable(&header, e);
}

/// CPython's default unraisable hook output.
pub fn print_unraisable(header: &str, e: &PyErr) {
    let mut s = format!("{}\n", header);
    s.push_str(&format_tb(&e.0, false));
    let _ = rt();
    rt::write_err(&s);
}
