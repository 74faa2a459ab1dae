//! The generational cycle collector, after CPython 3.11's `Modules/gcmodule.c`.
//!
//! Reference counting frees everything except cycles. The collector finds objects that are referenced only
//! from inside the generation being collected: it copies each object's count into `gc_refs`, subtracts the
//! references coming from objects of the same set, and whatever is still positive is referenced from outside
//! (a root). Everything reachable from a root survives; the rest is garbage. Finalizers then run on the
//! garbage, anything they resurrected is spared, and the remaining cycles are broken with each type's `clear`.
//!
//! [`collect`] is the driver; each phase is a function below whose doc says what holds after it.

use std::cell::{Cell, RefCell};
use std::time::Instant;

use crate::events::{self, HeapEvent};
use crate::gclist::{self, addr, at};
use crate::header::{
    GcHead, RawObj, UntrackRule, NEXT_UNREACHABLE, PREV_COLLECTING, PREV_FINALIZED,
    PREV_FLAGS_MASK, PREV_SHIFT,
};
use crate::heap;
use crate::object::ObjRef;
use crate::trace::Tracer;
use crate::weakref;

/// Number of generations (not counting the permanent one used by `freeze`).
pub const NUM_GENERATIONS: usize = 3;

/// Debug flags, as in CPython's `gc` module.
pub const DEBUG_STATS: u32 = 1;
pub const DEBUG_COLLECTABLE: u32 = 2;
pub const DEBUG_UNCOLLECTABLE: u32 = 4;
pub const DEBUG_SAVEALL: u32 = 32;
pub const DEBUG_LEAK: u32 = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

/// Where an object stands with respect to the collector. Every gc-capable object is in exactly one state;
/// [`state_of`] reads it from the GC head.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum GcObjectState {
    /// Not in any generation list (`next == 0`): never collected, e.g. a dict holding only atoms.
    Untracked,
    /// In a generation (or the permanent generation) list, between collections.
    Tracked,
    /// In the set being collected now; `gc_refs` is valid (`PREV_COLLECTING` set).
    Collecting,
    /// In `move_unreachable`'s tentatively unreachable list (`NEXT_UNREACHABLE` set).
    TentativelyUnreachable,
}

/// Per-generation statistics (`gc.get_stats()`).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct GenerationStats {
    pub collections: usize,
    pub collected: usize,
    pub uncollectable: usize,
}

/// What a collection found (`gc.callbacks` info, the return value of `gc.collect()`).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct CollectResult {
    pub generation: usize,
    /// Unreachable objects found and freed (or saved, under `DEBUG_SAVEALL`).
    pub collected: usize,
    /// Unreachable objects that could not be freed (legacy finalizers).
    pub uncollectable: usize,
}

impl CollectResult {
    /// `gc.collect()`'s return value: everything unreachable that was found.
    pub fn total(&self) -> usize {
        self.collected + self.uncollectable
    }
}

pub(crate) struct Generation {
    head: Box<GcHead>,
    threshold: Cell<usize>,
    count: Cell<usize>,
}

impl Generation {
    fn new(threshold: usize) -> Generation {
        let head = Box::new(GcHead::new_untracked());
        gclist::init(&head);
        Generation {
            head,
            threshold: Cell::new(threshold),
            count: Cell::new(0),
        }
    }
}

pub(crate) struct GcState {
    generations: [Generation; NUM_GENERATIONS],
    permanent: Generation,
    enabled: Cell<bool>,
    collecting: Cell<bool>,
    debug: Cell<u32>,
    /// Objects in the oldest generation after the last full collection.
    long_lived_total: Cell<usize>,
    /// Objects moved into the oldest generation since the last full collection.
    long_lived_pending: Cell<usize>,
    stats: [Cell<GenerationStats>; NUM_GENERATIONS],
    /// Objects kept by `DEBUG_SAVEALL` or found uncollectable, for an embedder without a garbage hook.
    garbage: RefCell<Vec<ObjRef>>,
}

impl GcState {
    pub(crate) fn new() -> GcState {
        GcState {
            generations: [
                Generation::new(700),
                Generation::new(10),
                Generation::new(10),
            ],
            permanent: Generation::new(0),
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            debug: Cell::new(0),
            long_lived_total: Cell::new(0),
            long_lived_pending: Cell::new(0),
            stats: Default::default(),
            garbage: RefCell::new(Vec::new()),
        }
    }

    fn generation_head(&self, generation: usize) -> &GcHead {
        &self.generations[generation].head
    }
}

// ---------------------------------------------------------------------------------------------------------
// GC-head field access in the collecting encoding.

#[inline]
fn gc_refs(gc: &GcHead) -> isize {
    (gc.prev.get() >> PREV_SHIFT) as isize
}

#[inline]
fn set_gc_refs(gc: &GcHead, refs: isize) {
    gc.prev
        .set((gc.prev.get() & PREV_FLAGS_MASK) | ((refs as usize) << PREV_SHIFT));
}

/// `gc_refs = count`, and mark the object as part of the collection.
#[inline]
fn reset_gc_refs(gc: &GcHead, count: isize) {
    gc.prev
        .set((gc.prev.get() & PREV_FINALIZED) | PREV_COLLECTING | ((count as usize) << PREV_SHIFT));
}

#[inline]
fn decrement_gc_refs(gc: &GcHead) {
    gc.prev.set(gc.prev.get() - (1 << PREV_SHIFT));
}

#[inline]
fn is_collecting(gc: &GcHead) -> bool {
    gc.prev.get() & PREV_COLLECTING != 0
}

#[inline]
fn clear_collecting(gc: &GcHead) {
    gc.prev.set(gc.prev.get() & !PREV_COLLECTING);
}

/// The object of a GC head in a list.
///
/// # Safety
/// `link` is the (unflagged) address of a live tracked object's GC head, not a list head.
#[inline]
unsafe fn object_at(link: usize) -> RawObj {
    // SAFETY: caller's contract.
    unsafe { RawObj::from_gc_head(link as *const GcHead) }
}

/// Call `obj`'s traverse with `visit` for each reported reference.
#[inline]
fn traverse(obj: RawObj, visit: &mut dyn FnMut(RawObj)) {
    // SAFETY: `obj` is live (a `RawObj`'s invariant) and of its vtable's type.
    unsafe { (obj.vtable().traverse)(obj, &mut Tracer::new(visit)) }
}

/// The GC head of `obj` if it is gc-capable.
#[inline]
fn gc_head_of(obj: RawObj) -> Option<&'static GcHead> {
    if obj.vtable().gc_capable {
        // SAFETY: the GC head lives as long as the object; callers use it only while the object is live.
        Some(unsafe { &*(obj.gc_head() as *const GcHead) })
    } else {
        None
    }
}

pub fn state_of(obj: RawObj) -> Option<GcObjectState> {
    let gc = gc_head_of(obj)?;
    Some(if gc.next.get() == 0 {
        GcObjectState::Untracked
    } else if gc.next.get() & NEXT_UNREACHABLE != 0 {
        GcObjectState::TentativelyUnreachable
    } else if is_collecting(gc) {
        GcObjectState::Collecting
    } else {
        GcObjectState::Tracked
    })
}

// ---------------------------------------------------------------------------------------------------------
// Tracking.

pub(crate) fn is_tracked(obj: RawObj) -> bool {
    gc_head_of(obj).is_some_and(|gc| gc.next.get() != 0)
}

pub(crate) fn is_finalized(obj: RawObj) -> bool {
    gc_head_of(obj).is_some_and(|gc| gc.prev.get() & PREV_FINALIZED != 0)
}

/// Link a freshly allocated gc-capable object into generation 0.
///
/// # Safety
/// `obj` is gc-capable and untracked.
pub(crate) unsafe fn track_new(obj: RawObj) {
    heap::with(|h| {
        // SAFETY: generation 0 is a well-formed list; `obj`'s head is in no list (caller's contract).
        unsafe { gclist::append(obj.gc_head(), h.gc.generation_head(0)) }
    });
}

pub(crate) fn track(obj: RawObj) {
    if let Some(gc) = gc_head_of(obj) {
        if gc.next.get() == 0 {
            // SAFETY: gc-capable and untracked, checked above.
            unsafe { track_new(obj) };
        }
    }
}

pub(crate) fn untrack(obj: RawObj) {
    if let Some(gc) = gc_head_of(obj) {
        if gc.next.get() != 0 {
            // SAFETY: a tracked head is in a well-formed list.
            unsafe { gclist::remove(gc) };
        }
    }
}

/// Generation 0's count goes up with every allocation of a gc-capable object; past the threshold, an
/// automatic collection runs (CPython 3.11 collects at allocation time too).
pub(crate) fn count_allocation() {
    let start = heap::with(|h| {
        let gc = &h.gc;
        let g0 = &gc.generations[0];
        g0.count.set(g0.count.get() + 1);
        g0.count.get() > g0.threshold.get()
            && g0.threshold.get() != 0
            && gc.enabled.get()
            && !gc.collecting.get()
    });
    if start {
        collect_generations();
    }
}

pub(crate) fn count_deallocation() {
    let _ = heap::with(|h| {
        let g0 = &h.gc.generations[0];
        g0.count.set(g0.count.get().saturating_sub(1));
    });
}

/// Run the automatic collection CPython would run now: the oldest generation whose count exceeds its
/// threshold, except that a full collection waits until enough long-lived objects are pending.
fn collect_generations() {
    let generation = heap::with(|h| {
        let gc = &h.gc;
        (0..NUM_GENERATIONS).rev().find(|&i| {
            let g = &gc.generations[i];
            if g.count.get() <= g.threshold.get() {
                return false;
            }
            // NOTE: a full collection scans every tracked object; deferring it until the objects that
            // survived into the oldest generation since the last one are a quarter of those it had keeps the
            // total cost linear in the number of allocations (CPython issue #4074).
            !(i == NUM_GENERATIONS - 1
                && gc.long_lived_pending.get() < gc.long_lived_total.get() / 4)
        })
    });
    if let Some(generation) = generation {
        with_collecting_flag(|| collect_with_callbacks(generation));
    }
}

fn with_collecting_flag(f: impl FnOnce() -> CollectResult) -> Option<CollectResult> {
    let busy = heap::with(|h| h.gc.collecting.replace(true));
    if busy {
        return None;
    }
    let result = f();
    heap::with(|h| h.gc.collecting.set(false));
    Some(result)
}

/// Collect `generation` (and all younger ones): `gc.collect(generation)`.
///
/// Returns `None` when a collection is already running (CPython then returns 0 without collecting).
pub fn collect(generation: usize) -> Option<CollectResult> {
    assert!(generation < NUM_GENERATIONS, "invalid generation");
    with_collecting_flag(|| collect_with_callbacks(generation))
}

fn collect_with_callbacks(generation: usize) -> CollectResult {
    let hooks = heap::with(|h| h.hooks.get());
    let start = CollectResult {
        generation,
        collected: 0,
        uncollectable: 0,
    };
    if let Some(cb) = hooks.gc_callback {
        cb(crate::CollectPhase::Start, start);
    }
    let result = collect_main(generation);
    if let Some(cb) = hooks.gc_callback {
        cb(crate::CollectPhase::Stop, result);
    }
    result
}

/// One collection of `generation`, the heart of the collector.
fn collect_main(generation: usize) -> CollectResult {
    let started = Instant::now();
    let debug = heap::with(|h| h.gc.debug.get());
    if debug & DEBUG_STATS != 0 {
        heap::with(|h| {
            eprintln!("gc: collecting generation {generation}...");
            // SAFETY: generation lists are well formed between collections.
            let sizes: Vec<String> = (0..NUM_GENERATIONS)
                .map(|i| unsafe { gclist::len(h.gc.generation_head(i)) }.to_string())
                .collect();
            eprintln!("gc: objects in each generation: {}", sizes.join(" "));
            // SAFETY: as above.
            eprintln!("gc: objects in permanent generation: {}", unsafe {
                gclist::len(&h.gc.permanent.head)
            });
        });
    }
    if events::enabled() {
        events::emit(HeapEvent::CollectStart { generation });
    }

    // The work lists live on this stack frame; their heads must not move while linked, hence the boxes.
    let unreachable = Box::new(GcHead::new_untracked());
    let finalizers = Box::new(GcHead::new_untracked());
    let final_unreachable = Box::new(GcHead::new_untracked());
    gclist::init(&unreachable);
    gclist::init(&finalizers);
    gclist::init(&final_unreachable);

    let (young, old) = heap::with(|h| {
        let gc = &h.gc;
        // Update collection and allocation counters.
        if generation + 1 < NUM_GENERATIONS {
            let next = &gc.generations[generation + 1];
            next.count.set(next.count.get() + 1);
        }
        for g in &gc.generations[..=generation] {
            g.count.set(0);
        }
        // Merge younger generations with the one we are collecting.
        for i in 0..generation {
            // SAFETY: distinct, well-formed generation lists.
            unsafe { gclist::merge(gc.generation_head(i), gc.generation_head(generation)) };
        }
        let young: &'static GcHead = static_head(gc.generation_head(generation));
        let old: &'static GcHead = if generation + 1 < NUM_GENERATIONS {
            static_head(gc.generation_head(generation + 1))
        } else {
            young
        };
        (young, old)
    });
    validate_list(young, ListState::Plain);

    let examined = deduce_unreachable(young, &unreachable);
    untrack_tuples(young);

    // Move the reachable objects to the next generation.
    heap::with(|h| {
        let gc = &h.gc;
        if !std::ptr::eq(young, old) {
            if generation == NUM_GENERATIONS - 2 {
                // SAFETY: `young` is well formed again after `move_unreachable`.
                gc.long_lived_pending
                    .set(gc.long_lived_pending.get() + unsafe { gclist::len(young) });
            }
            // SAFETY: distinct, well-formed lists.
            unsafe { gclist::merge(young, old) };
        } else {
            // Full collection: also untrack dicts that can no longer be part of a cycle.
            untrack_dicts(young);
            gc.long_lived_pending.set(0);
            // SAFETY: well formed.
            gc.long_lived_total.set(unsafe { gclist::len(young) });
        }
    });

    // All objects in `unreachable` are trash, but objects reachable from legacy finalizers can't be deleted.
    move_legacy_finalizers(&unreachable, &finalizers);
    move_legacy_finalizer_reachable(&finalizers);
    validate_list(&unreachable, ListState::Collecting);

    let mut collected = handle_weakrefs(&unreachable, old);
    validate_list(&unreachable, ListState::Collecting);

    finalize_garbage(&unreachable);

    handle_resurrected_objects(&unreachable, &final_unreachable, old);
    // SAFETY: well formed after `handle_resurrected_objects`.
    let garbage_count = unsafe { gclist::len(&final_unreachable) };
    collected += garbage_count;
    if debug & DEBUG_COLLECTABLE != 0 {
        for_each(&final_unreachable, |obj| {
            eprintln!("gc: collectable <{} {:#x}>", obj.vtable().name, obj.addr())
        });
    }
    delete_garbage(&final_unreachable, old, debug);

    // Objects kept alive by legacy finalizers: uncollectable, handed to `gc.garbage`.
    let mut uncollectable = 0;
    for_each(&finalizers, |obj| {
        uncollectable += 1;
        if debug & DEBUG_UNCOLLECTABLE != 0 {
            eprintln!(
                "gc: uncollectable <{} {:#x}>",
                obj.vtable().name,
                obj.addr()
            );
        }
    });
    handle_legacy_finalizers(&finalizers, old);

    if debug & DEBUG_STATS != 0 {
        eprintln!(
            "gc: done, {collected} unreachable, {uncollectable} uncollectable, {:.4}s elapsed",
            started.elapsed().as_secs_f64()
        );
    }
    heap::with(|h| {
        let stats = &h.gc.stats[generation];
        let mut s = stats.get();
        s.collections += 1;
        s.collected += collected;
        s.uncollectable += uncollectable;
        stats.set(s);
    });
    if events::enabled() {
        events::emit(HeapEvent::CollectStop {
            generation,
            examined,
            collected,
            uncollectable,
        });
    }
    CollectResult {
        generation,
        collected,
        uncollectable,
    }
}

/// Extend a list head borrowed from the thread's heap to `'static`.
fn static_head(head: &GcHead) -> &'static GcHead {
    // SAFETY: generation heads are boxed inside the thread-local heap state, which lives as long as the
    // thread; the collector only uses them while running on that thread.
    unsafe { &*(head as *const GcHead) }
}

fn for_each(list: &GcHead, mut f: impl FnMut(RawObj)) {
    let mut link = list.next.get();
    while link != addr(list) {
        // SAFETY: members of a well-formed list are live tracked objects.
        let obj = unsafe { object_at(link) };
        link = obj.gc_head().next.get();
        f(obj);
    }
}

/// `update_refs` + `subtract_refs` + `move_unreachable`. Returns the number of objects examined.
///
/// After this, `base` holds the objects reachable from outside it (not collecting any more, `prev` links
/// restored) and `unreachable` the rest (collecting, `NEXT_UNREACHABLE` set).
fn deduce_unreachable(base: &GcHead, unreachable: &GcHead) -> usize {
    validate_list(base, ListState::Plain);
    let examined = update_refs(base);
    subtract_refs(base);
    move_unreachable(base, unreachable);
    validate_list(base, ListState::Plain);
    examined
}

/// Phase 1. After this, every object in `containers` has `gc_refs == refcount` and is marked collecting; the
/// list is singly linked (its `prev` words hold `gc_refs`).
fn update_refs(containers: &GcHead) -> usize {
    let mut examined = 0;
    let mut link = containers.next.get();
    while link != addr(containers) {
        // SAFETY: members of a well-formed list are live tracked objects.
        let obj = unsafe { object_at(link) };
        let gc = obj.gc_head();
        debug_assert!(obj.refcnt() > 0, "{obj:?} in a generation with refcount 0");
        reset_gc_refs(gc, obj.refcnt());
        examined += 1;
        link = gc.next.get();
    }
    examined
}

/// Phase 2. After this, each object's `gc_refs` counts only the references from outside `containers`:
/// one was subtracted for every reference from an object of the set.
fn subtract_refs(containers: &GcHead) {
    let mut visit_decref = |target: RawObj| {
        if let Some(gc) = gc_head_of(target) {
            if is_collecting(gc) {
                decrement_gc_refs(gc);
            }
        }
    };
    let mut link = containers.next.get();
    while link != addr(containers) {
        // SAFETY: as in `update_refs`.
        let obj = unsafe { object_at(link) };
        traverse(obj, &mut visit_decref);
        link = obj.gc_head().next.get();
    }
}

/// Phase 3. Moves the objects of `young` not reachable from an object with positive `gc_refs` to
/// `unreachable`. After this, `young` is a plain doubly linked list again whose objects are no longer marked
/// collecting; `unreachable`'s objects are still collecting and carry `NEXT_UNREACHABLE`.
fn move_unreachable(young: &GcHead, unreachable: &GcHead) {
    let young_addr = addr(young);
    let unreachable_addr = addr(unreachable);
    // Marks `target` reachable: if the scan already moved it to `unreachable`, it comes back to the tail of
    // `young` (the scan will reach it again); if the scan has not reached it yet, `gc_refs = 1` is enough.
    let mut visit_reachable = |target: RawObj| {
        let Some(gc) = gc_head_of(target) else { return };
        // Objects of other generations, and those already scanned, are not collecting.
        if !is_collecting(gc) {
            return;
        }
        let next = gc.next.get();
        if next & NEXT_UNREACHABLE != 0 {
            // SAFETY: `gc` is in the unreachable list, whose members and head are live GcHeads.
            unsafe {
                let prev = at(gclist::prev_of(gc));
                let next = at(next & !NEXT_UNREACHABLE);
                prev.next.set(gc.next.get()); // keeps NEXT_UNREACHABLE as it was on `gc`'s link
                gclist::set_prev(next, addr(prev));
                gclist::append(gc, at(young_addr));
            }
            set_gc_refs(gc, 1);
        } else if gc_refs(gc) == 0 {
            set_gc_refs(gc, 1);
        }
    };

    let mut prev = young; // last element known reachable; `prev` links are restored behind the scan
    let mut link = young.next.get();
    // Loop invariant: all objects of `young` before `link` are reachable from outside the original set and
    // have been traversed (not collecting any more); all original objects found unreachable so far are in
    // `unreachable` with `NEXT_UNREACHABLE`; objects from `link` on have not been traversed yet.
    while link != young_addr {
        // SAFETY: `link` is a live tracked object's head in the (singly linked) young list.
        let obj = unsafe { object_at(link) };
        let gc = obj.gc_head();
        if gc_refs(gc) > 0 {
            // NOTE: visit_reachable may append to `young`, changing `gc.next` when `gc` is the tail; so the
            // next link is read only after the traversal.
            traverse(obj, &mut visit_reachable);
            gclist::set_prev(gc, addr(prev));
            clear_collecting(gc);
            prev = gc;
        } else {
            // Move to `unreachable`. `young` is singly linked during the scan, so only `prev.next` changes.
            prev.next.set(gc.next.get());
            // SAFETY: the tail of `unreachable` is a live GcHead (or the head itself).
            let last = unsafe { at(gclist::prev_of(unreachable)) };
            // Every member of `unreachable` carries NEXT_UNREACHABLE; that pollutes the head's `next` too,
            // repaired after the loop.
            last.next.set(NEXT_UNREACHABLE | addr(gc));
            gclist::set_prev(gc, addr(last));
            gc.next.set(NEXT_UNREACHABLE | unreachable_addr);
            gclist::set_prev(unreachable, addr(gc));
        }
        link = prev.next.get();
    }
    // `young.prev` must be the last element left in the list.
    gclist::set_prev(young, addr(prev));
    unreachable
        .next
        .set(unreachable.next.get() & !NEXT_UNREACHABLE);
}

/// Whether `obj` may be tracked now or later (CPython's `_PyObject_GC_MAY_BE_TRACKED`): gc-capable, and for
/// tuple-like types, currently tracked.
fn may_be_tracked(obj: RawObj) -> bool {
    match gc_head_of(obj) {
        None => false,
        Some(gc) => {
            obj.vtable().untrack_rule != UntrackRule::WhenAtomicInYoungCollection
                || gc.next.get() != 0
        }
    }
}

fn untrack_if_atomic(list: &GcHead, rule: UntrackRule) {
    let mut link = list.next.get();
    while link != addr(list) {
        // SAFETY: members of a well-formed list are live tracked objects.
        let obj = unsafe { object_at(link) };
        link = obj.gc_head().next.get();
        if obj.vtable().untrack_rule == rule {
            let mut atomic = true;
            traverse(obj, &mut |child| atomic &= !may_be_tracked(child));
            if atomic {
                untrack(obj);
            }
        }
    }
}

/// After this, tuples of `young` that hold only objects that can never be tracked are untracked.
fn untrack_tuples(young: &GcHead) {
    untrack_if_atomic(young, UntrackRule::WhenAtomicInYoungCollection);
}

/// After this (full collections only), dicts of `young` that hold only objects that can never be tracked are
/// untracked.
fn untrack_dicts(young: &GcHead) {
    untrack_if_atomic(young, UntrackRule::WhenAtomicInFullCollection);
}

/// After this, `unreachable` is a plain list (no `NEXT_UNREACHABLE`; objects still collecting) and
/// `finalizers` holds the unreachable objects whose type has a legacy finalizer.
fn move_legacy_finalizers(unreachable: &GcHead, finalizers: &GcHead) {
    let mut link = unreachable.next.get();
    while link != addr(unreachable) {
        // SAFETY: members of the unreachable list are live tracked objects.
        let obj = unsafe { object_at(link) };
        let gc = obj.gc_head();
        let next = gc.next.get() & !NEXT_UNREACHABLE;
        gc.next.set(next);
        if obj.vtable().legacy_finalizer {
            // SAFETY: `gc` is in `unreachable` (now plain up to here) and `finalizers` is well formed.
            unsafe { gclist::move_to(gc, finalizers) };
        }
        link = next;
    }
}

/// After this, everything reachable from `finalizers` that was in the unreachable set is in `finalizers`
/// too (it must survive with the objects that reference it).
fn move_legacy_finalizer_reachable(finalizers: &GcHead) {
    let mut link = finalizers.next.get();
    while link != addr(finalizers) {
        // SAFETY: members of a well-formed list are live tracked objects.
        let obj = unsafe { object_at(link) };
        traverse(obj, &mut |child| {
            if let Some(gc) = gc_head_of(child) {
                if is_collecting(gc) && gc.next.get() != 0 {
                    // SAFETY: a collecting object here is in `unreachable` (a plain list now).
                    unsafe { gclist::move_to(gc, finalizers) };
                    clear_collecting(gc);
                }
            }
        });
        clear_collecting(obj.gc_head());
        link = obj.gc_head().next.get();
    }
}

/// Phase: weak references. After this, every weak reference to an unreachable object is cleared (so no
/// callback or finalizer can reach garbage through one), and the callbacks of the cleared weakrefs that are
/// themselves reachable have run. Returns the number of those weakrefs freed by their callback's completion.
fn handle_weakrefs(unreachable: &GcHead, old: &GcHead) -> usize {
    let wrcb_to_call = Box::new(GcHead::new_untracked());
    gclist::init(&wrcb_to_call);

    let mut link = unreachable.next.get();
    while link != addr(unreachable) {
        // SAFETY: members of the unreachable list are live tracked objects.
        let obj = unsafe { object_at(link) };
        link = obj.gc_head().next.get();
        if weakref::is_weakref(obj) {
            // A weakref that is itself garbage is cleared so that its callback can never run.
            weakref::clear_ref(obj);
        }
        for wr in weakref::take_weakrefs_of(obj) {
            weakref::clear_ref_keep_callback(wr);
            if !weakref::has_callback(wr) {
                continue;
            }
            let wr_gc = wr.gc_head();
            if is_collecting(wr_gc) {
                // The weakref is garbage too: its callback must not run.
                continue;
            }
            // SAFETY: `wr` is a live weakref (registered for a live referent); the new reference keeps it
            // alive until its callback has run.
            unsafe { heap::incref(wr) };
            // SAFETY: a tracked `wr_gc` is in a well-formed generation list; an untracked one is in none.
            unsafe {
                if wr_gc.next.get() != 0 {
                    gclist::remove(wr_gc);
                }
                gclist::append(wr_gc, &wrcb_to_call);
            }
        }
    }

    let mut freed = 0;
    // Loop invariant: each weakref in `wrcb_to_call` holds one extra reference taken above.
    while !gclist::is_empty(&wrcb_to_call) {
        let link = wrcb_to_call.next.get();
        // SAFETY: members of `wrcb_to_call` are live weakrefs (we hold a reference to each).
        let wr = unsafe { object_at(link) };
        weakref::run_callback(wr);
        // SAFETY: gives up the reference taken in the first pass.
        unsafe { heap::decref(wr) };
        if wrcb_to_call.next.get() == link {
            // Still alive: move it on with the survivors.
            // SAFETY: `wr` is still in `wrcb_to_call`; `old` is well formed.
            unsafe { gclist::move_to(wr.gc_head(), old) };
        } else {
            freed += 1;
        }
    }
    freed
}

/// Phase: PEP 442 finalizers. After this, every object of `collectable` that has a finalizer and had not been
/// finalized has been finalized exactly once (objects may have been freed or resurrected meanwhile).
fn finalize_garbage(collectable: &GcHead) {
    let seen = Box::new(GcHead::new_untracked());
    gclist::init(&seen);
    // Finalizers may free or resurrect anything, so the loop always takes the first object of `collectable`
    // and moves it to `seen` before calling out; objects that vanish from either list are of no concern.
    while !gclist::is_empty(collectable) {
        // SAFETY: members of a well-formed list are live tracked objects.
        let obj = unsafe { object_at(collectable.next.get()) };
        let gc = obj.gc_head();
        // SAFETY: both lists are well formed.
        unsafe { gclist::move_to(gc, &seen) };
        if let Some(finalize) = obj.vtable().finalize {
            if gc.prev.get() & PREV_FINALIZED == 0 {
                gc.prev.set(gc.prev.get() | PREV_FINALIZED);
                // SAFETY: the object is live; the temporary reference keeps it so during the call.
                unsafe {
                    heap::incref(obj);
                    finalize(obj);
                    heap::decref(obj);
                }
            }
        }
    }
    // SAFETY: distinct, well-formed lists.
    unsafe { gclist::merge(&seen, collectable) };
}

/// Phase: resurrection. After this, `still_unreachable` holds the objects of `unreachable` that are still
/// garbage, and those a finalizer made reachable again have moved to `old` (they survive this collection).
fn handle_resurrected_objects(unreachable: &GcHead, still_unreachable: &GcHead, old: &GcHead) {
    // Remove the collecting flag so `deduce_unreachable` can start afresh on this set.
    let mut link = unreachable.next.get();
    while link != addr(unreachable) {
        // SAFETY: members of a well-formed list are live tracked objects.
        let obj = unsafe { object_at(link) };
        clear_collecting(obj.gc_head());
        link = obj.gc_head().next.get();
    }
    deduce_unreachable(unreachable, still_unreachable);
    // Clear NEXT_UNREACHABLE so `still_unreachable` is a plain list (objects stay marked collecting, so a
    // weakref among them is still recognised as garbage).
    let mut link = still_unreachable.next.get();
    while link != addr(still_unreachable) {
        // SAFETY: as above.
        let gc = unsafe { object_at(link) }.gc_head();
        let next = gc.next.get() & !NEXT_UNREACHABLE;
        gc.next.set(next);
        link = next;
    }
    // SAFETY: distinct, well-formed lists (`unreachable` now holds the resurrected objects).
    unsafe { gclist::merge(unreachable, old) };
}

/// Phase: break the cycles. After this, `collectable` is empty: each object was cleared (its references
/// released, which frees it and usually others by plain refcounting) or, if something still holds it after
/// clearing, moved to `old`. Under `DEBUG_SAVEALL` objects are saved to the garbage list instead.
fn delete_garbage(collectable: &GcHead, old: &GcHead, debug: u32) {
    // Loop invariant: every object left in `collectable` is live (objects freed meanwhile untracked themselves
    // on deallocation, leaving the list).
    while !gclist::is_empty(collectable) {
        let link = collectable.next.get();
        // SAFETY: members of a well-formed list are live tracked objects.
        let obj = unsafe { object_at(link) };
        if debug & DEBUG_SAVEALL != 0 {
            // SAFETY: the object is live; the new reference is owned by the garbage list.
            save_garbage(unsafe { ObjRef::from_borrowed(obj) });
        } else {
            // SAFETY: the temporary reference keeps the object alive during the clear.
            unsafe {
                heap::incref(obj);
                match obj.vtable().clear {
                    Some(clear) => clear(obj),
                    None => heap::drop_payload_early(obj),
                }
                heap::decref(obj);
            }
        }
        if collectable.next.get() == link {
            // Still alive: it may die later.
            let gc = obj.gc_head();
            clear_collecting(gc);
            // SAFETY: `gc` is in `collectable`; `old` is well formed.
            unsafe { gclist::move_to(gc, old) };
        }
    }
}

/// Uncollectable objects are saved to the garbage list and survive in `old`.
fn handle_legacy_finalizers(finalizers: &GcHead, old: &GcHead) {
    for_each(finalizers, |obj| {
        clear_collecting(obj.gc_head());
        // SAFETY: the object is live; the garbage list owns the new reference.
        save_garbage(unsafe { ObjRef::from_borrowed(obj) });
    });
    // SAFETY: distinct, well-formed lists.
    unsafe { gclist::merge(finalizers, old) };
}

fn save_garbage(obj: ObjRef) {
    let hook = heap::with(|h| h.hooks.get().save_garbage);
    match hook {
        Some(hook) => hook(obj),
        None => heap::with(|h| h.gc.garbage.borrow_mut().push(obj)),
    }
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum ListState {
    /// Doubly linked, no collector flags.
    Plain,
    /// Doubly linked, every member marked collecting, no `NEXT_UNREACHABLE`.
    Collecting,
}

/// Check a list's links and flags between phases (debug builds only).
fn validate_list(head: &GcHead, state: ListState) {
    if !cfg!(debug_assertions) {
        return;
    }
    let mut prev = addr(head);
    let mut link = head.next.get();
    while link != addr(head) {
        assert_eq!(
            link & NEXT_UNREACHABLE,
            0,
            "NEXT_UNREACHABLE left in a list"
        );
        // SAFETY: members of the list are live tracked objects (what this validates, structurally).
        let gc = unsafe { at(link) };
        assert_eq!(gclist::prev_of(gc), prev, "broken prev link");
        assert_eq!(
            is_collecting(gc),
            state == ListState::Collecting,
            "collecting flag out of place"
        );
        prev = link;
        link = gc.next.get();
    }
    assert_eq!(
        gclist::prev_of(head),
        prev,
        "list head's prev is not the tail"
    );
}

// ---------------------------------------------------------------------------------------------------------
// The `gc` module's API.

pub fn enable() {
    heap::with(|h| h.gc.enabled.set(true));
}

pub fn disable() {
    heap::with(|h| h.gc.enabled.set(false));
}

pub fn is_enabled() -> bool {
    heap::with(|h| h.gc.enabled.get())
}

/// Whether a collection is running now.
pub fn is_collecting_now() -> bool {
    heap::with(|h| h.gc.collecting.get())
}

/// `gc.get_count()`: the three generation counters.
pub fn get_count() -> [usize; NUM_GENERATIONS] {
    heap::with(|h| std::array::from_fn(|i| h.gc.generations[i].count.get()))
}

pub fn get_threshold() -> [usize; NUM_GENERATIONS] {
    heap::with(|h| std::array::from_fn(|i| h.gc.generations[i].threshold.get()))
}

/// `gc.set_threshold(t0[, t1[, t2]])`: thresholds not given keep their value.
pub fn set_threshold(threshold0: usize, threshold1: Option<usize>, threshold2: Option<usize>) {
    heap::with(|h| {
        let g = &h.gc.generations;
        g[0].threshold.set(threshold0);
        if let Some(t) = threshold1 {
            g[1].threshold.set(t);
        }
        if let Some(t) = threshold2 {
            g[2].threshold.set(t);
        }
    });
}

pub fn get_debug() -> u32 {
    heap::with(|h| h.gc.debug.get())
}

pub fn set_debug(flags: u32) {
    heap::with(|h| h.gc.debug.set(flags));
}

pub fn get_stats() -> [GenerationStats; NUM_GENERATIONS] {
    heap::with(|h| std::array::from_fn(|i| h.gc.stats[i].get()))
}

fn objects_in(head: &GcHead) -> Vec<ObjRef> {
    let mut out = Vec::new();
    // SAFETY: each member is live; the new references are owned by the returned vector.
    for_each(head, |obj| out.push(unsafe { ObjRef::from_borrowed(obj) }));
    out
}

/// `gc.get_objects(generation)`: the tracked objects of one generation, or of all (not the permanent one).
pub fn get_objects(generation: Option<usize>) -> Vec<ObjRef> {
    heap::with(|h| match generation {
        Some(g) => objects_in(h.gc.generation_head(g)),
        None => (0..NUM_GENERATIONS)
            .flat_map(|g| objects_in(h.gc.generation_head(g)))
            .collect(),
    })
}

/// `gc.get_referrers(*objs)`: tracked objects (all generations but the permanent one) that reference any of
/// `targets`.
pub fn get_referrers(targets: &[RawObj]) -> Vec<ObjRef> {
    let mut out = Vec::new();
    for obj in get_objects(None) {
        let mut refers = false;
        traverse(obj.raw(), &mut |child| refers |= targets.contains(&child));
        if refers {
            out.push(obj);
        }
    }
    out
}

/// `gc.get_referents(obj)`: what `obj`'s traverse reports (nothing for types that are not gc-capable).
pub(crate) fn referents_of(obj: RawObj) -> Vec<ObjRef> {
    let mut out = Vec::new();
    if obj.vtable().gc_capable {
        // SAFETY: reported referents are live (owned by `obj`); the new references belong to `out`.
        traverse(obj, &mut |child| {
            out.push(unsafe { ObjRef::from_borrowed(child) })
        });
    }
    out
}

/// `gc.freeze()`: move every tracked object to the permanent generation, which collections ignore.
pub fn freeze() {
    heap::with(|h| {
        for i in 0..NUM_GENERATIONS {
            // SAFETY: distinct, well-formed lists.
            unsafe { gclist::merge(h.gc.generation_head(i), &h.gc.permanent.head) };
        }
        h.gc.generations[0].count.set(0);
    });
}

/// `gc.unfreeze()`: move the permanent generation back into the oldest one.
pub fn unfreeze() {
    heap::with(|h| {
        // SAFETY: distinct, well-formed lists.
        unsafe {
            gclist::merge(
                &h.gc.permanent.head,
                h.gc.generation_head(NUM_GENERATIONS - 1),
            )
        }
    });
}

pub fn get_freeze_count() -> usize {
    // SAFETY: well formed between collections.
    heap::with(|h| unsafe { gclist::len(&h.gc.permanent.head) })
}

/// Objects saved by `DEBUG_SAVEALL` or found uncollectable (when no garbage hook is installed).
pub fn garbage() -> Vec<ObjRef> {
    heap::with(|h| h.gc.garbage.borrow().clone())
}

/// Empty the garbage list, handing its references to the caller.
pub fn take_garbage() -> Vec<ObjRef> {
    heap::with(|h| std::mem::take(&mut *h.gc.garbage.borrow_mut()))
}
