//! The special methods of the built-in value types (`list.__setitem__`, `int.__add__`, `str.__repr__`, …) as
//! `super().__op__(…)` in a subclass and `T.__op__(x, …)` reach them. Each acts on the built-in value of
//! `self` (an instance of a subclass is unwrapped), so an override calling it does not call itself again.

use refpy_heap::ObjRef;

use crate::attrs::unwrap_base;
use crate::bytecode::{BinOp, CmpOp, UnOp};
use crate::exc::*;
use crate::objects::{Builtin, ByteArrayObj, DictObj, NativeFn, SetObj};
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

/// `divmod(self, other)` (reflected: `divmod(other, self)`), NotImplemented for a non-number.
fn divmod_value(a: &[ObjRef], reflected: bool) -> PyResult<ObjRef> {
    let a = args_of(a, 1)?;
    let (x, y) = (unwrap_base(&a[0]), unwrap_base(&a[1]));
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    let Some(q) = crate::arith::builtin_binary(x, y, BinOp::FloorDiv)? else {
        return Ok(not_implemented());
    };
    let Some(r) = crate::arith::builtin_binary(x, y, BinOp::Mod)? else {
        return Ok(not_implemented());
    };
    Ok(rt::tuple(vec![q, r]))
}
fn divmod(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    divmod_value(a, false)
}
fn rdivmod(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    divmod_value(a, true)
}

/// An in-place operator acting on the built-in value itself; `self` (the subclass instance, if one) is
/// the result.
fn inplace_value(a: &[ObjRef], op: BinOp) -> PyResult<ObjRef> {
    let a = args_of(a, 1)?;
    let (x, y) = (unwrap_base(&a[0]), unwrap_base(&a[1]));
    // set_ior and friends take only sets: another operand is NotImplemented, not an error.
    if x.downcast::<SetObj>().is_some() && y.downcast::<SetObj>().is_none() {
        return Ok(not_implemented());
    }
    if x.downcast::<DictObj>().is_some() {
        // dict_ior: anything dict.update takes.
        crate::methods::dict_update_from(x, &a[1])?;
    } else if let (Some(b), BinOp::Mul) = (x.downcast::<ByteArrayObj>(), op) {
        // bytearray_irepeat: the bytearray repeats itself in place.
        let n = ops::index_arg(&a[1])?.max(0) as usize;
        let old = b.0.borrow().clone();
        b.0.borrow_mut().clear();
        for _ in 0..n {
            b.0.borrow_mut().extend_from_slice(&old);
        }
        b.resized(old.len(), old.len() * n);
    } else {
        ops::inplace(x, &a[1], op)?;
    }
    Ok(a[0].clone())
}

macro_rules! inplace_methods {
    ($($name:ident => $op:ident;)*) => {
        $(
            fn $name(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
                inplace_value(a, BinOp::$op)
            }
        )*
    };
}

inplace_methods! {
    iadd => Add;
    imul => Mul;
    ior => Or;
    iand => And;
    isub => Sub;
    ixor => Xor;
}

/// A conversion the built-in function does on the value (`float`, `int`).
fn convert(a: &[ObjRef], f: &ObjRef) -> PyResult<ObjRef> {
    let value = unwrap_base(&args_of(a, 0)?[0]).clone();
    ops::call(f, vec![value], vec![])
}
fn float(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    convert(a, &rt().types.float)
}
fn int(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    convert(a, &rt().types.int)
}
fn index(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let value = unwrap_base(&args_of(a, 0)?[0]);
    Ok(rt::bigint(ops::as_bigint(value).unwrap_or_default()))
}
fn neg(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    ops::unary(unwrap_base(&args_of(a, 0)?[0]), UnOp::Neg)
}
fn pos(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    ops::unary(unwrap_base(&args_of(a, 0)?[0]), UnOp::Pos)
}
fn abs(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    crate::builtins::abs(&[unwrap_base(&args_of(a, 0)?[0]).clone()], kw)
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

/// Which built-in value types have a special method.
type Kinds = fn(Builtin) -> bool;

fn all(_: Builtin) -> bool {
    true
}

macro_rules! kinds {
    ($($k:ident)|+) => {
        (|b| matches!(b, $(Builtin::$k)|+)) as Kinds
    };
}

/// The special methods of the built-in value types, and the types that have each.
static METHODS: &[(&str, NativeFn, Kinds)] = &[
    (
        "__add__",
        add,
        kinds!(Int | Float | Complex | Str | Bytes | ByteArray | Tuple | List),
    ),
    ("__radd__", radd, kinds!(Int | Float | Complex)),
    (
        "__sub__",
        sub,
        kinds!(Int | Float | Complex | Set | FrozenSet),
    ),
    (
        "__rsub__",
        rsub,
        kinds!(Int | Float | Complex | Set | FrozenSet),
    ),
    (
        "__mul__",
        mul,
        kinds!(Int | Float | Complex | Str | Bytes | ByteArray | Tuple | List),
    ),
    (
        "__rmul__",
        rmul,
        kinds!(Int | Float | Complex | Str | Bytes | ByteArray | Tuple | List),
    ),
    ("__truediv__", truediv, kinds!(Int | Float | Complex)),
    ("__rtruediv__", rtruediv, kinds!(Int | Float | Complex)),
    ("__floordiv__", floordiv, kinds!(Int | Float)),
    ("__rfloordiv__", rfloordiv, kinds!(Int | Float)),
    (
        "__mod__",
        mod_,
        kinds!(Int | Float | Str | Bytes | ByteArray),
    ),
    (
        "__rmod__",
        rmod,
        kinds!(Int | Float | Str | Bytes | ByteArray),
    ),
    ("__pow__", pow, kinds!(Int | Float | Complex)),
    ("__rpow__", rpow, kinds!(Int | Float | Complex)),
    ("__lshift__", lshift, kinds!(Int)),
    ("__rlshift__", rlshift, kinds!(Int)),
    ("__rshift__", rshift, kinds!(Int)),
    ("__rrshift__", rrshift, kinds!(Int)),
    ("__and__", and, kinds!(Int | Set | FrozenSet)),
    ("__rand__", rand, kinds!(Int | Set | FrozenSet)),
    ("__or__", or, kinds!(Int | Set | FrozenSet | Dict)),
    ("__ror__", ror, kinds!(Int | Set | FrozenSet | Dict)),
    ("__xor__", xor, kinds!(Int | Set | FrozenSet)),
    ("__rxor__", rxor, kinds!(Int | Set | FrozenSet)),
    ("__eq__", eq, all),
    ("__ne__", ne, all),
    ("__lt__", lt, all),
    ("__le__", le, all),
    ("__gt__", gt, all),
    ("__ge__", ge, all),
    ("__divmod__", divmod, kinds!(Int | Float)),
    ("__rdivmod__", rdivmod, kinds!(Int | Float)),
    ("__iadd__", iadd, kinds!(List | ByteArray)),
    ("__imul__", imul, kinds!(List | ByteArray)),
    ("__ior__", ior, kinds!(Dict | Set)),
    ("__iand__", iand, kinds!(Set)),
    ("__isub__", isub, kinds!(Set)),
    ("__ixor__", ixor, kinds!(Set)),
    ("__abs__", abs, kinds!(Int | Float | Complex)),
    ("__float__", float, kinds!(Int | Float)),
    ("__int__", int, kinds!(Int | Float)),
    ("__index__", index, kinds!(Int)),
    ("__neg__", neg, kinds!(Int | Float | Complex)),
    ("__pos__", pos, kinds!(Int | Float | Complex)),
    ("__invert__", invert, kinds!(Int)),
    ("__repr__", repr, all),
    ("__str__", str_, all),
    (
        "__hash__",
        hash,
        kinds!(Int | Float | Complex | Str | Bytes | Tuple | FrozenSet),
    ),
    (
        "__bool__",
        bool_,
        kinds!(Int | Float | Complex | NoneType | Range),
    ),
    (
        "__len__",
        len,
        kinds!(Str | Bytes | ByteArray | Tuple | List | Dict | Set | FrozenSet | Range),
    ),
    (
        "__iter__",
        iter,
        kinds!(Str | Bytes | ByteArray | Tuple | List | Dict | Set | FrozenSet | Range),
    ),
    (
        "__contains__",
        contains,
        kinds!(Str | Bytes | ByteArray | Tuple | List | Dict | Set | FrozenSet | Range),
    ),
    (
        "__getitem__",
        getitem,
        kinds!(Str | Bytes | ByteArray | Tuple | List | Dict | Range),
    ),
    ("__setitem__", setitem, kinds!(List | Dict | ByteArray)),
    ("__delitem__", delitem, kinds!(List | Dict | ByteArray)),
    ("__format__", format, all),
];

/// The special method `name` of built-in value type `b` (`bool` has int's).
pub fn lookup(b: Builtin, name: &str) -> Option<(&'static str, NativeFn)> {
    let b = if b == Builtin::Bool { Builtin::Int } else { b };
    METHODS
        .iter()
        .find(|(n, _, has)| *n == name && has(b))
        .map(|&(n, f, _)| (n, f))
}

/// list, dict, set and bytearray set `__hash__` to None (they are unhashable).
pub fn hash_is_none(b: Builtin, name: &str) -> bool {
    name == "__hash__"
        && matches!(
            b,
            Builtin::List | Builtin::Dict | Builtin::Set | Builtin::ByteArray
        )
}
