//! Weak references: heap objects that point at a referent without owning it, cleared when it dies, with an
//! optional callback (after CPython's `Objects/weakrefobject.c`).
//!
//! Each referent's weak references form a doubly linked list through the weakref objects themselves
//! (CPython's `wr_prev`/`wr_next`), in CPython's list order: a basic ref (no callback) first, then a basic
//! proxy, then those with callbacks, newest first. The heap's table maps a referent that has weakrefs (header
//! flag `FLAG_HAS_WEAKREFS`) to the head of its list, one entry per referent. When a referent dies every
//! weakref to it is cleared first, then the callbacks run in list order.

use std::any::TypeId;
use std::cell::{Cell, RefCell};
use std::collections::hash_map::Entry;

use crate::header::{RawObj, UntrackRule, VTable};
use crate::heap;
use crate::object::ObjRef;
use crate::trace::{Trace, Tracer};

/// Plain reference (`weakref.ref`) or transparent proxy (`weakref.proxy`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum WeakKind {
    Ref,
    Proxy,
}

/// The payload of a weak-reference object.
pub struct WeakRefData {
    referent: Cell<Option<RawObj>>,
    callback: RefCell<Option<ObjRef>>,
    kind: WeakKind,
    /// Free for the embedder: CPython caches a weakref's hash (it must survive the referent).
    pub hash_cache: Cell<Option<isize>>,
    /// Neighbours in the referent's list while `referent` is set (both `None` otherwise, and at the ends).
    prev: Cell<Option<RawObj>>,
    next: Cell<Option<RawObj>>,
}

impl WeakRefData {
    pub fn kind(&self) -> WeakKind {
        self.kind
    }

    pub fn callback(&self) -> Option<ObjRef> {
        self.callback.borrow().clone()
    }

    /// The referent while it is alive (no new reference).
    pub fn referent(&self) -> Option<RawObj> {
        self.referent.get()
    }
}

/// A Rust closure usable as a weakref callback (and by [`crate::Weak::with_callback`]). Not gc-capable: what
/// it captures counts as referenced from outside the heap.
pub struct RustCallback(Box<dyn Fn(&ObjRef)>);

/// Why a weak reference could not be made.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct NotWeakrefable(pub &'static str);

impl std::fmt::Display for NotWeakrefable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot create weak reference to '{}' object", self.0)
    }
}

impl std::error::Error for NotWeakrefable {}

fn weakref_traverse(obj: RawObj, tracer: &mut Tracer<'_>) {
    if let Some(data) = obj.downcast::<WeakRefData>() {
        if let Ok(cb) = data.callback.try_borrow() {
            if let Some(cb) = cb.as_ref() {
                tracer.visit(cb.raw());
            }
        }
    }
}

fn weakref_clear(obj: RawObj) {
    clear_ref(obj);
}

/// # Safety
/// `obj` is a live weakref whose payload is dropped only here, once.
unsafe fn weakref_drop(obj: RawObj) {
    // The heap marks the payload dropped before calling this hook (so nothing else can read it meanwhile),
    // which makes `downcast` refuse it: read the still-intact payload directly to unregister it.
    // SAFETY: by the contract the payload is a live `WeakRefData` until the drop below.
    let data = unsafe { &*(obj.payload_ptr().as_ptr() as *const WeakRefData) };
    unregister(obj, data);
    // SAFETY: called once as the vtable's `drop_payload`, with a `WeakRefData` payload.
    unsafe { heap::drop_payload_as::<WeakRefData>(obj) };
}

static WEAKREF_VTABLE: VTable = VTable {
    name: "weakref",
    type_id: TypeId::of::<WeakRefData>(),
    payload_size: std::mem::size_of::<WeakRefData>(),
    payload_align: std::mem::align_of::<WeakRefData>(),
    gc_capable: true,
    gc_counted: true,
    track_at_alloc: true,
    untrack_rule: UntrackRule::Never,
    weakrefable: false,
    traverse: weakref_traverse,
    clear: Some(weakref_clear),
    finalize: None,
    legacy_finalizer: false,
    drop_payload: weakref_drop,
    free_list: None,
};

fn callback_traverse(_obj: RawObj, _tracer: &mut Tracer<'_>) {}

/// # Safety
/// `obj` is a live `RustCallback` object whose payload is dropped only here, once.
unsafe fn callback_drop(obj: RawObj) {
    // SAFETY: called once as the vtable's `drop_payload`, with a `RustCallback` payload.
    unsafe { heap::drop_payload_as::<RustCallback>(obj) };
}

static RUST_CALLBACK_VTABLE: VTable = VTable {
    name: "builtin_function_or_method",
    type_id: TypeId::of::<RustCallback>(),
    payload_size: std::mem::size_of::<RustCallback>(),
    payload_align: std::mem::align_of::<RustCallback>(),
    gc_capable: false,
    gc_counted: false,
    track_at_alloc: false,
    untrack_rule: UntrackRule::Never,
    weakrefable: true,
    traverse: callback_traverse,
    clear: None,
    finalize: None,
    legacy_finalizer: false,
    drop_payload: callback_drop,
    free_list: None,
};

/// Wrap a Rust closure as a heap object usable as a weakref callback; it receives the (dead) weakref.
pub fn rust_callback(f: impl Fn(&ObjRef) + 'static) -> ObjRef {
    // SAFETY: RUST_CALLBACK_VTABLE describes a `RustCallback` payload.
    unsafe { heap::allocate(&RUST_CALLBACK_VTABLE, RustCallback(Box::new(f))) }
}

/// The weak-reference payload of `obj`, if it is a weakref.
pub fn as_weakref(obj: &ObjRef) -> Option<&WeakRefData> {
    obj.downcast::<WeakRefData>()
}

pub(crate) fn is_weakref(obj: RawObj) -> bool {
    std::ptr::eq(obj.vtable(), &WEAKREF_VTABLE)
}

/// The payload of a weakref in some referent's list. Listed weakrefs are live weakref objects whose payload
/// is intact: a weakref leaves its list (`unregister`) before its payload is dropped or cleared.
fn listed<'a>(wr: RawObj) -> &'a WeakRefData {
    // SAFETY: see above: a listed weakref's payload is a live `WeakRefData` (read directly because `downcast`
    // refuses a payload marked dropped, which the weakref being unregistered by `weakref_drop` already is;
    // its neighbours are not).
    unsafe { &*(wr.payload_ptr().as_ptr() as *const WeakRefData) }
}

/// The first weakref of `obj`'s list, if it has any.
pub(crate) fn first_weakref_of(obj: RawObj) -> Option<RawObj> {
    if !obj.header().has_flag(crate::header::FLAG_HAS_WEAKREFS) {
        return None;
    }
    heap::with(|h| h.weakrefs.borrow().get(&obj.addr()).copied())
}

/// `obj`'s weakrefs in list order. Only walk it while no user code can run (nothing unlinks meanwhile).
fn list_of(obj: RawObj) -> impl Iterator<Item = RawObj> {
    std::iter::successors(first_weakref_of(obj), |&wr| listed(wr).next.get())
}

fn is_basic(wr: RawObj, kind: WeakKind) -> bool {
    let data = listed(wr);
    data.kind == kind && data.callback.borrow().is_none()
}

/// An existing weakref to `referent` of `kind` without callback (CPython hands that one out again instead
/// of creating a new one).
pub fn basic_ref(referent: &ObjRef, kind: WeakKind) -> Option<ObjRef> {
    list_of(referent.raw())
        .take(2)
        .find(|&wr| is_basic(wr, kind) && wr.refcnt() > 0)
        // SAFETY: listed weakrefs with a positive count are live; the caller owns the new reference.
        .map(|wr| unsafe { ObjRef::from_borrowed(wr) })
}

/// Create a new weak reference to `referent`.
pub fn new_weakref(
    referent: &ObjRef,
    callback: Option<ObjRef>,
    kind: WeakKind,
) -> Result<ObjRef, NotWeakrefable> {
    let vtable = referent.raw().vtable();
    if !vtable.weakrefable {
        return Err(NotWeakrefable(vtable.name));
    }
    let basic = callback.is_none();
    let data = WeakRefData {
        referent: Cell::new(Some(referent.raw())),
        callback: RefCell::new(callback),
        kind,
        hash_cache: Cell::new(None),
        prev: Cell::new(None),
        next: Cell::new(None),
    };
    // SAFETY: WEAKREF_VTABLE describes a `WeakRefData` payload.
    let wr_obj = unsafe { heap::allocate(&WEAKREF_VTABLE, data) };
    let (referent, wr) = (referent.raw(), wr_obj.raw());
    heap::with(|h| {
        let mut table = h.weakrefs.borrow_mut();
        // One table lookup finds the current head and, if the new weakref becomes the head, stores it.
        let entry = table.entry(referent.addr());
        let head = match &entry {
            Entry::Occupied(e) => Some(*e.get()),
            Entry::Vacant(_) => None,
        };
        // CPython's order: a basic ref heads the list, a basic proxy follows it, and every other weakref goes
        // right after those two (so the ones with callbacks are newest first).
        let basic_ref = head.filter(|&w| is_basic(w, WeakKind::Ref));
        let after_ref = basic_ref.map_or(head, |r| listed(r).next.get());
        let basic_proxy = after_ref.filter(|&w| is_basic(w, WeakKind::Proxy));
        let insert_after = match (basic, kind) {
            (true, WeakKind::Ref) => None,
            (true, WeakKind::Proxy) => basic_ref,
            (false, _) => basic_proxy.or(basic_ref),
        };
        let new = listed(wr);
        let next = match insert_after {
            Some(prev) => {
                new.prev.set(Some(prev));
                listed(prev).next.replace(Some(wr))
            }
            None => {
                entry.insert_entry(wr);
                head
            }
        };
        new.next.set(next);
        if let Some(next) = next {
            listed(next).prev.set(Some(wr));
        }
    });
    heap::set_has_weakrefs(referent, true);
    Ok(wr_obj)
}

/// The referent of a weakref, if it is alive (a new reference).
pub fn upgrade(wr: &ObjRef) -> Option<ObjRef> {
    let referent = as_weakref(wr)?.referent.get()?;
    // SAFETY: a weakref's referent is live while set: it is cleared before the referent dies.
    Some(unsafe { ObjRef::from_borrowed(referent) })
}

/// `weakref.getweakrefcount(obj)`.
pub fn weakref_count(obj: &ObjRef) -> usize {
    list_of(obj.raw()).count()
}

/// `weakref.getweakrefs(obj)`, in list order.
pub fn weakrefs_of(obj: &ObjRef) -> Vec<ObjRef> {
    list_of(obj.raw())
        // SAFETY: listed weakrefs are live (they unregister when they die); new references for the caller.
        .map(|w| unsafe { ObjRef::from_borrowed(w) })
        .collect()
}

/// Unregister `wr` from its referent's list and set its referent to none, keeping the callback.
pub(crate) fn clear_ref_keep_callback(wr: RawObj) {
    if let Some(data) = wr.downcast::<WeakRefData>() {
        unregister(wr, data);
    }
}

/// Unlink `wr` (whose payload is `data`) from its referent's list, if it is in one.
fn unregister(wr: RawObj, data: &WeakRefData) {
    let Some(referent) = data.referent.take() else {
        return;
    };
    let prev = data.prev.take();
    let next = data.next.take();
    if let Some(next) = next {
        listed(next).prev.set(prev);
    }
    match prev {
        Some(prev) => listed(prev).next.set(next),
        None => {
            // `wr` was the head: its successor takes its place in the table, or the referent has none left.
            heap::with(|h| {
                let mut table = h.weakrefs.borrow_mut();
                debug_assert_eq!(
                    table.get(&referent.addr()),
                    Some(&wr),
                    "the head is in the table"
                );
                match next {
                    Some(next) => table.insert(referent.addr(), next),
                    None => table.remove(&referent.addr()),
                }
            });
            if next.is_none() {
                heap::set_has_weakrefs(referent, false);
            }
        }
    }
}

/// CPython's `clear_weakref`: unregister and drop the callback.
pub(crate) fn clear_ref(wr: RawObj) {
    clear_ref_keep_callback(wr);
    if let Some(data) = wr.downcast::<WeakRefData>() {
        let callback = data.callback.borrow_mut().take();
        drop(callback);
    }
}

pub(crate) fn has_callback(wr: RawObj) -> bool {
    wr.downcast::<WeakRefData>()
        .is_some_and(|d| d.callback.borrow().is_some())
}

/// Call `wr`'s callback with `wr` (the collector's path: the callback stays on the weakref).
pub(crate) fn run_callback(wr: RawObj) {
    let Some(callback) = wr
        .downcast::<WeakRefData>()
        .and_then(|d| d.callback.borrow().clone())
    else {
        return;
    };
    // SAFETY: the collector holds a reference to `wr` while this runs.
    let wr = unsafe { ObjRef::from_borrowed(wr) };
    invoke(&callback, &wr);
}

fn invoke(callback: &ObjRef, wr: &ObjRef) {
    if let Some(f) = callback.downcast::<RustCallback>() {
        (f.0)(wr);
        return;
    }
    if let Some(hook) = heap::with(|h| h.hooks.get().weakref_callback) {
        hook(callback, wr);
    }
}

/// A referent's count reached zero: clear all its weakrefs, then run their callbacks in list order
/// (CPython's `PyObject_ClearWeakRefs`).
pub(crate) fn clear_weakrefs_at_death(obj: RawObj) {
    let head = heap::with(|h| h.weakrefs.borrow_mut().remove(&obj.addr()));
    heap::set_has_weakrefs(obj, false);
    // The whole list is detached before any user code runs (a callback dropped or called below).
    let mut to_call = Vec::new();
    let mut to_drop = Vec::new();
    let mut link = head;
    while let Some(wr) = link {
        let data = listed(wr);
        link = data.next.take();
        data.prev.set(None);
        data.referent.set(None);
        let callback = data.callback.borrow_mut().take();
        if let Some(callback) = callback {
            if wr.refcnt() > 0 {
                // SAFETY: `wr` is live (positive count); the new reference keeps it so until its callback ran.
                to_call.push((unsafe { ObjRef::from_borrowed(wr) }, callback));
            } else {
                // A weakref already dying (queued by the trashcan): its callback never runs.
                to_drop.push(callback);
            }
        }
    }
    drop(to_drop);
    for (wr, callback) in to_call {
        invoke(&callback, &wr);
    }
}

// SAFETY: a `RustCallback` owns no heap references that it reports (its captures are treated as external).
unsafe impl Trace for RustCallback {
    fn trace(&self, _tracer: &mut Tracer<'_>) {}
    const MAY_CONTAIN_REFS: bool = false;
}
