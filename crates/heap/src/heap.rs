//! The per-thread heap: allocator, collector state, weak-reference table, and the object life cycle
//! (allocate → incref/decref → deallocate).
//!
//! Like CPython under its GIL, a heap is single-threaded: each thread has its own, and handles are `!Send`.
//!
//! Re-entrancy rule: no `&mut` to heap state is held across a call to user code (traverse, finalize, payload
//! drop, callbacks). The allocator is only touched inside `allocate_block`/`free_block`, which call nothing
//! else; everything the collector shares with user code lives in `Cell`s or briefly borrowed `RefCell`s.

use std::cell::{Cell, RefCell, UnsafeCell};
use std::collections::HashMap;
use std::ptr::{self, NonNull};

use crate::collector::GcState;
use crate::events::{self, HeapEvent};
use crate::header::{
    FreeListSlot, ObjHeader, RawObj, VTable, FLAG_HAS_WEAKREFS, FLAG_PAYLOAD_DROPPED,
    IMMORTAL_REFCNT, MAX_FREE_LISTS, MAX_PAYLOAD_ALIGN,
};
use crate::object::ObjRef;
use crate::pymalloc::{AddrBuildHasher, AllocStats, Allocator, BadAddress};
use crate::weakref;

/// Deallocations nest at most this deep before further ones are deferred to the pending list (CPython's
/// trashcan unwinds at 50 as well), so freeing a 10^7-deep structure never overflows the stack.
const TRASHCAN_DEPTH: u32 = 50;

pub(crate) struct HeapState {
    allocator: UnsafeCell<Allocator>,
    pub(crate) gc: GcState,
    /// Nesting of `deallocate` calls on the stack right now.
    dealloc_depth: Cell<u32>,
    /// Objects whose count reached 0 while `dealloc_depth` was at the limit.
    pending_dealloc: RefCell<Vec<RawObj>>,
    /// Whether `pending_dealloc` may hold objects: the one test an outermost deallocation makes.
    has_pending_dealloc: Cell<bool>,
    /// Referent address → the head of its list of weak reference objects (linked through the weakrefs,
    /// CPython's `tp_weaklist` order); only referents with weakrefs have an entry.
    pub(crate) weakrefs: RefCell<HashMap<usize, RawObj, AddrBuildHasher>>,
    pub(crate) hooks: Cell<crate::Hooks>,
    pub(crate) events: events::EventState,
    /// Per-type free lists (see [`VTable::free_list`]): blocks of dead objects kept for reuse, newest first.
    free_lists: [FreeList; MAX_FREE_LISTS],
}

/// A LIFO list of dead objects' blocks, linked through the blocks themselves: each block's link sits in the
/// word after its object address (the dead header's vtable word), so its count word stays 0 and the address
/// reads as freed (as in pymalloc's free blocks).
#[derive(Default)]
struct FreeList {
    head: Cell<Option<NonNull<u8>>>,
    len: Cell<u16>,
    /// Size and pool kind of the blocks, for returning them to the allocator.
    block_size: Cell<usize>,
    gc_capable: Cell<bool>,
}

impl FreeList {
    /// Take the newest block, if any.
    #[inline]
    fn pop(&self) -> Option<NonNull<u8>> {
        let block = self.head.get()?;
        // SAFETY: a listed block holds its link at offset 8, written by `push`, and is unused.
        let next = unsafe { ptr::read(block.as_ptr().add(8).cast::<Option<NonNull<u8>>>()) };
        self.head.set(next);
        self.len.set(self.len.get() - 1);
        Some(block)
    }

    /// # Safety
    /// `block` is a dead object's block of `block_size` bytes (at least 16) that nothing uses any more, with
    /// the list's size and pool kind if the list is not empty.
    #[inline]
    unsafe fn push(&self, block: NonNull<u8>, block_size: usize, gc_capable: bool) {
        self.block_size.set(block_size);
        self.gc_capable.set(gc_capable);
        // SAFETY: the word after the object address lies inside the unused block (caller's contract); the
        // count word before it is left as it is (0).
        unsafe {
            ptr::write(
                block.as_ptr().add(8).cast::<Option<NonNull<u8>>>(),
                self.head.get(),
            )
        };
        self.head.set(Some(block));
        self.len.set(self.len.get() + 1);
    }
}

impl Drop for HeapState {
    fn drop(&mut self) {
        // So that empty arenas can be released.
        self.clear_free_lists();
    }
}

impl HeapState {
    fn new() -> HeapState {
        HeapState {
            allocator: UnsafeCell::new(Allocator::new()),
            gc: GcState::new(),
            dealloc_depth: Cell::new(0),
            pending_dealloc: RefCell::new(Vec::new()),
            has_pending_dealloc: Cell::new(false),
            weakrefs: RefCell::new(HashMap::default()),
            hooks: Cell::new(crate::Hooks::default()),
            events: events::EventState::default(),
            free_lists: std::array::from_fn(|_| FreeList::default()),
        }
    }

    /// Give the blocks kept on free lists back to the allocator (CPython's `clear_freelists`, which every
    /// collection of the oldest generation runs).
    pub(crate) fn clear_free_lists(&self) {
        for list in &self.free_lists {
            while let Some(block) = list.pop() {
                // SAFETY: free-listed blocks were allocated with this size and kind and hold no object.
                unsafe { self.free_block(block, list.block_size.get()) };
            }
        }
    }

    #[inline(always)]
    fn allocate_block(&self, size: usize, gc_capable: bool) -> NonNull<u8> {
        // SAFETY: the allocator is only accessed inside `allocate_block`/`free_block`/`allocator_stats`/
        // `read_word`, none of which calls out of this module or re-enters another, so this `&mut` is unique.
        unsafe { (*self.allocator.get()).allocate(size, gc_capable) }
    }

    /// Keep a dead object's block on free list `slot` if it has room. The block's count word stays 0, so the
    /// address reads as freed until the block is reused.
    ///
    /// # Safety
    /// `block` is a dead object's block of `block_size` bytes from the pools of `gc_capable` objects or the
    /// others, that nothing uses any more.
    #[inline]
    unsafe fn keep_on_free_list(
        &self,
        slot: FreeListSlot,
        block: NonNull<u8>,
        block_size: usize,
        gc_capable: bool,
    ) -> bool {
        let list = &self.free_lists[slot.index as usize];
        if list.len.get() >= slot.capacity {
            return false;
        }
        debug_assert!(
            list.len.get() == 0 || list.block_size.get() == block_size,
            "a free list serves one type"
        );
        // SAFETY: forwarded contract; every object block is at least 16 bytes.
        unsafe { list.push(block, block_size, gc_capable) };
        true
    }

    /// # Safety
    /// As [`Allocator::free`].
    #[inline(always)]
    unsafe fn free_block(&self, block: NonNull<u8>, size: usize) {
        // SAFETY: unique access as in `allocate_block`; the block contract is forwarded.
        unsafe { (*self.allocator.get()).free(block, size) }
    }
}

thread_local! {
    /// This thread's heap, created on first use: null before, [`TORN_DOWN`] once the thread's destructors
    /// have released it.
    ///
    /// NOTE: a `const`-initialised thread-local without `Drop` compiles to a plain TLS load, with no lazy
    /// state check or destructor registration on the hot path (alloc, free); [`HeapOwner`] registers the
    /// destructor once, when the heap is created.
    static HEAP: Cell<*const HeapState> = const { Cell::new(ptr::null()) };
    static HEAP_OWNER: HeapOwner = const { HeapOwner };
}

/// The value [`HEAP`] holds after the heap was destroyed (no heap lives at address 1).
const TORN_DOWN: *const HeapState = ptr::without_provenance(1);

/// Frees this thread's heap when the thread's thread-locals are destroyed.
struct HeapOwner;

impl Drop for HeapOwner {
    fn drop(&mut self) {
        // Marked first: handles dropped by the heap's own drop (or later destructors) see it gone and leak.
        let heap = HEAP.with(|h| h.replace(TORN_DOWN));
        if heap.addr() > TORN_DOWN.addr() {
            // SAFETY: made by `Box::into_raw` in `create_heap` and freed only here, once (the slot now holds
            // `TORN_DOWN`); no `with` closure is running while thread-local destructors run.
            drop(unsafe { Box::from_raw(heap.cast_mut()) });
        }
    }
}

/// This thread's heap, if it exists and was not torn down.
#[inline(always)]
fn current() -> Option<*const HeapState> {
    let heap = HEAP.with(Cell::get);
    (heap.addr() > TORN_DOWN.addr()).then_some(heap)
}

/// [`create_heap`] for [`with`]: the heap, or a panic while the thread is being torn down.
#[cold]
#[inline(never)]
fn create_heap_or_panic() -> *const HeapState {
    create_heap().expect("the thread's heap is used while the thread is being torn down")
}

/// Create this thread's heap on first use. `None` while the thread is being torn down.
#[cold]
#[inline(never)]
fn create_heap() -> Option<*const HeapState> {
    if HEAP.with(Cell::get) == TORN_DOWN || HEAP_OWNER.try_with(|_| ()).is_err() {
        return None;
    }
    let heap = Box::into_raw(Box::new(HeapState::new())).cast_const();
    HEAP.with(|h| h.set(heap));
    Some(heap)
}

/// Run `f` with this thread's heap. Panics if called while the thread is being torn down.
#[inline]
pub(crate) fn with<R>(f: impl FnOnce(&HeapState) -> R) -> R {
    let heap = match current() {
        Some(heap) => heap,
        None => create_heap_or_panic(),
    };
    // SAFETY: a heap pointer in `HEAP` is a live `Box` allocation until `HeapOwner::drop`, which runs at
    // thread exit, not inside a `with` closure; it is only ever accessed through shared references.
    f(unsafe { &*heap })
}

/// Allocator counters of this thread's heap.
pub fn allocator_stats() -> AllocStats {
    // SAFETY: shared read of the allocator; see `HeapState::allocate_block` for why no `&mut` is live.
    with(|h| unsafe { (*h.allocator.get()).stats() })
}

/// Read the machine word at `address` if it is an object address in this thread's heap: the object's reference
/// count, or 0 for a freed block not yet reused. Any other address is refused, never dereferenced.
pub fn read_word(address: usize) -> Result<isize, BadAddress> {
    // SAFETY: as in `allocator_stats`.
    with(|h| unsafe { (*h.allocator.get()).read_word(address) })
}

/// Allocate an object with the given type descriptor and payload; the new reference is the only one.
///
/// This is the dynamic face of the API (an interpreter builds its own `VTable`s); typed users call
/// [`crate::Gc::new`]. Inlined so that a `vtable` known at the call site (every `Gc::new`, a `static` in
/// the VM) folds its size, layout and tracking decisions into straight-line code.
///
/// # Safety
/// `vtable` describes `T`: `payload_size`/`payload_align` are `T`'s, `type_id` is `TypeId::of::<T>()`,
/// and its hooks treat the payload as a `T` and follow the rules of [`crate::Trace`].
#[inline]
pub unsafe fn allocate<T>(vtable: &'static VTable, value: T) -> ObjRef {
    check_vtable::<T>(vtable);
    // One thread-local access for the whole fast path.
    // SAFETY: forwarded contract.
    let obj = with(|heap| unsafe { allocate_in(heap, vtable, value) });
    // SAFETY: `obj` is live with count 1, which this `ObjRef` now owns.
    unsafe { ObjRef::from_raw(obj) }
}

/// The body of [`allocate`], for a caller that already has the heap.
///
/// # Safety
/// As [`allocate`].
#[inline(always)]
unsafe fn allocate_in<T>(heap: &HeapState, vtable: &'static VTable, value: T) -> RawObj {
    let block = heap.allocate_block(vtable.block_size(), vtable.gc_capable);
    // SAFETY: a fresh block of this vtable's size (caller's contract on `T`).
    let obj = unsafe { init_object(heap, block, vtable, value) };
    if vtable.gc_capable && vtable.gc_counted && heap.gc.count_allocation() {
        // As in CPython, a collection triggered by this allocation runs before the new object is tracked.
        collect_before_tracking();
    }
    track_if_born_tracked(heap, obj, vtable);
    obj
}

/// Like [`allocate`], but reuses the most recently freed block of free list `slot` when it has one. Such a
/// reuse is not an allocation for the collector (generation 0's count does not move, as in CPython).
///
/// # Safety
/// As [`allocate`]. (A free list may be shared by types: only blocks of this type's size and layout are
/// reused.)
#[inline]
pub unsafe fn allocate_from_free_list<T>(
    vtable: &'static VTable,
    slot: FreeListSlot,
    value: T,
) -> ObjRef {
    check_vtable::<T>(vtable);
    let block_size = vtable.block_size();
    let obj = with(|heap| {
        let list = &heap.free_lists[slot.index as usize];
        // A block of another size or pool kind is never handed to this type.
        let fits =
            list.block_size.get() == block_size && list.gc_capable.get() == vtable.gc_capable;
        let Some(block) = (if fits { list.pop() } else { None }) else {
            // SAFETY: forwarded contract.
            return unsafe { allocate_in(heap, vtable, value) };
        };
        // SAFETY: the block was freed from an object with this block size and pool kind (checked above).
        let obj = unsafe { init_object(heap, block, vtable, value) };
        track_if_born_tracked(heap, obj, vtable);
        obj
    });
    // SAFETY: `obj` is live with count 1, which this `ObjRef` now owns.
    unsafe { ObjRef::from_raw(obj) }
}

fn check_vtable<T>(vtable: &VTable) {
    debug_assert_eq!(vtable.payload_size, std::mem::size_of::<T>());
    assert!(
        std::mem::align_of::<T>() <= MAX_PAYLOAD_ALIGN,
        "payload alignment above 16 is not supported"
    );
    assert!(
        vtable.finalize.is_none() || vtable.gc_capable,
        "types with finalizers must be gc-capable"
    );
}

/// Write the header and payload of a new object into `block`.
///
/// # Safety
/// `block` is an unused block of `vtable.block_size()` bytes (16-aligned), and `vtable` describes `T`.
#[inline(always)]
unsafe fn init_object<T>(
    heap: &HeapState,
    block: NonNull<u8>,
    vtable: &'static VTable,
    value: T,
) -> RawObj {
    // SAFETY: caller's contract: room for the header and the payload, whose alignment (at most 16, checked
    // by `check_vtable`) the 16-aligned block satisfies.
    let obj = unsafe {
        let header = block.as_ptr().cast::<ObjHeader>();
        ptr::write(header, ObjHeader::new(vtable));
        ptr::write(
            block.as_ptr().add(crate::header::HEADER_SIZE).cast::<T>(),
            value,
        );
        RawObj::from_ptr(block.cast::<ObjHeader>())
    };
    if heap.events.is_on() {
        emit_alloc(obj, vtable);
    }
    obj
}

#[cold]
#[inline(never)]
fn emit_alloc(obj: RawObj, vtable: &VTable) {
    events::emit(HeapEvent::Alloc {
        obj,
        type_name: vtable.name,
        size: vtable.block_size(),
    });
}

#[cold]
#[inline(never)]
fn collect_before_tracking() {
    crate::collector::collect_generations();
}

/// Put a new object into generation 0 if its type is tracked from birth.
#[inline(always)]
fn track_if_born_tracked(heap: &HeapState, obj: RawObj, vtable: &VTable) {
    if vtable.gc_capable && vtable.track_at_alloc {
        crate::collector::track_new(heap, obj);
    }
}

/// Add a reference. A count at `u32::MAX` stays there (an immortal object, see `header`).
///
/// # Safety
/// `obj` is live.
#[inline(always)]
pub unsafe fn incref(obj: RawObj) {
    let header = obj.header();
    // NOTE: a branch rather than `saturating_add`: the store of the new count does not wait for a
    // conditional move, so a clone+drop chain on one object stays as short as `Rc`'s (CPython 3.12's form).
    let count = header.refcnt.get().wrapping_add(1);
    if count != 0 {
        header.refcnt.set(count);
    }
    #[cfg(feature = "refcount-events")]
    events::refcount_changed(obj, true);
}

/// Drop a reference; at zero the object is deallocated at once.
///
/// # Safety
/// `obj` is live and the caller owns the reference it gives up.
#[inline(always)]
pub unsafe fn decref(obj: RawObj) {
    if count_down(obj) {
        // SAFETY: the count reached zero: nobody else holds a reference (caller's contract).
        unsafe { deallocate(obj) };
    }
}

/// Take one off `obj`'s count (unless it is immortal); whether it reached 0.
#[inline(always)]
fn count_down(obj: RawObj) -> bool {
    let header = obj.header();
    let old = header.refcnt.get();
    debug_assert!(old > 0, "decref of an object whose count is already 0");
    if old == IMMORTAL_REFCNT {
        return false;
    }
    header.refcnt.set(old - 1);
    #[cfg(feature = "refcount-events")]
    events::refcount_changed(obj, false);
    old == 1
}

/// Deallocate an object whose count reached zero, without unbounded recursion: nested deallocations beyond
/// [`TRASHCAN_DEPTH`] are queued and run by the outermost call.
///
/// # Safety
/// `obj` is live with a count of 0 and no reference to it is used again.
#[inline(never)]
pub(crate) unsafe fn deallocate(obj: RawObj) {
    // SAFETY: forwarded contract; the vtable's hook drops the payload as its type.
    unsafe { deallocate_with(obj, drop_payload_by_vtable) }
}

/// Drop a payload with its vtable's hook.
///
/// # Safety
/// `obj` is an object of `vtable` whose payload is initialised and not used afterwards.
#[inline(always)]
unsafe fn drop_payload_by_vtable(obj: RawObj, vtable: &'static VTable) {
    // SAFETY: caller's contract; the hook drops the payload as the vtable's type.
    unsafe { (vtable.drop_payload)(obj) }
}

/// Drop a payload known to be a `T`, in place (a direct, inlinable drop instead of the vtable's hook).
///
/// # Safety
/// `obj`'s payload is an initialised `T` that is not used afterwards.
#[inline(always)]
unsafe fn drop_payload_as_known<T>(obj: RawObj, _vtable: &'static VTable) {
    // SAFETY: caller's contract.
    unsafe { drop_payload_as::<T>(obj) }
}

/// Drop a reference to an object known to hold a `T` (a [`crate::Gc<T>`]'s); at zero the object is
/// deallocated at once, its payload dropped in place with no indirect call.
///
/// # Safety
/// As [`decref`]; the payload of `obj` is a `T`.
#[inline(always)]
pub(crate) unsafe fn decref_as<T>(obj: RawObj) {
    if count_down(obj) {
        // SAFETY: the count reached zero (caller's contract); the payload is a `T`.
        unsafe { deallocate_as::<T>(obj) };
    }
}

/// [`deallocate`] for an object whose payload is a `T`.
///
/// # Safety
/// As [`deallocate`]; the payload of `obj` is a `T`.
#[inline(never)]
unsafe fn deallocate_as<T>(obj: RawObj) {
    // SAFETY: forwarded contract: the payload is a `T`.
    unsafe { deallocate_with(obj, drop_payload_as_known::<T>) }
}

/// The body of [`deallocate`], with the payload's drop given by the caller (the vtable's hook, or the
/// payload's own `drop_in_place` when its type is known).
///
/// # Safety
/// As [`deallocate`]; `drop_payload` drops the payload of `obj` as the vtable's `drop_payload` would.
#[inline(always)]
unsafe fn deallocate_with(obj: RawObj, drop_payload: unsafe fn(RawObj, &'static VTable)) {
    let Some(heap) = current() else {
        // The thread's heap is already destroyed (a handle dropped by a later thread-local destructor): the
        // object's memory is leaked on purpose; the OS reclaims it with the thread.
        return;
    };
    // SAFETY: as in `with`.
    let heap = unsafe { &*heap };
    let depth = heap.dealloc_depth.get();
    if depth >= TRASHCAN_DEPTH {
        defer_deallocation(heap, obj);
        return;
    }
    heap.dealloc_depth.set(depth + 1);
    // SAFETY: forwarded contract.
    unsafe { deallocate_now(heap, obj, drop_payload) };
    if depth == 0 && heap.has_pending_dealloc.get() {
        drain_pending_deallocations(heap);
    }
    heap.dealloc_depth.set(depth);
}

/// Queue an object whose count reached 0 while deallocations are nested [`TRASHCAN_DEPTH`] deep.
#[cold]
#[inline(never)]
fn defer_deallocation(heap: &HeapState, obj: RawObj) {
    // Untracked while it waits, so that a collection meanwhile cannot see an object with count 0.
    crate::collector::untrack(obj);
    heap.pending_dealloc.borrow_mut().push(obj);
    heap.has_pending_dealloc.set(true);
}

/// Run the queued deallocations (from the outermost `deallocate`, which keeps the depth at 1 meanwhile).
#[cold]
#[inline(never)]
fn drain_pending_deallocations(heap: &HeapState) {
    // Loop invariant: every object in `pending_dealloc` has count 0 and is not otherwise reachable.
    loop {
        let next = heap.pending_dealloc.borrow_mut().pop();
        let Some(next) = next else { break };
        // SAFETY: queued objects had count 0 when queued; counts of unreachable objects cannot rise; the
        // vtable's hook drops any payload.
        unsafe { deallocate_now(heap, next, drop_payload_by_vtable) };
    }
    heap.has_pending_dealloc.set(false);
}

/// The deallocation steps, in CPython's order: finalizer (which may resurrect), weak references cleared with
/// their callbacks, payload dropped (releasing children), memory freed.
///
/// # Safety
/// As [`deallocate_with`].
#[inline(always)]
unsafe fn deallocate_now(
    heap: &HeapState,
    obj: RawObj,
    drop_payload: unsafe fn(RawObj, &'static VTable),
) {
    let header = obj.header();
    let vtable = header.vtable();
    if vtable.gc_capable {
        // SAFETY: forwarded contract; the object is gc-capable.
        if vtable.finalize.is_some() && unsafe { finalize_from_dealloc(heap, obj) } {
            return;
        }
        crate::collector::untrack_dying(heap, obj);
    }
    if header.has_flag(FLAG_HAS_WEAKREFS) {
        weakref::clear_weakrefs_at_death(obj);
    }
    if !header.has_flag(FLAG_PAYLOAD_DROPPED) {
        if let Some(choose) = vtable.free_list {
            // SAFETY: forwarded contract.
            return unsafe { release_to_free_list(heap, obj, choose) };
        }
        header.set_flag(FLAG_PAYLOAD_DROPPED, true);
        // SAFETY: the payload is initialised and this is its only drop (flag set before, so a re-entrant
        // path cannot drop it twice); `drop_payload` drops it as its type (caller's contract).
        unsafe { drop_payload(obj, vtable) };
    }
    // SAFETY: forwarded contract; the payload is gone.
    unsafe { free_object_memory(heap, obj, vtable) };
}

/// The end of a deallocation for types with a free list: the hook chooses the list (it reads the payload, so
/// before the drop), then the block is kept there if the list has room, else freed.
///
/// # Safety
/// As [`deallocate`]; the payload has not been dropped.
#[inline(never)]
unsafe fn release_to_free_list(
    heap: &HeapState,
    obj: RawObj,
    choose: fn(RawObj) -> Option<FreeListSlot>,
) {
    let header = obj.header();
    let vtable = header.vtable();
    let free_list = choose(obj);
    header.set_flag(FLAG_PAYLOAD_DROPPED, true);
    // SAFETY: as in `deallocate_now`.
    unsafe { (vtable.drop_payload)(obj) };
    if let Some(slot) = free_list {
        if heap.events.is_on() {
            emit_free(obj, vtable);
        }
        let block = obj.as_ptr().cast::<u8>();
        // SAFETY: forwarded contract: the payload is dropped and nothing refers to the object.
        if unsafe { heap.keep_on_free_list(slot, block, vtable.block_size(), vtable.gc_capable) } {
            // Like CPython's free lists, not a deallocation for the collector's count.
            return;
        }
        // SAFETY: forwarded contract; the payload is gone. (The event was emitted above.)
        return unsafe { free_block_counted(heap, block, vtable) };
    }
    // SAFETY: forwarded contract; the payload is gone.
    unsafe { free_object_memory(heap, obj, vtable) };
}

/// Report the free and give the object's block back to the allocator.
///
/// # Safety
/// `obj` is an object of `vtable` whose payload is dropped and that nothing refers to any more.
#[inline(always)]
unsafe fn free_object_memory(heap: &HeapState, obj: RawObj, vtable: &'static VTable) {
    if heap.events.is_on() {
        emit_free(obj, vtable);
    }
    // SAFETY: forwarded contract; the object's address is its block's start.
    unsafe { free_block_counted(heap, obj.as_ptr().cast::<u8>(), vtable) };
}

/// # Safety
/// `block` holds a dead object of `vtable` (allocated in `allocate`) that nothing refers to any more.
#[inline(always)]
unsafe fn free_block_counted(heap: &HeapState, block: NonNull<u8>, vtable: &'static VTable) {
    if vtable.gc_capable && vtable.gc_counted {
        heap.gc.count_deallocation();
    }
    // SAFETY: the block was allocated with this size and kind in `allocate` (caller's contract).
    unsafe { heap.free_block(block, vtable.block_size()) };
}

/// PEP 442 from dealloc: run the finalizer of a dying object unless it already ran. Returns whether the
/// finalizer resurrected the object (then it lives on, tracked).
///
/// # Safety
/// As [`deallocate`]; the object is gc-capable and its type has a finalizer.
#[cold]
#[inline(never)]
unsafe fn finalize_from_dealloc(heap: &HeapState, obj: RawObj) -> bool {
    if crate::collector::is_finalized(obj) {
        return false;
    }
    let header = obj.header();
    let Some(finalize) = header.vtable().finalize else {
        return false;
    };
    // The object is alive (count 1, tracked, as CPython's subtype_dealloc re-tracks it) while its finalizer
    // runs.
    crate::collector::set_finalized(obj);
    crate::collector::track(obj);
    header.refcnt.set(1);
    // SAFETY: the object is live and of this vtable's type.
    unsafe { finalize(obj) };
    let count = header.refcnt.get() - 1;
    header.refcnt.set(count);
    if count > 0 {
        // Resurrected: someone stored a new reference.
        if heap.events.is_on() {
            events::emit(HeapEvent::Resurrected { obj });
        }
        return true;
    }
    false
}

#[cold]
#[inline(never)]
fn emit_free(obj: RawObj, vtable: &VTable) {
    events::emit(HeapEvent::Free {
        obj,
        type_name: vtable.name,
    });
}

/// Drop a payload in place. The `drop_payload` hook of typed vtables.
///
/// # Safety
/// `obj`'s payload is an initialised `T` that is not used afterwards.
pub(crate) unsafe fn drop_payload_as<T>(obj: RawObj) {
    // SAFETY: caller's contract.
    unsafe { ptr::drop_in_place(obj.payload_ptr().as_ptr() as *mut T) }
}

/// Mark whether an object has entries in the weak-reference table.
pub(crate) fn set_has_weakrefs(obj: RawObj, on: bool) {
    obj.header().set_flag(FLAG_HAS_WEAKREFS, on);
}

/// Drop an object's payload early (collector's clear step for types without a `clear` hook).
///
/// # Safety
/// `obj` is live; its payload is not used afterwards except through the drop-flag check.
pub(crate) unsafe fn drop_payload_early(obj: RawObj) {
    let header = obj.header();
    if !header.has_flag(FLAG_PAYLOAD_DROPPED) {
        header.set_flag(FLAG_PAYLOAD_DROPPED, true);
        // SAFETY: forwarded contract; the flag prevents a second drop at deallocation.
        unsafe { (header.vtable().drop_payload)(obj) };
    }
}

/// Like [`with`], but `None` instead of a panic while the thread is being torn down.
#[cfg(feature = "refcount-events")]
pub(crate) fn try_with<R>(f: impl FnOnce(&HeapState) -> R) -> Option<R> {
    let heap = current().or_else(create_heap)?;
    // SAFETY: as in `with`.
    Some(f(unsafe { &*heap }))
}
