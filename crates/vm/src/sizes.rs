//! `sys.getsizeof`: what CPython 3.11 (64-bit) reports, computed from the state each object models.
//!
//! CPython answers with the type's `__sizeof__` (the C struct, `tp_basicsize`, plus whatever buffer the object
//! really holds: a list's `allocated` slots, a dict's keys table, a set's hash table, a bytearray's `ob_alloc`)
//! and adds the 16-byte `PyGC_Head` for objects the collector tracks. Fixed-size objects are their struct's
//! size; growable ones carry the capacity CPython would have allocated (`ListObj::allocated`, …).

use refpy_heap::ObjRef;

use crate::objects::*;
use crate::ops;

/// `sizeof(PyGC_Head)`: added for every gc-capable object.
const GC_HEAD: usize = 16;
/// `PyObject_HEAD`: refcount and type pointer.
const OBJECT_HEAD: usize = 16;
/// 3.11's managed dict: the dict and values pointers stored in front of an instance (`_PyObject_VAR_SIZE`
/// of the pre-header), counted by `sys.getsizeof` for types with `Py_TPFLAGS_MANAGED_DICT`.
const MANAGED_DICT_PRE_HEADER: usize = 16;
/// `sizeof(PyHeapTypeObject)`, the struct behind every class statement.
const HEAP_TYPE: usize = 904;
/// `sizeof(PyTypeObject)`, a static built-in type.
const STATIC_TYPE: usize = 408;
/// `sizeof(PyBaseExceptionObject)`: head, dict, args, notes, traceback, context, cause, suppress_context.
const BASE_EXCEPTION: usize = 72;
const LIST_BASIC: usize = 40;
const DICT_BASIC: usize = 48;
const SET_BASIC: usize = 200;
/// `sizeof(PyDictKeysObject)` without its index and entries.
const DICT_KEYS_HEADER: usize = 32;

/// A class's shared-keys table (3.11 `_PyDict_NewKeysForClass`): 64 index slots of one byte and
/// `USABLE_FRACTION(64)` = 42 str entries of 16 bytes, whatever keys it has taken since.
const CLASS_SHARED_KEYS: usize = DICT_KEYS_HEADER + 64 + 42 * 16;

pub fn getsizeof(o: &ObjRef) -> usize {
    if o.downcast::<BoolObj>().is_some() {
        // An int with one digit (False included).
        return 28;
    }
    if let Some(i) = o.downcast::<IntObj>() {
        let bits = match i {
            IntObj::Small(v) => (u64::BITS - v.unsigned_abs().leading_zeros()) as usize,
            IntObj::Big(b) => b.bits() as usize,
        };
        // ob_size 30-bit digits of 4 bytes each; zero still has one digit in 3.11's layout.
        return 24 + 4 * ((bits + 29) / 30).max(1);
    }
    if o.downcast::<FloatObj>().is_some() {
        return OBJECT_HEAD + 8;
    }
    if o.downcast::<ComplexObj>().is_some() {
        return OBJECT_HEAD + 16;
    }
    if ops::is_none(o)
        || o.downcast::<EllipsisObj>().is_some()
        || o.downcast::<NotImplementedObj>().is_some()
    {
        return OBJECT_HEAD;
    }
    if let Some(s) = o.downcast::<StrObj>() {
        return str_size(&s.s);
    }
    if let Some(b) = o.downcast::<BytesObj>() {
        // PyBytesObject: var head, ob_shash, the bytes and a trailing NUL.
        return 33 + b.0.len();
    }
    if let Some(b) = o.downcast::<ByteArrayObj>() {
        return 56 + b.allocated();
    }
    if let Some(l) = o.downcast::<ListObj>() {
        return GC_HEAD + LIST_BASIC + 8 * l.allocated();
    }
    if let Some(t) = o.downcast::<TupleObj>() {
        return GC_HEAD + 24 + 8 * t.0.borrow().len();
    }
    if let Some(d) = o.downcast::<DictObj>() {
        return GC_HEAD + DICT_BASIC + dict_keys_size(d);
    }
    if let Some(s) = o.downcast::<SetObj>() {
        return GC_HEAD + SET_BASIC + set_table_size(s);
    }
    if o.downcast::<RangeObj>().is_some() {
        return 48;
    }
    if o.downcast::<SliceObj>().is_some() {
        return GC_HEAD + OBJECT_HEAD + 3 * 8;
    }
    if o.downcast::<CellObj>().is_some() {
        return GC_HEAD + OBJECT_HEAD + 8;
    }
    if o.downcast::<FunctionObj>().is_some() {
        return 152;
    }
    if o.downcast::<MethodObj>().is_some() {
        // im_func, im_self, im_weakreflist, vectorcall.
        return GC_HEAD + OBJECT_HEAD + 4 * 8;
    }
    if o.downcast::<BuiltinObj>().is_some() {
        // m_ml, m_self, m_module, m_weakreflist, vectorcall.
        return GC_HEAD + OBJECT_HEAD + 5 * 8;
    }
    if let Some(d) = o.downcast::<DescrObj>() {
        return GC_HEAD
            + match d {
                // cm_callable, cm_dict.
                DescrObj::Static(_) | DescrObj::Class(_) => OBJECT_HEAD + 2 * 8,
                // fget, fset, fdel, doc, name, getter_doc.
                DescrObj::Property { .. } => OBJECT_HEAD + 6 * 8,
            };
    }
    if o.downcast::<DictViewObj>().is_some() {
        return GC_HEAD + OBJECT_HEAD + 8;
    }
    if o.downcast::<ModuleObj>().is_some() {
        // md_dict, md_def, md_state, md_weaklist, md_name.
        return GC_HEAD + OBJECT_HEAD + 5 * 8;
    }
    if o.downcast::<SuperObj>().is_some() {
        // type, obj, obj_type.
        return GC_HEAD + OBJECT_HEAD + 3 * 8;
    }
    if let Some(i) = o.downcast::<IterObj>() {
        return iter_size(&i.0.borrow());
    }
    if let Some(t) = o.downcast::<TypeObj>() {
        return type_size(t);
    }
    if let Some(i) = o.downcast::<Instance>() {
        return instance_size(i);
    }
    // NOTE: objects whose C layout refpy does not model (code objects, generators, files) report the size
    // of a small gc object; their CPython size depends on compiler details refpy does not reproduce.
    64
}

/// A compact str: ASCII (`PyASCIIObject`, 48 bytes, then the characters and a NUL) or
/// `PyCompactUnicodeObject` (72 bytes) with 1-, 2- or 4-byte characters and a terminator of the same width.
fn str_size(s: &str) -> usize {
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let n = s.chars().count();
    let width = match max {
        0..=127 => return 48 + n + 1,
        128..=255 => 1,
        256..=65535 => 2,
        _ => 4,
    };
    72 + width * (n + 1)
}

/// Built-in iterators: their C structs plus the gc head (all are gc-tracked).
fn iter_size(s: &IterState) -> usize {
    match s {
        // it_index, it_seq (list, tuple, str, bytes iterators; reversed's listreviterobject too); map's
        // func and iters, filter's func and it, callable_iterator's callable and sentinel.
        IterState::Seq { .. }
        | IterState::Reversed { .. }
        | IterState::Map { .. }
        | IterState::Filter { .. }
        | IterState::Callable { .. }
        | IterState::Exhausted => 48,
        // rangeiterobject (start, step, len), longrangeiterobject (three object pointers).
        IterState::SmallRange { .. } | IterState::Range { .. } => 48,
        // di_dict, di_used, di_pos, di_result, len; enumerate's en_index, en_sit, en_result, en_longindex.
        IterState::DictKeys { .. } | IterState::Enumerate { .. } => 72,
        // tuplesize, ittuple, result, strict.
        IterState::Zip { .. } => 64,
    }
}

/// `type.__sizeof__`: a class is a `PyHeapTypeObject` plus its shared-keys table when its instances have a
/// managed dict; a built-in type is a static `PyTypeObject`.
fn type_size(t: &TypeObj) -> usize {
    if t.builtin.is_some() {
        return GC_HEAD + STATIC_TYPE;
    }
    let keys = if has_managed_dict(t) {
        CLASS_SHARED_KEYS
    } else {
        0
    };
    GC_HEAD + HEAP_TYPE + keys
}

/// The built-in type a class's instances are laid out on (CPython's solid base), `None` for `object`.
fn solid_base(t: &TypeObj) -> Option<Builtin> {
    t.with_mro(|mro| {
        mro.iter()
            .filter_map(|c| c.downcast::<TypeObj>().and_then(|c| c.builtin))
            .find(|b| *b != Builtin::Object)
    })
}

/// 3.11 gives a class `Py_TPFLAGS_MANAGED_DICT` when it adds a `__dict__` to fixed-size instances; exceptions
/// keep BaseException's own dict pointer and variable-size bases (int, tuple, bytes, str) a dict offset.
fn has_managed_dict(t: &TypeObj) -> bool {
    t.has_dict.get()
        && !matches!(
            solid_base(t),
            Some(
                Builtin::Exception
                    | Builtin::Int
                    | Builtin::Bool
                    | Builtin::Tuple
                    | Builtin::Bytes
                    | Builtin::Str
            )
        )
}

/// `object.__sizeof__` (or the base type's) for an instance of a class: the base struct, one pointer per slot
/// and for an added `__weakref__`, the gc head, the managed-dict pre-header, and the base value's buffer.
fn instance_size(i: &Instance) -> usize {
    let cls = i.cls.borrow().clone();
    let t = ops::type_obj(&cls);
    if t.builtin == Some(Builtin::Object) {
        return OBJECT_HEAD;
    }
    let base = if i.exc.is_some() {
        Some(Builtin::Exception)
    } else {
        solid_base(t)
    };
    let (basic, base_weakref) = match base {
        Some(Builtin::Exception) => (BASE_EXCEPTION, false),
        Some(Builtin::List) => (LIST_BASIC, false),
        Some(Builtin::Dict) => (DICT_BASIC, false),
        // PySetObject has its own weakreflist.
        Some(Builtin::Set | Builtin::FrozenSet) => (SET_BASIC, true),
        _ => (OBJECT_HEAD, false),
    };
    if t.builtin.is_some() {
        // A built-in exception class's own instance: its struct alone.
        return GC_HEAD + basic;
    }
    let nslots = t.slots.borrow().as_ref().map_or(0, Vec::len);
    let weakref = if t.weakrefable.get() && !base_weakref {
        8
    } else {
        0
    };
    let pre_header = if has_managed_dict(t) {
        MANAGED_DICT_PRE_HEADER
    } else {
        0
    };
    let buffer = match i.base.as_ref() {
        Some(b) => {
            if let Some(l) = b.downcast::<ListObj>() {
                8 * l.allocated()
            } else if let Some(d) = b.downcast::<DictObj>() {
                dict_keys_size(d)
            } else if let Some(s) = b.downcast::<SetObj>() {
                set_table_size(s)
            } else {
                0
            }
        }
        None => 0,
    };
    GC_HEAD + basic + 8 * nslots + weakref + pre_header + buffer
}

/// The bytes of a dict's keys table (none while it has the shared empty keys).
fn dict_keys_size(d: &DictObj) -> usize {
    let t = d.0.borrow();
    let n = t.len;
    if n == 0 {
        return 0;
    }
    let str_keys = t.live().all(|e| e.key.downcast::<StrObj>().is_some());
    let mut size = 8usize;
    for i in 1..=n {
        if i > size * 2 / 3 {
            let want = ((i - 1) * 3).max(8);
            size = want.next_power_of_two();
        }
    }
    let usable = size * 2 / 3;
    let index_bytes = if size <= 128 {
        1
    } else if size <= 32768 {
        2
    } else {
        4
    };
    let entry = if str_keys { 16 } else { 24 };
    DICT_KEYS_HEADER + size * index_bytes + usable * entry
}

/// The bytes of a set's hash table outside the object (none while the 8-slot small table suffices).
fn set_table_size(s: &SetObj) -> usize {
    let n = s.table.borrow().len;
    let mut size = 8usize;
    while n * 5 >= size * 3 {
        size *= 4;
    }
    if size == 8 {
        0
    } else {
        16 * size
    }
}

/// `len(o)` for the built-in sized types (`_PyObject_HasLen`), without running user code.
/// NOTE: instances of classes are treated as unsized here: calling their `__len__` for a capacity guess would
/// run user code at a point refpy's construction paths do not expect it.
pub fn builtin_len(o: &ObjRef) -> Option<usize> {
    if let Some(l) = o.downcast::<ListObj>() {
        Some(l.0.borrow().len())
    } else if let Some(t) = o.downcast::<TupleObj>() {
        Some(t.0.borrow().len())
    } else if let Some(s) = o.downcast::<StrObj>() {
        Some(s.s.chars().count())
    } else if let Some(b) = o.downcast::<BytesObj>() {
        Some(b.0.len())
    } else if let Some(b) = o.downcast::<ByteArrayObj>() {
        Some(b.0.borrow().len())
    } else if let Some(d) = o.downcast::<DictObj>() {
        Some(d.0.borrow().len)
    } else if let Some(v) = o.downcast::<DictViewObj>() {
        v.dict.downcast::<DictObj>().map(|d| d.0.borrow().len)
    } else if let Some(s) = o.downcast::<SetObj>() {
        Some(s.table.borrow().len)
    } else if let Some(r) = o.downcast::<RangeObj>() {
        use num_traits::ToPrimitive;
        crate::arith::range_len(r).to_usize()
    } else {
        None
    }
}

/// `PyObject_LengthHint(o, 8)`: the length, or an iterator's `__length_hint__`, or 8.
fn length_hint(o: &ObjRef) -> usize {
    if let Some(n) = builtin_len(o) {
        return n;
    }
    let Some(it) = o.downcast::<IterObj>() else {
        return 8;
    };
    match &*it.0.borrow() {
        IterState::Seq { seq, index } => builtin_len(seq).map_or(0, |n| n.saturating_sub(*index)),
        IterState::Reversed { index, .. } => (*index + 1).max(0) as usize,
        IterState::SmallRange { remaining, .. } => *remaining as usize,
        IterState::DictKeys { dict, index, .. } => dict.downcast::<DictObj>().map_or(0, |d| {
            d.0.borrow().entries.iter().skip(*index).flatten().count()
        }),
        IterState::Exhausted => 0,
        _ => 8,
    }
}

/// How `list_extend` will size a list for `source`; ask before iterating it (iterators change as they go).
pub fn extend_plan(source: &ObjRef) -> ExtendPlan {
    // A list extended by itself is a list source too.
    if source.downcast::<ListObj>().is_some() || source.downcast::<TupleObj>().is_some() {
        ExtendPlan::Sized
    } else {
        ExtendPlan::Iterate {
            hint: length_hint(source),
        }
    }
}
