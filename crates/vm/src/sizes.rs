//! `sys.getsizeof`: what CPython 3.11 (64-bit) reports, computed from the state each object models.
//!
//! CPython answers with the type's `__sizeof__` (the C struct, `tp_basicsize`, plus whatever buffer the object
//! really holds: a list's `allocated` slots, a dict's keys table, a set's hash table, a bytearray's `ob_alloc`)
//! and adds the 16-byte `PyGC_Head` for objects the collector tracks. Fixed-size objects are their struct's
//! size; growable ones carry the capacity CPython would have allocated (`ListObj::allocated`, …).

use refpy_heap::ObjRef;

use crate::exc::*;
use crate::objects::dict::Table;
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

/// `sys.getsizeof(o)`: a class's own `__sizeof__` when it defines one (plus the gc head and managed-dict
/// pre-header, as `_PySys_GetSizeOf` adds them), else the modelled size.
pub fn sys_getsizeof(o: &ObjRef) -> crate::PyResult<usize> {
    if let Some(i) = o.downcast::<Instance>() {
        let cls = i.cls.borrow().clone();
        if let Some(f) = ops::lookup_type(&cls, "__sizeof__") {
            let r = ops::call(&f, vec![o.clone()], vec![])?;
            // PyLong_AsSsize_t: an int (no __index__).
            let n = match r.downcast::<IntObj>() {
                Some(IntObj::Small(n)) => *n,
                Some(IntObj::Big(_)) => {
                    return Err(overflow_error(
                        "Python int too large to convert to C ssize_t",
                    ))
                }
                None if r.downcast::<BoolObj>().is_some() => ops::index_arg(&r)?,
                None => return Err(type_error("an integer is required")),
            };
            if n < 0 {
                return Err(value_error("__sizeof__() should return >= 0"));
            }
            let t = ops::type_obj(&cls);
            let pre_header = if has_managed_dict(t) {
                MANAGED_DICT_PRE_HEADER
            } else {
                0
            };
            return Ok(n as usize + GC_HEAD + pre_header);
        }
    }
    Ok(getsizeof(o))
}

/// `__sizeof__()` of the built-in types and `object.__sizeof__`: `sys.getsizeof` without what it adds (the gc
/// head, and the managed-dict pre-header of an instance).
/// `__sizeof__` in every built-in type's method table.
pub const SIZEOF_METHOD: crate::callsig::MethodDef =
    crate::callsig::whole_self_def("__sizeof__", sizeof_method, crate::callsig::Params::NoArgs);

pub fn sizeof_method(a: &[ObjRef], _: &[(String, ObjRef)]) -> crate::PyResult<ObjRef> {
    let o = &a[0];
    let added = match o.downcast::<Instance>() {
        Some(i) => {
            let t = ops::type_obj(&i.cls.borrow()).builtin;
            let cls = i.cls.borrow().clone();
            if t == Some(Builtin::Object) {
                0
            } else if has_managed_dict(ops::type_obj(&cls)) {
                GC_HEAD + MANAGED_DICT_PRE_HEADER
            } else {
                GC_HEAD
            }
        }
        None if o.raw().vtable().gc_capable => GC_HEAD,
        None => 0,
    };
    Ok(crate::rt::int((getsizeof(o) - added) as i64))
}

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
    if let Some(g) = o.downcast::<GeneratorObj>() {
        // gen_sizeof: the generator struct up to its embedded frame, the frame's specials, then one pointer
        // per local, cell, free variable and stack slot.
        return GC_HEAD + GENERATOR_BEFORE_FRAME + FRAME_SPECIALS + 8 * g.frame_slots;
    }
    if let Some(t) = o.downcast::<TypeObj>() {
        return type_size(t);
    }
    if let Some(i) = o.downcast::<Instance>() {
        return instance_size(i);
    }
    // NOTE: objects whose C layout refpy does not model (code objects, files) report the size
    // of a small gc object; their CPython size depends on compiler details refpy does not reproduce.
    64
}

/// A compact str: ASCII (`PyASCIIObject`, 48 bytes, then the characters and a NUL) or
/// `PyCompactUnicodeObject` (72 bytes) with 1-, 2- or 4-byte characters and a terminator of the same width.
fn str_size(s: &str) -> usize {
    let (n, width) = str_shape(s);
    if s.is_ascii() {
        48 + n + 1
    } else {
        72 + width * (n + 1)
    }
}

/// A str's length in characters and the bytes per character of its PEP 393 form.
fn str_shape(s: &str) -> (usize, usize) {
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let width = match max {
        0..=255 => 1,
        256..=65535 => 2,
        _ => 4,
    };
    (s.chars().count(), width)
}

/// `offsetof(PyGenObject, gi_iframe)` in 3.11: the object head, gi_code, gi_weakreflist, gi_name,
/// gi_qualname, gi_exc_state (two pointers), gi_origin_or_finalizer and four flag bytes padded to 8.
const GENERATOR_BEFORE_FRAME: usize = OBJECT_HEAD + 4 * 8 + 16 + 8 + 8;
/// `offsetof(_PyInterpreterFrame, localsplus)` in 3.11: f_func, f_globals, f_builtins, f_locals, f_code,
/// frame_obj, previous, prev_instr, then stacktop, is_entry and owner padded to 8.
const FRAME_SPECIALS: usize = 8 * 8 + 8;

/// `co_nlocalsplus + co_stacksize` of a code object: its locals (a cell that is also an argument shares the
/// argument's slot), cells and free variables, and CPython's stack depth for it.
pub fn frame_slots(code: &crate::bytecode::Code) -> usize {
    let cells_of_their_own = code.cell_args.iter().filter(|a| a.is_none()).count();
    code.varnames.len() + cells_of_their_own + code.freevars.len() + code.stacksize as usize
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
        // tuplesize, ittuple, result, strict; setiterobject's si_set, si_used, si_pos, len.
        IterState::Zip { .. } | IterState::Set { .. } => 64,
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
/// keep BaseException's own dict pointer and variable-size bases (int, tuple, bytes) a dict slot at the end.
pub fn has_managed_dict(t: &TypeObj) -> bool {
    t.has_dict.get()
        && !matches!(
            solid_base(t),
            Some(
                Builtin::Exception | Builtin::Int | Builtin::Bool | Builtin::Tuple | Builtin::Bytes
            )
        )
}

/// The dict pointer a class whose base has items adds at the end of its instances, if it has a `__dict__`.
fn dict_slot(t: &TypeObj) -> usize {
    if t.has_dict.get() {
        8
    } else {
        0
    }
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
        Some(Builtin::Float) => (OBJECT_HEAD + 8, false),
        Some(Builtin::Complex) => (OBJECT_HEAD + 16, false),
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
    match i.base.as_ref() {
        // int.__sizeof__ counts only the digits, whatever the subclass adds.
        Some(b) if b.downcast::<IntObj>().is_some() => return GC_HEAD + getsizeof(b),
        // object.__sizeof__: tp_basicsize (the base's plus the dict slot, absent with `__slots__ = ()`) and
        // the items.
        Some(b) if b.downcast::<TupleObj>().is_some() => return getsizeof(b) + dict_slot(t),
        Some(b) if b.downcast::<BytesObj>().is_some() => {
            return GC_HEAD + getsizeof(b) + dict_slot(t)
        }
        // A str subclass instance is a legacy (not compact) PyUnicodeObject, its characters counted apart.
        Some(b) if b.downcast::<StrObj>().is_some() => {
            let (n, width) = str_shape(&b.downcast::<StrObj>().expect("str").s);
            return GC_HEAD + MANAGED_DICT_PRE_HEADER + 80 + width * (n + 1);
        }
        _ => {}
    }
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
    match &d.0.borrow().capacity {
        Capacity::Dict(k) => k.size(),
        Capacity::Set(s) => s.size(),
        // The values array; the keys are counted with the class.
        Capacity::Split(shared) => 8 * shared.borrow().usable_size(),
    }
}

/// The bytes of a set's hash table outside the object (none while the 8-slot small table suffices).
fn set_table_size(s: &SetObj) -> usize {
    match &s.table.borrow().capacity {
        Capacity::Set(s) => s.size(),
        _ => 0,
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

// ---- the capacity models of dict and set tables -------------------------------------------------

/// What a `Table` (the storage of dicts and sets) would have allocated in CPython: the size of its keys
/// table or hash table follows from the insertions, deletions and bulk operations, never from the count alone.
#[derive(Clone)]
pub enum Capacity {
    Dict(DictKeys),
    Set(SetTable),
    /// An instance `__dict__` over its class's shared keys, until a key they cannot take makes it combined.
    Split(std::rc::Rc<std::cell::RefCell<SharedKeys>>),
}

impl Default for Capacity {
    fn default() -> Capacity {
        Capacity::Dict(DictKeys::default())
    }
}

impl Capacity {
    pub fn new_set() -> Capacity {
        Capacity::Set(SetTable::default())
    }

    /// A new key (`hash`) enters a table that holds `used` keys.
    pub fn inserted(&mut self, used: usize, hash: i64, key: &ObjRef) {
        match self {
            Capacity::Dict(k) => k.inserted(used, key.downcast::<StrObj>().is_some()),
            Capacity::Set(s) => s.added(hash, key.addr()),
            Capacity::Split(shared) => {
                let name = key.downcast::<StrObj>().map(|s| s.s.as_str());
                if name.is_some_and(|n| shared.borrow_mut().offer(n, used)) {
                    return;
                }
                // insertdict on a split table: a non-str key, or a name the full shared keys cannot take,
                // turns it into a combined table sized for the growth rate.
                let mut keys =
                    DictKeys::resized(calculate_log2_keysize(used * 3), name.is_none(), used);
                keys.inserted(used, name.is_some());
                *self = Capacity::Dict(keys);
            }
        }
    }

    pub fn removed(&mut self, hash: i64, key: &ObjRef) {
        if let Capacity::Set(s) = self {
            s.discarded(hash, key.addr());
        }
    }

    /// After `clear()`: a dict gets the shared empty keys back, a set its small table.
    pub fn emptied(&self) -> Capacity {
        match self {
            Capacity::Dict(_) | Capacity::Split(_) => Capacity::default(),
            Capacity::Set(_) => Capacity::new_set(),
        }
    }
}

const DICT_LOG_MINSIZE: u8 = 3;

/// A combined dict's `PyDictKeysObject` (`log2_size` 0: the shared `Py_EMPTY_KEYS`).
#[derive(Clone, Copy, Default)]
pub struct DictKeys {
    log2_size: u8,
    usable: usize,
    nentries: usize,
    /// `DICT_KEYS_GENERAL` (24-byte entries with the hash); otherwise only exact str keys, 16-byte entries.
    general: bool,
}

/// `USABLE_FRACTION`: a keys table of `n` slots holds at most 2n/3 entries.
fn usable_fraction(n: usize) -> usize {
    (n << 1) / 3
}

/// 3.11's `calculate_log2_keysize`: `bit_length(((minsize | 8) - 1) | 7)` (which rounds a power of two
/// above 8 up to the next one).
fn calculate_log2_keysize(minsize: usize) -> u8 {
    let m = ((minsize | 8) - 1) | 7;
    (usize::BITS - m.leading_zeros()) as u8
}

/// `estimate_log2_keysize`: room for `n` entries without a resize.
fn estimate_log2_keysize(n: usize) -> u8 {
    calculate_log2_keysize((n * 3 + 1) / 2)
}

impl DictKeys {
    /// `dictresize`: a new table of `2**log2_size` slots holding the `used` live entries compactly.
    fn resized(log2_size: u8, general: bool, used: usize) -> DictKeys {
        DictKeys {
            log2_size,
            usable: usable_fraction(1 << log2_size) - used,
            nentries: used,
            general,
        }
    }

    /// `insertdict` of a new key into a dict holding `used` keys.
    fn inserted(&mut self, used: usize, str_key: bool) {
        if self.log2_size == 0 {
            // insert_to_emptydict: a minimum-size table, str-only if this key is a str.
            *self = DictKeys::resized(DICT_LOG_MINSIZE, !str_key, 0);
        } else {
            let growth = calculate_log2_keysize(used * 3);
            if !self.general && !str_key {
                *self = DictKeys::resized(growth, true, used);
            }
            if self.usable == 0 {
                *self = DictKeys::resized(growth, self.general, used);
            }
        }
        self.usable -= 1;
        self.nentries += 1;
    }

    /// The bytes of the keys object (none for the shared empty keys).
    pub fn size(&self) -> usize {
        if self.log2_size == 0 {
            return 0;
        }
        let slots = 1usize << self.log2_size;
        let index_bytes = match self.log2_size {
            0..=7 => 1,
            8..=15 => 2,
            16..=31 => 4,
            _ => 8,
        };
        let entry = if self.general { 24 } else { 16 };
        DICT_KEYS_HEADER + slots * index_bytes + usable_fraction(slots) * entry
    }
}

/// CPython's compiler builds a dict display of up to 16 items with one BUILD_MAP (`_PyDict_FromItems`: more
/// than 5 get a table sized for them); a longer one grows from its first 17 items, then merges each further
/// 17 and the rest (`DICT_UPDATE`). Called before item `i` of the display whose keys are `str_keys`.
pub fn dict_display_item(t: &mut Table, str_keys: &[bool], i: usize) {
    const CHUNK: usize = 17;
    let n = str_keys.len();
    if n < CHUNK {
        if i == 0 && n > usable_fraction(1 << DICT_LOG_MINSIZE) {
            let all_str = str_keys.iter().all(|s| *s);
            t.capacity = Capacity::Dict(DictKeys::resized(estimate_log2_keysize(n), !all_str, 0));
        }
        return;
    }
    if i >= CHUNK && (i - CHUNK) % CHUNK == 0 {
        let chunk = &str_keys[i..n.min(i + CHUNK)];
        dict_merging_fresh(t, chunk.len(), !chunk.iter().all(|s| *s));
    }
}

/// Before the keys of dict `other` are inserted into dict `target` (`dict_merge`): an empty target clones a
/// compact, freshly built `other` outright; otherwise one resize makes room for all of them.
pub fn dict_merging(target: &mut Table, other: &Table) {
    let (Capacity::Dict(_), Capacity::Dict(theirs)) = (&target.capacity, &other.capacity) else {
        return;
    };
    let (used, other_used) = (target.len, other.len);
    if other_used == 0 {
        return;
    }
    let clone = used == 0
        && other_used == theirs.nentries
        && (theirs.log2_size == DICT_LOG_MINSIZE
            || usable_fraction((1usize << theirs.log2_size) / 2) < other_used);
    if clone {
        // The inserts that follow account for the cloned entries.
        target.capacity = Capacity::Dict(DictKeys {
            usable: theirs.usable + other_used,
            nentries: 0,
            ..*theirs
        });
    } else {
        let other_general = theirs.general;
        dict_merging_fresh(target, other_used, other_general);
    }
}

/// `dict_merge` into a dict: one resize when the other's `other_used` keys exceed its usable size.
fn dict_merging_fresh(target: &mut Table, other_used: usize, other_general: bool) {
    let used = target.len;
    let Capacity::Dict(mine) = &target.capacity else {
        return;
    };
    if usable_fraction(1 << mine.log2_size) < other_used {
        let general = mine.general || other_general;
        let log2 = estimate_log2_keysize(used + other_used);
        target.capacity = Capacity::Dict(DictKeys::resized(log2, general, used));
    }
}

/// `dict.copy()` (PyDict_Copy): a table with at most a third of its entries deleted is cloned, anything
/// else merged into a new dict (compacted).
pub fn dict_copying(copy: &mut Table, original: &Table) {
    let theirs = match &original.capacity {
        Capacity::Dict(k) => k,
        // A split dict's copy shares the same keys.
        Capacity::Split(_) => {
            copy.capacity = original.capacity.clone();
            return;
        }
        Capacity::Set(_) => return,
    };
    let used = original.len;
    if used == 0 {
        return;
    }
    if used >= theirs.nentries * 2 / 3 {
        copy.capacity = Capacity::Dict(DictKeys {
            usable: theirs.usable + used,
            nentries: theirs.nentries - used,
            ..*theirs
        });
    } else {
        dict_merging(copy, original);
    }
}

const SET_MINSIZE: usize = 8;
const SET_LINEAR_PROBES: usize = 9;
const SET_PERTURB_SHIFT: u32 = 5;

#[derive(Clone, Copy, PartialEq)]
enum SetSlot {
    Unused,
    Dummy,
    Active { hash: i64, key: usize },
}

/// A set's open-addressing table as CPython lays it out (`setobject.c`): which slots are active, which are
/// dummies left by deletion (reused by later additions that probe past them), and `fill`, which decides the
/// resize. Keys are told apart by address, which is stable while the set holds them.
#[derive(Clone, Default)]
pub struct SetTable {
    /// Empty: the untouched 8-slot small table.
    slots: Vec<SetSlot>,
    fill: usize,
    used: usize,
}

impl SetTable {
    fn mask(&self) -> usize {
        self.slots.len().max(SET_MINSIZE) - 1
    }

    fn materialise(&mut self) {
        if self.slots.is_empty() {
            self.slots = vec![SetSlot::Unused; SET_MINSIZE];
        }
    }

    /// `set_add_entry` of a key not yet in the set.
    fn added(&mut self, hash: i64, key: usize) {
        self.materialise();
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = hash as u64 as usize & mask;
        let mut freeslot = None;
        let unused = 'probe: loop {
            let probes = if i + SET_LINEAR_PROBES <= mask {
                SET_LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match self.slots[j] {
                    SetSlot::Unused => break 'probe j,
                    SetSlot::Dummy => {
                        freeslot.get_or_insert(j);
                    }
                    SetSlot::Active { .. } => {}
                }
            }
            perturb >>= SET_PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb as usize) & mask;
        };
        self.used += 1;
        if let Some(f) = freeslot {
            self.slots[f] = SetSlot::Active { hash, key };
            return;
        }
        self.slots[unused] = SetSlot::Active { hash, key };
        self.fill += 1;
        if self.fill * 5 >= mask * 3 {
            let minused = if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(minused);
        }
    }

    fn discarded(&mut self, hash: i64, key: usize) {
        let target = SetSlot::Active { hash, key };
        if let Some(s) = self.slots.iter_mut().find(|s| **s == target) {
            *s = SetSlot::Dummy;
            self.used -= 1;
        }
    }

    /// `set_table_resize`: the smallest power of two above `minused`, active keys reinserted in slot order.
    fn resize(&mut self, minused: usize) {
        let mut newsize = SET_MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![SetSlot::Unused; newsize]);
        let mask = newsize - 1;
        for slot in old {
            if let SetSlot::Active { hash, .. } = slot {
                let mut perturb = hash as u64;
                let mut i = hash as u64 as usize & mask;
                let free = 'probe: loop {
                    let probes = if i + SET_LINEAR_PROBES <= mask {
                        SET_LINEAR_PROBES
                    } else {
                        0
                    };
                    for j in i..=i + probes {
                        if self.slots[j] == SetSlot::Unused {
                            break 'probe j;
                        }
                    }
                    perturb >>= SET_PERTURB_SHIFT;
                    i = (i * 5 + 1 + perturb as usize) & mask;
                };
                self.slots[free] = slot;
            }
        }
        self.fill = self.used;
    }

    /// The bytes of the table outside the object (the 8-slot small table is inside it).
    pub fn size(&self) -> usize {
        if self.slots.len() > SET_MINSIZE {
            16 * self.slots.len()
        } else {
            0
        }
    }
}

/// Before the keys of a set or dict of `other_len` keys are added to set `target` (`set_merge`,
/// `set_update_internal`): one resize when they would push the fill past 3/5.
pub fn set_merging(target: &mut Table, other_len: usize) {
    let used = target.len;
    if let Capacity::Set(s) = &mut target.capacity {
        if other_len > 0 && (s.fill + other_len) * 5 >= s.mask() * 3 {
            s.materialise();
            s.resize((used + other_len) * 2);
        }
    }
}

/// `set_update_internal` before adding the keys of `source`: a set or dict source is sized for in advance.
pub fn set_merging_from(target: &std::cell::RefCell<Table>, source: &ObjRef) {
    let len = if let Some(s) = source.downcast::<SetObj>() {
        if std::ptr::eq(&s.table, target) {
            // a.update(a): nothing to add.
            return;
        }
        s.table.try_borrow().map_or(0, |t| t.len)
    } else if let Some(d) = source.downcast::<DictObj>() {
        d.0.try_borrow().map_or(0, |t| t.len)
    } else {
        return;
    };
    if let Ok(mut t) = target.try_borrow_mut() {
        set_merging(&mut t, len);
    }
}

/// `dict.fromkeys` of a dict or set (`_PyDict_FromKeys`): one resize for all their keys first, str-only
/// when the source dict's table is.
pub fn dict_fromkeys_presize(t: &mut Table, source: &ObjRef) {
    let (n, general) = if let Some(d) = source.downcast::<DictObj>() {
        let Ok(src) = d.0.try_borrow() else { return };
        let general = match &src.capacity {
            Capacity::Dict(k) => k.general,
            Capacity::Split(_) => false,
            Capacity::Set(_) => true,
        };
        (src.len, general)
    } else if let Some(s) = source.downcast::<SetObj>() {
        (s.table.try_borrow().map_or(0, |t| t.len), true)
    } else {
        return;
    };
    t.capacity = Capacity::Dict(DictKeys::resized(estimate_log2_keysize(n), general, 0));
}

/// `SHARED_KEYS_MAX_SIZE`: a class's shared keys take at most 30 names.
const SHARED_KEYS_MAX_SIZE: usize = 30;

/// A class's shared keys (3.11's `ht_cached_keys`, for classes whose instances have a managed dict): the
/// attribute names instances have stored, and how many more fit. Every new instance takes one slot of room
/// (its values array is sized from it), down to one; a materialised `__dict__` of an instance is a split
/// table over these keys, its size read from them.
pub struct SharedKeys {
    names: Vec<crate::objects::AttrName>,
    usable: usize,
}

impl Default for SharedKeys {
    fn default() -> SharedKeys {
        SharedKeys {
            names: Vec::new(),
            usable: SHARED_KEYS_MAX_SIZE,
        }
    }
}

impl SharedKeys {
    /// `init_inline_values`: a new instance's values array.
    pub fn instance_created(&mut self) {
        if self.usable > 1 {
            self.usable -= 1;
        }
    }

    /// `insert_into_dictkeys`: `name` is among the keys, or added while there is room. `hint`: where `name`
    /// probably is (instances of a class usually store their attributes in the same order), checked first.
    pub fn offer(&mut self, name: &str, hint: usize) -> bool {
        let at_hint = self
            .names
            .get(hint)
            .is_some_and(|n| crate::attrs::same_name(n, name));
        if at_hint || self.names.iter().any(|n| &**n == name) {
            return true;
        }
        if self.usable == 0 {
            return false;
        }
        self.names.push(name.into());
        self.usable -= 1;
        true
    }

    /// `shared_keys_usable_size`: the values a split dict over these keys has room for.
    fn usable_size(&self) -> usize {
        self.names.len() + self.usable
    }
}

/// The capacity model of a new instance `__dict__` of a class (a split table when the class shares keys).
pub fn instance_dict_capacity(t: &TypeObj) -> Capacity {
    if has_managed_dict(t) {
        Capacity::Split(t.shared_keys.clone())
    } else {
        Capacity::default()
    }
}

/// A set's keys in the order of its modelled slots (CPython's iteration order), when the model holds exactly
/// the table's keys.
pub fn set_slot_order(t: &Table) -> Option<Vec<ObjRef>> {
    let Capacity::Set(s) = &t.capacity else {
        return None;
    };
    if s.used != t.len {
        return None;
    }
    let by_addr: std::collections::HashMap<usize, &ObjRef> =
        t.live().map(|e| (e.key.addr(), &e.key)).collect();
    let items: Vec<ObjRef> = s
        .slots
        .iter()
        .filter_map(|slot| match slot {
            SetSlot::Active { key, .. } => by_addr.get(key).map(|k| (*k).clone()),
            _ => None,
        })
        .collect();
    (items.len() == t.len).then_some(items)
}

/// `s |= o`, `s -= o`, `s ^= o` for sets (setobject.c's in-place operators): keys merged, discarded (dummies
/// swept when over a quarter of the table) or toggled in `s`'s own table; `s -= s` and `s ^= s` clear it.
pub fn set_in_place(s: &ObjRef, other: &ObjRef, op: crate::bytecode::BinOp) -> crate::PyResult<()> {
    use crate::bytecode::BinOp;
    use crate::objects::dict;
    let table = &s.downcast::<SetObj>().expect("set").table;
    if other.is(s) {
        if op != BinOp::Or {
            let old = table.borrow_mut().take_all();
            drop(old);
        }
        return Ok(());
    }
    let items = ops::set_items(other);
    match op {
        BinOp::Or => {
            set_merging_from(table, other);
            for k in items {
                if !dict::contains(table, &k)? {
                    dict::insert(table, k, None)?;
                }
            }
        }
        BinOp::Sub => {
            for k in items {
                drop(dict::remove(table, &k)?);
            }
            set_dummies_swept(&mut table.borrow_mut());
        }
        _ => {
            for k in items {
                if dict::contains(table, &k)? {
                    drop(dict::remove(table, &k)?);
                } else {
                    dict::insert(table, k, None)?;
                }
            }
        }
    }
    Ok(())
}

/// The end of `set_difference_update_internal`: more than a quarter of the table in dummies is resized away.
pub fn set_dummies_swept(t: &mut Table) {
    if let Capacity::Set(s) = &mut t.capacity {
        if s.fill - s.used > s.mask() / 4 {
            let minused = if s.used > 50000 {
                s.used * 2
            } else {
                s.used * 4
            };
            s.resize(minused);
        }
    }
}
