//! Object layout: the header every heap object starts with, the GC head tracked objects carry in front of
//! it, and the type descriptor ([`VTable`]) the header points to.
//!
//! ```text
//!              block start (what the allocator hands out)
//!              │
//!  tracked:    ▼ ┌──────────────┬──────────────┐┌──────────────┬──────────────┬───────────────┐
//!                │ gc_next      │ gc_prev|flags ││ refcnt: isize│ vtable|flags │ payload …     │
//!                └──────────────┴──────────────┘└──────────────┴──────────────┴───────────────┘
//!                 GcHead (16 bytes, offset -16)   ▲ ObjHeader (16 bytes)          offset 16
//!                                                 │
//!                                   object address = identity = id(x)
//!
//!  untracked   ┌──────────────┬──────────────┬───────────────┐
//!  type:       │ refcnt: isize│ vtable|flags │ payload …     │   (no GcHead: atoms such as int, str)
//!              └──────────────┴──────────────┴───────────────┘
//! ```
//!
//! The reference count is the first machine word at the object's address, so reading one `isize` at `id(x)`
//! yields the count — what `ctypes.c_long.from_address(id(x)).value` shows in CPython.

use std::any::TypeId;
use std::cell::Cell;
use std::ptr::NonNull;

use crate::trace::Tracer;

/// Size of [`ObjHeader`]: the payload starts this many bytes after the object address.
pub const HEADER_SIZE: usize = 16;
/// Size of [`GcHead`]: it sits this many bytes before the object address of a tracked-capable object.
pub const GC_HEAD_SIZE: usize = 16;
/// Payloads are aligned to at most this; the allocator's blocks are 16-byte aligned.
pub const MAX_PAYLOAD_ALIGN: usize = 16;

/// Header flag (low bits of the vtable word): the object has, or had, weak references registered in the
/// heap's weak-reference table. Checked on deallocation so objects without weakrefs pay one bit test.
pub(crate) const FLAG_HAS_WEAKREFS: usize = 0b01;
/// Header flag: the payload has already been dropped by the collector's clear step (typed objects without a
/// `clear` hook), so deallocation must not drop it a second time.
pub(crate) const FLAG_PAYLOAD_DROPPED: usize = 0b10;
const HEADER_FLAG_MASK: usize = 0b11;

/// The first 16 bytes of every heap object. `#[repr(C)]`: `refcnt` at offset 0, the tagged vtable pointer at
/// offset 8 (see the module diagram).
#[repr(C)]
pub struct ObjHeader {
    pub(crate) refcnt: Cell<isize>,
    /// `&'static VTable` with [`FLAG_HAS_WEAKREFS`] / [`FLAG_PAYLOAD_DROPPED`] in the two low bits
    /// (`VTable` is 8-aligned).
    vtable_and_flags: Cell<*const VTable>,
}

impl ObjHeader {
    pub(crate) fn new(vtable: &'static VTable) -> ObjHeader {
        ObjHeader {
            refcnt: Cell::new(1),
            vtable_and_flags: Cell::new(vtable as *const VTable),
        }
    }

    /// The object's type descriptor.
    #[inline]
    pub fn vtable(&self) -> &'static VTable {
        let ptr = self
            .vtable_and_flags
            .get()
            .map_addr(|a| a & !HEADER_FLAG_MASK);
        // SAFETY: the word was built from a `&'static VTable` in `ObjHeader::new` and only its two low bits
        // (zero in any 8-aligned pointer) are ever changed, so masking them restores that reference.
        unsafe { &*ptr }
    }

    #[inline]
    pub fn refcnt(&self) -> isize {
        self.refcnt.get()
    }

    #[inline]
    pub(crate) fn has_flag(&self, flag: usize) -> bool {
        self.vtable_and_flags.get().addr() & flag != 0
    }

    #[inline]
    pub(crate) fn set_flag(&self, flag: usize, on: bool) {
        let word = self.vtable_and_flags.get();
        self.vtable_and_flags
            .set(word.map_addr(|a| if on { a | flag } else { a & !flag }));
    }
}

/// GC-head flag (low bits of `prev`): the object's finalizer has run (PEP 442: it never runs twice).
pub(crate) const PREV_FINALIZED: usize = 0b01;
/// GC-head flag: the object belongs to the generation being collected right now.
pub(crate) const PREV_COLLECTING: usize = 0b10;
/// During a collection the bits above the two flags of `prev` hold `gc_refs`, the working copy of the count.
pub(crate) const PREV_SHIFT: u32 = 2;
pub(crate) const PREV_FLAGS_MASK: usize = PREV_FINALIZED | PREV_COLLECTING;
/// GC-head flag (low bit of `next`): set only inside `move_unreachable`, on objects in the tentatively
/// unreachable list.
pub(crate) const NEXT_UNREACHABLE: usize = 0b1;

/// Two links of a circular, doubly linked generation list, 16 bytes in front of tracked-capable objects.
///
/// A null `next` means "not tracked". Between collections `prev` is a real pointer plus flags; during the
/// collector's `update_refs` … `move_unreachable` phases it holds `gc_refs` instead (the list is singly linked
/// through `next` then), exactly as CPython's `PyGC_Head`.
#[repr(C)]
pub struct GcHead {
    pub(crate) next: Cell<*mut GcHead>,
    pub(crate) prev: Cell<*mut GcHead>,
}

impl GcHead {
    pub(crate) const fn new_untracked() -> GcHead {
        GcHead {
            next: Cell::new(std::ptr::null_mut()),
            prev: Cell::new(std::ptr::null_mut()),
        }
    }
}

/// A non-owning pointer to a heap object (the object address). Copying it does not touch the count.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct RawObj(NonNull<ObjHeader>);

impl std::fmt::Debug for RawObj {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} at {:#x}>", self.header().vtable().name, self.addr())
    }
}

impl RawObj {
    /// # Safety
    /// `ptr` must be the address of a live object allocated by this thread's heap, and stay live while the
    /// returned `RawObj` is dereferenced (through [`RawObj::header`] or anything built on it).
    #[inline]
    pub unsafe fn from_ptr(ptr: NonNull<ObjHeader>) -> RawObj {
        RawObj(ptr)
    }

    #[inline]
    pub fn as_ptr(self) -> NonNull<ObjHeader> {
        self.0
    }

    /// The object's address: its identity, `id()` in Python.
    #[inline]
    pub fn addr(self) -> usize {
        self.0.as_ptr() as usize
    }

    #[inline]
    pub fn header<'a>(self) -> &'a ObjHeader {
        // SAFETY: a `RawObj` is only built (by `from_ptr`'s contract or inside this crate) for a live object;
        // the header is only accessed through `Cell`s, so shared references to it never conflict.
        unsafe { self.0.as_ref() }
    }

    /// Pointer to the payload (16 bytes past the object address).
    #[inline]
    pub fn payload_ptr(self) -> NonNull<u8> {
        // SAFETY: every object is allocated with at least `HEADER_SIZE` bytes, so the offset stays inside
        // (or one past the end of) its block.
        unsafe { NonNull::new_unchecked(self.0.as_ptr().cast::<u8>().add(HEADER_SIZE)) }
    }

    /// Pointer to the GC head of a gc-capable object (`vtable().gc_capable`), with the provenance of the
    /// object's whole block (so list code can get back to the object from it).
    #[inline]
    pub(crate) fn gc_head_ptr(self) -> *mut GcHead {
        debug_assert!(self.header().vtable().gc_capable);
        // Objects of gc-capable types are allocated with a `GcHead` in the 16 bytes before the object address
        // (see `heap::allocate`), inside the same block.
        self.0
            .as_ptr()
            .cast::<u8>()
            .wrapping_sub(GC_HEAD_SIZE)
            .cast::<GcHead>()
    }

    /// The object owning a GC head.
    ///
    /// # Safety
    /// `gc` must be the `GcHead` of a live gc-capable object (not a list head), as returned by
    /// [`RawObj::gc_head_ptr`] or read from a list link.
    #[inline]
    pub(crate) unsafe fn from_gc_head(gc: *mut GcHead) -> RawObj {
        // SAFETY: by the caller's contract the object header follows the GC head directly, in the same block.
        unsafe {
            RawObj(NonNull::new_unchecked(
                gc.cast::<u8>().add(GC_HEAD_SIZE).cast::<ObjHeader>(),
            ))
        }
    }

    #[inline]
    pub fn refcnt(self) -> isize {
        self.header().refcnt.get()
    }

    #[inline]
    pub fn vtable(self) -> &'static VTable {
        self.header().vtable()
    }

    /// Whether the object is of the Rust type `T` (its vtable was made by [`VTable::of`]`::<T>` or declares
    /// `T`'s `TypeId`).
    #[inline]
    pub fn is<T: 'static>(self) -> bool {
        self.vtable().type_id == TypeId::of::<T>()
    }

    /// The payload as `&T`, if the object is a `T`.
    #[inline]
    pub fn downcast<'a, T: 'static>(self) -> Option<&'a T> {
        if self.is::<T>() && !self.header().has_flag(FLAG_PAYLOAD_DROPPED) {
            // SAFETY: the vtable's `type_id` says the payload is a `T`, constructed in place at `payload_ptr`
            // by `heap::allocate` and not yet dropped (flag checked); the object is live by `RawObj`'s
            // invariant. Payloads are only ever shared (`&T`), mutation goes through interior mutability.
            Some(unsafe { &*(self.payload_ptr().as_ptr() as *const T) })
        } else {
            None
        }
    }
}

/// What the collector does with a type's objects once they can no longer take part in a cycle
/// (CPython's untracking rules for tuples and dicts).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum UntrackRule {
    /// Stays tracked for its whole life (lists, instances, functions, …).
    Never,
    /// Like tuples: tracked at creation; any collection that finds it reachable untracks it when none of its
    /// referents may be tracked.
    WhenAtomicInYoungCollection,
    /// Like dicts: untracked when a *full* collection finds none of its referents may be tracked.
    WhenAtomicInFullCollection,
}

/// A type descriptor: what the heap needs to know about a kind of object. One `'static` instance per type.
///
/// Typed objects get theirs from [`VTable::of`]; an interpreter may build its own (the dynamic face of the
/// API), as long as the hooks uphold the rules of [`crate::Trace`].
pub struct VTable {
    /// Shown in debug output and event traces.
    pub name: &'static str,
    /// `TypeId` of the payload's Rust type: lets [`RawObj::downcast`] check the payload type safely.
    pub type_id: TypeId,
    /// Payload size in bytes (the allocation is `HEADER_SIZE` (+ `GC_HEAD_SIZE`) + this).
    pub payload_size: usize,
    /// Payload alignment; at most [`MAX_PAYLOAD_ALIGN`].
    pub payload_align: usize,
    /// Objects carry a GC head, are counted by generation 0 and may be tracked by the cycle collector.
    pub gc_capable: bool,
    /// Track objects right after allocation (lists, tuples); `false` for types that start untracked (dicts).
    pub track_at_alloc: bool,
    /// See [`UntrackRule`].
    pub untrack_rule: UntrackRule,
    /// Weak references to these objects may be created.
    pub weakrefable: bool,
    /// Report every strong reference the payload owns to the tracer (CPython's `tp_traverse`).
    ///
    /// # Safety (for callers)
    /// Called with a live object of this type.
    pub traverse: unsafe fn(RawObj, &mut Tracer<'_>),
    /// Drop the references the payload owns to break cycles (`tp_clear`); the object stays valid.
    /// `None`: the collector drops the whole payload in place instead and marks it dropped.
    pub clear: Option<unsafe fn(RawObj)>,
    /// PEP 442 finalizer (`__del__`): runs at most once per object, may resurrect it.
    pub finalize: Option<unsafe fn(RawObj)>,
    /// Objects with a legacy (pre-PEP 442) finalizer are never freed by the collector: they and everything
    /// reachable from them are "uncollectable" and go to the garbage list.
    pub legacy_finalizer: bool,
    /// Drop the payload in place (releases the references it owns). Called once, just before the memory is
    /// freed, unless the collector already dropped it.
    pub drop_payload: unsafe fn(RawObj),
    /// Keep dead objects' memory on a per-type free list instead of freeing it (CPython does so for lists,
    /// dicts, floats and small tuples): called at death, before the payload is dropped, it names the list, or
    /// `None` to free normally. Reuse it with [`crate::allocate_from_free_list`].
    pub free_list: Option<fn(RawObj) -> Option<FreeListSlot>>,
}

/// One of the heap's per-type free lists: `index < MAX_FREE_LISTS`, holding at most `capacity` blocks. A
/// list must only ever be used by one `VTable` (all its blocks have that type's size).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct FreeListSlot {
    pub index: u8,
    pub capacity: u16,
}

/// How many free lists a heap has.
pub const MAX_FREE_LISTS: usize = 64;

impl std::fmt::Debug for VTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VTable")
            .field("name", &self.name)
            .field("gc_capable", &self.gc_capable)
            .finish()
    }
}

impl VTable {
    /// Total bytes of the block an object of this type occupies.
    #[inline]
    pub(crate) fn block_size(&self) -> usize {
        let head = if self.gc_capable { GC_HEAD_SIZE } else { 0 };
        head + HEADER_SIZE + self.payload_size
    }

    /// Offset of the object address inside its block.
    #[inline]
    pub(crate) fn object_offset(&self) -> usize {
        if self.gc_capable {
            GC_HEAD_SIZE
        } else {
            0
        }
    }
}
