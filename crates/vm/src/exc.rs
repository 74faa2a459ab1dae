//! Raising exceptions from Rust: `PyErr` wraps an exception instance.

use std::cell::RefCell;

use refpy_heap::ObjRef;

use crate::object::alloc;
use crate::objects::{ExcState, Instance};
use crate::rt::{self, rt};

/// A raised Python exception (the instance).
pub struct PyErr(pub ObjRef);

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({})", crate::ops::type_name(&self.0))
    }
}

pub type PyResult<T> = Result<T, PyErr>;

/// A new exception instance of class `cls` with the given args.
pub fn new_exception(cls: &ObjRef, args: Vec<ObjRef>) -> ObjRef {
    let vt = crate::ops::instance_vtable(cls);
    alloc(
        vt,
        Instance {
            cls: RefCell::new(cls.clone()),
            attrs: RefCell::new(Vec::new()),
            dict: RefCell::new(None),
            slots: RefCell::new(Vec::new()),
            exc: Some(Box::new(ExcState {
                args: RefCell::new(Some(rt::tuple(args))),
                ..Default::default()
            })),
            base: None,
        },
    )
}

pub fn err(cls: &ObjRef, msg: impl Into<String>) -> PyErr {
    PyErr(new_exception(cls, vec![rt::string(msg.into())]))
}

pub fn type_error(msg: impl Into<String>) -> PyErr {
    err(&rt().types.type_error, msg)
}

pub fn value_error(msg: impl Into<String>) -> PyErr {
    err(&rt().types.value_error, msg)
}

pub fn index_error(msg: impl Into<String>) -> PyErr {
    err(&rt().types.index_error, msg)
}

pub fn attribute_error(msg: impl Into<String>) -> PyErr {
    err(&rt().types.attribute_error, msg)
}

pub fn name_error(name: &str) -> PyErr {
    let e = err(
        &rt().types.name_error,
        format!("name '{}' is not defined", name),
    );
    crate::ops::set_attr_raw(&e.0, "name", rt::str_obj(name));
    e
}

pub fn key_error(key: ObjRef) -> PyErr {
    PyErr(new_exception(&rt().types.key_error, vec![key]))
}

pub fn zero_division(msg: &str) -> PyErr {
    err(&rt().types.zero_division_error, msg)
}

pub fn overflow_error(msg: &str) -> PyErr {
    err(&rt().types.overflow_error, msg)
}

pub fn runtime_error(msg: impl Into<String>) -> PyErr {
    err(&rt().types.runtime_error, msg)
}

pub fn recursion_error(msg: &str) -> PyErr {
    err(&rt().types.recursion_error, msg)
}

/// Refuse allocations no real program needs (CPython would raise MemoryError or exhaust the machine):
/// `count` items of `item_size` bytes.
pub fn check_alloc(count: usize, item_size: usize) -> PyResult<()> {
    const LIMIT: usize = 1 << 30;
    if count.saturating_mul(item_size.max(1)) > LIMIT {
        return Err(PyErr(new_exception(&rt().types.memory_error, vec![])));
    }
    Ok(())
}

pub fn stop_iteration() -> PyErr {
    PyErr(new_exception(&rt().types.stop_iteration, vec![]))
}

pub fn exc_state(e: &ObjRef) -> Option<&ExcState> {
    e.downcast::<Instance>().and_then(|i| i.exc.as_deref())
}

/// The `args` tuple of an exception.
pub fn exc_args(e: &ObjRef) -> Vec<ObjRef> {
    exc_state(e)
        .and_then(|s| s.args.borrow().clone())
        .and_then(|t| crate::ops::tuple_items(&t))
        .unwrap_or_default()
}

/// Whether `e` is an instance of exception class `cls`.
pub fn matches(e: &ObjRef, cls: &ObjRef) -> bool {
    crate::ops::is_subtype(&crate::ops::type_of(e), cls)
}

/// The SyntaxError (or IndentationError/TabError) instance for a compile error, with CPython's attributes
/// (`msg`, `filename`, `lineno`, `offset`, `text`, `end_lineno`, `end_offset`) and args
/// `(msg, (filename, lineno, offset, text, end_lineno, end_offset))`.
pub fn syntax_error(info: &crate::syntax::SyntaxErrorInfo) -> PyErr {
    let r = rt();
    let cls = crate::ops::dict_get_str(&r.builtins, info.kind)
        .unwrap_or_else(|| r.types.syntax_error.clone());
    let offset = |n: usize| {
        if n == 0 {
            rt::none()
        } else {
            rt::int(n as i64)
        }
    };
    let fields = [
        ("filename", rt::str_obj(&info.filename)),
        ("lineno", rt::int(info.lineno as i64)),
        ("offset", offset(info.offset)),
        ("text", rt::str_obj(&info.text)),
        ("end_lineno", rt::int(info.lineno as i64)),
        ("end_offset", offset(info.end_offset)),
    ];
    let location = rt::tuple(fields.iter().map(|(_, v)| v.clone()).collect());
    let e = new_exception(&cls, vec![rt::str_obj(&info.msg), location]);
    crate::ops::set_attr_raw(&e, "msg", rt::str_obj(&info.msg));
    for (name, value) in fields {
        crate::ops::set_attr_raw(&e, name, value);
    }
    crate::ops::set_attr_raw(&e, "print_file_and_line", rt::none());
    PyErr(e)
}

/// A SyntaxError's location attributes, when it has them: (msg, filename, lineno, text, offset, end_offset).
fn syntax_error_fields(
    e: &ObjRef,
) -> Option<(String, String, usize, Option<String>, usize, usize)> {
    if !crate::ops::isinstance(e, &rt().types.syntax_error) {
        return None;
    }
    let inst = e.downcast::<Instance>()?;
    let attr = |name: &str| crate::attrs::instance_lookup(inst, name);
    let text_of = |o: ObjRef| crate::ops::str_of(&o).map(str::to_string);
    let number =
        |o: Option<ObjRef>| o.and_then(|v| crate::ops::as_i64(&v)).unwrap_or(0).max(0) as usize;
    let msg = attr("msg").and_then(text_of)?;
    let filename = attr("filename").and_then(text_of)?;
    let lineno = number(attr("lineno"));
    let text = attr("text").and_then(text_of);
    Some((
        msg,
        filename,
        lineno,
        text,
        number(attr("offset")),
        number(attr("end_offset")),
    ))
}

/// `str()` of a SyntaxError with a location: CPython's "msg (file.py, line N)".
pub fn syntax_error_str(e: &ObjRef) -> Option<String> {
    let (msg, filename, lineno, ..) = syntax_error_fields(e)?;
    let base = filename.rsplit('/').next().unwrap_or(&filename).to_string();
    Some(format!("{} ({}, line {})", msg, base, lineno))
}

/// The lines CPython prints for an uncaught SyntaxError after its traceback (file, source line, carets,
/// `Kind: msg`), when it has a location.
pub fn syntax_error_report(e: &ObjRef, kind: &str) -> Option<String> {
    let (msg, filename, lineno, text, offset, end_offset) = syntax_error_fields(e)?;
    Some(crate::syntax::render_syntax_error(
        &filename,
        lineno,
        text.as_deref(),
        offset,
        end_offset,
        kind,
        &msg,
    ))
}
