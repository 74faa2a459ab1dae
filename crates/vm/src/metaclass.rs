//! Metaclasses and the `type` protocol, after CPython 3.11's `builtin___build_class__`
//! (`Python/bltinmodule.c`) and `type_call`, `type_new`, `type_init`, `_PyType_CalculateMetaclass`
//! (`Objects/typeobject.c`): the metaclass a class statement uses (`metaclass=` and the bases' types,
//! the most derived one winning), its `__prepare__`, the call `meta(name, bases, ns, **kw)`, calling a
//! class (a metaclass's `__call__`, `__new__` and `__init__`), and the methods of `type` itself.

use refpy_heap::ObjRef;

use crate::callsig::{classdef, def, Method, MethodTable, Params};
use crate::exc::*;
use crate::objects::*;
use crate::ops::{self, str_of, type_name, type_obj};
use crate::rt::{self, rt};

type Kw<'a> = &'a [(String, ObjRef)];

/// The methods `type` defines for its instances, the classes (`type.__call__`, `A.mro()`, …).
pub static TYPE: MethodTable = MethodTable {
    type_name: "type",
    accepts: |o| o.downcast::<TypeObj>().is_some(),
    methods: &[
        def("__call__", type_call_method, Params::WrapperAny),
        def("__init__", type_init, Params::WrapperAny),
        classdef("__prepare__", type_prepare, Params::Any),
        def("mro", type_mro, Params::NoArgs),
        def(
            "__subclasses__",
            crate::builtins::type_subclasses,
            Params::NoArgs,
        ),
        def("__instancecheck__", type_instancecheck, Params::One),
        def("__subclasscheck__", type_subclasscheck, Params::One),
        def("__repr__", type_repr, Params::Wrapper(0)),
        def("__setattr__", type_setattr, Params::Wrapper(2)),
        def("__delattr__", type_delattr, Params::Wrapper(1)),
    ],
};

/// A method of `type` named `name`.
pub fn type_method(name: &str) -> Option<Method> {
    TYPE.get(name)
}

/// `__build_class__(func, name, *bases, metaclass=…, **kw)`: the class statement.
pub fn build_class(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    if a.len() < 2 {
        return Err(type_error("__build_class__: not enough arguments"));
    }
    let func = &a[0];
    if func.downcast::<FunctionObj>().is_none() {
        return Err(type_error("__build_class__: func must be a function"));
    }
    let name = &a[1];
    if str_of(name).is_none() {
        return Err(type_error("__build_class__: name is not a string"));
    }
    let base_items = &a[2..];
    // The bases tuple exists before the body runs (it is __build_class__'s argument tuple in CPython).
    let bases = rt::tuple(base_items.to_vec());
    let mut kwargs = kw.to_vec();
    let explicit = kwargs
        .iter()
        .position(|(k, _)| k == "metaclass")
        .map(|at| kwargs.remove(at).1);
    let (meta, is_class) = match explicit {
        Some(m) => {
            let is_class = m.downcast::<TypeObj>().is_some();
            (m, is_class)
        }
        None => (
            base_items
                .first()
                .map_or_else(|| rt().types.type_.clone(), ops::type_of),
            true,
        ),
    };
    let meta = if is_class {
        calculate_metaclass(&meta, base_items)?
    } else {
        meta
    };
    let ns = prepare_namespace(&meta, is_class, name, &bases, &kwargs)?;
    let cell = crate::eval::call_function(func, vec![], vec![], Some(ns.clone()))?;
    let cls = ops::call(&meta, vec![name.clone(), bases, ns], kwargs)?;
    if let (Some(c), true) = (
        cell.downcast::<CellObj>(),
        cls.downcast::<TypeObj>().is_some(),
    ) {
        let defined = c.0.borrow().clone();
        match defined {
            Some(d) if d.is(&cls) => {}
            Some(d) => {
                return Err(type_error(format!(
                    "__class__ set to {} defining {} as {}",
                    ops::repr(&d)?,
                    ops::repr(name)?,
                    ops::repr(&cls)?
                )))
            }
            None => {
                return Err(runtime_error(format!(
                    "__class__ not set defining {} as {}. Was __classcell__ propagated to type.__new__?",
                    ops::repr(name)?,
                    ops::repr(&cls)?
                )))
            }
        }
    }
    Ok(cls)
}

/// `_PyType_CalculateMetaclass`: of `meta` and the types of `bases`, the one that is a subclass of all
/// the others.
pub fn calculate_metaclass(meta: &ObjRef, bases: &[ObjRef]) -> PyResult<ObjRef> {
    let mut winner = meta.clone();
    for b in bases {
        let t = ops::type_of(b);
        if ops::is_subtype(&winner, &t) {
            continue;
        }
        if ops::is_subtype(&t, &winner) {
            winner = t;
            continue;
        }
        return Err(type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// The namespace the class body runs in: `meta.__prepare__(name, bases, **kw)`, or a new dict when the
/// metaclass has none.
fn prepare_namespace(
    meta: &ObjRef,
    is_class: bool,
    name: &ObjRef,
    bases: &ObjRef,
    kwargs: Kw,
) -> PyResult<ObjRef> {
    let Some(prepare) = ops::getattr_opt(meta, "__prepare__")? else {
        return Ok(rt::dict());
    };
    let ns = ops::call(&prepare, vec![name.clone(), bases.clone()], kwargs.to_vec())?;
    if !is_mapping(&ns) {
        let who = if is_class {
            type_obj(meta).name.borrow().clone()
        } else {
            "<metaclass>".to_string()
        };
        return Err(type_error(format!(
            "{}.__prepare__() must return a mapping, not {}",
            who,
            type_name(&ns)
        )));
    }
    Ok(ns)
}

/// `PyMapping_Check`: the object's type can be subscripted.
fn is_mapping(o: &ObjRef) -> bool {
    if o.downcast::<Instance>().is_some() {
        return crate::attrs::base_ref(o).is_some_and(is_mapping)
            || ops::lookup_type(&ops::type_of(o), "__getitem__").is_some();
    }
    o.downcast::<DictObj>().is_some()
        || o.downcast::<ListObj>().is_some()
        || o.downcast::<TupleObj>().is_some()
        || o.downcast::<StrObj>().is_some()
        || o.downcast::<BytesObj>().is_some()
        || o.downcast::<ByteArrayObj>().is_some()
        || o.downcast::<RangeObj>().is_some()
}

/// A `__new__` or `__init__` written in Python found on `cls`'s mro (`type`'s own are built in).
fn python_method(cls: &ObjRef, name: &str) -> Option<ObjRef> {
    let found = ops::lookup_type(cls, name)?;
    match found.downcast::<DescrObj>() {
        Some(DescrObj::Static(f)) => Some(f.clone()),
        _ => Some(found),
    }
}

/// Calling `cls`, which is `type` or a metaclass (CPython's `type_call` on a type whose instances are
/// classes): `type(x)`, then `__new__` and, when it made an instance of `cls`, that instance's `__init__`.
pub fn type_call(
    cls: &ObjRef,
    args: Vec<ObjRef>,
    kwargs: Vec<(String, ObjRef)>,
) -> PyResult<ObjRef> {
    if cls.is(&rt().types.type_) {
        if args.len() == 1 && kwargs.is_empty() {
            return Ok(ops::type_of(&args[0]));
        }
        if args.len() != 3 {
            return Err(type_error("type() takes 1 or 3 arguments"));
        }
    }
    let obj = match python_method(cls, "__new__") {
        Some(new) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(cls.clone());
            full.extend(args.iter().cloned());
            ops::call(&new, full, kwargs.clone())?
        }
        None => type_new(cls, &args, &kwargs)?,
    };
    if !ops::isinstance(&obj, cls) {
        return Ok(obj);
    }
    let made = ops::type_of(&obj);
    match python_method(&made, "__init__") {
        Some(init) => crate::builtins::call_init(&init, &obj, args, kwargs)?,
        None => check_type_init_args(args.len(), &kwargs)?,
    }
    Ok(obj)
}

/// CPython's `type_new` (`type.__new__(meta, *args)`, `meta` a subtype of `type`): checks the arguments,
/// finds the most derived metaclass (handing over to its `__new__` when that is written in Python) and
/// makes the class.
pub fn type_new(meta: &ObjRef, args: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let [name, bases, dict] = args else {
        return Err(type_error(format!(
            "type.__new__() takes exactly 3 arguments ({} given)",
            args.len()
        )));
    };
    let argument = |n: usize, want: &str, got: &ObjRef| {
        type_error(format!(
            "type.__new__() argument {} must be {}, not {}",
            n,
            want,
            type_name(got)
        ))
    };
    let name = str_of(name).ok_or_else(|| argument(1, "str", name))?;
    let base_items = ops::tuple_items(bases).ok_or_else(|| argument(2, "tuple", bases))?;
    let dict_value = crate::attrs::unwrap_base(dict);
    if dict_value.downcast::<DictObj>().is_none() {
        return Err(argument(3, "dict", dict));
    }
    let winner = calculate_metaclass(meta, &base_items)?;
    if !winner.is(meta) {
        if let Some(new) = python_method(&winner, "__new__") {
            let mut full = vec![winner.clone()];
            full.extend(args.iter().cloned());
            return ops::call(&new, full, kw.to_vec());
        }
    }
    let bases = if crate::attrs::base_ref(bases).is_some() {
        rt::tuple(base_items)
    } else {
        bases.clone()
    };
    crate::builtins::make_class(&winner, name, bases, dict_value, kw)
}

/// `type.__init__`'s checks: the arguments were `type.__new__`'s to use.
fn check_type_init_args(n: usize, kw: Kw) -> PyResult<()> {
    if n == 1 && !kw.is_empty() {
        return Err(type_error("type.__init__() takes no keyword arguments"));
    }
    if n != 1 && n != 3 {
        return Err(type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(())
}

fn type_init(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    check_type_init_args(a.len() - 1, kw)?;
    Ok(rt::none())
}

/// `type.__call__(cls, *args, **kw)`: makes an instance of `cls` the built-in way (what `super().__call__`
/// reaches from a metaclass's own `__call__`).
fn type_call_method(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    crate::builtins::construct(&a[0], a[1..].to_vec(), kw.to_vec())
}

/// `type.__prepare__(name, bases, **kw)`: a new dict.
fn type_prepare(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::dict())
}

fn type_mro(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::list(type_obj(&a[0]).mro_vec()))
}

fn type_instancecheck(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::bool_obj(ops::isinstance(&a[1], &a[0])))
}

fn type_subclasscheck(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    if a[1].downcast::<TypeObj>().is_none() {
        return Err(type_error("issubclass() arg 1 must be a class"));
    }
    Ok(rt::bool_obj(ops::is_subtype(&a[1], &a[0])))
}

fn type_setattr(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let name = crate::builtins::attr_name(&a[1])?;
    crate::attrs::type_setattr(&a[0], type_obj(&a[0]), name, Some(a[2].clone()))?;
    Ok(rt::none())
}

fn type_delattr(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let name = crate::builtins::attr_name(&a[1])?;
    crate::attrs::type_setattr(&a[0], type_obj(&a[0]), name, None)?;
    Ok(rt::none())
}

fn type_repr(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::string(ops::type_repr(&a[0])))
}

/// `isinstance(o, cls)` for one class: exact type first, then the metaclass's `__instancecheck__`
/// (CPython's `object_recursive_isinstance`).
pub fn isinstance(o: &ObjRef, cls: &ObjRef) -> PyResult<bool> {
    let t = ops::type_of(o);
    if t.is(cls) {
        return Ok(true);
    }
    if let Some(check) = metatype_hook(cls, "__instancecheck__") {
        let r = ops::call(&check, vec![cls.clone(), o.clone()], vec![])?;
        return ops::truthy(&r);
    }
    Ok(ops::is_subtype(&t, cls))
}

/// `issubclass(sub, cls)` for one class, through the metaclass's `__subclasscheck__`.
pub fn issubclass(sub: &ObjRef, cls: &ObjRef) -> PyResult<bool> {
    if let Some(check) = metatype_hook(cls, "__subclasscheck__") {
        let r = ops::call(&check, vec![cls.clone(), sub.clone()], vec![])?;
        return ops::truthy(&r);
    }
    if sub.downcast::<TypeObj>().is_none() {
        return Err(type_error("issubclass() arg 1 must be a class"));
    }
    Ok(ops::is_subtype(sub, cls))
}

/// A special method the metaclass of `cls` defines in Python.
fn metatype_hook(cls: &ObjRef, name: &str) -> Option<ObjRef> {
    let meta = cls.downcast::<TypeObj>()?.metatype.as_ref()?;
    ops::lookup_type(meta, name)
}
