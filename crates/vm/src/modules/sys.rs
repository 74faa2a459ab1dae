//! The `sys` module.

use num_traits::ToPrimitive;
use refpy_heap::ObjRef;

use super::{module_dict, new_module};
use crate::exc::*;
use crate::objects::*;
use crate::ops::{self, type_name};
use crate::rt::{self, rt};

type Kw<'a> = &'a [(String, ObjRef)];

fn getrefcount(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let o = a
        .first()
        .ok_or_else(|| type_error("sys.getrefcount() takes exactly one argument (0 given)"))?;
    Ok(rt::int(o.refcnt() as i64))
}

fn getsizeof(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let o = a
        .first()
        .ok_or_else(|| type_error("getsizeof() takes at least 1 argument (0 given)"))?;
    match crate::sizes::sys_getsizeof(o) {
        Ok(n) => Ok(rt::int(n as i64)),
        // A default is returned when __sizeof__ fails with a TypeError.
        Err(e) if a.len() > 1 && ops::isinstance(&e.0, &rt().types.type_error) => Ok(a[1].clone()),
        Err(e) => Err(e),
    }
}

fn exit(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Err(PyErr(new_exception(&rt().types.system_exit, a.to_vec())))
}

fn getrecursionlimit(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::int(rt().recursion_limit.get() as i64))
}

fn setrecursionlimit(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let n = a
        .first()
        .ok_or_else(|| type_error("setrecursionlimit() takes exactly one argument (0 given)"))?;
    if n.downcast::<FloatObj>().is_some() {
        return Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let n = ops::index_arg(n)?;
    if n < 1 {
        return Err(value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    let depth = rt().depth.get();
    if (n as usize) <= depth {
        return Err(recursion_error(&format!(
            "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
            n, depth
        )));
    }
    rt().recursion_limit.set(n.to_usize().unwrap_or(usize::MAX));
    Ok(rt::none())
}

fn write_stdout(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let text = a
        .last()
        .ok_or_else(|| type_error("write() takes exactly one argument (0 given)"))?;
    let s = ops::str_of(text).ok_or_else(|| {
        type_error(format!(
            "write() argument must be str, not {}",
            type_name(text)
        ))
    })?;
    let n = s.chars().count();
    rt::write_out_str(text);
    Ok(rt::int(n as i64))
}

fn write_stderr(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let s = a
        .last()
        .ok_or_else(|| type_error("write() takes exactly one argument (0 given)"))?;
    let s = ops::str_of(s).ok_or_else(|| {
        type_error(format!(
            "write() argument must be str, not {}",
            type_name(s)
        ))
    })?;
    rt::flush_out_if_tty();
    rt::write_err(s);
    Ok(rt::int(s.chars().count() as i64))
}

fn flush_stdout(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    rt::flush_out();
    Ok(rt::none())
}

fn noop(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::none())
}

fn exc_info(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(match crate::eval::handled_top() {
        Some(e) => {
            let tb = crate::exc::exc_state(&e).and_then(|s| s.traceback.borrow().clone());
            rt::tuple(vec![ops::type_of(&e), e, tb.unwrap_or_else(rt::none)])
        }
        None => rt::tuple(vec![rt::none(), rt::none(), rt::none()]),
    })
}

fn intern(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    match a.first().and_then(|s| ops::str_of(s).map(str::to_string)) {
        Some(s) => Ok(rt::intern(&s)),
        None => Err(type_error("intern() argument must be str")),
    }
}

/// `sys._getframe(depth=0)`: the frame object of the running Python frame `depth` calls out.
fn getframe(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let depth = match a.first() {
        Some(d) => ops::index_arg(d)?,
        None => 0,
    };
    usize::try_from(depth)
        .ok()
        .and_then(crate::eval::frame_object_at)
        .ok_or_else(|| value_error("call stack is not deep enough"))
}

pub fn make() -> ObjRef {
    let m = new_module(
        "sys",
        &[
            ("getrefcount", getrefcount),
            ("getsizeof", getsizeof),
            ("exit", exit),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("exc_info", exc_info),
            ("intern", intern),
            ("_getframe", getframe),
        ],
    );
    let d = module_dict(&m);
    let argv = rt().argv.borrow().iter().map(|s| rt::str_obj(s)).collect();
    ops::dict_set_str(&d, "argv", rt::list(argv));
    let out = new_module(
        "stdout",
        &[("write", write_stdout), ("flush", flush_stdout)],
    );
    let err = new_module("stderr", &[("write", write_stderr), ("flush", noop)]);
    ops::dict_set_str(&d, "stdout", out.clone());
    ops::dict_set_str(&d, "stderr", err.clone());
    ops::dict_set_str(&d, "__stdout__", out);
    ops::dict_set_str(&d, "__stderr__", err);
    let vi = rt::tuple(vec![
        rt::int(3),
        rt::int(11),
        rt::int(7),
        rt::str_obj("final"),
        rt::int(0),
    ]);
    ops::dict_set_str(&d, "version_info", vi);
    ops::dict_set_str(&d, "version", rt::str_obj("3.11.7 (refpy)"));
    ops::dict_set_str(&d, "platform", rt::str_obj("linux"));
    ops::dict_set_str(&d, "maxsize", rt::int(i64::MAX));
    ops::dict_set_str(&d, "byteorder", rt::str_obj("little"));
    let first = rt::str_obj(&super::script_dir());
    ops::dict_set_str(&d, "path", rt::list(vec![first]));
    ops::dict_set_str(&d, "implementation", rt::str_obj("refpy"));
    let mods = rt::dict();
    ops::dict_set_str(&d, "modules", mods);
    m
}
