//! Arithmetic on built-in types: int (arbitrary precision), float, and the sequence/set operators.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use refpy_heap::ObjRef;

use crate::bytecode::BinOp;
use crate::exc::*;
use crate::objects::*;
use crate::ops::{self, as_bigint, type_name};
use crate::rt;

pub fn range_len(r: &RangeObj) -> BigInt {
    let zero = BigInt::zero();
    if r.step > zero {
        if r.stop > r.start {
            (&r.stop - &r.start - 1) / &r.step + 1
        } else {
            zero
        }
    } else if r.start > r.stop {
        (&r.start - &r.stop - 1) / (-&r.step) + 1
    } else {
        zero
    }
}

pub fn range_contains(r: &RangeObj, i: &BigInt) -> bool {
    let in_bounds = if r.step.is_positive() {
        *i >= r.start && *i < r.stop
    } else {
        *i <= r.start && *i > r.stop
    };
    in_bounds && (i - &r.start).mod_floor(&r.step.abs()).is_zero()
}

/// `a op b` for two ints that fit in an `i64`, in machine arithmetic. `Ok(None)` when the result needs more
/// than 64 bits, or the operator is one the general `BigInt` path handles (`**` with a negative exponent,
/// `/` with operands beyond 2^53, errors other than division by zero).
pub fn small_int_op(a: i64, b: i64, op: BinOp) -> PyResult<Option<ObjRef>> {
    let r = match op {
        BinOp::Add => a.checked_add(b),
        BinOp::Sub => a.checked_sub(b),
        BinOp::Mul => a.checked_mul(b),
        BinOp::FloorDiv => {
            if b == 0 {
                return Err(zero_division("integer division or modulo by zero"));
            }
            // Only i64::MIN // -1 overflows.
            a.checked_div(b).map(|q| {
                if a % b != 0 && (a < 0) != (b < 0) {
                    q - 1
                } else {
                    q
                }
            })
        }
        BinOp::Mod => {
            if b == 0 {
                return Err(zero_division("integer modulo by zero"));
            }
            a.checked_rem(b).map(|r| {
                if r != 0 && (r < 0) != (b < 0) {
                    r + b
                } else {
                    r
                }
            })
        }
        BinOp::TrueDiv => {
            if b == 0 {
                return Err(zero_division("division by zero"));
            }
            // Both exact as f64, so one correctly rounded division, as CPython does.
            const EXACT: u64 = 1 << 53;
            if a.unsigned_abs() <= EXACT && b.unsigned_abs() <= EXACT {
                return Ok(Some(rt::float(a as f64 / b as f64)));
            }
            None
        }
        // A negative exponent fails the conversion: the float result comes from the general path.
        BinOp::Pow => u32::try_from(b).ok().and_then(|e| a.checked_pow(e)),
        BinOp::LShift => match u32::try_from(b) {
            Ok(s) if s < 64 => a.checked_shl(s).filter(|r| r >> s == a),
            _ => None,
        },
        BinOp::RShift => match u32::try_from(b) {
            // An arithmetic shift floors, as Python's >> does.
            Ok(s) => Some(a >> s.min(63)),
            Err(_) => None,
        },
        BinOp::And => Some(a & b),
        BinOp::Or => Some(a | b),
        BinOp::Xor => Some(a ^ b),
        BinOp::MatMul => None,
    };
    Ok(r.map(rt::int))
}

fn int_op(a: BigInt, b: BigInt, op: BinOp) -> PyResult<ObjRef> {
    Ok(match op {
        BinOp::Add => rt::bigint(a + b),
        BinOp::Sub => rt::bigint(a - b),
        BinOp::Mul => rt::bigint(a * b),
        BinOp::TrueDiv => {
            if b.is_zero() {
                return Err(zero_division("division by zero"));
            }
            rt::float(int_true_divide(&a, &b)?)
        }
        BinOp::FloorDiv => {
            if b.is_zero() {
                return Err(zero_division("integer division or modulo by zero"));
            }
            rt::bigint(a.div_floor(&b))
        }
        BinOp::Mod => {
            if b.is_zero() {
                return Err(zero_division("integer modulo by zero"));
            }
            rt::bigint(a.mod_floor(&b))
        }
        BinOp::Pow => {
            if b.is_negative() {
                let (x, y) = (
                    a.to_f64().unwrap_or(f64::INFINITY),
                    b.to_f64().unwrap_or(0.0),
                );
                if x == 0.0 {
                    return Err(zero_division("0.0 cannot be raised to a negative power"));
                }
                rt::float(x.powf(y))
            } else if let Some(base @ -1..=1) = a.to_i64() {
                // Any exponent is cheap for these bases, even one beyond u32.
                rt::int(match base {
                    0 => b.is_zero() as i64,
                    1 => 1,
                    _ if b.is_even() => 1,
                    _ => -1,
                })
            } else {
                let e = b
                    .to_u32()
                    .ok_or_else(|| overflow_error("exponent too large"))?;
                // Results beyond 2^28 bits are refused rather than computed for minutes.
                let bits = (a.bits() as u128).saturating_mul(e as u128);
                if bits > 1 << 28 && a.bits() > 1 {
                    return Err(PyErr(new_exception(&rt().types.memory_error, vec![])));
                }
                rt::bigint(num_traits::pow(a, e as usize))
            }
        }
        BinOp::LShift => {
            if b.is_negative() {
                return Err(value_error("negative shift count"));
            }
            let s = b
                .to_usize()
                .ok_or_else(|| overflow_error("too many digits in integer"))?;
            if !a.is_zero() {
                check_alloc(s / 8, 1)?;
            }
            rt::bigint(a << s)
        }
        BinOp::RShift => {
            if b.is_negative() {
                return Err(value_error("negative shift count"));
            }
            let s = b.to_usize().unwrap_or(usize::MAX).min(1 << 20);
            rt::bigint(a >> s)
        }
        BinOp::And => rt::bigint(a & b),
        BinOp::Or => rt::bigint(a | b),
        BinOp::Xor => rt::bigint(a ^ b),
        BinOp::MatMul => return Ok(rt().not_implemented.clone()),
    })
}

fn rt() -> &'static rt::Runtime {
    rt::rt()
}

/// `a / b` for ints, correctly rounded as CPython's `long_true_divide` (`b` is not zero): operands that are
/// exact as doubles take one float division; otherwise the quotient is computed to 53 bits (fewer for
/// subnormal results) with integer division and rounded half to even. Too large: OverflowError.
fn int_true_divide(a: &BigInt, b: &BigInt) -> PyResult<f64> {
    const MANT_DIG: i64 = 53;
    const MIN_EXP: i64 = -1021;
    const EXACT: u64 = 1 << 53;
    let negative = a.is_negative() != b.is_negative();
    let (a, b) = (a.abs(), b.abs());
    if let (Some(x), Some(y)) = (a.to_u64(), b.to_u64()) {
        if x <= EXACT && y <= EXACT {
            let q = x as f64 / y as f64;
            return Ok(if negative { -q } else { q });
        }
    }
    if a.is_zero() {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    // The smallest quotient that rounds to infinity: 2**1024 - 2**(1024 - 53 - 1).
    let overflow = (BigInt::from(1) << 1024u32) - (BigInt::from(1) << 970u32);
    if a >= &overflow * &b {
        return Err(overflow_error(
            "integer division result too large for a float",
        ));
    }
    // d with 2**(d-1) <= a/b < 2**d.
    let mut d = a.bits() as i64 - b.bits() as i64;
    let at_least = if d >= 0 {
        a >= (&b << d as u64)
    } else {
        (&a << (-d) as u64) >= b
    };
    if at_least {
        d += 1;
    }
    let exp = d.max(MIN_EXP) - MANT_DIG;
    let (num, den) = if exp < 0 {
        (&a << (-exp) as u64, b)
    } else {
        (a, &b << exp as u64)
    };
    let (mut q, r) = num.div_rem(&den);
    let twice_r = &r << 1u32;
    if twice_r > den || (twice_r == den && q.is_odd()) {
        q += 1;
    }
    // q has at most 53 bits, so it and the power of two are exact; their product is the rounded quotient.
    let q = q.to_f64().expect("at most 53 bits");
    let result = q * power_of_two(exp);
    Ok(if negative { -result } else { result })
}

/// 2**exp as an exact double, for -1074 <= exp <= 1023 (subnormal below -1022).
fn power_of_two(exp: i64) -> f64 {
    if exp >= -1022 {
        f64::from_bits(((exp + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (exp + 1074))
    }
}

fn float_op(x: f64, y: f64, op: BinOp) -> PyResult<ObjRef> {
    Ok(rt::float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(zero_division("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(zero_division("float floor division by zero"));
            }
            (x / y).floor()
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(zero_division("float modulo"));
            }
            let m = x % y;
            if m != 0.0 && ((m < 0.0) != (y < 0.0)) {
                m + y
            } else {
                m
            }
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return Err(zero_division("0.0 cannot be raised to a negative power"));
            }
            if x < 0.0 && y.is_finite() && y != y.floor() {
                // A negative number to a fractional power is complex (float_pow hands it to complex_pow).
                let (re, im) = crate::complex::pow((x, 0.0), (y, 0.0))?;
                return Ok(rt::complex(re, im));
            }
            x.powf(y)
        }
        _ => return Ok(rt().not_implemented.clone()),
    }))
}

fn repeat<T: Clone>(items: &[T], n: &ObjRef) -> PyResult<Vec<T>> {
    let n = ops::index_arg(n)?.max(0) as usize;
    check_alloc(items.len().saturating_mul(n), std::mem::size_of::<T>())?;
    let mut out = Vec::with_capacity(items.len().saturating_mul(n).min(1 << 24));
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

/// Binary operators implemented by built-in types; `Ok(None)` when they do not apply.
pub fn builtin_binary(a: &ObjRef, b: &ObjRef, op: BinOp) -> PyResult<Option<ObjRef>> {
    if let (Some(x), Some(y)) = (a.downcast::<BoolObj>(), b.downcast::<BoolObj>()) {
        match op {
            BinOp::And => return Ok(Some(rt::bool_obj(x.0 & y.0))),
            BinOp::Or => return Ok(Some(rt::bool_obj(x.0 | y.0))),
            BinOp::Xor => return Ok(Some(rt::bool_obj(x.0 ^ y.0))),
            _ => {}
        }
    }
    if let (Some(x), Some(y)) = (as_bigint(a), as_bigint(b)) {
        let r = int_op(x, y, op)?;
        return Ok(if r.is(&rt().not_implemented) {
            None
        } else {
            Some(r)
        });
    }
    let ac = a.downcast::<ComplexObj>().map(|c| (c.0, c.1));
    let bc = b.downcast::<ComplexObj>().map(|c| (c.0, c.1));
    if ac.is_some() || bc.is_some() {
        // The other operand as a complex (`to_complex`): an int or float, a too large int an OverflowError.
        let to_c = |o: &ObjRef, c: Option<(f64, f64)>| -> PyResult<Option<(f64, f64)>> {
            if c.is_some() {
                return Ok(c);
            }
            if let Some(f) = o.downcast::<FloatObj>() {
                return Ok(Some((f.0, 0.0)));
            }
            match as_bigint(o) {
                Some(i) => Ok(Some((crate::complex::int_to_float(&i)?, 0.0))),
                None => Ok(None),
            }
        };
        if !matches!(
            op,
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv | BinOp::Pow
        ) {
            return Ok(None);
        }
        let (Some((ar, ai)), Some((br, bi))) = (to_c(a, ac)?, to_c(b, bc)?) else {
            return Ok(None);
        };
        let (re, im) = match op {
            BinOp::Add => (ar + br, ai + bi),
            BinOp::Sub => (ar - br, ai - bi),
            BinOp::Mul => (ar * br - ai * bi, ar * bi + ai * br),
            BinOp::TrueDiv => crate::complex::quot((ar, ai), (br, bi))?,
            _ => crate::complex::pow((ar, ai), (br, bi))?,
        };
        return Ok(Some(rt::complex(re, im)));
    }
    let af = a.downcast::<FloatObj>().is_some();
    let bf = b.downcast::<FloatObj>().is_some();
    if (af || bf) && (af || as_bigint(a).is_some()) && (bf || as_bigint(b).is_some()) {
        let (x, y) = (ops::as_f64(a).unwrap(), ops::as_f64(b).unwrap());
        let r = float_op(x, y, op)?;
        return Ok(if r.is(&rt().not_implemented) {
            None
        } else {
            Some(r)
        });
    }
    if let Some(s) = ops::str_of(a) {
        match op {
            BinOp::Add => {
                if let Some(t) = ops::str_of(b) {
                    return Ok(Some(rt::string(format!("{}{}", s, t))));
                }
            }
            BinOp::Mul if as_bigint(b).is_some() => {
                let n = ops::index_arg(b)?.max(0) as usize;
                check_alloc(s.len().saturating_mul(n), 1)?;
                return Ok(Some(rt::string(s.repeat(n))));
            }
            BinOp::Mod => return Ok(Some(rt::string(crate::format::percent_format(s, b)?))),
            _ => {}
        }
    }
    if op == BinOp::Mul && as_bigint(a).is_some() {
        if ops::str_of(b).is_some()
            || b.downcast::<ListObj>().is_some()
            || b.downcast::<TupleObj>().is_some()
        {
            return builtin_binary(b, a, op);
        }
    }
    if let Some(l) = a.downcast::<ListObj>() {
        match op {
            BinOp::Add => {
                if let Some(m) = b.downcast::<ListObj>() {
                    let mut v = l.0.borrow().clone();
                    v.extend(m.0.borrow().iter().cloned());
                    return Ok(Some(rt::list(v)));
                }
            }
            BinOp::Mul if as_bigint(b).is_some() => {
                let items = l.0.borrow().clone();
                return Ok(Some(rt::list(repeat(&items, b)?)));
            }
            _ => {}
        }
    }
    if let Some(t) = a.downcast::<TupleObj>() {
        match op {
            BinOp::Add => {
                if let Some(m) = b.downcast::<TupleObj>() {
                    let mut v = t.0.borrow().clone();
                    v.extend(m.0.borrow().iter().cloned());
                    return Ok(Some(rt::tuple(v)));
                }
            }
            BinOp::Mul if as_bigint(b).is_some() => {
                let items = t.0.borrow().clone();
                return Ok(Some(rt::tuple(repeat(&items, b)?)));
            }
            _ => {}
        }
    }
    // bytes + bytearray is bytes, bytearray + bytes a bytearray: the left operand's type.
    if op == BinOp::Add && a.downcast::<ByteArrayObj>().is_some() {
        if let (Some(mut v), Some(y)) = (crate::ops::bytes_of(a), crate::ops::bytes_of(b)) {
            v.extend_from_slice(&y);
            return Ok(Some(rt::bytearray(v)));
        }
    }
    if let Some(x) = a.downcast::<BytesObj>() {
        match op {
            BinOp::Add => {
                if let Some(y) = crate::ops::bytes_of(b) {
                    let mut v = x.0.clone();
                    v.extend_from_slice(&y);
                    return Ok(Some(rt::bytes(v)));
                }
            }
            BinOp::Mul if as_bigint(b).is_some() => {
                return Ok(Some(rt::bytes(repeat(&x.0, b)?)));
            }
            _ => {}
        }
    }
    let setlike = |o: &ObjRef| {
        o.downcast::<SetObj>().is_some() || o.downcast::<DictViewObj>().is_some_and(|v| v.kind != 1)
    };
    if matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor)
        && setlike(a)
        && setlike(b)
        && (a.downcast::<DictViewObj>().is_some() || b.downcast::<DictViewObj>().is_some())
    {
        let to_set = |o: &ObjRef| -> PyResult<ObjRef> {
            if o.downcast::<SetObj>().is_some() {
                return Ok(o.clone());
            }
            let s = rt::set(false);
            for k in ops::iterate(o)? {
                dict::insert(&s.downcast::<SetObj>().unwrap().table, k, None)?;
            }
            Ok(s)
        };
        let (x, y) = (to_set(a)?, to_set(b)?);
        return builtin_binary(&x, &y, op);
    }
    if let (Some(x), Some(_)) = (a.downcast::<SetObj>(), b.downcast::<SetObj>()) {
        let frozen = x.frozen;
        let ai = ops::set_items(a);
        let bi = ops::set_items(b);
        let out = rt::set(frozen);
        let t = &out.downcast::<SetObj>().unwrap().table;
        let bt = &b.downcast::<SetObj>().unwrap().table;
        // As setobject.c builds each result: `|` copies a and merges b, `-` copies a and discards b's keys when
        // a is over four times larger, `^` copies b and toggles a's keys; the table sizes follow.
        match op {
            BinOp::Or => {
                crate::sizes::set_merging(&mut t.borrow_mut(), ai.len());
                for k in ai {
                    dict::insert(t, k, None)?;
                }
                crate::sizes::set_merging(&mut t.borrow_mut(), bi.len());
                for k in bi {
                    if !dict::contains(t, &k)? {
                        dict::insert(t, k, None)?;
                    }
                }
            }
            BinOp::And => {
                for k in ai {
                    if dict::contains(bt, &k)? {
                        dict::insert(t, k, None)?;
                    }
                }
            }
            BinOp::Sub if ai.len() >> 2 > bi.len() => {
                crate::sizes::set_merging(&mut t.borrow_mut(), ai.len());
                for k in ai {
                    dict::insert(t, k, None)?;
                }
                for k in bi {
                    drop(dict::remove(t, &k)?);
                }
            }
            BinOp::Sub => {
                for k in ai {
                    if !dict::contains(bt, &k)? {
                        dict::insert(t, k, None)?;
                    }
                }
            }
            BinOp::Xor => {
                crate::sizes::set_merging(&mut t.borrow_mut(), bi.len());
                for k in bi {
                    dict::insert(t, k, None)?;
                }
                for k in ai {
                    if dict::contains(bt, &k)? {
                        drop(dict::remove(t, &k)?);
                    } else {
                        dict::insert(t, k, None)?;
                    }
                }
            }
            _ => return Ok(None),
        }
        return Ok(Some(out));
    }
    if op == BinOp::Or && a.downcast::<DictObj>().is_some() && b.downcast::<DictObj>().is_some() {
        let out = rt::dict();
        for (k, v) in ops::dict_items(a).into_iter().chain(ops::dict_items(b)) {
            ops::dict_set(&out, k, v)?;
        }
        return Ok(Some(out));
    }
    let _ = type_name;
    Ok(None)
}
