//! The bridge between Rust payload structs and refpy-heap: every Python type is a Rust struct implementing
//! [`Payload`], and [`vtable!`] builds the one `static VTable` the heap needs for it.

use refpy_heap::{ObjRef, RawObj, Tracer};

/// A Rust struct that is the payload of a Python object.
pub trait Payload: 'static + Sized {
    /// Report every owned `ObjRef` exactly once (CPython's `tp_traverse`).
    fn traverse(&self, _visit: &mut dyn FnMut(&ObjRef)) {}
    /// `traverse` for the collector: the same references in the same order, handed to its tracer. Containers
    /// override it to report items straight to the tracer (one indirect call per item instead of two).
    fn trace(&self, tracer: &mut Tracer<'_>) {
        self.traverse(&mut |r| tracer.visit(r.raw()));
    }
    /// Drop owned references so cycles fall apart (CPython's `tp_clear`).
    fn clear(&self) {}
    /// Whether dead objects of this type may go to a free list (see `free_list_slot`).
    const FREE_LIST: bool = false;
    /// The heap free list that keeps this object's memory when it dies, and that its allocation reuses
    /// (CPython's free lists for lists, dicts, floats and small tuples).
    fn free_list_slot(&self) -> Option<refpy_heap::FreeListSlot> {
        None
    }
}

/// Generic `free_list` hook for the heap: asks the payload, before it is dropped.
pub fn free_list_hook<T: Payload>(obj: RawObj) -> Option<refpy_heap::FreeListSlot> {
    obj.downcast::<T>()?.free_list_slot()
}

/// Generic `traverse` hook for the heap.
///
/// # Safety
/// `obj` must be a live object whose payload is a `T` (guaranteed by the vtable built with `vtable!`).
pub unsafe fn traverse_hook<T: Payload>(obj: RawObj, tracer: &mut Tracer<'_>) {
    if let Some(payload) = obj.downcast::<T>() {
        payload.trace(tracer);
    }
}

/// Generic `clear` hook for the heap.
///
/// # Safety
/// As [`traverse_hook`].
pub unsafe fn clear_hook<T: Payload>(obj: RawObj) {
    if let Some(payload) = obj.downcast::<T>() {
        payload.clear();
    }
}

/// Generic `drop_payload` hook for the heap.
///
/// # Safety
/// `obj`'s payload is an initialised `T` that is never used again (the heap calls this exactly once).
pub unsafe fn drop_hook<T: Payload>(obj: RawObj) {
    // SAFETY: by the contract above the payload is a live `T` and this is its only drop.
    unsafe { std::ptr::drop_in_place(obj.payload_ptr().as_ptr() as *mut T) }
}

/// Build a `static VTable` for a payload type.
#[macro_export]
macro_rules! vtable {
    ($vis:vis $name:ident, $ty:ty, $pyname:expr, gc: $gc:expr, track: $track:expr, rule: $rule:ident,
     weak: $weak:expr, finalize: $fin:expr) => {
        $crate::vtable!($vis $name, $ty, $pyname, gc: $gc, track: $track, rule: $rule, weak: $weak,
            finalize: $fin, part_of_instance: false);
    };
    // `part_of_instance`: the built-in value inside a subclass instance, which CPython allocates with the
    // instance as one object: not counted by generation 0, never on a free list.
    ($vis:vis $name:ident, $ty:ty, $pyname:expr, gc: $gc:expr, track: $track:expr, rule: $rule:ident,
     weak: $weak:expr, finalize: $fin:expr, part_of_instance: $part:expr) => {
        $vis static $name: refpy_heap::VTable = refpy_heap::VTable {
            name: $pyname,
            type_id: std::any::TypeId::of::<$ty>(),
            payload_size: std::mem::size_of::<$ty>(),
            payload_align: std::mem::align_of::<$ty>(),
            gc_capable: $gc,
            gc_counted: $gc && !$part,
            track_at_alloc: $track,
            untrack_rule: refpy_heap::UntrackRule::$rule,
            weakrefable: $weak,
            traverse: $crate::object::traverse_hook::<$ty>,
            clear: if $gc { Some($crate::object::clear_hook::<$ty>) } else { None },
            finalize: $fin,
            legacy_finalizer: false,
            drop_payload: $crate::object::drop_hook::<$ty>,
            free_list: if <$ty as $crate::object::Payload>::FREE_LIST && !$part {
                Some($crate::object::free_list_hook::<$ty>)
            } else {
                None
            },
        };
    };
}

/// Allocate a new object on the heap.
///
/// Always inlined: the vtable is a `static` at every call site, so the heap's size-class, tracking and
/// free-list decisions fold into straight-line code.
#[inline(always)]
pub fn alloc<T: Payload>(vt: &'static refpy_heap::VTable, payload: T) -> ObjRef {
    if T::FREE_LIST && vt.free_list.is_some() {
        if let Some(slot) = payload.free_list_slot() {
            // SAFETY: as below; the heap reuses only blocks of this vtable's size and layout.
            return unsafe { refpy_heap::allocate_from_free_list(vt, slot, payload) };
        }
    }
    // SAFETY: every vtable passed here is built by `vtable!` for exactly the payload type `T`
    // (the `type_id` check inside `downcast` would catch a mismatch on access).
    unsafe { refpy_heap::allocate(vt, payload) }
}

/// Report an optional reference.
pub fn visit_opt(o: &Option<ObjRef>, visit: &mut dyn FnMut(&ObjRef)) {
    if let Some(o) = o {
        visit(o)
    }
}
