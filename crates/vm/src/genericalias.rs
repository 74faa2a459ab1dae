//! `types.GenericAlias`, what `list[int]` makes (`T.__class_getitem__`): the origin type and the argument
//! tuple, shown as `list[int]`, called as the origin is.

use refpy_heap::ObjRef;

use crate::exc::PyResult;
use crate::object::{alloc, Payload};
use crate::ops::{self, type_obj};
use crate::rt::{self, rt};

pub struct GenericAliasObj {
    pub origin: ObjRef,
    /// Always a tuple (`list[int]` holds `(int,)`).
    pub args: ObjRef,
}
impl Payload for GenericAliasObj {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit(&self.origin);
        visit(&self.args);
    }
}
crate::vtable!(pub GENERIC_ALIAS_VT, GenericAliasObj, "types.GenericAlias", gc: true, track: true, rule: Never, weak: true, finalize: None);

/// `origin[args]`; a single argument is wrapped in a tuple.
pub fn new(origin: ObjRef, args: ObjRef) -> ObjRef {
    let args = if args.downcast::<crate::objects::TupleObj>().is_some() {
        args
    } else {
        rt::tuple(vec![args])
    };
    alloc(&GENERIC_ALIAS_VT, GenericAliasObj { origin, args })
}

/// The `types.GenericAlias` type object.
pub fn alias_type() -> ObjRef {
    let t = rt::named_type("GenericAlias");
    if ops::dict_get_str(&type_obj(&t).dict, "__module__").is_none() {
        ops::dict_set_str(&type_obj(&t).dict, "__module__", rt::str_obj("types"));
    }
    t
}

/// `repr(list[int])`: each argument as `ga_repr_item` shows it.
pub fn repr(g: &GenericAliasObj) -> PyResult<String> {
    let items = ops::tuple_items(&g.args).unwrap_or_default();
    let mut parts = Vec::with_capacity(items.len());
    for item in &items {
        parts.push(item_repr(item)?);
    }
    let args = if items.is_empty() {
        "()".to_string()
    } else {
        parts.join(", ")
    };
    Ok(format!("{}[{}]", item_repr(&g.origin)?, args))
}

/// `...` for Ellipsis, a nested alias's repr, a type's `module.qualname` (just the qualname for a
/// built-in), else `repr(item)`.
fn item_repr(item: &ObjRef) -> PyResult<String> {
    if item.is(&rt().ellipsis) {
        return Ok("...".into());
    }
    if let Some(t) = item.downcast::<crate::objects::TypeObj>() {
        let qualname = t.qualname.borrow().clone();
        let module = ops::getattr(item, "__module__")?;
        return Ok(match ops::str_of(&module) {
            Some("builtins") => qualname,
            Some(m) => format!("{}.{}", m, qualname),
            None => ops::repr(item)?,
        });
    }
    ops::repr(item)
}

/// The attributes an alias has of its own.
pub fn attr(g: &GenericAliasObj, name: &str) -> Option<ObjRef> {
    match name {
        "__origin__" => Some(g.origin.clone()),
        "__args__" => Some(g.args.clone()),
        "__parameters__" => Some(rt::tuple(Vec::new())),
        _ => None,
    }
}

/// `list[int](…)`: a call of the origin.
pub fn call(
    g: &GenericAliasObj,
    args: Vec<ObjRef>,
    kwargs: Vec<(String, ObjRef)>,
) -> PyResult<ObjRef> {
    ops::call(&g.origin, args, kwargs)
}

/// `a == b` of two aliases: the same origin and equal arguments.
pub fn equal(a: &GenericAliasObj, b: &GenericAliasObj) -> PyResult<bool> {
    Ok(ops::eq_bool(&a.origin, &b.origin)? && ops::eq_bool(&a.args, &b.args)?)
}
