//! The run-time half of the `match` statement: CPython 3.11's MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS
//! and MATCH_CLASS (`Python/ceval.c`'s `match_keys`, `match_class`, `match_class_attr`), with the same
//! order of `isinstance`, `__match_args__`, attribute, `get`, `__hash__` and `__eq__` calls.

use refpy_heap::ObjRef;

use crate::exc::*;
use crate::objects::{DictObj, StrObj, TypeObj};
use crate::ops::{self, type_name};
use crate::rt::{self, rt};

/// Whether some type on `cls`'s mro is one of `kinds` (CPython's inherited `tp_flags` bits).
fn inherits_from(cls: &ObjRef, kinds: &[&ObjRef]) -> bool {
    ops::type_obj(cls).with_mro(|mro| mro.iter().any(|t| kinds.iter().any(|k| t.is(k))))
}

/// MATCH_SEQUENCE: `Py_TPFLAGS_SEQUENCE`, which list, tuple, range and deque set and their subclasses
/// inherit (never str, bytes or bytearray).
pub fn is_sequence(subject: &ObjRef) -> bool {
    let t = &rt().types;
    let cls = ops::type_of(subject);
    inherits_from(&cls, &[&t.list, &t.tuple, &t.range])
        || ops::type_obj(&cls)
            .with_mro(|mro| mro.iter().any(|c| ops::type_obj(c).is_sequence.get()))
}

/// MATCH_MAPPING: `Py_TPFLAGS_MAPPING`, which dict sets and its subclasses inherit.
pub fn is_mapping(subject: &ObjRef) -> bool {
    inherits_from(&ops::type_of(subject), &[&rt().types.dict])
}

/// `_Py_TPFLAGS_MATCH_SELF`: `int(x)`, `str(x)`, … bind the subject itself to their one positional
/// sub-pattern (subclasses inherit it).
fn matches_self(cls: &ObjRef) -> bool {
    let t = &rt().types;
    inherits_from(
        cls,
        &[
            &t.bool_,
            &t.bytearray,
            &t.bytes,
            &t.dict,
            &t.float,
            &t.frozenset,
            &t.int,
            &t.list,
            &t.set,
            &t.str_,
            &t.tuple,
        ],
    )
}

fn is_attribute_error(e: &PyErr) -> bool {
    ops::isinstance(&e.0, &rt().types.attribute_error)
}

/// Whether `key` is in `seen` as a set would find it (hash, then identity or `__eq__`).
fn seen_before(seen: &[(ObjRef, i64)], key: &ObjRef, hash: i64) -> PyResult<bool> {
    for (k, h) in seen {
        if *h == hash && (k.is(key) || ops::eq_bool(k, key)?) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// MATCH_KEYS: the values of `keys` (a tuple) in `map` as a tuple, or None when one is missing. Reads
/// with `map.get(key, dummy)`, so a dict subclass's `__missing__` creates nothing.
pub fn match_keys(map: &ObjRef, keys: &ObjRef) -> PyResult<ObjRef> {
    let keys = ops::tuple_items(keys).unwrap_or_default();
    if keys.is_empty() {
        return Ok(rt().empty_tuple.clone());
    }
    // An exact dict's `get` is the table lookup itself; anything else is asked through its `get`.
    let get = match map.downcast::<DictObj>() {
        Some(_) => None,
        None => Some(ops::getattr(map, "get")?),
    };
    let dummy = match get {
        Some(_) => Some(ops::call(&rt().types.object, vec![], vec![])?),
        None => None,
    };
    let mut seen: Vec<(ObjRef, i64)> = Vec::with_capacity(keys.len());
    let mut values = Vec::with_capacity(keys.len());
    for key in keys {
        let hash = ops::hash(&key)?;
        if seen_before(&seen, &key, hash)? {
            return Err(value_error(format!(
                "mapping pattern checks duplicate key ({})",
                ops::repr(&key)?
            )));
        }
        let value = match (&get, &dummy) {
            (Some(get), Some(dummy)) => {
                let v = ops::call(get, vec![key.clone(), dummy.clone()], vec![])?;
                (!v.is(dummy)).then_some(v)
            }
            _ => crate::objects::dict::get(ops::dict_table(map), &key)?,
        };
        seen.push((key, hash));
        match value {
            Some(v) => values.push(v),
            None => return Ok(rt::none()),
        }
    }
    Ok(rt::tuple(values))
}

/// MATCH_CLASS: if `subject` is an instance of `cls`, a tuple of the attributes the `nargs` positional
/// sub-patterns (through `__match_args__`) and the keyword sub-patterns (`names`, a tuple) match against;
/// None if it is not an instance or lacks one of them.
pub fn match_class(
    subject: &ObjRef,
    cls: &ObjRef,
    nargs: usize,
    names: &ObjRef,
) -> PyResult<ObjRef> {
    let Some(tp) = cls.downcast::<TypeObj>() else {
        return Err(type_error("called match pattern must be a type"));
    };
    if !ops::isinstance(subject, cls) {
        return Ok(rt::none());
    }
    let type_name_of_cls = tp.name.borrow().clone();
    let mut seen: Vec<ObjRef> = Vec::new();
    let mut attrs = Vec::new();
    if nargs > 0 {
        let (match_args, match_self) = match ops::getattr(cls, "__match_args__") {
            Ok(m) => match m.downcast::<crate::objects::TupleObj>() {
                Some(t) => (t.0.borrow().clone(), false),
                None => {
                    return Err(type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        type_name_of_cls,
                        type_name(&m)
                    )))
                }
            },
            // Only a type without `__match_args__` matches itself (a subclass that defines it does not).
            Err(e) if is_attribute_error(&e) => (Vec::new(), matches_self(cls)),
            Err(e) => return Err(e),
        };
        let allowed = if match_self { 1 } else { match_args.len() };
        if allowed < nargs {
            return Err(type_error(format!(
                "{}() accepts {} positional sub-pattern{} ({} given)",
                type_name_of_cls,
                allowed,
                if allowed == 1 { "" } else { "s" },
                nargs
            )));
        }
        if match_self {
            attrs.push(subject.clone());
        } else {
            for name in &match_args[..nargs] {
                if name.downcast::<StrObj>().is_none() {
                    return Err(type_error(format!(
                        "__match_args__ elements must be strings (got {})",
                        type_name(name)
                    )));
                }
                match match_class_attr(subject, &type_name_of_cls, name, &mut seen)? {
                    Some(a) => attrs.push(a),
                    None => return Ok(rt::none()),
                }
            }
        }
    }
    for name in ops::tuple_items(names).unwrap_or_default() {
        match match_class_attr(subject, &type_name_of_cls, &name, &mut seen)? {
            Some(a) => attrs.push(a),
            None => return Ok(rt::none()),
        }
    }
    Ok(rt::tuple(attrs))
}

/// One attribute for MATCH_CLASS: None when the subject lacks it; a TypeError when two sub-patterns
/// name it.
fn match_class_attr(
    subject: &ObjRef,
    cls_name: &str,
    name: &ObjRef,
    seen: &mut Vec<ObjRef>,
) -> PyResult<Option<ObjRef>> {
    let text = ops::str_of(name).unwrap_or_default();
    if seen.iter().any(|s| ops::str_of(s) == Some(text)) {
        return Err(type_error(format!(
            "{}() got multiple sub-patterns for attribute {}",
            cls_name,
            ops::repr(name)?
        )));
    }
    seen.push(name.clone());
    match ops::getattr(subject, text) {
        Ok(v) => Ok(Some(v)),
        Err(e) if is_attribute_error(&e) => Ok(None),
        Err(e) => Err(e),
    }
}
