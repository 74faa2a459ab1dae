//! Payload structs of the built-in Python types, one static vtable each.
//!
//! Atoms (int, float, str, bytes, None…) are not gc-capable, as in CPython; containers are.

pub mod dict;

use std::cell::{Cell, RefCell};

use num_bigint::BigInt;
use refpy_heap::ObjRef;

use crate::bytecode::Code;
use crate::object::{visit_opt, Payload};
use crate::vtable;
pub use dict::{DictObj, Table};

macro_rules! atom {
    ($ty:ty) => {
        impl Payload for $ty {}
    };
}

pub struct NoneObj;
pub struct NotImplementedObj;
pub struct EllipsisObj;
pub struct BoolObj(pub bool);
/// An int. Every value that fits in an `i64` is `Small` (machine arithmetic, no digit vector to allocate);
/// `Big` only ever holds values outside the `i64` range, so each value has exactly one representation.
pub enum IntObj {
    Small(i64),
    Big(BigInt),
}

impl IntObj {
    pub fn from_bigint(b: BigInt) -> IntObj {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => IntObj::Small(i),
            None => IntObj::Big(b),
        }
    }

    pub fn to_bigint(&self) -> BigInt {
        match self {
            IntObj::Small(i) => BigInt::from(*i),
            IntObj::Big(b) => b.clone(),
        }
    }

    /// The value when it fits in an `i64` (always, unless it is `Big`).
    pub fn small(&self) -> Option<i64> {
        match self {
            IntObj::Small(i) => Some(*i),
            IntObj::Big(_) => None,
        }
    }
}
pub struct FloatObj(pub f64);
pub struct ComplexObj(pub f64, pub f64);
pub struct StrObj {
    pub s: String,
    pub hash: Cell<Option<i64>>,
}
pub struct BytesObj(pub Vec<u8>);
atom!(NoneObj);
atom!(NotImplementedObj);
atom!(EllipsisObj);
atom!(BoolObj);
atom!(IntObj);
impl Payload for FloatObj {
    const FREE_LIST: bool = true;
    fn free_list_slot(&self) -> Option<refpy_heap::FreeListSlot> {
        Some(FLOAT_FREE_LIST)
    }
}
atom!(ComplexObj);
atom!(StrObj);
atom!(BytesObj);

vtable!(pub NONE_VT, NoneObj, "NoneType", gc: false, track: false, rule: Never, weak: false, finalize: None);
vtable!(pub NOTIMPL_VT, NotImplementedObj, "NotImplementedType", gc: false, track: false, rule: Never, weak: false, finalize: None);
vtable!(pub ELLIPSIS_VT, EllipsisObj, "ellipsis", gc: false, track: false, rule: Never, weak: false, finalize: None);
vtable!(pub BOOL_VT, BoolObj, "bool", gc: false, track: false, rule: Never, weak: false, finalize: None);
vtable!(pub INT_VT, IntObj, "int", gc: false, track: false, rule: Never, weak: false, finalize: None);
vtable!(pub COMPLEX_VT, ComplexObj, "complex", gc: false, track: false, rule: Never, weak: false, finalize: None);
vtable!(pub FLOAT_VT, FloatObj, "float", gc: false, track: false, rule: Never, weak: false, finalize: None);
vtable!(pub STR_VT, StrObj, "str", gc: false, track: false, rule: Never, weak: false, finalize: None);
vtable!(pub BYTES_VT, BytesObj, "bytes", gc: false, track: false, rule: Never, weak: false, finalize: None);

/// `bytearray`: mutable bytes (not gc-tracked, not weakly referenceable, as in CPython), with the buffer CPython
/// would hold for them (`ByteArrayBuffer`, which `sys.getsizeof` reports).
pub struct ByteArrayObj(pub RefCell<Vec<u8>>, pub Cell<ByteArrayBuffer>);

/// CPython's `ob_alloc` (bytes allocated, the trailing NUL included) and how far `ob_start` has advanced into
/// them (deleting from the front moves the start instead of the bytes).
#[derive(Copy, Clone, Default)]
pub struct ByteArrayBuffer {
    pub alloc: usize,
    pub offset: usize,
}

impl ByteArrayObj {
    /// A bytearray whose buffer holds exactly its bytes and the NUL (`PyByteArray_FromStringAndSize`).
    pub fn exact(b: Vec<u8>) -> ByteArrayObj {
        let alloc = if b.is_empty() { 0 } else { b.len() + 1 };
        ByteArrayObj(
            RefCell::new(b),
            Cell::new(ByteArrayBuffer { alloc, offset: 0 }),
        )
    }

    pub fn allocated(&self) -> usize {
        self.1.get().alloc
    }

    /// CPython's `PyByteArray_Resize` bookkeeping when the size goes from `old` to `new`: shrinking below half
    /// reallocates exactly, growing within 1/8 overallocates like `list_resize`, a larger jump is exact.
    pub fn resized(&self, old: usize, new: usize) {
        if old == new {
            return;
        }
        let ByteArrayBuffer { alloc, offset } = self.1.get();
        let alloc = if new + offset < alloc {
            if new >= alloc / 2 {
                return;
            }
            new + 1
        } else if new * 8 <= alloc * 9 {
            new + (new >> 3) + if new < 9 { 3 } else { 6 }
        } else {
            new + 1
        };
        self.1.set(ByteArrayBuffer { alloc, offset: 0 });
    }

    /// Deleting `n` bytes at the front advances the start (`bytearray_setslice_linear`), then resizes.
    pub fn front_deleted(&self, old: usize, n: usize) {
        let mut buf = self.1.get();
        buf.offset += n;
        self.1.set(buf);
        self.resized(old, old - n);
    }
}
atom!(ByteArrayObj);
vtable!(pub BYTEARRAY_VT, ByteArrayObj, "bytearray", gc: false, track: false, rule: Never, weak: false, finalize: None);

/// CPython 3.11's free lists (`Objects/listobject.c`, `dictobject.c`, `floatobject.c`, `tupleobject.c`): dead
/// objects of these types keep their memory for the next one, which is why a new list often gets the address
/// of the list that just died.
pub const LIST_FREE_LIST: refpy_heap::FreeListSlot = refpy_heap::FreeListSlot {
    index: 0,
    capacity: 80,
};
pub const DICT_FREE_LIST: refpy_heap::FreeListSlot = refpy_heap::FreeListSlot {
    index: 1,
    capacity: 80,
};
pub const FLOAT_FREE_LIST: refpy_heap::FreeListSlot = refpy_heap::FreeListSlot {
    index: 2,
    capacity: 100,
};
/// Tuples of length 1..=20 each have a list of up to 2000 (`PyTuple_MAXSAVESIZE`, `PyTuple_MAXFREELIST`).
pub fn tuple_free_list(len: usize) -> Option<refpy_heap::FreeListSlot> {
    (1..=20).contains(&len).then(|| refpy_heap::FreeListSlot {
        index: 2 + len as u8,
        capacity: 2000,
    })
}

/// Lists and tuples report their items last first, as CPython's list_traverse/tupletraverse do (the order
/// decides the order of gc.get_referents and of finalizers in a collection).
fn traverse_items(items: &RefCell<Vec<ObjRef>>, visit: &mut dyn FnMut(&ObjRef)) {
    if let Ok(v) = items.try_borrow() {
        v.iter().rev().for_each(visit);
    }
}

/// `traverse_items` for the collector's tracer.
fn trace_items(items: &RefCell<Vec<ObjRef>>, tracer: &mut refpy_heap::Tracer<'_>) {
    if let Ok(v) = items.try_borrow() {
        for x in v.iter().rev() {
            tracer.visit(x.raw());
        }
    }
}

/// Lists and tuples release their items from the last to the first, as CPython's deallocators do.
fn release_items(mut items: Vec<ObjRef>) {
    while let Some(x) = items.pop() {
        drop(x);
    }
}

/// A list: its items and CPython's `allocated` (which `sys.getsizeof` reports; Rust's own capacity differs).
pub struct ListObj(pub RefCell<Vec<ObjRef>>, pub Cell<usize>);

impl ListObj {
    pub fn new(items: Vec<ObjRef>) -> ListObj {
        let n = items.len();
        ListObj(RefCell::new(items), Cell::new(n))
    }

    /// CPython's `list_resize` bookkeeping when the size goes from `old` to `new`.
    pub fn resized(&self, old: usize, new: usize) {
        let allocated = self.1.get();
        if allocated >= new && new >= (allocated >> 1) {
            return;
        }
        let mut n = (new + (new >> 3) + 6) & !3;
        if new.saturating_sub(old) > n - new {
            n = (new + 3) & !3;
        }
        self.1.set(if new == 0 { 0 } else { n });
    }

    /// The item slots CPython would have allocated (`sys.getsizeof` counts them).
    pub fn allocated(&self) -> usize {
        self.1.get()
    }

    /// `list_extend` of `added` items onto `old` items from a source that `plan` describes.
    pub fn extended(&self, plan: ExtendPlan, old: usize, added: usize) {
        match plan {
            // A list or tuple: an unallocated list is preallocated exactly (even count), else one resize.
            ExtendPlan::Sized => {
                if added == 0 {
                    return;
                }
                if self.1.get() == 0 {
                    self.1.set((added + 1) & !1);
                } else {
                    self.resized(old, old + added);
                }
            }
            // Any other iterable: room for the length hint (exactly, even count, in an unallocated list),
            // appends past it, then a cut back to the size.
            ExtendPlan::Iterate { hint } => {
                if self.1.get() == 0 && hint > 0 {
                    self.1.set((old + hint + 1) & !1);
                } else {
                    self.resized(old, old + hint);
                }
                let mut n = old;
                for _ in 0..added {
                    if n >= self.1.get() {
                        self.resized(n, n + 1);
                    }
                    n += 1;
                }
                if n < self.1.get() {
                    self.resized(n, n);
                }
            }
        }
    }

    /// `list(x)`: an `x` with a length preallocates exactly (even count), then the items are extended on.
    pub fn constructed(&self, plan: ExtendPlan, len: Option<usize>, added: usize) {
        self.1.set(match len {
            Some(n) if n > 0 => (n + 1) & !1,
            _ => 0,
        });
        self.extended(plan, 0, added);
    }

    /// `list_ass_slice`: `removed` items replaced by `inserted` in a list of `old` items. A list left empty
    /// frees its items (`_list_clear`).
    pub fn slice_assigned(&self, old: usize, removed: usize, inserted: usize) {
        let new = old - removed + inserted;
        if new == 0 {
            self.1.set(0);
        } else if new != old {
            self.resized(old, new);
        }
    }
}
/// How `list_extend` sizes a list for a source (`crate::sizes::extend_plan`).
#[derive(Copy, Clone)]
pub enum ExtendPlan {
    /// A list or tuple (or the list itself): its size is known exactly.
    Sized,
    /// Anything else, iterated, with `PyObject_LengthHint`'s guess.
    Iterate { hint: usize },
}

impl Payload for ListObj {
    const FREE_LIST: bool = true;
    fn free_list_slot(&self) -> Option<refpy_heap::FreeListSlot> {
        Some(LIST_FREE_LIST)
    }
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        traverse_items(&self.0, visit);
    }
    fn trace(&self, tracer: &mut refpy_heap::Tracer<'_>) {
        trace_items(&self.0, tracer);
    }
    fn clear(&self) {
        release_items(std::mem::take(&mut *self.0.borrow_mut()));
    }
}
impl Drop for ListObj {
    fn drop(&mut self) {
        release_items(std::mem::take(self.0.get_mut()));
    }
}
vtable!(pub LIST_VT, ListObj, "list", gc: true, track: true, rule: Never, weak: false, finalize: None);
vtable!(pub LIST_VALUE_VT, ListObj, "list", gc: true, track: false, rule: Never, weak: false, finalize: None, part_of_instance: true);

pub struct TupleObj(pub RefCell<Vec<ObjRef>>);
impl Payload for TupleObj {
    const FREE_LIST: bool = true;
    fn free_list_slot(&self) -> Option<refpy_heap::FreeListSlot> {
        tuple_free_list(self.0.try_borrow().map_or(0, |v| v.len()))
    }
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        traverse_items(&self.0, visit);
    }
    fn trace(&self, tracer: &mut refpy_heap::Tracer<'_>) {
        trace_items(&self.0, tracer);
    }
    fn clear(&self) {
        release_items(std::mem::take(&mut *self.0.borrow_mut()));
    }
}
impl Drop for TupleObj {
    fn drop(&mut self) {
        release_items(std::mem::take(self.0.get_mut()));
    }
}
vtable!(pub TUPLE_VT, TupleObj, "tuple", gc: true, track: true, rule: WhenAtomicInYoungCollection, weak: false, finalize: None);
vtable!(pub TUPLE_VALUE_VT, TupleObj, "tuple", gc: true, track: false, rule: Never, weak: false, finalize: None, part_of_instance: true);

pub struct SetObj {
    pub table: RefCell<Table>,
    pub frozen: bool,
}
impl Payload for SetObj {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Ok(t) = self.table.try_borrow() {
            t.traverse(visit);
        }
    }
    fn clear(&self) {
        let t = std::mem::take(&mut *self.table.borrow_mut());
        drop(t);
    }
}
vtable!(pub SET_VT, SetObj, "set", gc: true, track: true, rule: Never, weak: true, finalize: None);
vtable!(pub FROZENSET_VT, SetObj, "frozenset", gc: true, track: true, rule: Never, weak: true, finalize: None);
vtable!(pub SET_VALUE_VT, SetObj, "set", gc: true, track: false, rule: Never, weak: false, finalize: None, part_of_instance: true);
vtable!(pub FROZENSET_VALUE_VT, SetObj, "frozenset", gc: true, track: false, rule: Never, weak: false, finalize: None, part_of_instance: true);

pub struct RangeObj {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
}
atom!(RangeObj);
vtable!(pub RANGE_VT, RangeObj, "range", gc: false, track: false, rule: Never, weak: false, finalize: None);

pub struct SliceObj(pub ObjRef, pub ObjRef, pub ObjRef);
impl Payload for SliceObj {}
vtable!(pub SLICE_VT, SliceObj, "slice", gc: false, track: false, rule: Never, weak: false, finalize: None);

/// A compiled code object: owns its constants (CPython's `co_consts`).
pub struct CodeObj(pub Code);
impl Payload for CodeObj {}
vtable!(pub CODE_VT, CodeObj, "code", gc: false, track: false, rule: Never, weak: true, finalize: None);

pub struct CellObj(pub RefCell<Option<ObjRef>>);
impl Payload for CellObj {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Ok(v) = self.0.try_borrow() {
            visit_opt(&v, visit);
        }
    }
    fn clear(&self) {
        let v = self.0.borrow_mut().take();
        drop(v);
    }
}
vtable!(pub CELL_VT, CellObj, "cell", gc: true, track: true, rule: Never, weak: false, finalize: None);

pub struct FunctionObj {
    pub code: ObjRef,
    pub globals: ObjRef,
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub defaults: RefCell<Option<ObjRef>>,
    pub kwdefaults: RefCell<Option<ObjRef>>,
    pub closure: RefCell<Option<ObjRef>>,
    pub dict: RefCell<Option<ObjRef>>,
    pub annotations: RefCell<Option<ObjRef>>,
}
impl Payload for FunctionObj {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit(&self.code);
        visit(&self.globals);
        for c in [
            &self.defaults,
            &self.kwdefaults,
            &self.closure,
            &self.dict,
            &self.annotations,
        ] {
            if let Ok(v) = c.try_borrow() {
                visit_opt(&v, visit);
            }
        }
    }
    fn clear(&self) {
        let taken: Vec<Option<ObjRef>> = [
            &self.defaults,
            &self.kwdefaults,
            &self.closure,
            &self.dict,
            &self.annotations,
        ]
        .iter()
        .map(|c| c.borrow_mut().take())
        .collect();
        drop(taken);
    }
}
vtable!(pub FUNCTION_VT, FunctionObj, "function", gc: true, track: true, rule: Never, weak: true, finalize: None);

pub struct MethodObj {
    pub func: ObjRef,
    pub self_obj: ObjRef,
}
impl Payload for MethodObj {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit(&self.func);
        visit(&self.self_obj);
    }
}
vtable!(pub METHOD_VT, MethodObj, "method", gc: true, track: true, rule: Never, weak: true, finalize: None);

/// Signature of a built-in function: positional args, keyword args.
pub type NativeFn = fn(&[ObjRef], &[(String, ObjRef)]) -> crate::PyResult<ObjRef>;

/// A built-in function, or a built-in method bound to `self_obj` (which is then `args[0]`).
pub struct BuiltinObj {
    pub name: &'static str,
    pub f: NativeFn,
    pub self_obj: Option<ObjRef>,
    /// The declared signature, checked before each call (`callsig`), when there is one.
    pub method: Option<crate::callsig::Method>,
}
impl Payload for BuiltinObj {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit_opt(&self.self_obj, visit);
    }
}
vtable!(pub BUILTIN_VT, BuiltinObj, "builtin_function_or_method", gc: true, track: true, rule: Never, weak: true, finalize: None);

/// `staticmethod`, `classmethod` and `property` wrappers.
pub enum DescrObj {
    Static(ObjRef),
    Class(ObjRef),
    Property {
        fget: Option<ObjRef>,
        fset: Option<ObjRef>,
        fdel: Option<ObjRef>,
    },
}
impl Payload for DescrObj {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        match self {
            DescrObj::Static(f) | DescrObj::Class(f) => visit(f),
            DescrObj::Property { fget, fset, fdel } => {
                visit_opt(fget, visit);
                visit_opt(fset, visit);
                visit_opt(fdel, visit);
            }
        }
    }
}
vtable!(pub STATICMETHOD_VT, DescrObj, "staticmethod", gc: true, track: true, rule: Never, weak: false, finalize: None);
vtable!(pub CLASSMETHOD_VT, DescrObj, "classmethod", gc: true, track: true, rule: Never, weak: false, finalize: None);
vtable!(pub PROPERTY_VT, DescrObj, "property", gc: true, track: true, rule: Never, weak: false, finalize: None);

/// The descriptors CPython's `type_new` puts in a class's dict for what its instances carry: a
/// `getset_descriptor` for `__dict__` / `__weakref__`, a `member_descriptor` for each `__slots__` name.
/// Each holds a strong reference to its class (`__objclass__`), so a class refers to itself through its dict.
pub enum SlotDescrObj {
    /// `__dict__` or `__weakref__`.
    GetSet { name: &'static str, owner: ObjRef },
    /// One `__slots__` entry.
    Member { name: String, owner: ObjRef },
}
impl SlotDescrObj {
    pub fn name(&self) -> &str {
        match self {
            SlotDescrObj::GetSet { name, .. } => name,
            SlotDescrObj::Member { name, .. } => name,
        }
    }
    pub fn owner(&self) -> &ObjRef {
        match self {
            SlotDescrObj::GetSet { owner, .. } | SlotDescrObj::Member { owner, .. } => owner,
        }
    }
}
impl Payload for SlotDescrObj {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit(self.owner());
    }
}
vtable!(pub GETSET_DESCR_VT, SlotDescrObj, "getset_descriptor", gc: true, track: true, rule: Never, weak: false, finalize: None);
vtable!(pub MEMBER_DESCR_VT, SlotDescrObj, "member_descriptor", gc: true, track: true, rule: Never, weak: false, finalize: None);

/// Which built-in type a type object stands for (user classes: `None`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Builtin {
    Object,
    Type,
    Int,
    Bool,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    NoneType,
    Function,
    Other,
    Exception,
}

pub struct TypeObj {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    /// `__bases__`: a tuple object, like CPython's `tp_bases`.
    pub bases: RefCell<ObjRef>,
    /// `__base__`: the first base, a strong reference of its own (CPython's `tp_base`); `None` for `object`.
    pub base: Option<ObjRef>,
    /// `__mro__`: a tuple object whose first item is the type itself (a cycle, as in CPython).
    pub mro: RefCell<ObjRef>,
    /// The class namespace (a dict object).
    pub dict: ObjRef,
    pub builtin: Option<Builtin>,
    /// Names from `__slots__`, if the class (or a base) declares them.
    pub slots: RefCell<Option<Vec<String>>>,
    pub weakrefable: Cell<bool>,
    pub has_dict: Cell<bool>,
    /// Weak references to direct subclasses (`type.__subclasses__()`). Not traversed: CPython keeps them in
    /// `tp_subclasses`, which `type_traverse` skips, so they are never part of a cycle the collector sees.
    pub subclasses: RefCell<Vec<ObjRef>>,
    /// Results of `lookup_type` on this type.
    pub attr_cache: crate::typecache::AttrCache,
    /// Unique among all types ever created (`crate::typecache::new_type_id`).
    pub id: u64,
    /// Attribute names its instances store (CPython 3.11's shared keys): instances share these strings
    /// instead of each allocating its own copy.
    pub attr_names: RefCell<Vec<AttrName>>,
    /// CPython's shared keys for instance dicts (`ht_cached_keys`), as `sys.getsizeof` sees them.
    pub shared_keys: std::rc::Rc<RefCell<crate::sizes::SharedKeys>>,
    /// Whether the class derives from BaseException (its mro never changes), found once for its instances.
    pub is_exception: std::cell::OnceCell<bool>,
    /// What calling the class does (`crate::builtins::plain_init`).
    pub plain_init: Cell<crate::typecache::PlainInit>,
    /// CPython's `Py_TPFLAGS_SEQUENCE` on a class written in Python that stands for a C type
    /// (`collections.deque`): sequence patterns match its instances (`crate::matching`).
    pub is_sequence: Cell<bool>,
    /// The class's metaclass when it is not `type` (a class made by a subclass of `type`): a counted
    /// reference, as a heap type's `ob_type` is in CPython (`type` itself is static and not counted).
    pub metatype: Option<ObjRef>,
    /// `type` and its subclasses: calling one makes a class (`type_call`, not an instance's `__init__`).
    pub makes_classes: bool,
}

impl TypeObj {
    /// A type with `bases` (a tuple; `__base__` is its first item) and namespace `dict` (which from now on
    /// invalidates the attribute cache when it changes); its mro is `mro_placeholder` (an empty tuple)
    /// until the caller fills it in.
    pub fn new(
        name: &str,
        qualname: String,
        bases: ObjRef,
        dict: ObjRef,
        builtin: Option<Builtin>,
        mro_placeholder: ObjRef,
    ) -> TypeObj {
        dict.downcast::<DictObj>()
            .expect("type namespace is a dict")
            .0
            .borrow_mut()
            .watch();
        let base = tuple_items_of(&bases).borrow().first().cloned();
        TypeObj {
            name: RefCell::new(name.to_string()),
            qualname: RefCell::new(qualname),
            bases: RefCell::new(bases),
            base,
            mro: RefCell::new(mro_placeholder),
            dict,
            builtin,
            slots: RefCell::new(None),
            weakrefable: Cell::new(false),
            has_dict: Cell::new(false),
            subclasses: RefCell::new(Vec::new()),
            attr_cache: Default::default(),
            id: crate::typecache::new_type_id(),
            attr_names: RefCell::new(Vec::new()),
            shared_keys: Default::default(),
            is_exception: std::cell::OnceCell::new(),
            plain_init: Cell::default(),
            is_sequence: Cell::new(false),
            metatype: None,
            makes_classes: builtin == Some(Builtin::Type),
        }
    }
}
impl TypeObj {
    /// Runs `f` on the method resolution order (the type itself first).
    pub fn with_mro<R>(&self, f: impl FnOnce(&[ObjRef]) -> R) -> R {
        let mro = self.mro.borrow();
        let items = tuple_items_of(&mro).borrow();
        f(&items)
    }
    /// The method resolution order as a vector (new references).
    pub fn mro_vec(&self) -> Vec<ObjRef> {
        self.with_mro(<[ObjRef]>::to_vec)
    }
    /// The direct bases as a vector (new references).
    pub fn bases_vec(&self) -> Vec<ObjRef> {
        tuple_items_of(&self.bases.borrow()).borrow().clone()
    }
}
/// The items of a tuple object that the runtime created as one (type mro/bases).
fn tuple_items_of(t: &ObjRef) -> &RefCell<Vec<ObjRef>> {
    &t.downcast::<TupleObj>()
        .expect("a type's mro and bases are tuples")
        .0
}
impl Payload for TypeObj {
    /// CPython's `type_traverse`: the dict, the mro and bases tuples and `tp_base`; a class whose
    /// metaclass is a Python class first visits the metaclass, as `subtype_traverse` does before it calls
    /// `type_traverse`.
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit_opt(&self.metatype, visit);
        visit(&self.dict);
        if let Ok(m) = self.mro.try_borrow() {
            visit(&m);
        }
        if let Ok(b) = self.bases.try_borrow() {
            visit(&b);
        }
        visit_opt(&self.base, visit);
    }
    /// CPython's `type_clear`: empties the dict and drops the mro; bases stay until deallocation.
    fn clear(&self) {
        if let Some(d) = self.dict.downcast::<DictObj>() {
            let entries = d.0.try_borrow_mut().map(|mut t| t.take_all());
            drop(entries);
        }
        let empty = crate::rt::tuple(Vec::new());
        let m = std::mem::replace(&mut *self.mro.borrow_mut(), empty);
        crate::typecache::invalidate();
        drop(m);
    }
}
vtable!(pub TYPE_VT, TypeObj, "type", gc: true, track: true, rule: Never, weak: true, finalize: None);
// Built-in types: static objects in CPython, outside the collector (`type_is_gc` is false for them), so a
// tuple holding only built-in types can be untracked and `gc.get_referents(int)` is empty.
vtable!(pub STATIC_TYPE_VT, TypeObj, "type", gc: false, track: false, rule: Never, weak: true, finalize: None);

/// State of an exception instance (args, traceback, chaining).
#[derive(Default)]
pub struct ExcState {
    pub args: RefCell<Option<ObjRef>>,
    /// `__traceback__`: the outermost traceback object; unwinding puts each caller's level in front.
    pub traceback: RefCell<Option<ObjRef>>,
    pub cause: RefCell<Option<ObjRef>>,
    pub context: RefCell<Option<ObjRef>>,
    pub suppress_context: Cell<bool>,
}

/// The name of an instance attribute stored inline (shared with the class: `TypeObj::attr_names`).
pub type AttrName = std::rc::Rc<str>;

/// An instance of a class defined in Python (or of a built-in exception class).
pub struct Instance {
    pub cls: RefCell<ObjRef>,
    /// 3.11 inline values: attributes live here until `__dict__` is asked for.
    pub attrs: RefCell<Vec<(AttrName, ObjRef)>>,
    /// The materialised `__dict__` (then `attrs` is empty).
    pub dict: RefCell<Option<ObjRef>>,
    pub slots: RefCell<Vec<Option<ObjRef>>>,
    /// Boxed: most instances are not exceptions, and a smaller `Instance` is a smaller heap block.
    pub exc: Option<Box<ExcState>>,
    /// For subclasses of built-in types (int, str, tuple, list, dict, …): the built-in value the instance
    /// extends, made once by the built-in `__new__`. Mutable values (list, dict, set) change in place.
    pub base: Option<ObjRef>,
}
impl Payload for Instance {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        // CPython's subtype_traverse order: slots, inline values, __dict__, the class, then the base type's
        // traverse (BaseException: args, traceback, context, cause). The order is observable: it decides the
        // order of gc.get_referents and of finalizers and callbacks in a collection.
        if let Ok(s) = self.slots.try_borrow() {
            s.iter().for_each(|v| visit_opt(v, visit));
        }
        if let Ok(a) = self.attrs.try_borrow() {
            a.iter().for_each(|(_, v)| visit(v));
        }
        if let Ok(d) = self.dict.try_borrow() {
            visit_opt(&d, visit);
        }
        if let Ok(c) = self.cls.try_borrow() {
            visit(&c);
        }
        if let Some(b) = &self.base {
            traverse_value(b, visit);
        }
        if let Some(e) = &self.exc {
            if let Ok(v) = e.args.try_borrow() {
                visit_opt(&v, visit);
            }
            if let Ok(tb) = e.traceback.try_borrow() {
                visit_opt(&tb, visit);
            }
            for c in [&e.context, &e.cause] {
                if let Ok(v) = c.try_borrow() {
                    visit_opt(&v, visit);
                }
            }
        }
    }
    fn clear(&self) {
        // The built-in value stays until the instance dies; its items go now (CPython's subtype_clear ends
        // with the base type's clear).
        if let Some(b) = self.base.as_ref().filter(|b| is_part_of_instance(b)) {
            if let Some(l) = b.downcast::<ListObj>() {
                l.clear();
            } else if let Some(d) = b.downcast::<DictObj>() {
                d.clear();
            } else if let Some(s) = b.downcast::<SetObj>() {
                s.clear();
            } else if let Some(t) = b.downcast::<TupleObj>() {
                t.clear();
            }
        }
        let a = std::mem::take(&mut *self.attrs.borrow_mut());
        let d = self.dict.borrow_mut().take();
        let s = std::mem::take(&mut *self.slots.borrow_mut());
        let e = self.exc.as_ref().map(|e| {
            (
                e.args.borrow_mut().take(),
                e.cause.borrow_mut().take(),
                e.context.borrow_mut().take(),
                e.traceback.borrow_mut().take(),
            )
        });
        drop((a, d, s, e));
    }
}

/// Whether the built-in value of a subclass instance is a container that the instance reports and clears as
/// its own (untracked: a CPython subclass instance is one object, so the collector sees and counts only it).
fn is_part_of_instance(b: &ObjRef) -> bool {
    b.raw().vtable().gc_capable && !b.is_tracked()
}

/// The references a subclass instance's built-in value holds, as CPython's subtype_traverse ends with the
/// base type's traverse. An atom (int, str…) holds none.
fn traverse_value(b: &ObjRef, visit: &mut dyn FnMut(&ObjRef)) {
    if !b.raw().vtable().gc_capable {
        return;
    }
    if b.is_tracked() {
        // Tracked, the value is an object of its own for the collector.
        visit(b);
    } else if let Some(l) = b.downcast::<ListObj>() {
        l.traverse(visit);
    } else if let Some(d) = b.downcast::<DictObj>() {
        d.traverse(visit);
    } else if let Some(s) = b.downcast::<SetObj>() {
        s.traverse(visit);
    } else if let Some(t) = b.downcast::<TupleObj>() {
        t.traverse(visit);
    }
}

/// PEP 442 finalizer hook for instances of classes with `__del__`.
///
/// # Safety
/// Called by the heap with a live `Instance`.
unsafe fn instance_finalize(obj: refpy_heap::RawObj) {
    // SAFETY: the heap keeps the object alive (count 1) while the finalizer runs; we take a new reference.
    let this = unsafe { ObjRef::from_borrowed(obj) };
    crate::ops::run_del(&this);
}
vtable!(pub INSTANCE_VT, Instance, "object", gc: true, track: true, rule: Never, weak: true, finalize: None);
vtable!(pub INSTANCE_DEL_VT, Instance, "object", gc: true, track: true, rule: Never, weak: true, finalize: Some(instance_finalize));
vtable!(pub INSTANCE_NOWEAK_VT, Instance, "object", gc: true, track: true, rule: Never, weak: false, finalize: None);

pub struct ModuleObj {
    pub name: String,
    pub dict: ObjRef,
}
impl Payload for ModuleObj {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit(&self.dict);
    }
}
vtable!(pub MODULE_VT, ModuleObj, "module", gc: true, track: true, rule: Never, weak: true, finalize: None);

/// Iterators over built-in sequences and the lazy built-ins (enumerate, zip, map, …).
pub enum IterState {
    Seq {
        seq: ObjRef,
        index: usize,
    },
    /// A range whose values all fit in an `i64` (CPython's `range_iterator`; `Range` is its `longrange_iterator`).
    SmallRange {
        next: i64,
        step: i64,
        remaining: u64,
    },
    Range {
        next: BigInt,
        stop: BigInt,
        step: BigInt,
    },
    Reversed {
        seq: ObjRef,
        index: isize,
    },
    DictKeys {
        dict: ObjRef,
        index: usize,
        kind: u8,
        /// Size when iteration started: a change is a RuntimeError, as in CPython.
        len: usize,
        /// The item iterator's recycled `(key, value)` tuple (`iters::recycle_tuple`).
        result: Option<ObjRef>,
    },
    Enumerate {
        it: ObjRef,
        count: BigInt,
        /// The recycled `(index, item)` tuple.
        result: ObjRef,
    },
    Zip {
        /// The iterators, in a tuple as CPython's `ittuple`.
        its: ObjRef,
        strict: bool,
        /// The recycled result tuple.
        result: ObjRef,
    },
    Map {
        func: ObjRef,
        its: Vec<ObjRef>,
    },
    Filter {
        func: ObjRef,
        it: ObjRef,
    },
    Callable {
        func: ObjRef,
        sentinel: ObjRef,
    },
    /// A set's iterator: its keys in CPython's slot order, taken when iteration starts, and the set's size
    /// then (a change is a RuntimeError, as in CPython).
    Set {
        set: ObjRef,
        keys: Vec<ObjRef>,
        index: usize,
        used: usize,
    },
    Exhausted,
}
pub struct IterObj(pub RefCell<IterState>);
impl Payload for IterObj {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        let Ok(s) = self.0.try_borrow() else { return };
        match &*s {
            IterState::Seq { seq, .. } | IterState::Reversed { seq, .. } => visit(seq),
            IterState::DictKeys { dict, result, .. } => {
                visit(dict);
                result.iter().for_each(visit);
            }
            IterState::Enumerate { it, result, .. } => {
                visit(it);
                visit(result);
            }
            IterState::Zip { its, result, .. } => {
                visit(its);
                visit(result);
            }
            IterState::Map { func, its } => {
                visit(func);
                its.iter().for_each(visit)
            }
            IterState::Filter { func, it } => {
                visit(func);
                visit(it)
            }
            IterState::Callable { func, sentinel } => {
                visit(func);
                visit(sentinel)
            }
            IterState::Set { set, keys, .. } => {
                visit(set);
                keys.iter().for_each(visit)
            }
            _ => {}
        }
    }
    fn clear(&self) {
        let s = std::mem::replace(&mut *self.0.borrow_mut(), IterState::Exhausted);
        drop(s);
    }
}
vtable!(pub ITER_VT, IterObj, "iterator", gc: true, track: true, rule: Never, weak: false, finalize: None);
// A range iterator holds no objects: CPython's is not a gc object (it does not count as a gc allocation).
vtable!(pub RANGE_ITER_VT, IterObj, "range_iterator", gc: false, track: false, rule: Never, weak: false, finalize: None);

/// A view: `dict.keys()`, `.values()`, `.items()` (kind 0, 1, 2).
pub struct DictViewObj {
    pub dict: ObjRef,
    pub kind: u8,
}
impl Payload for DictViewObj {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit(&self.dict);
    }
}
vtable!(pub DICTVIEW_VT, DictViewObj, "dict_view", gc: true, track: true, rule: Never, weak: false, finalize: None);

pub struct GeneratorObj {
    pub frame: RefCell<Option<crate::frame::Frame>>,
    /// The pointers its CPython frame holds after the frame's fixed part: `co_nlocalsplus + co_stacksize`
    /// (kept after the frame finishes, as CPython's `gi_code` is).
    pub frame_slots: usize,
    pub running: Cell<bool>,
    pub name: String,
    pub qualname: String,
}
impl Payload for GeneratorObj {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Ok(f) = self.frame.try_borrow() {
            if let Some(f) = &*f {
                f.traverse(visit);
            }
        }
    }
    fn clear(&self) {
        if let Ok(mut f) = self.frame.try_borrow_mut() {
            let f = f.take();
            drop(f);
        }
    }
}
vtable!(pub GENERATOR_VT, GeneratorObj, "generator", gc: true, track: true, rule: Never, weak: true, finalize: Some(crate::eval::gen_finalize));

pub struct SuperObj {
    pub cls: ObjRef,
    pub obj: ObjRef,
}
impl Payload for SuperObj {
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit(&self.cls);
        visit(&self.obj);
    }
}
vtable!(pub SUPER_VT, SuperObj, "super", gc: true, track: true, rule: Never, weak: false, finalize: None);

/// `ctypes.c_long`: either an own value or a view of a heap word (`from_address`).
pub struct CLongObj {
    pub address: Option<usize>,
    pub value: Cell<i64>,
}
impl Payload for CLongObj {}
vtable!(pub CLONG_VT, CLongObj, "c_long", gc: false, track: false, rule: Never, weak: false, finalize: None);

/// A text file from `open()`.
pub struct FileObj {
    pub path: String,
    pub mode: String,
    pub content: RefCell<String>,
    pub pos: Cell<usize>,
    pub closed: Cell<bool>,
}
impl Payload for FileObj {}
vtable!(pub FILE_VT, FileObj, "TextIOWrapper", gc: false, track: false, rule: Never, weak: false, finalize: None);
