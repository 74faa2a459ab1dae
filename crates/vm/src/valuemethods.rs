//! The special methods of the built-in value types (`list.__setitem__`, `int.__add__`, `str.__repr__`, …) as
//! `super().__op__(…)` in a subclass and `T.__op__(x, …)` reach them. Each acts on the built-in value of
//! `self` (an instance of a subclass is unwrapped), so an override calling it does not call itself again.

use refpy_heap::ObjRef;

use crate::attrs::unwrap_base;
use crate::bytecode::{BinOp, CmpOp, UnOp};
use crate::callsig::{whole_self_def, Method, MethodDef, MethodTable, Params};
use crate::exc::*;
use crate::objects::*;
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
static METHODS: &[(MethodDef, Kinds)] = &[
    (
        slot("__add__", 1, add),
        kinds!(Int | Float | Complex | Str | Bytes | ByteArray | Tuple | List),
    ),
    (slot("__radd__", 1, radd), kinds!(Int | Float | Complex)),
    (
        slot("__sub__", 1, sub),
        kinds!(Int | Float | Complex | Set | FrozenSet),
    ),
    (
        slot("__rsub__", 1, rsub),
        kinds!(Int | Float | Complex | Set | FrozenSet),
    ),
    (
        slot("__mul__", 1, mul),
        kinds!(Int | Float | Complex | Str | Bytes | ByteArray | Tuple | List),
    ),
    (
        slot("__rmul__", 1, rmul),
        kinds!(Int | Float | Complex | Str | Bytes | ByteArray | Tuple | List),
    ),
    (
        slot("__truediv__", 1, truediv),
        kinds!(Int | Float | Complex),
    ),
    (
        slot("__rtruediv__", 1, rtruediv),
        kinds!(Int | Float | Complex),
    ),
    (slot("__floordiv__", 1, floordiv), kinds!(Int | Float)),
    (slot("__rfloordiv__", 1, rfloordiv), kinds!(Int | Float)),
    (
        slot("__mod__", 1, mod_),
        kinds!(Int | Float | Str | Bytes | ByteArray),
    ),
    (
        slot("__rmod__", 1, rmod),
        kinds!(Int | Float | Str | Bytes | ByteArray),
    ),
    (slot("__pow__", 1, pow), kinds!(Int | Float | Complex)),
    (slot("__rpow__", 1, rpow), kinds!(Int | Float | Complex)),
    (slot("__lshift__", 1, lshift), kinds!(Int)),
    (slot("__rlshift__", 1, rlshift), kinds!(Int)),
    (slot("__rshift__", 1, rshift), kinds!(Int)),
    (slot("__rrshift__", 1, rrshift), kinds!(Int)),
    (slot("__and__", 1, and), kinds!(Int | Set | FrozenSet)),
    (slot("__rand__", 1, rand), kinds!(Int | Set | FrozenSet)),
    (slot("__or__", 1, or), kinds!(Int | Set | FrozenSet | Dict)),
    (
        slot("__ror__", 1, ror),
        kinds!(Int | Set | FrozenSet | Dict),
    ),
    (slot("__xor__", 1, xor), kinds!(Int | Set | FrozenSet)),
    (slot("__rxor__", 1, rxor), kinds!(Int | Set | FrozenSet)),
    (slot("__eq__", 1, eq), all),
    (slot("__ne__", 1, ne), all),
    (slot("__lt__", 1, lt), all),
    (slot("__le__", 1, le), all),
    (slot("__gt__", 1, gt), all),
    (slot("__ge__", 1, ge), all),
    (slot("__divmod__", 1, divmod), kinds!(Int | Float)),
    (slot("__rdivmod__", 1, rdivmod), kinds!(Int | Float)),
    (slot("__iadd__", 1, iadd), kinds!(List | ByteArray)),
    (slot("__imul__", 1, imul), kinds!(List | ByteArray)),
    (slot("__ior__", 1, ior), kinds!(Dict | Set)),
    (slot("__iand__", 1, iand), kinds!(Set)),
    (slot("__isub__", 1, isub), kinds!(Set)),
    (slot("__ixor__", 1, ixor), kinds!(Set)),
    (slot("__abs__", 0, abs), kinds!(Int | Float | Complex)),
    (slot("__float__", 0, float), kinds!(Int | Float)),
    (slot("__int__", 0, int), kinds!(Int | Float)),
    (slot("__index__", 0, index), kinds!(Int)),
    (slot("__neg__", 0, neg), kinds!(Int | Float | Complex)),
    (slot("__pos__", 0, pos), kinds!(Int | Float | Complex)),
    (slot("__invert__", 0, invert), kinds!(Int)),
    (slot("__repr__", 0, repr), all),
    (slot("__str__", 0, str_), all),
    (
        slot("__hash__", 0, hash),
        kinds!(Int | Float | Complex | Str | Bytes | Tuple | FrozenSet),
    ),
    (
        slot("__bool__", 0, bool_),
        kinds!(Int | Float | Complex | NoneType | Range),
    ),
    (
        slot("__len__", 0, len),
        kinds!(Str | Bytes | ByteArray | Tuple | List | Dict | Set | FrozenSet | Range),
    ),
    (
        slot("__iter__", 0, iter),
        kinds!(Str | Bytes | ByteArray | Tuple | List | Dict | Set | FrozenSet | Range),
    ),
    (
        slot("__contains__", 1, contains),
        kinds!(Str | Bytes | ByteArray | Tuple | List | Dict | Set | FrozenSet | Range),
    ),
    (
        slot("__getitem__", 1, getitem),
        kinds!(Str | Bytes | ByteArray | Tuple | List | Dict | Range),
    ),
    (
        slot("__setitem__", 2, setitem),
        kinds!(List | Dict | ByteArray),
    ),
    (
        slot("__delitem__", 1, delitem),
        kinds!(List | Dict | ByteArray),
    ),
    (whole_self_def("__format__", format, Params::One), all),
];

/// A slot wrapper taking `arity` arguments. It receives self as it is (a subclass's instance too) and acts on
/// its built-in value itself, so that `__getitem__` keeps a dict subclass's `__missing__`.
const fn slot(name: &'static str, arity: u8, f: NativeFn) -> MethodDef {
    whole_self_def(name, f, Params::Wrapper(arity))
}

macro_rules! owners {
    ($($table:ident: $kind:ident, $name:expr, $accepts:expr;)*) => {
        $(
            static $table: MethodTable = MethodTable {
                type_name: $name,
                accepts: $accepts,
                methods: &[],
            };
        )*

        /// The type that defines the special methods of value type `b`, for their checks and reprs.
        fn owner(b: Builtin) -> Option<&'static MethodTable> {
            match b {
                $(Builtin::$kind => Some(&$table),)*
                _ => None,
            }
        }
    };
}

owners! {
    INT: Int, "int", |o| o.downcast::<IntObj>().is_some() || o.downcast::<BoolObj>().is_some();
    FLOAT: Float, "float", |o| o.downcast::<FloatObj>().is_some();
    COMPLEX: Complex, "complex", |o| o.downcast::<ComplexObj>().is_some();
    STR: Str, "str", |o| o.downcast::<StrObj>().is_some();
    BYTES: Bytes, "bytes", |o| o.downcast::<BytesObj>().is_some();
    BYTEARRAY: ByteArray, "bytearray", |o| o.downcast::<ByteArrayObj>().is_some();
    TUPLE: Tuple, "tuple", |o| o.downcast::<TupleObj>().is_some();
    LIST: List, "list", |o| o.downcast::<ListObj>().is_some();
    DICT: Dict, "dict", |o| o.downcast::<DictObj>().is_some();
    SET: Set, "set", |o| o.downcast::<SetObj>().is_some_and(|s| !s.frozen);
    FROZENSET: FrozenSet, "frozenset", |o| o.downcast::<SetObj>().is_some_and(|s| s.frozen);
    RANGE: Range, "range", |o| o.downcast::<RangeObj>().is_some();
    NONE: NoneType, "NoneType", |o| o.downcast::<NoneObj>().is_some();
}

/// The special method `name` of built-in value type `b` (`bool` has int's).
pub fn lookup(b: Builtin, name: &str) -> Option<Method> {
    let b = if b == Builtin::Bool { Builtin::Int } else { b };
    let table = owner(b)?;
    METHODS
        .iter()
        .find(|(def, has)| def.name == name && has(b))
        .map(|(def, _)| Method { table, def })
}

/// list, dict, set and bytearray set `__hash__` to None (they are unhashable).
pub fn hash_is_none(b: Builtin, name: &str) -> bool {
    name == "__hash__"
        && matches!(
            b,
            Builtin::List | Builtin::Dict | Builtin::Set | Builtin::ByteArray
        )
}
