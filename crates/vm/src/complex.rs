//! The complex number type after CPython 3.11's `Objects/complexobject.c`: `complex(...)` (numbers, strings,
//! `__complex__`), the arithmetic whose rounding shows in printed digits (Smith's division, `**` by repeated
//! squaring for small integral exponents), `abs` and `hash`.

use refpy_heap::ObjRef;

use crate::exc::*;
use crate::objects::{ComplexObj, FloatObj, Instance, StrObj};
use crate::ops::{self, type_name};
use crate::rt;

/// The real and imaginary parts of a complex value (a subclass instance's built-in value included).
pub fn parts(o: &ObjRef) -> Option<(f64, f64)> {
    crate::attrs::unwrap_base(o)
        .downcast::<ComplexObj>()
        .map(|c| (c.0, c.1))
}

/// `complex(real=0, imag=<absent>)`, CPython's `complex_new_impl` for the exact type: an exact complex
/// argument alone is returned as it is.
pub fn new(args: &[ObjRef], kwargs: &[(String, ObjRef)]) -> PyResult<ObjRef> {
    let (real, imag) = arguments(args, kwargs)?;
    let Some(r) = real else {
        return Ok(rt::complex(0.0, 0.0));
    };
    if imag.is_none() && r.downcast::<ComplexObj>().is_some() {
        return Ok(r);
    }
    if let Some(s) = crate::attrs::unwrap_base(&r).downcast::<StrObj>() {
        if imag.is_some() {
            return Err(type_error(
                "complex() can't take second arg if first is a string",
            ));
        }
        let (re, im) = from_str(&s.s)?;
        return Ok(rt::complex(re, im));
    }
    if imag
        .as_ref()
        .is_some_and(|i| crate::attrs::unwrap_base(i).downcast::<StrObj>().is_some())
    {
        return Err(type_error("complex() second arg can't be a string"));
    }
    let special = complex_special(&r)?;
    if special.is_none() && !is_number(&r) {
        return Err(type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            type_name(&r)
        )));
    }
    if let Some(i) = imag.as_ref().filter(|i| !is_number(i)) {
        return Err(type_error(format!(
            "complex() second argument must be a number, not '{}'",
            type_name(i)
        )));
    }
    let (mut re, cr_imag, cr_is_complex) = match special.or_else(|| parts(&r)) {
        Some((a, b)) => (a, b, true),
        None => (to_float(&r)?, 0.0, false),
    };
    let mut im = match &imag {
        None => cr_imag,
        Some(i) => match parts(i) {
            Some((a, b)) => {
                // A complex imaginary argument contributes its own imaginary part to the real one.
                re -= b;
                a
            }
            None => to_float(i)?,
        },
    };
    if cr_is_complex && imag.is_some() {
        im += cr_imag;
    }
    Ok(rt::complex(re, im))
}

/// The `real` and `imag` arguments, positional or by keyword, with `complex_new`'s argument clinic errors.
fn arguments(
    args: &[ObjRef],
    kwargs: &[(String, ObjRef)],
) -> PyResult<(Option<ObjRef>, Option<ObjRef>)> {
    if args.len() + kwargs.len() > 2 {
        return Err(type_error(if kwargs.is_empty() {
            format!("complex() takes at most 2 arguments ({} given)", args.len())
        } else {
            format!(
                "complex() takes at most 2 keyword arguments ({} given)",
                args.len() + kwargs.len()
            )
        }));
    }
    let mut slots = [args.first().cloned(), args.get(1).cloned()];
    for (name, value) in kwargs {
        let index = match name.as_str() {
            "real" => 0,
            "imag" => 1,
            _ => {
                return Err(type_error(format!(
                    "'{}' is an invalid keyword argument for complex()",
                    name
                )))
            }
        };
        if index < args.len() {
            return Err(type_error(format!(
                "argument for complex() given by name ('{}') and position ({})",
                name,
                index + 1
            )));
        }
        slots[index] = Some(value.clone());
    }
    let [real, imag] = slots;
    // complex(imag=x) is complex(0, x).
    Ok((real.or_else(|| imag.is_some().then(|| rt::int(0))), imag))
}

/// `__complex__` of an instance whose class defines it, which must return a complex.
fn complex_special(o: &ObjRef) -> PyResult<Option<(f64, f64)>> {
    if o.downcast::<Instance>().is_none() {
        return Ok(None);
    }
    let Some(v) = ops::call_special(o, "__complex__", vec![])? else {
        return Ok(None);
    };
    match parts(&v) {
        Some(p) => Ok(Some(p)),
        None => Err(type_error(format!(
            "__complex__ returned non-complex (type {})",
            type_name(&v)
        ))),
    }
}

/// Whether `o` has `nb_float` or `nb_index`, or is a complex: what `complex()` accepts as a part.
fn is_number(o: &ObjRef) -> bool {
    let v = crate::attrs::unwrap_base(o);
    if ops::as_bigint(v).is_some()
        || v.downcast::<FloatObj>().is_some()
        || v.downcast::<ComplexObj>().is_some()
    {
        return true;
    }
    o.downcast::<Instance>().is_some()
        && ["__float__", "__index__"]
            .iter()
            .any(|m| ops::lookup_type(&ops::type_of(o), m).is_some())
}

/// `PyNumber_Float(o)` as a double: `__float__`, the value of an int or float, or `__index__`.
fn to_float(o: &ObjRef) -> PyResult<f64> {
    if o.downcast::<Instance>().is_some() {
        if let Some(v) = ops::call_special(o, "__float__", vec![])? {
            return match crate::attrs::unwrap_base(&v).downcast::<FloatObj>() {
                Some(f) => Ok(f.0),
                None => Err(type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    type_name(o),
                    type_name(&v)
                ))),
            };
        }
    }
    if let Some(f) = crate::attrs::unwrap_base(o).downcast::<FloatObj>() {
        return Ok(f.0);
    }
    let i = match ops::as_bigint(o) {
        Some(i) => i,
        None => {
            let v = ops::call_special(o, "__index__", vec![])?
                .ok_or_else(|| type_error(format!("must be real number, not {}", type_name(o))))?;
            ops::as_bigint(&v).ok_or_else(|| {
                type_error(format!(
                    "__index__ returned non-int (type {})",
                    type_name(&v)
                ))
            })?
        }
    };
    int_to_float(&i)
}

/// An int as a double, or CPython's OverflowError when it is too large.
pub fn int_to_float(i: &num_bigint::BigInt) -> PyResult<f64> {
    num_traits::ToPrimitive::to_f64(i)
        .filter(|f| f.is_finite())
        .ok_or_else(|| overflow_error("int too large to convert to float"))
}

fn malformed() -> PyErr {
    value_error("complex() arg is a malformed string")
}

/// `complex(str)`: CPython's `complex_from_string_inner` after `_Py_string_to_number_with_underscores`
/// (an underscore only between two digits).
fn from_str(text: &str) -> PyResult<(f64, f64)> {
    let without_underscores;
    let s = if text.contains('_') {
        let b = text.as_bytes();
        let between_digits = |i: usize| {
            i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit)
        };
        if (0..b.len()).any(|i| b[i] == b'_' && !between_digits(i)) {
            return Err(value_error(format!(
                "could not convert string to complex: {}",
                crate::format::str_repr(text)
            )));
        }
        without_underscores = text.replace('_', "");
        without_underscores.as_str()
    } else {
        text
    };
    let b = s.as_bytes();
    let skip_space = |mut i: usize| {
        while b.get(i).is_some_and(|c| is_space(*c)) {
            i += 1;
        }
        i
    };
    let mut i = skip_space(0);
    let bracket = b.get(i) == Some(&b'(');
    if bracket {
        i = skip_space(i + 1);
    }
    let is_j = |i: usize| matches!(b.get(i), Some(b'j' | b'J'));
    let sign_unit = |c: u8| if c == b'+' { 1.0 } else { -1.0 };
    let (re, im);
    if let Some((z, end)) = scan_float(b, i) {
        i = end;
        match b.get(i) {
            Some(&c @ (b'+' | b'-')) => {
                re = z;
                match scan_float(b, i) {
                    Some((y, end)) => {
                        im = y;
                        i = end;
                    }
                    None => {
                        im = sign_unit(c);
                        i += 1;
                    }
                }
                if !is_j(i) {
                    return Err(malformed());
                }
                i += 1;
            }
            Some(b'j' | b'J') => {
                (re, im) = (0.0, z);
                i += 1;
            }
            _ => (re, im) = (z, 0.0),
        }
    } else {
        re = 0.0;
        im = match b.get(i) {
            Some(&c @ (b'+' | b'-')) => {
                i += 1;
                sign_unit(c)
            }
            _ => 1.0,
        };
        if !is_j(i) {
            return Err(malformed());
        }
        i += 1;
    }
    i = skip_space(i);
    if bracket {
        if b.get(i) != Some(&b')') {
            return Err(malformed());
        }
        i = skip_space(i + 1);
    }
    if i != b.len() {
        return Err(malformed());
    }
    Ok((re, im))
}

/// Python's `str.isspace` for the ASCII characters (`Py_ISSPACE`).
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// The longest float at `start` (`PyOS_string_to_double` with an end pointer): a sign, then digits with an
/// optional point and exponent, or inf/infinity/nan. `None` when no float starts there.
fn scan_float(b: &[u8], start: usize) -> Option<(f64, usize)> {
    let mut i = start;
    let negative = match b.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let rest = &b[i..];
    let starts = |word: &str| {
        rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word.as_bytes())
    };
    let signed = |f: f64| if negative { -f } else { f };
    for (word, value) in [
        ("infinity", f64::INFINITY),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        if starts(word) {
            return Some((signed(value), i + word.len()));
        }
    }
    let digits_from = |mut j: usize| {
        while b.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        j
    };
    let int_end = digits_from(i);
    let mut end = int_end;
    if b.get(end) == Some(&b'.') {
        end = digits_from(end + 1);
    }
    // At least one digit before or after the point.
    if end - i == (end > int_end) as usize {
        return None;
    }
    if matches!(b.get(end), Some(b'e' | b'E')) {
        let mut j = end + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp_end = digits_from(j);
        if exp_end > j {
            end = exp_end;
        }
    }
    let text = std::str::from_utf8(&b[i..end]).ok()?;
    text.parse::<f64>().ok().map(|f| (signed(f), end))
}

/// `a / b` by Smith's method, as `_Py_c_quot` computes it (so the last digits agree with CPython).
pub fn quot(a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    let (abs_re, abs_im) = (b.0.abs(), b.1.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return Err(zero_division("complex division by zero"));
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Ok(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_im >= abs_re {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Ok(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        // A NaN part in the divisor.
        Ok((f64::NAN, f64::NAN))
    }
}

fn prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a ** b` (`complex_pow`): an integral exponent up to 100 in magnitude by repeated squaring (`c_powi`),
/// any other by polar form (`_Py_c_pow`); CPython's ZeroDivisionError and OverflowError.
pub fn pow(a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        let power = powu(a, n.unsigned_abs());
        if n >= 0 {
            power
        } else {
            quot((1.0, 0.0), power)
                .map_err(|_| zero_division("0.0 to a negative or complex power"))?
        }
    } else if b == (0.0, 0.0) {
        (1.0, 0.0)
    } else if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(zero_division("0.0 to a negative or complex power"));
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    // _Py_ADJUST_ERANGE2: any infinite part counts as an overflow, whatever the operands.
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(overflow_error("complex exponentiation"));
    }
    Ok(r)
}

/// `c_powu`: `x ** n` by binary powering.
fn powu(x: (f64, f64), n: u64) -> (f64, f64) {
    let (mut r, mut p, mut mask) = ((1.0, 0.0), x, 1u64);
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

/// `abs(z)`: the hypotenuse; OverflowError when finite parts give an infinite result.
pub fn abs(re: f64, im: f64) -> PyResult<f64> {
    let r = re.hypot(im);
    if r.is_infinite() && re.is_finite() && im.is_finite() {
        return Err(overflow_error("absolute value too large"));
    }
    Ok(r)
}

/// `hash(z)`: the real part's hash plus 1000003 times the imaginary part's (`_PyHASH_IMAG`), -1 made -2.
pub fn hash(re: f64, im: f64) -> i64 {
    let combined = (ops::float_hash(re) as u64)
        .wrapping_add(1_000_003u64.wrapping_mul(ops::float_hash(im) as u64))
        as i64;
    if combined == -1 {
        -2
    } else {
        combined
    }
}
