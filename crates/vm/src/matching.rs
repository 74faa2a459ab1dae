//! The run-time half of the `match` statement: CPython 3.11's MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS
//! and MATCH_CLASS (`Python/ceval.c`'s `match_keys`, `match_class`, `match_class_attr`), with the same
//! order of `isinstance`, `__match_args__`, attribute, `get`, `__hash__` and `__eq__` calls.

use refpy_heap::ObjRef;

use crate::exc::*;
use crate::objects::{dict, DictObj, ListObj, SetObj, StrObj, TupleObj, TypeObj};
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

/// `name in seen` then `seen.add(name)` on a set object, as CPython's `PySet_Contains || PySet_Add`.
fn seen_before(seen: &ObjRef, key: &ObjRef) -> PyResult<bool> {
    let table = &seen.downcast::<SetObj>().expect("set").table;
    if dict::contains(table, key)? {
        return Ok(true);
    }
    dict::insert(table, key.clone(), None)?;
    Ok(false)
}

/// MATCH_KEYS: the values of `keys` (a tuple) in `map` as a tuple, or None when one is missing. Reads
/// with `map.get(key, dummy)`, so a dict subclass's `__missing__` creates nothing. Allocates what
/// CPython's `match_keys` does (the `seen` set, the values tuple before the first lookup), which shows
/// in `gc.get_count()` and the free lists.
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
    let seen = rt::set(false);
    let dummy = ops::call(&rt().types.object, vec![], vec![])?;
    let values = rt::tuple(vec![rt::none(); keys.len()]);
    for (i, key) in keys.iter().enumerate() {
        if seen_before(&seen, key)? {
            return Err(value_error(format!(
                "mapping pattern checks duplicate key ({})",
                ops::repr(key)?
            )));
        }
        let value = match &get {
            Some(get) => {
                let v = ops::call(get, vec![key.clone(), dummy.clone()], vec![])?;
                (!v.is(&dummy)).then_some(v)
            }
            None => dict::get(ops::dict_table(map), key)?,
        };
        let Some(value) = value else {
            drop(values);
            return Ok(rt::none());
        };
        let slot = std::mem::replace(
            &mut values.downcast::<TupleObj>().expect("tuple").0.borrow_mut()[i],
            value,
        );
        drop(slot);
    }
    Ok(values)
}

/// MATCH_CLASS: if `subject` is an instance of `cls`, a tuple of the attributes the `nargs` positional
/// sub-patterns (through `__match_args__`) and the keyword sub-patterns (`names`, a tuple) match against;
/// None if it is not an instance or lacks one of them. Like CPython's `match_class`, it collects them in a
/// list (names seen in a set) and returns the list as a tuple.
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
    let cls_name = tp.name.borrow().clone();
    let seen = rt::set(false);
    let attrs = rt::list(Vec::new());
    let collected = collect_class_attrs(subject, cls, &cls_name, nargs, names, &seen, &attrs);
    let result = match collected {
        Ok(true) => {
            let items = attrs
                .downcast::<ListObj>()
                .expect("list")
                .0
                .borrow()
                .clone();
            Ok(rt::tuple(items))
        }
        Ok(false) => Ok(rt::none()),
        Err(e) => Err(e),
    };
    // CPython releases the set before the list on failure, the list first on success.
    if matches!(result, Ok(ref r) if !ops::is_none(r)) {
        drop(attrs);
        drop(seen);
    } else {
        drop(seen);
        drop(attrs);
    }
    result
}

/// Append the attributes for MATCH_CLASS to `attrs`; false when the subject lacks one.
fn collect_class_attrs(
    subject: &ObjRef,
    cls: &ObjRef,
    cls_name: &str,
    nargs: usize,
    names: &ObjRef,
    seen: &ObjRef,
    attrs: &ObjRef,
) -> PyResult<bool> {
    let push = |v: ObjRef| {
        let l = attrs.downcast::<ListObj>().expect("list");
        let n = l.0.borrow().len();
        l.0.borrow_mut().push(v);
        l.resized(n, n + 1);
    };
    if nargs > 0 {
        let (match_args, match_self) = match ops::getattr(cls, "__match_args__") {
            Ok(m) => match m.downcast::<TupleObj>() {
                Some(t) => (t.0.borrow().clone(), false),
                None => {
                    return Err(type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        cls_name,
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
                cls_name,
                allowed,
                if allowed == 1 { "" } else { "s" },
                nargs
            )));
        }
        if match_self {
            push(subject.clone());
        } else {
            for name in &match_args[..nargs] {
                if name.downcast::<StrObj>().is_none() {
                    return Err(type_error(format!(
                        "__match_args__ elements must be strings (got {})",
                        type_name(name)
                    )));
                }
                match match_class_attr(subject, cls_name, name, seen)? {
                    Some(a) => push(a),
                    None => return Ok(false),
                }
            }
        }
    }
    for name in ops::tuple_items(names).unwrap_or_default() {
        match match_class_attr(subject, cls_name, &name, seen)? {
            Some(a) => push(a),
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// One attribute for MATCH_CLASS: None when the subject lacks it; a TypeError when two sub-patterns
/// name it.
fn match_class_attr(
    subject: &ObjRef,
    cls_name: &str,
    name: &ObjRef,
    seen: &ObjRef,
) -> PyResult<Option<ObjRef>> {
    if seen_before(seen, name)? {
        return Err(type_error(format!(
            "{}() got multiple sub-patterns for attribute {}",
            cls_name,
            ops::repr(name)?
        )));
    }
    match ops::getattr(subject, ops::str_of(name).unwrap_or_default()) {
        Ok(v) => Ok(Some(v)),
        Err(e) if is_attribute_error(&e) => Ok(None),
        Err(e) => Err(e),
    }
}
