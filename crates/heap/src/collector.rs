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

use crate::events::{self, HeapEvent};
use crate::gclist::{self, Link, ListHead};
use crate::header::{
    RawObj, UntrackRule, NEXT_UNREACHABLE, PREV_COLLECTING, PREV_FINALIZED, PREV_FLAGS_MASK,
    PREV_SHIFT,
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
    head: ListHead,
    threshold: Cell<usize>,
    count: Cell<usize>,
}

impl Generation {
    fn new(threshold: usize) -> Generation {
        Generation {
            head: ListHead::new(),
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

    #[inline]
    fn generation_head(&self, generation: usize) -> Link {
        self.generations[generation].head.link()
    }

    fn permanent_head(&self) -> Link {
        self.permanent.head.link()
    }
}

// ---------------------------------------------------------------------------------------------------------
// GC-head fields in the collecting encoding: `prev` = gc_refs << PREV_SHIFT | flags.

/// # Safety
/// `gc` is the head of a live gc-capable object.
#[inline]
unsafe fn gc_refs(gc: Link) -> isize {
    // SAFETY: list contract.
    (unsafe { gclist::prev_bits(gc) } >> PREV_SHIFT) as isize
}

/// # Safety
/// `gc` is the head of a live gc-capable object.
#[inline]
unsafe fn set_gc_refs(gc: Link, refs: isize) {
    // SAFETY: list contract.
    unsafe {
        let flags = gclist::prev_bits(gc) & PREV_FLAGS_MASK;
        gclist::set_prev_bits(gc, flags | ((refs as usize) << PREV_SHIFT));
    }
}

/// `gc_refs = count`, and mark the object as part of the collection.
///
/// # Safety
/// `gc` is the head of a live gc-capable object.
#[inline]
unsafe fn reset_gc_refs(gc: Link, count: isize) {
    // SAFETY: list contract.
    unsafe {
        let finalized = gclist::prev_bits(gc) & PREV_FINALIZED;
        gclist::set_prev_bits(
            gc,
            finalized | PREV_COLLECTING | ((count as usize) << PREV_SHIFT),
        );
    }
}

/// # Safety
/// `gc` is the head of a live gc-capable object.
#[inline]
unsafe fn decrement_gc_refs(gc: Link) {
    // SAFETY: list contract.
    unsafe { gclist::set_prev_bits(gc, gclist::prev_bits(gc) - (1 << PREV_SHIFT)) }
}

/// # Safety
/// `gc` is the head of a live gc-capable object.
#[inline]
unsafe fn is_collecting(gc: Link) -> bool {
    // SAFETY: list contract.
    unsafe { gclist::prev_bits(gc) & PREV_COLLECTING != 0 }
}

/// # Safety
/// `gc` is the head of a live gc-capable object.
#[inline]
unsafe fn clear_collecting(gc: Link) {
    // SAFETY: list contract.
    unsafe { gclist::update_prev_flags(gc, 0, PREV_COLLECTING) }
}

#[inline]
fn is_unreachable_link(link: Link) -> bool {
    link.addr() & NEXT_UNREACHABLE != 0
}

#[inline]
fn strip_unreachable(link: Link) -> Link {
    link.map_addr(|a| a & !NEXT_UNREACHABLE)
}

#[inline]
fn with_unreachable(link: Link) -> Link {
    link.map_addr(|a| a | NEXT_UNREACHABLE)
}

/// The object of a GC head in a list.
///
/// # Safety
/// `link` is the (unflagged) link of a live tracked object's GC head, not a list head.
#[inline]
unsafe fn object_at(link: Link) -> RawObj {
    // SAFETY: caller's contract.
    unsafe { RawObj::from_gc_head(link) }
}

/// Call `obj`'s traverse with `visit` for each reported reference.
#[inline]
fn traverse(obj: RawObj, visit: &mut dyn FnMut(RawObj)) {
    // SAFETY: `obj` is live (a `RawObj`'s invariant) and of its vtable's type.
    unsafe { (obj.vtable().traverse)(obj, &mut Tracer::new(visit)) }
}

/// The GC head link of `obj` if it is gc-capable.
#[inline]
fn gc_link_of(obj: RawObj) -> Option<Link> {
    obj.vtable().gc_capable.then(|| obj.gc_head_ptr())
}

/// Whether a gc-capable object's head is in a list.
#[inline]
fn head_is_tracked(gc: Link) -> bool {
    // SAFETY: `gc` is the head of a live gc-capable object (callers get it from `gc_link_of`).
    !unsafe { gclist::next(gc) }.is_null()
}

pub fn state_of(obj: RawObj) -> Option<GcObjectState> {
    let gc = gc_link_of(obj)?;
    // SAFETY: the head of a live gc-capable object.
    let next = unsafe { gclist::next(gc) };
    Some(if next.is_null() {
        GcObjectState::Untracked
    } else if is_unreachable_link(next) {
        GcObjectState::TentativelyUnreachable
    // SAFETY: as above.
    } else if unsafe { is_collecting(gc) } {
        GcObjectState::Collecting
    } else {
        GcObjectState::Tracked
    })
}

// ---------------------------------------------------------------------------------------------------------
// Tracking.

pub(crate) fn is_tracked(obj: RawObj) -> bool {
    gc_link_of(obj).is_some_and(head_is_tracked)
}

pub(crate) fn is_finalized(obj: RawObj) -> bool {
    // SAFETY: the head of a live gc-capable object.
    gc_link_of(obj).is_some_and(|gc| unsafe { gclist::prev_bits(gc) } & PREV_FINALIZED != 0)
}

pub(crate) fn set_finalized(obj: RawObj) {
    if let Some(gc) = gc_link_of(obj) {
        // SAFETY: the head of a live gc-capable object.
        unsafe { gclist::update_prev_flags(gc, PREV_FINALIZED, 0) };
    }
}

/// Link a freshly allocated gc-capable object into generation 0.
///
/// # Safety
/// `obj` is gc-capable and untracked, and its GC head has no flags (a newly allocated object).
#[inline]
pub(crate) unsafe fn track_new(heap: &heap::HeapState, obj: RawObj) {
    // SAFETY: generation 0 is a well-formed list; `obj`'s head is in no list and has no flags yet (caller's
    // contract).
    unsafe { gclist::append_fresh(obj.gc_head_ptr(), heap.gc.generation_head(0)) }
}

pub(crate) fn track(obj: RawObj) {
    if let Some(gc) = gc_link_of(obj) {
        if !head_is_tracked(gc) {
            // SAFETY: gc-capable and untracked, checked above; generation 0 is well formed. (Flags such as
            // "finalized" are kept: this may be an object re-tracked for its finalizer.)
            heap::with(|h| unsafe { gclist::append(gc, h.gc.generation_head(0)) });
        }
    }
}

pub(crate) fn untrack(obj: RawObj) {
    if let Some(gc) = gc_link_of(obj) {
        if head_is_tracked(gc) {
            // SAFETY: a tracked head is in a well-formed list.
            unsafe { gclist::remove(gc) };
        }
    }
}

impl GcState {
    /// Generation 0's count goes up with every allocation of a gc-capable object. Returns whether an automatic
    /// collection is due (CPython 3.11 collects at allocation time too).
    #[inline]
    pub(crate) fn count_allocation(&self) -> bool {
        let g0 = &self.generations[0];
        let count = g0.count.get() + 1;
        g0.count.set(count);
        count > g0.threshold.get()
            && g0.threshold.get() != 0
            && self.enabled.get()
            && !self.collecting.get()
    }

    #[inline]
    pub(crate) fn count_deallocation(&self) {
        let g0 = &self.generations[0];
        g0.count.set(g0.count.get().saturating_sub(1));
    }
}

/// Run the automatic collection CPython would run now: the oldest generation whose count exceeds its
/// threshold, except that a full collection waits until enough long-lived objects are pending.
pub(crate) fn collect_generations() {
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
/// Panics if `generation >= NUM_GENERATIONS` (the `gc` module checks and raises `ValueError` first).
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

/// One collection of `generation`, the heart of the collector: each phase below states what holds after it.
fn collect_main(generation: usize) -> CollectResult {
    let started = Stopwatch::start();
    let debug = heap::with(|h| h.gc.debug.get());
    if debug & DEBUG_STATS != 0 {
        print_generation_sizes(generation);
    }
    if events::enabled() {
        events::emit(HeapEvent::CollectStart { generation });
    }

    let unreachable = ListHead::new();
    let finalizers = ListHead::new();
    let final_unreachable = ListHead::new();
    let (unreachable, finalizers, final_unreachable) = (
        unreachable.link(),
        finalizers.link(),
        final_unreachable.link(),
    );

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
        let young = gc.generation_head(generation);
        let old = gc.generation_head((generation + 1).min(NUM_GENERATIONS - 1));
        (young, old)
    });
    validate_list(young, ListState::Plain);

    // SAFETY (for the phase calls below): `young`, `old` and the work lists are well-formed lists whose
    // heads outlive this function, and every member is a live tracked object.
    let (examined, found_unreachable) = unsafe { deduce_unreachable(young, unreachable) };
    let survivors = examined - found_unreachable - unsafe { untrack_tuples(young) };

    // Move the reachable objects to the next generation.
    heap::with(|h| {
        let gc = &h.gc;
        if young != old {
            if generation == NUM_GENERATIONS - 2 {
                gc.long_lived_pending
                    .set(gc.long_lived_pending.get() + survivors);
            }
            // SAFETY: distinct, well-formed lists.
            unsafe { gclist::merge(young, old) };
        } else {
            // Full collection: also untrack dicts that can no longer be part of a cycle.
            // SAFETY: well formed.
            let untracked = unsafe { untrack_dicts(young) };
            gc.long_lived_pending.set(0);
            gc.long_lived_total.set(survivors - untracked);
        }
    });

    // SAFETY: every list below is well formed, its head outlives this function, and its members are live
    // tracked objects: each phase leaves its lists that way for the next (validated in debug builds).
    let (collected, uncollectable, finalized, resurrected, weakrefs_cleared) = unsafe {
        // All objects in `unreachable` are trash, but objects reachable from legacy finalizers can't be
        // deleted.
        move_legacy_finalizers(unreachable, finalizers);
        move_legacy_finalizer_reachable(finalizers);
        validate_list(unreachable, ListState::Collecting);

        let (mut collected, callbacks_run, weakrefs_cleared) = handle_weakrefs(unreachable, old);
        validate_list(unreachable, ListState::Collecting);

        let finalized = finalize_garbage(unreachable);

        let resurrected = if finalized == 0 && callbacks_run == 0 {
            // NOTE: no user code ran since `move_unreachable`, so nothing can have been resurrected or freed:
            // the second reachability pass CPython always makes would find the same set (it is a fifth of
            // the collection's cost).
            gclist::merge(unreachable, final_unreachable);
            0
        } else {
            handle_resurrected_objects(unreachable, final_unreachable, old)
        };
        collected += gclist::len(final_unreachable);
        if debug & DEBUG_COLLECTABLE != 0 {
            for_each(final_unreachable, |obj| debug_report("collectable", obj));
        }
        delete_garbage(final_unreachable, old, debug);

        // Objects kept alive by legacy finalizers: uncollectable, handed to the garbage list.
        let uncollectable = gclist::len(finalizers);
        if debug & DEBUG_UNCOLLECTABLE != 0 {
            for_each(finalizers, |obj| debug_report("uncollectable", obj));
        }
        handle_legacy_finalizers(finalizers, old);
        (
            collected,
            uncollectable,
            finalized,
            resurrected,
            weakrefs_cleared,
        )
    };

    if debug & DEBUG_STATS != 0 {
        eprintln!(
            "gc: done, {collected} unreachable, {uncollectable} uncollectable, {:.4}s elapsed",
            started.seconds()
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
            unreachable: found_unreachable,
            weakrefs_cleared,
            finalized,
            resurrected,
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

fn print_generation_sizes(generation: usize) {
    heap::with(|h| {
        eprintln!("gc: collecting generation {generation}...");
        // SAFETY: generation lists are well formed between collections.
        let sizes: Vec<String> = (0..NUM_GENERATIONS)
            .map(|i| unsafe { gclist::len(h.gc.generation_head(i)) }.to_string())
            .collect();
        eprintln!("gc: objects in each generation: {}", sizes.join(" "));
        // SAFETY: as above.
        let permanent = unsafe { gclist::len(h.gc.permanent_head()) };
        eprintln!("gc: objects in permanent generation: {permanent}");
    });
}

/// Call `f` on each object of `list`; `f` must not unlink objects other than the current one.
///
/// # Safety
/// `list` is well formed and its members are live tracked objects.
unsafe fn for_each(list: Link, mut f: impl FnMut(RawObj)) {
    // SAFETY: caller's contract.
    unsafe {
        let mut link = gclist::next(list);
        while link != list {
            let obj = object_at(link);
            link = gclist::next(link);
            f(obj);
        }
    }
}

/// `update_refs` + `subtract_refs` + `move_unreachable`. Returns the number of objects examined and the
/// number found unreachable.
///
/// After this, `base` holds the objects reachable from outside it (not collecting any more, `prev` links
/// restored) and `unreachable` the rest (collecting, `NEXT_UNREACHABLE` set).
///
/// # Safety
/// Both lists are well formed; `unreachable` is empty; members of `base` are live tracked objects.
unsafe fn deduce_unreachable(base: Link, unreachable: Link) -> (usize, usize) {
    validate_list(base, ListState::Plain);
    // SAFETY: forwarded contract.
    let examined = unsafe { update_refs(base) };
    let found = unsafe {
        subtract_refs(base);
        move_unreachable(base, unreachable)
    };
    validate_list(base, ListState::Plain);
    (examined, found)
}

/// Phase 1. After this, every object in `containers` has `gc_refs == refcount` and is marked collecting; the
/// list is singly linked (its `prev` words hold `gc_refs`).
///
/// # Safety
/// `containers` is well formed with live tracked members.
unsafe fn update_refs(containers: Link) -> usize {
    let mut examined = 0;
    // SAFETY: caller's contract.
    unsafe {
        let mut link = gclist::next(containers);
        while link != containers {
            let obj = object_at(link);
            debug_assert!(obj.refcnt() > 0, "{obj:?} in a generation with refcount 0");
            reset_gc_refs(link, obj.refcnt());
            examined += 1;
            link = gclist::next(link);
        }
    }
    examined
}

/// Phase 2. After this, each object's `gc_refs` counts only the references from outside `containers`:
/// one was subtracted for every reference from an object of the set.
///
/// # Safety
/// `containers` went through `update_refs`.
unsafe fn subtract_refs(containers: Link) {
    let mut visit_decref = |target: RawObj| {
        if let Some(gc) = gc_link_of(target) {
            // SAFETY: the head of a live gc-capable object (reported referents are live).
            unsafe {
                if is_collecting(gc) {
                    decrement_gc_refs(gc);
                }
            }
        }
    };
    // SAFETY: caller's contract.
    unsafe {
        let mut link = gclist::next(containers);
        while link != containers {
            traverse(object_at(link), &mut visit_decref);
            link = gclist::next(link);
        }
    }
}

/// Phase 3. Moves the objects of `young` not reachable from an object with positive `gc_refs` to
/// `unreachable`. After this, `young` is a plain doubly linked list again whose objects are no longer marked
/// collecting; `unreachable`'s objects are still collecting and carry `NEXT_UNREACHABLE`.
///
/// # Safety
/// `young` went through `update_refs` and `subtract_refs`; `unreachable` is an empty list.
unsafe fn move_unreachable(young: Link, unreachable: Link) -> usize {
    // Marks `target` reachable: if the scan already moved it to `unreachable`, it comes back to the tail of
    // `young` (the scan will reach it again); if the scan has not reached it yet, `gc_refs = 1` is enough.
    let mut visit_reachable = |target: RawObj| {
        let Some(gc) = gc_link_of(target) else { return };
        // SAFETY: `gc` is the head of a live object; when flagged unreachable it sits in `unreachable`, whose
        // members and head are live.
        unsafe {
            // Objects of other generations, and those already scanned, are not collecting.
            if !is_collecting(gc) {
                return;
            }
            let next = gclist::next(gc);
            if is_unreachable_link(next) {
                let prev = gclist::prev(gc);
                gclist::set_next(prev, next); // keeps NEXT_UNREACHABLE as it was on `gc`'s link
                gclist::set_prev(strip_unreachable(next), prev);
                gclist::append(gc, young);
                set_gc_refs(gc, 1);
            } else if gc_refs(gc) == 0 {
                set_gc_refs(gc, 1);
            }
        }
    };

    // SAFETY: caller's contract; every link followed is a member (or head) of `young` or `unreachable`.
    unsafe {
        let mut prev = young; // last element known reachable; `prev` links are restored behind the scan
        let mut link = gclist::next(young);
        // Loop invariant: all objects of `young` before `link` are reachable from outside the original set
        // and have been traversed (not collecting any more); all original objects found unreachable so far are
        // in `unreachable` with `NEXT_UNREACHABLE`; objects from `link` on have not been traversed yet.
        while link != young {
            if gc_refs(link) > 0 {
                // NOTE: visit_reachable may append to `young`, changing `link.next` when `link` is the tail;
                // so the next link is read only after the traversal.
                traverse(object_at(link), &mut visit_reachable);
                gclist::set_prev(link, prev);
                clear_collecting(link);
                prev = link;
            } else {
                // Move to `unreachable`. `young` is singly linked during the scan: only `prev.next` changes.
                gclist::set_next(prev, gclist::next(link));
                let last = gclist::prev(unreachable);
                // Every member of `unreachable` carries NEXT_UNREACHABLE; that pollutes the head's `next`
                // too, repaired after the loop.
                gclist::set_next(last, with_unreachable(link));
                gclist::set_prev(link, last);
                gclist::set_next(link, with_unreachable(unreachable));
                gclist::set_prev(unreachable, link);
            }
            link = gclist::next(prev);
        }
        // `young.prev` must be the last element left in the list.
        gclist::set_prev(young, prev);
        gclist::set_next(unreachable, strip_unreachable(gclist::next(unreachable)));
    }
    // SAFETY: `unreachable` is well formed apart from the NEXT_UNREACHABLE bits, which `len` strips below.
    unsafe { unreachable_len(unreachable) }
}

/// Length of the list built by `move_unreachable` (links carry `NEXT_UNREACHABLE`).
///
/// # Safety
/// `list` comes from `move_unreachable`.
unsafe fn unreachable_len(list: Link) -> usize {
    let mut n = 0;
    // SAFETY: caller's contract.
    unsafe {
        let mut link = gclist::next(list);
        while link != list {
            n += 1;
            link = strip_unreachable(gclist::next(link));
        }
    }
    n
}

/// Whether `obj` may be tracked now or later (CPython's `_PyObject_GC_MAY_BE_TRACKED`): gc-capable, and for
/// tuple-like types, currently tracked.
fn may_be_tracked(obj: RawObj) -> bool {
    match gc_link_of(obj) {
        None => false,
        Some(gc) => {
            obj.vtable().untrack_rule != UntrackRule::WhenAtomicInYoungCollection
                || head_is_tracked(gc)
        }
    }
}

/// # Safety
/// `list` is well formed with live tracked members.
unsafe fn untrack_if_atomic(list: Link, rule: UntrackRule) -> usize {
    let mut untracked = 0;
    // SAFETY: caller's contract; untracking removes only the current object.
    unsafe {
        for_each(list, |obj| {
            if obj.vtable().untrack_rule == rule {
                let mut atomic = true;
                traverse(obj, &mut |child| atomic &= !may_be_tracked(child));
                if atomic {
                    untrack(obj);
                    untracked += 1;
                }
            }
        })
    }
    untracked
}

/// After this, tuples of `young` that hold only objects that can never be tracked are untracked. Returns
/// how many.
///
/// # Safety
/// `young` is well formed with live tracked members.
unsafe fn untrack_tuples(young: Link) -> usize {
    // SAFETY: forwarded contract.
    unsafe { untrack_if_atomic(young, UntrackRule::WhenAtomicInYoungCollection) }
}

/// After this (full collections only), dicts of `young` that hold only objects that can never be tracked are
/// untracked. Returns how many.
///
/// # Safety
/// `young` is well formed with live tracked members.
unsafe fn untrack_dicts(young: Link) -> usize {
    // SAFETY: forwarded contract.
    unsafe { untrack_if_atomic(young, UntrackRule::WhenAtomicInFullCollection) }
}

/// After this, `unreachable` is a plain list (no `NEXT_UNREACHABLE`; objects still collecting) and
/// `finalizers` holds the unreachable objects whose type has a legacy finalizer.
///
/// # Safety
/// `unreachable` comes from `move_unreachable`; `finalizers` is an empty list.
unsafe fn move_legacy_finalizers(unreachable: Link, finalizers: Link) {
    // SAFETY: caller's contract.
    unsafe {
        let mut link = gclist::next(unreachable);
        while link != unreachable {
            let next = strip_unreachable(gclist::next(link));
            gclist::set_next(link, next);
            if object_at(link).vtable().legacy_finalizer {
                // `link` is plain now, and so is everything before it.
                gclist::move_to(link, finalizers);
            }
            link = next;
        }
    }
}

/// After this, everything reachable from `finalizers` that was in the unreachable set is in `finalizers`
/// too (it must survive with the objects that reference it), and none of them is marked collecting.
///
/// # Safety
/// Both lists are plain and well formed; `unreachable`'s members are still marked collecting.
unsafe fn move_legacy_finalizer_reachable(finalizers: Link) {
    // SAFETY: caller's contract.
    unsafe {
        let mut link = gclist::next(finalizers);
        while link != finalizers {
            traverse(object_at(link), &mut |child| {
                if let Some(gc) = gc_link_of(child) {
                    if is_collecting(gc) && head_is_tracked(gc) {
                        gclist::move_to(gc, finalizers);
                        clear_collecting(gc);
                    }
                }
            });
            clear_collecting(link);
            link = gclist::next(link);
        }
    }
}

/// Phase: weak references. After this, every weak reference to an unreachable object is cleared (so no
/// callback or finalizer can reach garbage through one), and the callbacks of the cleared weakrefs that are
/// themselves reachable have run. Returns the number of those weakrefs freed by their callback's completion,
/// the number of callbacks run, and the number of weakrefs to garbage cleared.
///
/// # Safety
/// `unreachable` is plain with collecting members; `old` is well formed.
unsafe fn handle_weakrefs(unreachable: Link, old: Link) -> (usize, usize, usize) {
    let wrcb_to_call = ListHead::new();
    let wrcb_to_call = wrcb_to_call.link();

    let mut cleared = 0;
    // SAFETY: caller's contract; weakref objects registered for live referents are live.
    unsafe {
        let mut link = gclist::next(unreachable);
        while link != unreachable {
            let obj = object_at(link);
            link = gclist::next(link);
            if weakref::is_weakref(obj) {
                // A weakref that is itself garbage is cleared so that its callback can never run. The callback
                // itself stays until `delete_garbage`: releasing it here could run arbitrary code (its
                // deallocation) in the middle of this scan.
                weakref::clear_ref_keep_callback(obj);
            }
            // Each clear unlinks the list's head, so this visits every weakref to `obj` once.
            while let Some(wr) = weakref::first_weakref_of(obj) {
                weakref::clear_ref_keep_callback(wr);
                cleared += 1;
                if !weakref::has_callback(wr) {
                    continue;
                }
                let wr_gc = wr.gc_head_ptr();
                if is_collecting(wr_gc) {
                    // The weakref is garbage too: its callback must not run.
                    continue;
                }
                // The new reference keeps `wr` alive until its callback has run.
                heap::incref(wr);
                if head_is_tracked(wr_gc) {
                    gclist::remove(wr_gc);
                }
                gclist::append(wr_gc, wrcb_to_call);
            }
        }
    }

    let mut freed = 0;
    let mut run = 0;
    // Loop invariant: each weakref in `wrcb_to_call` holds one extra reference taken above.
    // SAFETY: members of `wrcb_to_call` are live weakrefs (we hold a reference to each).
    unsafe {
        while !gclist::is_empty(wrcb_to_call) {
            let link = gclist::next(wrcb_to_call);
            let wr = object_at(link);
            weakref::run_callback(wr);
            run += 1;
            heap::decref(wr);
            if gclist::next(wrcb_to_call) == link {
                // Still alive: move it on with the survivors.
                gclist::move_to(link, old);
            } else {
                freed += 1;
            }
        }
    }
    (freed, run, cleared)
}

/// Phase: PEP 442 finalizers. After this, every object of `collectable` that has a finalizer and had not been
/// finalized has been finalized exactly once (objects may have been freed or resurrected meanwhile).
/// Returns the number of finalizers run.
///
/// # Safety
/// `collectable` is plain and well formed with live members.
unsafe fn finalize_garbage(collectable: Link) -> usize {
    let mut finalized = 0;
    let seen = ListHead::new();
    let seen = seen.link();
    // SAFETY: caller's contract. Finalizers may free or resurrect anything, so the loop always takes the first
    // object of `collectable` and moves it to `seen` before calling out; objects that vanish from either list
    // (freed, hence untracked) are of no concern.
    unsafe {
        while !gclist::is_empty(collectable) {
            let link = gclist::next(collectable);
            let obj = object_at(link);
            gclist::move_to(link, seen);
            if let Some(finalize) = obj.vtable().finalize {
                if gclist::prev_bits(link) & PREV_FINALIZED == 0 {
                    gclist::update_prev_flags(link, PREV_FINALIZED, 0);
                    // The temporary reference keeps the object alive during the call.
                    heap::incref(obj);
                    finalize(obj);
                    heap::decref(obj);
                    finalized += 1;
                }
            }
        }
        gclist::merge(seen, collectable);
    }
    finalized
}

/// Phase: resurrection. After this, `still_unreachable` holds the objects of `unreachable` that are still
/// garbage (plain list, still marked collecting so that a weakref among them is recognised as garbage), and
/// those a finalizer made reachable again have moved to `old`: they survive this collection. Returns how
/// many were resurrected.
///
/// # Safety
/// `unreachable` is plain and well formed; `still_unreachable` is empty; `old` is well formed.
unsafe fn handle_resurrected_objects(
    unreachable: Link,
    still_unreachable: Link,
    old: Link,
) -> usize {
    // SAFETY: caller's contract.
    unsafe {
        // Remove the collecting flag so `deduce_unreachable` can start afresh on this set.
        for_each(unreachable, |obj| clear_collecting(obj.gc_head_ptr()));
        deduce_unreachable(unreachable, still_unreachable);
        let mut link = gclist::next(still_unreachable);
        while link != still_unreachable {
            let next = strip_unreachable(gclist::next(link));
            gclist::set_next(link, next);
            link = next;
        }
        // `unreachable` now holds the resurrected objects.
        let resurrected = gclist::len(unreachable);
        gclist::merge(unreachable, old);
        resurrected
    }
}

/// Phase: break the cycles. After this, `collectable` is empty: each object was cleared (its references
/// released, which frees it and usually others by plain refcounting) or, if something still holds it after
/// clearing, moved to `old`. Under `DEBUG_SAVEALL` objects are saved to the garbage list instead.
///
/// # Safety
/// `collectable` is plain and well formed with live members; `old` is well formed.
unsafe fn delete_garbage(collectable: Link, old: Link, debug: u32) {
    // SAFETY: caller's contract.
    unsafe {
        // Loop invariant: every object left in `collectable` is live (objects freed meanwhile untracked
        // themselves on deallocation, leaving the list).
        while !gclist::is_empty(collectable) {
            let link = gclist::next(collectable);
            let obj = object_at(link);
            if debug & DEBUG_SAVEALL != 0 {
                save_garbage(ObjRef::from_borrowed(obj));
            } else {
                // The temporary reference keeps the object alive during the clear.
                heap::incref(obj);
                match obj.vtable().clear {
                    Some(clear) => clear(obj),
                    None => heap::drop_payload_early(obj),
                }
                heap::decref(obj);
            }
            if gclist::next(collectable) == link {
                // Still alive: it may die later.
                clear_collecting(link);
                gclist::move_to(link, old);
            }
        }
    }
}

/// Uncollectable objects are saved to the garbage list and survive in `old`.
///
/// # Safety
/// Both lists are plain and well formed with live members.
unsafe fn handle_legacy_finalizers(finalizers: Link, old: Link) {
    // SAFETY: caller's contract; the garbage list owns the new references.
    unsafe {
        for_each(finalizers, |obj| {
            clear_collecting(obj.gc_head_ptr());
            save_garbage(ObjRef::from_borrowed(obj));
        });
        gclist::merge(finalizers, old);
    }
}

/// One `DEBUG_COLLECTABLE` / `DEBUG_UNCOLLECTABLE` line for `obj`, through the hook when one is installed.
fn debug_report(what: &'static str, obj: RawObj) {
    match heap::with(|h| h.hooks.get().debug_report) {
        // SAFETY: `obj` is a live member of a collection list (the lists are plain again by now, so the count
        // may change); the temporary reference is released before the next object is visited.
        Some(hook) => hook(what, &unsafe { ObjRef::from_borrowed(obj) }),
        None => eprintln!("gc: {} <{} {:#x}>", what, obj.vtable().name, obj.addr()),
    }
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
fn validate_list(head: Link, state: ListState) {
    if !cfg!(debug_assertions) {
        return;
    }
    // SAFETY: validation walks lists the collector passes in, which are well formed by construction; a
    // broken link is what this check exists to catch early.
    unsafe {
        let mut prev = head;
        let mut link = gclist::next(head);
        while link != head {
            assert!(
                !is_unreachable_link(link),
                "NEXT_UNREACHABLE left in a list"
            );
            assert_eq!(gclist::prev(link), prev, "broken prev link");
            assert_eq!(
                is_collecting(link),
                state == ListState::Collecting,
                "collecting flag out of place"
            );
            prev = link;
            link = gclist::next(link);
        }
        assert_eq!(gclist::prev(head), prev, "list head's prev is not the tail");
    }
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

fn objects_in(head: Link) -> Vec<ObjRef> {
    let mut out = Vec::new();
    // SAFETY: generation lists are well formed between collections with live members; the new references are
    // owned by the returned vector.
    unsafe { for_each(head, |obj| out.push(ObjRef::from_borrowed(obj))) };
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
            unsafe { gclist::merge(h.gc.generation_head(i), h.gc.permanent_head()) };
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
                h.gc.permanent_head(),
                h.gc.generation_head(NUM_GENERATIONS - 1),
            )
        }
    });
}

pub fn get_freeze_count() -> usize {
    // SAFETY: well formed between collections.
    heap::with(|h| unsafe { gclist::len(h.gc.permanent_head()) })
}

/// Objects saved by `DEBUG_SAVEALL` or found uncollectable (when no garbage hook is installed).
pub fn garbage() -> Vec<ObjRef> {
    heap::with(|h| h.gc.garbage.borrow().clone())
}

/// Empty the garbage list, handing its references to the caller.
pub fn take_garbage() -> Vec<ObjRef> {
    heap::with(|h| std::mem::take(&mut *h.gc.garbage.borrow_mut()))
}

#[cfg(test)]
mod tests {
    //! The first three phases, run by hand on a private list, checked object by object.

    use std::cell::RefCell;

    use super::*;
    use crate::{Gc, Trace};

    #[derive(Trace)]
    struct Node {
        edges: RefCell<Vec<Gc<Node>>>,
    }

    fn node() -> Gc<Node> {
        Gc::new(Node {
            edges: RefCell::new(Vec::new()),
        })
    }

    fn link(from: &Gc<Node>, to: &Gc<Node>) {
        from.edges.borrow_mut().push(to.clone());
    }

    fn head(g: &Gc<Node>) -> Link {
        Gc::as_raw(g).gc_head_ptr()
    }

    /// Move everything in generation 0 to a private list (and back when dropped).
    struct Private(ListHead);

    impl Private {
        fn take_young() -> Private {
            let list = ListHead::new();
            // SAFETY: distinct, well-formed lists, on this thread's heap.
            heap::with(|h| unsafe { gclist::merge(h.gc.generation_head(0), list.link()) });
            Private(list)
        }
    }

    impl Drop for Private {
        fn drop(&mut self) {
            // SAFETY: as above.
            heap::with(|h| unsafe { gclist::merge(self.0.link(), h.gc.generation_head(0)) });
        }
    }

    #[test]
    fn update_refs_copies_counts_and_marks_collecting() {
        collect(2);
        let (a, b) = (node(), node());
        link(&a, &b);
        let extra = a.clone();
        let list = Private::take_young();
        // SAFETY: the private list is well formed and holds the live objects above.
        unsafe {
            assert_eq!(update_refs(list.0.link()), 2);
            assert_eq!((gc_refs(head(&a)), gc_refs(head(&b))), (2, 2));
            assert!(is_collecting(head(&a)) && is_collecting(head(&b)));
            // Undo: restore plain links before the objects go back.
            move_unreachable_and_restore(list.0.link());
        }
        drop(extra);
    }

    #[test]
    fn subtract_refs_leaves_only_outside_references() {
        collect(2);
        let (a, b, c) = (node(), node(), node());
        link(&a, &b);
        link(&b, &a); // a <-> b, plus our handles a, b
        link(&b, &c); // c: our handle and b's edge
        let list = Private::take_young();
        // SAFETY: as above.
        unsafe {
            update_refs(list.0.link());
            subtract_refs(list.0.link());
            assert_eq!(gc_refs(head(&a)), 1, "our handle");
            assert_eq!(gc_refs(head(&b)), 1, "our handle");
            assert_eq!(gc_refs(head(&c)), 1, "our handle; b's edge was internal");
            move_unreachable_and_restore(list.0.link());
        }
        drop(list);
        drop((a, b, c));
        assert_eq!(
            collect(2).unwrap().total(),
            3,
            "the a <-> b cycle and c, which only b holds now"
        );
    }

    #[test]
    fn move_unreachable_separates_garbage_and_restores_the_young_list() {
        collect(2);
        let (root, child, x, y) = (node(), node(), node(), node());
        link(&root, &child);
        link(&child, &root);
        link(&x, &y);
        link(&y, &x);
        let (x_head, y_head, x_addr) = (head(&x), head(&y), Gc::addr(&x));
        drop(child);
        drop((x, y)); // x <-> y is garbage now; root <-> child is held by `root`
        let list = Private::take_young();
        let unreachable = ListHead::new();
        // SAFETY: as above; `unreachable` is a fresh empty list.
        unsafe {
            let (examined, found) = deduce_unreachable(list.0.link(), unreachable.link());
            assert_eq!((examined, found), (4, 2));
            validate_list(list.0.link(), ListState::Plain);
            assert!(
                !is_collecting(head(&root)),
                "survivors are no longer marked"
            );
            assert!(
                is_unreachable_link(gclist::next(x_head))
                    && is_unreachable_link(gclist::next(y_head))
            );
            assert!(is_collecting(x_head) && is_collecting(y_head));
            // Hand the garbage to the real phases to free it.
            move_legacy_finalizers(unreachable.link(), ListHead::new().link());
            validate_list(unreachable.link(), ListState::Collecting);
            delete_garbage(unreachable.link(), list.0.link(), 0);
        }
        assert!(
            get_objects(None).iter().all(|o| o.addr() != x_addr),
            "the garbage was freed"
        );
        assert_eq!(crate::read_word(x_addr), Ok(0));
        drop(list);
        drop(root);
        assert_eq!(collect(2).unwrap().total(), 2, "the root <-> child cycle");
    }

    /// Finish a hand-started collection without freeing anything: everything counts as reachable again.
    ///
    /// # Safety
    /// `list` went through `update_refs` (and maybe `subtract_refs`).
    unsafe fn move_unreachable_and_restore(list: Link) {
        // SAFETY: caller's contract; marking every object reachable makes `move_unreachable` keep all.
        unsafe {
            let mut link = gclist::next(list);
            while link != list {
                set_gc_refs(link, 1);
                link = gclist::next(link);
            }
            let unreachable = ListHead::new();
            move_unreachable(list, unreachable.link());
            assert!(gclist::is_empty(unreachable.link()));
        }
        validate_list(list, ListState::Plain);
    }
}

/// Time for `DEBUG_STATS`. `wasm32-unknown-unknown` (the browser playground) has no clock: it reports 0.
struct Stopwatch(#[cfg(not(target_arch = "wasm32"))] std::time::Instant);

impl Stopwatch {
    fn start() -> Stopwatch {
        Stopwatch(
            #[cfg(not(target_arch = "wasm32"))]
            std::time::Instant::now(),
        )
    }

    fn seconds(&self) -> f64 {
        #[cfg(not(target_arch = "wasm32"))]
        return self.0.elapsed().as_secs_f64();
        #[cfg(target_arch = "wasm32")]
        return 0.0;
    }
}
