//! Attribute access (`o.name`, `o.name = v`, `del o.name`): descriptors, 3.11 inline instance values,
//! lazily materialised `__dict__`, class and module attributes, and the attributes of built-in objects.

use std::cell::RefCell;

use refpy_heap::ObjRef;

use crate::callsig::{def, Binding, MethodTable, Params};
use crate::exc::*;
use crate::object::alloc;
use crate::objects::*;
use crate::ops::{self, dict_get_str, lookup_type, str_of, type_name, type_obj};
use crate::rt::{self, rt};

fn no_attr(o: &ObjRef, name: &str) -> PyErr {
    let e = attribute_error(format!(
        "'{}' object has no attribute '{}'",
        type_name(o),
        name
    ));
    ops::set_attr_raw(&e.0, "name", rt::str_obj(name));
    ops::set_attr_raw(&e.0, "obj", o.clone());
    e
}

/// The instance's `__dict__`, created on first request (moving the inline values into it).
pub fn instance_dict(o: &ObjRef, i: &Instance) -> ObjRef {
    if let Some(d) = i.dict.borrow().clone() {
        return d;
    }
    let d = rt::dict();
    ops::dict_table(&d).borrow_mut().capacity =
        crate::sizes::instance_dict_capacity(type_obj(&i.cls.borrow()));
    let attrs = std::mem::take(&mut *i.attrs.borrow_mut());
    for (k, v) in attrs {
        ops::dict_set_str(&d, &k, v);
    }
    *i.dict.borrow_mut() = Some(d.clone());
    let _ = o;
    d
}

/// `a == b` for attribute names: a byte loop, inlined (names are short; a `memcmp` call costs more).
#[inline]
pub fn same_name(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

pub(crate) fn instance_lookup(i: &Instance, name: &str) -> Option<ObjRef> {
    if let Some(d) = i.dict.borrow().clone() {
        return dict_get_str(&d, name);
    }
    i.attrs
        .borrow()
        .iter()
        .find(|(k, _)| same_name(k, name))
        .map(|(_, v)| v.clone())
}

fn slot_index(cls: &ObjRef, name: &str) -> Option<usize> {
    type_obj(cls)
        .slots
        .borrow()
        .as_ref()
        .and_then(|s| s.iter().position(|n| n == name))
}

/// Bind a class attribute found for instance `o` (functions become bound methods).
pub fn bind(descr: ObjRef, o: &ObjRef, cls: &ObjRef) -> PyResult<ObjRef> {
    if descr.downcast::<FunctionObj>().is_some() {
        return Ok(alloc(
            &METHOD_VT,
            MethodObj {
                func: descr,
                self_obj: o.clone(),
            },
        ));
    }
    if let Some(d) = descr.downcast::<DescrObj>() {
        return match d {
            DescrObj::Static(f) => Ok(f.clone()),
            DescrObj::Class(f) => Ok(alloc(
                &METHOD_VT,
                MethodObj {
                    func: f.clone(),
                    self_obj: cls.clone(),
                },
            )),
            DescrObj::Property { fget, .. } => match fget {
                Some(g) => ops::call(g, vec![o.clone()], vec![]),
                None => Err(attribute_error("unreadable attribute")),
            },
        };
    }
    if let Some(d) = descr.downcast::<SlotDescrObj>() {
        return slot_descr_value(d, o);
    }
    if let Some(b) = descr.downcast::<BuiltinObj>() {
        if b.self_obj.is_none() && b.name.starts_with("__") {
            return Ok(match b.method {
                Some(m) => rt::method_obj(m, Some(o.clone())),
                None => rt::bound_builtin(b.name, b.f, o.clone()),
            });
        }
    }
    if let Some(get) = user_descriptor_hook(&descr, "__get__") {
        return ops::call(&get, vec![descr, o.clone(), cls.clone()], vec![]);
    }
    Ok(descr)
}

/// What a `__dict__` / `__weakref__` / slot descriptor gives for instance `o` (CPython's getset and member
/// getters): the instance dict, the first weak reference (or None), the slot's value.
fn slot_descr_value(d: &SlotDescrObj, o: &ObjRef) -> PyResult<ObjRef> {
    let inst = o
        .downcast::<Instance>()
        .filter(|_| ops::isinstance(o, d.owner()));
    let Some(i) = inst else {
        return Err(type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            d.name(),
            type_obj(d.owner()).name.borrow(),
            type_name(o)
        )));
    };
    match d {
        SlotDescrObj::GetSet {
            name: "__dict__", ..
        } => Ok(instance_dict(o, i)),
        SlotDescrObj::GetSet { .. } => Ok(refpy_heap::weakref::weakrefs_of(o)
            .into_iter()
            .next()
            .unwrap_or_else(rt::none)),
        SlotDescrObj::Member { name, .. } => {
            let cls = i.cls.borrow().clone();
            slot_index(&cls, name)
                .and_then(|idx| i.slots.borrow().get(idx).cloned().flatten())
                .ok_or_else(|| no_attr(o, name))
        }
    }
}

/// `descr.__get__(obj, type=None)`: the descriptor itself for `obj` None, else the instance's value.
fn slot_descr_get(a: &[ObjRef], _: &[(String, ObjRef)]) -> PyResult<ObjRef> {
    let d = a[0]
        .downcast::<SlotDescrObj>()
        .expect("bound to a slot descriptor");
    match a.get(1) {
        None => Err(type_error("expected at least 1 argument, got 0")),
        Some(o) if ops::is_none(o) => Ok(a[0].clone()),
        Some(o) => slot_descr_value(d, o),
    }
}

/// `hook` (`__get__`, `__set__`, `__delete__`) of a class attribute that is an instance of a Python class
/// defining it: the descriptor protocol for descriptors written in Python.
fn user_descriptor_hook(descr: &ObjRef, hook: &str) -> Option<ObjRef> {
    let inst = descr.downcast::<Instance>()?;
    let cls = inst.cls.borrow().clone();
    lookup_type(&cls, hook)
}

/// A data descriptor (defines `__set__` or `__delete__`) takes precedence over the instance's own attributes.
fn is_user_data_descriptor(descr: &ObjRef) -> bool {
    user_descriptor_hook(descr, "__set__").is_some()
        || user_descriptor_hook(descr, "__delete__").is_some()
}

pub fn getattr(o: &ObjRef, name: &str) -> PyResult<ObjRef> {
    if let Some(i) = o.downcast::<Instance>() {
        return instance_getattr(o, i, name);
    }
    if let Some(t) = o.downcast::<TypeObj>() {
        return type_getattr(o, t, name);
    }
    if let Some(m) = o.downcast::<ModuleObj>() {
        if name == "__dict__" {
            return Ok(m.dict.clone());
        }
        if name == "__name__" {
            return Ok(rt::str_obj(&m.name));
        }
        return dict_get_str(&m.dict, name).ok_or_else(|| {
            attribute_error(format!("module '{}' has no attribute '{}'", m.name, name))
        });
    }
    if let Some(s) = o.downcast::<SuperObj>() {
        return super_getattr(s, name);
    }
    if name == "__class__" {
        return Ok(ops::type_of(o));
    }
    if let Some(v) = builtin_object_attr(o, name)? {
        return Ok(v);
    }
    if let Some(m) = crate::methods::lookup(o, name) {
        return Ok(crate::methods::bind(m, o));
    }
    let t = ops::type_of(o);
    if let Some(b) = type_obj(&t).builtin.filter(|&b| {
        matches!(b, Builtin::Bool | Builtin::NoneType | Builtin::Range) || is_value_base(b)
    }) {
        if let Some(v) = value_method(b, name, Some(o)) {
            return Ok(v);
        }
    }
    if let Some(w) = refpy_heap::weakref::as_weakref(o) {
        if w.kind() == refpy_heap::weakref::WeakKind::Proxy {
            return match refpy_heap::weakref::upgrade(o) {
                Some(t) => getattr(&t, name),
                None => Err(err(
                    &rt().types.reference_error,
                    "weakly-referenced object no longer exists",
                )),
            };
        }
    }
    inherited_from_object(o, name).ok_or_else(|| no_attr(o, name))
}

/// What every object inherits from its built-in type's docstring and from `object` (`__init__`,
/// `__reduce_ex__`, `__init_subclass__`, …), bound to `o`.
fn inherited_from_object(o: &ObjRef, name: &str) -> Option<ObjRef> {
    if name == "__doc__" {
        if let Some(doc) = builtin_type_doc(&ops::type_of(o)) {
            return Some(doc);
        }
    }
    crate::objectmethods::lookup(name).map(|m| crate::methods::bind(m, o))
}

/// `T.__doc__` of built-in type `t` (the first built-in type on the mro of a class without its own), as
/// CPython's table has it.
fn builtin_type_doc(t: &ObjRef) -> Option<ObjRef> {
    let doc = type_obj(t).with_mro(|mro| {
        mro.iter().find_map(|c| {
            crate::typedoc::doc(&type_obj(c).name.borrow())
                .filter(|_| type_obj(c).builtin.is_some())
        })
    })?;
    Some(doc.map_or_else(rt::none, rt::str_obj))
}

/// Where instance `i` keeps its own value of `name` (inline values only), trying `hint` first.
fn inline_index(i: &Instance, name: &str, hint: u32) -> Option<usize> {
    let attrs = i.attrs.borrow();
    match attrs.get(hint as usize) {
        Some((k, _)) if same_name(k, name) => Some(hint as usize),
        _ => attrs.iter().position(|(k, _)| same_name(k, name)),
    }
}

/// `o.name` for `LoadAttr` (as `ops::getattr`, which gives AttributeErrors their context), with its cache (CPython 3.11's LOAD_ATTR_INSTANCE_VALUE): for an instance of
/// the class the cache names, in the cache's epoch, the class has no attribute `name`, so the instance's own
/// value is the answer when it has one.
#[inline]
pub fn getattr_cached(
    o: &ObjRef,
    name: &str,
    cache: &std::cell::Cell<crate::typecache::InstanceAttrCache>,
) -> PyResult<ObjRef> {
    // The cache's case, inlined into the instruction: the value at the cached index has that name.
    if let Some(i) = o.downcast::<Instance>() {
        let c = cache.get();
        if c.type_id == type_obj(&i.cls.borrow()).id && c.epoch == crate::typecache::epoch() {
            if let Some((k, v)) = i.attrs.borrow().get(c.index as usize) {
                if same_name(k, name) && i.dict.borrow().is_none() {
                    return Ok(v.clone());
                }
            }
        }
    }
    getattr_cached_full(o, name, cache)
}

#[inline(never)]
fn getattr_cached_full(
    o: &ObjRef,
    name: &str,
    cache: &std::cell::Cell<crate::typecache::InstanceAttrCache>,
) -> PyResult<ObjRef> {
    let Some(i) = o.downcast::<Instance>() else {
        return ops::getattr(o, name);
    };
    let c = cache.get();
    let type_id = type_obj(&i.cls.borrow()).id;
    let epoch = crate::typecache::epoch();
    let known = c.type_id == type_id && c.epoch == epoch;
    if !known
        && !name.starts_with("__")
        && lookup_type(&i.cls.borrow(), name).is_none()
        && i.dict.borrow().is_none()
    {
        cache.set(crate::typecache::InstanceAttrCache {
            type_id,
            epoch,
            index: c.index,
        });
    } else if !known {
        return ops::getattr(o, name);
    }
    // The class has no attribute `name` and it is not special: the instance's own value comes first (the
    // order of `instance_getattr`).
    if i.dict.borrow().is_none() {
        if let Some(at) = inline_index(i, name, c.index) {
            if at != c.index as usize {
                if let Ok(index) = u32::try_from(at) {
                    cache.set(crate::typecache::InstanceAttrCache {
                        type_id,
                        epoch,
                        index,
                    });
                }
            }
            return Ok(i.attrs.borrow()[at].1.clone());
        }
    }
    ops::getattr(o, name)
}

/// `o.name = v` for `StoreAttr`, with its cache: for an instance of the class the cache names, in the
/// cache's epoch, the class has neither a `__setattr__` of its own nor an attribute or slot `name`, so the
/// value goes straight into the instance's inline values (the order of `generic_setattr`).
#[inline]
pub fn setattr_cached(
    o: &ObjRef,
    name: &str,
    v: ObjRef,
    cache: &std::cell::Cell<crate::typecache::InstanceAttrCache>,
) -> PyResult<()> {
    // The cache's case, inlined into the instruction: a plain instance already has a value of that name at
    // the cached index, which the new value replaces.
    if let Some(i) = o.downcast::<Instance>() {
        let c = cache.get();
        let cls = i.cls.borrow();
        let t = type_obj(&cls);
        if c.type_id == t.id
            && c.epoch == crate::typecache::epoch()
            && i.exc.is_none()
            && i.base.is_none()
            && i.dict.borrow().is_none()
        {
            let mut attrs = i.attrs.borrow_mut();
            let at = c.index as usize;
            if let Some((k, slot)) = attrs.get_mut(at) {
                if same_name(k, name) {
                    let old = std::mem::replace(slot, v);
                    drop((attrs, cls));
                    // Released after the borrows end: its `__del__` may run.
                    drop(old);
                    return Ok(());
                }
            } else if at == attrs.len()
                && t.has_dict.get()
                && name != "__class__"
                && name != "__dict__"
                && !attrs.iter().any(|(k, _)| same_name(k, name))
            {
                // A new value where this instruction last appended one (`__init__` storing its
                // attributes in order): appended, as `setattr_cached_full` does.
                drop(attrs);
                store_new_inline(i, t, name, v);
                return Ok(());
            }
        }
    }
    setattr_cached_full(o, name, v, cache)
}

#[inline(never)]
fn setattr_cached_full(
    o: &ObjRef,
    name: &str,
    v: ObjRef,
    cache: &std::cell::Cell<crate::typecache::InstanceAttrCache>,
) -> PyResult<()> {
    let Some(i) = o.downcast::<Instance>() else {
        return setattr(o, name, Some(v));
    };
    let c = cache.get();
    let cls = i.cls.borrow().clone();
    let t = type_obj(&cls);
    let epoch = crate::typecache::epoch();
    // Per instance (not cached): no exception state, no materialised `__dict__`, no built-in base value
    // (those keep attributes in a real `__dict__`, see `generic_setattr`).
    let plain_instance = i.exc.is_none()
        && i.base.is_none()
        && i.dict.borrow().is_none()
        && name != "__class__"
        && name != "__dict__";
    let known = c.type_id == t.id && c.epoch == epoch;
    if !plain_instance
        || !(known
            || (t.has_dict.get()
                && lookup_type(&cls, "__setattr__").is_none()
                && lookup_type(&cls, name).is_none()
                && slot_index(&cls, name).is_none()))
    {
        return setattr(o, name, Some(v));
    }
    if !t.has_dict.get() {
        return setattr(o, name, Some(v));
    }
    let (at, old) = match inline_index(i, name, c.index) {
        Some(at) => (
            at,
            Some(std::mem::replace(&mut i.attrs.borrow_mut()[at].1, v)),
        ),
        None => {
            store_new_inline(i, t, name, v);
            (i.attrs.borrow().len() - 1, None)
        }
    };
    if let Ok(index) = u32::try_from(at) {
        cache.set(crate::typecache::InstanceAttrCache {
            type_id: t.id,
            epoch,
            index,
        });
    }
    // Released after the borrow ends: its `__del__` may run.
    drop(old);
    Ok(())
}

/// Append a new inline value (the instance has none of that name yet).
fn store_new_inline(i: &Instance, t: &TypeObj, name: &str, v: ObjRef) {
    let mut attrs = i.attrs.borrow_mut();
    // Where the name goes is where it usually is among the class's names.
    let at = attrs.len();
    t.shared_keys.borrow_mut().offer(name, at);
    let names = &t.attr_names;
    if attrs.capacity() == 0 {
        // Room for what instances of this class usually store, as CPython sizes the values array from the
        // shared keys.
        attrs.reserve_exact(names.borrow().len().max(1));
    }
    attrs.push((attr_name(names, name, at), v));
}

fn instance_getattr(o: &ObjRef, i: &Instance, name: &str) -> PyResult<ObjRef> {
    let descr = lookup_type(&i.cls.borrow(), name);
    // The common case first: no class attribute of that name, and not a special name handled below, so
    // the instance's own value is the answer (the same outcome as the full order below).
    if descr.is_none() && !name.starts_with("__") {
        if let Some(v) = instance_lookup(i, name) {
            return Ok(v);
        }
    }
    let cls = i.cls.borrow().clone();
    if let Some(d) = &descr {
        if matches!(d.downcast::<DescrObj>(), Some(DescrObj::Property { .. }))
            || is_user_data_descriptor(d)
        {
            return bind(d.clone(), o, &cls);
        }
    }
    match name {
        "__dict__" if i.exc.is_none() || true => {
            if type_obj(&cls).has_dict.get() || i.exc.is_some() {
                return Ok(instance_dict(o, i));
            }
        }
        "__class__" => return Ok(cls),
        _ => {}
    }
    if let Some(v) = instance_lookup(i, name) {
        return Ok(v);
    }
    if let Some(idx) = slot_index(&cls, name) {
        if let Some(v) = i.slots.borrow().get(idx).cloned().flatten() {
            return Ok(v);
        }
        return Err(no_attr(o, name));
    }
    if let Some(e) = &i.exc {
        match name {
            "args" => return Ok(e.args.borrow().clone().unwrap_or_else(|| rt::tuple(vec![]))),
            "__cause__" => return Ok(e.cause.borrow().clone().unwrap_or_else(rt::none)),
            "__context__" => return Ok(e.context.borrow().clone().unwrap_or_else(rt::none)),
            "__suppress_context__" => return Ok(rt::bool_obj(e.suppress_context.get())),
            "__traceback__" => return Ok(e.traceback.borrow().clone().unwrap_or_else(rt::none)),
            "value" if ops::isinstance(o, &rt().types.stop_iteration) => {
                return Ok(exc_args(o).first().cloned().unwrap_or_else(rt::none))
            }
            "code" if ops::isinstance(o, &rt().types.system_exit) => {
                let a = exc_args(o);
                return Ok(match a.len() {
                    0 => rt::none(),
                    1 => a[0].clone(),
                    _ => rt::tuple(a),
                });
            }
            "name" | "obj" => return Ok(rt::none()),
            "with_traceback" => {
                return Ok(rt::bound_builtin(
                    "with_traceback",
                    exc_with_traceback,
                    o.clone(),
                ))
            }
            "add_note" => return Ok(rt::bound_builtin("add_note", exc_add_note, o.clone())),
            _ => {}
        }
    }
    if let Some(d) = descr {
        return bind(d, o, &cls);
    }
    if i.exc.is_some() {
        if let Some(m) = BASE_EXCEPTION.get(name) {
            return Ok(rt::method_obj(m, Some(o.clone())));
        }
    }
    if let Some(b) = &i.base {
        if let Some(m) = crate::methods::lookup(b, name) {
            return Ok(crate::methods::bind(m, o));
        }
        if let Some(v) = builtin_object_attr(b, name)? {
            return Ok(v);
        }
        if let Some(kind) = type_obj(&ops::type_of(b)).builtin {
            if let Some(v) = value_method(kind, name, Some(o)) {
                return Ok(v);
            }
        }
    }
    if let Some(ga) = lookup_type(&cls, "__getattr__") {
        return ops::call(&ga, vec![o.clone(), rt::str_obj(name)], vec![]);
    }
    inherited_from_object(o, name).ok_or_else(|| no_attr(o, name))
}

fn exc_with_traceback(args: &[ObjRef], _: &[(String, ObjRef)]) -> PyResult<ObjRef> {
    let [e, tb] = args else {
        return Err(type_error(format!(
            "BaseException.with_traceback() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    set_exc_traceback(e, tb)?;
    Ok(e.clone())
}

/// `e.__traceback__ = tb`: a traceback object or None.
fn set_exc_traceback(e: &ObjRef, tb: &ObjRef) -> PyResult<()> {
    let new = if ops::is_none(tb) {
        None
    } else if tb.downcast::<crate::traceback::TracebackObj>().is_some() {
        Some(tb.clone())
    } else {
        return Err(type_error("__traceback__ must be a traceback or None"));
    };
    if let Some(s) = exc_state(e) {
        let old = std::mem::replace(&mut *s.traceback.borrow_mut(), new);
        drop(old);
    }
    Ok(())
}

/// The methods of BaseException with declared signatures.
static BASE_EXCEPTION: MethodTable = MethodTable {
    type_name: "BaseException",
    accepts: |o| exc_state(o).is_some(),
    methods: &[
        def("__reduce__", exc_reduce, Params::NoArgs),
        def("__setstate__", exc_setstate, Params::One),
    ],
};

/// `e.__reduce__()`: `(type(e), e.args)`, and the instance dict when it has entries.
fn exc_reduce(a: &[ObjRef], _: &[(String, ObjRef)]) -> PyResult<ObjRef> {
    let e = &a[0];
    let mut parts = vec![ops::type_of(e), rt::tuple(exc_args(e))];
    if let Some(i) = e.downcast::<Instance>() {
        let has_attrs = i.dict.borrow().is_some() || !i.attrs.borrow().is_empty();
        if has_attrs {
            let d = instance_dict(e, i);
            if ops::len(&d)? > 0 {
                parts.push(d);
            }
        }
    }
    Ok(rt::tuple(parts))
}

/// `e.__setstate__(state)`: each item of a dict state becomes an attribute; None is no state.
fn exc_setstate(a: &[ObjRef], _: &[(String, ObjRef)]) -> PyResult<ObjRef> {
    let (e, state) = (&a[0], &a[1]);
    if !ops::is_none(state) {
        if state.downcast::<DictObj>().is_none() {
            return Err(type_error("state is not a dictionary"));
        }
        for (k, v) in ops::dict_items(state) {
            let name = ops::str_of(&k)
                .ok_or_else(|| type_error("attribute name must be string"))?
                .to_string();
            setattr(e, &name, Some(v))?;
        }
    }
    Ok(rt::none())
}

fn exc_add_note(args: &[ObjRef], _: &[(String, ObjRef)]) -> PyResult<ObjRef> {
    Ok(args.first().map(|_| rt::none()).unwrap_or_else(rt::none))
}

/// A special method of built-in value type `b` that its method table lacks (`int.__repr__`,
/// `list.__setitem__`…), bound to `this` or unbound; None for `__hash__` of the unhashable types.
fn value_method(b: Builtin, name: &str, this: Option<&ObjRef>) -> Option<ObjRef> {
    if crate::valuemethods::hash_is_none(b, name) {
        return Some(rt::none());
    }
    let m = crate::valuemethods::lookup(b, name)?;
    Some(rt::method_obj(m, this.cloned()))
}

/// `C.__annotations__` of a class (3.10+): its own namespace's entry — never a base's — created empty and
/// stored there on first access when the body annotated nothing.
fn class_annotations(t: &TypeObj) -> ObjRef {
    if let Some(a) = dict_get_str(&t.dict, "__annotations__") {
        return a;
    }
    let a = rt::dict();
    ops::dict_set_str(&t.dict, "__annotations__", a.clone());
    crate::typecache::invalidate();
    a
}

/// Attribute lookup on a class, as CPython's `type_getattro`: a data descriptor of the metaclass, then
/// the class's mro (descriptors bound to no instance), then the metaclass's other attributes bound to
/// the class (`type`'s methods last).
fn type_getattr(o: &ObjRef, t: &TypeObj, name: &str) -> PyResult<ObjRef> {
    let meta_attr = t.metatype.as_ref().and_then(|m| lookup_type(m, name));
    if let (Some(m), Some(d)) = (&t.metatype, &meta_attr) {
        if matches!(d.downcast::<DescrObj>(), Some(DescrObj::Property { .. }))
            || is_user_data_descriptor(d)
        {
            return bind(d.clone(), o, m);
        }
    }
    match name {
        "__name__" => return Ok(rt::str_obj(&t.name.borrow())),
        "__qualname__" => return Ok(rt::str_obj(&t.qualname.borrow())),
        "__mro__" => return Ok(t.mro.borrow().clone()),
        "__bases__" => return Ok(t.bases.borrow().clone()),
        "__base__" => return Ok(t.base.clone().unwrap_or_else(rt::none)),
        "__dict__" => return Ok(t.dict.clone()),
        "__class__" => return Ok(ops::type_of(o)),
        "__module__" if t.builtin.is_some() => {
            return Ok(
                dict_get_str(&t.dict, "__module__").unwrap_or_else(|| rt::str_obj("builtins"))
            )
        }
        "__doc__" if dict_get_str(&t.dict, "__doc__").is_none() => {
            return Ok(match t.builtin {
                Some(_) => builtin_type_doc(o).unwrap_or_else(rt::none),
                None => rt::none(),
            })
        }
        "__annotations__" if t.builtin.is_none() => return Ok(class_annotations(t)),
        _ => {}
    }
    if let Some(d) = lookup_type(o, name) {
        if let Some(dd) = d.downcast::<DescrObj>() {
            return match dd {
                DescrObj::Static(f) => Ok(f.clone()),
                DescrObj::Class(f) => Ok(alloc(
                    &METHOD_VT,
                    MethodObj {
                        func: f.clone(),
                        self_obj: o.clone(),
                    },
                )),
                DescrObj::Property { .. } => Ok(d.clone()),
            };
        }
        if let Some(get) = user_descriptor_hook(&d, "__get__") {
            // Looked up on the class itself: `__get__(descr, None, cls)`.
            return ops::call(&get, vec![d, rt::none(), o.clone()], vec![]);
        }
        return Ok(d);
    }
    if let Some(v) = builtin_class_attr(o, t, name) {
        return Ok(v);
    }
    if let (Some(m), Some(d)) = (&t.metatype, meta_attr) {
        return bind(d, o, m);
    }
    // `type`'s own methods, bound to the class (`A.mro()`, `A.__subclasses__()`).
    if let Some(m) = crate::metaclass::type_method(name) {
        let this = if m.def.binding == crate::callsig::Binding::Class {
            ops::type_of(o)
        } else {
            o.clone()
        };
        return Ok(rt::method_obj(m, Some(this)));
    }
    if let Some(ga) = t
        .metatype
        .as_ref()
        .and_then(|m| lookup_type(m, "__getattr__"))
    {
        return ops::call(&ga, vec![o.clone(), rt::str_obj(name)], vec![]);
    }
    Err(attribute_error(format!(
        "type object '{}' has no attribute '{}'",
        t.name.borrow(),
        name
    )))
}

/// The attributes built-in types on the mro of class `o` provide (`object.__new__`, `list.append`,
/// `type.__call__` for a metaclass, …), unbound as found on a class.
fn builtin_class_attr(o: &ObjRef, t: &TypeObj, name: &str) -> Option<ObjRef> {
    if t.makes_classes {
        if let Some(m) = crate::metaclass::type_method(name) {
            // `type.__prepare__` is a class method: bound to the metaclass it is found on.
            let this = (m.def.binding == crate::callsig::Binding::Class).then(|| o.clone());
            return Some(rt::method_obj(m, this));
        }
    }
    // A built-in type's methods, also as a subclass finds them (`list.append`, `MyList.append`).
    let value_type = match t.builtin {
        Some(_) => Some(o.clone()),
        None => builtin_base_type(o),
    };
    if let Some(vt) = value_type {
        let b = type_obj(&vt).builtin.expect("a built-in type");
        if let Some(m) = crate::methods::lookup_for_type(b, name) {
            // A class method binds to the class it is looked up on (`MyDict.fromkeys`).
            return Some(crate::methods::from_type(m, o));
        }
        if let Some(v) = value_method(b, name, None) {
            return Some(v);
        }
    }
    crate::objectmethods::lookup(name).map(|m| crate::methods::from_type(m, o))
}

fn super_getattr(s: &SuperObj, name: &str) -> PyResult<ObjRef> {
    let start_type = if s.obj.downcast::<TypeObj>().is_some() && ops::is_subtype(&s.obj, &s.cls) {
        s.obj.clone()
    } else {
        ops::type_of(&s.obj)
    };
    let mro = type_obj(&start_type).mro_vec();
    let pos = mro.iter().position(|c| c.is(&s.cls)).map_or(0, |p| p + 1);
    for c in &mro[pos..] {
        if let Some(d) = dict_get_str(&type_obj(c).dict, name) {
            // As CPython's super_getattro: bound to no instance when the object is the start type.
            if s.obj.is(&start_type) && d.downcast::<FunctionObj>().is_some() {
                return Ok(d);
            }
            return bind(d, &s.obj, &start_type);
        }
        // `type` on the mro (in a metaclass's methods): `type.__new__`, `type.__call__`, …
        if type_obj(c).makes_classes && type_obj(c).builtin.is_some() {
            if let Some(m) = crate::metaclass::type_method(name) {
                let this = if m.def.binding == crate::callsig::Binding::Class {
                    Some(start_type.clone())
                } else {
                    Some(s.obj.clone()).filter(|o| !o.is(&start_type))
                };
                return Ok(rt::method_obj(m, this));
            }
        }
        // A built-in value type (list, int, …) on the mro: its methods act on the instance's value.
        if let (Some(b), true) = (type_obj(c).builtin, base_ref(&s.obj).is_some()) {
            if is_value_base(b) {
                // Before the method table: valuemethods' __getitem__ keeps a dict subclass's __missing__.
                if let Some(v) = value_method(b, name, Some(&s.obj)) {
                    return Ok(v);
                }
                if let Some(m) = crate::methods::lookup_for_type(b, name) {
                    return Ok(crate::methods::bind(m, &s.obj));
                }
            }
        }
    }
    if let Some(m) = crate::objectmethods::lookup(name) {
        return Ok(match m.def.binding {
            // The first built-in `__new__` past the class super() starts after.
            Binding::New => {
                rt::method_obj(m, Some(crate::objectmethods::new_owner_on(&mro[pos..])))
            }
            Binding::Class => rt::method_obj(m, Some(start_type)),
            Binding::Instance => rt::method_obj(m, Some(s.obj.clone())),
        });
    }
    Err(attribute_error(format!(
        "'super' object has no attribute '{}'",
        name
    )))
}

/// Attributes of built-in objects that are data, not methods.
fn builtin_object_attr(o: &ObjRef, name: &str) -> PyResult<Option<ObjRef>> {
    if let Some(d) = o.downcast::<SlotDescrObj>() {
        let owner = d.owner();
        return Ok(match name {
            "__name__" => Some(rt::str_obj(d.name())),
            "__qualname__" => Some(rt::str_obj(&format!(
                "{}.{}",
                type_obj(owner).qualname.borrow(),
                d.name()
            ))),
            "__objclass__" => Some(owner.clone()),
            "__doc__" => Some(rt::none()),
            "__get__" => Some(rt::bound_builtin("__get__", slot_descr_get, o.clone())),
            _ => None,
        });
    }
    if let Some(f) = o.downcast::<FunctionObj>() {
        let code = &f.code.downcast::<CodeObj>().unwrap().0;
        return Ok(Some(match name {
            "__name__" => rt::str_obj(&f.name.borrow()),
            "__qualname__" => rt::str_obj(&f.qualname.borrow()),
            "__code__" => f.code.clone(),
            "__globals__" => f.globals.clone(),
            "__module__" => dict_get_str(&f.globals, "__name__").unwrap_or_else(rt::none),
            "__defaults__" => f.defaults.borrow().clone().unwrap_or_else(rt::none),
            "__kwdefaults__" => f.kwdefaults.borrow().clone().unwrap_or_else(rt::none),
            "__closure__" => f.closure.borrow().clone().unwrap_or_else(rt::none),
            "__doc__" => code
                .consts
                .first()
                .filter(|c| str_of(c).is_some() && code.flags & crate::bytecode::CO_NAMESPACE == 0)
                .cloned()
                .filter(|_| false)
                .unwrap_or_else(rt::none),
            "__annotations__" => {
                let a = f.annotations.borrow().clone();
                match a {
                    Some(a) => a,
                    None => {
                        let d = rt::dict();
                        *f.annotations.borrow_mut() = Some(d.clone());
                        d
                    }
                }
            }
            "__dict__" => {
                let d = f.dict.borrow().clone();
                match d {
                    Some(d) => d,
                    None => {
                        let d = rt::dict();
                        *f.dict.borrow_mut() = Some(d.clone());
                        d
                    }
                }
            }
            _ => {
                let d = f.dict.borrow().clone();
                match d.and_then(|d| dict_get_str(&d, name)) {
                    Some(v) => v,
                    None => return Ok(None),
                }
            }
        }));
    }
    if let Some(m) = o.downcast::<MethodObj>() {
        return Ok(match name {
            "__self__" => Some(m.self_obj.clone()),
            "__func__" => Some(m.func.clone()),
            "__name__" | "__qualname__" | "__doc__" | "__module__" => Some(getattr(&m.func, name)?),
            _ => None,
        });
    }
    if let Some(b) = o.downcast::<BuiltinObj>() {
        return Ok(match name {
            "__name__" | "__qualname__" => Some(rt::str_obj(b.name)),
            "__self__" => Some(b.self_obj.clone().unwrap_or_else(rt::none)),
            _ => None,
        });
    }
    if let Some(c) = o.downcast::<CodeObj>() {
        let c = &c.0;
        return Ok(match name {
            "co_name" => Some(rt::str_obj(&c.name)),
            "co_qualname" => Some(rt::str_obj(&c.qualname)),
            "co_filename" => Some(rt::str_obj(&c.source.filename)),
            "co_argcount" => Some(rt::int(c.argcount as i64)),
            "co_stacksize" => Some(rt::int(c.stacksize as i64)),
            "co_nlocals" => Some(rt::int(c.varnames.len() as i64)),
            "co_firstlineno" => Some(rt::int(c.first_line as i64)),
            "co_consts" => Some(rt::tuple(c.consts.clone())),
            "co_varnames" => Some(rt::tuple(
                c.varnames.iter().map(|s| rt::intern(s)).collect(),
            )),
            "co_freevars" => Some(rt::tuple(
                c.freevars.iter().map(|s| rt::intern(s)).collect(),
            )),
            "co_cellvars" => Some(rt::tuple(
                c.cellvars.iter().map(|s| rt::intern(s)).collect(),
            )),
            _ => None,
        });
    }
    if let Some(v) = crate::traceback::object_attr(o, name) {
        return Ok(Some(v));
    }
    if let Some(c) = o.downcast::<CellObj>() {
        if name == "cell_contents" {
            return match c.0.borrow().clone() {
                Some(v) => Ok(Some(v)),
                None => Err(value_error("Cell is empty")),
            };
        }
    }
    if let Some(r) = o.downcast::<RangeObj>() {
        return Ok(match name {
            "start" => Some(rt::bigint(r.start.clone())),
            "stop" => Some(rt::bigint(r.stop.clone())),
            "step" => Some(rt::bigint(r.step.clone())),
            _ => None,
        });
    }
    if let Some(g) = o.downcast::<crate::genericalias::GenericAliasObj>() {
        return Ok(crate::genericalias::attr(g, name));
    }
    if let Some(s) = o.downcast::<SliceObj>() {
        return Ok(match name {
            "start" => Some(s.0.clone()),
            "stop" => Some(s.1.clone()),
            "step" => Some(s.2.clone()),
            _ => None,
        });
    }
    if let Some(c) = o.downcast::<CLongObj>() {
        if name == "value" {
            return Ok(Some(rt::int(ops::clong_value(c))));
        }
    }
    if let Some(g) = o.downcast::<GeneratorObj>() {
        return Ok(match name {
            "__name__" => Some(rt::str_obj(&g.name)),
            "__qualname__" => Some(rt::str_obj(&g.qualname)),
            "gi_running" => Some(rt::bool_obj(g.running.get())),
            "gi_frame" => Some(if g.frame.borrow().is_some() {
                rt::bool_obj(true)
            } else {
                rt::none()
            }),
            _ => None,
        });
    }
    if let Some(i) = ops::as_bigint(o) {
        return Ok(match name {
            "real" | "numerator" => Some(rt::bigint(i)),
            "imag" => Some(rt::int(0)),
            "denominator" => Some(rt::int(1)),
            _ => None,
        });
    }
    if let Some(c) = o.downcast::<ComplexObj>() {
        return Ok(match name {
            "real" => Some(rt::float(c.0)),
            "imag" => Some(rt::float(c.1)),
            _ => None,
        });
    }
    if let Some(f) = o.downcast::<FloatObj>() {
        return Ok(match name {
            "real" => Some(rt::float(f.0)),
            "imag" => Some(rt::float(0.0)),
            _ => None,
        });
    }
    if let Some(d) = o.downcast::<DescrObj>() {
        return Ok(match (d, name) {
            (DescrObj::Property { fget, .. }, "fget") => {
                Some(fget.clone().unwrap_or_else(rt::none))
            }
            (DescrObj::Property { fset, .. }, "fset") => {
                Some(fset.clone().unwrap_or_else(rt::none))
            }
            (DescrObj::Static(f) | DescrObj::Class(f), "__func__") => Some(f.clone()),
            (DescrObj::Property { .. }, "setter") => Some(rt::bound_builtin(
                "setter",
                crate::builtins::property_setter,
                o.clone(),
            )),
            (DescrObj::Property { .. }, "getter") => Some(rt::bound_builtin(
                "getter",
                crate::builtins::property_getter,
                o.clone(),
            )),
            (DescrObj::Property { .. }, "deleter") => Some(rt::bound_builtin(
                "deleter",
                crate::builtins::property_deleter,
                o.clone(),
            )),
            _ => None,
        });
    }
    if let Some(w) = refpy_heap::weakref::as_weakref(o) {
        if name == "__callback__" {
            return Ok(Some(w.callback().unwrap_or_else(rt::none)));
        }
    }
    if let Some(f) = o.downcast::<FileObj>() {
        return Ok(match name {
            "closed" => Some(rt::bool_obj(f.closed.get())),
            "name" => Some(rt::str_obj(&f.path)),
            "mode" => Some(rt::str_obj(&f.mode)),
            _ => None,
        });
    }
    Ok(None)
}

/// `o.name = v` (or `del o.name` when `v` is `None`).
pub fn setattr(o: &ObjRef, name: &str, v: Option<ObjRef>) -> PyResult<()> {
    if let Some(i) = o.downcast::<Instance>() {
        let hook = if v.is_some() {
            "__setattr__"
        } else {
            "__delattr__"
        };
        let custom = lookup_type(&i.cls.borrow(), hook);
        if let Some(f) = custom {
            let mut args = vec![o.clone(), rt::str_obj(name)];
            if let Some(v) = v {
                args.push(v);
            }
            ops::call(&f, args, vec![])?;
            return Ok(());
        }
        return generic_setattr(o, i, name, v);
    }
    if name == "__class__" && o.downcast::<TypeObj>().is_none() {
        // Objects of built-in types keep their class (CPython's object_set_class).
        return Err(type_error(match &v {
            None => "can't delete __class__ attribute".to_string(),
            Some(c) if c.downcast::<TypeObj>().is_none() => format!(
                "__class__ must be set to a class, not '{}' object",
                type_name(c)
            ),
            Some(_) => {
                "__class__ assignment only supported for mutable types or ModuleType subclasses"
                    .to_string()
            }
        }));
    }
    if let Some(t) = o.downcast::<TypeObj>() {
        // The metaclass's `__setattr__`/`__delattr__` written in Python.
        let hook = if v.is_some() {
            "__setattr__"
        } else {
            "__delattr__"
        };
        if let Some(f) = t.metatype.as_ref().and_then(|m| lookup_type(m, hook)) {
            let mut args = vec![o.clone(), rt::str_obj(name)];
            args.extend(v);
            return ops::call(&f, args, vec![]).map(drop);
        }
        return type_setattr(o, t, name, v);
    }
    if let Some(f) = o.downcast::<FunctionObj>() {
        match (name, v) {
            ("__name__", Some(v)) => *f.name.borrow_mut() = ops::str_(&v)?,
            ("__qualname__", Some(v)) => *f.qualname.borrow_mut() = ops::str_(&v)?,
            ("__defaults__", v) => {
                let old = std::mem::replace(
                    &mut *f.defaults.borrow_mut(),
                    v.filter(|x| !ops::is_none(x)),
                );
                drop(old);
            }
            (_, Some(v)) => {
                let d = f.dict.borrow().clone();
                let d = match d {
                    Some(d) => d,
                    None => {
                        let d = rt::dict();
                        *f.dict.borrow_mut() = Some(d.clone());
                        d
                    }
                };
                ops::dict_set_str(&d, name, v);
            }
            (_, None) => {
                let d = f.dict.borrow().clone();
                if d.and_then(|d| ops::dict_del_str(&d, name)).is_none() {
                    return Err(no_attr(o, name));
                }
            }
        }
        return Ok(());
    }
    if let Some(m) = o.downcast::<ModuleObj>() {
        match v {
            Some(v) => ops::dict_set_str(&m.dict, name, v),
            None => {
                if ops::dict_del_str(&m.dict, name).is_none() {
                    return Err(attribute_error(format!(
                        "module '{}' has no attribute '{}'",
                        m.name, name
                    )));
                }
            }
        }
        return Ok(());
    }
    if let Some(c) = o.downcast::<CLongObj>() {
        if name == "value" {
            if let Some(v) = v {
                c.value.set(ops::index_arg(&v)?);
                return Ok(());
            }
        }
    }
    if let Some(w) = refpy_heap::weakref::as_weakref(o) {
        if w.kind() == refpy_heap::weakref::WeakKind::Proxy {
            if let Some(t) = refpy_heap::weakref::upgrade(o) {
                return setattr(&t, name, v);
            }
        }
    }
    let readonly = ops::getattr(o, name).is_ok();
    if readonly && v.is_some() {
        return Err(attribute_error(format!(
            "'{}' object attribute '{}' is read-only",
            type_name(o),
            name
        )));
    }
    Err(attribute_error(if v.is_some() {
        format!("'{}' object has no attribute '{}'", type_name(o), name)
    } else {
        format!("'{}' object has no attribute '{}'", type_name(o), name)
    }))
}

/// `o.name = v` (`v` None: `del o.name`) through `d`, the attribute of `o`'s class, when it is a data
/// descriptor (a property, or a Python object whose class defines `__set__`/`__delete__`).
fn set_through_descriptor(
    d: &ObjRef,
    o: &ObjRef,
    name: &str,
    v: &Option<ObjRef>,
) -> Option<PyResult<()>> {
    let hook = if v.is_some() { "__set__" } else { "__delete__" };
    if let Some(f) = user_descriptor_hook(d, hook) {
        let mut args = vec![d.clone(), o.clone()];
        args.extend(v.clone());
        return Some(ops::call(&f, args, vec![]).map(drop));
    }
    let Some(DescrObj::Property { fset, fdel, .. }) = d.downcast::<DescrObj>() else {
        return None;
    };
    let (f, what) = if v.is_some() {
        (fset, "setter")
    } else {
        (fdel, "deleter")
    };
    Some(match f {
        Some(f) => {
            let mut args = vec![o.clone()];
            args.extend(v.clone());
            ops::call(f, args, vec![]).map(drop)
        }
        None => Err(attribute_error(format!(
            "property '{}' of '{}' object has no {}",
            name,
            type_name(o),
            what
        ))),
    })
}

/// `type.__setattr__` / `type.__delattr__` (CPython's `type_setattro`): a data descriptor of the
/// metaclass, else the class's namespace; built-in types are immutable.
pub fn type_setattr(o: &ObjRef, t: &TypeObj, name: &str, v: Option<ObjRef>) -> PyResult<()> {
    if let Some(d) = t.metatype.as_ref().and_then(|m| lookup_type(m, name)) {
        if let Some(done) = set_through_descriptor(&d, o, name, &v) {
            return done;
        }
    }
    if t.builtin.is_some() {
        return Err(type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            name,
            t.name.borrow()
        )));
    }
    match v {
        Some(v) => {
            if name == "__name__" {
                if let Some(s) = str_of(&v) {
                    *t.name.borrow_mut() = s.to_string();
                }
            }
            ops::dict_set_str(&t.dict, name, v);
        }
        None => {
            if ops::dict_del_str(&t.dict, name).is_none() {
                return Err(attribute_error(format!(
                    "type object '{}' has no attribute '{}'",
                    t.name.borrow(),
                    name
                )));
            }
        }
    }
    Ok(())
}

/// `object.__setattr__`: descriptors, slots, then the instance's own storage.
pub fn generic_setattr(o: &ObjRef, i: &Instance, name: &str, v: Option<ObjRef>) -> PyResult<()> {
    let cls = i.cls.borrow().clone();
    if name == "__class__" {
        return assign_class(i, &cls, v);
    }
    if let Some(d) = lookup_type(&cls, name) {
        if let Some(done) = set_through_descriptor(&d, o, name, &v) {
            return done;
        }
        if let Some(SlotDescrObj::GetSet {
            name: "__weakref__",
            owner,
        }) = d.downcast::<SlotDescrObj>()
        {
            return Err(attribute_error(format!(
                "attribute '__weakref__' of '{}' objects is not writable",
                type_obj(owner).name.borrow()
            )));
        }
    }
    if let Some(idx) = slot_index(&cls, name) {
        let old = {
            let mut s = i.slots.borrow_mut();
            if s.len() <= idx {
                s.resize(idx + 1, None);
            }
            std::mem::replace(&mut s[idx], v.clone())
        };
        if v.is_none() && old.is_none() {
            return Err(no_attr(o, name));
        }
        drop(old);
        return Ok(());
    }
    if !type_obj(&cls).has_dict.get() && i.exc.is_none() {
        return Err(attribute_error(format!(
            "'{}' object has no attribute '{}'",
            type_name(o),
            name
        )));
    }
    if let Some(e) = &i.exc {
        match name {
            "__cause__" => {
                let old =
                    std::mem::replace(&mut *e.cause.borrow_mut(), v.filter(|x| !ops::is_none(x)));
                e.suppress_context.set(true);
                drop(old);
                return Ok(());
            }
            "__context__" => {
                let old =
                    std::mem::replace(&mut *e.context.borrow_mut(), v.filter(|x| !ops::is_none(x)));
                drop(old);
                return Ok(());
            }
            "__traceback__" => {
                return match v {
                    Some(tb) => set_exc_traceback(o, &tb),
                    None => Err(type_error("__traceback__ may not be deleted")),
                };
            }
            "args" => {
                let t = match v {
                    Some(v) => rt::tuple(ops::iterate(&v)?),
                    None => rt::tuple(vec![]),
                };
                let old = e.args.borrow_mut().replace(t);
                drop(old);
                return Ok(());
            }
            _ => {}
        }
        // BaseException keeps attributes in a real __dict__ (no inline values), made on first use.
        instance_dict(o, i);
    }
    // Subclasses of built-in types keep attributes in a real __dict__: CPython makes inline values only in
    // object.__new__, which the built-ins' own __new__ replaces.
    if i.base.is_some() && v.is_some() {
        instance_dict(o, i);
    }
    let dict = i.dict.borrow().clone();
    if let Some(d) = dict {
        return match v {
            Some(v) => ops::dict_set(&d, rt::intern(name), v),
            None => match ops::dict_del_str(&d, name) {
                Some(_) => Ok(()),
                None => Err(no_attr(o, name)),
            },
        };
    }
    let old = {
        let mut attrs = i.attrs.borrow_mut();
        let pos = attrs.iter().position(|(k, _)| same_name(k, name));
        match (pos, v) {
            (Some(p), Some(v)) => Some(std::mem::replace(&mut attrs[p].1, v)),
            (Some(p), None) => Some(attrs.remove(p).1),
            (None, Some(v)) => {
                drop(attrs);
                store_new_inline(i, type_obj(&cls), name, v);
                None
            }
            (None, None) => {
                drop(attrs);
                return Err(no_attr(o, name));
            }
        }
    };
    drop(old);
    Ok(())
}

/// NOTE: CPython stops sharing keys at 30 names (`SHARED_KEYS_MAX_SIZE`); beyond that each instance gets its
/// own copy, so classes whose instances use ever new names do not grow a long list.
const SHARED_NAMES_MAX: usize = 30;

/// The shared copy of attribute name `name` from a class's list (looked for at `hint` first), added there
/// if there is room.
fn attr_name(names: &RefCell<Vec<AttrName>>, name: &str, hint: usize) -> AttrName {
    let mut names = names.borrow_mut();
    if let Some(n) = names.get(hint).filter(|n| same_name(n, name)) {
        return n.clone();
    }
    if let Some(n) = names.iter().find(|n| same_name(n, name)) {
        return n.clone();
    }
    let n = AttrName::from(name);
    if names.len() < SHARED_NAMES_MAX {
        names.push(n.clone());
    }
    n
}

/// `obj.__class__ = new`: allowed between classes written in Python whose instances have the same layout
/// (slots, `__dict__`, built-in base), as CPython's `compatible_for_assignment` checks.
fn assign_class(i: &Instance, old: &ObjRef, new: Option<ObjRef>) -> PyResult<()> {
    let Some(new) = new else {
        return Err(type_error("can't delete __class__ attribute"));
    };
    let Some(new_type) = new.downcast::<TypeObj>() else {
        return Err(type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            type_name(&new)
        )));
    };
    let old_type = type_obj(old);
    if new_type.builtin.is_some() || old_type.builtin.is_some() {
        return Err(type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    let same_layout = *new_type.slots.borrow() == *old_type.slots.borrow()
        && new_type.has_dict.get() == old_type.has_dict.get()
        && new_type.weakrefable.get() == old_type.weakrefable.get()
        && builtin_base_type(&new).map(|t| t.addr()) == builtin_base_type(old).map(|t| t.addr())
        && ops::is_subtype(&new, &rt().types.base_exception)
            == ops::is_subtype(old, &rt().types.base_exception);
    if !same_layout {
        return Err(type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new_type.name.borrow(),
            old_type.name.borrow()
        )));
    }
    let previous = i.cls.replace(new);
    drop(previous);
    Ok(())
}

/// A fresh instance of a user class (no `__init__` call), extending the built-in value `base` when `cls`
/// derives from a built-in type (the value is made by the built-in's `__new__`).
pub fn new_instance_with_base(cls: &ObjRef, base: Option<ObjRef>) -> ObjRef {
    new_instance_of_layout(cls, base, ops::instance_vtable(cls))
}

/// `new_instance_with_base` when the caller knows the class's instance vtable (`ops::instance_vtable`).
pub fn new_instance_of_layout(
    cls: &ObjRef,
    base: Option<ObjRef>,
    vtable: &'static refpy_heap::VTable,
) -> ObjRef {
    let t = type_obj(cls);
    let is_exc = *t
        .is_exception
        .get_or_init(|| ops::is_subtype(cls, &rt().types.base_exception));
    let nslots = t.slots.borrow().as_ref().map_or(0, |s| s.len());
    if let Some(b) = &base {
        // The value is part of the instance: the collector sees (and counts) only the instance.
        b.untrack();
    }
    t.shared_keys.borrow_mut().instance_created();
    alloc(
        vtable,
        Instance {
            cls: RefCell::new(cls.clone()),
            attrs: RefCell::new(Vec::new()),
            dict: RefCell::new(None),
            slots: RefCell::new(vec![None; nslots]),
            exc: if is_exc {
                Some(Box::new(ExcState {
                    args: RefCell::new(Some(rt::tuple(vec![]))),
                    ..Default::default()
                }))
            } else {
                None
            },
            base,
        },
    )
}

/// The built-in type whose value a user class extends (int, str, tuple, list, dict, …), if any: the first
/// such type on the mro (CPython's "solid base"; a class cannot have two).
pub fn builtin_base_type(cls: &ObjRef) -> Option<ObjRef> {
    type_obj(cls).with_mro(|mro| {
        mro.iter()
            .find(|t| type_obj(t).builtin.is_some_and(is_value_base))
            .cloned()
    })
}

/// Built-in types whose instances a subclass instance wraps as its `base`.
fn is_value_base(b: Builtin) -> bool {
    matches!(
        b,
        Builtin::Int
            | Builtin::Float
            | Builtin::Complex
            | Builtin::Str
            | Builtin::Bytes
            | Builtin::ByteArray
            | Builtin::Tuple
            | Builtin::FrozenSet
            | Builtin::List
            | Builtin::Dict
            | Builtin::Set
    )
}

/// The built-in value behind an instance of a subclass of a built-in type.
pub fn base_value(o: &ObjRef) -> Option<ObjRef> {
    base_ref(o).cloned()
}

/// The built-in value behind an instance of a subclass of a built-in type, borrowed.
pub fn base_ref(o: &ObjRef) -> Option<&ObjRef> {
    o.downcast::<Instance>().and_then(|i| i.base.as_ref())
}

/// `o` itself, or the built-in value behind it when it is an instance of a subclass of a built-in type.
pub fn unwrap_base(o: &ObjRef) -> &ObjRef {
    base_ref(o).unwrap_or(o)
}
