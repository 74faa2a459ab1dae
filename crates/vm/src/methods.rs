//! Methods of built-in types (`list.append`, `str.join`, `dict.get`, …). Each takes `self` as `args[0]`.

use num_bigint::BigInt;
use refpy_heap::ObjRef;

use crate::callsig::{classdef, def, Binding, Method, MethodTable, Params};
use crate::exc::*;
use crate::objects::*;
use crate::ops::{self, str_of, type_name};
use crate::rt::{self, rt};

type Kw<'a> = &'a [(String, ObjRef)];

/// The method `name` of `o`'s built-in type, if it has one.
pub fn lookup(o: &ObjRef, name: &str) -> Option<Method> {
    let table = if let Some(table) = container_table(o) {
        table
    } else if is_int(o) {
        &INT
    } else if o.downcast::<FloatObj>().is_some() {
        &FLOAT
    } else if o.downcast::<ComplexObj>().is_some() {
        &COMPLEX
    } else if o.downcast::<GeneratorObj>().is_some() {
        &GENERATOR
    } else if o.downcast::<FileObj>().is_some() {
        &crate::builtins::FILE
    } else if o.downcast::<IterObj>().is_some() {
        &ITERATOR
    } else if o.downcast::<RangeObj>().is_some() {
        &RANGE
    } else if o.downcast::<FunctionObj>().is_some() {
        &FUNCTION
    } else if o.downcast::<MethodObj>().is_some() {
        &METHOD
    } else if o.downcast::<BuiltinObj>().is_some() {
        &BUILTIN
    } else {
        return None;
    };
    table.get(name)
}

/// The method table of `o` when it is a list, str, dict, tuple, set, frozenset, bytes or bytearray.
fn container_table(o: &ObjRef) -> Option<&'static MethodTable> {
    Some(if o.downcast::<ListObj>().is_some() {
        &LIST
    } else if o.downcast::<StrObj>().is_some() {
        &STR
    } else if o.downcast::<DictObj>().is_some() {
        &DICT
    } else if o.downcast::<TupleObj>().is_some() {
        &TUPLE
    } else if let Some(s) = o.downcast::<SetObj>() {
        if s.frozen {
            &FROZENSET
        } else {
            &SET
        }
    } else if o.downcast::<BytesObj>().is_some() {
        &BYTES
    } else if o.downcast::<ByteArrayObj>().is_some() {
        &BYTEARRAY
    } else {
        return None;
    })
}

/// The instance method `name` of `o` when `o` is a list, str, dict, tuple, set, frozenset, bytes or
/// bytearray: these have no other attributes, so it is what `attrs::getattr` would bind, and
/// `LoadMethod` can leave the call to `CallMethod` without a bound method object.
pub fn lookup_direct(o: &ObjRef, name: &str) -> Option<Method> {
    container_table(o)?
        .get(name)
        .filter(|m| m.def.binding == Binding::Instance)
}

/// The method `name` of built-in type `b`, as `b.name` finds it.
pub fn lookup_for_type(b: Builtin, name: &str) -> Option<Method> {
    match b {
        Builtin::List => &LIST,
        Builtin::Tuple => &TUPLE,
        Builtin::Str => &STR,
        Builtin::Dict => &DICT,
        Builtin::Set => &SET,
        Builtin::FrozenSet => &FROZENSET,
        Builtin::Bytes => &BYTES,
        Builtin::ByteArray => &BYTEARRAY,
        Builtin::Int | Builtin::Bool => &INT,
        Builtin::Float => &FLOAT,
        Builtin::Complex => &COMPLEX,
        Builtin::Range => &RANGE,
        _ => return None,
    }
    .get(name)
}

/// `o.name` for a method found by `lookup`: bound to `o`, or to `o`'s type for a class method.
pub fn bind(m: Method, o: &ObjRef) -> ObjRef {
    rt::method_obj(
        m,
        Some(match m.def.binding {
            Binding::Instance => o.clone(),
            Binding::Class => ops::type_of(o),
            Binding::New => crate::objectmethods::new_owner(&ops::type_of(o)),
        }),
    )
}

/// `T.name` for a method found by `lookup_for_type` on type `t`: unbound, or bound to `t` for a class
/// method.
pub fn from_type(m: Method, t: &ObjRef) -> ObjRef {
    match m.def.binding {
        Binding::Instance => rt::method_obj(m, None),
        Binding::Class => rt::method_obj(m, Some(t.clone())),
        Binding::New => rt::method_obj(m, Some(crate::objectmethods::new_owner(t))),
    }
}

/// Every table, for tests that call every method.
pub fn all_tables() -> [&'static MethodTable; 16] {
    [
        &LIST,
        &TUPLE,
        &STR,
        &DICT,
        &SET,
        &FROZENSET,
        &BYTES,
        &BYTEARRAY,
        &INT,
        &FLOAT,
        &COMPLEX,
        &RANGE,
        &ITERATOR,
        &GENERATOR,
        &crate::builtins::FILE,
        &crate::builtins::FUNCTIONS,
    ]
}

fn is_int(o: &ObjRef) -> bool {
    o.downcast::<IntObj>().is_some() || o.downcast::<BoolObj>().is_some()
}

use Params::{
    Any, Keywords, NoArgs, One, Positional, Star, StarKeywords, Tuple, Wrapper, WrapperAny,
};

pub static LIST: MethodTable = MethodTable {
    type_name: "list",
    accepts: |o| o.downcast::<ListObj>().is_some(),
    methods: &[
        crate::sizes::SIZEOF_METHOD,
        def("append", list_append, One),
        def("extend", list_extend, One),
        def("pop", list_pop, Positional(0, 1)),
        def("insert", list_insert, Positional(2, 2)),
        def("remove", list_remove, One),
        def("clear", list_clear, NoArgs),
        def("index", seq_index, Positional(1, 3)),
        def("count", seq_count, One),
        def("reverse", list_reverse, NoArgs),
        def(
            "sort",
            list_sort,
            Keywords {
                names: &["key", "reverse"],
                positional: 0,
                required: 0,
            },
        ),
        def("copy", list_copy, NoArgs),
        def("__len__", dunder_len, Wrapper(0)),
        def("__getitem__", dunder_getitem, One),
        def("__contains__", dunder_contains, Wrapper(1)),
        def("__iter__", dunder_iter, Wrapper(0)),
        def("__reversed__", dunder_reversed, NoArgs),
        classdef("__class_getitem__", class_getitem, One),
    ],
};

pub static TUPLE: MethodTable = MethodTable {
    type_name: "tuple",
    accepts: |o| o.downcast::<TupleObj>().is_some(),
    methods: &[
        crate::sizes::SIZEOF_METHOD,
        def("index", seq_index, Positional(1, 3)),
        def("count", seq_count, One),
        def("__len__", dunder_len, Wrapper(0)),
        def("__getitem__", dunder_getitem, Wrapper(1)),
        def("__getnewargs__", getnewargs, NoArgs),
        classdef("__class_getitem__", class_getitem, One),
    ],
};

const SPLIT: Params = Keywords {
    names: &["sep", "maxsplit"],
    positional: 2,
    required: 0,
};
const CODEC: Params = Keywords {
    names: &["encoding", "errors"],
    positional: 2,
    required: 0,
};

pub static STR: MethodTable = MethodTable {
    type_name: "str",
    accepts: |o| o.downcast::<StrObj>().is_some(),
    methods: &[
        crate::sizes::SIZEOF_METHOD,
        def("__getnewargs__", getnewargs, NoArgs),
        def("isascii", str_isascii, NoArgs),
        def("join", str_join, One),
        def("split", str_split, SPLIT),
        def("rsplit", str_rsplit, SPLIT),
        def("strip", str_strip, Positional(0, 1)),
        def("lstrip", str_lstrip, Positional(0, 1)),
        def("rstrip", str_rstrip, Positional(0, 1)),
        def("upper", str_upper, NoArgs),
        def("lower", str_lower, NoArgs),
        def("replace", str_replace, Positional(2, 3)),
        def("startswith", str_startswith, Tuple(1, 3)),
        def("endswith", str_endswith, Tuple(1, 3)),
        def("find", str_find, Tuple(1, 3)),
        def("rfind", str_rfind, Tuple(1, 3)),
        def("index", str_index, Tuple(1, 3)),
        def("rindex", str_rindex, Tuple(1, 3)),
        def("count", str_count, Tuple(1, 3)),
        def("format", str_format, Any),
        def("format_map", str_format_map, One),
        def("isdigit", str_isdigit, NoArgs),
        def("isdecimal", str_isdigit, NoArgs),
        def("isnumeric", str_isnumeric, NoArgs),
        def("isalpha", str_isalpha, NoArgs),
        def("isalnum", str_isalnum, NoArgs),
        def("isspace", str_isspace, NoArgs),
        def("isupper", str_isupper, NoArgs),
        def("islower", str_islower, NoArgs),
        def("istitle", str_istitle, NoArgs),
        def("isidentifier", str_isidentifier, NoArgs),
        def("isprintable", str_isprintable, NoArgs),
        def("title", str_title, NoArgs),
        def("capitalize", str_capitalize, NoArgs),
        def("swapcase", str_swapcase, NoArgs),
        def("casefold", str_casefold, NoArgs),
        def("center", str_center, Positional(1, 2)),
        def("ljust", str_ljust, Positional(1, 2)),
        def("rjust", str_rjust, Positional(1, 2)),
        def("zfill", str_zfill, One),
        def("encode", str_encode, CODEC),
        def(
            "splitlines",
            str_splitlines,
            Keywords {
                names: &["keepends"],
                positional: 1,
                required: 0,
            },
        ),
        def("partition", str_partition, One),
        def("rpartition", str_rpartition, One),
        def("translate", str_translate, One),
        classdef("maketrans", str_maketrans, Positional(1, 3)),
        def(
            "expandtabs",
            str_expandtabs,
            Keywords {
                names: &["tabsize"],
                positional: 1,
                required: 0,
            },
        ),
        def("removeprefix", str_removeprefix, One),
        def("removesuffix", str_removesuffix, One),
        def("__len__", dunder_len, Wrapper(0)),
        def("__contains__", dunder_contains, Wrapper(1)),
        def("__getitem__", dunder_getitem, Wrapper(1)),
    ],
};

pub static DICT: MethodTable = MethodTable {
    type_name: "dict",
    accepts: |o| o.downcast::<DictObj>().is_some(),
    methods: &[
        crate::sizes::SIZEOF_METHOD,
        def("get", dict_get, Positional(1, 2)),
        def("keys", dict_keys, NoArgs),
        def("values", dict_values, NoArgs),
        def("items", dict_items, NoArgs),
        def("pop", dict_pop, Positional(1, 2)),
        def("popitem", dict_popitem, NoArgs),
        def("setdefault", dict_setdefault, Positional(1, 2)),
        def("update", dict_update, StarKeywords(1)),
        def("clear", dict_clear, NoArgs),
        def("copy", dict_copy, NoArgs),
        classdef("fromkeys", dict_fromkeys, Positional(1, 2)),
        def("__len__", dunder_len, Wrapper(0)),
        def("__getitem__", dunder_getitem, One),
        def("__contains__", dunder_contains, One),
        def("__setitem__", dunder_setitem, Wrapper(2)),
        def("__iter__", dunder_iter, Wrapper(0)),
        def("__reversed__", dunder_reversed, NoArgs),
        classdef("__class_getitem__", class_getitem, One),
    ],
};

pub static SET: MethodTable = MethodTable {
    type_name: "set",
    accepts: |o| o.downcast::<SetObj>().is_some_and(|s| !s.frozen),
    methods: &[
        crate::sizes::SIZEOF_METHOD,
        def("add", set_add, One),
        def("discard", set_discard, One),
        def("remove", set_remove, One),
        def("pop", set_pop, NoArgs),
        def("clear", set_clear, NoArgs),
        def("copy", set_copy, NoArgs),
        def("union", set_union, Star),
        def("intersection", set_intersection, Star),
        def("difference", set_difference, Star),
        def("symmetric_difference", set_symdiff, One),
        def("update", set_update, Star),
        def("difference_update", set_difference_update, Star),
        def("symmetric_difference_update", set_symdiff_update, One),
        def("intersection_update", set_intersection_update, Star),
        def("issubset", set_issubset, One),
        def("issuperset", set_issuperset, One),
        def("isdisjoint", set_isdisjoint, One),
        def("__len__", dunder_len, Wrapper(0)),
        def("__contains__", dunder_contains, One),
        def("__reduce__", set_reduce, NoArgs),
        classdef("__class_getitem__", class_getitem, One),
    ],
};

pub static FROZENSET: MethodTable = MethodTable {
    type_name: "frozenset",
    accepts: |o| o.downcast::<SetObj>().is_some_and(|s| s.frozen),
    methods: &[
        crate::sizes::SIZEOF_METHOD,
        def("copy", set_copy, NoArgs),
        def("union", set_union, Star),
        def("intersection", set_intersection, Star),
        def("difference", set_difference, Star),
        def("symmetric_difference", set_symdiff, One),
        def("issubset", set_issubset, One),
        def("issuperset", set_issuperset, One),
        def("isdisjoint", set_isdisjoint, One),
        def("__len__", dunder_len, Wrapper(0)),
        def("__contains__", dunder_contains, One),
        def("__reduce__", set_reduce, NoArgs),
        classdef("__class_getitem__", class_getitem, One),
    ],
};

/// The methods bytes and bytearray share.
macro_rules! bytes_methods {
    ($($extra:expr),* $(,)?) => {
        &[
            crate::sizes::SIZEOF_METHOD,
            def("decode", bytes_decode, CODEC),
            def("hex", bytes_hex, Keywords { names: &["sep", "bytes_per_sep"], positional: 2, required: 0 }),
            def("upper", bytes_upper, NoArgs),
            def("lower", bytes_lower, NoArgs),
            def("split", bytes_split, SPLIT),
            def("strip", bytes_strip, Positional(0, 1)),
            def("replace", bytes_replace, Positional(2, 3)),
            def("find", bytes_find, Tuple(1, 3)),
            def("count", bytes_count, Tuple(1, 3)),
            def("startswith", bytes_startswith, Tuple(1, 3)),
            def("endswith", bytes_endswith, Tuple(1, 3)),
            def("join", bytes_join, One),
            classdef("fromhex", bytes_fromhex, One),
            $($extra,)*
        ]
    };
}

pub static BYTES: MethodTable = MethodTable {
    type_name: "bytes",
    accepts: |o| o.downcast::<BytesObj>().is_some(),
    methods: bytes_methods!(def("__getnewargs__", getnewargs, NoArgs)),
};

pub static BYTEARRAY: MethodTable = MethodTable {
    type_name: "bytearray",
    accepts: |o| o.downcast::<ByteArrayObj>().is_some(),
    methods: bytes_methods!(
        def("append", bytearray_append, One),
        def("extend", bytearray_extend, One),
        def("pop", bytearray_pop, Positional(0, 1)),
    ),
};

pub static INT: MethodTable = MethodTable {
    type_name: "int",
    accepts: is_int,
    methods: &[
        crate::sizes::SIZEOF_METHOD,
        def("bit_length", int_bit_length, NoArgs),
        def(
            "to_bytes",
            int_to_bytes,
            Keywords {
                names: &["length", "byteorder", "signed"],
                positional: 2,
                required: 0,
            },
        ),
        def("__add__", int_add, Wrapper(1)),
        def("conjugate", same_object, NoArgs),
        def("__trunc__", int_value, NoArgs),
        def("__floor__", int_value, NoArgs),
        def("__ceil__", int_value, NoArgs),
        def("__round__", number_round, Positional(0, 1)),
        def("__getnewargs__", int_getnewargs, NoArgs),
        def("as_integer_ratio", int_as_integer_ratio, NoArgs),
        def("bit_count", int_bit_count, NoArgs),
        classdef(
            "from_bytes",
            crate::builtins::int_from_bytes,
            Keywords {
                names: &["bytes", "byteorder", "signed"],
                positional: 2,
                required: 1,
            },
        ),
    ],
};

pub static FLOAT: MethodTable = MethodTable {
    type_name: "float",
    accepts: |o| o.downcast::<FloatObj>().is_some(),
    methods: &[
        crate::sizes::SIZEOF_METHOD,
        def("is_integer", float_is_integer, NoArgs),
        def("hex", float_hex, NoArgs),
        def("as_integer_ratio", float_as_integer_ratio, NoArgs),
        classdef("fromhex", float_fromhex, One),
        def("conjugate", same_object, NoArgs),
        def("__trunc__", float_trunc, NoArgs),
        def("__floor__", float_floor, NoArgs),
        def("__ceil__", float_ceil, NoArgs),
        def("__round__", number_round, Positional(0, 1)),
        def("__getnewargs__", getnewargs, NoArgs),
        classdef("__getformat__", float_getformat, One),
    ],
};

pub static COMPLEX: MethodTable = MethodTable {
    type_name: "complex",
    accepts: |o| o.downcast::<ComplexObj>().is_some(),
    methods: &[
        crate::sizes::SIZEOF_METHOD,
        def("conjugate", complex_conjugate, NoArgs),
    ],
};

pub static RANGE: MethodTable = MethodTable {
    type_name: "range",
    accepts: |o| o.downcast::<RangeObj>().is_some(),
    methods: &[
        crate::sizes::SIZEOF_METHOD,
        def("index", range_index, One),
        def("count", seq_count, One),
        def("__reversed__", dunder_reversed, NoArgs),
        def("__reduce__", range_reduce, NoArgs),
    ],
};

/// `f.__call__(…)` of the callable built-in objects: the call itself.
macro_rules! callable_tables {
    ($($table:ident: $name:expr, $payload:ty;)*) => {
        $(
            pub static $table: MethodTable = MethodTable {
                type_name: $name,
                accepts: |o| o.downcast::<$payload>().is_some(),
                methods: &[def("__call__", call_self, WrapperAny)],
            };
        )*
    };
}

callable_tables! {
    FUNCTION: "function", FunctionObj;
    METHOD: "method", MethodObj;
    BUILTIN: "builtin_function_or_method", BuiltinObj;
}

fn call_self(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    ops::call(&a[0], a[1..].to_vec(), kw.to_vec())
}

pub static ITERATOR: MethodTable = MethodTable {
    type_name: "iterator",
    accepts: |o| o.downcast::<IterObj>().is_some(),
    methods: &[
        def("__next__", iter_next, Wrapper(0)),
        def("__iter__", same_object, Wrapper(0)),
    ],
};

pub static GENERATOR: MethodTable = MethodTable {
    type_name: "generator",
    accepts: |o| o.downcast::<GeneratorObj>().is_some(),
    methods: &[
        def("send", gen_send, One),
        def("close", gen_close, NoArgs),
        def("throw", gen_throw, Positional(1, 3)),
        def("__next__", iter_next, Wrapper(0)),
    ],
};

fn dunder_reversed(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    crate::iters::reversed(&a[0])
}

/// `__getnewargs__` of an immutable value: the value itself, which `__new__` makes a copy from.
fn getnewargs(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::tuple(vec![a[0].clone()]))
}

/// `T[args]` of a generic built-in type: `types.GenericAlias(T, args)`.
fn class_getitem(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(crate::genericalias::new(a[0].clone(), a[1].clone()))
}

/// `set.__reduce__()`: `(type, (list of items,), state)`.
fn set_reduce(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let items = rt::list(ops::iterate(&a[0])?);
    Ok(rt::tuple(vec![
        ops::type_of(&a[0]),
        rt::tuple(vec![items]),
        rt::none(),
    ]))
}

fn range_reduce(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let r = a[0].downcast::<RangeObj>().unwrap();
    Ok(rt::tuple(vec![
        ops::type_of(&a[0]),
        rt::tuple(vec![
            rt::bigint(r.start.clone()),
            rt::bigint(r.stop.clone()),
            rt::bigint(r.step.clone()),
        ]),
    ]))
}

/// An int's value as an exact int (`True.__trunc__()` is 1).
fn int_value(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::bigint(ops::as_bigint(&a[0]).unwrap_or_default()))
}

fn int_getnewargs(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    Ok(rt::tuple(vec![int_value(a, kw)?]))
}

fn int_as_integer_ratio(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    Ok(rt::tuple(vec![int_value(a, kw)?, rt::int(1)]))
}

fn int_bit_count(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let i = ops::as_bigint(&a[0]).unwrap_or_default();
    Ok(rt::int(
        i.magnitude()
            .iter_u64_digits()
            .map(|d| d.count_ones() as i64)
            .sum(),
    ))
}

fn number_round(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    crate::builtins::round(a, kw)
}

/// A float rounded by `f` to an int, with `int()`'s errors for NaN and the infinities.
fn float_to_int(a: &[ObjRef], f: fn(f64) -> f64) -> PyResult<ObjRef> {
    let x = ops::as_f64(&a[0]).unwrap_or_default();
    ops::call(&rt().types.int, vec![rt::float(f(x))], vec![])
}

fn float_trunc(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    float_to_int(a, f64::trunc)
}

fn float_floor(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    float_to_int(a, f64::floor)
}

fn float_ceil(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    float_to_int(a, f64::ceil)
}

/// `float.__getformat__(typestr)`: how this machine stores a C double or float.
fn float_getformat(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let Some(kind) = str_of(&a[1]) else {
        return Err(type_error(format!(
            "__getformat__() argument must be str, not {}",
            type_name(&a[1])
        )));
    };
    if kind != "double" && kind != "float" {
        return Err(value_error(
            "__getformat__() argument 1 must be 'double' or 'float'",
        ));
    }
    Ok(rt::str_obj(if cfg!(target_endian = "little") {
        "IEEE, little-endian"
    } else {
        "IEEE, big-endian"
    }))
}

fn list_of(o: &ObjRef) -> &ListObj {
    o.downcast::<ListObj>().unwrap()
}

// ---- generic ------------------------------------------------------------------------------------

fn dunder_len(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::int(ops::len(&a[0])? as i64))
}
fn dunder_getitem(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    ops::getitem(&a[0], &a[1])
}
fn dunder_setitem(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    ops::setitem(&a[0], &a[1], a[2].clone())?;
    Ok(rt::none())
}
fn dunder_contains(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::bool_obj(ops::contains(&a[0], &a[1])?))
}
fn dunder_iter(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    ops::get_iter(&a[0])
}
fn iter_next(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    if a[0].downcast::<GeneratorObj>().is_some() {
        return gen_send(&[a[0].clone()], &[]);
    }
    ops::next(&a[0])?.ok_or_else(stop_iteration)
}
fn same_object(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(a[0].clone())
}

fn seq_index(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let items = ops::iterate(&a[0])?;
    let (lo, hi) = find_window(a, 2, items.len(), false)?;
    for (i, x) in items.iter().enumerate().take(hi).skip(lo) {
        if x.is(&a[1]) || ops::eq_bool(x, &a[1])? {
            return Ok(rt::int(i as i64));
        }
    }
    Err(value_error(if a[0].downcast::<TupleObj>().is_some() {
        "tuple.index(x): x not in tuple".to_string()
    } else {
        format!("{} is not in list", ops::repr(&a[1])?)
    }))
}

fn seq_count(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let items = ops::iterate(&a[0])?;
    let mut n = 0;
    for x in &items {
        if x.is(&a[1]) || ops::eq_bool(x, &a[1])? {
            n += 1;
        }
    }
    Ok(rt::int(n))
}

fn range_index(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let r = a[0].downcast::<RangeObj>().unwrap();
    match ops::as_bigint(&a[1]) {
        Some(i) if crate::arith::range_contains(r, &i) => Ok(rt::bigint((i - &r.start) / &r.step)),
        Some(_) => Err(value_error(format!(
            "{} is not in range",
            ops::repr(&a[1])?
        ))),
        // Not an int: CPython searches the range as any sequence.
        None => {
            for (i, x) in ops::iterate(&a[0])?.iter().enumerate() {
                if ops::eq_bool(x, &a[1])? {
                    return Ok(rt::int(i as i64));
                }
            }
            Err(value_error("sequence.index(x): x not in sequence"))
        }
    }
}

// ---- list ---------------------------------------------------------------------------------------

fn list_append(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let l = list_of(&a[0]);
    let n = l.0.borrow().len();
    l.0.borrow_mut().push(a[1].clone());
    l.resized(n, n + 1);
    Ok(rt::none())
}

fn list_extend(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let plan = crate::sizes::extend_plan(&a[1]);
    let items = ops::iterate(&a[1])?;
    let l = list_of(&a[0]);
    let (n, k) = (l.0.borrow().len(), items.len());
    l.0.borrow_mut().extend(items);
    l.extended(plan, n, k);
    Ok(rt::none())
}

fn list_pop(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let l = list_of(&a[0]);
    let len = l.0.borrow().len() as i64;
    if len == 0 {
        return Err(index_error("pop from empty list"));
    }
    let i = if a.len() > 1 {
        ops::index_arg(&a[1])?
    } else {
        -1
    };
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(index_error("pop index out of range"));
    }
    let v = l.0.borrow_mut().remove(j as usize);
    l.resized(len as usize, len as usize - 1);
    Ok(v)
}

fn list_insert(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let l = list_of(&a[0]);
    let len = l.0.borrow().len() as i64;
    let i = ops::index_arg(&a[1])?;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.0.borrow_mut().insert(j as usize, a[2].clone());
    l.resized(len as usize, len as usize + 1);
    Ok(rt::none())
}

fn list_remove(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let l = list_of(&a[0]);
    let items = l.0.borrow().clone();
    for (i, x) in items.iter().enumerate() {
        if x.is(&a[1]) || ops::eq_bool(x, &a[1])? {
            let removed = l.0.borrow_mut().remove(i);
            l.resized(items.len(), items.len() - 1);
            drop(items);
            drop(removed);
            return Ok(rt::none());
        }
    }
    Err(value_error("list.remove(x): x not in list"))
}

fn list_clear(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let l = list_of(&a[0]);
    let old = std::mem::take(&mut *l.0.borrow_mut());
    l.1.set(0);
    drop(old);
    Ok(rt::none())
}

fn list_reverse(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    list_of(&a[0]).0.borrow_mut().reverse();
    Ok(rt::none())
}

fn list_copy(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::list(list_of(&a[0]).0.borrow().clone()))
}

/// Stable merge sort with Python comparisons (errors propagate).
pub fn sort_values(
    items: Vec<ObjRef>,
    key: Option<&ObjRef>,
    reverse: bool,
) -> PyResult<Vec<ObjRef>> {
    let keys: Vec<ObjRef> = match key {
        Some(k) if !ops::is_none(k) => {
            let mut v = Vec::with_capacity(items.len());
            for it in &items {
                v.push(ops::call(k, vec![it.clone()], vec![])?);
            }
            v
        }
        _ => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let mut error = None;
    // Merge sort on indices (insertion-stable); comparisons may fail.
    let lt = |a: usize, b: usize, error: &mut Option<PyErr>| -> bool {
        if error.is_some() {
            return false;
        }
        match ops::compare(&keys[a], &keys[b], crate::bytecode::CmpOp::Lt)
            .and_then(|r| ops::truthy(&r))
        {
            Ok(v) => v,
            Err(e) => {
                *error = Some(e);
                false
            }
        }
    };
    merge_sort(&mut idx, &mut |a, b| {
        if reverse {
            lt(b, a, &mut error)
        } else {
            lt(a, b, &mut error)
        }
    });
    if let Some(e) = error {
        return Err(e);
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

fn merge_sort(v: &mut Vec<usize>, lt: &mut dyn FnMut(usize, usize) -> bool) {
    if v.len() <= 1 {
        return;
    }
    let mid = v.len() / 2;
    let mut right = v.split_off(mid);
    merge_sort(v, lt);
    merge_sort(&mut right, lt);
    let left = std::mem::take(v);
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        if lt(right[j], left[i]) {
            v.push(right[j]);
            j += 1;
        } else {
            v.push(left[i]);
            i += 1;
        }
    }
    v.extend_from_slice(&left[i..]);
    v.extend_from_slice(&right[j..]);
}

pub fn kwarg<'a>(kw: Kw<'a>, name: &str) -> Option<&'a ObjRef> {
    kw.iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

fn list_sort(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let l = list_of(&a[0]);
    let items = std::mem::take(&mut *l.0.borrow_mut());
    let reverse = match kwarg(kw, "reverse") {
        Some(r) => ops::truthy(r)?,
        None => false,
    };
    let sorted = sort_values(items.clone(), kwarg(kw, "key"), reverse);
    match sorted {
        Ok(s) => {
            drop(items);
            *l.0.borrow_mut() = s;
            Ok(rt::none())
        }
        Err(e) => {
            *l.0.borrow_mut() = items;
            Err(e)
        }
    }
}

// ---- str ----------------------------------------------------------------------------------------

fn s0(a: &[ObjRef]) -> &str {
    str_of(&a[0]).unwrap()
}

/// `o` as a str; otherwise the TypeError "`prefix`must be str, not `type`".
fn str_arg<'a>(o: &'a ObjRef, prefix: &str) -> PyResult<&'a str> {
    str_of(o).ok_or_else(|| type_error(format!("{}must be str, not {}", prefix, type_name(o))))
}

/// `o` as a str for an Argument Clinic parameter, whose TypeError calls None "None".
fn clinic_str_arg<'a>(o: &'a ObjRef, prefix: &str) -> PyResult<&'a str> {
    str_of(o).ok_or_else(|| {
        let t = if ops::is_none(o) {
            "None".to_string()
        } else {
            type_name(o)
        };
        type_error(format!("{}must be str, not {}", prefix, t))
    })
}

/// The items of `o` for `join`, whose TypeError for a non-iterable is "can only join an iterable".
fn join_items(o: &ObjRef) -> PyResult<Vec<ObjRef>> {
    let it = ops::get_iter(o).map_err(|e| {
        if ops::isinstance(&e.0, &rt().types.type_error) {
            type_error("can only join an iterable")
        } else {
            e
        }
    })?;
    ops::iterate(&it)
}

fn str_join(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let items = join_items(&a[1])?;
    let mut parts = Vec::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        match str_of(it) {
            Some(s) => parts.push(s.to_string()),
            None => {
                return Err(type_error(format!(
                    "sequence item {}: expected str instance, {} found",
                    i,
                    type_name(it)
                )))
            }
        }
    }
    Ok(rt::string(parts.join(s0(a))))
}

fn split_impl(a: &[ObjRef], kw: Kw, right: bool) -> PyResult<ObjRef> {
    let s = s0(a);
    let sep = a
        .get(1)
        .or_else(|| kwarg(kw, "sep"))
        .filter(|x| !ops::is_none(x));
    let maxsplit = match a.get(2).or_else(|| kwarg(kw, "maxsplit")) {
        Some(m) => ops::index_arg(m)?,
        None => -1,
    };
    let parts: Vec<String> = match sep {
        None => {
            let words: Vec<&str> = s.split_whitespace().collect();
            if maxsplit < 0 || words.len() <= maxsplit as usize + 0 {
                words.into_iter().map(str::to_string).collect()
            } else if !right {
                let mut out: Vec<String> = Vec::new();
                let mut rest = s.trim_start();
                for _ in 0..maxsplit {
                    match rest.find(char::is_whitespace) {
                        Some(p) => {
                            out.push(rest[..p].to_string());
                            rest = rest[p..].trim_start();
                        }
                        None => break,
                    }
                }
                if !rest.is_empty() {
                    out.push(rest.to_string());
                }
                out
            } else {
                let mut out: Vec<String> = Vec::new();
                let mut rest = s.trim_end();
                for _ in 0..maxsplit {
                    match rest.rfind(char::is_whitespace) {
                        Some(p) => {
                            out.insert(0, rest[p + 1..].to_string());
                            rest = rest[..p].trim_end();
                        }
                        None => break,
                    }
                }
                if !rest.is_empty() {
                    out.insert(0, rest.to_string());
                }
                out
            }
        }
        Some(sep) => {
            let sep = str_of(sep).ok_or_else(|| {
                type_error(format!("must be str or None, not {}", type_name(sep)))
            })?;
            if sep.is_empty() {
                return Err(value_error("empty separator"));
            }
            if maxsplit < 0 {
                s.split(sep).map(str::to_string).collect()
            } else if !right {
                s.splitn(maxsplit as usize + 1, sep)
                    .map(str::to_string)
                    .collect()
            } else {
                let mut v: Vec<String> = s
                    .rsplitn(maxsplit as usize + 1, sep)
                    .map(str::to_string)
                    .collect();
                v.reverse();
                v
            }
        }
    };
    Ok(rt::list(parts.into_iter().map(rt::string).collect()))
}

fn str_split(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    split_impl(a, kw, false)
}
fn str_rsplit(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    split_impl(a, kw, true)
}

fn strip_chars(a: &[ObjRef], name: &str) -> PyResult<Option<Vec<char>>> {
    match a.get(1) {
        Some(c) if !ops::is_none(c) => match str_of(c) {
            Some(c) => Ok(Some(c.chars().collect())),
            None => Err(type_error(format!("{} arg must be None or str", name))),
        },
        _ => Ok(None),
    }
}

fn str_strip(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let s = s0(a);
    Ok(rt::str_obj(match strip_chars(a, "strip")? {
        Some(c) => s.trim_matches(|x| c.contains(&x)),
        None => s.trim(),
    }))
}
fn str_lstrip(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let s = s0(a);
    Ok(rt::str_obj(match strip_chars(a, "lstrip")? {
        Some(c) => s.trim_start_matches(|x| c.contains(&x)),
        None => s.trim_start(),
    }))
}
fn str_rstrip(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let s = s0(a);
    Ok(rt::str_obj(match strip_chars(a, "rstrip")? {
        Some(c) => s.trim_end_matches(|x| c.contains(&x)),
        None => s.trim_end(),
    }))
}
fn str_upper(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::string(s0(a).to_uppercase()))
}
fn str_lower(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::string(s0(a).to_lowercase()))
}
fn str_swapcase(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::string(
        s0(a)
            .chars()
            .map(|c| {
                if c.is_uppercase() {
                    c.to_lowercase().collect::<String>()
                } else {
                    c.to_uppercase().collect()
                }
            })
            .collect(),
    ))
}
fn str_title(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let mut out = String::new();
    let mut prev_alpha = false;
    for c in s0(a).chars() {
        if prev_alpha {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_alpha = c.is_alphabetic();
    }
    Ok(rt::string(out))
}
fn str_capitalize(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let s = s0(a);
    let mut c = s.chars();
    Ok(rt::string(match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
        None => String::new(),
    }))
}
fn str_replace(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let old = clinic_str_arg(&a[1], "replace() argument 1 ")?;
    let new = clinic_str_arg(&a[2], "replace() argument 2 ")?;
    let s = s0(a);
    Ok(rt::string(match a.get(3) {
        Some(n) => {
            let n = ops::index_arg(n)?;
            if n < 0 {
                s.replace(old, new)
            } else {
                s.replacen(old, new, n as usize)
            }
        }
        None => s.replace(old, new),
    }))
}
/// The `[start:end]` window of the find family (`str.find(sub, start, end)`, `list.index(x, start,
/// end)`) from `a[at]` and `a[at + 1]`, after CPython's ADJUST_INDICES: negative bounds count from the
/// end and `end` is clamped to `len`, but `start` may lie beyond it (then nothing is found).
fn find_window(a: &[ObjRef], at: usize, len: usize, none_ok: bool) -> PyResult<(usize, usize)> {
    let bound = |i: usize, default: usize| -> PyResult<usize> {
        let Some(o) = a.get(i).filter(|o| !(none_ok && ops::is_none(o))) else {
            return Ok(default);
        };
        let v = ops::as_index(o)?.ok_or_else(|| {
            type_error(if none_ok {
                "slice indices must be integers or None or have an __index__ method"
            } else {
                "slice indices must be integers or have an __index__ method"
            })
        })?;
        let len = len as i64;
        let v =
            num_traits::ToPrimitive::to_i64(&v).unwrap_or(if v.sign() == num_bigint::Sign::Minus {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            });
        Ok(if v < 0 { (v + len).max(0) } else { v } as usize)
    };
    Ok((bound(at, 0)?, bound(at + 1, len)?.min(len)))
}
fn prefix_test(a: &[ObjRef], name: &str, at_end: bool) -> PyResult<ObjRef> {
    let chars: Vec<char> = s0(a).chars().collect();
    let (lo, hi) = find_window(a, 2, chars.len(), true)?;
    let cands = match ops::tuple_items(&a[1]) {
        Some(t) => t,
        None => vec![a[1].clone()],
    };
    let is_tuple = a[1].downcast::<TupleObj>().is_some();
    for c in cands {
        let p: Vec<char> = match str_of(&c) {
            Some(p) => p.chars().collect(),
            None if is_tuple => {
                return Err(type_error(format!(
                    "tuple for {} must only contain str, not {}",
                    name,
                    type_name(&c)
                )))
            }
            None => {
                return Err(type_error(format!(
                    "{} first arg must be str or a tuple of str, not {}",
                    name,
                    type_name(&c)
                )))
            }
        };
        if lo > chars.len() || hi < lo + p.len() {
            continue;
        }
        let at = if at_end { hi - p.len() } else { lo };
        if chars[at..at + p.len()] == p[..] {
            return Ok(rt::bool_obj(true));
        }
    }
    Ok(rt::bool_obj(false))
}
fn str_startswith(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    prefix_test(a, "startswith", false)
}
fn str_endswith(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    prefix_test(a, "endswith", true)
}
fn char_index(s: &str, byte: usize) -> i64 {
    s[..byte].chars().count() as i64
}
/// `sub` (`a[1]`) in `a[0][start:end]`: the char index of its first (or last) occurrence.
fn str_search(a: &[ObjRef], last: bool) -> PyResult<Option<i64>> {
    let s = s0(a);
    if a.len() == 2 {
        // No window: search the bytes directly.
        let sub = str_arg(&a[1], "")?;
        let hit = if last { s.rfind(sub) } else { s.find(sub) };
        return Ok(hit.map(|b| char_index(s, b)));
    }
    let chars: Vec<char> = s.chars().collect();
    let (lo, hi) = find_window(a, 2, chars.len(), true)?;
    let sub: Vec<char> = str_arg(&a[1], "")?.chars().collect();
    if hi < lo + sub.len() {
        return Ok(None);
    }
    let hit = |i: &usize| chars[*i..*i + sub.len()] == sub[..];
    let starts = lo..=hi - sub.len();
    Ok(if last {
        starts.rev().find(hit)
    } else {
        starts.into_iter().find(hit)
    }
    .map(|i| i as i64))
}
fn str_find(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::int(str_search(a, false)?.unwrap_or(-1)))
}
fn str_rfind(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::int(str_search(a, true)?.unwrap_or(-1)))
}
fn str_index(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    match str_search(a, false)? {
        Some(i) => Ok(rt::int(i)),
        None => Err(value_error("substring not found")),
    }
}
fn str_rindex(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    match str_search(a, true)? {
        Some(i) => Ok(rt::int(i)),
        None => Err(value_error("substring not found")),
    }
}
fn str_count(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let chars: Vec<char> = s0(a).chars().collect();
    let (lo, hi) = find_window(a, 2, chars.len(), true)?;
    let sub: Vec<char> = str_arg(&a[1], "")?.chars().collect();
    if hi < lo + sub.len() {
        return Ok(rt::int(0));
    }
    if sub.is_empty() {
        return Ok(rt::int((hi - lo + 1) as i64));
    }
    let (mut n, mut i) = (0, lo);
    while i + sub.len() <= hi {
        if chars[i..i + sub.len()] == sub[..] {
            n += 1;
            i += sub.len();
        } else {
            i += 1;
        }
    }
    Ok(rt::int(n))
}
fn str_pred(a: &[ObjRef], f: fn(char) -> bool) -> PyResult<ObjRef> {
    let s = s0(a);
    Ok(rt::bool_obj(!s.is_empty() && s.chars().all(f)))
}
fn str_isascii(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::bool_obj(s0(a).is_ascii()))
}
fn str_isdigit(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    str_pred(a, |c| c.is_ascii_digit())
}
fn str_isnumeric(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    str_pred(a, char::is_numeric)
}
fn str_casefold(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::string(s0(a).to_lowercase().replace('ß', "ss")))
}
fn str_isalpha(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    str_pred(a, char::is_alphabetic)
}
fn str_isalnum(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    str_pred(a, char::is_alphanumeric)
}
fn str_isspace(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    str_pred(a, char::is_whitespace)
}
fn str_isupper(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let s = s0(a);
    Ok(rt::bool_obj(
        s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase),
    ))
}
fn str_islower(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let s = s0(a);
    Ok(rt::bool_obj(
        s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase),
    ))
}
fn str_isprintable(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(rt::bool_obj(s0(a).chars().all(crate::format::is_printable)))
}
fn str_isidentifier(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let s = s0(a);
    let mut c = s.chars();
    Ok(rt::bool_obj(
        c.next().is_some_and(|f| f.is_alphabetic() || f == '_')
            && c.all(|x| x.is_alphanumeric() || x == '_'),
    ))
}
fn pad_arg(a: &[ObjRef]) -> PyResult<(usize, char)> {
    let w = ops::index_arg(&a[1])?.max(0) as usize;
    check_alloc(w, 4)?;
    let fill = match a.get(2) {
        Some(f) => {
            let f = str_of(f).ok_or_else(|| {
                type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    type_name(f)
                ))
            })?;
            let mut chars = f.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(type_error(
                        "The fill character must be exactly one character long",
                    ))
                }
            }
        }
        None => ' ',
    };
    Ok((w, fill))
}
fn str_center(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let (w, f) = pad_arg(a)?;
    let s = s0(a);
    let n = s.chars().count();
    if n >= w {
        return Ok(a[0].clone());
    }
    let total = w - n;
    let left = total / 2 + (total & w & 1);
    Ok(rt::string(format!(
        "{}{}{}",
        f.to_string().repeat(left),
        s,
        f.to_string().repeat(total - left)
    )))
}
fn str_ljust(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let (w, f) = pad_arg(a)?;
    let s = s0(a);
    let n = s.chars().count();
    Ok(rt::string(format!(
        "{}{}",
        s,
        f.to_string().repeat(w.saturating_sub(n))
    )))
}
fn str_rjust(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let (w, f) = pad_arg(a)?;
    let s = s0(a);
    let n = s.chars().count();
    Ok(rt::string(format!(
        "{}{}",
        f.to_string().repeat(w.saturating_sub(n)),
        s
    )))
}
fn str_zfill(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let w = ops::index_arg(&a[1])?.max(0) as usize;
    check_alloc(w, 4)?;
    let s = s0(a);
    let n = s.chars().count();
    if n >= w {
        return Ok(rt::str_obj(s));
    }
    let (sign, rest) = if s.starts_with(['-', '+']) {
        s.split_at(1)
    } else {
        ("", s)
    };
    Ok(rt::string(format!("{}{}{}", sign, "0".repeat(w - n), rest)))
}
/// The codecs refpy has.
#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The codec's name in error messages.
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
    /// The first code point the codec cannot represent (UTF-8 represents all).
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => u32::MAX,
            Codec::Ascii => 128,
            Codec::Latin1 => 256,
        }
    }
}

/// The `encoding` and `errors` arguments of `str.encode`/`bytes.decode` (`a[1]`, `a[2]` or keywords),
/// checked as Argument Clinic checks them; the codec is looked up by its normalised name.
fn codec_args(a: &[ObjRef], kw: Kw, method: &str) -> PyResult<(Codec, String)> {
    let text = |i: usize, name: &str, default: &str| -> PyResult<String> {
        match a.get(i).or_else(|| kwarg(kw, name)) {
            Some(o) => {
                clinic_str_arg(o, &format!("{}() argument '{}' ", method, name)).map(str::to_string)
            }
            None => Ok(default.to_string()),
        }
    };
    let (encoding, errors) = (text(1, "encoding", "utf-8")?, text(2, "errors", "strict")?);
    let normal = encoding.to_ascii_lowercase().replace(['_', ' '], "-");
    let codec = match normal.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "ascii" | "us-ascii" | "646" => Codec::Ascii,
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" => {
            Codec::Latin1
        }
        _ => {
            return Err(err(
                &rt().types.lookup_error,
                format!("unknown encoding: {}", encoding),
            ))
        }
    };
    Ok((codec, errors))
}

/// A character as a codec error shows it: `\xe9`, `\u20ac` or `\U0001f600`.
fn escaped_char(c: char) -> String {
    match c as u32 {
        n @ 0..=0xff => format!("\\x{:02x}", n),
        n @ 0x100..=0xffff => format!("\\u{:04x}", n),
        n => format!("\\U{:08x}", n),
    }
}

fn unknown_handler(errors: &str) -> PyErr {
    err(
        &rt().types.lookup_error,
        format!("unknown error handler name '{}'", errors),
    )
}

/// `str.encode(encoding='utf-8', errors='strict')`; also `bytes(str, encoding, errors)`.
pub fn str_encode(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let (codec, errors) = codec_args(a, kw, "encode")?;
    let s = s0(a);
    if codec == Codec::Utf8 {
        return Ok(rt::bytes(s.as_bytes().to_vec()));
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if (chars[i] as u32) < codec.limit() {
            out.push(chars[i] as u8);
            i += 1;
            continue;
        }
        let end = i + chars[i..]
            .iter()
            .take_while(|c| **c as u32 >= codec.limit())
            .count();
        match errors.as_str() {
            "strict" => {
                let what = if end - i == 1 {
                    format!("character '{}' in position {}", escaped_char(chars[i]), i)
                } else {
                    format!("characters in position {}-{}", i, end - 1)
                };
                return Err(err(
                    &rt().types.unicode_encode_error,
                    format!(
                        "'{}' codec can't encode {}: ordinal not in range({})",
                        codec.name(),
                        what,
                        codec.limit()
                    ),
                ));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat(b'?').take(end - i)),
            _ => return Err(unknown_handler(&errors)),
        }
        i = end;
    }
    Ok(rt::bytes(out))
}

/// `str.splitlines(keepends=False)`, at every line boundary CPython knows.
fn str_splitlines(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let keepends = match a.get(1).or_else(|| kwarg(kw, "keepends")) {
        Some(k) => ops::index_arg(k)? != 0,
        None => false,
    };
    let s = s0(a);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if !is_break {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && chars.peek().is_some_and(|(_, n)| *n == '\n') {
            chars.next();
            end += 1;
        }
        lines.push(rt::str_obj(&s[start..if keepends { end } else { i }]));
        start = end;
    }
    if start < s.len() {
        lines.push(rt::str_obj(&s[start..]));
    }
    Ok(rt::list(lines))
}
fn str_partition(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let s = s0(a);
    let sep = str_arg(&a[1], "")?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    Ok(match s.find(sep) {
        Some(p) => rt::tuple(vec![
            rt::str_obj(&s[..p]),
            rt::str_obj(sep),
            rt::str_obj(&s[p + sep.len()..]),
        ]),
        None => rt::tuple(vec![rt::str_obj(s), rt::str_obj(""), rt::str_obj("")]),
    })
}
fn str_rpartition(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let s = s0(a);
    let sep = str_arg(&a[1], "")?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    Ok(match s.rfind(sep) {
        Some(p) => rt::tuple(vec![
            rt::str_obj(&s[..p]),
            rt::str_obj(sep),
            rt::str_obj(&s[p + sep.len()..]),
        ]),
        None => rt::tuple(vec![rt::str_obj(""), rt::str_obj(""), rt::str_obj(s)]),
    })
}
fn str_expandtabs(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let size = match a.get(1).or_else(|| kwarg(kw, "tabsize")) {
        Some(t) => ops::index_arg(t)?.max(0) as usize,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0;
    for c in s0(a).chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.push_str(&" ".repeat(n));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(rt::string(out))
}
/// `str.maketrans(x, y=None, z=None)`, static; reached as a class method, so `a[0]` is the class.
fn str_maketrans(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let args: Vec<&ObjRef> = a[1..].iter().collect();
    let d = rt::dict();
    match args.len() {
        1 => {
            if args[0].downcast::<DictObj>().is_none() {
                return Err(type_error(
                    "if you give only one argument to maketrans it must be a dict",
                ));
            }
            for (k, v) in ops::dict_items(args[0]) {
                let k = match str_of(&k) {
                    Some(s) if s.chars().count() == 1 => {
                        rt::int(s.chars().next().map_or(0, |c| c as i64))
                    }
                    Some(_) => {
                        return Err(value_error(
                            "string keys in translate table must be of length 1",
                        ))
                    }
                    None if ops::as_bigint(&k).is_some() => k,
                    None => {
                        return Err(type_error(
                            "keys in translate table must be strings or integers",
                        ))
                    }
                };
                ops::dict_set(&d, k, v)?;
            }
        }
        _ => {
            // Argument Clinic converts y and z before the body looks at x.
            let y = clinic_str_arg(args[1], "maketrans() argument 2 ")?;
            if let Some(z) = args.get(2) {
                clinic_str_arg(z, "maketrans() argument 3 ")?;
            }
            let x = str_of(args[0]).ok_or_else(|| {
                type_error(
                    "first maketrans argument must be a string if there is a second argument",
                )
            })?;
            if x.chars().count() != y.chars().count() {
                return Err(value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (c1, c2) in x.chars().zip(y.chars()) {
                ops::dict_set(&d, rt::int(c1 as i64), rt::int(c2 as i64))?;
            }
            if let Some(z) = args.get(2) {
                for c in clinic_str_arg(z, "maketrans() argument 3 ")?.chars() {
                    ops::dict_set(&d, rt::int(c as i64), rt::none())?;
                }
            }
        }
    }
    Ok(d)
}
fn str_translate(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let mut out = String::new();
    for c in s0(a).chars() {
        match ops::getitem(&a[1], &rt::int(c as i64)) {
            Ok(v) if ops::is_none(&v) => {}
            Ok(v) => match (str_of(&v), ops::as_i64(&v)) {
                (Some(s), _) => out.push_str(s),
                (None, Some(i)) => out.push(char::from_u32(i as u32).unwrap_or('?')),
                _ => {
                    return Err(type_error(
                        "character mapping must return integer, None or str",
                    ))
                }
            },
            Err(e) if ops::isinstance(&e.0, &rt().types.lookup_error) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(rt::string(out))
}
fn str_format_map(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let out = format_fields(s0(a), None, &|name| ops::getitem(&a[1], &rt::str_obj(name)))?;
    Ok(rt::string(out))
}
fn str_istitle(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let mut prev_cased = false;
    let mut any = false;
    for c in s0(a).chars() {
        if c.is_uppercase() {
            if prev_cased {
                return Ok(rt::bool_obj(false));
            }
            prev_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(rt::bool_obj(false));
            }
            prev_cased = true;
            any = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(rt::bool_obj(any))
}
fn str_removeprefix(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let s = s0(a);
    let p = clinic_str_arg(&a[1], "removeprefix() argument ")?;
    Ok(rt::str_obj(s.strip_prefix(p).unwrap_or(s)))
}
fn str_removesuffix(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let s = s0(a);
    let p = clinic_str_arg(&a[1], "removesuffix() argument ")?;
    Ok(rt::str_obj(s.strip_suffix(p).unwrap_or(s)))
}

/// `str.format` with `{}`, `{0}`, `{name}`, attribute/index fields, conversions and specs.
fn str_format(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let out = format_fields(s0(a), Some(&a[1..]), &|name| {
        kwarg(kw, name)
            .cloned()
            .ok_or_else(|| key_error(rt::str_obj(name)))
    })?;
    Ok(rt::string(out))
}

/// Formats `s`, taking positional fields from `args` (`None` for `format_map`, which has none) and
/// named fields from `named`.
fn format_fields(
    s: &str,
    args: Option<&[ObjRef]>,
    named: &dyn Fn(&str) -> PyResult<ObjRef>,
) -> PyResult<String> {
    let mut out = String::new();
    let mut auto = 0usize;
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            let mut j = i + 1;
            let mut depth = 1;
            while j < chars.len() {
                if chars[j] == '{' {
                    depth += 1;
                } else if chars[j] == '}' {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(value_error("Single '{' encountered in format string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            let (field, spec) = match field.find(':') {
                Some(p) => (field[..p].to_string(), field[p + 1..].to_string()),
                None => (field, String::new()),
            };
            let (field, conv) = match field.find('!') {
                Some(p) => (field[..p].to_string(), field[p + 1..].chars().next()),
                None => (field, None),
            };
            let name_end = field.find(['.', '[']).unwrap_or(field.len());
            let (name, rest) = field.split_at(name_end);
            let positional =
                || args.ok_or_else(|| value_error("Format string contains positional fields"));
            let mut v = if name.is_empty() {
                let v = positional()?.get(auto).cloned().ok_or_else(|| {
                    index_error(format!(
                        "Replacement index {} out of range for positional args tuple",
                        auto
                    ))
                })?;
                auto += 1;
                v
            } else if let Ok(n) = name.parse::<usize>() {
                positional()?.get(n).cloned().ok_or_else(|| {
                    index_error(format!(
                        "Replacement index {} out of range for positional args tuple",
                        n
                    ))
                })?
            } else {
                named(name)?
            };
            let mut r = rest;
            while !r.is_empty() {
                if let Some(x) = r.strip_prefix('.') {
                    let end = x.find(['.', '[']).unwrap_or(x.len());
                    v = ops::getattr(&v, &x[..end])?;
                    r = &x[end..];
                } else if let Some(x) = r.strip_prefix('[') {
                    let end = x.find(']').unwrap_or(x.len());
                    let key = &x[..end];
                    let k = match key.parse::<i64>() {
                        Ok(n) => rt::int(n),
                        Err(_) => rt::str_obj(key),
                    };
                    v = ops::getitem(&v, &k)?;
                    r = &x[(end + 1).min(x.len())..];
                } else {
                    break;
                }
            }
            let v = match conv {
                Some('r') => rt::string(ops::repr(&v)?),
                Some('s') => rt::string(ops::str_(&v)?),
                Some('a') => rt::string(crate::builtins::ascii_of(&ops::repr(&v)?)),
                _ => v,
            };
            let spec = if spec.contains('{') {
                format_fields(&spec, args, named)?
            } else {
                spec
            };
            out.push_str(&crate::format::format_value(&v, &spec)?);
            i = j + 1;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

// ---- dict ---------------------------------------------------------------------------------------

fn dtable(o: &ObjRef) -> &std::cell::RefCell<Table> {
    ops::dict_table(o)
}

fn dict_get(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(dict::get(dtable(&a[0]), &a[1])?
        .unwrap_or_else(|| a.get(2).cloned().unwrap_or_else(rt::none)))
}
fn view(a: &[ObjRef], kind: u8) -> ObjRef {
    crate::object::alloc(
        &DICTVIEW_VT,
        DictViewObj {
            dict: a[0].clone(),
            kind,
        },
    )
}
fn dict_keys(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(view(a, 0))
}
fn dict_values(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(view(a, 1))
}
fn dict_items(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(view(a, 2))
}
fn dict_pop(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    match dict::remove(dtable(&a[0]), &a[1])? {
        Some(e) => Ok(e.value.unwrap_or_else(rt::none)),
        None => match a.get(2) {
            Some(d) => Ok(d.clone()),
            None => Err(key_error(a[1].clone())),
        },
    }
}
fn dict_popitem(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    match dict::pop_last(dtable(&a[0])) {
        Some(e) => Ok(rt::tuple(vec![e.key, e.value.unwrap_or_else(rt::none)])),
        None => Err(err(&rt().types.key_error, "popitem(): dictionary is empty")),
    }
}
fn dict_setdefault(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    if let Some(v) = dict::get(dtable(&a[0]), &a[1])? {
        return Ok(v);
    }
    let d = a.get(2).cloned().unwrap_or_else(rt::none);
    ops::dict_set(&a[0], a[1].clone(), d.clone())?;
    Ok(d)
}
pub fn dict_update_from(d: &ObjRef, src: &ObjRef) -> PyResult<()> {
    // CPython's dict_merge copies a dict directly, also a subclass's unless it overrides __iter__.
    let direct = match crate::attrs::base_ref(src) {
        Some(b) => {
            b.downcast::<DictObj>().is_some()
                && ops::lookup_type(&ops::type_of(src), "__iter__").is_none()
        }
        None => src.downcast::<DictObj>().is_some(),
    };
    if direct {
        let other = crate::attrs::unwrap_base(src);
        if !other.is(crate::attrs::unwrap_base(d)) {
            crate::sizes::dict_merging(&mut dtable(d).borrow_mut(), &dtable(other).borrow());
        }
        for (k, v) in ops::dict_items(other) {
            ops::dict_set(d, k, v)?;
        }
        return Ok(());
    }
    if let Some(keys) = ops::getattr_opt(src, "keys")? {
        for k in ops::iterate(&ops::call(&keys, vec![], vec![])?)? {
            let v = ops::getitem(src, &k)?;
            ops::dict_set(d, k, v)?;
        }
        return Ok(());
    }
    for (i, item) in ops::iterate(src)?.into_iter().enumerate() {
        let kv = ops::iterate(&item).map_err(|_| {
            type_error(format!(
                "cannot convert dictionary update sequence element #{} to a sequence",
                i
            ))
        })?;
        if kv.len() != 2 {
            return Err(value_error(format!(
                "dictionary update sequence element #{} has length {}; 2 is required",
                i,
                kv.len()
            )));
        }
        let mut it = kv.into_iter();
        ops::dict_set(d, it.next().unwrap(), it.next().unwrap())?;
    }
    Ok(())
}
fn dict_update(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    if let Some(src) = a.get(1) {
        dict_update_from(&a[0], src)?;
    }
    for (k, v) in kw {
        ops::dict_set(&a[0], rt::str_obj(k), v.clone())?;
    }
    Ok(rt::none())
}
fn dict_clear(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let old = dtable(&a[0]).borrow_mut().take_all();
    drop(old);
    Ok(rt::none())
}
fn dict_copy(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let d = rt::dict();
    crate::sizes::dict_copying(&mut dtable(&d).borrow_mut(), &dtable(&a[0]).borrow());
    for (k, v) in ops::dict_items(&a[0]) {
        ops::dict_set(&d, k, v)?;
    }
    Ok(d)
}
/// `dict.fromkeys(iterable, value=None)`, a class method: `a[0]` is the class.
fn dict_fromkeys(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let cls = &a[0];
    if cls
        .downcast::<TypeObj>()
        .is_some_and(|t| t.builtin.is_none())
    {
        // A subclass: `cls()` filled through its own __setitem__, as CPython's dict_fromkeys does.
        let d = ops::call(cls, vec![], vec![])?;
        let v = a.get(2).cloned().unwrap_or_else(rt::none);
        for k in ops::iterate(&a[1])? {
            ops::setitem(&d, &k, v.clone())?;
        }
        return Ok(d);
    }
    let d = rt::dict();
    crate::sizes::dict_fromkeys_presize(&mut dtable(&d).borrow_mut(), &a[1]);
    let v = a.get(2).cloned().unwrap_or_else(rt::none);
    for k in ops::iterate(&a[1])? {
        ops::dict_set(&d, k, v.clone())?;
    }
    Ok(d)
}

// ---- set ----------------------------------------------------------------------------------------

fn stable(o: &ObjRef) -> &std::cell::RefCell<Table> {
    &o.downcast::<SetObj>().unwrap().table
}
fn set_add(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    if ops::contains(&a[0], &a[1])? {
        return Ok(rt::none());
    }
    dict::insert(stable(&a[0]), a[1].clone(), None)?;
    Ok(rt::none())
}
fn set_discard(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let e = dict::remove(stable(&a[0]), &a[1])?;
    drop(e);
    Ok(rt::none())
}
fn set_remove(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    match dict::remove(stable(&a[0]), &a[1])? {
        Some(e) => {
            drop(e);
            Ok(rt::none())
        }
        None => Err(key_error(a[1].clone())),
    }
}
fn set_pop(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let first = ops::set_items(&a[0]).into_iter().next();
    match first {
        Some(k) => {
            let e = dict::remove(stable(&a[0]), &k)?;
            drop(e);
            Ok(k)
        }
        None => Err(err(&rt().types.key_error, "pop from an empty set")),
    }
}
fn set_clear(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let old = stable(&a[0]).borrow_mut().take_all();
    drop(old);
    Ok(rt::none())
}
fn set_copy(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let frozen = a[0].downcast::<SetObj>().unwrap().frozen;
    let s = rt::set(frozen);
    crate::sizes::set_merging(&mut stable(&s).borrow_mut(), stable(&a[0]).borrow().len);
    for e in dict::snapshot(stable(&a[0])) {
        dict::insert(stable(&s), e.key, None)?;
    }
    Ok(s)
}
fn as_set(o: &ObjRef) -> PyResult<ObjRef> {
    if o.downcast::<SetObj>().is_some() {
        return Ok(o.clone());
    }
    let s = rt::set(false);
    for k in ops::iterate(o)? {
        dict::insert(stable(&s), k, None)?;
    }
    Ok(s)
}
fn set_binop(a: &[ObjRef], op: crate::bytecode::BinOp) -> PyResult<ObjRef> {
    let mut acc = set_copy(&a[..1], &[])?;
    for other in &a[1..] {
        acc = ops::binary(&acc, &as_set(other)?, op)?;
    }
    Ok(acc)
}
fn set_union(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    set_binop(a, crate::bytecode::BinOp::Or)
}
fn set_intersection(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    set_binop(a, crate::bytecode::BinOp::And)
}
fn set_difference(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    set_binop(a, crate::bytecode::BinOp::Sub)
}
fn set_symdiff(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    set_binop(a, crate::bytecode::BinOp::Xor)
}
fn set_update(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    for other in &a[1..] {
        crate::sizes::set_merging_from(stable(&a[0]), other);
        for k in ops::iterate(other)? {
            if !dict::contains(stable(&a[0]), &k)? {
                dict::insert(stable(&a[0]), k, None)?;
            }
        }
    }
    Ok(rt::none())
}
fn set_replace(target: &ObjRef, new: ObjRef) {
    let t = std::mem::take(&mut *stable(&new).borrow_mut());
    let old = std::mem::replace(&mut *stable(target).borrow_mut(), t);
    drop(old);
}
/// Discards in place, then sweeps the dummies away when over a quarter of the table (as CPython does).
fn set_symdiff_update(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let other = as_set(&a[1])?;
    ops::inplace(&a[0], &other, crate::bytecode::BinOp::Xor)?;
    Ok(rt::none())
}

fn set_difference_update(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    for other in &a[1..] {
        if other.is(&a[0]) {
            let old = stable(&a[0]).borrow_mut().take_all();
            drop(old);
            continue;
        }
        for k in ops::iterate(other)? {
            drop(dict::remove(stable(&a[0]), &k)?);
        }
        crate::sizes::set_dummies_swept(&mut stable(&a[0]).borrow_mut());
    }
    Ok(rt::none())
}
fn set_intersection_update(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let r = set_intersection(a, kw)?;
    set_replace(&a[0], r);
    Ok(rt::none())
}
fn set_issubset(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    ops::compare(&a[0], &as_set(&a[1])?, crate::bytecode::CmpOp::Le)
}
fn set_issuperset(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    ops::compare(&a[0], &as_set(&a[1])?, crate::bytecode::CmpOp::Ge)
}
fn set_isdisjoint(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    for k in ops::iterate(&a[1])? {
        if dict::contains(stable(&a[0]), &k)? {
            return Ok(rt::bool_obj(false));
        }
    }
    Ok(rt::bool_obj(true))
}

// ---- numbers, bytes, generators -----------------------------------------------------------------

fn int_bit_length(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let i = ops::as_bigint(&a[0]).unwrap();
    Ok(rt::int(i.bits() as i64))
}
fn int_add(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    if !is_int(&a[1]) {
        return Ok(rt().not_implemented.clone());
    }
    ops::binary(&a[0], &a[1], crate::bytecode::BinOp::Add)
}
/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let i = ops::as_bigint(&a[0]).unwrap();
    let len = match a.get(1).or_else(|| kwarg(kw, "length")) {
        Some(l) => ops::index_arg(l)?,
        None => 1,
    };
    let big = match a.get(2).or_else(|| kwarg(kw, "byteorder")) {
        Some(b) => match clinic_str_arg(b, "to_bytes() argument 'byteorder' ")? {
            "big" => true,
            "little" => false,
            _ => return Err(value_error("byteorder must be either 'little' or 'big'")),
        },
        None => true,
    };
    let signed = match kwarg(kw, "signed") {
        Some(s) => ops::truthy(s)?,
        None => false,
    };
    if len < 0 {
        return Err(value_error("length argument must be non-negative"));
    }
    if !signed && i.sign() == num_bigint::Sign::Minus {
        return Err(overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed {
        i.to_signed_bytes_le()
    } else {
        i.to_bytes_le().1
    };
    if i.sign() == num_bigint::Sign::NoSign {
        bytes.clear();
    }
    let len = len as usize;
    if bytes.len() > len {
        return Err(overflow_error("int too big to convert"));
    }
    let fill = if i.sign() == num_bigint::Sign::Minus {
        0xff
    } else {
        0
    };
    bytes.resize(len, fill);
    if big {
        bytes.reverse();
    }
    Ok(rt::bytes(bytes))
}
fn complex_conjugate(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let c = a[0].downcast::<ComplexObj>().unwrap();
    Ok(rt::complex(c.0, -c.1))
}

fn float_is_integer(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let f = a[0].downcast::<FloatObj>().unwrap().0;
    Ok(rt::bool_obj(f.fract() == 0.0 && f.is_finite()))
}
/// `float.hex()`: `[-]0x1.<hex digits>p<exp>`, trailing zeros stripped (CPython's format).
fn float_hex(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let f = a[0].downcast::<FloatObj>().unwrap().0;
    if f.is_nan() {
        return Ok(rt::str_obj("nan"));
    }
    if f.is_infinite() {
        return Ok(rt::str_obj(if f > 0.0 { "inf" } else { "-inf" }));
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return Ok(rt::string(format!("{}0x0.0p+0", sign)));
    }
    let bits = f.abs().to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if exp_bits == 0 {
        (0, -1022)
    } else {
        (1, exp_bits - 1023)
    };
    let mut digits = format!("{:013x}", mant);
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    Ok(rt::string(format!(
        "{}0x{}.{}p{}{}",
        sign,
        lead,
        digits,
        if exp < 0 { "-" } else { "+" },
        exp.abs()
    )))
}

/// `float.fromhex(string)`, a class method: `a[0]` is the class.
fn float_fromhex(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let s = str_of(&a[1]).ok_or_else(|| type_error("bad argument type for built-in operation"))?;
    let t = s.trim().to_ascii_lowercase();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r.to_string()),
        None => (false, t.trim_start_matches('+').to_string()),
    };
    let bad = || value_error("invalid hexadecimal floating-point string");
    let t = t.strip_prefix("0x").unwrap_or(&t).to_string();
    let (mant, exp) = match t.split_once('p') {
        Some((m, e)) => (m.to_string(), e.parse::<i32>().map_err(|_| bad())?),
        None => (t.clone(), 0),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((&mant, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(bad());
    }
    let mut v = 0f64;
    for c in int_part.chars() {
        v = v * 16.0 + c.to_digit(16).ok_or_else(bad)? as f64;
    }
    let mut scale = 1.0 / 16.0;
    for c in frac_part.chars() {
        v += c.to_digit(16).ok_or_else(bad)? as f64 * scale;
        scale /= 16.0;
    }
    let v = v * 2f64.powi(exp);
    Ok(rt::float(if neg { -v } else { v }))
}

fn float_as_integer_ratio(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let f = a[0].downcast::<FloatObj>().unwrap().0;
    if f.is_infinite() {
        return Err(overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    let mut num = f;
    let mut e = 0;
    while num.fract() != 0.0 && e < 1100 {
        num *= 2.0;
        e += 1;
    }
    let den = BigInt::from(1) << e;
    let n = <BigInt as num_traits::FromPrimitive>::from_f64(num).unwrap_or_default();
    let g = num_integer::Integer::gcd(&n, &den);
    Ok(rt::tuple(vec![rt::bigint(&n / &g), rt::bigint(&den / &g)]))
}
fn bself(a: &[ObjRef]) -> Vec<u8> {
    ops::bytes_of(&a[0]).unwrap_or_default()
}
/// A result of the same kind (bytes or bytearray) as `a[0]`.
fn bsame(a: &[ObjRef], v: Vec<u8>) -> ObjRef {
    if a[0].downcast::<ByteArrayObj>().is_some() {
        rt::bytearray(v)
    } else {
        rt::bytes(v)
    }
}
fn barg(o: &ObjRef) -> PyResult<Vec<u8>> {
    ops::bytes_of(o).ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(o)
        ))
    })
}
fn bytes_decode(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let (codec, errors) = codec_args(a, kw, "decode")?;
    let b = bself(a);
    if codec != Codec::Utf8 {
        let mut out = String::with_capacity(b.len());
        for (i, &x) in b.iter().enumerate() {
            if (x as u32) < codec.limit() {
                out.push(x as char);
                continue;
            }
            match errors.as_str() {
                "strict" => {
                    return Err(err(
                        &rt().types.unicode_decode_error,
                        format!(
                            "'{}' codec can't decode byte 0x{:02x} in position {}: ordinal not in range({})",
                            codec.name(),
                            x,
                            i,
                            codec.limit()
                        ),
                    ))
                }
                "ignore" => {}
                "replace" => out.push('\u{fffd}'),
                _ => return Err(unknown_handler(&errors)),
            }
        }
        return Ok(rt::string(out));
    }
    if errors == "replace" || errors == "ignore" {
        let s = String::from_utf8_lossy(&b);
        return Ok(rt::string(if errors == "ignore" {
            s.replace('\u{fffd}', "")
        } else {
            s.into_owned()
        }));
    }
    match String::from_utf8(b) {
        Ok(s) => Ok(rt::string(s)),
        Err(e) => Err(err(
            &rt().types.unicode_decode_error,
            format!(
                "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                e.as_bytes()[e.utf8_error().valid_up_to()],
                e.utf8_error().valid_up_to()
            ),
        )),
    }
}
/// `bytes.hex(sep=…, bytes_per_sep=1)`: hex digits, with `sep` between groups of `bytes_per_sep` bytes
/// counted from the right (from the left when negative).
fn bytes_hex(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let b = bself(a);
    let digits = |bytes: &[u8]| -> String { bytes.iter().map(|x| format!("{:02x}", x)).collect() };
    let Some(sep) = a.get(1).or_else(|| kwarg(kw, "sep")) else {
        return Ok(rt::string(digits(&b)));
    };
    let sep = match (str_of(sep), ops::bytes_of(sep)) {
        (Some(s), _) => s.to_string(),
        (None, Some(s)) => String::from_utf8_lossy(&s).into_owned(),
        _ => {
            ops::len(sep)?;
            return Err(type_error("sep must be str or bytes."));
        }
    };
    if sep.chars().count() != 1 {
        return Err(value_error("sep must be length 1."));
    }
    if !sep.is_ascii() {
        return Err(value_error("sep must be ASCII."));
    }
    let group = match a.get(2).or_else(|| kwarg(kw, "bytes_per_sep")) {
        Some(g) => ops::index_arg(g)?,
        None => 1,
    };
    if group == 0 || b.is_empty() {
        return Ok(rt::string(digits(&b)));
    }
    let size = group.unsigned_abs() as usize;
    let groups: Vec<String> = if group > 0 {
        let head = b.len() % size;
        let mut parts: Vec<String> = Vec::new();
        if head > 0 {
            parts.push(digits(&b[..head]));
        }
        parts.extend(b[head..].chunks(size).map(digits));
        parts
    } else {
        b.chunks(size).map(digits).collect()
    };
    Ok(rt::string(groups.join(&sep)))
}
/// `bytes.fromhex(string)` and `bytearray.fromhex(string)`, class methods: `a[0]` is the class.
fn bytes_fromhex(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let s = clinic_str_arg(&a[1], "fromhex() argument ")?;
    let chars: Vec<char> = s.chars().collect();
    let bad = |i: usize| {
        value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {}",
            i
        ))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let high = chars[i].to_digit(16).ok_or_else(|| bad(i))?;
        let low = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16))
            .ok_or_else(|| bad(i + 1))?;
        out.push((high * 16 + low) as u8);
        i += 2;
    }
    Ok(if a[0].is(&rt().types.bytearray) {
        rt::bytearray(out)
    } else {
        rt::bytes(out)
    })
}
fn bytes_upper(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(bsame(a, bself(a).to_ascii_uppercase()))
}
fn bytes_lower(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    Ok(bsame(a, bself(a).to_ascii_lowercase()))
}
/// `bytes.split(sep=None, maxsplit=-1)`.
fn bytes_split(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let b = bself(a);
    let sep = a
        .get(1)
        .or_else(|| kwarg(kw, "sep"))
        .filter(|x| !ops::is_none(x));
    let maxsplit = match a.get(2).or_else(|| kwarg(kw, "maxsplit")) {
        Some(m) => ops::index_arg(m)?,
        None => -1,
    };
    let mut left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            let sep = barg(sep)?;
            if sep.is_empty() {
                return Err(value_error("empty separator"));
            }
            let (mut start, mut i) = (0, 0);
            while left > 0 && i + sep.len() <= b.len() {
                if b[i..i + sep.len()] == sep[..] {
                    out.push(b[start..i].to_vec());
                    i += sep.len();
                    start = i;
                    left -= 1;
                } else {
                    i += 1;
                }
            }
            out.push(b[start..].to_vec());
        }
        None => {
            let mut i = 0;
            loop {
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i == b.len() {
                    break;
                }
                if left == 0 {
                    let end = b
                        .iter()
                        .rposition(|c| !c.is_ascii_whitespace())
                        .map_or(i, |e| e + 1);
                    out.push(b[i..end].to_vec());
                    break;
                }
                let start = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                out.push(b[start..i].to_vec());
                left -= 1;
            }
        }
    }
    Ok(rt::list(out.into_iter().map(|p| bsame(a, p)).collect()))
}
fn bytes_strip(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let b = bself(a);
    let chars = match a.get(1).filter(|c| !ops::is_none(c)) {
        Some(c) => barg(c)?,
        None => b" \t\n\r\x0b\x0c".to_vec(),
    };
    let start = b.iter().position(|c| !chars.contains(c)).unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !chars.contains(c))
        .map_or(start, |e| e + 1);
    Ok(bsame(a, b[start..end.max(start)].to_vec()))
}
fn bytes_replace(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let (b, old, new) = (bself(a), barg(&a[1])?, barg(&a[2])?);
    if old.is_empty() {
        return Ok(bsame(a, b));
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(&old) {
            out.extend_from_slice(&new);
            i += old.len();
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Ok(bsame(a, out))
}
/// The needle of the bytes find family: a bytes-like object or an int that is one byte.
fn byte_needle(o: &ObjRef) -> PyResult<Vec<u8>> {
    if let Some(b) = ops::bytes_of(o) {
        return Ok(b);
    }
    match ops::as_index(o)? {
        Some(i) => match num_traits::ToPrimitive::to_u8(&i) {
            Some(x) => Ok(vec![x]),
            None => Err(value_error("byte must be in range(0, 256)")),
        },
        None => Err(type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            type_name(o)
        ))),
    }
}
/// `a[1]` in `a[0][start:end]`: the position of its first occurrence.
fn bytes_find(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let b = bself(a);
    let (lo, hi) = find_window(a, 2, b.len(), true)?;
    let n = byte_needle(&a[1])?;
    if hi < lo + n.len() {
        return Ok(rt::int(-1));
    }
    let pos = (lo..=hi - n.len()).find(|&i| b[i..i + n.len()] == n[..]);
    Ok(rt::int(pos.map_or(-1, |p| p as i64)))
}
fn bytes_count(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let b = bself(a);
    let (lo, hi) = find_window(a, 2, b.len(), true)?;
    let n = byte_needle(&a[1])?;
    if hi < lo + n.len() {
        return Ok(rt::int(0));
    }
    if n.is_empty() {
        return Ok(rt::int((hi - lo + 1) as i64));
    }
    let (mut c, mut i) = (0, lo);
    while i + n.len() <= hi {
        if b[i..i + n.len()] == n[..] {
            c += 1;
            i += n.len();
        } else {
            i += 1;
        }
    }
    Ok(rt::int(c))
}
/// `bytes.startswith`/`endswith(prefix or tuple of prefixes, start, end)`.
fn bytes_prefix_test(a: &[ObjRef], name: &str, at_end: bool) -> PyResult<ObjRef> {
    let b = bself(a);
    let (lo, hi) = find_window(a, 2, b.len(), true)?;
    let cands = match ops::tuple_items(&a[1]) {
        Some(t) => t.iter().map(barg).collect::<PyResult<Vec<_>>>()?,
        None => vec![ops::bytes_of(&a[1]).ok_or_else(|| {
            type_error(format!(
                "{} first arg must be bytes or a tuple of bytes, not {}",
                name,
                type_name(&a[1])
            ))
        })?],
    };
    for p in cands {
        if lo > b.len() || hi < lo + p.len() {
            continue;
        }
        let at = if at_end { hi - p.len() } else { lo };
        if b[at..at + p.len()] == p[..] {
            return Ok(rt::bool_obj(true));
        }
    }
    Ok(rt::bool_obj(false))
}
fn bytes_startswith(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    bytes_prefix_test(a, "startswith", false)
}
fn bytes_endswith(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    bytes_prefix_test(a, "endswith", true)
}
fn bytes_join(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let sep = bself(a);
    let mut out = Vec::new();
    for (i, x) in join_items(&a[1])?.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend(ops::bytes_of(x).ok_or_else(|| {
            type_error(format!(
                "sequence item {}: expected a bytes-like object, {} found",
                i,
                type_name(x)
            ))
        })?);
    }
    Ok(bsame(a, out))
}
fn bytearray_of(a: &[ObjRef]) -> PyResult<&ByteArrayObj> {
    a[0].downcast::<ByteArrayObj>()
        .ok_or_else(|| attribute_error("'bytes' object has no attribute"))
}
fn bytearray_append(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let x = ops::index_arg(&a[1])?;
    if !(0..256).contains(&x) {
        return Err(value_error("byte must be in range(0, 256)"));
    }
    let b = bytearray_of(a)?;
    let n = b.0.borrow().len();
    b.0.borrow_mut().push(x as u8);
    b.resized(n, n + 1);
    Ok(rt::none())
}
fn bytearray_extend(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let v = match ops::bytes_of(&a[1]) {
        Some(v) => v,
        None => {
            let it = ops::get_iter(&a[1]).map_err(|e| {
                if ops::isinstance(&e.0, &rt().types.type_error) {
                    type_error(format!("can't extend bytearray with {}", type_name(&a[1])))
                } else {
                    e
                }
            })?;
            ops::iterate(&it)?
                .iter()
                .map(|x| match ops::index_arg(x)? {
                    i @ 0..=255 => Ok(i as u8),
                    _ => Err(value_error("byte must be in range(0, 256)")),
                })
                .collect::<PyResult<_>>()?
        }
    };
    let b = bytearray_of(a)?;
    let (n, k) = (b.0.borrow().len(), v.len());
    b.0.borrow_mut().extend(v);
    // Appended as one slice assignment at the end.
    b.resized(n, n + k);
    Ok(rt::none())
}
fn bytearray_pop(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let b = bytearray_of(a)?;
    let len = b.0.borrow().len() as i64;
    let i = match a.get(1) {
        Some(i) => ops::index_arg(i)?,
        None => -1,
    };
    if len == 0 {
        return Err(index_error("pop from empty bytearray"));
    }
    let j = if i < 0 { i + len } else { i };
    if !(0..len).contains(&j) {
        return Err(index_error("pop index out of range"));
    }
    let x = b.0.borrow_mut().remove(j as usize);
    b.resized(len as usize, len as usize - 1);
    Ok(rt::int(x as i64))
}
fn gen_send(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let v = a.get(1).cloned().unwrap_or_else(rt::none);
    match crate::eval::gen_resume(&a[0], Some(v), None)? {
        crate::eval::GenStep::Yield(v) => Ok(v),
        crate::eval::GenStep::Return(v) => Err(crate::eval::stop_with(v)),
    }
}
fn gen_close(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    crate::eval::gen_close(&a[0])?;
    Ok(rt::none())
}
/// `generator.throw(type[, value[, traceback]])` or `generator.throw(exception)`.
fn gen_throw(a: &[ObjRef], _: Kw) -> PyResult<ObjRef> {
    let types = &rt().types;
    if let Some(tb) = a.get(3).filter(|t| !ops::is_none(t)) {
        if tb.downcast::<crate::traceback::TracebackObj>().is_none() {
            return Err(type_error(
                "throw() third argument must be a traceback object",
            ));
        }
    }
    let (e, value) = (&a[1], a.get(2).filter(|v| !ops::is_none(v)));
    let e = if e.downcast::<TypeObj>().is_some() && ops::is_subtype(e, &types.base_exception) {
        match value {
            Some(v) if ops::isinstance(v, e) => v.clone(),
            Some(v) => match ops::tuple_items(v) {
                Some(args) => ops::call(e, args, vec![])?,
                None => ops::call(e, vec![v.clone()], vec![])?,
            },
            None => ops::call(e, vec![], vec![])?,
        }
    } else if ops::isinstance(e, &types.base_exception) {
        if value.is_some() {
            return Err(type_error(
                "instance exception may not have a separate value",
            ));
        }
        e.clone()
    } else {
        return Err(type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            type_name(e)
        )));
    };
    match crate::eval::gen_resume(&a[0], None, Some(e))? {
        crate::eval::GenStep::Yield(v) => Ok(v),
        crate::eval::GenStep::Return(v) => Err(crate::eval::stop_with(v)),
    }
}

#[allow(dead_code)]
fn unused(_: BigInt) {}
