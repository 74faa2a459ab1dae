//! Text formatting with CPython's exact output: string/bytes reprs, float repr, and format specs.

use num_bigint::BigInt;
use num_traits::Signed;
use refpy_heap::ObjRef;

use crate::exc::*;
use crate::ops;

pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c)
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if !is_printable(c) => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{:02x}", n))
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", n))
                } else {
                    out.push_str(&format!("\\U{:08x}", n))
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `str.isprintable` for one character (without the unassigned-code-point table).
pub fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    let n = c as u32;
    let format_char = matches!(n,
        0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x180e | 0x200b..=0x200f | 0x202a..=0x202e
        | 0x2060..=0x2064 | 0x2066..=0x206f | 0xfeff | 0xfff9..=0xfffb | 0x110bd | 0x1d173..=0x1d17a
        | 0xe0001 | 0xe0020..=0xe007f);
    let private = matches!(n, 0xe000..=0xf8ff | 0xf0000..=0x10ffff);
    !format_char && !private
}

pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char)
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(quote);
    out
}

/// `repr(float)`: shortest round-trip digits, exponent form outside 1e-4 ≤ |x| < 1e16.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0" } else { "0.0" }.into();
    }
    // The fewest digits that read back as `f`; among the strings of that length, CPython (Gay's dtoa) takes
    // the one closest to `f`'s exact value, ties to even, where Rust's shortest form may take the other
    // neighbour (1401195978534791.25 is "…791.2" in CPython): the correctly rounded digits of that length.
    let shortest = format!("{:e}", f);
    let significant = shortest
        .split('e')
        .next()
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .count();
    let e = format!("{:.*e}", significant.saturating_sub(1), f);
    let (mant, exp) = e.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    if !(-4..16).contains(&exp) {
        let mut m = digits[..1].to_string();
        if digits.len() > 1 {
            m.push('.');
            m.push_str(&digits[1..]);
        }
        return format!(
            "{}{}e{}{:02}",
            sign,
            m,
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        );
    }
    if exp < 0 {
        return format!("{}0.{}{}", sign, "0".repeat((-exp - 1) as usize), digits);
    }
    let exp = exp as usize;
    if digits.len() > exp + 1 {
        format!("{}{}.{}", sign, &digits[..exp + 1], &digits[exp + 1..])
    } else {
        format!("{}{}{}.0", sign, digits, "0".repeat(exp + 1 - digits.len()))
    }
}

/// `repr(complex)`: components without a trailing `.0`, the real part omitted when it is +0.
pub fn complex_repr(re: f64, im: f64) -> String {
    let part = |f: f64| {
        let r = float_repr(f);
        r.strip_suffix(".0").map(str::to_string).unwrap_or(r)
    };
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", part(im));
    }
    let sign = if im < 0.0 || (im == 0.0 && im.is_sign_negative()) {
        "-"
    } else {
        "+"
    };
    format!("({}{}{}j)", part(re), sign, part(im.abs()))
}

#[derive(Default)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    alt: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

fn parse_spec(spec: &str) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = chars[start..i]
            .iter()
            .collect::<String>()
            .parse()
            .unwrap_or(0);
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        s.precision = Some(
            chars[start..i]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(0),
        );
    }
    if i < chars.len() {
        s.ty = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return Err(value_error("Invalid format specifier"));
    }
    Ok(s)
}

fn group(digits: &str, sep: char) -> String {
    let mut out = String::new();
    let n = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn pad(body: String, sign: &str, s: &Spec, default_align: char) -> String {
    if s.width > (1 << 28) {
        // Absurd widths: CPython raises MemoryError; we keep the text unpadded rather than abort.
        return format!("{}{}", sign, body);
    }
    let len = body.chars().count() + sign.chars().count();
    if len >= s.width {
        return format!("{}{}", sign, body);
    }
    let fill_n = s.width - len;
    let (fill, align) = if s.zero && s.align.is_none() {
        ('0', '=')
    } else {
        (s.fill.unwrap_or(' '), s.align.unwrap_or(default_align))
    };
    let f = |n: usize| fill.to_string().repeat(n);
    match align {
        '<' => format!("{}{}{}", sign, body, f(fill_n)),
        '^' => format!(
            "{}{}{}{}",
            f(fill_n / 2),
            sign,
            body,
            f(fill_n - fill_n / 2)
        ),
        '=' => format!("{}{}{}", sign, f(fill_n), body),
        _ => format!("{}{}{}", f(fill_n), sign, body),
    }
}

fn sign_str(neg: bool, s: &Spec) -> &'static str {
    if neg {
        "-"
    } else {
        match s.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

pub fn format_float_fixed(f: f64, prec: usize) -> String {
    format!("{:.*}", prec, f)
}

fn format_float_exp(f: f64, prec: usize) -> String {
    let e = format!("{:.*e}", prec, f);
    let (m, exp) = e.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    format!("{}e{}{:02}", m, if exp < 0 { '-' } else { '+' }, exp.abs())
}

/// `'g'`: fixed or exponent notation by the exponent, insignificant zeros removed unless `alt`. With
/// `add_dot_0` (no presentation type but a precision) an integral result keeps `.0`, and exponent notation
/// starts one digit earlier, as CPython's `format_float_short` decides.
fn format_float_general(f: f64, prec: usize, alt: bool, add_dot_0: bool) -> String {
    let p = if prec == 0 { 1 } else { prec };
    // The decimal exponent of the first significant digit (0 for zero, as dtoa's decpt 1 says).
    let exp = if f == 0.0 {
        0
    } else {
        format!("{:.*e}", p - 1, f)
            .split_once('e')
            .unwrap()
            .1
            .parse::<i32>()
            .unwrap()
    };
    let mut s = if exp >= -4 && exp < p as i32 - i32::from(add_dot_0) {
        format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, f)
    } else {
        format_float_exp(f, p - 1)
    };
    if alt {
        // `#` keeps the decimal point even with no digits after it.
        if !s.contains('.') {
            let at = s.find('e').unwrap_or(s.len());
            s.insert(at, '.');
        }
    } else if let Some(epos) = s.find('e') {
        let (m, e) = s.split_at(epos);
        let m = if m.contains('.') {
            m.trim_end_matches('0').trim_end_matches('.')
        } else {
            m
        };
        s = format!("{}{}", m, e);
    } else if s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    if add_dot_0 && !s.contains(['.', 'e']) {
        s.push_str(".0");
    }
    s
}

/// `format(value, spec)` for built-in types; instances go through `__format__`/`str`.
pub fn format_value(v: &ObjRef, spec: &str) -> PyResult<String> {
    if v.downcast::<crate::objects::Instance>().is_some() {
        if let Some(r) = ops::call_special(v, "__format__", vec![crate::rt::str_obj(spec)])? {
            return ops::str_(&r);
        }
        if spec.is_empty() {
            return ops::str_(v);
        }
        // A subclass of a built-in type formats its value with the built-in's __format__.
        if let Some(b) = crate::attrs::base_ref(v) {
            return format_value(b, spec);
        }
        return Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            ops::type_name(v)
        )));
    }
    if spec.is_empty() {
        return ops::str_(v);
    }
    let s = parse_spec(spec)?;
    if let Some(i) = ops::as_bigint(v) {
        if matches!(s.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
            let f = num_traits::ToPrimitive::to_f64(&i).unwrap_or(f64::INFINITY);
            return format_float_spec(f, &s);
        }
        if s.precision.is_some() {
            return Err(value_error(
                "Precision not allowed in integer format specifier",
            ));
        }
        let neg = i.is_negative();
        let a: BigInt = i.abs();
        let (digits, prefix) = match s.ty {
            None | Some('d') | Some('n') => (a.to_string(), ""),
            Some('x') => (a.to_str_radix(16), "0x"),
            Some('X') => (a.to_str_radix(16).to_uppercase(), "0X"),
            Some('o') => (a.to_str_radix(8), "0o"),
            Some('b') => (a.to_str_radix(2), "0b"),
            Some('c') => (
                char::from_u32(num_traits::ToPrimitive::to_u32(&a).unwrap_or(0))
                    .unwrap_or('\0')
                    .to_string(),
                "",
            ),
            Some(t) => {
                return Err(value_error(format!(
                    "Unknown format code '{}' for object of type '{}'",
                    t,
                    ops::type_name(v)
                )))
            }
        };
        let digits = match s.grouping {
            Some(g) => group(&digits, g),
            None => digits,
        };
        let sign = format!("{}{}", sign_str(neg, &s), if s.alt { prefix } else { "" });
        return Ok(pad(digits, &sign, &s, '>'));
    }
    if let Some(f) = v.downcast::<crate::objects::FloatObj>() {
        return format_float_spec(f.0, &s);
    }
    if let Some(c) = v.downcast::<crate::objects::ComplexObj>() {
        return format_complex_spec(c.0, c.1, &s);
    }
    if let Some(st) = ops::str_of(v) {
        if let Some(t) = s.ty {
            if t != 's' {
                return Err(value_error(format!(
                    "Unknown format code '{}' for object of type 'str'",
                    t
                )));
            }
        }
        let body: String = match s.precision {
            Some(p) => st.chars().take(p).collect(),
            None => st.to_string(),
        };
        return Ok(pad(body, "", &s, '<'));
    }
    if spec.is_empty() {
        return ops::str_(v);
    }
    Err(type_error(format!(
        "unsupported format string passed to {}.__format__",
        ops::type_name(v)
    )))
}

fn format_float_spec(f: f64, s: &Spec) -> PyResult<String> {
    let (neg, body) = float_spec_part(f, s.ty, s, "float")?;
    Ok(pad(body, sign_str(neg, s), s, '>'))
}

/// `format(complex, spec)`, CPython's `format_complex_internal`: both parts formatted like floats (no type:
/// as in repr, with parentheses unless the real part is +0 and left out), the imaginary part always signed
/// when the real part is shown, then padded as one.
fn format_complex_spec(re: f64, im: f64, s: &Spec) -> PyResult<String> {
    if s.zero || s.fill == Some('0') {
        return Err(value_error(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if s.align == Some('=') {
        return Err(value_error(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let (ty, skip_re, parens) = match s.ty {
        None => {
            let skip_re = re == 0.0 && re.is_sign_positive();
            // Without a precision, each part as its repr (`'r'`); with one, as `'g'`.
            let ty = if s.precision.is_none() { 'r' } else { 'g' };
            (ty, skip_re, !skip_re)
        }
        Some('n') => ('g', false, false),
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => (t, false, false),
        Some(t) => {
            return Err(value_error(format!(
                "Unknown format code '{}' for object of type 'complex'",
                t
            )))
        }
    };
    let mut text = String::from(if parens { "(" } else { "" });
    if !skip_re {
        let (neg, body) = float_spec_part(re, Some(ty), s, "complex")?;
        text.push_str(sign_str(neg, s));
        text.push_str(&body);
    }
    let (neg, body) = float_spec_part(im, Some(ty), s, "complex")?;
    let im_sign = if skip_re {
        sign_str(neg, s)
    } else if neg {
        "-"
    } else {
        "+"
    };
    text.push_str(im_sign);
    text.push_str(&body);
    text.push('j');
    if parens {
        text.push(')');
    }
    Ok(pad(text, "", s, '>'))
}

/// One float formatted by presentation type `ty` (`'r'`: its repr digits without a `.0`) with the spec's
/// precision, `#` and grouping: whether it is negative (never for a NaN) and its digits.
fn float_spec_part(
    f: f64,
    ty: Option<char>,
    s: &Spec,
    type_name: &str,
) -> PyResult<(bool, String)> {
    let neg = f.is_sign_negative() && !f.is_nan();
    let a = f.abs();
    let precision = s.precision.unwrap_or(6);
    let body = match ty {
        Some('r' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') | None if !a.is_finite() => {
            let word = if a.is_nan() { "nan" } else { "inf" };
            if ty == Some('%') {
                format!("{}%", word)
            } else {
                word.to_string()
            }
        }
        Some('r') => {
            let r = float_repr(a);
            r.strip_suffix(".0").map(str::to_string).unwrap_or(r)
        }
        Some('f' | 'F') => format_float_fixed(a, precision),
        Some('e' | 'E') => format_float_exp(a, precision),
        Some('g' | 'G' | 'n') => format_float_general(a, precision, s.alt, false),
        Some('%') => format!("{}%", format_float_fixed(a * 100.0, precision)),
        None => match s.precision {
            Some(p) => format_float_general(a, p, s.alt, true),
            None => float_repr(a),
        },
        Some(t) => {
            return Err(value_error(format!(
                "Unknown format code '{}' for object of type '{}'",
                t, type_name
            )))
        }
    };
    let mut body = body;
    if s.alt
        && a.is_finite()
        && matches!(ty, Some('e' | 'E' | 'f' | 'F' | '%'))
        && !body.contains('.')
    {
        // `#` keeps the decimal point even with no digits after it.
        let at = body.find(['e', '%']).unwrap_or(body.len());
        body.insert(at, '.');
    }
    let body = if matches!(ty, Some('E' | 'F' | 'G')) {
        body.to_uppercase()
    } else {
        body
    };
    let body = match s.grouping {
        Some(g) => {
            let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                Some(i) => body.split_at(i),
                None => (body.as_str(), ""),
            };
            format!("{}{}", group(int_part, g), rest)
        }
        None => body,
    };
    Ok((neg, body))
}

/// printf-style `str % args`.
pub fn percent_format(fmt: &str, args: &ObjRef) -> PyResult<String> {
    let items = match ops::tuple_items(args) {
        Some(t) => t,
        None => vec![args.clone()],
    };
    let mut it = items.into_iter();
    let mut mapping_used = false;
    let mut out = String::new();
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut key: Option<String> = None;
        if chars.peek() == Some(&'(') {
            chars.next();
            let mut k = String::new();
            let mut depth = 1;
            for n in chars.by_ref() {
                if n == '(' {
                    depth += 1;
                } else if n == ')' {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                k.push(n);
            }
            key = Some(k);
        }
        let mut spec = String::new();
        while let Some(&n) = chars.peek() {
            if n.is_ascii_alphabetic() || n == '%' {
                break;
            }
            spec.push(n);
            chars.next();
        }
        let Some(conv) = chars.next() else {
            return Err(value_error("incomplete format"));
        };
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match &key {
            Some(k) => {
                if crate::attrs::unwrap_base(args)
                    .downcast::<crate::objects::DictObj>()
                    .is_none()
                {
                    return Err(type_error("format requires a mapping"));
                }
                mapping_used = true;
                ops::getitem(args, &crate::rt::str_obj(k))?
            }
            None => it
                .next()
                .ok_or_else(|| type_error("not enough arguments for format string"))?,
        };
        let s = match conv {
            's' => pad_simple(ops::str_(&v)?, &spec),
            'r' => pad_simple(ops::repr(&v)?, &spec),
            'd' | 'i' => {
                let i = ops::as_bigint(&v)
                    .or_else(|| ops::as_f64(&v).map(|f| BigInt::from(f.trunc() as i64)))
                    .ok_or_else(|| {
                        type_error(format!(
                            "%{} format: a real number is required, not {}",
                            conv,
                            ops::type_name(&v)
                        ))
                    })?;
                format_value(&crate::rt::bigint(i), &printf_to_spec(&spec, 'd'))?
            }
            'f' | 'e' | 'g' | 'x' | 'X' | 'o' | 'E' | 'G' => {
                // The number itself, not a subclass's __format__ (CPython converts with PyNumber_Float).
                format_value(crate::attrs::unwrap_base(&v), &printf_to_spec(&spec, conv))?
            }
            'c' => {
                let c = match ops::as_i64(&v) {
                    Some(i) => char::from_u32(i as u32).unwrap_or('\0').to_string(),
                    None => ops::str_(&v)?,
                };
                pad_simple(c, &spec)
            }
            _ => {
                return Err(value_error(format!(
                    "unsupported format character '{}'",
                    conv
                )))
            }
        };
        out.push_str(&s);
    }
    if !mapping_used
        && crate::attrs::unwrap_base(args)
            .downcast::<crate::objects::DictObj>()
            .is_none()
        && it.next().is_some()
    {
        return Err(type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

/// A printf conversion spec (`-08.3`) as a format-spec mini-language string for conversion `conv`.
fn printf_to_spec(spec: &str, conv: char) -> String {
    let mut flags = String::new();
    let mut rest = spec;
    while let Some(c) = rest.chars().next().filter(|c| "-+ 0#".contains(*c)) {
        flags.push(c);
        rest = &rest[1..];
    }
    let mut out = String::new();
    if flags.contains('-') {
        out.push('<');
    }
    if flags.contains('+') {
        out.push('+');
    } else if flags.contains(' ') {
        out.push(' ');
    }
    if flags.contains('#') {
        out.push('#');
    }
    if flags.contains('0') && !flags.contains('-') {
        out.push('0');
    }
    out.push_str(rest);
    out.push(conv);
    out
}

fn pad_simple(s: String, spec: &str) -> String {
    if let Some(w) = spec.strip_prefix('-') {
        let w: usize = w.parse().unwrap_or(0);
        format!("{:<w$}", s, w = w)
    } else {
        let w: usize = spec.parse().unwrap_or(0);
        format!("{:>w$}", s, w = w)
    }
}
