//! Object layout: the header every heap object starts with, and the type descriptor ([`VTable`]) it points to.
//!
//! ```text
//!              object address = block start = identity = id(x)
//!              │
//!              ▼ ┌────────────┬────────────┬──────────────────┬───────────────┐
//!  every         │ refcnt: u32│ gc_slot:u32│ vtable|flags|list│ payload …     │
//!  object:       └────────────┴────────────┴──────────────────┴───────────────┘
//!                 ObjHeader (16 bytes; 12 + 4 padding on 32-bit targets)      offset 16
//!
//!  tracked objects also own one slot (8 bytes) of their generation's vector:
//!                 generation:  [ obj │ obj │ ∅ │ obj │ … ]   (∅: a tombstone left by untracking)
//!                                           ▲
//!                                   gc_slot = this index
//! ```
//!
//! So a tracked object costs 16 + 8 = 24 bytes of bookkeeping (CPython 3.11: 32), an untracked one 16.
//!
//! * `refcnt` is the first word at the object's address: [`crate::read_word`] at `id(x)` yields the count —
//!   what `ctypes.c_long.from_address(id(x)).value` shows in CPython. It is 32 bits, as in CPython 3.12 on
//!   64-bit targets: a count that would pass `u32::MAX` sticks there and the object becomes immortal (never
//!   freed; 4·10^9 references would need 32 GiB of pointers, so only a leak can get there).
//! * `gc_slot` is the index of the object in its list's vector while tracked ([`UNTRACKED`] otherwise); during
//!   a collection's reachability pass it holds `gc_refs`, the working copy of the count (see `collector`).
//! * The vtable word keeps the `&'static VTable` (128-aligned) and uses its seven low bits: four flags and the
//!   number of the list the object is tracked in (see `gclist`).

use std::any::TypeId;
use std::cell::Cell;
use std::ptr::NonNull;

use crate::trace::Tracer;

/// Size of [`ObjHeader`]: the payload starts this many bytes after the object address.
pub const HEADER_SIZE: usize = 16;
/// Bytes a tracked object occupies in its generation's vector (one pointer).
pub const GC_SLOT_SIZE: usize = std::mem::size_of::<usize>();
/// Payloads are aligned to at most this; the allocator's blocks are 16-byte aligned.
pub const MAX_PAYLOAD_ALIGN: usize = 16;

/// Header flag (low bits of the vtable word): the object has, or had, weak references registered in the
/// heap's weak-reference table. Checked on deallocation so objects without weakrefs pay one bit test.
pub(crate) const FLAG_HAS_WEAKREFS: usize = 0b0001;
/// Header flag: the payload has already been dropped by the collector's clear step (typed objects without a
/// `clear` hook), so deallocation must not drop it a second time.
pub(crate) const FLAG_PAYLOAD_DROPPED: usize = 0b0010;
/// Header flag: the object's finalizer has run (PEP 442: it never runs twice).
pub(crate) const FLAG_FINALIZED: usize = 0b0100;
/// Header flag: the object belongs to the set being collected right now.
pub(crate) const FLAG_COLLECTING: usize = 0b1000;
/// The vtable word's bits 4..7: the list ([`crate::gclist::ListId`]) a tracked object is in.
pub(crate) const LIST_SHIFT: u32 = 4;
pub(crate) const LIST_MASK: usize = 0b111 << LIST_SHIFT;
const HEADER_FLAG_MASK: usize = 0b111_1111;
/// `gc_slot` of an object in no list.
pub(crate) const UNTRACKED: u32 = u32::MAX;
/// A count that has reached this stays there: the object is immortal (see the module doc).
pub(crate) const IMMORTAL_REFCNT: u32 = u32::MAX;

/// The first 16 bytes of every heap object. `#[repr(C)]`: `refcnt` at offset 0, `gc_slot` at 4, the tagged
/// vtable pointer at 8 (see the module diagram).
#[repr(C)]
pub struct ObjHeader {
    pub(crate) refcnt: Cell<u32>,
    pub(crate) gc_slot: Cell<u32>,
    /// `&'static VTable` with flags and the list number in its seven low bits (zero in a 128-aligned pointer).
    vtable_and_flags: Cell<*const VTable>,
}

const _: () = assert!(std::mem::size_of::<ObjHeader>() <= HEADER_SIZE);
const _: () = assert!(std::mem::align_of::<VTable>() > HEADER_FLAG_MASK);

impl ObjHeader {
    pub(crate) fn new(vtable: &'static VTable) -> ObjHeader {
        ObjHeader {
            refcnt: Cell::new(1),
            gc_slot: Cell::new(UNTRACKED),
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
        // SAFETY: the word was built from a `&'static VTable` in `ObjHeader::new` and only its seven low bits
        // (zero in any 128-aligned pointer) are ever changed, so masking them restores that reference.
        unsafe { &*ptr }
    }

    /// The reference count (an immortal object's reads `u32::MAX`).
    #[inline]
    pub fn refcnt(&self) -> isize {
        self.refcnt.get() as isize
    }

    #[inline]
    pub(crate) fn has_flag(&self, flag: usize) -> bool {
        self.vtable_and_flags.get().addr() & flag != 0
    }

    #[inline]
    pub(crate) fn set_flag(&self, flag: usize, on: bool) {
        self.update_bits(if on { flag } else { 0 }, flag);
    }

    /// The bits of the vtable word under `mask` (flags, list number).
    #[inline]
    pub(crate) fn bits(&self, mask: usize) -> usize {
        self.vtable_and_flags.get().addr() & mask
    }

    /// Replace the bits under `mask` with `bits` (keeping the pointer and its provenance).
    #[inline]
    pub(crate) fn update_bits(&self, bits: usize, mask: usize) {
        debug_assert!(bits & !mask == 0 && mask & !HEADER_FLAG_MASK == 0);
        let word = self.vtable_and_flags.get();
        self.vtable_and_flags
            .set(word.map_addr(|a| (a & !mask) | bits));
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

    #[inline]
    pub fn refcnt(self) -> isize {
        self.header().refcnt()
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
///
/// 128-aligned so that an object's vtable word has room for its flags and list number (see the module doc).
#[repr(align(128))]
pub struct VTable {
    /// Shown in debug output and event traces.
    pub name: &'static str,
    /// `TypeId` of the payload's Rust type: lets [`RawObj::downcast`] check the payload type safely.
    pub type_id: TypeId,
    /// Payload size in bytes (the allocation is `HEADER_SIZE` + this).
    pub payload_size: usize,
    /// Payload alignment; at most [`MAX_PAYLOAD_ALIGN`].
    pub payload_align: usize,
    /// Objects are counted by generation 0 and may be tracked by the cycle collector (their blocks come from
    /// pools of their own, see `pymalloc`).
    pub gc_capable: bool,
    /// Allocations and frees of these gc-capable objects move generation 0's count (CPython's `gc_alloc` and
    /// `PyObject_GC_Del`). `false` for objects that are part of another gc object and never tracked on their
    /// own (a subclass instance's built-in value: CPython allocates the two as one object).
    pub gc_counted: bool,
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
        HEADER_SIZE + self.payload_size
    }
}
