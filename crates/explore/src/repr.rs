//! Names and short reprs of objects, computed in Rust from the payloads: calling Python's `repr` would run
//! code and allocate, and the explorer must not change the heap it draws.

use refpy_heap::ObjRef;
use refpy_vm::objects::*;

/// How the explorer treats an object.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Immutable value without references (int, str, None…): drawn inside its container's repr.
    Atom,
    /// Functions, classes, modules, built-ins: listed by name, never drawn (they would drown the data).
    Definition,
    /// Everything else: drawn as a node with its references.
    Data,
}

pub fn kind_of(o: &ObjRef) -> Kind {
    if o.downcast::<IntObj>().is_some()
        || o.downcast::<BoolObj>().is_some()
        || o.downcast::<FloatObj>().is_some()
        || o.downcast::<ComplexObj>().is_some()
        || o.downcast::<StrObj>().is_some()
        || o.downcast::<BytesObj>().is_some()
        || o.downcast::<NoneObj>().is_some()
        || o.downcast::<EllipsisObj>().is_some()
        || o.downcast::<NotImplementedObj>().is_some()
        || o.downcast::<RangeObj>().is_some()
    {
        Kind::Atom
    } else if o.downcast::<FunctionObj>().is_some()
        || o.downcast::<TypeObj>().is_some()
        || o.downcast::<ModuleObj>().is_some()
        || o.downcast::<BuiltinObj>().is_some()
        || o.downcast::<CodeObj>().is_some()
    {
        Kind::Definition
    } else {
        Kind::Data
    }
}

/// `type(o).__name__`, without touching any count.
pub fn type_name(o: &ObjRef) -> String {
    if let Some(i) = o.downcast::<Instance>() {
        if let Ok(cls) = i.cls.try_borrow() {
            if let Some(t) = cls.downcast::<TypeObj>() {
                if let Ok(n) = t.name.try_borrow() {
                    return n.clone();
                }
            }
        }
    }
    o.type_name().to_string()
}

const MAX_ITEMS: usize = 6;
const MAX_CHARS: usize = 48;

/// A one-line repr of at most about [`MAX_CHARS`] characters.
pub fn short_repr(o: &ObjRef) -> String {
    truncate(full_short_repr(o), MAX_CHARS)
}

fn truncate(s: String, max: usize) -> String {
    if s.chars().count() <= max {
        return s;
    }
    let mut t: String = s.chars().take(max - 1).collect();
    t.push('…');
    t
}

/// The repr of an object inside a container: atoms in full (short), anything else as `<type>`.
fn item_repr(item: &ObjRef, container: &ObjRef, open: &str, close: &str) -> String {
    if item.is(container) {
        return format!("{open}...{close}");
    }
    match kind_of(item) {
        Kind::Atom => truncate(full_short_repr(item), 16),
        _ => format!("<{}>", type_name(item)),
    }
}

fn join_items<'a>(
    items: impl Iterator<Item = String> + 'a,
    total: usize,
    open: &str,
    close: &str,
) -> String {
    let parts: Vec<String> = items.take(MAX_ITEMS).collect();
    if total <= MAX_ITEMS {
        return format!("{open}{}{close}", parts.join(", "));
    }
    // A big container keeps its size in view however the items are cut.
    let suffix = format!(" ({total} items)");
    let room = MAX_CHARS - suffix.chars().count() - 1;
    let body = truncate(format!("{open}{}, …{close}", parts.join(", ")), room);
    format!("{body}{suffix}")
}

fn full_short_repr(o: &ObjRef) -> String {
    if let Some(i) = o.downcast::<IntObj>() {
        return truncate(i.to_bigint().to_string(), 24);
    }
    if let Some(b) = o.downcast::<BoolObj>() {
        return if b.0 { "True" } else { "False" }.into();
    }
    if let Some(f) = o.downcast::<FloatObj>() {
        return float_repr(f.0);
    }
    if let Some(c) = o.downcast::<ComplexObj>() {
        return format!("({}+{}j)", float_repr(c.0), float_repr(c.1));
    }
    if let Some(s) = o.downcast::<StrObj>() {
        return format!("'{}'", truncate(s.s.clone(), 30));
    }
    if let Some(b) = o.downcast::<BytesObj>() {
        return format!(
            "b'{}'",
            truncate(String::from_utf8_lossy(&b.0).into_owned(), 30)
        );
    }
    if o.downcast::<NoneObj>().is_some() {
        return "None".into();
    }
    if let Some(r) = o.downcast::<RangeObj>() {
        return format!("range({}, {})", r.start, r.stop);
    }
    if let Some(l) = o.downcast::<ListObj>() {
        return match l.0.try_borrow() {
            Ok(v) => join_items(
                v.iter().map(|x| item_repr(x, o, "[", "]")),
                v.len(),
                "[",
                "]",
            ),
            Err(_) => "[…]".into(),
        };
    }
    if let Some(t) = o.downcast::<TupleObj>() {
        return match t.0.try_borrow() {
            Ok(v) if v.len() == 1 => format!("({},)", item_repr(&v[0], o, "(", ")")),
            Ok(v) => join_items(
                v.iter().map(|x| item_repr(x, o, "(", ")")),
                v.len(),
                "(",
                ")",
            ),
            Err(_) => "(…)".into(),
        };
    }
    if let Some(s) = o.downcast::<SetObj>() {
        return match s.table.try_borrow() {
            Ok(t) if t.len == 0 => format!("{}()", o.type_name()),
            Ok(t) => join_items(
                t.live().map(|e| item_repr(&e.key, o, "{", "}")),
                t.len,
                "{",
                "}",
            ),
            Err(_) => "{…}".into(),
        };
    }
    if let Some(d) = o.downcast::<DictObj>() {
        return match d.0.try_borrow() {
            Ok(t) => join_items(
                t.live().map(|e| {
                    let v = e
                        .value
                        .as_ref()
                        .map_or("?".to_string(), |v| item_repr(v, o, "{", "}"));
                    format!("{}: {}", item_repr(&e.key, o, "{", "}"), v)
                }),
                t.len,
                "{",
                "}",
            ),
            Err(_) => "{…}".into(),
        };
    }
    if let Some(i) = o.downcast::<Instance>() {
        let name = type_name(o);
        if i.exc.is_some() {
            return format!("{name}(…)");
        }
        let attrs: Vec<String> = match i.attrs.try_borrow() {
            Ok(a) => a
                .iter()
                .take(MAX_ITEMS)
                .map(|(k, v)| format!("{k}={}", item_repr(v, o, "<", ">")))
                .collect(),
            Err(_) => vec![],
        };
        return format!("{name}({})", attrs.join(", "));
    }
    if let Some(f) = o.downcast::<FunctionObj>() {
        return format!(
            "<function {}>",
            f.qualname.try_borrow().map_or("?".into(), |q| q.clone())
        );
    }
    if let Some(t) = o.downcast::<TypeObj>() {
        return format!(
            "<class '{}'>",
            t.name.try_borrow().map_or("?".into(), |n| n.clone())
        );
    }
    if let Some(m) = o.downcast::<ModuleObj>() {
        return format!("<module '{}'>", m.name);
    }
    if let Some(b) = o.downcast::<BuiltinObj>() {
        return format!("<built-in {}>", b.name);
    }
    if let Some(g) = o.downcast::<GeneratorObj>() {
        return format!("<generator {}>", g.qualname);
    }
    if let Some(w) = refpy_heap::weakref::as_weakref(o) {
        return match w.referent() {
            Some(r) => format!("<weakref to {} at {:#x}>", r.vtable().name, r.addr()),
            None => "<weakref; dead>".into(),
        };
    }
    format!("<{}>", type_name(o))
}

/// Python's float repr for the common cases (`1.0`, `3.14`, `1e+20`).
fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    if f.fract() == 0.0 && f.abs() < 1e16 {
        return format!("{:.1}", f);
    }
    format!("{}", f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_read_like_python() {
        assert_eq!(float_repr(1.0), "1.0");
        assert_eq!(float_repr(3.14), "3.14");
        assert_eq!(float_repr(-0.5), "-0.5");
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        assert_eq!(truncate("abcdef".into(), 4), "abc…");
        assert_eq!(truncate("abc".into(), 4), "abc");
    }
}
