//! The object protocol: type lookup, attributes, truth, repr/str, hashing, comparison, arithmetic,
//! subscription, iteration and calls — with the same dispatch order as CPython's abstract layer.

use std::cell::RefCell;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive};
use refpy_heap::{ObjRef, VTable};

use crate::bytecode::{BinOp, CmpOp, UnOp};
use crate::exc::*;
use crate::objects::*;
use crate::rt::{self, rt};

// ---- types --------------------------------------------------------------------------------------

pub fn type_of(o: &ObjRef) -> ObjRef {
    let t = &rt().types;
    let vt = o.raw().vtable() as *const VTable;
    macro_rules! is {
        ($v:expr) => {
            std::ptr::eq(vt, &$v)
        };
    }
    if let Some(i) = o.downcast::<Instance>() {
        return i.cls.borrow().clone();
    }
    let r = if is!(INT_VT) {
        &t.int
    } else if is!(STR_VT) {
        &t.str_
    } else if is!(LIST_VT) || is!(LIST_VALUE_VT) {
        &t.list
    } else if is!(TUPLE_VT) || is!(TUPLE_VALUE_VT) {
        &t.tuple
    } else if is!(dict::DICT_VT) || is!(dict::DICT_VALUE_VT) {
        &t.dict
    } else if is!(NONE_VT) {
        &t.none_type
    } else if is!(BOOL_VT) {
        &t.bool_
    } else if is!(FLOAT_VT) {
        &t.float
    } else if is!(COMPLEX_VT) {
        &t.complex
    } else if is!(FUNCTION_VT) {
        &t.function
    } else if is!(TYPE_VT) {
        return metatype_of(o);
    } else if is!(STATIC_TYPE_VT) {
        &t.type_
    } else if is!(SET_VT) || is!(SET_VALUE_VT) {
        &t.set
    } else if is!(FROZENSET_VT) || is!(FROZENSET_VALUE_VT) {
        &t.frozenset
    } else if is!(BYTES_VT) {
        &t.bytes
    } else if is!(BYTEARRAY_VT) {
        &t.bytearray
    } else if is!(RANGE_VT) {
        &t.range
    } else if is!(METHOD_VT) {
        &t.method
    } else if is!(BUILTIN_VT) {
        let b = o.downcast::<BuiltinObj>().unwrap();
        match b.method.map(|m| m.carrier_type(b.self_obj.is_some())) {
            Some(name) if name != "builtin_function_or_method" => return rt::named_type(name),
            _ => &t.builtin,
        }
    } else if is!(GENERATOR_VT) {
        &t.generator
    } else if is!(CELL_VT) {
        &t.cell
    } else if is!(CODE_VT) {
        &t.code
    } else if is!(MODULE_VT) {
        &t.module
    } else if is!(SLICE_VT) {
        &t.slice
    } else if is!(PROPERTY_VT) {
        &t.property
    } else if is!(STATICMETHOD_VT) {
        &t.staticmethod
    } else if is!(CLASSMETHOD_VT) {
        &t.classmethod
    } else if is!(SUPER_VT) {
        &t.super_
    } else if is!(CLONG_VT) {
        &t.c_long
    } else if is!(FILE_VT) {
        &t.file
    } else if is!(NOTIMPL_VT) {
        &t.not_impl_type
    } else if is!(ELLIPSIS_VT) {
        &t.ellipsis_type
    } else if is!(crate::genericalias::GENERIC_ALIAS_VT) {
        return crate::genericalias::alias_type();
    } else if is!(GETSET_DESCR_VT) {
        return rt::named_type("getset_descriptor");
    } else if is!(MEMBER_DESCR_VT) {
        return rt::named_type("member_descriptor");
    } else if let Some(d) = o.downcast::<DictViewObj>() {
        match d.kind {
            0 => &t.dict_keys,
            1 => &t.dict_values,
            _ => &t.dict_items,
        }
    } else if let Some(w) = refpy_heap::weakref::as_weakref(o) {
        match w.kind() {
            refpy_heap::weakref::WeakKind::Ref => &t.weakref,
            refpy_heap::weakref::WeakKind::Proxy => {
                // A proxy to a callable is a CallableProxyType (decided by the referent, as at creation).
                let callable = refpy_heap::weakref::upgrade(o).is_some_and(|r| {
                    r.downcast::<FunctionObj>().is_some()
                        || r.downcast::<MethodObj>().is_some()
                        || r.downcast::<BuiltinObj>().is_some()
                        || r.downcast::<TypeObj>().is_some()
                        || (r.downcast::<Instance>().is_some()
                            && lookup_type(&type_of(&r), "__call__").is_some())
                });
                if callable {
                    return rt::named_type("CallableProxyType");
                }
                &t.weakproxy
            }
        }
    } else if is!(crate::traceback::TRACEBACK_VT) {
        return rt::named_type("traceback");
    } else if is!(crate::traceback::FRAME_VT) {
        return rt::named_type("frame");
    } else if is!(crate::modules::MT_VT) {
        return rt::named_type("_random.Random");
    } else if o.downcast::<IterObj>().is_some() {
        return rt::named_type(&type_name(o));
    } else {
        &t.iterator
    };
    r.clone()
}

/// The type of class `cls`: its metaclass, `type` unless a subclass of `type` made it.
#[inline(never)]
fn metatype_of(cls: &ObjRef) -> ObjRef {
    match cls.downcast::<TypeObj>().and_then(|t| t.metatype.clone()) {
        Some(m) => m,
        None => rt().types.type_.clone(),
    }
}

pub fn type_obj(t: &ObjRef) -> &TypeObj {
    t.downcast::<TypeObj>().expect("type object")
}

/// `type(o).__name__`.
pub fn type_name(o: &ObjRef) -> String {
    if let Some(d) = o.downcast::<IterObj>() {
        return match &*d.0.borrow() {
            // Over a Python class with only __getitem__: the generic "iterator".
            // 3.11 iterates a compact ASCII str (not a subclass instance) with its own iterator type.
            IterState::Seq { seq, .. }
                if seq.downcast::<StrObj>().is_some_and(|s| s.s.is_ascii()) =>
            {
                "str_ascii_iterator".into()
            }
            IterState::Seq { seq, .. } => match crate::attrs::base_ref(seq) {
                _ if seq.downcast::<Instance>().is_none() => format!("{}_iterator", type_name(seq)),
                Some(b) => format!("{}_iterator", type_name(b)),
                None => "iterator".into(),
            },
            IterState::SmallRange { .. } => "range_iterator".into(),
            IterState::Range { .. } => "longrange_iterator".into(),
            IterState::Reversed { seq, .. } if seq.downcast::<ListObj>().is_some() => {
                "list_reverseiterator".into()
            }
            // reversed() over any other sequence: the generic reversed object.
            IterState::Reversed { .. } => "reversed".into(),
            IterState::DictKeys { kind, .. } => [
                "dict_keyiterator",
                "dict_valueiterator",
                "dict_itemiterator",
            ][*kind as usize]
                .into(),
            IterState::Enumerate { .. } => "enumerate".into(),
            IterState::Zip { .. } => "zip".into(),
            IterState::Map { .. } => "map".into(),
            IterState::Filter { .. } => "filter".into(),
            IterState::Callable { .. } => "callable_iterator".into(),
            IterState::Set { .. } => "set_iterator".into(),
            IterState::Exhausted => "iterator".into(),
        };
    }
    let t = type_of(o);
    let name = type_obj(&t).name.borrow().clone();
    name
}

pub fn is_subtype(a: &ObjRef, b: &ObjRef) -> bool {
    if a.is(b) {
        return true;
    }
    match a.downcast::<TypeObj>() {
        Some(t) => t.with_mro(|mro| mro.iter().any(|m| m.is(b))),
        None => false,
    }
}

pub fn isinstance(o: &ObjRef, cls: &ObjRef) -> bool {
    is_subtype(&type_of(o), cls)
}

/// The vtable instances of `cls` get: with a finalizer if the class defines `__del__`.
pub fn instance_vtable(cls: &ObjRef) -> &'static VTable {
    if lookup_type(cls, "__del__").is_some() {
        &INSTANCE_DEL_VT
    } else if !type_obj(cls).weakrefable.get() {
        &INSTANCE_NOWEAK_VT
    } else {
        &INSTANCE_VT
    }
}

/// Find `name` along the mro of `cls`.
// Inlined so that the hash of a literal name folds to a constant.
#[inline]
pub fn lookup_type(cls: &ObjRef, name: &str) -> Option<ObjRef> {
    let t = cls.downcast::<TypeObj>()?;
    let hash = str_hash(name);
    t.attr_cache.cached(hash, name, || {
        // Holding the mro borrow is fine: str-keyed lookups run no user code.
        t.with_mro(|mro| {
            mro.iter()
                .find_map(|c| dict_table(&type_obj(c).dict).borrow().get_str(hash, name))
        })
    })
}

// The value accessors below accept instances of subclasses (their built-in value), as CPython's
// PyLong_Check/PyUnicode_Check/PyTuple_Check… do; protocols that a subclass may override (operators, hash,
// len, repr…) look for the override before they reach these.

pub fn tuple_items(o: &ObjRef) -> Option<Vec<ObjRef>> {
    let o = crate::attrs::unwrap_base(o);
    o.downcast::<TupleObj>().map(|t| t.0.borrow().clone())
}

pub fn str_of(o: &ObjRef) -> Option<&str> {
    let o = crate::attrs::unwrap_base(o);
    o.downcast::<StrObj>().map(|s| s.s.as_str())
}

pub fn as_bigint(o: &ObjRef) -> Option<BigInt> {
    let o = crate::attrs::unwrap_base(o);
    if let Some(i) = o.downcast::<IntObj>() {
        return Some(i.to_bigint());
    }
    o.downcast::<BoolObj>().map(|b| BigInt::from(b.0 as i64))
}

/// The value of an int that fits in an `i64`, without building a `BigInt` (not bools: their `&|^` differ).
#[inline]
pub fn small_int(o: &ObjRef) -> Option<i64> {
    o.downcast::<IntObj>().and_then(IntObj::small)
}

/// The bytes of a `bytes` or `bytearray`.
pub fn bytes_of(o: &ObjRef) -> Option<Vec<u8>> {
    let o = crate::attrs::unwrap_base(o);
    if let Some(b) = o.downcast::<BytesObj>() {
        return Some(b.0.clone());
    }
    o.downcast::<ByteArrayObj>().map(|b| b.0.borrow().clone())
}

pub fn as_i64(o: &ObjRef) -> Option<i64> {
    let o = crate::attrs::unwrap_base(o);
    if let Some(i) = o.downcast::<IntObj>() {
        // A `Big` int never fits in an i64.
        return i.small();
    }
    o.downcast::<BoolObj>().map(|b| b.0 as i64)
}

pub fn as_f64(o: &ObjRef) -> Option<f64> {
    if let Some(f) = crate::attrs::unwrap_base(o).downcast::<FloatObj>() {
        return Some(f.0);
    }
    if let Some(i) = as_i64(o) {
        return Some(i as f64);
    }
    as_bigint(o).and_then(|b| b.to_f64())
}

/// The referent of a `weakref.proxy` (operations on a proxy act on it), or ReferenceError if dead.
pub fn proxy_target(o: &ObjRef) -> Option<PyResult<ObjRef>> {
    let w = refpy_heap::weakref::as_weakref(o)?;
    if w.kind() != refpy_heap::weakref::WeakKind::Proxy {
        return None;
    }
    Some(refpy_heap::weakref::upgrade(o).ok_or_else(|| {
        err(
            &rt().types.reference_error,
            "weakly-referenced object no longer exists",
        )
    }))
}

pub fn is_none(o: &ObjRef) -> bool {
    o.is(&rt().none)
}

/// An integer argument, with CPython's TypeError text for other types.
/// An int, or the result of `__index__` for instances defining it.
pub fn as_index(o: &ObjRef) -> PyResult<Option<BigInt>> {
    if let Some(i) = as_bigint(o) {
        return Ok(Some(i));
    }
    if has_python_class(o) {
        if let Some(r) = call_special(o, "__index__", vec![])? {
            return match as_bigint(&r) {
                Some(i) => Ok(Some(i)),
                None => Err(type_error(format!(
                    "__index__ returned non-int (type {})",
                    type_name(&r)
                ))),
            };
        }
    }
    Ok(None)
}

pub fn index_arg(o: &ObjRef) -> PyResult<i64> {
    if let Some(i) = as_i64(o) {
        return Ok(i);
    }
    if let Some(i) = as_index(o)? {
        return i.to_i64().ok_or_else(|| {
            err(
                &rt().types.index_error,
                "cannot fit 'int' into an index-sized integer",
            )
        });
    }
    Err(type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        type_name(o)
    )))
}

// ---- dict helpers -------------------------------------------------------------------------------

pub fn dict_table(d: &ObjRef) -> &RefCell<Table> {
    &d.downcast::<DictObj>().expect("dict").0
}

pub fn dict_get_str(d: &ObjRef, name: &str) -> Option<ObjRef> {
    let v = dict_table(d).borrow().get_str(str_hash(name), name);
    v
}

pub fn dict_set_str(d: &ObjRef, name: &str, v: ObjRef) {
    let _ = dict_set(d, rt::intern(name), v);
}

/// `d[k] = v`, tracking the dict when a container goes in (CPython's MAINTAIN_TRACKING).
pub fn dict_set(d: &ObjRef, k: ObjRef, v: ObjRef) -> PyResult<()> {
    let own_object = !std::ptr::eq(d.raw().vtable(), &dict::DICT_VALUE_VT);
    if own_object && (may_be_tracked(&k) || may_be_tracked(&v)) {
        d.track();
    }
    dict::insert(dict_table(d), k, Some(v))
}

fn may_be_tracked(o: &ObjRef) -> bool {
    o.raw().vtable().gc_capable && (o.downcast::<TupleObj>().is_none() || o.is_tracked())
}

pub fn dict_del_str(d: &ObjRef, name: &str) -> Option<ObjRef> {
    let key = rt::intern(name);
    dict::remove(dict_table(d), &key)
        .ok()
        .flatten()
        .and_then(|e| e.value)
}

/// Whether `PyDict_Update` reads `o` through `keys()` and subscription rather than its table: anything
/// but a dict, or a dict subclass with an `__iter__` of its own.
pub fn updates_through_keys(o: &ObjRef) -> bool {
    if crate::attrs::unwrap_base(o).downcast::<DictObj>().is_none() {
        return true;
    }
    type_obj(&type_of(o)).with_mro(|mro| {
        mro.iter()
            .take_while(|c| type_obj(c).builtin.is_none())
            .any(|c| dict_get_str(&type_obj(c).dict, "__iter__").is_some())
    })
}

/// `PyDict_Update(d, o)` for a mapping that is not read as a dict: `for k in o.keys(): d[k] = o[k]`.
pub fn update_through_keys(d: &ObjRef, o: &ObjRef) -> PyResult<()> {
    let Some(keys) = getattr_opt(o, "keys")? else {
        return Err(type_error(format!(
            "'{}' object is not a mapping",
            type_name(o)
        )));
    };
    let keys = call(&keys, vec![], vec![])?;
    let it = get_iter(&keys)?;
    while let Some(k) = next(&it)? {
        let v = getitem(o, &k)?;
        dict_set(d, k, v)?;
    }
    Ok(())
}

pub fn dict_items(d: &ObjRef) -> Vec<(ObjRef, ObjRef)> {
    dict::snapshot(dict_table(d))
        .into_iter()
        .map(|e| (e.key, e.value.unwrap_or_else(rt::none)))
        .collect()
}

// ---- truth, repr, str ---------------------------------------------------------------------------

pub fn truthy(o: &ObjRef) -> PyResult<bool> {
    // Built-in values first (a proxy is none of them).
    if let Some(b) = o.downcast::<BoolObj>() {
        return Ok(b.0);
    }
    if let Some(t) = proxy_target(o) {
        return truthy(&t?);
    }
    if is_none(o) {
        return Ok(false);
    }
    if let Some(i) = o.downcast::<IntObj>() {
        // A `Big` int is never zero.
        return Ok(i.small() != Some(0));
    }
    if let Some(f) = o.downcast::<FloatObj>() {
        return Ok(f.0 != 0.0);
    }
    if let Some(c) = o.downcast::<ComplexObj>() {
        return Ok(c.0 != 0.0 || c.1 != 0.0);
    }
    if let Some(s) = o.downcast::<StrObj>() {
        return Ok(!s.s.is_empty());
    }
    if let Some(l) = o.downcast::<ListObj>() {
        return Ok(!l.0.borrow().is_empty());
    }
    if let Some(l) = o.downcast::<TupleObj>() {
        return Ok(!l.0.borrow().is_empty());
    }
    if let Some(d) = o.downcast::<DictObj>() {
        return Ok(d.0.borrow().len > 0);
    }
    if let Some(s) = o.downcast::<SetObj>() {
        return Ok(s.table.borrow().len > 0);
    }
    if let Some(b) = bytes_of(o) {
        return Ok(!b.is_empty());
    }
    if o.downcast::<RangeObj>().is_some() || o.downcast::<DictViewObj>().is_some() {
        return Ok(len(o)? > 0);
    }
    if has_python_class(o) {
        if let Some(r) = call_special(o, "__bool__", vec![])? {
            return match r.downcast::<BoolObj>() {
                Some(b) => Ok(b.0),
                None => Err(type_error(format!(
                    "__bool__ should return bool, returned {}",
                    type_name(&r)
                ))),
            };
        }
        if let Some(r) = call_special(o, "__len__", vec![])? {
            return Ok(index_arg(&r)? != 0);
        }
        if let Some(b) = crate::attrs::base_value(o) {
            return truthy(&b);
        }
    }
    Ok(true)
}

/// Call a special method found on the type (not the instance), if defined.
pub fn call_special(o: &ObjRef, name: &str, args: Vec<ObjRef>) -> PyResult<Option<ObjRef>> {
    let cls = type_of(o);
    if type_obj(&cls).builtin.is_some() && o.downcast::<Instance>().is_none() {
        return Ok(None);
    }
    let Some(f) = lookup_type(&cls, name) else {
        return Ok(None);
    };
    let mut full = vec![o.clone()];
    full.extend(args);
    call_descr(&f, o, full).map(Some)
}

/// Call an attribute found on a type as a method of `o` (handles static/class methods).
fn call_descr(f: &ObjRef, o: &ObjRef, args: Vec<ObjRef>) -> PyResult<ObjRef> {
    if let Some(d) = f.downcast::<DescrObj>() {
        match d {
            DescrObj::Static(f) => return call(f, args[1..].to_vec(), vec![]),
            DescrObj::Class(f) => {
                let mut a = vec![type_of(o)];
                a.extend(args[1..].iter().cloned());
                return call(f, a, vec![]);
            }
            _ => {}
        }
    }
    call(f, args, vec![])
}

/// Guard for recursive reprs and deep recursion through Rust code.
pub fn check_stack(what: &str) -> PyResult<()> {
    let r = rt();
    let here = 0u8;
    let addr = &here as *const u8 as usize;
    let base = r.stack_base.get();
    if base != 0 && base.saturating_sub(addr) > crate::STACK_SIZE - 2 * 1024 * 1024 {
        return Err(recursion_error(&format!(
            "maximum recursion depth exceeded{}",
            what
        )));
    }
    if r.depth.get() > r.recursion_limit.get() {
        return Err(recursion_error(&format!(
            "maximum recursion depth exceeded{}",
            what
        )));
    }
    Ok(())
}

/// Decimal text of an int, with CPython 3.11's 4300-digit limit (sys.set_int_max_str_digits).
pub fn int_to_decimal(i: &BigInt) -> PyResult<String> {
    // 4300 digits need at most 14285 bits; anything longer is refused before the (slow) conversion.
    if i.bits() > 14_300 {
        return Err(value_error(
            "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
        ));
    }
    let s = i.to_string();
    if s.trim_start_matches('-').len() > 4300 {
        return Err(value_error(
            "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
        ));
    }
    Ok(s)
}

pub fn repr(o: &ObjRef) -> PyResult<String> {
    if let Some(s) = o.downcast::<StrObj>() {
        return Ok(crate::format::str_repr(&s.s));
    }
    if let Some(i) = o.downcast::<IntObj>() {
        return match i {
            IntObj::Small(v) => Ok(v.to_string()),
            IntObj::Big(b) => int_to_decimal(b),
        };
    }
    if let Some(b) = o.downcast::<BoolObj>() {
        return Ok(if b.0 { "True" } else { "False" }.into());
    }
    if is_none(o) {
        return Ok("None".into());
    }
    if let Some(f) = o.downcast::<FloatObj>() {
        return Ok(crate::format::float_repr(f.0));
    }
    if let Some(c) = o.downcast::<ComplexObj>() {
        return Ok(crate::format::complex_repr(c.0, c.1));
    }
    let r = rt();
    r.depth.set(r.depth.get() + 1);
    let res = check_stack(" while getting the repr of an object").and_then(|_| repr_inner(o));
    r.depth.set(r.depth.get() - 1);
    res
}

/// `type.__repr__`: `<class 'module.qualname'>` (no module for built-in types).
pub fn type_repr(o: &ObjRef) -> String {
    let t = type_obj(o);
    let name = t.qualname.borrow().clone();
    match t.builtin {
        Some(_) if !name.contains('.') && !is_subtype(o, &rt().types.base_exception) => {
            // A built-in type outside builtins (types.GenericAlias) names its module.
            match dict_get_str(&t.dict, "__module__").and_then(|m| str_of(&m).map(str::to_string)) {
                Some(module) => format!("<class '{}.{}'>", module, name),
                None => format!("<class '{}'>", name),
            }
        }
        Some(_) => format!("<class '{}'>", name),
        None => {
            let module = dict_get_str(&t.dict, "__module__")
                .and_then(|m| str_of(&m).map(str::to_string))
                .unwrap_or_else(|| "__main__".into());
            format!("<class '{}.{}'>", module, name)
        }
    }
}

/// The result of a `__repr__` defined in Python on `o`'s class.
fn user_repr(o: &ObjRef) -> PyResult<Option<String>> {
    let Some(r) = call_special(o, "__repr__", vec![])? else {
        return Ok(None);
    };
    match str_of(&r) {
        Some(s) => Ok(Some(s.to_string())),
        None => Err(type_error(format!(
            "__repr__ returned non-string (type {})",
            type_name(&r)
        ))),
    }
}

/// Whether `o`'s class is written in Python, so its special methods may be too: an instance of a Python
/// class, or a class whose metaclass is one.
#[inline]
pub fn has_python_class(o: &ObjRef) -> bool {
    o.downcast::<Instance>().is_some()
        || o.downcast::<TypeObj>()
            .is_some_and(|t| t.metatype.is_some())
}

fn repr_inner(o: &ObjRef) -> PyResult<String> {
    let r = rt();
    let is_container = o.downcast::<ListObj>().is_some()
        || o.downcast::<DictObj>().is_some()
        || o.downcast::<TupleObj>().is_some()
        || o.downcast::<SetObj>().is_some();
    if is_container {
        if r.repr_stack.borrow().contains(&o.addr()) {
            return Ok(if o.downcast::<ListObj>().is_some() {
                "[...]"
            } else if o.downcast::<DictObj>().is_some() {
                "{...}"
            } else if o.downcast::<TupleObj>().is_some() {
                "(...)"
            } else {
                "set(...)"
            }
            .into());
        }
        r.repr_stack.borrow_mut().push(o.addr());
        let res = container_repr(o);
        r.repr_stack.borrow_mut().pop();
        return res;
    }
    if let Some(b) = o.downcast::<BytesObj>() {
        return Ok(crate::format::bytes_repr(&b.0));
    }
    if let Some(b) = o.downcast::<ByteArrayObj>() {
        return Ok(format!(
            "bytearray({})",
            crate::format::bytes_repr(&b.0.borrow())
        ));
    }
    if let Some(t) = o.downcast::<TypeObj>() {
        if t.metatype.is_some() {
            if let Some(s) = user_repr(o)? {
                return Ok(s);
            }
        }
        return Ok(type_repr(o));
    }
    if let Some(d) = o.downcast::<SlotDescrObj>() {
        let kind = match d {
            SlotDescrObj::GetSet { .. } => "attribute",
            SlotDescrObj::Member { .. } => "member",
        };
        let owner = type_obj(d.owner()).name.borrow().clone();
        return Ok(format!("<{} '{}' of '{}' objects>", kind, d.name(), owner));
    }
    if let Some(rg) = o.downcast::<RangeObj>() {
        return Ok(if rg.step == BigInt::from(1) {
            format!("range({}, {})", rg.start, rg.stop)
        } else {
            format!("range({}, {}, {})", rg.start, rg.stop, rg.step)
        });
    }
    if let Some(f) = o.downcast::<FunctionObj>() {
        return Ok(format!(
            "<function {} at {:#x}>",
            f.qualname.borrow(),
            o.addr()
        ));
    }
    if let Some(b) = o.downcast::<BuiltinObj>() {
        if let Some(m) = b.method {
            match (m.carrier_type(b.self_obj.is_some()), &b.self_obj) {
                ("method-wrapper", Some(s)) => {
                    return Ok(format!(
                        "<method-wrapper '{}' of {} object at {:#x}>",
                        b.name,
                        type_name(s),
                        s.addr()
                    ))
                }
                ("wrapper_descriptor", _) => {
                    return Ok(format!(
                        "<slot wrapper '{}' of '{}' objects>",
                        b.name, m.table.type_name
                    ))
                }
                ("method_descriptor", _) => {
                    return Ok(format!(
                        "<method '{}' of '{}' objects>",
                        b.name, m.table.type_name
                    ))
                }
                _ => {}
            }
        }
        return Ok(match &b.self_obj {
            Some(s) if s.downcast::<ModuleObj>().is_none() => format!(
                "<built-in method {} of {} object at {:#x}>",
                b.name,
                type_name(s),
                s.addr()
            ),
            _ => format!("<built-in function {}>", b.name),
        });
    }
    if let Some(m) = o.downcast::<MethodObj>() {
        let fname = m
            .func
            .downcast::<FunctionObj>()
            .map(|f| f.qualname.borrow().clone())
            .unwrap_or_default();
        return Ok(format!(
            "<bound method {} of {}>",
            fname,
            repr(&m.self_obj)?
        ));
    }
    if let Some(m) = o.downcast::<ModuleObj>() {
        return Ok(format!("<module '{}' (built-in)>", m.name));
    }
    if let Some(g) = o.downcast::<crate::genericalias::GenericAliasObj>() {
        return crate::genericalias::repr(g);
    }
    if let Some(s) = o.downcast::<SliceObj>() {
        return Ok(format!(
            "slice({}, {}, {})",
            repr(&s.0)?,
            repr(&s.1)?,
            repr(&s.2)?
        ));
    }
    if let Some(g) = o.downcast::<GeneratorObj>() {
        return Ok(format!(
            "<generator object {} at {:#x}>",
            g.qualname,
            o.addr()
        ));
    }
    if let Some(c) = o.downcast::<CLongObj>() {
        return Ok(format!("c_long({})", clong_value(c)));
    }
    if o.downcast::<NotImplementedObj>().is_some() {
        return Ok("NotImplemented".into());
    }
    if o.downcast::<EllipsisObj>().is_some() {
        return Ok("Ellipsis".into());
    }
    if let Some(v) = o.downcast::<DictViewObj>() {
        let name = ["dict_keys", "dict_values", "dict_items"][v.kind as usize];
        let items = iterate(o)?;
        let parts: PyResult<Vec<String>> = items.iter().map(repr).collect();
        return Ok(format!("{}([{}])", name, parts?.join(", ")));
    }
    if let Some(w) = refpy_heap::weakref::as_weakref(o) {
        return Ok(match w.referent() {
            Some(r) => {
                // SAFETY: a weakref's referent is live while set.
                let target = unsafe { ObjRef::from_borrowed(r) };
                match w.kind() {
                    refpy_heap::weakref::WeakKind::Ref => format!(
                        "<weakref at {:#x}; to '{}' at {:#x}>",
                        o.addr(),
                        type_name(&target),
                        target.addr()
                    ),
                    refpy_heap::weakref::WeakKind::Proxy => {
                        return repr(&target);
                    }
                }
            }
            None => format!("<weakref at {:#x}; dead>", o.addr()),
        });
    }
    if let Some(b) = crate::attrs::base_ref(o) {
        if lookup_type(&type_of(o), "__repr__").is_none() {
            // set_repr and bytearray_repr name a subclass: `MySet({1, 2})`, `MySet()`, `B(b'..')`; other
            // built-ins print their value.
            if let Some(ba) = b.downcast::<ByteArrayObj>() {
                return Ok(format!(
                    "{}({})",
                    type_name(o),
                    crate::format::bytes_repr(&ba.0.borrow())
                ));
            }
            if let Some(set) = b.downcast::<SetObj>() {
                if set.table.borrow().len == 0 {
                    return Ok(format!("{}()", type_name(o)));
                }
                let items: PyResult<Vec<String>> = set_items(b).iter().map(repr).collect();
                return Ok(format!("{}({{{}}})", type_name(o), items?.join(", ")));
            }
            return repr(b);
        }
    }
    if let Some(i) = o.downcast::<Instance>() {
        if let Some(s) = user_repr(o)? {
            return Ok(s);
        }
        if i.exc.is_some() {
            let args = exc_args(o);
            let name = type_name(o);
            let inner = if args.len() == 1 {
                repr(&args[0])?
            } else {
                let parts: PyResult<Vec<String>> = args.iter().map(repr).collect();
                parts?.join(", ")
            };
            return Ok(format!("{}({})", name, inner));
        }
        let cls = type_of(o);
        let module = dict_get_str(&type_obj(&cls).dict, "__module__")
            .and_then(|m| str_of(&m).map(str::to_string))
            .unwrap_or_else(|| "__main__".into());
        return Ok(format!(
            "<{}.{} object at {:#x}>",
            module,
            type_obj(&cls).qualname.borrow(),
            o.addr()
        ));
    }
    Ok(format!("<{} object at {:#x}>", type_name(o), o.addr()))
}

fn container_repr(o: &ObjRef) -> PyResult<String> {
    if let Some(l) = o.downcast::<ListObj>() {
        let items = l.0.borrow().clone();
        let parts: PyResult<Vec<String>> = items.iter().map(repr).collect();
        return Ok(format!("[{}]", parts?.join(", ")));
    }
    if let Some(t) = o.downcast::<TupleObj>() {
        let items = t.0.borrow().clone();
        let parts: PyResult<Vec<String>> = items.iter().map(repr).collect();
        let parts = parts?;
        return Ok(if parts.len() == 1 {
            format!("({},)", parts[0])
        } else {
            format!("({})", parts.join(", "))
        });
    }
    if let Some(d) = o.downcast::<DictObj>() {
        let entries = dict::snapshot(&d.0);
        let mut parts = Vec::new();
        for e in entries {
            parts.push(format!(
                "{}: {}",
                repr(&e.key)?,
                repr(&e.value.unwrap_or_else(rt::none))?
            ));
        }
        return Ok(format!("{{{}}}", parts.join(", ")));
    }
    if let Some(s) = o.downcast::<SetObj>() {
        let items = set_items(o);
        let parts: PyResult<Vec<String>> = items.iter().map(repr).collect();
        let parts = parts?;
        let _ = s;
        return Ok(if o.downcast::<SetObj>().unwrap().frozen {
            if parts.is_empty() {
                "frozenset()".into()
            } else {
                format!("frozenset({{{}}})", parts.join(", "))
            }
        } else if parts.is_empty() {
            "set()".into()
        } else {
            format!("{{{}}}", parts.join(", "))
        });
    }
    Ok(String::new())
}

/// Items of a set in CPython's iteration order: the slot order of the modelled table (`sizes::SetTable`), or
/// a replay of the insertions when no model covers every key.
pub fn set_items(o: &ObjRef) -> Vec<ObjRef> {
    let s = o.downcast::<SetObj>().expect("set");
    if let Some(items) = crate::sizes::set_slot_order(&s.table.borrow()) {
        return items;
    }
    let entries = dict::snapshot(&s.table);
    crate::setorder::order(entries)
}

/// `type(o).__str__(o)` for an instance of a Python class that defines it, checked to return a str.
fn instance_str(o: &ObjRef) -> PyResult<Option<ObjRef>> {
    match call_special(o, "__str__", vec![])? {
        Some(r) if str_of(&r).is_none() => Err(type_error(format!(
            "__str__ returned non-string (type {})",
            type_name(&r)
        ))),
        r => Ok(r),
    }
}

/// `str(o)` as an object, as `print` passes it to `write`: a str is itself and `__str__`'s result is
/// passed on as returned (both can be held by stdout, see [`rt::write_out_str`]).
pub fn str_object(o: &ObjRef) -> PyResult<ObjRef> {
    if o.downcast::<StrObj>().is_some() {
        return Ok(o.clone());
    }
    if has_python_class(o) {
        if let Some(r) = instance_str(o)? {
            return Ok(r);
        }
    }
    Ok(rt::string(str_(o)?))
}

pub fn str_(o: &ObjRef) -> PyResult<String> {
    if let Some(t) = proxy_target(o) {
        return str_(&t?);
    }
    if let Some(s) = o.downcast::<StrObj>() {
        return Ok(s.s.clone());
    }
    if has_python_class(o) {
        if let Some(r) = instance_str(o)? {
            return Ok(str_of(&r).unwrap_or_default().to_string());
        }
    }
    if let Some(i) = o.downcast::<Instance>() {
        if i.exc.is_some() {
            if let Some(s) = crate::exc::syntax_error_str(o) {
                return Ok(s);
            }
            let args = exc_args(o);
            return match args.len() {
                0 => Ok(String::new()),
                1 => {
                    if isinstance(o, &rt().types.key_error) {
                        repr(&args[0])
                    } else {
                        str_(&args[0])
                    }
                }
                _ => repr(&rt::tuple(args)),
            };
        }
        // str's and bytes' own __str__ ignore a subclass's __repr__; other built-ins' str is their repr.
        if let Some(b) = &i.base {
            if let Some(s) = b.downcast::<StrObj>() {
                return Ok(s.s.clone());
            }
            if b.downcast::<BytesObj>().is_some() {
                return repr(b);
            }
        }
    }
    repr(o)
}

// ---- hashing and equality -----------------------------------------------------------------------

const MODULUS: i64 = (1 << 61) - 1;

#[inline]
pub fn str_hash(s: &str) -> i64 {
    // FNV-1a: deterministic; CPython's string hashes are randomised, so programs never print them.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    let h = (h >> 1) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash()` of an int that fits in an `i64`: CPython's value, sign(i) · (|i| mod 2^61−1), −1 → −2.
pub fn small_int_hash(i: i64) -> i64 {
    let r = (i.unsigned_abs() % MODULUS as u64) as i64;
    let r = if i < 0 { -r } else { r };
    if r == -1 {
        -2
    } else {
        r
    }
}

pub fn int_hash(i: &BigInt) -> i64 {
    let m = BigInt::from(MODULUS);
    let r = i.abs().mod_floor(&m).to_i64().unwrap();
    let r = if i.is_negative() { -r } else { r };
    if r == -1 {
        -2
    } else {
        r
    }
}

pub fn float_hash(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    if f.fract() == 0.0 && f.abs() < 9.2e18 {
        return small_int_hash(f as i64);
    }
    // Non-integral floats: CPython's algorithm over the mantissa bits.
    let (mut m, mut e) = frexp(f.abs());
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS as u64) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS as u64 {
            x -= MODULUS as u64;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    x = ((x << e) & MODULUS as u64) | (x >> (61 - e));
    let mut r = x as i64;
    if f < 0.0 {
        r = -r;
    }
    if r == -1 {
        -2
    } else {
        r
    }
}

fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 {
        return (0.0, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(f * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

pub fn hash(o: &ObjRef) -> PyResult<i64> {
    if let Some(s) = o.downcast::<StrObj>() {
        if let Some(h) = s.hash.get() {
            return Ok(h);
        }
        let h = str_hash(&s.s);
        s.hash.set(Some(h));
        return Ok(h);
    }
    if let Some(i) = o.downcast::<IntObj>() {
        return Ok(match i {
            IntObj::Small(v) => small_int_hash(*v),
            IntObj::Big(b) => int_hash(b),
        });
    }
    if let Some(b) = o.downcast::<BoolObj>() {
        return Ok(b.0 as i64);
    }
    if let Some(f) = o.downcast::<FloatObj>() {
        return Ok(float_hash(f.0));
    }
    if let Some(c) = o.downcast::<ComplexObj>() {
        return Ok(crate::complex::hash(c.0, c.1));
    }
    if let Some(t) = o.downcast::<TupleObj>() {
        // CPython's xxHash-based tuple hash.
        let items = t.0.borrow().clone();
        let mut acc: u64 = 2870177450012600261;
        for it in &items {
            let lane = hash(it)? as u64;
            acc = acc.wrapping_add(lane.wrapping_mul(14029467366897019727));
            acc = acc.rotate_left(31);
            acc = acc.wrapping_mul(11400714785074694791);
        }
        acc = acc.wrapping_add((items.len() as u64) ^ (2870177450012600261 ^ 3527539));
        if acc == u64::MAX {
            return Ok(1546275796);
        }
        return Ok(acc as i64);
    }
    if let Some(b) = o.downcast::<BytesObj>() {
        return Ok(str_hash(&String::from_utf8_lossy(&b.0)));
    }
    if o.downcast::<ListObj>().is_some()
        || o.downcast::<ByteArrayObj>().is_some()
        || o.downcast::<DictObj>().is_some()
        || o.downcast::<SetObj>().is_some_and(|s| !s.frozen)
    {
        return Err(type_error(format!("unhashable type: '{}'", type_name(o))));
    }
    if let Some(s) = o.downcast::<SetObj>() {
        let mut h: i64 = 0;
        for e in dict::snapshot(&s.table) {
            h ^= e.hash.wrapping_mul(3644798167);
        }
        return Ok(h);
    }
    if has_python_class(o) {
        let cls = type_of(o);
        if let Some(h) = lookup_type(&cls, "__hash__") {
            if is_none(&h) {
                return Err(type_error(format!("unhashable type: '{}'", type_name(o))));
            }
            let r = call(&h, vec![o.clone()], vec![])?;
            return match as_bigint(&r) {
                Some(i) => Ok(int_hash(&i)),
                None => Err(type_error("__hash__ method should return an integer")),
            };
        }
        if lookup_type(&cls, "__eq__").is_some() {
            return Err(type_error(format!("unhashable type: '{}'", type_name(o))));
        }
        if let Some(b) = crate::attrs::base_ref(o) {
            if is_mutable_value(b) {
                return Err(type_error(format!("unhashable type: '{}'", type_name(o))));
            }
            return hash(b);
        }
    }
    if let Some(w) = refpy_heap::weakref::as_weakref(o) {
        if let Some(h) = w.hash_cache.get() {
            return Ok(h as i64);
        }
        let Some(target) = refpy_heap::weakref::upgrade(o) else {
            return Err(type_error("weak object has gone away"));
        };
        let h = hash(&target)?;
        w.hash_cache.set(Some(h as isize));
        return Ok(h);
    }
    // Identity hash: the address rotated by 4 bits, as CPython's `_Py_HashPointer`.
    let a = o.addr() as u64;
    Ok(((a >> 4) | (a << 60)) as i64)
}

/// list, dict, set and bytearray values: unhashable, and changed in place by `+=`, `|=`….
fn is_mutable_value(o: &ObjRef) -> bool {
    o.downcast::<ListObj>().is_some()
        || o.downcast::<DictObj>().is_some()
        || o.downcast::<ByteArrayObj>().is_some()
        || o.downcast::<SetObj>().is_some_and(|s| !s.frozen)
}

pub fn eq_bool(a: &ObjRef, b: &ObjRef) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    let r = compare(a, b, CmpOp::Eq)?;
    truthy(&r)
}

fn seq_items(o: &ObjRef) -> Option<Vec<ObjRef>> {
    if let Some(l) = o.downcast::<ListObj>() {
        return Some(l.0.borrow().clone());
    }
    tuple_items(o)
}

fn cmp_name(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
        CmpOp::Eq => "==",
        CmpOp::Ne => "!=",
        CmpOp::Gt => ">",
        CmpOp::Ge => ">=",
    }
}

fn swapped(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        o => o,
    }
}

fn dunder_cmp(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "__lt__",
        CmpOp::Le => "__le__",
        CmpOp::Eq => "__eq__",
        CmpOp::Ne => "__ne__",
        CmpOp::Gt => "__gt__",
        CmpOp::Ge => "__ge__",
    }
}

fn ord_result<T: PartialOrd>(a: T, b: T, op: CmpOp) -> bool {
    match op {
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
    }
}

/// Built-in comparison for built-in types; `None` when not supported.
pub fn builtin_compare(a: &ObjRef, b: &ObjRef, op: CmpOp) -> PyResult<Option<bool>> {
    let is_container = |o: &ObjRef| {
        o.downcast::<ListObj>().is_some()
            || o.downcast::<TupleObj>().is_some()
            || o.downcast::<DictObj>().is_some()
    };
    if !(is_container(a) && is_container(b)) {
        return builtin_compare_inner(a, b, op);
    }
    // Comparing containers recurses into their items: like CPython's Py_EnterRecursiveCall(" in comparison"),
    // each level counts against the recursion limit, so no nesting depth can overflow the Rust stack.
    let r = rt();
    r.depth.set(r.depth.get() + 1);
    let result = check_stack(" in comparison").and_then(|_| builtin_compare_inner(a, b, op));
    r.depth.set(r.depth.get() - 1);
    result
}

fn builtin_compare_inner(a: &ObjRef, b: &ObjRef, op: CmpOp) -> PyResult<Option<bool>> {
    let ca = a.downcast::<ComplexObj>().map(|c| (c.0, c.1));
    let cb = b.downcast::<ComplexObj>().map(|c| (c.0, c.1));
    if (ca.is_some() || cb.is_some()) && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        let x = ca.or_else(|| as_f64(a).map(|f| (f, 0.0)));
        let y = cb.or_else(|| as_f64(b).map(|f| (f, 0.0)));
        if let (Some(x), Some(y)) = (x, y) {
            return Ok(Some((x == y) == (op == CmpOp::Eq)));
        }
    }
    if let (Some(x), Some(y)) = (as_bigint(a), as_bigint(b)) {
        return Ok(Some(ord_result(x, y, op)));
    }
    if let (Some(x), Some(y)) = (as_f64(a), as_f64(b)) {
        let (fa, fb) = (
            a.downcast::<FloatObj>().is_some(),
            b.downcast::<FloatObj>().is_some(),
        );
        if fa != fb {
            // int vs float compares exactly (2**53 + 1 != float(2**53)).
            let (f, i, flipped) = if fa {
                (x, as_bigint(b).unwrap(), false)
            } else {
                (y, as_bigint(a).unwrap(), true)
            };
            if f.is_infinite() {
                use std::cmp::Ordering;
                let ord = if f > 0.0 {
                    Ordering::Greater
                } else {
                    Ordering::Less
                };
                let ord = if flipped { ord.reverse() } else { ord };
                return Ok(Some(ord_result(ord, Ordering::Equal, op)));
            }
            if f.is_finite() {
                use std::cmp::Ordering;
                let fl = f.floor();
                let fi = <BigInt as num_traits::FromPrimitive>::from_f64(fl).unwrap_or_default();
                let ord = match fi.cmp(&i) {
                    Ordering::Equal if f > fl => Ordering::Greater,
                    o => o,
                };
                // `ord` compares the float to the int; flip when the float is on the right.
                let ord = if flipped { ord.reverse() } else { ord };
                return Ok(Some(ord_result(ord, Ordering::Equal, op)));
            }
        }
        if fa || fb {
            return Ok(Some(ord_result(x, y, op)));
        }
    }
    if let (Some(x), Some(y)) = (str_of(a), str_of(b)) {
        return Ok(Some(ord_result(x, y, op)));
    }
    if let (Some(x), Some(y)) = (bytes_of(a), bytes_of(b)) {
        return Ok(Some(ord_result(&x, &y, op)));
    }
    if let (Some(x), Some(y)) = (a.downcast::<BuiltinObj>(), b.downcast::<BuiltinObj>()) {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            // meth_richcompare: the same function bound to the same object.
            let same_self = match (&x.self_obj, &y.self_obj) {
                (Some(p), Some(q)) => p.is(q),
                (None, None) => true,
                _ => false,
            };
            let same = same_self && x.name == y.name && std::ptr::fn_addr_eq(x.f, y.f);
            return Ok(Some(same == (op == CmpOp::Eq)));
        }
    }
    if let (Some(x), Some(y)) = (
        a.downcast::<crate::genericalias::GenericAliasObj>(),
        b.downcast::<crate::genericalias::GenericAliasObj>(),
    ) {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return Ok(Some(crate::genericalias::equal(x, y)? == (op == CmpOp::Eq)));
        }
    }
    let same_seq = (a.downcast::<ListObj>().is_some() && b.downcast::<ListObj>().is_some())
        || (a.downcast::<TupleObj>().is_some() && b.downcast::<TupleObj>().is_some());
    if same_seq {
        let (x, y) = (seq_items(a).unwrap(), seq_items(b).unwrap());
        for (p, q) in x.iter().zip(y.iter()) {
            if !eq_bool(p, q)? {
                if op == CmpOp::Eq {
                    return Ok(Some(false));
                }
                if op == CmpOp::Ne {
                    return Ok(Some(true));
                }
                return Ok(Some(truthy(&compare(p, q, op)?)?));
            }
        }
        return Ok(Some(ord_result(x.len(), y.len(), op)));
    }
    if let (Some(x), Some(y)) = (a.downcast::<DictObj>(), b.downcast::<DictObj>()) {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            let (ex, ey) = (dict::snapshot(&x.0), dict::snapshot(&y.0));
            let mut same = ex.len() == ey.len();
            if same {
                for e in &ex {
                    match dict::get(&y.0, &e.key)? {
                        Some(v) if eq_bool(e.value.as_ref().unwrap(), &v)? => {}
                        _ => {
                            same = false;
                            break;
                        }
                    }
                }
            }
            return Ok(Some(same == (op == CmpOp::Eq)));
        }
    }
    if let (Some(x), Some(y)) = (a.downcast::<SetObj>(), b.downcast::<SetObj>()) {
        let sub = |p: &SetObj, q: &SetObj| -> PyResult<bool> {
            for e in dict::snapshot(&p.table) {
                if !dict::contains(&q.table, &e.key)? {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        let (lx, ly) = (x.table.borrow().len, y.table.borrow().len);
        let r = match op {
            CmpOp::Eq => lx == ly && sub(x, y)?,
            CmpOp::Ne => !(lx == ly && sub(x, y)?),
            CmpOp::Le => sub(x, y)?,
            CmpOp::Lt => lx < ly && sub(x, y)?,
            CmpOp::Ge => sub(y, x)?,
            CmpOp::Gt => lx > ly && sub(y, x)?,
        };
        return Ok(Some(r));
    }
    if let (Some(x), Some(y)) = (a.downcast::<MethodObj>(), b.downcast::<MethodObj>()) {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            let same = x.func.is(&y.func) && x.self_obj.is(&y.self_obj);
            return Ok(Some(same == (op == CmpOp::Eq)));
        }
    }
    if let (Some(x), Some(y)) = (a.downcast::<RangeObj>(), b.downcast::<RangeObj>()) {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            let same = x.start == y.start && x.stop == y.stop && x.step == y.step;
            return Ok(Some(same == (op == CmpOp::Eq)));
        }
    }
    if let (Some(_), Some(_)) = (
        refpy_heap::weakref::as_weakref(a),
        refpy_heap::weakref::as_weakref(b),
    ) {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            let (x, y) = (
                refpy_heap::weakref::upgrade(a),
                refpy_heap::weakref::upgrade(b),
            );
            let same = match (x, y) {
                (Some(x), Some(y)) => eq_bool(&x, &y)?,
                _ => a.is(b),
            };
            return Ok(Some(same == (op == CmpOp::Eq)));
        }
    }
    Ok(None)
}

pub fn compare(a: &ObjRef, b: &ObjRef, op: CmpOp) -> PyResult<ObjRef> {
    if let (Some(x), Some(y)) = (small_int(a), small_int(b)) {
        return Ok(rt::bool_obj(ord_result(x, y, op)));
    }
    // Proxies compare as their referents.
    if let Some(t) = proxy_target(a) {
        return compare(&t?, b, op);
    }
    if let Some(t) = proxy_target(b) {
        return compare(a, &t?, op);
    }
    // Atoms never recurse (and CPython 3.11's specialised COMPARE_OP skips the recursion check for them).
    let atom = |o: &ObjRef| !o.raw().vtable().gc_capable;
    if atom(a) && atom(b) {
        return compare_inner(a, b, op);
    }
    // Comparisons recurse through containers: like CPython's Py_EnterRecursiveCall(" in comparison"), each
    // level counts against the recursion limit, so no nesting depth can overflow the Rust stack.
    let r = rt();
    r.depth.set(r.depth.get() + 1);
    let result = check_stack(" in comparison").and_then(|_| compare_inner(a, b, op));
    r.depth.set(r.depth.get() - 1);
    result
}

fn compare_inner(a: &ObjRef, b: &ObjRef, op: CmpOp) -> PyResult<ObjRef> {
    let a_inst = has_python_class(a);
    let b_inst = has_python_class(b);
    if a_inst || b_inst {
        // Reflected first when b's type is a proper subclass of a's.
        let (ta, tb) = (type_of(a), type_of(b));
        let reflected_first = b_inst && !ta.is(&tb) && is_subtype(&tb, &ta);
        let attempts: Vec<(&ObjRef, &ObjRef, CmpOp)> = if reflected_first {
            vec![(b, a, swapped(op)), (a, b, op)]
        } else {
            vec![(a, b, op), (b, a, swapped(op))]
        };
        for (x, y, o) in attempts {
            // A subclass of a built-in type without its own method compares as its built-in value.
            let r = match x.downcast::<Instance>() {
                Some(i) => match lookup_type(&type_of(x), dunder_cmp(o)) {
                    Some(f) => Some(call_descr(&f, x, vec![x.clone(), y.clone()])?),
                    None => match &i.base {
                        Some(v) => {
                            builtin_compare(v, crate::attrs::unwrap_base(y), o)?.map(rt::bool_obj)
                        }
                        None => None,
                    },
                },
                None => match has_python_class(x)
                    .then(|| lookup_type(&type_of(x), dunder_cmp(o)))
                    .flatten()
                {
                    // A class whose metaclass defines the comparison.
                    Some(f) => Some(call_descr(&f, x, vec![x.clone(), y.clone()])?),
                    None => builtin_compare(x, crate::attrs::unwrap_base(y), o)?.map(rt::bool_obj),
                },
            };
            if let Some(r) = r {
                if !r.is(&rt().not_implemented) {
                    return Ok(r);
                }
            }
        }
        if op == CmpOp::Ne {
            if let Some(r) = call_special(a, "__eq__", vec![b.clone()])? {
                if !r.is(&rt().not_implemented) {
                    return Ok(rt::bool_obj(!truthy(&r)?));
                }
            }
        }
    } else if let Some(r) = builtin_compare(a, b, op)? {
        return Ok(rt::bool_obj(r));
    }
    match op {
        CmpOp::Eq => Ok(rt::bool_obj(a.is(b))),
        CmpOp::Ne => Ok(rt::bool_obj(!a.is(b))),
        _ => Err(type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            cmp_name(op),
            type_name(a),
            type_name(b)
        ))),
    }
}

// ---- arithmetic ---------------------------------------------------------------------------------

pub fn binop_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::MatMul => "@",
        BinOp::TrueDiv => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::And => "&",
        BinOp::Or => "|",
        BinOp::Xor => "^",
    }
}

fn dunder_bin(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::And => ("__and__", "__rand__", "__iand__"),
        BinOp::Or => ("__or__", "__ror__", "__ior__"),
        BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
    }
}

/// `a op b`. Inlined: `+` and `-` of two ints that fit in 64 bits (CPython 3.11's BINARY_OP_ADD_INT and
/// BINARY_OP_SUBTRACT_INT) take no call before the result is made.
#[inline]
pub fn binary(a: &ObjRef, b: &ObjRef, op: BinOp) -> PyResult<ObjRef> {
    if let (Some(x), Some(y)) = (small_int(a), small_int(b)) {
        let quick = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            _ => None,
        };
        if let Some(r) = quick {
            return Ok(rt::int(r));
        }
        if let Some(r) = crate::arith::small_int_op(x, y, op)? {
            return Ok(r);
        }
    }
    binary_general(a, b, op)
}

#[inline(never)]
fn binary_general(a: &ObjRef, b: &ObjRef, op: BinOp) -> PyResult<ObjRef> {
    if let Some(t) = proxy_target(a) {
        return binary(&t?, b, op);
    }
    if let Some(t) = proxy_target(b) {
        return binary(a, &t?, op);
    }
    if !has_python_class(a) && !has_python_class(b) {
        if let Some(r) = crate::arith::builtin_binary(a, b, op)? {
            return Ok(r);
        }
    } else if let Some(r) = instance_binary(a, b, op)? {
        return Ok(r);
    }
    let (ua, ub) = (crate::attrs::unwrap_base(a), crate::attrs::unwrap_base(b));
    if op == BinOp::Add && (str_of(a).is_some()) {
        return Err(type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            type_name(b)
        )));
    }
    if op == BinOp::Add && ua.downcast::<ListObj>().is_some() {
        return Err(type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            type_name(b)
        )));
    }
    if op == BinOp::Add && ua.downcast::<TupleObj>().is_some() {
        return Err(type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            type_name(b)
        )));
    }
    let is_seq = |o: &ObjRef| {
        str_of(o).is_some()
            || o.downcast::<ListObj>().is_some()
            || o.downcast::<TupleObj>().is_some()
            || bytes_of(o).is_some()
    };
    if op == BinOp::Mul && is_seq(ub) && !is_seq(ua) && a.downcast::<Instance>().is_none() {
        return Err(type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            type_name(a)
        )));
    }
    if op == BinOp::Add && bytes_of(a).is_some() {
        return Err(type_error(format!(
            "can't concat {} to {}",
            type_name(b),
            type_name(a)
        )));
    }
    if op == BinOp::Mul && is_seq(ua) && b.downcast::<Instance>().is_none() {
        return Err(type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            type_name(b)
        )));
    }
    Err(type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        binop_symbol(op),
        type_name(a),
        type_name(b)
    )))
}

/// How an operand's type implements one side of a binary operator.
enum BinarySlot {
    /// A method written in Python (`__add__`, `__radd__`…).
    User(ObjRef),
    /// The built-in operator of a built-in type, inherited by subclasses that do not override it.
    Builtin,
}

fn binary_slot(x: &ObjRef, t: &ObjRef, dunder: &str) -> Option<BinarySlot> {
    let Some(i) = x.downcast::<Instance>() else {
        // A class whose metaclass defines the operator (`A | B`).
        if let Some(f) = has_python_class(x)
            .then(|| lookup_type(t, dunder))
            .flatten()
        {
            return Some(BinarySlot::User(f));
        }
        return Some(BinarySlot::Builtin);
    };
    if let Some(f) = lookup_type(t, dunder) {
        return Some(BinarySlot::User(f));
    }
    i.base.as_ref().map(|_| BinarySlot::Builtin)
}

/// A binary operator with an instance operand, in the order of CPython's binary_op1: the left operand's
/// method, then the right operand's reflected one; the reflected one first when the right operand's type is a
/// subclass of the left's that overrides it. The built-in operator sees the built-in values of both.
fn instance_binary(a: &ObjRef, b: &ObjRef, op: BinOp) -> PyResult<Option<ObjRef>> {
    let (name, rname, _) = dunder_bin(op);
    let (ta, tb) = (type_of(a), type_of(b));
    let slotv = binary_slot(a, &ta, name);
    let mut slotw = if ta.is(&tb) {
        None
    } else {
        binary_slot(b, &tb, rname)
    };
    // The built-in operator sees an operand with its own method as itself (`3 * v` for a tuple subclass
    // with __rmul__ is not a tuple repetition), as CPython's number slots see the objects.
    let a_user = matches!(slotv, Some(BinarySlot::User(_)));
    let b_user = if ta.is(&tb) {
        a_user
    } else {
        matches!(slotw, Some(BinarySlot::User(_)))
    };
    if matches!(
        (&slotv, &slotw),
        (Some(BinarySlot::Builtin), Some(BinarySlot::Builtin))
    ) {
        slotw = None;
    }
    let attempt = |slot: &BinarySlot, x: &ObjRef, y: &ObjRef| -> PyResult<Option<ObjRef>> {
        let r = match slot {
            BinarySlot::User(f) => call_descr(f, x, vec![x.clone(), y.clone()])?,
            BinarySlot::Builtin => {
                let ua = if a_user {
                    a
                } else {
                    crate::attrs::unwrap_base(a)
                };
                // `str % args` formats the arguments themselves (with their own __str__ and __repr__).
                let formats = op == BinOp::Mod
                    && (ua.downcast::<StrObj>().is_some() || ua.downcast::<BytesObj>().is_some());
                let ub = if formats || b_user {
                    b
                } else {
                    crate::attrs::unwrap_base(b)
                };
                match crate::arith::builtin_binary(ua, ub, op)? {
                    Some(r) => r,
                    None => return Ok(None),
                }
            }
        };
        Ok((!r.is(&rt().not_implemented)).then_some(r))
    };
    if slotv.is_some() {
        if let Some(BinarySlot::User(fw)) = &slotw {
            let overrides =
                is_subtype(&tb, &ta) && !lookup_type(&ta, rname).is_some_and(|f| f.is(fw));
            if overrides {
                if let Some(r) = attempt(slotw.as_ref().unwrap(), b, a)? {
                    return Ok(Some(r));
                }
                slotw = None;
            }
        }
    }
    if let Some(s) = &slotv {
        if let Some(r) = attempt(s, a, b)? {
            return Ok(Some(r));
        }
    }
    match &slotw {
        Some(s) => attempt(s, b, a),
        None => Ok(None),
    }
}

pub fn inplace(a: &ObjRef, b: &ObjRef, op: BinOp) -> PyResult<ObjRef> {
    // Ints have no in-place operators: `x += 1` is `x + 1`.
    if let (Some(x), Some(y)) = (small_int(a), small_int(b)) {
        if let Some(r) = crate::arith::small_int_op(x, y, op)? {
            return Ok(r);
        }
    }
    if let Some(l) = a.downcast::<ListObj>() {
        if op == BinOp::Add {
            let plan = crate::sizes::extend_plan(b);
            let items = iterate(b)?;
            let (n, k) = (l.0.borrow().len(), items.len());
            l.0.borrow_mut().extend(items);
            l.extended(plan, n, k);
            return Ok(a.clone());
        }
        if op == BinOp::Mul {
            let n = index_arg(b)?.max(0) as usize;
            let items = l.0.borrow().clone();
            // list_inplace_repeat: an empty list or `*= 1` is left alone, `*= 0` clears, else one resize.
            match (items.len(), n) {
                (0, _) | (_, 1) => {}
                (_, 0) => l.1.set(0),
                (len, n) => l.resized(len, len * n),
            }
            let mut out = Vec::with_capacity(items.len() * n);
            for _ in 0..n {
                out.extend(items.iter().cloned());
            }
            let old = std::mem::replace(&mut *l.0.borrow_mut(), out);
            drop(old);
            return Ok(a.clone());
        }
    }
    if let (Some(ba), BinOp::Add) = (a.downcast::<ByteArrayObj>(), op) {
        // bytearray_iconcat: the bytearray grows in place.
        if let Some(extra) = bytes_of(b) {
            let old_len = ba.0.borrow().len();
            ba.0.borrow_mut().extend_from_slice(&extra);
            ba.resized(old_len, old_len + extra.len());
            return Ok(a.clone());
        }
    }
    if let Some(s) = a.downcast::<SetObj>() {
        if !s.frozen && matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) {
            let other = crate::attrs::unwrap_base(b);
            if other.downcast::<SetObj>().is_some() && op != BinOp::And {
                // set_ior, set_isub, set_ixor work on the set itself (`&=` swaps in the intersection).
                crate::sizes::set_in_place(a, other, op)?;
                return Ok(a.clone());
            }
            if other.downcast::<SetObj>().is_some() {
                let r = binary(a, b, op)?;
                let new = std::mem::take(&mut *r.downcast::<SetObj>().unwrap().table.borrow_mut());
                let old = std::mem::replace(&mut *s.table.borrow_mut(), new);
                drop(old);
                return Ok(a.clone());
            }
        }
    }
    if let Some(d) = a.downcast::<DictObj>() {
        if op == BinOp::Or && b.downcast::<DictObj>().is_some() {
            let _ = d;
            for (k, v) in dict_items(b) {
                dict_set(a, k, v)?;
            }
            return Ok(a.clone());
        }
    }
    if has_python_class(a) {
        let (name, _, iname) = dunder_bin(op);
        if let Some(r) = call_special(a, iname, vec![b.clone()])? {
            if !r.is(&rt().not_implemented) {
                return Ok(r);
            }
        }
        // A list/dict/set subclass changes its value in place (`l += …` is `l` itself), unless it defines
        // the plain operator, which CPython's PyNumber_InPlaceAdd tries before the sequence's in-place concat.
        if let Some(v) = crate::attrs::base_ref(a) {
            if is_mutable_value(v) && lookup_type(&type_of(a), name).is_none() {
                let r = inplace(v, b, op)?;
                return Ok(if r.is(v) { a.clone() } else { r });
            }
        }
    }
    binary(a, b, op).map_err(|e| {
        if isinstance(&e.0, &rt().types.type_error)
            && str_(&e.0).is_ok_and(|m| m.starts_with("unsupported operand"))
        {
            type_error(format!(
                "unsupported operand type(s) for {}=: '{}' and '{}'",
                binop_symbol(op).trim_end_matches(" or pow()"),
                type_name(a),
                type_name(b)
            ))
        } else {
            e
        }
    })
}

pub fn unary(a: &ObjRef, op: UnOp) -> PyResult<ObjRef> {
    if op == UnOp::Not {
        return Ok(rt::bool_obj(!truthy(a)?));
    }
    if let Some(i) = small_int(a) {
        match op {
            UnOp::Neg if i != i64::MIN => return Ok(rt::int(-i)),
            UnOp::Invert => return Ok(rt::int(!i)),
            _ => {}
        }
    }
    // `+x` of an exact int, float or complex is `x` itself (long_pos, float_pos, complex_pos); bools and
    // subclasses make a new value.
    if op == UnOp::Pos
        && (a.downcast::<IntObj>().is_some()
            || a.downcast::<FloatObj>().is_some()
            || a.downcast::<ComplexObj>().is_some())
    {
        return Ok(a.clone());
    }
    let (name, sym) = match op {
        UnOp::Neg => ("__neg__", "-"),
        UnOp::Pos => ("__pos__", "+"),
        UnOp::Invert => ("__invert__", "~"),
        UnOp::Not => unreachable!(),
    };
    // An instance's own method first; a subclass of int or float without one acts on its built-in value.
    if has_python_class(a) {
        if let Some(r) = call_special(a, name, vec![])? {
            return Ok(r);
        }
    }
    let v = crate::attrs::unwrap_base(a);
    if let Some(i) = as_bigint(v) {
        return Ok(match op {
            UnOp::Neg => rt::bigint(-i),
            UnOp::Pos => rt::bigint(i),
            UnOp::Invert => rt::bigint(-i - 1),
            UnOp::Not => unreachable!(),
        });
    }
    if let Some(f) = v.downcast::<FloatObj>() {
        match op {
            UnOp::Neg => return Ok(rt::float(-f.0)),
            UnOp::Pos => return Ok(rt::float(f.0)),
            _ => {}
        }
    }
    if let Some((re, im)) = crate::complex::parts(v) {
        match op {
            UnOp::Neg => return Ok(rt::complex(-re, -im)),
            UnOp::Pos => return Ok(rt::complex(re, im)),
            _ => {}
        }
    }
    Err(type_error(format!(
        "bad operand type for unary {}: '{}'",
        sym,
        type_name(a)
    )))
}

// ---- length, subscription, containment ----------------------------------------------------------

pub fn len(o: &ObjRef) -> PyResult<usize> {
    // The common built-in containers first (a proxy or a subclass instance is none of them).
    if let Some(l) = o.downcast::<ListObj>() {
        return Ok(l.0.borrow().len());
    }
    if let Some(d) = o.downcast::<DictObj>() {
        return Ok(d.0.borrow().len);
    }
    if let Some(t) = proxy_target(o) {
        return len(&t?);
    }
    if let Some(b) = crate::attrs::base_ref(o) {
        if lookup_type(&type_of(o), "__len__").is_none() {
            return len(b);
        }
    }
    if let Some(l) = o.downcast::<ListObj>() {
        return Ok(l.0.borrow().len());
    }
    if let Some(t) = o.downcast::<TupleObj>() {
        return Ok(t.0.borrow().len());
    }
    if let Some(s) = o.downcast::<StrObj>() {
        return Ok(s.s.chars().count());
    }
    if let Some(d) = o.downcast::<DictObj>() {
        return Ok(d.0.borrow().len);
    }
    if let Some(s) = o.downcast::<SetObj>() {
        return Ok(s.table.borrow().len);
    }
    if let Some(b) = bytes_of(o) {
        return Ok(b.len());
    }
    if let Some(r) = o.downcast::<RangeObj>() {
        return Ok(crate::arith::range_len(r).to_usize().unwrap_or(usize::MAX));
    }
    if let Some(v) = o.downcast::<DictViewObj>() {
        return Ok(v.dict.downcast::<DictObj>().unwrap().0.borrow().len);
    }
    if let Some(r) = call_special(o, "__len__", vec![])? {
        let n = index_arg(&r)?;
        if n < 0 {
            return Err(value_error("__len__() should return >= 0"));
        }
        return Ok(n as usize);
    }
    Err(type_error(format!(
        "object of type '{}' has no len()",
        type_name(o)
    )))
}

pub fn getitem(o: &ObjRef, k: &ObjRef) -> PyResult<ObjRef> {
    // list[int] and tuple[int] in range: no index conversion, no proxy check (a proxy is neither).
    if let Some(i) = small_int(k) {
        let item = |items: &[ObjRef]| {
            let i = if i < 0 { i + items.len() as i64 } else { i };
            usize::try_from(i).ok().and_then(|i| items.get(i).cloned())
        };
        let found = if let Some(l) = o.downcast::<ListObj>() {
            item(&l.0.borrow())
        } else if let Some(t) = o.downcast::<TupleObj>() {
            item(&t.0.borrow())
        } else {
            None
        };
        if let Some(v) = found {
            return Ok(v);
        }
    }
    if let Some(t) = proxy_target(o) {
        return getitem(&t?, k);
    }
    crate::seq::getitem(o, k)
}

pub fn setitem(o: &ObjRef, k: &ObjRef, v: ObjRef) -> PyResult<()> {
    crate::seq::setitem(o, k, v)
}

pub fn delitem(o: &ObjRef, k: &ObjRef) -> PyResult<()> {
    crate::seq::delitem(o, k)
}

pub fn contains(container: &ObjRef, item: &ObjRef) -> PyResult<bool> {
    // Exact dicts and sets first (a proxy or a subclass instance is neither).
    if let Some(d) = container.downcast::<DictObj>() {
        return dict::contains(&d.0, item);
    }
    if let Some(s) = container.downcast::<SetObj>() {
        return dict::contains(&s.table, item);
    }
    if let Some(t) = proxy_target(container) {
        return contains(&t?, item);
    }
    if has_python_class(container) {
        if let Some(r) = call_special(container, "__contains__", vec![item.clone()])? {
            return truthy(&r);
        }
        if let Some(b) = crate::attrs::base_ref(container) {
            return contains(b, item);
        }
    }
    if let Some(d) = container.downcast::<DictObj>() {
        return dict::contains(&d.0, item);
    }
    if let Some(s) = container.downcast::<SetObj>() {
        return dict::contains(&s.table, item);
    }
    if let Some(s) = str_of(container) {
        return match str_of(item) {
            Some(i) => Ok(s.contains(i)),
            None => Err(type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                type_name(item)
            ))),
        };
    }
    if let Some(hay) = bytes_of(container) {
        if let Some(needle) = bytes_of(item) {
            return Ok(
                needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle.as_slice())
            );
        }
        if let Some(i) = as_i64(item) {
            return Ok((0..256).contains(&i) && hay.contains(&(i as u8)));
        }
    }
    if let Some(v) = container.downcast::<DictViewObj>() {
        if v.kind == 0 {
            return dict::contains(&v.dict.downcast::<DictObj>().unwrap().0, item);
        }
    }
    if let Some(r) = container.downcast::<RangeObj>() {
        if let Some(i) = as_bigint(item) {
            return Ok(crate::arith::range_contains(r, &i));
        }
    }
    let it = get_iter(container).map_err(|_| {
        type_error(format!(
            "argument of type '{}' is not iterable",
            type_name(container)
        ))
    })?;
    while let Some(x) = next(&it)? {
        if x.is(item) || eq_bool(&x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

// ---- iteration ----------------------------------------------------------------------------------

pub fn get_iter(o: &ObjRef) -> PyResult<ObjRef> {
    if let Some(t) = proxy_target(o) {
        return get_iter(&t?);
    }
    if o.downcast::<ListObj>().is_some()
        || o.downcast::<TupleObj>().is_some()
        || o.downcast::<StrObj>().is_some()
        || o.downcast::<BytesObj>().is_some()
        || o.downcast::<ByteArrayObj>().is_some()
    {
        return Ok(rt::iter_obj(IterState::Seq {
            seq: o.clone(),
            index: 0,
        }));
    }
    if o.downcast::<DictObj>().is_some() {
        return Ok(rt::iter_obj(IterState::DictKeys {
            dict: o.clone(),
            index: 0,
            kind: 0,
            len: dict_table(o).borrow().len,
            result: None,
        }));
    }
    if let Some(v) = o.downcast::<DictViewObj>() {
        return Ok(rt::iter_obj(IterState::DictKeys {
            dict: v.dict.clone(),
            index: 0,
            kind: v.kind,
            len: dict_table(&v.dict).borrow().len,
            result: (v.kind == 2).then(|| rt::tuple(vec![rt::none(), rt::none()])),
        }));
    }
    if let Some(s) = o.downcast::<SetObj>() {
        return Ok(rt::iter_obj(IterState::Set {
            set: o.clone(),
            keys: set_items(o),
            index: 0,
            used: s.table.borrow().len,
        }));
    }
    if let Some(r) = o.downcast::<RangeObj>() {
        let n = crate::arith::range_len(r);
        let last: BigInt = &r.start + (&n - 1) * &r.step;
        let small = (r.start.to_i64(), r.step.to_i64(), n.to_u64(), last.to_i64());
        // Every value lies between the first and the last: when both fit in an i64, all do.
        if let (Some(next), Some(step), Some(remaining), Some(_)) = small {
            return Ok(rt::iter_obj(IterState::SmallRange {
                next,
                step,
                remaining,
            }));
        }
        return Ok(rt::iter_obj(IterState::Range {
            next: r.start.clone(),
            stop: r.stop.clone(),
            step: r.step.clone(),
        }));
    }
    if o.downcast::<IterObj>().is_some() || o.downcast::<GeneratorObj>().is_some() {
        return Ok(o.clone());
    }
    if o.downcast::<FileObj>().is_some() {
        let lines = crate::builtins::file_lines(o)?;
        return Ok(rt::iter_obj(IterState::Seq {
            seq: rt::list(lines),
            index: 0,
        }));
    }
    if let Some(b) = crate::attrs::base_ref(o) {
        if lookup_type(&type_of(o), "__iter__").is_none() {
            // A sequence's iterator holds the instance itself (and reads its value), as CPython's does.
            let holds_instance = b.downcast::<ListObj>().is_some()
                || b.downcast::<TupleObj>().is_some()
                || b.downcast::<StrObj>().is_some()
                || b.downcast::<BytesObj>().is_some()
                || b.downcast::<ByteArrayObj>().is_some();
            if holds_instance {
                return Ok(rt::iter_obj(IterState::Seq {
                    seq: o.clone(),
                    index: 0,
                }));
            }
            return get_iter(b);
        }
    }
    if has_python_class(o) {
        if let Some(r) = call_special(o, "__iter__", vec![])? {
            let is_iter = r.downcast::<IterObj>().is_some()
                || r.downcast::<GeneratorObj>().is_some()
                || (r.downcast::<Instance>().is_some()
                    && lookup_type(&type_of(&r), "__next__").is_some());
            if !is_iter {
                return Err(type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    type_name(&r)
                )));
            }
            return Ok(r);
        }
        if lookup_type(&type_of(o), "__getitem__").is_some() {
            return Ok(rt::iter_obj(IterState::Seq {
                seq: o.clone(),
                index: 0,
            }));
        }
    }
    Err(type_error(format!(
        "'{}' object is not iterable",
        type_name(o)
    )))
}

/// Advance an iterator: `Ok(None)` at the end.
pub fn next(it: &ObjRef) -> PyResult<Option<ObjRef>> {
    rt::charge_step()?;
    if let Some(i) = it.downcast::<IterObj>() {
        return crate::iters::next_builtin(it, i);
    }
    if it.downcast::<GeneratorObj>().is_some() {
        return crate::eval::gen_send(it, rt::none());
    }
    if has_python_class(it) {
        return match call_special(it, "__next__", vec![]) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => Err(type_error(format!(
                "'{}' object is not an iterator",
                type_name(it)
            ))),
            Err(e) if isinstance(&e.0, &rt().types.stop_iteration) => Ok(None),
            Err(e) => Err(e),
        };
    }
    Err(type_error(format!(
        "'{}' object is not an iterator",
        type_name(it)
    )))
}

pub fn iterate(o: &ObjRef) -> PyResult<Vec<ObjRef>> {
    if let Some(r) = o.downcast::<RangeObj>() {
        let n = crate::arith::range_len(r).to_usize().unwrap_or(usize::MAX);
        check_alloc(n, 8)?;
    }
    if let Some(l) = o.downcast::<ListObj>() {
        return Ok(l.0.borrow().clone());
    }
    if let Some(t) = o.downcast::<TupleObj>() {
        return Ok(t.0.borrow().clone());
    }
    let it = get_iter(o)?;
    let mut v = Vec::new();
    while let Some(x) = next(&it)? {
        v.push(x);
    }
    Ok(v)
}

// ---- attributes ---------------------------------------------------------------------------------

/// Store an attribute directly in an instance (no descriptors): used for exception fields.
pub fn set_attr_raw(o: &ObjRef, name: &str, v: ObjRef) {
    if let Some(i) = o.downcast::<Instance>() {
        let dict = i.dict.borrow().clone();
        if let Some(d) = dict {
            dict_set_str(&d, name, v);
            return;
        }
        let old = {
            let mut attrs = i.attrs.borrow_mut();
            if let Some(slot) = attrs.iter_mut().find(|(k, _)| **k == *name) {
                Some(std::mem::replace(&mut slot.1, v))
            } else {
                attrs.push((name.into(), v));
                None
            }
        };
        drop(old);
    }
}

pub fn getattr(o: &ObjRef, name: &str) -> PyResult<ObjRef> {
    crate::attrs::getattr(o, name).map_err(|e| attribute_error_context(e, o, name))
}

/// CPython's `set_attribute_error_context`: an AttributeError leaving an attribute lookup records the
/// object and the name (for "Did you mean"), unless it already names either.
fn attribute_error_context(e: PyErr, o: &ObjRef, name: &str) -> PyErr {
    if let Some(i) = e.0.downcast::<Instance>() {
        let unset = |attr| crate::attrs::instance_lookup(i, attr).is_none();
        if isinstance(&e.0, &rt().types.attribute_error) && unset("name") && unset("obj") {
            set_attr_raw(&e.0, "name", rt::str_obj(name));
            set_attr_raw(&e.0, "obj", o.clone());
        }
    }
    e
}

pub fn getattr_opt(o: &ObjRef, name: &str) -> PyResult<Option<ObjRef>> {
    match getattr(o, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if isinstance(&e.0, &rt().types.attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn setattr(o: &ObjRef, name: &str, v: ObjRef) -> PyResult<()> {
    crate::attrs::setattr(o, name, Some(v))
}

pub fn delattr(o: &ObjRef, name: &str) -> PyResult<()> {
    crate::attrs::setattr(o, name, None)
}

// ---- calls --------------------------------------------------------------------------------------

pub fn call(f: &ObjRef, args: Vec<ObjRef>, kwargs: Vec<(String, ObjRef)>) -> PyResult<ObjRef> {
    crate::eval::call(f, args, kwargs)
}

pub fn clong_value(c: &CLongObj) -> i64 {
    match c.address {
        Some(a) => refpy_heap::read_word(a).map(|v| v as i64).unwrap_or(0),
        None => c.value.get(),
    }
}

/// PEP 442 finalizer of instances: call `__del__`; errors are unraisable.
pub fn run_del(this: &ObjRef) {
    let cls = type_of(this);
    if let Some(f) = lookup_type(&cls, "__del__") {
        if let Err(e) = call(&f, vec![this.clone()], vec![]) {
            crate::traceback::unraisable(&f, &e);
        }
    }
}

/// How CPython names the object in "Exception ignored in: …".
pub fn unraisable_obj_repr(f: &ObjRef) -> String {
    repr(f).unwrap_or_else(|_| format!("<object repr() failed>"))
}
