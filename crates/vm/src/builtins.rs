//! The `builtins` namespace: built-in functions, type construction (`int(...)`, `MyClass(...)`),
//! `__build_class__`, and the methods every object inherits from `object`.

use std::cell::{Cell, RefCell};

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use refpy_heap::ObjRef;

use crate::callsig::{def, param, required, MethodTable, Params};
use crate::exc::*;
use crate::methods::kwarg;
use crate::object::alloc;
use crate::objects::*;
use crate::ops::{self, is_none, str_of, type_name, type_obj};
use crate::rt::{self, rt};

type Kw<'a> = &'a [(String, ObjRef)];

pub fn install() {
    let r = rt();
    let b = &r.builtins;
    for (name, t) in r.builtin_type_names() {
        ops::dict_set_str(b, name, t.clone());
    }
    for def in FUNCTIONS.methods {
        if let Some(m) = FUNCTIONS.get(def.name) {
            ops::dict_set_str(b, def.name, rt::method_obj(m, None));
        }
    }
    ops::dict_set_str(b, "None", rt::none());
    ops::dict_set_str(b, "True", rt::bool_obj(true));
    ops::dict_set_str(b, "False", rt::bool_obj(false));
    ops::dict_set_str(b, "NotImplemented", r.not_implemented.clone());
    ops::dict_set_str(b, "Ellipsis", r.ellipsis.clone());
    ops::dict_set_str(b, "__name__", rt::str_obj("builtins"));
}

const fn keywords(names: &'static [&'static str], required: u8) -> Params {
    Params::Keywords {
        names,
        positional: names.len() as u8,
        required,
    }
}

/// The built-in functions, with their declared parameters.
pub static FUNCTIONS: MethodTable = MethodTable {
    type_name: "",
    accepts: |_| true,
    methods: &[
        def(
            "print",
            print,
            Params::StarNamed(&["sep", "end", "file", "flush"]),
        ),
        def("id", id, Params::One),
        def("hex", hex, Params::One),
        def("oct", oct, Params::One),
        def("bin", bin, Params::One),
        def("len", len, Params::One),
        def("repr", repr, Params::One),
        def("ascii", ascii, Params::One),
        def("abs", abs, Params::One),
        def("any", any, Params::One),
        def("all", all, Params::One),
        def("sum", sum, keywords(&["", "start"], 1)),
        def("min", min, Params::Any),
        def("max", max, Params::Any),
        def("sorted", sorted, Params::Any),
        def("reversed", reversed, Params::Positional(1, 1)),
        def(
            "enumerate",
            enumerate,
            Params::Keywords {
                names: &["iterable", "start"],
                positional: 2,
                required: 0,
            },
        ),
        def("zip", zip, Params::StarNamed(&["strict"])),
        def("map", map, Params::Star),
        def("filter", filter, Params::Positional(2, 2)),
        def("iter", iter, Params::Positional(1, 2)),
        def("next", next, Params::Positional(1, 2)),
        def("isinstance", isinstance, Params::Positional(2, 2)),
        def("issubclass", issubclass, Params::Positional(2, 2)),
        def("hasattr", hasattr, Params::Positional(2, 2)),
        def("getattr", getattr, Params::Positional(2, 3)),
        def("setattr", setattr, Params::Positional(3, 3)),
        def("delattr", delattr, Params::Positional(2, 2)),
        def("hash", hash, Params::One),
        def("callable", callable, Params::One),
        def("chr", chr, Params::One),
        def("ord", ord, Params::One),
        def("round", round, keywords(&["number", "ndigits"], 1)),
        def("divmod", divmod, Params::Positional(2, 2)),
        def("pow", pow, keywords(&["base", "exp", "mod"], 2)),
        def("input", input, Params::Positional(0, 1)),
        def(
            "open",
            open,
            keywords(
                &[
                    "file",
                    "mode",
                    "buffering",
                    "encoding",
                    "errors",
                    "newline",
                    "closefd",
                    "opener",
                ],
                1,
            ),
        ),
        def("exit", exit, Params::Any),
        def("quit", exit, Params::Any),
        def("vars", vars, Params::Positional(0, 1)),
        def("dir", dir, Params::Positional(0, 1)),
        def("globals", globals, Params::NoArgs),
        def("locals", globals, Params::NoArgs),
        def("format", format, Params::Positional(1, 2)),
        def("eval", eval, Params::Positional(1, 3)),
        def("exec", exec, Params::Positional(1, 3)),
        def(
            "compile",
            compile,
            keywords(
                &[
                    "source",
                    "filename",
                    "mode",
                    "flags",
                    "dont_inherit",
                    "optimize",
                ],
                3,
            ),
        ),
        def(
            "__import__",
            dunder_import,
            keywords(&["name", "globals", "locals", "fromlist", "level"], 1),
        ),
        def(
            "__build_class__",
            crate::metaclass::build_class,
            Params::Any,
        ),
    ],
};

fn arity(name: &str, a: &[ObjRef], n: usize) -> PyResult<()> {
    if a.len() != n {
        return Err(type_error(if n == 1 {
            format!("{}() takes exactly one argument ({} given)", name, a.len())
        } else {
            format!("{} expected {} arguments, got {}", name, n, a.len())
        }));
    }
    Ok(())
}

/// A `sep`/`end` argument of print: None or a str (the default when None or absent).
fn print_text_arg(kw: Kw, name: &str) -> PyResult<Option<ObjRef>> {
    match kwarg(kw, name) {
        Some(s) if !is_none(s) => {
            if str_of(s).is_none() {
                return Err(type_error(format!(
                    "{} must be None or a string, not {}",
                    name,
                    type_name(s)
                )));
            }
            Ok(Some(s.clone()))
        }
        _ => Ok(None),
    }
}

/// `sys.stdout` when the program has replaced it (None while it is the interpreter's own stdout).
fn replaced_stdout() -> Option<ObjRef> {
    let sys = rt()
        .modules
        .borrow()
        .iter()
        .find(|(n, _)| n == "sys")
        .map(|(_, m)| m.clone())?;
    let d = crate::modules::module_dict(&sys);
    let current = ops::dict_get_str(&d, "stdout")?;
    let original = ops::dict_get_str(&d, "__stdout__");
    (!original.is_some_and(|o| o.is(&current))).then_some(current)
}

fn print(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let sep = print_text_arg(kw, "sep")?;
    let end = print_text_arg(kw, "end")?;
    let file = match kwarg(kw, "file").filter(|f| !is_none(f)) {
        Some(f) => Some(f.clone()),
        None => match replaced_stdout() {
            // print() to a `sys.stdout` set to None writes nothing.
            Some(f) if is_none(&f) => return Ok(rt::none()),
            other => other,
        },
    };
    // Like CPython, one write per piece (str(arg), sep, end): a file sees each piece, an error in a later
    // str() leaves the earlier pieces written, and stdout may keep the str objects (rt::write_out_str).
    let write = |piece: &ObjRef| -> PyResult<()> {
        match &file {
            Some(f) => {
                let w = ops::getattr(f, "write")?;
                ops::call(&w, vec![piece.clone()], vec![])?;
            }
            None => rt::write_out_str(piece),
        }
        Ok(())
    };
    for (i, x) in a.iter().enumerate() {
        if i > 0 {
            write(&sep.clone().unwrap_or_else(|| rt::char_str(' ')))?;
        }
        write(&ops::str_object(x)?)?;
    }
    write(&end.unwrap_or_else(|| rt::char_str('\n')))?;
    if kwarg(kw, "flush").is_some_and(|f| ops::truthy(f).unwrap_or(false)) {
        match &file {
            Some(f) => {
                let flush = ops::getattr(f, "flush")?;
                ops::call(&flush, vec![], vec![])?;
            }
            None => rt::flush_out(),
        }
    }
    Ok(rt::none())
}

fn id(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::bigint(BigInt::from(a[0].addr())))
}

fn radix(a: &[ObjRef], prefix: &str, r: u32) -> PyResult<ObjRef> {
    let i = ops::as_index(&a[0])?.ok_or_else(|| {
        type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(&a[0])
        ))
    })?;
    let s = if i < BigInt::zero() {
        format!("-{}{}", prefix, (-i).to_str_radix(r))
    } else {
        format!("{}{}", prefix, i.to_str_radix(r))
    };
    Ok(rt::string(s))
}
fn hex(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    radix(a, "0x", 16)
}
fn oct(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    radix(a, "0o", 8)
}
fn bin(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    radix(a, "0b", 2)
}
fn len(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::int(ops::len(&a[0])? as i64))
}
fn repr(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::string(ops::repr(&a[0])?))
}
pub fn ascii_of(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 128 {
            out.push(c)
        } else if n < 256 {
            out.push_str(&format!("\\x{:02x}", n))
        } else if n < 65536 {
            out.push_str(&format!("\\u{:04x}", n))
        } else {
            out.push_str(&format!("\\U{:08x}", n))
        }
    }
    out
}
fn ascii(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::string(ascii_of(&ops::repr(&a[0])?)))
}
pub fn abs(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    if a[0].downcast::<Instance>().is_some() {
        if let Some(r) = ops::call_special(&a[0], "__abs__", vec![])? {
            return Ok(r);
        }
    }
    if let Some(i) = ops::as_bigint(&a[0]) {
        return Ok(rt::bigint(if i < BigInt::zero() { -i } else { i }));
    }
    if let Some(f) = ops::as_f64(&a[0]) {
        return Ok(rt::float(f.abs()));
    }
    if let Some((re, im)) = crate::complex::parts(&a[0]) {
        return Ok(rt::float(crate::complex::abs(re, im)?));
    }
    Err(type_error(format!(
        "bad operand type for abs(): '{}'",
        type_name(&a[0])
    )))
}
fn any(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let it = ops::get_iter(&a[0])?;
    while let Some(x) = ops::next(&it)? {
        if ops::truthy(&x)? {
            return Ok(rt::bool_obj(true));
        }
    }
    Ok(rt::bool_obj(false))
}
fn all(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let it = ops::get_iter(&a[0])?;
    while let Some(x) = ops::next(&it)? {
        if !ops::truthy(&x)? {
            return Ok(rt::bool_obj(false));
        }
    }
    Ok(rt::bool_obj(true))
}
fn sum(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let iterable = required(a, kw, 0, "")?;
    let mut acc = param(a, kw, 1, "start")
        .cloned()
        .unwrap_or_else(|| rt::int(0));
    if str_of(&acc).is_some() {
        return Err(type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let it = ops::get_iter(iterable)?;
    while let Some(x) = ops::next(&it)? {
        acc = ops::binary(&acc, &x, crate::bytecode::BinOp::Add)?;
    }
    Ok(acc)
}
fn minmax(a: &[ObjRef], kw: Kw, name: &str, op: crate::bytecode::CmpOp) -> PyResult<ObjRef> {
    if a.is_empty() {
        return Err(type_error(format!(
            "{} expected at least 1 argument, got 0",
            name
        )));
    }
    if let Some((k, _)) = kw.iter().find(|(k, _)| k != "key" && k != "default") {
        return Err(type_error(format!(
            "'{}' is an invalid keyword argument for {}()",
            k, name
        )));
    }
    let items = if a.len() == 1 {
        ops::iterate(&a[0])?
    } else {
        a.to_vec()
    };
    let key = kwarg(kw, "key").filter(|k| !is_none(k));
    if items.is_empty() {
        return match kwarg(kw, "default") {
            Some(d) => Ok(d.clone()),
            None => Err(value_error(format!("{}() arg is an empty sequence", name))),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = match key {
        Some(k) => ops::call(k, vec![best.clone()], vec![])?,
        None => best.clone(),
    };
    for x in &items[1..] {
        let k = match key {
            Some(kf) => ops::call(kf, vec![x.clone()], vec![])?,
            None => x.clone(),
        };
        if ops::truthy(&ops::compare(&k, &best_key, op)?)? {
            best = x.clone();
            best_key = k;
        }
    }
    Ok(best)
}
fn min(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    minmax(a, kw, "min", crate::bytecode::CmpOp::Lt)
}
fn max(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    minmax(a, kw, "max", crate::bytecode::CmpOp::Gt)
}
fn list_payload(l: &ObjRef) -> &ListObj {
    l.downcast::<ListObj>().expect("rt::list makes a list")
}
fn sorted(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    arity("sorted", a, 1)
        .map_err(|_| type_error(format!("sorted expected 1 argument, got {}", a.len())))?;
    let plan = crate::sizes::extend_plan(&a[0]);
    let items = ops::iterate(&a[0])?;
    if let Some((k, _)) = kw.iter().find(|(k, _)| k != "key" && k != "reverse") {
        // sorted() hands its keywords to list.sort.
        return Err(type_error(format!(
            "'{}' is an invalid keyword argument for sort()",
            k
        )));
    }
    let reverse = match kwarg(kw, "reverse") {
        Some(r) => ops::truthy(r)?,
        None => false,
    };
    let n = items.len();
    let l = rt::list(crate::methods::sort_values(
        items,
        kwarg(kw, "key"),
        reverse,
    )?);
    // PySequence_List: a new empty list extended by the iterable, no exact preallocation.
    list_payload(&l).constructed(plan, None, n);
    Ok(l)
}
fn reversed(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    crate::iters::reversed(&a[0])
}
fn enumerate(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let iterable = a
        .first()
        .or_else(|| kwarg(kw, "iterable"))
        .ok_or_else(|| type_error("enumerate() missing required argument 'iterable'"))?;
    let start = match a.get(1).or_else(|| kwarg(kw, "start")) {
        Some(s) => ops::as_index(s)?.ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(s)
            ))
        })?,
        None => BigInt::zero(),
    };
    let it = ops::get_iter(iterable)?;
    let result = rt::tuple(vec![rt::none(), rt::none()]);
    Ok(rt::iter_obj(IterState::Enumerate {
        it,
        count: start,
        result,
    }))
}
fn zip(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let strict = match kwarg(kw, "strict") {
        Some(s) => ops::truthy(s)?,
        None => false,
    };
    let mut its = Vec::new();
    for x in a {
        its.push(ops::get_iter(x)?);
    }
    let its = rt::tuple(its);
    let result = rt::tuple(vec![rt::none(); a.len()]);
    Ok(rt::iter_obj(IterState::Zip {
        its,
        strict,
        result,
    }))
}
fn map(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    if a.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for x in &a[1..] {
        its.push(ops::get_iter(x)?);
    }
    Ok(rt::iter_obj(IterState::Map {
        func: a[0].clone(),
        its,
    }))
}
fn filter(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::iter_obj(IterState::Filter {
        func: a[0].clone(),
        it: ops::get_iter(&a[1])?,
    }))
}
fn iter(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    if a.len() == 2 {
        if !ops::truthy(&callable(&a[..1], &[])?)? {
            return Err(type_error("iter(v, w): v must be callable"));
        }
        return Ok(rt::iter_obj(IterState::Callable {
            func: a[0].clone(),
            sentinel: a[1].clone(),
        }));
    }
    ops::get_iter(&a[0])
}
fn next(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let is_iter = a[0].downcast::<IterObj>().is_some()
        || a[0].downcast::<GeneratorObj>().is_some()
        || (a[0].downcast::<Instance>().is_some()
            && ops::lookup_type(&ops::type_of(&a[0]), "__next__").is_some());
    if !is_iter {
        return Err(type_error(format!(
            "'{}' object is not an iterator",
            type_name(&a[0])
        )));
    }
    if a[0].downcast::<GeneratorObj>().is_some() {
        return match crate::eval::gen_resume(&a[0], Some(rt::none()), None)? {
            crate::eval::GenStep::Yield(v) => Ok(v),
            crate::eval::GenStep::Return(v) => match a.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(crate::eval::stop_with(v)),
            },
        };
    }
    match ops::next(&a[0])? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(stop_iteration()),
        },
    }
}
fn class_tuple(o: &ObjRef, what: &str) -> PyResult<Vec<ObjRef>> {
    let items = ops::tuple_items(o).unwrap_or_else(|| vec![o.clone()]);
    for i in &items {
        if i.downcast::<TypeObj>().is_none() {
            return Err(type_error(format!(
                "{} arg 2 must be a type, a tuple of types, or a union",
                what
            )));
        }
    }
    Ok(items)
}
fn isinstance(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let classes = class_tuple(&a[1], "isinstance()")?;
    for c in &classes {
        if crate::metaclass::isinstance(&a[0], c)? {
            return Ok(rt::bool_obj(true));
        }
    }
    Ok(rt::bool_obj(false))
}
fn issubclass(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    // CPython checks the first argument before it finds a second that is no class.
    let all_types = ops::tuple_items(&a[1])
        .unwrap_or_else(|| vec![a[1].clone()])
        .iter()
        .all(|c| c.downcast::<TypeObj>().is_some());
    if !all_types && a[0].downcast::<TypeObj>().is_none() {
        return Err(type_error("issubclass() arg 1 must be a class"));
    }
    let classes = class_tuple(&a[1], "issubclass()")?;
    for c in &classes {
        if crate::metaclass::issubclass(&a[0], c)? {
            return Ok(rt::bool_obj(true));
        }
    }
    Ok(rt::bool_obj(false))
}
/// The name argument of getattr/setattr/hasattr/delattr (and `type.__setattr__`…): a str, else CPython's error.
pub(crate) fn attr_name(o: &ObjRef) -> PyResult<&str> {
    str_of(o).ok_or_else(|| {
        type_error(format!(
            "attribute name must be string, not '{}'",
            type_name(o)
        ))
    })
}
fn hasattr(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::bool_obj(
        ops::getattr_opt(&a[0], attr_name(&a[1])?)?.is_some(),
    ))
}
fn getattr(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    if a.len() < 2 {
        return Err(type_error(format!(
            "getattr expected at least 2 arguments, got {}",
            a.len()
        )));
    }
    let name = attr_name(&a[1])?;
    match a.get(2) {
        Some(d) => Ok(ops::getattr_opt(&a[0], name)?.unwrap_or_else(|| d.clone())),
        None => ops::getattr(&a[0], name),
    }
}
fn setattr(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    ops::setattr(&a[0], attr_name(&a[1])?, a[2].clone())?;
    Ok(rt::none())
}
fn delattr(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    ops::delattr(&a[0], attr_name(&a[1])?)?;
    Ok(rt::none())
}
fn hash(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::int(ops::hash(&a[0])?))
}
fn callable(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::bool_obj(is_callable(&a[0])))
}

/// `callable(o)`.
pub fn is_callable(o: &ObjRef) -> bool {
    o.downcast::<FunctionObj>().is_some()
        || o.downcast::<MethodObj>().is_some()
        || o.downcast::<BuiltinObj>().is_some()
        || o.downcast::<TypeObj>().is_some()
        || refpy_heap::weakref::as_weakref(o)
            .is_some_and(|w| w.kind() == refpy_heap::weakref::WeakKind::Ref)
        || (o.downcast::<Instance>().is_some()
            && ops::lookup_type(&ops::type_of(o), "__call__").is_some())
}
fn chr(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let i = ops::index_arg(&a[0])?;
    let c = u32::try_from(i)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| value_error("chr() arg not in range(0x110000)"))?;
    Ok(rt::string(c.to_string()))
}
fn ord(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let s = str_of(&a[0]).ok_or_else(|| {
        type_error(format!(
            "ord() expected string of length 1, but {} found",
            type_name(&a[0])
        ))
    })?;
    let mut c = s.chars();
    match (c.next(), c.next()) {
        (Some(x), None) => Ok(rt::int(x as i64)),
        _ => Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.chars().count()
        ))),
    }
}
pub fn round(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let number = required(a, kw, 0, "number")?;
    let nd = param(a, kw, 1, "ndigits").filter(|x| !is_none(x));
    if number.downcast::<Instance>().is_some() {
        if let Some(f) = ops::lookup_type(&ops::type_of(number), "__round__") {
            let mut args = vec![number.clone()];
            args.extend(nd.cloned());
            return ops::call(&f, args, vec![]);
        }
    }
    if let Some(i) = ops::as_bigint(number) {
        if let Some(n) = nd {
            let n = ops::index_arg(n)?;
            if n < 0 {
                let m = num_traits::pow(BigInt::from(10), (-n) as usize);
                let (q, r) = num_integer::Integer::div_mod_floor(&i, &m);
                let twice = &r * 2;
                let q = if twice > m || (twice == m && num_integer::Integer::is_odd(&q)) {
                    q + 1
                } else {
                    q
                };
                return Ok(rt::bigint(q * m));
            }
        }
        return Ok(rt::bigint(i));
    }
    let f = ops::as_f64(number).ok_or_else(|| {
        type_error(format!(
            "type {} doesn't define __round__ method",
            type_name(number)
        ))
    })?;
    match nd {
        None => {
            let r = f.round();
            // Banker's rounding at exact halves.
            let r = if (f - f.trunc()).abs() == 0.5 {
                2.0 * (f / 2.0).round()
            } else {
                r
            };
            if !r.is_finite() {
                return Err(if r.is_nan() {
                    value_error("cannot convert float NaN to integer")
                } else {
                    overflow_error("cannot convert float infinity to integer")
                });
            }
            Ok(rt::bigint(
                <BigInt as num_traits::FromPrimitive>::from_f64(r).unwrap_or_default(),
            ))
        }
        Some(n) => {
            let n = ops::index_arg(n)?;
            if n < 0 {
                let p = 10f64.powi((-n).min(308) as i32);
                let q = f / p;
                let r = q.round();
                let r = if (q - q.trunc()).abs() == 0.5 {
                    2.0 * (q / 2.0).round()
                } else {
                    r
                };
                return Ok(rt::float(r * p));
            }
            let s = format!("{:.*}", n.min(400) as usize, f);
            Ok(rt::float(s.parse().unwrap_or(f)))
        }
    }
}
fn divmod(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let number = |o: &ObjRef| ops::as_bigint(o).is_some() || ops::as_f64(o).is_some();
    let overridable = |o: &ObjRef| o.downcast::<Instance>().is_some();
    if !(number(&a[0]) && number(&a[1])) && !overridable(&a[0]) && !overridable(&a[1]) {
        return Err(type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            type_name(&a[0]),
            type_name(&a[1])
        )));
    }
    let q = ops::binary(&a[0], &a[1], crate::bytecode::BinOp::FloorDiv)?;
    let r = ops::binary(&a[0], &a[1], crate::bytecode::BinOp::Mod)?;
    Ok(rt::tuple(vec![q, r]))
}
fn pow(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let (base, exp) = (required(a, kw, 0, "base")?, required(a, kw, 1, "exp")?);
    if let Some(modulus) = param(a, kw, 2, "mod").filter(|m| !is_none(m)) {
        if [base, exp, modulus]
            .into_iter()
            .any(|x| crate::complex::parts(x).is_some())
        {
            return Err(value_error("complex modulo"));
        }
        let number = |o: &ObjRef| ops::as_bigint(o).is_some() || ops::as_f64(o).is_some();
        if ![base, exp, modulus].into_iter().all(number) {
            return Err(type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                type_name(base),
                type_name(exp),
                type_name(modulus)
            )));
        }
        let ints: Vec<BigInt> = [base, exp, modulus]
            .into_iter()
            .map(|x| ops::as_bigint(x))
            .collect::<Option<_>>()
            .ok_or_else(|| {
                type_error("pow() 3rd argument not allowed unless all arguments are integers")
            })?;
        let (b, e, m) = (&ints[0], &ints[1], &ints[2]);
        if m.is_zero() {
            return Err(value_error("pow() 3rd argument cannot be 0"));
        }
        let m_abs = num_traits::Signed::abs(m);
        let (base, exp) = if num_traits::Signed::is_negative(e) {
            // Negative exponent: the modular inverse (Python 3.8+).
            let inv = mod_inverse(&num_integer::Integer::mod_floor(b, &m_abs), &m_abs)
                .ok_or_else(|| value_error("base is not invertible for the given modulus"))?;
            (inv, -e)
        } else {
            (num_integer::Integer::mod_floor(b, &m_abs), e.clone())
        };
        let mut r = base.modpow(&exp, &m_abs);
        if num_traits::Signed::is_negative(m) && !r.is_zero() {
            r += m;
        }
        return Ok(rt::bigint(r));
    }
    ops::binary(base, exp, crate::bytecode::BinOp::Pow)
}
/// `x` with `a * x ≡ 1 (mod m)`, if it exists (extended Euclid).
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut old_r, mut r) = (a.clone(), m.clone());
    let (mut old_s, mut s) = (BigInt::from(1), BigInt::zero());
    while !r.is_zero() {
        let q = &old_r / &r;
        let nr = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, nr);
        let ns = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, ns);
    }
    if old_r != BigInt::from(1) {
        return None;
    }
    Some(num_integer::Integer::mod_floor(&old_s, m))
}

fn input(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    if let Some(p) = a.first() {
        rt::write_out(&ops::str_(p)?);
    }
    rt::flush_out();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) | Err(_) => Err(err(&rt().types.eof_error, "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(rt::string(line))
        }
    }
}
fn exit(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Err(PyErr(new_exception(&rt().types.system_exit, a.to_vec())))
}
fn vars(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    match a.first() {
        Some(o) => ops::getattr(o, "__dict__")
            .map_err(|_| type_error("vars() argument must have __dict__ attribute")),
        None => globals(a, &[]),
    }
}
/// `dir(o)`. Without an argument the call path answers with the caller's names (`sorted_names` of its
/// locals), as only it knows the calling frame.
fn dir(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    match a.first() {
        Some(o) => Ok(rt::list(
            dir_names(o)?.into_iter().map(rt::string).collect(),
        )),
        None => match rt().main_globals.borrow().clone() {
            Some(g) => sorted_names(&g),
            None => Ok(rt::list(Vec::new())),
        },
    }
}

/// `dir()` of a frame: its namespace's keys, sorted.
pub fn sorted_names(namespace: &ObjRef) -> PyResult<ObjRef> {
    let keys = ops::dict_items(namespace)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    let keys = crate::methods::sort_values(keys, None, false)?;
    Ok(rt::list(keys))
}

fn dict_str_keys(d: &ObjRef) -> Vec<String> {
    ops::dict_items(d)
        .iter()
        .filter_map(|(k, _)| str_of(k).map(str::to_string))
        .collect()
}

/// `dir(o)`, sorted: what a class's own `__dir__` returns, else `default_dir_names`.
pub fn dir_names(o: &ObjRef) -> PyResult<Vec<String>> {
    if let Some(custom) = o
        .downcast::<Instance>()
        .and(ops::call_special(o, "__dir__", vec![]).transpose())
    {
        let mut names = Vec::new();
        for n in ops::iterate(&custom?)? {
            names.push(ops::str_(&n)?);
        }
        names.sort();
        names.dedup();
        return Ok(names);
    }
    default_dir_names(o)
}

/// CPython's object.__dir__/type.__dir__ (module.__dir__ for a module), sorted: the instance's attributes
/// and the names every class along the mro defines.
pub fn default_dir_names(o: &ObjRef) -> PyResult<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    if let Some(m) = o.downcast::<ModuleObj>() {
        names = dict_str_keys(&m.dict);
    } else {
        if let Some(i) = o.downcast::<Instance>() {
            if let Some(d) = i.dict.borrow().clone() {
                names.extend(dict_str_keys(&d));
            }
            names.extend(i.attrs.borrow().iter().map(|(k, _)| k.to_string()));
        }
        let t = if o.downcast::<TypeObj>().is_some() {
            o.clone()
        } else {
            ops::type_of(o)
        };
        for c in type_obj(&t).mro_vec().iter() {
            let c = type_obj(c);
            names.extend(dict_str_keys(&c.dict));
            if c.builtin.is_some() {
                // CPython's names for the built-in type, as far as refpy has them: dir() never lists an
                // attribute that getattr would not find.
                names.extend(
                    crate::typedir::own_names(&c.name.borrow())
                        .iter()
                        .filter(|n| ops::getattr(o, n).is_ok())
                        .map(|n| n.to_string()),
                );
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(names)
}
fn globals(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(caller_globals())
}

/// The globals of the running Python code (`__main__`'s between runs).
fn caller_globals() -> ObjRef {
    crate::eval::current_globals()
        .or_else(|| rt().main_globals.borrow().clone())
        .unwrap_or_else(rt::dict)
}
fn dunder_import(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let name = str_of(required(a, kw, 0, "name")?)
        .ok_or_else(|| type_error("module name must be a string"))?;
    crate::modules::import(name)
}
// ---- eval, exec, compile ------------------------------------------------------------------------

/// `eval(source, globals, locals)` / `exec(…)`: a code object, or source compiled as `mode` under the name
/// "<string>", run with the given namespaces. Called with the source alone, the frame loop passes the
/// caller's globals and a snapshot of its locals (as CPython does).
fn run_source(a: &[ObjRef], what: &str, mode: crate::compile::Mode) -> PyResult<ObjRef> {
    let globals = match a.get(1).filter(|g| !is_none(g)) {
        Some(g) if g.downcast::<DictObj>().is_some() => g.clone(),
        Some(_) => return Err(type_error("globals must be a dict")),
        None => caller_globals(),
    };
    let locals = match a.get(2).filter(|l| !is_none(l)) {
        Some(l) if l.downcast::<DictObj>().is_some() => l.clone(),
        Some(_) => return Err(type_error("locals must be a mapping")),
        None => globals.clone(),
    };
    let code = source_code(&a[0], what, mode)?;
    crate::run_code_in(&code, &globals, &locals)
}

/// The code object `eval`/`exec` run: the argument itself, or its text compiled as `mode`.
fn source_code(src: &ObjRef, what: &str, mode: crate::compile::Mode) -> PyResult<ObjRef> {
    if src.downcast::<CodeObj>().is_some() {
        return Ok(src.clone());
    }
    let text = source_text(src, || {
        format!("{}() arg 1 must be a string, bytes or code object", what)
    })?;
    compile_text(&text, "<string>", mode)
}

/// The text of a source argument (str, or bytes read as UTF-8); else the TypeError `message`.
fn source_text(src: &ObjRef, message: impl FnOnce() -> String) -> PyResult<String> {
    match (str_of(src), ops::bytes_of(src)) {
        (Some(s), _) => Ok(s.to_string()),
        (None, Some(b)) => Ok(String::from_utf8_lossy(&b).into_owned()),
        (None, None) => Err(type_error(message())),
    }
}

fn compile_text(text: &str, filename: &str, mode: crate::compile::Mode) -> PyResult<ObjRef> {
    let compiled = crate::syntax::compile_source_as(text, filename, mode)
        .map_err(|e| crate::exc::syntax_error(&e))?;
    Ok(compiled.code.clone())
}

fn eval(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    run_source(a, "eval", crate::compile::Mode::Eval)
}

fn exec(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    run_source(a, "exec", crate::compile::Mode::Exec)?;
    Ok(rt::none())
}

fn compile(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let src = required(a, kw, 0, "source")?;
    let filename = ops::str_(required(a, kw, 1, "filename")?)?;
    let mode = match str_of(required(a, kw, 2, "mode")?) {
        Some("exec") => crate::compile::Mode::Exec,
        Some("eval") => crate::compile::Mode::Eval,
        Some("single") => crate::compile::Mode::Single,
        _ => {
            return Err(value_error(
                "compile() mode must be 'exec', 'eval' or 'single'",
            ))
        }
    };
    if src.downcast::<CodeObj>().is_some() {
        return Ok(src.clone());
    }
    let text = source_text(src, || {
        "compile() arg 1 must be a string, bytes or AST object".into()
    })?;
    compile_text(&text, &filename, mode)
}

fn format(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let spec = match a.get(1) {
        Some(s) => str_of(s).ok_or_else(|| {
            type_error(format!(
                "format() argument 2 must be str, not {}",
                type_name(s)
            ))
        })?,
        None => "",
    };
    Ok(rt::string(crate::format::format_value(&a[0], spec)?))
}

// ---- files --------------------------------------------------------------------------------------

fn open(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let path = ops::str_(required(a, kw, 0, "file")?)?;
    let mode = param(a, kw, 1, "mode")
        .map(|m| {
            str_of(m).map(str::to_string).ok_or_else(|| {
                type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    if is_none(m) {
                        "None".to_string()
                    } else {
                        type_name(m)
                    }
                ))
            })
        })
        .transpose()?
        .unwrap_or_else(|| "r".into());
    let content = if mode.contains('r') {
        std::fs::read_to_string(&path).map_err(|e| {
            let cls = if e.kind() == std::io::ErrorKind::NotFound {
                &rt().types.file_not_found_error
            } else {
                &rt().types.os_error
            };
            err(
                cls,
                format!(
                    "[Errno 2] No such file or directory: {}",
                    crate::format::str_repr(&path)
                ),
            )
        })?
    } else if mode.contains('a') {
        std::fs::read_to_string(&path).unwrap_or_default()
    } else {
        String::new()
    };
    let pos = if mode.contains('a') { content.len() } else { 0 };
    if mode.contains('w') {
        std::fs::write(&path, "").map_err(|e| err(&rt().types.os_error, e.to_string()))?;
    }
    Ok(alloc(
        &FILE_VT,
        FileObj {
            path,
            mode,
            content: RefCell::new(content),
            pos: Cell::new(pos),
            closed: Cell::new(false),
        },
    ))
}

fn fobj(o: &ObjRef) -> &FileObj {
    o.downcast::<FileObj>().unwrap()
}

fn file_flush(f: &FileObj) {
    if f.mode.contains('w') || f.mode.contains('a') {
        let _ = std::fs::write(&f.path, f.content.borrow().as_bytes());
    }
}

pub fn file_lines(o: &ObjRef) -> PyResult<Vec<ObjRef>> {
    let f = fobj(o);
    let c = f.content.borrow();
    let rest = &c[f.pos.get()..];
    let lines: Vec<ObjRef> = rest.split_inclusive('\n').map(rt::str_obj).collect();
    f.pos.set(c.len());
    Ok(lines)
}

/// The methods of a file object from `open`.
pub static FILE: MethodTable = MethodTable {
    type_name: "TextIOWrapper",
    accepts: |o| o.downcast::<FileObj>().is_some(),
    methods: &[
        def("read", file_read, Params::Positional(0, 1)),
        def("readline", file_readline, Params::Positional(0, 1)),
        def("readlines", file_readlines, Params::Positional(0, 1)),
        def("write", file_write, Params::One),
        def("close", file_close, Params::NoArgs),
        def("flush", file_enter, Params::NoArgs),
        def("__enter__", file_enter, Params::NoArgs),
        def("__exit__", file_exit, Params::Star),
    ],
};

fn file_read(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let f = fobj(&a[0]);
    let c = f.content.borrow();
    let s = c[f.pos.get()..].to_string();
    f.pos.set(c.len());
    Ok(rt::string(s))
}
fn file_readline(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let f = fobj(&a[0]);
    let c = f.content.borrow();
    let rest = &c[f.pos.get()..];
    let end = rest.find('\n').map_or(rest.len(), |p| p + 1);
    f.pos.set(f.pos.get() + end);
    Ok(rt::str_obj(&rest[..end]))
}
fn file_readlines(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::list(file_lines(&a[0])?))
}
fn file_write(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let f = fobj(&a[0]);
    if f.closed.get() {
        return Err(value_error("I/O operation on closed file."));
    }
    let s = ops::str_of(&a[1]).ok_or_else(|| {
        type_error(format!(
            "write() argument must be str, not {}",
            type_name(&a[1])
        ))
    })?;
    f.content.borrow_mut().push_str(s);
    file_flush(f);
    Ok(rt::int(s.chars().count() as i64))
}
fn file_close(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let f = fobj(&a[0]);
    file_flush(f);
    f.closed.set(true);
    Ok(rt::none())
}
fn file_enter(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(a[0].clone())
}
fn file_exit(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    file_close(&a[..1], kw)?;
    Ok(rt::bool_obj(false))
}

// ---- object's own methods -----------------------------------------------------------------------

pub fn object_init(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    if let Some(b) = a.first().and_then(crate::attrs::base_ref) {
        init_builtin_base(b, a[1..].to_vec(), kw.to_vec())?;
        return Ok(rt::none());
    }
    if let Some(s) = a.first().and_then(exc_state) {
        let old = s.args.borrow_mut().replace(rt::tuple(a[1..].to_vec()));
        drop(old);
    }
    Ok(rt::none())
}
pub fn object_setattr(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    arity("__setattr__", a, 3)?;
    let name = attr_name(&a[1])?.to_string();
    match a[0].downcast::<Instance>() {
        Some(i) => crate::attrs::generic_setattr(&a[0], i, &name, Some(a[2].clone()))?,
        None => ops::setattr(&a[0], &name, a[2].clone())?,
    }
    Ok(rt::none())
}
pub fn object_delattr(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let name = attr_name(&a[1])?.to_string();
    match a[0].downcast::<Instance>() {
        Some(i) => crate::attrs::generic_setattr(&a[0], i, &name, None)?,
        None => ops::delattr(&a[0], &name)?,
    }
    Ok(rt::none())
}
pub fn object_getattribute(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    ops::getattr(&a[0], attr_name(&a[1])?)
}
pub fn object_repr(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let cls = ops::type_of(&a[0]);
    let module = ops::dict_get_str(&type_obj(&cls).dict, "__module__")
        .and_then(|m| str_of(&m).map(str::to_string))
        .unwrap_or_else(|| "builtins".into());
    Ok(rt::string(format!(
        "<{}.{} object at {:#x}>",
        module,
        type_obj(&cls).qualname.borrow(),
        a[0].addr()
    )))
}
pub fn object_str(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::string(ops::repr(&a[0])?))
}
pub fn object_eq(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(if a[0].is(&a[1]) {
        rt::bool_obj(true)
    } else {
        rt().not_implemented.clone()
    })
}
/// `object.__lt__` and the other orderings: objects are not ordered by default.
pub fn object_not_ordered(_: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt().not_implemented.clone())
}
pub fn object_ne(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::bool_obj(!ops::eq_bool(&a[0], &a[1])?))
}
pub fn object_hash(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let addr = a[0].addr() as u64;
    Ok(rt::int(((addr >> 4) | (addr << 60)) as i64))
}

fn property_replace(a: &[ObjRef], which: usize) -> PyResult<ObjRef> {
    let Some(DescrObj::Property { fget, fset, fdel }) = a[0].downcast::<DescrObj>() else {
        return Err(type_error("descriptor requires a 'property' object"));
    };
    let f = a.get(1).cloned().filter(|x| !is_none(x));
    let (mut g, mut s, mut d) = (fget.clone(), fset.clone(), fdel.clone());
    match which {
        0 => g = f,
        1 => s = f,
        _ => d = f,
    }
    Ok(alloc(
        &PROPERTY_VT,
        DescrObj::Property {
            fget: g,
            fset: s,
            fdel: d,
        },
    ))
}
pub fn property_getter(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    property_replace(a, 0)
}
pub fn property_setter(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    property_replace(a, 1)
}
pub fn property_deleter(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    property_replace(a, 2)
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`, a class method: `a[0]` is the class, which
/// makes the result from the int when it is a subclass.
pub fn int_from_bytes(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let (cls, a) = (&a[0], &a[1..]);
    let source = param(a, kw, 0, "bytes");
    let b = source
        .and_then(ops::bytes_of)
        .or_else(|| {
            source
                .and_then(|x| ops::iterate(x).ok())
                .map(|v| v.iter().filter_map(ops::as_i64).map(|i| i as u8).collect())
        })
        .ok_or_else(|| type_error("cannot convert object to bytes"))?;
    let order = param(a, kw, 1, "byteorder")
        .and_then(|x| str_of(x).map(str::to_string))
        .unwrap_or_else(|| "big".into());
    let signed = kwarg(kw, "signed")
        .map(ops::truthy)
        .transpose()?
        .unwrap_or(false);
    let v = if order == "little" {
        if signed {
            BigInt::from_signed_bytes_le(&b)
        } else {
            BigInt::from_bytes_le(num_bigint::Sign::Plus, &b)
        }
    } else if order == "big" {
        if signed {
            BigInt::from_signed_bytes_be(&b)
        } else {
            BigInt::from_bytes_be(num_bigint::Sign::Plus, &b)
        }
    } else {
        return Err(value_error("byteorder must be either 'little' or 'big'"));
    };
    if cls.is(&rt().types.int) {
        return Ok(rt::bigint(v));
    }
    ops::call(cls, vec![rt::bigint(v)], vec![])
}

/// `object.__init_subclass__`, bound to the class it is reached from: takes nothing.
pub fn object_init_subclass(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let cls = a.first().filter(|c| c.downcast::<TypeObj>().is_some());
    let name = cls.map_or_else(
        || "object".to_string(),
        |c| type_obj(c).name.borrow().clone(),
    );
    if !kw.is_empty() {
        return Err(type_error(format!(
            "{}.__init_subclass__() takes no keyword arguments",
            name
        )));
    }
    if a.len() > 1 {
        return Err(type_error(format!(
            "{}.__init_subclass__() takes no arguments ({} given)",
            name,
            a.len() - 1
        )));
    }
    Ok(rt::none())
}

pub fn type_subclasses(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let subs = type_obj(&a[0]).subclasses.borrow().clone();
    Ok(rt::list(
        subs.iter()
            .filter_map(refpy_heap::weakref::upgrade)
            .collect(),
    ))
}

pub fn object_new(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let cls = a
        .first()
        .ok_or_else(|| type_error("object.__new__(): not enough arguments"))?;
    if type_obj(cls).builtin.is_some() && !ops::is_subtype(cls, &rt().types.base_exception) {
        return construct(cls, a[1..].to_vec(), kw.to_vec());
    }
    if let Some(t) = crate::attrs::builtin_base_type(cls) {
        return builtin_subclass_new(cls, &t, a[1..].to_vec(), kw.to_vec());
    }
    let inst = crate::attrs::new_instance_with_base(cls, None);
    if let Some(s) = exc_state(&inst) {
        *s.args.borrow_mut() = Some(rt::tuple(a[1..].to_vec()));
    }
    Ok(inst)
}

// ---- classes ------------------------------------------------------------------------------------

fn c3_merge(mut seqs: Vec<Vec<ObjRef>>) -> PyResult<Vec<ObjRef>> {
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs.iter().any(|t| t[1..].iter().any(|x| x.is(cand))) {
                found = Some(cand.clone());
                break;
            }
        }
        let Some(c) = found else {
            return Err(type_error(
                "Cannot create a consistent method resolution order (MRO)",
            ));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// CPython's `type_new`: a class named `name` with `bases` (a tuple; empty means `(object,)`) and a copy of
/// the namespace `namespace`, completed as `PyType_Ready` does. Objects are created in CPython's order
/// (bases tuple, dict copy, type, mro tuple, descriptors), which is the order `gc.garbage` shows them in.
///
/// `meta` is the class's metaclass (already the most derived one); `kwargs` go to the parent's
/// `__init_subclass__`, which runs after every `__set_name__` as in CPython's `type_new_impl`.
pub fn make_class(
    meta: &ObjRef,
    name: &str,
    bases: ObjRef,
    namespace: &ObjRef,
    kwargs: Kw,
) -> PyResult<ObjRef> {
    let r = rt();
    let bases = if ops::tuple_items(&bases).is_some_and(|b| b.is_empty()) {
        rt::tuple(vec![r.types.object.clone()])
    } else {
        bases
    };
    let bases_vec = ops::tuple_items(&bases).expect("bases is a tuple");
    for b in &bases_vec {
        match b.downcast::<TypeObj>() {
            None => return Err(type_error("bases must be types")),
            Some(t) if matches!(t.builtin, Some(Builtin::Bool)) => {
                return Err(type_error("type 'bool' is not an acceptable base type"))
            }
            _ => {}
        }
    }
    let mut seqs: Vec<Vec<ObjRef>> = bases_vec.iter().map(|b| type_obj(b).mro_vec()).collect();
    seqs.push(bases_vec.clone());
    let tail = c3_merge(seqs)?;
    let ns = rt::dict();
    for (k, v) in ops::dict_items(namespace) {
        ops::dict_set(&ns, k, v)?;
    }
    if ops::dict_get_str(&ns, "__module__").is_none() {
        let module = crate::eval::current_globals()
            .and_then(|g| ops::dict_get_str(&g, "__name__"))
            .unwrap_or_else(|| rt::str_obj("builtins"));
        ops::dict_set_str(&ns, "__module__", module);
    }
    let qualname = match ops::dict_del_str(&ns, "__qualname__") {
        None => name.to_string(),
        Some(q) => str_of(&q).map(str::to_string).ok_or_else(|| {
            type_error(format!(
                "type __qualname__ must be a str, not {}",
                type_name(&q)
            ))
        })?,
    };
    let class_cell = ops::dict_del_str(&ns, "__classcell__");
    if let Some(c) = class_cell
        .as_ref()
        .filter(|c| c.downcast::<CellObj>().is_none())
    {
        return Err(type_error(format!(
            "__classcell__ must be a nonlocal cell, not {}",
            ops::repr(&ops::type_of(c))?
        )));
    }
    let makes_classes = bases_vec.iter().any(|b| type_obj(b).makes_classes);
    let layout = InstanceLayout::of(&bases_vec, ops::dict_get_str(&ns, "__slots__"))?;
    let t = alloc(
        &TYPE_VT,
        TypeObj {
            slots: RefCell::new(layout.slots),
            weakrefable: Cell::new(layout.weakrefable),
            has_dict: Cell::new(layout.has_dict),
            metatype: Some(meta.clone()).filter(|m| !m.is(&r.types.type_)),
            makes_classes,
            ..TypeObj::new(
                name,
                qualname,
                bases,
                ns.clone(),
                None,
                rt::tuple(Vec::new()),
            )
        },
    );
    let mut mro = vec![t.clone()];
    mro.extend(tail);
    let empty = std::mem::replace(&mut *type_obj(&t).mro.borrow_mut(), rt::tuple(mro));
    drop(empty);
    // What CPython's PyType_Ready adds to the dict, in its order: member descriptors for the new slots,
    // the `__dict__` / `__weakref__` getset descriptors the class introduces, `__doc__`, then `__hash__`.
    for slot in layout.new_slots {
        let d = alloc(
            &MEMBER_DESCR_VT,
            SlotDescrObj::Member {
                name: slot.clone(),
                owner: t.clone(),
            },
        );
        ops::dict_set_str(&ns, &slot, d);
    }
    for (adds, name) in [
        (layout.adds_dict, "__dict__"),
        (layout.adds_weakref, "__weakref__"),
    ] {
        if adds {
            let owner = t.clone();
            ops::dict_set_str(
                &ns,
                name,
                alloc(&GETSET_DESCR_VT, SlotDescrObj::GetSet { name, owner }),
            );
        }
    }
    if ops::dict_get_str(&ns, "__doc__").is_none() {
        ops::dict_set_str(&ns, "__doc__", rt::none());
    }
    if ops::dict_get_str(&ns, "__eq__").is_some() && ops::dict_get_str(&ns, "__hash__").is_none() {
        ops::dict_set_str(&ns, "__hash__", rt::none());
    }
    for b in type_obj(&t).bases_vec() {
        if let Ok(w) =
            refpy_heap::weakref::new_weakref(&t, None, refpy_heap::weakref::WeakKind::Ref)
        {
            type_obj(&b).subclasses.borrow_mut().push(w);
        }
    }
    if let Some(c) = class_cell.as_ref().and_then(|c| c.downcast::<CellObj>()) {
        let old = c.0.borrow_mut().replace(t.clone());
        drop(old);
    }
    set_names(&t, &ns)?;
    init_subclass(&t, kwargs)?;
    Ok(t)
}

/// CPython's `type_new_set_names`: `value.__set_name__(cls, name)` for each attribute whose type has one.
fn set_names(cls: &ObjRef, ns: &ObjRef) -> PyResult<()> {
    for (key, value) in ops::dict_items(ns) {
        // Only classes written in Python define `__set_name__` (built-in types' namespaces are empty).
        if !ops::has_python_class(&value) {
            continue;
        }
        let Some(hook) = ops::lookup_type(&ops::type_of(&value), "__set_name__") else {
            continue;
        };
        if let Err(cause) = ops::call(&hook, vec![value.clone(), cls.clone(), key.clone()], vec![])
        {
            let e = runtime_error(format!(
                "Error calling __set_name__ on '{}' instance {} in '{}'",
                type_name(&value),
                ops::repr(&key)?,
                type_obj(cls).name.borrow()
            ));
            if let Some(s) = exc_state(&e.0) {
                *s.cause.borrow_mut() = Some(cause.0.clone());
                *s.context.borrow_mut() = Some(cause.0);
                s.suppress_context.set(true);
            }
            return Err(e);
        }
    }
    Ok(())
}

/// PEP 487: the parent's `__init_subclass__` (an implicit classmethod) sees the class keywords.
fn init_subclass(cls: &ObjRef, kwargs: Kw) -> PyResult<()> {
    let mro = type_obj(cls).mro_vec();
    let hook = mro[1..]
        .iter()
        .find_map(|c| ops::dict_get_str(&type_obj(c).dict, "__init_subclass__"));
    match hook {
        Some(h) => {
            let f = match h.downcast::<DescrObj>() {
                Some(DescrObj::Class(f)) | Some(DescrObj::Static(f)) => f.clone(),
                _ => h,
            };
            ops::call(&f, vec![cls.clone()], kwargs.to_vec())?;
        }
        None if !kwargs.is_empty() => {
            return Err(type_error(format!(
                "{}.__init_subclass__() takes no keyword arguments",
                type_obj(cls).name.borrow()
            )));
        }
        None => {}
    }
    Ok(())
}

/// What instances of a new class carry, from its bases and `__slots__` (CPython's `type_new_descriptors`).
struct InstanceLayout {
    /// Every slot name, the bases' first (`None`: no `__slots__` anywhere in the hierarchy).
    slots: Option<Vec<String>>,
    /// The slot names this class declares itself (each gets a member descriptor).
    new_slots: Vec<String>,
    has_dict: bool,
    weakrefable: bool,
    /// The class introduces `__dict__` / `__weakref__` (no base has it): a getset descriptor in its dict.
    adds_dict: bool,
    adds_weakref: bool,
}

impl InstanceLayout {
    fn of(bases: &[ObjRef], slots_decl: Option<ObjRef>) -> PyResult<InstanceLayout> {
        let r = rt();
        let base_slots: Vec<String> = bases
            .iter()
            .filter_map(|b| type_obj(b).slots.borrow().clone())
            .flatten()
            .collect();
        // Built-in bases: exceptions carry a dict, sets are weakly referenceable; CPython cannot add a
        // weak reference list to variable-size objects (int, tuple, bytes) — their subclasses get a dict only.
        let builtin_kind = |b: &ObjRef| type_obj(b).builtin;
        // A class (an instance of a metaclass) has its namespace and weak references already.
        let base_has_dict = bases.iter().any(|b| {
            (builtin_kind(b).is_none() && type_obj(b).has_dict.get())
                || ops::is_subtype(b, &r.types.base_exception)
                || type_obj(b).makes_classes
        });
        let base_has_weakref = bases.iter().any(|b| match builtin_kind(b) {
            None => type_obj(b).weakrefable.get(),
            Some(k) => matches!(k, Builtin::Set | Builtin::FrozenSet | Builtin::Type),
        });
        // Also through a Python class between (`class B(A)` with `class A(int)`).
        let var_sized_base = bases
            .iter()
            .find(|b| {
                crate::attrs::builtin_base_type(b).is_some_and(|t| {
                    matches!(
                        builtin_kind(&t),
                        Some(Builtin::Int | Builtin::Tuple | Builtin::Bytes)
                    )
                })
            })
            .cloned()
            .or_else(|| {
                // `type` is variable-sized too (its instances end in their slots' member table).
                bases
                    .iter()
                    .find(|b| type_obj(b).makes_classes)
                    .map(|_| r.types.type_.clone())
            });
        let may_add_weakref = var_sized_base.is_none();
        let Some(decl) = slots_decl else {
            return Ok(InstanceLayout {
                slots: if base_slots.is_empty() {
                    None
                } else {
                    Some(base_slots)
                },
                new_slots: Vec::new(),
                has_dict: true,
                weakrefable: base_has_weakref || may_add_weakref,
                adds_dict: !base_has_dict,
                adds_weakref: !base_has_weakref && may_add_weakref,
            });
        };
        let names: Vec<String> = if let Some(x) = str_of(&decl) {
            vec![x.to_string()]
        } else {
            ops::iterate(&decl)?
                .iter()
                .map(ops::str_)
                .collect::<PyResult<_>>()?
        };
        if let (Some(t), false) = (&var_sized_base, names.is_empty()) {
            return Err(type_error(format!(
                "nonempty __slots__ not supported for subtype of '{}'",
                type_obj(t).name.borrow()
            )));
        }
        let wants_dict = names.iter().any(|n| n == "__dict__");
        let wants_weakref = names.iter().any(|n| n == "__weakref__");
        let new_slots: Vec<String> = names
            .into_iter()
            .filter(|n| n != "__dict__" && n != "__weakref__")
            .collect();
        let mut all = base_slots;
        all.extend(new_slots.iter().cloned());
        Ok(InstanceLayout {
            slots: Some(all),
            new_slots,
            has_dict: base_has_dict || wants_dict,
            weakrefable: base_has_weakref || (wants_weakref && may_add_weakref),
            adds_dict: wants_dict && !base_has_dict,
            adds_weakref: wants_weakref && !base_has_weakref && may_add_weakref,
        })
    }
}

// ---- construction -------------------------------------------------------------------------------

fn parse_int_str(s: &str, base: u32) -> Option<BigInt> {
    let t = s.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (t, base) = if base == 16 || base == 0 {
        match t.get(..2).map(|p| p.to_ascii_lowercase()) {
            Some(p) if p == "0x" => (&t[2..], 16),
            Some(p) if p == "0o" && base == 0 => (&t[2..], 8),
            Some(p) if p == "0b" && base == 0 => (&t[2..], 2),
            _ => (t, if base == 0 { 10 } else { base }),
        }
    } else {
        (t, base)
    };
    if t.is_empty() || t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return None;
    }
    let digits: String = t.chars().filter(|&c| c != '_').collect();
    let v = BigInt::parse_bytes(digits.as_bytes(), base)?;
    Some(if neg { -v } else { v })
}

fn float_from_str(s: &str) -> Option<f64> {
    let t = s.trim().to_ascii_lowercase();
    match t.as_str() {
        "inf" | "+inf" | "infinity" | "+infinity" => return Some(f64::INFINITY),
        "-inf" | "-infinity" => return Some(f64::NEG_INFINITY),
        "nan" | "+nan" | "-nan" => return Some(f64::NAN),
        _ => {}
    }
    if t.contains("__") || t.starts_with('_') || t.ends_with('_') {
        return None;
    }
    t.replace('_', "").parse::<f64>().ok()
}

fn no_kwargs(name: &str, kw: &[(String, ObjRef)]) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(type_error(format!("{}() takes no keyword arguments", name)));
    }
    Ok(())
}

pub fn construct(
    cls: &ObjRef,
    args: Vec<ObjRef>,
    kwargs: Vec<(String, ObjRef)>,
) -> PyResult<ObjRef> {
    let r = rt();
    let t = type_obj(cls);
    if t.makes_classes {
        return crate::metaclass::type_call(cls, args, kwargs);
    }
    let kind = t.builtin;
    if kind.is_none() || matches!(kind, Some(Builtin::Exception)) {
        return construct_instance(cls, args, kwargs);
    }
    match kind.unwrap() {
        Builtin::Int => {
            let base = args.get(1).or_else(|| kwarg(&kwargs, "base"));
            let Some(x) = args.first() else {
                return Ok(rt::int(0));
            };
            if let Some(b) = base {
                let b = ops::index_arg(b)?;
                if b != 0 && !(2..=36).contains(&b) {
                    return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
                }
                let b = b as u32;
                let s = str_of(x).ok_or_else(|| {
                    type_error("int() can't convert non-string with explicit base")
                })?;
                return parse_int_str(s, b).map(rt::bigint).ok_or_else(|| {
                    value_error(format!(
                        "invalid literal for int() with base {}: {}",
                        b,
                        crate::format::str_repr(s)
                    ))
                });
            }
            if let Some(i) = ops::as_bigint(x) {
                return Ok(rt::bigint(i));
            }
            if let Some(f) = crate::attrs::unwrap_base(x).downcast::<FloatObj>() {
                if f.0.is_nan() {
                    return Err(value_error("cannot convert float NaN to integer"));
                }
                if f.0.is_infinite() {
                    return Err(overflow_error("cannot convert float infinity to integer"));
                }
                return Ok(rt::bigint(
                    <num_bigint::BigInt as num_traits::FromPrimitive>::from_f64(f.0.trunc())
                        .unwrap_or_default(),
                ));
            }
            if let Some(s) = str_of(x) {
                let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
                if digits > 4300 {
                    return Err(value_error(format!(
                        "Exceeds the limit (4300 digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                        digits
                    )));
                }
                return parse_int_str(s, 10).map(rt::bigint).ok_or_else(|| {
                    value_error(format!(
                        "invalid literal for int() with base 10: {}",
                        crate::format::str_repr(s)
                    ))
                });
            }
            for m in ["__int__", "__index__"] {
                if let Some(v) = ops::call_special(x, m, vec![])? {
                    return Ok(v);
                }
            }
            Err(type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                type_name(x)
            )))
        }
        Builtin::Float => {
            let Some(x) = args.first() else {
                return Ok(rt::float(0.0));
            };
            if let Some(f) = ops::as_f64(x) {
                if f.is_infinite() && ops::as_bigint(x).is_some() {
                    return Err(overflow_error("int too large to convert to float"));
                }
                return Ok(rt::float(f));
            }
            if let Some(s) = str_of(x) {
                return float_from_str(s).map(rt::float).ok_or_else(|| {
                    value_error(format!(
                        "could not convert string to float: {}",
                        crate::format::str_repr(s)
                    ))
                });
            }
            if let Some(v) = ops::call_special(x, "__float__", vec![])? {
                return Ok(v);
            }
            Err(type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                type_name(x)
            )))
        }
        Builtin::Complex => crate::complex::new(&args, &kwargs),
        Builtin::Str => match args.first() {
            None => Ok(rt::str_obj("")),
            Some(x) => {
                if let (Some(b), Some(_)) = (x.downcast::<BytesObj>(), args.get(1)) {
                    return Ok(rt::string(String::from_utf8_lossy(&b.0).into_owned()));
                }
                if x.downcast::<StrObj>().is_some() {
                    return Ok(x.clone());
                }
                Ok(rt::string(ops::str_(x)?))
            }
        },
        Builtin::Bool => match args.first() {
            None => Ok(rt::bool_obj(false)),
            Some(x) => Ok(rt::bool_obj(ops::truthy(x)?)),
        },
        Builtin::List => {
            no_kwargs("list", &kwargs)?;
            let Some(x) = args.first() else {
                return Ok(rt::list(vec![]));
            };
            let (plan, len) = (crate::sizes::extend_plan(x), crate::sizes::builtin_len(x));
            let items = ops::iterate(x)?;
            let n = items.len();
            let l = rt::list(items);
            list_payload(&l).constructed(plan, len, n);
            Ok(l)
        }
        Builtin::Tuple => Ok(match args.first() {
            Some(x) if x.downcast::<TupleObj>().is_some() => x.clone(),
            Some(x) => rt::tuple(ops::iterate(x)?),
            None => rt::tuple(vec![]),
        }),
        Builtin::Dict => {
            let d = rt::dict();
            if let Some(x) = args.first() {
                crate::methods::dict_update_from(&d, x)?;
            }
            for (k, v) in kwargs {
                ops::dict_set(&d, rt::str_obj(&k), v)?;
            }
            Ok(d)
        }
        Builtin::FrozenSet
            if args
                .first()
                .is_some_and(|x| x.downcast::<SetObj>().is_some_and(|s| s.frozen)) =>
        {
            Ok(args[0].clone())
        }
        Builtin::Set | Builtin::FrozenSet => {
            let frozen = kind == Some(Builtin::FrozenSet);
            let s = rt::set(frozen);
            if let Some(x) = args.first() {
                let table = &s.downcast::<SetObj>().unwrap().table;
                crate::sizes::set_merging_from(table, x);
                for k in ops::iterate(x)? {
                    if !dict::contains(table, &k)? {
                        dict::insert(table, k, None)?;
                    }
                }
            }
            Ok(s)
        }
        Builtin::Range => {
            let ints: Vec<BigInt> = args
                .iter()
                .map(|a| {
                    ops::as_index(a)?.ok_or_else(|| {
                        type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(a)
                        ))
                    })
                })
                .collect::<PyResult<_>>()?;
            let (start, stop, step) = match ints.len() {
                1 => (BigInt::zero(), ints[0].clone(), BigInt::from(1)),
                2 => (ints[0].clone(), ints[1].clone(), BigInt::from(1)),
                3 => (ints[0].clone(), ints[1].clone(), ints[2].clone()),
                0 => return Err(type_error("range expected at least 1 argument, got 0")),
                n => {
                    return Err(type_error(format!(
                        "range expected at most 3 arguments, got {}",
                        n
                    )))
                }
            };
            if step.is_zero() {
                return Err(value_error("range() arg 3 must not be zero"));
            }
            Ok(alloc(&RANGE_VT, RangeObj { start, stop, step }))
        }
        Builtin::Bytes => match args.first() {
            Some(x)
                if str_of(x).is_none()
                    && (args.len() > 1 || kwarg(&kwargs, "encoding").is_some()) =>
            {
                Err(type_error("encoding without a string argument"))
            }
            None => Ok(rt::bytes(vec![])),
            Some(x) if x.downcast::<BytesObj>().is_some() => Ok(x.clone()),
            Some(x) if x.downcast::<ByteArrayObj>().is_some() => {
                Ok(rt::bytes(ops::bytes_of(x).unwrap()))
            }
            Some(x) => {
                if str_of(x).is_some() {
                    let encoding = args
                        .get(1)
                        .or_else(|| kwarg(&kwargs, "encoding"))
                        .ok_or_else(|| type_error("string argument without an encoding"))?;
                    let mut call = vec![x.clone(), encoding.clone()];
                    call.extend(args.get(2).or_else(|| kwarg(&kwargs, "errors")).cloned());
                    return crate::methods::str_encode(&call, &[]);
                }
                if let Some(n) = ops::as_i64(x) {
                    if n < 0 {
                        return Err(value_error("negative count"));
                    }
                    check_alloc(n as usize, 1)?;
                    return Ok(rt::bytes(vec![0; n as usize]));
                }
                let items = ops::iterate(x)?;
                let mut v = Vec::new();
                for i in items {
                    let n = ops::index_arg(&i)?;
                    if !(0..256).contains(&n) {
                        return Err(value_error("bytes must be in range(0, 256)"));
                    }
                    v.push(n as u8);
                }
                Ok(rt::bytes(v))
            }
        },
        Builtin::ByteArray => {
            let b = match args.first() {
                None => vec![],
                Some(x) => {
                    let tmp = construct(&r.types.bytes, vec![x.clone()], vec![])?;
                    ops::bytes_of(&tmp).unwrap_or_default()
                }
            };
            // bytearray_init sizes a buffer, count, list or tuple exactly; other iterables are appended.
            let appended = args.first().is_some_and(|x| {
                ops::bytes_of(x).is_none()
                    && ops::as_bigint(x).is_none()
                    && x.downcast::<ListObj>().is_none()
                    && x.downcast::<TupleObj>().is_none()
            });
            let n = b.len();
            let obj = rt::bytearray(b);
            if appended {
                let ba = obj.downcast::<ByteArrayObj>().expect("rt::bytearray");
                ba.1.set(ByteArrayBuffer::default());
                (0..n).for_each(|i| ba.resized(i, i + 1));
            }
            Ok(obj)
        }
        Builtin::Object => {
            if !args.is_empty() {
                return Err(type_error("object() takes no arguments"));
            }
            Ok(crate::attrs::new_instance_with_base(cls, None))
        }
        _ => construct_other(cls, args, kwargs),
    }
}

fn construct_other(
    cls: &ObjRef,
    args: Vec<ObjRef>,
    kwargs: Vec<(String, ObjRef)>,
) -> PyResult<ObjRef> {
    let r = rt();
    let t = &r.types;
    if cls.is(&t.property) {
        let get = |i: usize, n: &str| {
            args.get(i)
                .or_else(|| kwarg(&kwargs, n))
                .filter(|x| !is_none(x))
                .cloned()
        };
        return Ok(alloc(
            &PROPERTY_VT,
            DescrObj::Property {
                fget: get(0, "fget"),
                fset: get(1, "fset"),
                fdel: get(2, "fdel"),
            },
        ));
    }
    if cls.is(&t.staticmethod) {
        return Ok(alloc(&STATICMETHOD_VT, DescrObj::Static(args[0].clone())));
    }
    if cls.is(&t.classmethod) {
        return Ok(alloc(&CLASSMETHOD_VT, DescrObj::Class(args[0].clone())));
    }
    if cls.is(&t.super_) {
        if args.len() != 2 {
            return Err(runtime_error("super(): no arguments"));
        }
        return Ok(alloc(
            &SUPER_VT,
            SuperObj {
                cls: args[0].clone(),
                obj: args[1].clone(),
            },
        ));
    }
    if cls.is(&t.slice) {
        let g = |i: usize| args.get(i).cloned().unwrap_or_else(rt::none);
        return Ok(match args.len() {
            1 => alloc(&SLICE_VT, SliceObj(rt::none(), g(0), rt::none())),
            _ => alloc(&SLICE_VT, SliceObj(g(0), g(1), g(2))),
        });
    }
    if cls.is(&t.c_long) {
        let v = match args.first() {
            Some(x) => ops::index_arg(x)?,
            None => 0,
        };
        return Ok(alloc(
            &CLONG_VT,
            CLongObj {
                address: None,
                value: Cell::new(v),
            },
        ));
    }
    if cls.is(&t.weakref) {
        return crate::modules::weakref_new(&args, refpy_heap::weakref::WeakKind::Ref);
    }
    if cls.is(&t.method) {
        return method_new(args, kwargs);
    }
    Err(type_error(format!(
        "cannot create '{}' instances",
        type_obj(cls).name.borrow()
    )))
}

/// `types.MethodType(function, instance)`: CPython's `method_new`.
pub(crate) fn method_new(args: Vec<ObjRef>, kwargs: Vec<(String, ObjRef)>) -> PyResult<ObjRef> {
    if !kwargs.is_empty() {
        return Err(type_error("method() takes no keyword arguments"));
    }
    let [func, self_obj] = <[ObjRef; 2]>::try_from(args)
        .map_err(|a| type_error(format!("method expected 2 arguments, got {}", a.len())))?;
    if !is_callable(&func) {
        return Err(type_error("first argument must be callable"));
    }
    if ops::is_none(&self_obj) {
        return Err(type_error("instance must not be None"));
    }
    Ok(alloc(&METHOD_VT, MethodObj { func, self_obj }))
}

/// `__init__(obj, *args, **kwargs)` as `type_call` runs it: its result must be None.
pub(crate) fn call_init(
    init: &ObjRef,
    obj: &ObjRef,
    mut args: Vec<ObjRef>,
    kwargs: Vec<(String, ObjRef)>,
) -> PyResult<()> {
    // The arguments' vector usually has room for `self` (`pop_call_args`).
    args.insert(0, obj.clone());
    check_init_result(&ops::call(init, args, kwargs)?)
}

/// What `__init__` returned: None, else CPython's TypeError.
pub(crate) fn check_init_result(res: &ObjRef) -> PyResult<()> {
    if is_none(res) {
        Ok(())
    } else {
        Err(type_error(format!(
            "__init__() should return None, not '{}'",
            type_name(res)
        )))
    }
}

fn construct_instance(
    cls: &ObjRef,
    args: Vec<ObjRef>,
    kwargs: Vec<(String, ObjRef)>,
) -> PyResult<ObjRef> {
    let r = rt();
    if cls.is(&r.types.os_error) && args.len() >= 2 && ops::as_i64(&args[0]) == Some(2) {
        // OSError(ENOENT, ...) constructs a FileNotFoundError, as CPython's errno mapping does.
        let sub = r.types.file_not_found_error.clone();
        return construct_instance(&sub, args, kwargs);
    }
    let new = ops::lookup_type(cls, "__new__");
    let base_type = crate::attrs::builtin_base_type(cls);
    let inst = match new {
        Some(ref n)
            if n.downcast::<FunctionObj>().is_some() || n.downcast::<DescrObj>().is_some() =>
        {
            let f = match n.downcast::<DescrObj>() {
                Some(DescrObj::Static(f)) => f.clone(),
                _ => n.clone(),
            };
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(cls.clone());
            full.extend(args.iter().cloned());
            let inst = ops::call(&f, full, kwargs.clone())?;
            if !ops::isinstance(&inst, cls) {
                return Ok(inst);
            }
            inst
        }
        _ => match &base_type {
            Some(t) => builtin_subclass_new(cls, t, args.clone(), kwargs.clone())?,
            None => {
                let inst = crate::attrs::new_instance_with_base(cls, None);
                if let Some(s) = exc_state(&inst) {
                    *s.args.borrow_mut() = Some(rt::tuple(args.clone()));
                }
                inst
            }
        },
    };
    match ops::lookup_type(cls, "__init__") {
        Some(init) if init.downcast::<FunctionObj>().is_some() => {
            call_init(&init, &inst, args, kwargs)?;
        }
        _ if crate::attrs::base_ref(&inst).is_some() => {
            init_builtin_base(crate::attrs::base_ref(&inst).unwrap(), args, kwargs)?;
        }
        _ => {
            let is_exc = ops::is_subtype(cls, &r.types.base_exception);
            if !is_exc
                && new.is_none()
                && base_type.is_none()
                && (!args.is_empty() || !kwargs.is_empty())
            {
                return Err(type_error(format!(
                    "{}() takes no arguments",
                    type_obj(cls).name.borrow()
                )));
            }
            if is_exc && !kwargs.is_empty() {
                return Err(type_error(format!(
                    "{}() takes no keyword arguments",
                    type_obj(cls).name.borrow()
                )));
            }
        }
    }
    Ok(inst)
}

/// The Python `__init__` that calling `cls` runs on a new plain instance, when that is all the call does
/// (`construct_instance` with no `__new__` of its own, no built-in base value, not an exception), as a new
/// reference, with the instances' vtable; remembered per class for the epoch.
pub fn plain_init(cls: &ObjRef) -> Option<(ObjRef, &'static refpy_heap::VTable)> {
    let t = cls.downcast::<TypeObj>()?;
    let epoch = crate::typecache::epoch();
    let known = t.plain_init.get();
    if known.epoch == epoch {
        // SAFETY: found in this epoch on the mro of this (live) class, so the namespace dict that held the
        // function then has not changed since (any change advances the epoch) and still owns a reference
        // to it; we take a new one for the caller.
        let init = known.init.map(|f| unsafe { ObjRef::from_borrowed(f) });
        return init.zip(known.instance_vtable);
    }
    let init = find_plain_init(cls, t);
    let instance_vtable = init.as_ref().map(|_| ops::instance_vtable(cls));
    // The lookups ran no user code, so the epoch read above is still current.
    t.plain_init.set(crate::typecache::PlainInit {
        epoch,
        init: init.as_ref().map(ObjRef::raw),
        instance_vtable,
    });
    init.zip(instance_vtable)
}

fn find_plain_init(cls: &ObjRef, t: &TypeObj) -> Option<ObjRef> {
    let is_exc = *t
        .is_exception
        .get_or_init(|| ops::is_subtype(cls, &rt().types.base_exception));
    if t.builtin.is_some() || is_exc || crate::attrs::builtin_base_type(cls).is_some() {
        return None;
    }
    // A metaclass makes classes, and a metaclass's own `__call__` decides what calling its class does.
    let meta_call = t
        .metatype
        .as_ref()
        .is_some_and(|m| ops::lookup_type(m, "__call__").is_some());
    if t.makes_classes || meta_call {
        return None;
    }
    let own_new = ops::lookup_type(cls, "__new__").is_some_and(|n| {
        n.downcast::<FunctionObj>().is_some() || n.downcast::<DescrObj>().is_some()
    });
    if own_new {
        return None;
    }
    ops::lookup_type(cls, "__init__").filter(|i| i.downcast::<FunctionObj>().is_some())
}

/// The built-in `__new__` for `cls`, a subclass of the built-in type `t`: the value `t(*args)` wrapped in an
/// instance of `cls`. Mutable containers start empty (their `__init__` fills them), as in CPython.
fn builtin_subclass_new(
    cls: &ObjRef,
    t: &ObjRef,
    args: Vec<ObjRef>,
    kwargs: Vec<(String, ObjRef)>,
) -> PyResult<ObjRef> {
    let value = if is_mutable_builtin(t) {
        match type_obj(t).builtin {
            Some(Builtin::Dict) => alloc(
                &dict::DICT_VALUE_VT,
                DictObj(RefCell::new(dict::Table::default())),
            ),
            Some(Builtin::List) => alloc(&LIST_VALUE_VT, ListObj::new(vec![])),
            Some(Builtin::Set) => set_value(dict::Table::default(), false),
            _ => construct(t, vec![], vec![])?,
        }
    } else {
        let v = construct(t, args.clone(), kwargs)?;
        // `str(s)`, `tuple(t)`… hand back their argument; a subclass instance has a value of its own.
        if let Some(items) = v.downcast::<TupleObj>() {
            // tuple_subtype_new: the items copied into the instance's own value.
            alloc(
                &TUPLE_VALUE_VT,
                TupleObj(RefCell::new(items.0.borrow().clone())),
            )
        } else if let Some(s) = v.downcast::<SetObj>() {
            let copy = set_value(dict::Table::default(), true);
            let copy_table = &copy.downcast::<SetObj>().unwrap().table;
            crate::sizes::set_merging_from(copy_table, &v);
            for e in dict::snapshot(&s.table) {
                dict::insert(copy_table, e.key, None)?;
            }
            copy
        } else if args.iter().any(|a| a.is(&v)) {
            own_copy(&v)
        } else {
            v
        }
    };
    Ok(crate::attrs::new_instance_with_base(cls, Some(value)))
}

/// A set or frozenset value that is part of a subclass instance (not an object of its own for the collector).
fn set_value(mut table: dict::Table, frozen: bool) -> ObjRef {
    table.capacity = crate::sizes::Capacity::new_set();
    alloc(
        if frozen {
            &FROZENSET_VALUE_VT
        } else {
            &SET_VALUE_VT
        },
        SetObj {
            table: RefCell::new(table),
            frozen,
        },
    )
}

fn is_mutable_builtin(t: &ObjRef) -> bool {
    matches!(
        type_obj(t).builtin,
        Some(Builtin::List | Builtin::Dict | Builtin::Set | Builtin::ByteArray)
    )
}

/// A new object equal to the immutable built-in value `v`.
fn own_copy(v: &ObjRef) -> ObjRef {
    if let Some(s) = v.downcast::<StrObj>() {
        return rt::string(s.s.clone());
    }
    if let Some(b) = v.downcast::<BytesObj>() {
        return rt::bytes(b.0.clone());
    }
    if let Some(c) = v.downcast::<ComplexObj>() {
        return rt::complex(c.0, c.1);
    }
    v.clone()
}

/// `list.__init__`, `dict.__init__`, `set.__init__` and `bytearray.__init__` on the built-in value of a
/// subclass instance: a list, set or bytearray is refilled, a dict updated. Immutable values are made by
/// `__new__`; their `__init__` is `object.__init__`, which ignores the arguments `__new__` took.
fn init_builtin_base(
    base: &ObjRef,
    args: Vec<ObjRef>,
    kwargs: Vec<(String, ObjRef)>,
) -> PyResult<()> {
    let t = ops::type_of(base);
    if !is_mutable_builtin(&t) {
        return Ok(());
    }
    if let Some(d) = base.downcast::<DictObj>() {
        if args.len() > 1 {
            return Err(type_error(format!(
                "dict expected at most 1 argument, got {}",
                args.len()
            )));
        }
        let _ = d;
        if let Some(x) = args.first() {
            crate::methods::dict_update_from(base, x)?;
        }
        for (k, v) in kwargs {
            ops::dict_set(base, rt::str_obj(&k), v)?;
        }
        return Ok(());
    }
    let name = type_obj(&t).name.borrow().clone();
    no_kwargs(&name, &kwargs)?;
    if args.len() > 1 {
        return Err(type_error(format!(
            "{} expected at most 1 argument, got {}",
            name,
            args.len()
        )));
    }
    // Refilled in place, as CPython's list_init/set_init clear and extend the object itself.
    let sizing = args
        .first()
        .map(|x| (crate::sizes::extend_plan(x), crate::sizes::builtin_len(x)));
    let items = match args.first() {
        Some(x) if base.downcast::<ByteArrayObj>().is_none() => ops::iterate(x)?,
        _ => vec![],
    };
    if let Some(l) = base.downcast::<ListObj>() {
        let n = items.len();
        let old = std::mem::replace(&mut *l.0.borrow_mut(), items);
        match sizing {
            Some((plan, len)) => l.constructed(plan, len, n),
            None => l.1.set(0),
        }
        drop(old);
    } else if let Some(s) = base.downcast::<SetObj>() {
        let old = s.table.borrow_mut().take_all();
        drop(old);
        if let Some(x) = args.first() {
            crate::sizes::set_merging_from(&s.table, x);
        }
        for k in items {
            if !dict::contains(&s.table, &k)? {
                dict::insert(&s.table, k, None)?;
            }
        }
    } else if let Some(b) = base.downcast::<ByteArrayObj>() {
        let bytes = match args.first() {
            Some(x) => construct(&t, vec![x.clone()], vec![])?,
            None => rt::bytearray(vec![]),
        };
        let made = bytes.downcast::<ByteArrayObj>().unwrap();
        let bytes = std::mem::take(&mut *made.0.borrow_mut());
        *b.0.borrow_mut() = bytes;
        b.1.set(made.1.get());
    }
    Ok(())
}

#[allow(dead_code)]
fn unused(_: Option<usize>) -> Option<i64> {
    None.and_then(|x: BigInt| x.to_i64())
}
