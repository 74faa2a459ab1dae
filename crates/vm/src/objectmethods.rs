//! The methods every object inherits from `object` (`__eq__`, `__format__`, `__reduce_ex__`,
//! `__init_subclass__`, …), found after everything a type defines itself, and `__new__` of the built-in
//! types, which checks the class it makes an instance of as CPython's `tp_new_wrapper` does.

use refpy_heap::ObjRef;

use crate::builtins;
use crate::callsig::{classdef, def, newdef, Method, MethodTable, Params};
use crate::exc::*;
use crate::objects::*;
use crate::ops::{self, type_name, type_obj};
use crate::rt::{self, rt};

type Kw<'a> = &'a [(String, ObjRef)];

/// Methods every object has, reachable on instances and types without an override.
pub static OBJECT: MethodTable = MethodTable {
    type_name: "object",
    accepts: |_| true,
    methods: &[
        newdef(tp_new_wrapper),
        def("__init__", builtins::object_init, Params::WrapperAny),
        classdef(
            "__init_subclass__",
            builtins::object_init_subclass,
            Params::Any,
        ),
        classdef("__subclasshook__", subclasshook, Params::Star),
        def("__setattr__", builtins::object_setattr, Params::Wrapper(2)),
        def(
            "__getattribute__",
            builtins::object_getattribute,
            Params::Wrapper(1),
        ),
        def("__delattr__", builtins::object_delattr, Params::Wrapper(1)),
        def("__repr__", builtins::object_repr, Params::Wrapper(0)),
        def("__str__", builtins::object_str, Params::Wrapper(0)),
        def("__eq__", builtins::object_eq, Params::Wrapper(1)),
        def("__ne__", builtins::object_ne, Params::Wrapper(1)),
        def("__lt__", builtins::object_not_ordered, Params::Wrapper(1)),
        def("__le__", builtins::object_not_ordered, Params::Wrapper(1)),
        def("__gt__", builtins::object_not_ordered, Params::Wrapper(1)),
        def("__ge__", builtins::object_not_ordered, Params::Wrapper(1)),
        def("__hash__", builtins::object_hash, Params::Wrapper(0)),
        crate::sizes::SIZEOF_METHOD,
        def("__dir__", object_dir, Params::NoArgs),
        def("__format__", object_format, Params::One),
        def("__getstate__", object_getstate, Params::NoArgs),
        def("__reduce__", object_reduce, Params::NoArgs),
        def("__reduce_ex__", object_reduce_ex, Params::One),
    ],
};

/// `object`'s method `name`, if it has one.
pub fn lookup(name: &str) -> Option<Method> {
    OBJECT.get(name)
}

/// The built-in type whose `__new__` type `t` inherits: the first built-in type on its mro that defines
/// one (`object` for a plain class, `int` for a subclass of int).
pub fn new_owner(t: &ObjRef) -> ObjRef {
    type_obj(t).with_mro(new_owner_on)
}

/// The first built-in type in `mro` that defines `__new__` (`object` when none does).
pub fn new_owner_on(mro: &[ObjRef]) -> ObjRef {
    mro.iter()
        .find(|c| {
            let c = type_obj(c);
            c.builtin.is_some() && crate::typedir::own_names(&c.name.borrow()).contains(&"__new__")
        })
        .cloned()
        .unwrap_or_else(|| rt().types.object.clone())
}

/// Which instance-making function a type's `__new__` ends in (CPython compares `tp_new` pointers): the
/// owner of its inherited `__new__`, one for all exceptions (they share `BaseException_new`).
fn new_family(t: &ObjRef) -> ObjRef {
    let owner = new_owner(t);
    let base_exception = &rt().types.base_exception;
    if ops::is_subtype(&owner, base_exception) {
        base_exception.clone()
    } else {
        owner
    }
}

/// `T.__new__(cls, *args)`: `args[0]` is the built-in type `T` the method is bound to. `cls` must be a
/// subtype of `T` whose nearest `__new__` not written in Python makes instances the way `T`'s does.
fn tp_new_wrapper(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let owner = &a[0];
    let name = |t: &ObjRef| type_obj(t).name.borrow().clone();
    let Some(cls) = a.get(1) else {
        return Err(type_error(format!(
            "{}.__new__(): not enough arguments",
            name(owner)
        )));
    };
    if cls.downcast::<TypeObj>().is_none() {
        return Err(type_error(format!(
            "{}.__new__(X): X is not a type object ({})",
            name(owner),
            type_name(cls)
        )));
    }
    if !ops::is_subtype(cls, owner) {
        return Err(type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            name(owner),
            name(cls),
            name(cls),
            name(owner)
        )));
    }
    // The nearest class whose __new__ is not written in Python.
    let static_base = type_obj(cls).with_mro(|mro| {
        mro.iter()
            .find(|t| {
                !ops::lookup_type(t, "__new__").is_some_and(|f| {
                    f.downcast::<FunctionObj>().is_some() || f.downcast::<DescrObj>().is_some()
                })
            })
            .cloned()
            .unwrap_or_else(|| cls.clone())
    });
    if !new_family(&static_base).is(&new_family(owner)) {
        return Err(type_error(format!(
            "{}.__new__({}) is not safe, use {}.__new__()",
            name(owner),
            name(cls),
            name(&static_base)
        )));
    }
    if owner.is(&rt().types.type_) {
        return crate::metaclass::type_new(cls, &a[2..], kw);
    }
    // list, dict, set and bytearray fill their value in __init__: __new__ makes an empty one.
    let filled_by_init = [
        &rt().types.list,
        &rt().types.dict,
        &rt().types.set,
        &rt().types.bytearray,
    ];
    if filled_by_init.iter().any(|t| t.is(owner)) {
        return builtins::object_new(&a[1..2], &[]);
    }
    builtins::object_new(&a[1..], kw)
}

fn subclasshook(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt().not_implemented.clone())
}

/// `object.__dir__()`: the names `dir()` lists for the object, before a class's own `__dir__`.
/// NOTE: sorted, where CPython's comes in namespace order; `dir()` sorts either.
fn object_dir(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let names = builtins::default_dir_names(&a[0])?;
    Ok(rt::list(names.into_iter().map(rt::string).collect()))
}

/// `object.__format__(spec)`: `str(self)` for an empty spec, else a TypeError.
fn object_format(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let Some(spec) = ops::str_of(&a[1]) else {
        return Err(type_error(format!(
            "__format__() argument must be str, not {}",
            type_name(&a[1])
        )));
    };
    if !spec.is_empty() {
        return Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(&a[0])
        )));
    }
    Ok(rt::string(ops::str_(&a[0])?))
}

fn object_getstate(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    getstate(&a[0], false)
}

/// `object.__getstate__` (`object_getstate_default`): the instance's `__dict__` (None when empty), paired
/// with a dict of its set `__slots__` values when it has any. With `required`, an object whose value lies
/// outside such attributes (a built-in object other than a bare `object`) cannot be pickled.
fn getstate(o: &ObjRef, required: bool) -> PyResult<ObjRef> {
    let Some(i) = o.downcast::<Instance>() else {
        let bare = [
            &rt().types.object,
            &rt().types.none_type,
            &rt().types.not_impl_type,
            &rt().types.ellipsis_type,
        ];
        if required && !bare.iter().any(|t| t.is(&ops::type_of(o))) {
            return Err(type_error(format!(
                "cannot pickle '{}' object",
                type_name(o)
            )));
        }
        return Ok(rt::none());
    };
    let cls = i.cls.borrow().clone();
    let dict = if type_obj(&cls).has_dict.get() {
        Some(crate::attrs::instance_dict(o, i))
    } else {
        None
    };
    let state = dict
        .filter(|d| ops::len(d).is_ok_and(|n| n > 0))
        .unwrap_or_else(rt::none);
    let names = type_obj(&cls).slots.borrow().clone().unwrap_or_default();
    let values = i.slots.borrow().clone();
    let slots = rt::dict();
    for (name, v) in names.iter().zip(values) {
        if let Some(v) = v {
            ops::dict_set_str(&slots, name, v);
        }
    }
    if ops::len(&slots)? > 0 {
        return Ok(rt::tuple(vec![state, slots]));
    }
    Ok(state)
}

fn object_reduce(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    common_reduce(&a[0], 0)
}

/// `object.__reduce_ex__(protocol)`: a class's own `__reduce__` if it has one, else the copyreg-shaped
/// reduction for the protocol.
fn object_reduce_ex(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let protocol = ops::index_arg(&a[1])?;
    let o = &a[0];
    let reduce = crate::attrs::getattr(o, "__reduce__")?;
    let inherited = reduce
        .downcast::<BuiltinObj>()
        .and_then(|b| b.method)
        .is_some_and(|m| std::ptr::eq(m.table, &OBJECT));
    if !inherited {
        return ops::call(&reduce, vec![], vec![]);
    }
    drop(reduce);
    common_reduce(o, protocol)
}

fn copyreg(name: &str) -> PyResult<ObjRef> {
    crate::attrs::getattr(&crate::modules::import("copyreg")?, name)
}

/// `_common_reduce`: `copyreg.__newobj__` with the class and `__getnewargs__()` (protocol 2 and up), else
/// `copyreg._reconstructor` with the nearest built-in base's copy of the value.
fn common_reduce(o: &ObjRef, protocol: i64) -> PyResult<ObjRef> {
    if protocol >= 2 {
        reduce_newobj(o)
    } else {
        reduce_reconstructor(o)
    }
}

/// `reduce_newobj`: `(copyreg.__newobj__, (cls, *newargs), state, listitems, dictitems)`.
fn reduce_newobj(o: &ObjRef) -> PyResult<ObjRef> {
    let cls = ops::type_of(o);
    let newargs = match crate::attrs::getattr(o, "__getnewargs__") {
        Ok(f) => {
            let args = ops::call(&f, vec![], vec![])?;
            match ops::tuple_items(&args) {
                Some(items) => Some(items),
                None => {
                    return Err(type_error(format!(
                        "__getnewargs__ should return a tuple, not '{}'",
                        type_name(&args)
                    )))
                }
            }
        }
        Err(e) if matches(&e.0, &rt().types.attribute_error) => None,
        Err(e) => return Err(e),
    };
    let value = crate::attrs::unwrap_base(o);
    let is_list = value.downcast::<ListObj>().is_some();
    let is_dict = value.downcast::<DictObj>().is_some();
    let required = !(newargs.is_some() || is_list || is_dict);
    let mut args = vec![cls];
    args.extend(newargs.unwrap_or_default());
    let state = match crate::attrs::getattr(o, "__getstate__") {
        Ok(f)
            if o.downcast::<Instance>()
                .is_some_and(|i| ops::lookup_type(&i.cls.borrow(), "__getstate__").is_some()) =>
        {
            ops::call(&f, vec![], vec![])?
        }
        _ => getstate(o, required)?,
    };
    let listitems = if is_list {
        ops::get_iter(o)?
    } else {
        rt::none()
    };
    let dictitems = if is_dict {
        let items = ops::call(&crate::attrs::getattr(o, "items")?, vec![], vec![])?;
        ops::get_iter(&items)?
    } else {
        rt::none()
    };
    Ok(rt::tuple(vec![
        copyreg("__newobj__")?,
        rt::tuple(args),
        state,
        listitems,
        dictitems,
    ]))
}

/// `copyreg._reduce_ex` (protocols 0 and 1): `(copyreg._reconstructor, (cls, base, base(self)))` and the
/// state when there is one, where `base` is the nearest built-in type on the mro.
fn reduce_reconstructor(o: &ObjRef) -> PyResult<ObjRef> {
    let cls = ops::type_of(o);
    let base = type_obj(&cls).with_mro(|mro| {
        mro.iter()
            .find(|c| type_obj(c).builtin.is_some())
            .cloned()
            .unwrap_or_else(|| rt().types.object.clone())
    });
    let state = if base.is(&rt().types.object) {
        rt::none()
    } else {
        if base.is(&cls) {
            return Err(type_error(format!(
                "cannot pickle '{}' object",
                type_obj(&cls).name.borrow()
            )));
        }
        ops::call(&base, vec![o.clone()], vec![])?
    };
    let args = rt::tuple(vec![cls.clone(), base, state]);
    let own_getstate = ops::lookup_type(&cls, "__getstate__").is_some();
    if !own_getstate
        && crate::attrs::getattr(o, "__slots__").is_ok_and(|s| ops::truthy(&s).unwrap_or(false))
    {
        return Err(type_error(
            "a class that defines __slots__ without defining __getstate__ cannot be pickled",
        ));
    }
    let getstate = crate::attrs::getattr(o, "__getstate__")?;
    let dict = ops::call(&getstate, vec![], vec![])?;
    let reconstructor = copyreg("_reconstructor")?;
    Ok(rt::tuple(if ops::truthy(&dict)? {
        vec![reconstructor, args, dict]
    } else {
        vec![reconstructor, args]
    }))
}
