//! Declared signatures of built-in methods and functions. Every call of one is checked here, once,
//! before the Rust function runs: the argument count, the keywords, and (for a method taken from its
//! type, `str.upper(x)`) the type of self. The function itself may then index its declared arguments.
//! CPython words arity errors differently for each calling convention; `Params` names the convention.

use refpy_heap::ObjRef;

use crate::exc::type_error;
use crate::objects::NativeFn;
use crate::ops::type_name;
use crate::PyResult;

type Kw<'a> = &'a [(String, ObjRef)];

/// How a built-in takes its arguments (not counting self), after CPython's calling conventions.
#[derive(Clone, Copy, Debug)]
pub enum Params {
    /// `METH_NOARGS`: "str.upper() takes no arguments (1 given)".
    NoArgs,
    /// `METH_O`: "list.append() takes exactly one argument (0 given)".
    One,
    /// Argument Clinic, positional only: "get expected at least 1 argument, got 0".
    Positional(u8, u8),
    /// `PyArg_ParseTuple`: "startswith() takes at least 1 argument (0 given)".
    Tuple(u8, u8),
    /// Argument Clinic with keyword parameters: the first `positional` of `names` may be given by
    /// position, the first `required` must be given; an empty name is positional-only:
    /// "split() takes at most 2 arguments (3 given)", "round() missing required argument 'number' (pos 1)".
    Keywords {
        names: &'static [&'static str],
        positional: u8,
        required: u8,
    },
    /// Any number of positional arguments, no keywords (`set.union(*others)`).
    Star,
    /// Any number of positional arguments and these keywords (`print(*values, sep=…)`).
    StarNamed(&'static [&'static str]),
    /// At most this many positional arguments and any keywords (`dict.update`).
    StarKeywords(u8),
    /// Anything; the function reads what it needs (`str.format`).
    Any,
    /// A slot wrapper (`__len__`, `__getitem__`…) taking exactly this many: "expected 1 argument, got 0".
    Wrapper(u8),
    /// A slot wrapper taking any arguments (`__init__`, `__call__`); the function checks them.
    WrapperAny,
}

impl Params {
    /// Whether the method is a slot wrapper (CPython's `wrapper_descriptor`).
    pub fn is_wrapper(self) -> bool {
        matches!(self, Params::Wrapper(_) | Params::WrapperAny)
    }
}

/// Whether a method receives its instance or its class as `args[0]`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Binding {
    Instance,
    /// `dict.fromkeys`, `bytes.fromhex`…: bound to the type whether reached through the type or an instance.
    Class,
    /// `__new__`, a static method: bound to the built-in type whose `__new__` it is, which a call checks the
    /// class against (CPython's `tp_new_wrapper`, whose self is that type).
    New,
}

/// One built-in method or function with its declared parameters.
pub struct MethodDef {
    pub name: &'static str,
    pub f: NativeFn,
    pub params: Params,
    pub binding: Binding,
    /// Whether self stays the instance of a subclass rather than becoming its built-in value (`__sizeof__`
    /// measures the whole instance).
    pub whole_self: bool,
}

pub const fn def(name: &'static str, f: NativeFn, params: Params) -> MethodDef {
    MethodDef {
        name,
        f,
        params,
        binding: Binding::Instance,
        whole_self: false,
    }
}

pub const fn classdef(name: &'static str, f: NativeFn, params: Params) -> MethodDef {
    MethodDef {
        name,
        f,
        params,
        binding: Binding::Class,
        whole_self: false,
    }
}

/// An instance method that receives an instance of a subclass itself, not its built-in value.
pub const fn whole_self_def(name: &'static str, f: NativeFn, params: Params) -> MethodDef {
    MethodDef {
        whole_self: true,
        ..def(name, f, params)
    }
}

pub const fn newdef(f: NativeFn) -> MethodDef {
    MethodDef {
        binding: Binding::New,
        ..def("__new__", f, Params::Any)
    }
}

/// The methods of one built-in type (or, with an empty `type_name`, a namespace of functions).
pub struct MethodTable {
    pub type_name: &'static str,
    /// Whether an object can be the self of these methods.
    pub accepts: fn(&ObjRef) -> bool,
    pub methods: &'static [MethodDef],
}

impl MethodTable {
    pub fn get(&'static self, name: &str) -> Option<Method> {
        self.methods
            .iter()
            .find(|m| m.name == name)
            .map(|def| Method { table: self, def })
    }

    fn qualname(&self, def: &MethodDef) -> String {
        if self.type_name.is_empty() {
            def.name.to_string()
        } else {
            format!("{}.{}", self.type_name, def.name)
        }
    }
}

/// A method together with the type it belongs to.
#[derive(Clone, Copy)]
pub struct Method {
    pub table: &'static MethodTable,
    pub def: &'static MethodDef,
}

impl Method {
    pub fn name(&self) -> &'static str {
        self.def.name
    }

    /// The type of the object that carries this method, bound or taken from its type, as CPython's: a slot
    /// wrapper is a `wrapper_descriptor` on its type and a `method-wrapper` bound; another instance method
    /// of a type is a `method_descriptor` on it; the rest are `builtin_function_or_method`.
    pub fn carrier_type(&self, bound: bool) -> &'static str {
        let of_type = !self.table.type_name.is_empty() && self.def.binding == Binding::Instance;
        match (of_type, self.def.params.is_wrapper(), bound) {
            (true, true, true) => "method-wrapper",
            (true, true, false) => "wrapper_descriptor",
            (true, false, false) => "method_descriptor",
            _ => "builtin_function_or_method",
        }
    }

    /// Checks a call before it is made. `args` starts with self when the method is bound (`bound`) or
    /// is an instance method taken from its type; a self that is an instance of a subclass of the
    /// built-in type is replaced by its built-in value, which is what the function works on.
    pub fn check(&self, args: &mut [ObjRef], kw: Kw, bound: bool) -> PyResult<()> {
        let (table, def) = (self.table, self.def);
        let wrapper = def.params.is_wrapper();
        let has_self = bound || (def.binding == Binding::Instance && !table.type_name.is_empty());
        if has_self && def.binding == Binding::Instance {
            let Some(first) = args.first_mut() else {
                return Err(type_error(if wrapper {
                    format!(
                        "descriptor '{}' of '{}' object needs an argument",
                        def.name, table.type_name
                    )
                } else {
                    format!("unbound method {}() needs an argument", table.qualname(def))
                }));
            };
            if !(table.accepts)(first) {
                match crate::attrs::base_value(first).filter(|b| (table.accepts)(b)) {
                    Some(_) if def.whole_self => {}
                    Some(base) => *first = base,
                    None => {
                        return Err(type_error(if wrapper {
                            format!(
                                "descriptor '{}' requires a '{}' object but received a '{}'",
                                def.name,
                                table.type_name,
                                type_name(first)
                            )
                        } else {
                            format!(
                                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                                def.name,
                                table.type_name,
                                type_name(first)
                            )
                        }))
                    }
                }
            }
        }
        let n = args.len() - usize::from(has_self);
        check_params(table, def, n, kw)
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The count and keyword checks, worded as CPython words them for `def.params`.
fn check_params(table: &MethodTable, def: &MethodDef, n: usize, kw: Kw) -> PyResult<()> {
    let name = def.name;
    let no_keywords = || {
        type_error(format!(
            "{}() takes no keyword arguments",
            table.qualname(def)
        ))
    };
    match def.params {
        Params::NoArgs
        | Params::One
        | Params::Positional(..)
        | Params::Tuple(..)
        | Params::Star
            if !kw.is_empty() =>
        {
            Err(no_keywords())
        }
        Params::NoArgs if n != 0 => Err(type_error(format!(
            "{}() takes no arguments ({} given)",
            table.qualname(def),
            n
        ))),
        Params::One if n != 1 => Err(type_error(format!(
            "{}() takes exactly one argument ({} given)",
            table.qualname(def),
            n
        ))),
        Params::Positional(min, max) if n < min as usize || n > max as usize => {
            Err(clinic_count(name, min as usize, max as usize, n))
        }
        Params::StarKeywords(max) if n > max as usize => {
            Err(clinic_count(name, 0, max as usize, n))
        }
        Params::Tuple(min, max) if n < min as usize || n > max as usize => {
            let (min, max) = (min as usize, max as usize);
            let (how, bound) = if min == max {
                ("exactly", min)
            } else if n < min {
                ("at least", min)
            } else {
                ("at most", max)
            };
            Err(type_error(format!(
                "{}() takes {} {} argument{} ({} given)",
                name,
                how,
                bound,
                plural(bound),
                n
            )))
        }
        Params::Keywords {
            names,
            positional,
            required,
        } => check_keywords(name, names, positional, required, n, kw),
        Params::StarNamed(names) => match kw.iter().find(|(k, _)| !names.contains(&k.as_str())) {
            Some((k, _)) => Err(type_error(format!(
                "'{}' is an invalid keyword argument for {}()",
                k, name
            ))),
            None => Ok(()),
        },
        Params::Wrapper(_) if !kw.is_empty() => Err(type_error(format!(
            "wrapper {}() takes no keyword arguments",
            name
        ))),
        Params::Wrapper(k) if n != k as usize => {
            // NOTE: two-argument wrappers unpack with PyArg_UnpackTuple and an empty name, which leaves
            // a leading space in CPython's message.
            let k = k as usize;
            Err(type_error(format!(
                "{}expected {} argument{}, got {}",
                if k == 2 { " " } else { "" },
                k,
                plural(k),
                n
            )))
        }
        _ => Ok(()),
    }
}

/// Argument Clinic's positional count error (`_PyArg_CheckPositional`).
fn clinic_count(name: &str, min: usize, max: usize, n: usize) -> crate::PyErr {
    type_error(if min == max {
        format!(
            "{} expected {} argument{}, got {}",
            name,
            min,
            plural(min),
            n
        )
    } else if n < min {
        format!(
            "{} expected at least {} argument{}, got {}",
            name,
            min,
            plural(min),
            n
        )
    } else {
        format!(
            "{} expected at most {} argument{}, got {}",
            name,
            max,
            plural(max),
            n
        )
    })
}

/// Argument Clinic's `_PyArg_UnpackKeywords` checks, in its order.
fn check_keywords(
    name: &str,
    names: &[&str],
    positional: u8,
    required: u8,
    n: usize,
    kw: Kw,
) -> PyResult<()> {
    let (total, max) = (n + kw.len(), names.len());
    let (positional, required) = (positional as usize, required as usize);
    if total > max {
        return Err(type_error(format!(
            "{}() takes at most {} {}argument{} ({} given)",
            name,
            max,
            if n == 0 { "keyword " } else { "" },
            plural(max),
            total
        )));
    }
    if n > positional {
        return Err(type_error(if positional == 0 {
            format!("{}() takes no positional arguments", name)
        } else {
            format!(
                "{}() takes at most {} positional argument{} ({} given)",
                name,
                positional,
                plural(positional),
                n
            )
        }));
    }
    let positional_only = names.iter().take_while(|p| p.is_empty()).count();
    if n < positional_only.min(required) {
        let least = positional_only.min(required);
        return Err(type_error(format!(
            "{}() takes at least {} positional argument{} ({} given)",
            name,
            least,
            plural(least),
            n
        )));
    }
    for (i, p) in names.iter().enumerate().take(required).skip(n) {
        if !kw.iter().any(|(k, _)| k == p) {
            return Err(type_error(format!(
                "{}() missing required argument '{}' (pos {})",
                name,
                p,
                i + 1
            )));
        }
    }
    for (k, _) in kw {
        match names.iter().position(|p| p == k) {
            Some(i) if i < n => {
                return Err(type_error(format!(
                    "argument for {}() given by name ('{}') and position ({})",
                    name,
                    k,
                    i + 1
                )))
            }
            Some(_) => {}
            None => {
                return Err(type_error(format!(
                    "'{}' is an invalid keyword argument for {}()",
                    k, name
                )))
            }
        }
    }
    Ok(())
}

/// Parameter `i` (`name`) of a call checked against `Params::Keywords`: given by position or by name.
pub fn param<'a>(a: &'a [ObjRef], kw: Kw<'a>, i: usize, name: &str) -> Option<&'a ObjRef> {
    a.get(i)
        .or_else(|| kw.iter().find(|(k, _)| k == name).map(|(_, v)| v))
}

/// A required parameter of a call checked against `Params::Keywords` (present once the check passed).
pub fn required<'a>(a: &'a [ObjRef], kw: Kw<'a>, i: usize, name: &str) -> PyResult<&'a ObjRef> {
    param(a, kw, i, name).ok_or_else(|| {
        type_error(format!(
            "missing required argument '{}' (pos {})",
            name,
            i + 1
        ))
    })
}
