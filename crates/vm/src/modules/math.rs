//! The `time` and `math` modules (the basics).

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};
use refpy_heap::ObjRef;

use super::{module_dict, new_module};
use crate::exc::*;
use crate::ops::{self, type_name};
use crate::rt;

type Kw<'a> = &'a [(String, ObjRef)];

fn now() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

thread_local! {
    static START: std::time::Instant = std::time::Instant::now();
}

fn time(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::float(now()))
}
fn time_ns(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::bigint(BigInt::from((now() * 1e9) as i128)))
}
fn perf_counter(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::float(START.with(|s| s.elapsed().as_secs_f64())))
}
fn perf_counter_ns(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::bigint(BigInt::from(
        START.with(|s| s.elapsed().as_nanos()),
    )))
}
fn sleep(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let s = a.first().and_then(ops::as_f64).unwrap_or(0.0);
    if s < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    rt::flush_out_if_tty();
    std::thread::sleep(std::time::Duration::from_secs_f64(s.min(1e6)));
    Ok(rt::none())
}

pub fn make_time() -> ObjRef {
    new_module(
        "time",
        &[
            ("time", time),
            ("time_ns", time_ns),
            ("perf_counter", perf_counter),
            ("perf_counter_ns", perf_counter_ns),
            ("monotonic", perf_counter),
            ("process_time", perf_counter),
            ("sleep", sleep),
        ],
    )
}

fn farg(a: &[ObjRef], i: usize) -> PyResult<f64> {
    let o = a
        .get(i)
        .ok_or_else(|| type_error("math function expected an argument"))?;
    ops::as_f64(o).ok_or_else(|| type_error(format!("must be real number, not {}", type_name(o))))
}

macro_rules! unary {
    ($name:ident, $f:expr) => {
        fn $name(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
            let x = farg(a, 0)?;
            let r: f64 = $f(x);
            if r.is_nan() && !x.is_nan() {
                return Err(value_error("math domain error"));
            }
            Ok(rt::float(r))
        }
    };
}
unary!(sqrt, f64::sqrt);
unary!(exp, f64::exp);
unary!(sin, f64::sin);
unary!(cos, f64::cos);
unary!(tan, f64::tan);
unary!(fabs, f64::abs);
unary!(log2, f64::log2);
unary!(log10, f64::log10);
unary!(atan, f64::atan);

unary!(asin, f64::asin);
unary!(acos, f64::acos);
unary!(sinh, f64::sinh);
unary!(cosh, f64::cosh);
unary!(tanh, f64::tanh);
unary!(degrees, f64::to_degrees);
unary!(radians, f64::to_radians);
unary!(expm1, f64::exp_m1);
unary!(log1p, f64::ln_1p);

fn atan2(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::float(farg(a, 0)?.atan2(farg(a, 1)?)))
}
fn modf(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let x = farg(a, 0)?;
    Ok(rt::tuple(vec![rt::float(x.fract()), rt::float(x.trunc())]))
}
fn frexp(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let x = farg(a, 0)?;
    if x == 0.0 || !x.is_finite() {
        return Ok(rt::tuple(vec![rt::float(x), rt::int(0)]));
    }
    let mut e = x.abs().log2().floor() as i32 + 1;
    let mut m = x / 2f64.powi(e);
    if m.abs() >= 1.0 {
        m /= 2.0;
        e += 1;
    } else if m.abs() < 0.5 {
        m *= 2.0;
        e -= 1;
    }
    Ok(rt::tuple(vec![rt::float(m), rt::int(e as i64)]))
}
fn ldexp(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let e = iarg(a, 1)?.to_i32().unwrap_or(0);
    Ok(rt::float(farg(a, 0)? * 2f64.powi(e)))
}
fn comb(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let (n, k) = (iarg(a, 0)?, iarg(a, 1)?);
    if n.is_negative() || k.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k > n {
        return Ok(rt::int(0));
    }
    let k = k.to_u64().unwrap_or(0).min((&n - &k).to_u64().unwrap_or(0));
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (&n - BigInt::from(i)) / BigInt::from(i + 1);
    }
    Ok(rt::bigint(r))
}
fn perm(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let n = iarg(a, 0)?;
    let k = if a.len() > 1 { iarg(a, 1)? } else { n.clone() };
    if k > n {
        return Ok(rt::int(0));
    }
    let mut r = BigInt::one();
    for i in 0..k.to_u64().unwrap_or(0) {
        r *= &n - BigInt::from(i);
    }
    Ok(rt::bigint(r))
}

fn log(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let x = farg(a, 0)?;
    if x <= 0.0 {
        return Err(value_error("math domain error"));
    }
    Ok(rt::float(match a.get(1) {
        Some(_) => x.ln() / farg(a, 1)?.ln(),
        None => x.ln(),
    }))
}
fn to_int(f: f64) -> PyResult<ObjRef> {
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    Ok(rt::bigint(
        <BigInt as num_traits::FromPrimitive>::from_f64(f.trunc()).unwrap_or_default(),
    ))
}
fn floor(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    if let Some(i) = a.first().and_then(ops::as_bigint) {
        return Ok(rt::bigint(i));
    }
    to_int(farg(a, 0)?.floor())
}
fn ceil(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    if let Some(i) = a.first().and_then(ops::as_bigint) {
        return Ok(rt::bigint(i));
    }
    to_int(farg(a, 0)?.ceil())
}
fn trunc(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    if let Some(i) = a.first().and_then(ops::as_bigint) {
        return Ok(rt::bigint(i));
    }
    to_int(farg(a, 0)?.trunc())
}
fn pow(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::float(farg(a, 0)?.powf(farg(a, 1)?)))
}
fn hypot(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let mut s = 0.0;
    for i in 0..a.len() {
        let x = farg(a, i)?;
        s += x * x;
    }
    Ok(rt::float(s.sqrt()))
}
fn isnan(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::bool_obj(farg(a, 0)?.is_nan()))
}
fn isinf(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::bool_obj(farg(a, 0)?.is_infinite()))
}
fn isfinite(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::bool_obj(farg(a, 0)?.is_finite()))
}
fn isclose(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let (x, y) = (farg(a, 0)?, farg(a, 1)?);
    let rel = crate::methods::kwarg(kw, "rel_tol")
        .and_then(ops::as_f64)
        .unwrap_or(1e-9);
    let abs = crate::methods::kwarg(kw, "abs_tol")
        .and_then(ops::as_f64)
        .unwrap_or(0.0);
    Ok(rt::bool_obj(
        x == y || (x - y).abs() <= (rel * x.abs().max(y.abs())).max(abs),
    ))
}
fn iarg(a: &[ObjRef], i: usize) -> PyResult<BigInt> {
    let o = a.get(i).ok_or_else(|| type_error("missing argument"))?;
    ops::as_bigint(o).ok_or_else(|| {
        type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(o)
        ))
    })
}
fn gcd(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let mut g = BigInt::zero();
    for i in 0..a.len() {
        g = num_integer::Integer::gcd(&g, &iarg(a, i)?);
    }
    Ok(rt::bigint(g))
}
fn factorial(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let n = iarg(a, 0)?;
    if n.is_negative() {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let mut r = BigInt::one();
    let n = n.to_u64().unwrap_or(0);
    for i in 2..=n {
        r *= i;
    }
    Ok(rt::bigint(r))
}
fn isqrt(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let n = iarg(a, 0)?;
    if n.is_negative() {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    Ok(rt::bigint(n.sqrt()))
}
/// Exact summation with Shewchuk's partials (what CPython's fsum computes).
fn fsum(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let mut partials: Vec<f64> = Vec::new();
    for x in ops::iterate(&a[0])? {
        let mut x = ops::as_f64(&x).ok_or_else(|| type_error("must be real number"))?;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    Ok(rt::float(partials.iter().sum()))
}
fn prod(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let mut acc = rt::int(1);
    for x in ops::iterate(&a[0])? {
        acc = ops::binary(&acc, &x, crate::bytecode::BinOp::Mul)?;
    }
    Ok(acc)
}
fn copysign(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::float(farg(a, 0)?.copysign(farg(a, 1)?)))
}

pub fn make_math() -> ObjRef {
    let m = new_module(
        "math",
        &[
            ("sqrt", sqrt),
            ("exp", exp),
            ("sin", sin),
            ("cos", cos),
            ("tan", tan),
            ("atan", atan),
            ("fabs", fabs),
            ("log", log),
            ("log2", log2),
            ("log10", log10),
            ("floor", floor),
            ("ceil", ceil),
            ("trunc", trunc),
            ("pow", pow),
            ("hypot", hypot),
            ("isnan", isnan),
            ("isinf", isinf),
            ("isfinite", isfinite),
            ("isclose", isclose),
            ("gcd", gcd),
            ("factorial", factorial),
            ("isqrt", isqrt),
            ("fsum", fsum),
            ("prod", prod),
            ("copysign", copysign),
            ("atan2", atan2),
            ("asin", asin),
            ("acos", acos),
            ("sinh", sinh),
            ("cosh", cosh),
            ("tanh", tanh),
            ("degrees", degrees),
            ("radians", radians),
            ("expm1", expm1),
            ("log1p", log1p),
            ("modf", modf),
            ("frexp", frexp),
            ("ldexp", ldexp),
            ("comb", comb),
            ("perm", perm),
        ],
    );
    let d = module_dict(&m);
    ops::dict_set_str(&d, "pi", rt::float(std::f64::consts::PI));
    ops::dict_set_str(&d, "e", rt::float(std::f64::consts::E));
    ops::dict_set_str(&d, "tau", rt::float(std::f64::consts::TAU));
    ops::dict_set_str(&d, "inf", rt::float(f64::INFINITY));
    ops::dict_set_str(&d, "nan", rt::float(f64::NAN));
    m
}
