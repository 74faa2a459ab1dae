//! CPython 3.11-style tracebacks: frames, source lines, `^^^`/`~~~` position markers, chained exceptions,
//! and the "Exception ignored in" format of unraisable errors.

use std::cell::RefCell;

use refpy_heap::ObjRef;

use crate::object::Payload;

use crate::bytecode::Code;
use crate::exc::*;
use crate::objects::{CodeObj, TypeObj};
use crate::ops;
use crate::rt::{self, rt};

/// A frame object as tracebacks hold it: the frame's locals (final values once the frame has exited).
pub struct FrameObj {
    pub code: ObjRef,
    pub locals: RefCell<Vec<ObjRef>>,
}
impl Payload for FrameObj {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit(&self.code);
        if let Ok(l) = self.locals.try_borrow() {
            l.iter().for_each(visit);
        }
    }
    fn clear(&self) {
        let l = std::mem::take(&mut *self.locals.borrow_mut());
        drop(l);
    }
}
crate::vtable!(pub FRAME_VT, FrameObj, "frame", gc: true, track: true, rule: Never, weak: true, finalize: None);

/// A traceback object: one level of an exception's traceback, holding its frame.
pub struct TracebackObj {
    pub frame: RefCell<Option<ObjRef>>,
}
impl Payload for TracebackObj {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Ok(f) = self.frame.try_borrow() {
            if let Some(f) = &*f {
                visit(f);
            }
        }
    }
    fn clear(&self) {
        let f = self.frame.borrow_mut().take();
        drop(f);
    }
}
crate::vtable!(pub TRACEBACK_VT, TracebackObj, "traceback", gc: true, track: true, rule: Never, weak: false, finalize: None);

/// One traceback entry: a code object, the instruction that was running, and the traceback object (which
/// keeps the frame and so its locals alive, as in CPython).
pub struct TbEntry {
    pub code: ObjRef,
    pub ip: usize,
    pub tb: ObjRef,
}

impl TbEntry {
    pub fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit(&self.code);
        visit(&self.tb);
    }
}

/// Placeholder for `e.__traceback__` (traceback objects are not modelled as Python objects).
pub fn traceback_obj(_e: &ObjRef) -> ObjRef {
    rt::none()
}

fn code_of(e: &TbEntry) -> &Code {
    &e.code.downcast::<CodeObj>().unwrap().0
}

/// The lines for one frame entry.
fn frame_lines(e: &TbEntry) -> String {
    let code = code_of(e);
    let pos = code.positions.get(e.ip).copied().unwrap_or_default();
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

fn format_tb(e: &ObjRef) -> String {
    let mut out = String::new();
    let Some(state) = exc_state(e) else {
        return out;
    };
    let tb = state.traceback.borrow();
    if !tb.is_empty() {
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
    for entry in tb.iter() {
        let code = code_of(entry);
        let key = (
            code.source.filename.len(),
            code.name.clone(),
            code.line_of(entry.ip),
        );
        let same = last.as_ref().is_some_and(|l| *l == key) && last.as_ref().is_some_and(|_| true);
        if same {
            repeat += 1;
        } else {
            flush_repeat(&mut out, repeat);
            repeat = 1;
            last = Some(key);
        }
        if repeat <= 3 {
            out.push_str(&frame_lines(entry));
        }
    }
    flush_repeat(&mut out, repeat);
    out.push_str(&exception_only(e));
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
    out.push_str(&format_tb(e));
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
        if let Ok(cls) = crate::builtins::make_class("UnraisableHookArgs", rt::tuple(vec![]), &ns) {
            let args = crate::attrs::new_instance(&cls);
            ops::set_attr_raw(&args, "exc_type", ops::type_of(&e.0));
            ops::set_attr_raw(&args, "exc_value", e.0.clone());
            ops::set_attr_raw(&args, "exc_traceback", rt::none());
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
    s.push_str(&format_tb(&e.0));
    let _ = rt();
    rt::write_err(&s);
}
