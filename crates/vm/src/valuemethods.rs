//! The special methods of the built-in value types (`list.__setitem__`, `int.__add__`, `str.__repr__`, …) as
//! `super().__op__(…)` in a subclass and `T.__op__(x, …)` reach them. Each acts on the built-in value of
//! `self` (an instance of a subclass is unwrapped), so an override calling it does not call itself again.

use refpy_heap::ObjRef;

use crate::attrs::unwrap_base;
use crate::bytecode::{BinOp, CmpOp, UnOp};
use crate::exc::*;
use crate::objects::NativeFn;
use crate::ops;
use crate::rt::{self, rt};

type Kw<'a> = &'a [(String, ObjRef)];

/// `self` and the `n` arguments of a special method, with the wrapper's TypeError for another count.
fn args_of(a: &[ObjRef], n: usize) -> PyResult<&[ObjRef]> {
    if a.len() != n + 1 {
        return Err(type_error(format!(
            "expected {} argument{}, got {}",
            n,
            if n == 1 { "" } else { "s" },
            a.len().saturating_sub(1)
        )));
    }
    Ok(a)
}

fn not_implemented() -> ObjRef {
    rt().not_implemented.clone()
}

fn binary_value(a: &[ObjRef], op: BinOp, reflected: bool) -> PyResult<ObjRef> {
    let a = args_of(a, 1)?;
    let (x, y) = (unwrap_base(&a[0]), unwrap_base(&a[1]));
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    Ok(crate::arith::builtin_binary(x, y, op)?.unwrap_or_else(not_implemented))
}

fn compare_value(a: &[ObjRef], op: CmpOp) -> PyResult<ObjRef> {
    let a = args_of(a, 1)?;
    Ok(
        match ops::builtin_compare(unwrap_base(&a[0]), unwrap_base(&a[1]), op)? {
            Some(r) => rt::bool_obj(r),
            None => not_implemented(),
        },
    )
}

macro_rules! binary_methods {
    ($($name:ident, $rname:ident => $op:ident;)*) => {
        $(
            fn $name(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
                binary_value(a, BinOp::$op, false)
            }
            fn $rname(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
                binary_value(a, BinOp::$op, true)
            }
        )*
    };
}

binary_methods! {
    add, radd => Add;
    sub, rsub => Sub;
    mul, rmul => Mul;
    truediv, rtruediv => TrueDiv;
    floordiv, rfloordiv => FloorDiv;
    mod_, rmod => Mod;
    pow, rpow => Pow;
    lshift, rlshift => LShift;
    rshift, rrshift => RShift;
    and, rand => And;
    or, ror => Or;
    xor, rxor => Xor;
}

macro_rules! compare_methods {
    ($($name:ident => $op:ident;)*) => {
        $(
            fn $name(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
                compare_value(a, CmpOp::$op)
            }
        )*
    };
}

compare_methods! {
    eq => Eq;
    ne => Ne;
    lt => Lt;
    le => Le;
    gt => Gt;
    ge => Ge;
}

fn neg(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    ops::unary(unwrap_base(&args_of(a, 0)?[0]), UnOp::Neg)
}
fn pos(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    ops::unary(unwrap_base(&args_of(a, 0)?[0]), UnOp::Pos)
}
fn invert(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    ops::unary(unwrap_base(&args_of(a, 0)?[0]), UnOp::Invert)
}
fn repr(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::string(ops::repr(unwrap_base(&args_of(a, 0)?[0]))?))
}
fn str_(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::string(ops::str_(unwrap_base(&args_of(a, 0)?[0]))?))
}
fn hash(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::int(ops::hash(unwrap_base(&args_of(a, 0)?[0]))?))
}
fn bool_(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::bool_obj(ops::truthy(unwrap_base(&args_of(a, 0)?[0]))?))
}
fn len(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::int(ops::len(unwrap_base(&args_of(a, 0)?[0]))? as i64))
}
fn iter(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    ops::get_iter(unwrap_base(&args_of(a, 0)?[0]))
}
fn contains(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let a = args_of(a, 1)?;
    Ok(rt::bool_obj(ops::contains(unwrap_base(&a[0]), &a[1])?))
}
fn getitem(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let a = args_of(a, 1)?;
    match crate::attrs::base_ref(&a[0]) {
        Some(b) => crate::seq::value_getitem(&a[0], b, &a[1]),
        None => ops::getitem(&a[0], &a[1]),
    }
}
fn setitem(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let a = args_of(a, 2)?;
    ops::setitem(unwrap_base(&a[0]), &a[1], a[2].clone())?;
    Ok(rt::none())
}
fn delitem(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let a = args_of(a, 1)?;
    ops::delitem(unwrap_base(&a[0]), &a[1])?;
    Ok(rt::none())
}
fn format(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let a = args_of(a, 1)?;
    let spec = ops::str_of(&a[1])
        .ok_or_else(|| type_error("format spec must be a str"))?
        .to_string();
    // An empty spec is str(self), a subclass's __str__ included.
    if spec.is_empty() {
        return Ok(rt::string(ops::str_(&a[0])?));
    }
    Ok(rt::string(crate::format::format_value(
        unwrap_base(&a[0]),
        &spec,
    )?))
}

/// The special methods of the built-in value types.
static METHODS: &[(&str, NativeFn)] = &[
    ("__add__", add),
    ("__radd__", radd),
    ("__sub__", sub),
    ("__rsub__", rsub),
    ("__mul__", mul),
    ("__rmul__", rmul),
    ("__truediv__", truediv),
    ("__rtruediv__", rtruediv),
    ("__floordiv__", floordiv),
    ("__rfloordiv__", rfloordiv),
    ("__mod__", mod_),
    ("__rmod__", rmod),
    ("__pow__", pow),
    ("__rpow__", rpow),
    ("__lshift__", lshift),
    ("__rlshift__", rlshift),
    ("__rshift__", rshift),
    ("__rrshift__", rrshift),
    ("__and__", and),
    ("__rand__", rand),
    ("__or__", or),
    ("__ror__", ror),
    ("__xor__", xor),
    ("__rxor__", rxor),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__lt__", lt),
    ("__le__", le),
    ("__gt__", gt),
    ("__ge__", ge),
    ("__neg__", neg),
    ("__pos__", pos),
    ("__invert__", invert),
    ("__repr__", repr),
    ("__str__", str_),
    ("__hash__", hash),
    ("__bool__", bool_),
    ("__len__", len),
    ("__iter__", iter),
    ("__contains__", contains),
    ("__getitem__", getitem),
    ("__setitem__", setitem),
    ("__delitem__", delitem),
    ("__format__", format),
];

/// The special method `name` of the built-in value types.
pub fn lookup(name: &str) -> Option<(&'static str, NativeFn)> {
    METHODS.iter().find(|(n, _)| *n == name).copied()
}
