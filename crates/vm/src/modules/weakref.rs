//! The `weakref` module: `ref` and `proxy` are refpy-heap weak references; the container classes and
//! `finalize` are written in Python on top of them (like CPython's `weakref.py`).

use refpy_heap::weakref::{self as hw, WeakKind};
use refpy_heap::ObjRef;

use super::{module_dict, new_module};
use crate::exc::*;
use crate::objects::*;
use crate::ops::{self, type_name};
use crate::rt::{self, rt};

type Kw<'a> = &'a [(String, ObjRef)];

/// `weakref.ref(obj[, callback])` / `weakref.proxy(obj[, callback])`.
pub fn weakref_new(a: &[ObjRef], kind: WeakKind) -> PyResult<ObjRef> {
    let target = a
        .first()
        .ok_or_else(|| type_error("__new__ expected at least 1 argument, got 0"))?;
    let callback = a.get(1).filter(|c| !ops::is_none(c)).cloned();
    let weakrefable = match target.downcast::<TypeObj>() {
        Some(_) => true,
        None => match target.downcast::<Instance>() {
            Some(i) => ops::type_obj(&i.cls.borrow()).weakrefable.get(),
            None => target.raw().vtable().weakrefable,
        },
    };
    if !weakrefable {
        return Err(type_error(format!(
            "cannot create weak reference to '{}' object",
            type_name(target)
        )));
    }
    if callback.is_none() {
        if let Some(r) = hw::basic_ref(target, kind) {
            return Ok(r);
        }
    }
    hw::new_weakref(target, callback, kind).map_err(|e| type_error(e.to_string()))
}

fn proxy(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    weakref_new(a, WeakKind::Proxy)
}

fn getweakrefcount(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::int(hw::weakref_count(&a[0]) as i64))
}

fn getweakrefs(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::list(hw::weakrefs_of(&a[0])))
}

/// Heap hook: a weakref's Python callback; errors are unraisable.
pub fn run_callback(callback: &ObjRef, wr: &ObjRef) {
    if let Err(e) = ops::call(callback, vec![wr.clone()], vec![]) {
        crate::traceback::unraisable(callback, &e);
    }
}

const PRELUDE: &str = r#"
class WeakValueDictionary:
    def __init__(self, other=(), **kw):
        def remove(wr, selfref=ref(self)):
            self = selfref()
            if self is not None:
                for k, v in list(self.data.items()):
                    if v is wr:
                        del self.data[k]
                        break
        self._remove = remove
        self.data = {}
        self.update(other, **kw)
    def update(self, other=(), **kw):
        if hasattr(other, "items"):
            other = other.items()
        for k, v in other:
            self[k] = v
        for k, v in kw.items():
            self[k] = v
    def __setitem__(self, key, value):
        self.data[key] = ref(value, self._remove)
    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o
    def __delitem__(self, key):
        del self.data[key]
    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None
    def __len__(self):
        return len(self.data)
    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o
    def pop(self, key, *args):
        try:
            o = self.data.pop(key)()
        except KeyError:
            if args:
                return args[0]
            raise
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o
    def keys(self):
        return [k for k, wr in list(self.data.items()) if wr() is not None]
    def __iter__(self):
        return iter(self.keys())
    def values(self):
        out = []
        for wr in list(self.data.values()):
            o = wr()
            if o is not None:
                out.append(o)
        return out
    def items(self):
        out = []
        for k, wr in list(self.data.items()):
            o = wr()
            if o is not None:
                out.append((k, o))
        return out
    def valuerefs(self):
        return list(self.data.values())
    def __repr__(self):
        return "<WeakValueDictionary at %s>" % hex(id(self))

class WeakKeyDictionary:
    def __init__(self, dict=None):
        def remove(k, selfref=ref(self)):
            self = selfref()
            if self is not None:
                try:
                    del self.data[k]
                except KeyError:
                    pass
        self._remove = remove
        self.data = {}
        if dict is not None:
            self.update(dict)
    def update(self, other=()):
        if hasattr(other, "items"):
            other = other.items()
        for k, v in other:
            self[k] = v
    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value
    def __getitem__(self, key):
        return self.data[ref(key)]
    def __delitem__(self, key):
        del self.data[ref(key)]
    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data
    def __len__(self):
        return len(self.data)
    def get(self, key, default=None):
        return self.data.get(ref(key), default)
    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)
    def keys(self):
        return [k for k in (wr() for wr in list(self.data)) if k is not None]
    def __iter__(self):
        return iter(self.keys())
    def keyrefs(self):
        return list(self.data)
    def values(self):
        return [v for wr, v in list(self.data.items()) if wr() is not None]
    def items(self):
        out = []
        for wr, v in list(self.data.items()):
            k = wr()
            if k is not None:
                out.append((k, v))
        return out
    def __repr__(self):
        return "<WeakKeyDictionary at %s>" % hex(id(self))

class WeakSet:
    def __init__(self, data=None):
        def remove(item, selfref=ref(self)):
            self = selfref()
            if self is not None:
                self.data.discard(item)
        self._remove = remove
        self.data = set()
        if data is not None:
            for x in data:
                self.add(x)
    def add(self, item):
        self.data.add(ref(item, self._remove))
    def discard(self, item):
        self.data.discard(ref(item))
    def remove(self, item):
        self.data.remove(ref(item))
    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data
    def __len__(self):
        return len(self.data)
    def __iter__(self):
        return iter([x for x in (wr() for wr in list(self.data)) if x is not None])

class WeakMethod:
    def __init__(self, meth, callback=None):
        obj = meth.__self__
        func = meth.__func__
        def _cb(arg, selfref=None):
            if callback is not None and self_ref() is not None:
                callback(self_ref())
        self._obj_ref = ref(obj, _cb if callback is not None else None)
        self._func_ref = ref(func, _cb if callback is not None else None)
        self_ref = ref(self)
    def __call__(self):
        obj = self._obj_ref()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return _bind(func, obj)

class finalize:
    _registry = {}
    _index = 0
    def __init__(self, obj, func, /, *args, **kwargs):
        self._ref = ref(obj, self)
        self._func = func
        self._args = args
        self._kwargs = kwargs or {}
        self.atexit = True
        finalize._index += 1
        self._idx = finalize._index
        finalize._registry[self] = self._idx
        _register_atexit(self)
    def __call__(self, _=None):
        if finalize._registry.pop(self, None) is not None:
            return self._func(*self._args, **self._kwargs)
    def detach(self):
        obj = self._ref()
        if obj is not None and finalize._registry.pop(self, None) is not None:
            return (obj, self._func, self._args, self._kwargs)
    def peek(self):
        obj = self._ref()
        if obj is not None and self in finalize._registry:
            return (obj, self._func, self._args, self._kwargs)
    @property
    def alive(self):
        return self in finalize._registry
    def __repr__(self):
        return "<finalize object at %s>" % hex(id(self))

def _run_finalizers():
    pending = [f for f in list(finalize._registry) if f.atexit]
    pending.sort(key=lambda f: f._idx)
    while pending:
        f = pending.pop()
        try:
            f()
        except Exception as e:
            pass
    finalize._registry.clear()
"#;

/// `_bind(func, obj)`: a bound method (`types.MethodType(func, obj)`).
pub(super) fn bind(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    crate::builtins::method_new(a.to_vec(), Vec::new())
}

fn register_atexit(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    if rt().atexit.borrow().is_empty() {
        if let Some(m) = rt().modules.borrow().iter().find(|(n, _)| n == "weakref") {
            if let Some(f) = ops::dict_get_str(&module_dict(&m.1), "_run_finalizers") {
                rt().atexit.borrow_mut().push(f);
            }
        }
    }
    let _ = a;
    Ok(rt::none())
}

pub fn make() -> PyResult<ObjRef> {
    let m = new_module(
        "weakref",
        &[
            ("proxy", proxy),
            ("getweakrefcount", getweakrefcount),
            ("getweakrefs", getweakrefs),
            ("_register_atexit", register_atexit),
            ("_bind", bind),
        ],
    );
    let d = module_dict(&m);
    let t = &rt().types;
    ops::dict_set_str(&d, "ref", t.weakref.clone());
    ops::dict_set_str(&d, "ReferenceType", t.weakref.clone());
    ops::dict_set_str(&d, "ProxyType", t.weakproxy.clone());
    ops::dict_set_str(&d, "__name__", rt::str_obj("weakref"));
    // Registered before running the prelude so that `_register_atexit` finds the module.
    rt().modules
        .borrow_mut()
        .push(("weakref".into(), m.clone()));
    crate::run_prelude(PRELUDE, "<weakref>", &d)?;
    rt().modules.borrow_mut().retain(|(n, _)| n != "weakref");
    Ok(m)
}
