//! The `gc` module: refpy-heap's collector under CPython's names, defaults and error messages.

use refpy_heap::gc;
use refpy_heap::{CollectPhase, ObjRef};

use super::{module_dict, new_module};
use crate::exc::*;
use crate::methods::kwarg;
use crate::objects::*;
use crate::ops::{self, type_name};
use crate::rt::{self, rt};

type Kw<'a> = &'a [(String, ObjRef)];

fn collect(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let g = match a.first().or_else(|| kwarg(kw, "generation")) {
        Some(g) => {
            let g = ops::index_arg(g)?;
            if !(0..=2).contains(&g) {
                return Err(value_error("invalid generation"));
            }
            g as usize
        }
        None => 2,
    };
    Ok(rt::int(gc::collect(g).map_or(0, |r| r.total() as i64)))
}

fn enable(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    gc::enable();
    Ok(rt::none())
}
fn disable(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    gc::disable();
    Ok(rt::none())
}
fn isenabled(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::bool_obj(gc::is_enabled()))
}
fn get_count(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let c = gc::get_count();
    Ok(rt::tuple(c.iter().map(|&x| rt::int(x as i64)).collect()))
}
fn get_threshold(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let c = gc::get_threshold();
    Ok(rt::tuple(c.iter().map(|&x| rt::int(x as i64)).collect()))
}
fn set_threshold(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    if a.is_empty() || a.len() > 3 {
        return Err(type_error(format!(
            "set_threshold() takes at least 1 argument ({} given)",
            a.len()
        )));
    }
    let v: Vec<usize> = a
        .iter()
        .map(|x| ops::index_arg(x).map(|i| i.max(0) as usize))
        .collect::<PyResult<_>>()?;
    gc::set_threshold(v[0], v.get(1).copied(), v.get(2).copied());
    Ok(rt::none())
}
fn get_objects(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let g = match a.first().or_else(|| kwarg(kw, "generation")) {
        Some(g) if !ops::is_none(g) => {
            let g = ops::index_arg(g)?;
            if g >= 3 {
                return Err(value_error("generation parameter must be less than the number of available generations (3)"));
            }
            if g < 0 {
                return Err(value_error("generation parameter cannot be negative"));
            }
            Some(g as usize)
        }
        _ => None,
    };
    Ok(rt::list(gc::get_objects(g)))
}
fn get_referrers(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let raws: Vec<_> = a.iter().map(|o| o.raw()).collect();
    Ok(rt::list(gc::get_referrers(&raws)))
}
fn get_referents(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let mut out = Vec::new();
    for o in a {
        if o.raw().vtable().gc_capable {
            out.extend(o.referents());
        }
    }
    Ok(rt::list(out))
}
fn is_tracked(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let o = a
        .first()
        .ok_or_else(|| type_error("is_tracked() takes exactly one argument (0 given)"))?;
    Ok(rt::bool_obj(o.raw().vtable().gc_capable && o.is_tracked()))
}
fn is_finalized(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let o = a
        .first()
        .ok_or_else(|| type_error("is_finalized() takes exactly one argument (0 given)"))?;
    Ok(rt::bool_obj(
        o.raw().vtable().gc_capable && o.is_finalized(),
    ))
}
fn freeze(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    gc::freeze();
    Ok(rt::none())
}
fn unfreeze(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    gc::unfreeze();
    Ok(rt::none())
}
fn get_freeze_count(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::int(gc::get_freeze_count() as i64))
}
fn get_stats(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let mut out = Vec::new();
    for s in gc::get_stats() {
        let d = rt::dict();
        ops::dict_set_str(&d, "collections", rt::int(s.collections as i64));
        ops::dict_set_str(&d, "collected", rt::int(s.collected as i64));
        ops::dict_set_str(&d, "uncollectable", rt::int(s.uncollectable as i64));
        out.push(d);
    }
    Ok(rt::list(out))
}
fn set_debug(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let f = a
        .first()
        .ok_or_else(|| type_error("set_debug() takes exactly one argument (0 given)"))?;
    gc::set_debug(ops::index_arg(f)? as u32);
    Ok(rt::none())
}
fn get_debug(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::int(gc::get_debug() as i64))
}

pub fn make() -> ObjRef {
    let m = new_module(
        "gc",
        &[
            ("collect", collect),
            ("enable", enable),
            ("disable", disable),
            ("isenabled", isenabled),
            ("get_count", get_count),
            ("get_threshold", get_threshold),
            ("set_threshold", set_threshold),
            ("get_objects", get_objects),
            ("get_referrers", get_referrers),
            ("get_referents", get_referents),
            ("is_tracked", is_tracked),
            ("is_finalized", is_finalized),
            ("freeze", freeze),
            ("unfreeze", unfreeze),
            ("get_freeze_count", get_freeze_count),
            ("get_stats", get_stats),
            ("set_debug", set_debug),
            ("get_debug", get_debug),
        ],
    );
    let d = module_dict(&m);
    ops::dict_set_str(&d, "garbage", rt().gc_garbage.clone());
    ops::dict_set_str(&d, "callbacks", rt().gc_callbacks.clone());
    for (n, v) in [
        ("DEBUG_STATS", gc::DEBUG_STATS),
        ("DEBUG_COLLECTABLE", gc::DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", gc::DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", gc::DEBUG_SAVEALL),
        ("DEBUG_LEAK", gc::DEBUG_LEAK),
    ] {
        ops::dict_set_str(&d, n, rt::int(v as i64));
    }
    m
}

/// Heap hook: call every `gc.callbacks` entry with ("start"|"stop", info).
pub fn run_callbacks(phase: CollectPhase, info: gc::CollectResult) {
    let cbs = rt()
        .gc_callbacks
        .downcast::<ListObj>()
        .unwrap()
        .0
        .borrow()
        .clone();
    if cbs.is_empty() {
        return;
    }
    let d = rt::dict();
    ops::dict_set_str(&d, "generation", rt::int(info.generation as i64));
    ops::dict_set_str(&d, "collected", rt::int(info.collected as i64));
    ops::dict_set_str(&d, "uncollectable", rt::int(info.uncollectable as i64));
    let p = rt::str_obj(match phase {
        CollectPhase::Start => "start",
        CollectPhase::Stop => "stop",
    });
    for cb in cbs {
        if let Err(e) = ops::call(&cb, vec![p.clone(), d.clone()], vec![]) {
            crate::traceback::unraisable(&cb, &e);
        }
    }
}

/// Heap hook: objects saved by DEBUG_SAVEALL or found uncollectable go to `gc.garbage`.
/// CPython's `gc: collectable <Node 0x…>` line (the type's `tp_name`, the address) on stderr.
pub fn debug_report(what: &'static str, o: &ObjRef) {
    rt::write_err(&format!(
        "gc: {} <{} {:#x}>\n",
        what,
        ops::type_name(o),
        o.addr()
    ));
}

pub fn save_garbage(o: ObjRef) {
    rt().gc_garbage
        .downcast::<ListObj>()
        .unwrap()
        .0
        .borrow_mut()
        .push(o);
}

#[allow(dead_code)]
fn unused(o: &ObjRef) -> String {
    type_name(o)
}
