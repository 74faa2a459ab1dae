//! Object types built with the dynamic API, the way an interpreter defines its own: a list (tracked,
//! cleared by emptying it), a tuple (untracked by collections once it holds only atoms), a dict-like map
//! (created untracked) and an atom (not gc-capable).
#![allow(dead_code)]

use std::any::TypeId;
use std::cell::RefCell;

use refpy_heap::{ObjRef, RawObj, Tracer, UntrackRule, VTable};

pub struct List(pub RefCell<Vec<ObjRef>>);
pub struct Tuple(pub Vec<ObjRef>);
pub struct Atom(pub i64);

fn list_traverse(obj: RawObj, tracer: &mut Tracer<'_>) {
    let list = obj.downcast::<List>().expect("a List");
    if let Ok(items) = list.0.try_borrow() {
        for item in items.iter() {
            tracer.visit(item.raw());
        }
    }
}

fn list_clear(obj: RawObj) {
    let list = obj.downcast::<List>().expect("a List");
    let items = std::mem::take(&mut *list.0.borrow_mut());
    drop(items);
}

fn tuple_traverse(obj: RawObj, tracer: &mut Tracer<'_>) {
    for item in &obj.downcast::<Tuple>().expect("a Tuple").0 {
        tracer.visit(item.raw());
    }
}

fn no_traverse(_obj: RawObj, _tracer: &mut Tracer<'_>) {}

/// # Safety
/// `obj`'s payload is a `T`, dropped only here, once.
unsafe fn drop_payload<T>(obj: RawObj) {
    // SAFETY: caller's contract.
    unsafe { std::ptr::drop_in_place(obj.payload_ptr().as_ptr() as *mut T) }
}

pub static LIST: VTable = VTable {
    name: "list",
    type_id: TypeId::of::<List>(),
    payload_size: std::mem::size_of::<List>(),
    payload_align: std::mem::align_of::<List>(),
    gc_capable: true,
    gc_counted: true,
    track_at_alloc: true,
    untrack_rule: UntrackRule::Never,
    weakrefable: true,
    traverse: list_traverse,
    clear: Some(list_clear),
    finalize: None,
    legacy_finalizer: false,
    drop_payload: drop_payload::<List>,
    free_list: None,
};

pub static TUPLE: VTable = VTable {
    name: "tuple",
    type_id: TypeId::of::<Tuple>(),
    payload_size: std::mem::size_of::<Tuple>(),
    payload_align: std::mem::align_of::<Tuple>(),
    gc_capable: true,
    gc_counted: true,
    track_at_alloc: true,
    untrack_rule: UntrackRule::WhenAtomicInYoungCollection,
    weakrefable: false,
    traverse: tuple_traverse,
    clear: None,
    finalize: None,
    legacy_finalizer: false,
    drop_payload: drop_payload::<Tuple>,
    free_list: None,
};

pub static DICT: VTable = VTable {
    name: "dict",
    track_at_alloc: false,
    untrack_rule: UntrackRule::WhenAtomicInFullCollection,
    ..LIST
};

/// A list type whose dead objects go to free list 0 (two blocks at most), as CPython's lists do.
pub static FREE_LISTED: VTable = VTable {
    name: "list",
    free_list: Some(|_| Some(FREE_SLOT)),
    ..LIST
};

pub const FREE_SLOT: refpy_heap::FreeListSlot = refpy_heap::FreeListSlot {
    index: 0,
    capacity: 2,
};

pub fn free_listed() -> ObjRef {
    // SAFETY: FREE_LISTED describes a `List` payload, and slot 0 is only used with it.
    unsafe {
        refpy_heap::allocate_from_free_list(&FREE_LISTED, FREE_SLOT, List(RefCell::new(Vec::new())))
    }
}

pub static LEGACY: VTable = VTable {
    name: "legacy",
    legacy_finalizer: true,
    ..LIST
};

pub static ATOM: VTable = VTable {
    name: "int",
    type_id: TypeId::of::<Atom>(),
    payload_size: std::mem::size_of::<Atom>(),
    payload_align: std::mem::align_of::<Atom>(),
    gc_capable: false,
    gc_counted: false,
    track_at_alloc: false,
    untrack_rule: UntrackRule::Never,
    weakrefable: false,
    traverse: no_traverse,
    clear: None,
    finalize: None,
    legacy_finalizer: false,
    drop_payload: drop_payload::<Atom>,
    free_list: None,
};

pub fn list(items: Vec<ObjRef>) -> ObjRef {
    // SAFETY: LIST describes a `List` payload.
    unsafe { refpy_heap::allocate(&LIST, List(RefCell::new(items))) }
}

pub fn dict(items: Vec<ObjRef>) -> ObjRef {
    // SAFETY: DICT describes a `List` payload (a map's values are enough for the collector).
    unsafe { refpy_heap::allocate(&DICT, List(RefCell::new(items))) }
}

pub fn legacy(items: Vec<ObjRef>) -> ObjRef {
    // SAFETY: LEGACY describes a `List` payload.
    unsafe { refpy_heap::allocate(&LEGACY, List(RefCell::new(items))) }
}

pub fn tuple(items: Vec<ObjRef>) -> ObjRef {
    // SAFETY: TUPLE describes a `Tuple` payload.
    unsafe { refpy_heap::allocate(&TUPLE, Tuple(items)) }
}

pub fn atom(value: i64) -> ObjRef {
    // SAFETY: ATOM describes an `Atom` payload.
    unsafe { refpy_heap::allocate(&ATOM, Atom(value)) }
}

pub fn push(list: &ObjRef, item: ObjRef) {
    list.downcast::<List>()
        .expect("a List")
        .0
        .borrow_mut()
        .push(item);
}

/// Start every test from an empty young generation.
pub fn fresh() {
    refpy_heap::gc::collect(2);
}
