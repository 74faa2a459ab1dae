//! The generational cycle collector, after CPython 3.11's `Modules/gcmodule.c`.
//!
//! Reference counting frees everything except cycles. The collector finds objects that are referenced only
//! from inside the generation being collected: it copies each object's count into `gc_refs`, subtracts the
//! references coming from objects of the same set, and whatever is still positive is referenced from outside
//! (a root). Everything reachable from a root survives; the rest is garbage. Finalizers then run on the
//! garbage, anything they resurrected is spared, and the remaining cycles are broken with each type's `clear`.
//!
//! The generations and work lists are vectors (`gclist`): a phase walks its list by index, and objects that
//! leave a list (freed, untracked, moved) leave tombstones behind them, so a walk sees the others in order
//! even while user code (finalizers, callbacks, `clear`) runs. `gc_refs` lives in the object's `gc_slot`
//! during the reachability pass, as CPython keeps it in `_gc_prev`.
//!
//! [`collect`] is the driver; each phase is a function below whose doc says what holds after it.

use std::cell::{Cell, RefCell};

use crate::events::{self, HeapEvent};
use crate::gclist::{ListId, Lists};
use crate::header::{
    RawObj, UntrackRule, FLAG_COLLECTING, FLAG_FINALIZED, LIST_MASK, LIST_SHIFT, UNTRACKED,
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
/// [`state_of`] reads it from the header.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum GcObjectState {
    /// In no list: never collected, e.g. a dict holding only atoms.
    Untracked,
    /// In a generation (or the permanent generation), between collections.
    Tracked,
    /// In the set being collected now.
    Collecting,
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
    threshold: Cell<usize>,
    count: Cell<usize>,
}

impl Generation {
    fn new(threshold: usize) -> Generation {
        Generation {
            threshold: Cell::new(threshold),
            count: Cell::new(0),
        }
    }
}

pub(crate) struct GcState {
    /// The generations, the permanent generation and the collector's work lists.
    lists: Lists,
    generations: [Generation; NUM_GENERATIONS],
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
            lists: Lists::new(),
            generations: [
                Generation::new(700),
                Generation::new(10),
                Generation::new(10),
            ],
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            debug: Cell::new(0),
            long_lived_total: Cell::new(0),
            long_lived_pending: Cell::new(0),
            stats: Default::default(),
            garbage: RefCell::new(Vec::new()),
        }
    }
}

/// Run `f` with this thread's lists.
#[inline]
fn lists<R>(f: impl FnOnce(&Lists) -> R) -> R {
    heap::with(|h| f(&h.gc.lists))
}

// ---------------------------------------------------------------------------------------------------------
// Header fields the collector uses: `gc_refs` (in `gc_slot` during the reachability pass) and its flags.

#[inline]
fn gc_refs(obj: RawObj) -> u32 {
    obj.header().gc_slot.get()
}

#[inline]
fn set_gc_refs(obj: RawObj, refs: u32) {
    obj.header().gc_slot.set(refs)
}

#[inline]
fn is_collecting(obj: RawObj) -> bool {
    obj.header().has_flag(FLAG_COLLECTING)
}

#[inline]
fn set_collecting(obj: RawObj, on: bool) {
    obj.header().set_flag(FLAG_COLLECTING, on)
}

/// Call `obj`'s traverse with `visit` for each reported reference.
#[inline]
fn traverse(obj: RawObj, visit: &mut dyn FnMut(RawObj)) {
    // SAFETY: `obj` is live (a `RawObj`'s invariant) and of its vtable's type.
    unsafe { (obj.vtable().traverse)(obj, &mut Tracer::new(visit)) }
}

/// Whether a gc-capable object is marked collecting (false for other objects).
#[inline]
fn gc_capable_and_collecting(obj: RawObj) -> bool {
    obj.vtable().gc_capable && is_collecting(obj)
}

pub fn state_of(obj: RawObj) -> Option<GcObjectState> {
    if !obj.vtable().gc_capable {
        return None;
    }
    Some(if is_collecting(obj) {
        GcObjectState::Collecting
    } else if obj.header().gc_slot.get() == UNTRACKED {
        GcObjectState::Untracked
    } else {
        GcObjectState::Tracked
    })
}

// ---------------------------------------------------------------------------------------------------------
// Tracking.

/// Whether a gc-capable object is in a list. (During the reachability pass `gc_slot` holds `gc_refs`; no
/// caller asks then.)
#[inline]
fn in_a_list(obj: RawObj) -> bool {
    obj.header().gc_slot.get() != UNTRACKED
}

pub(crate) fn is_tracked(obj: RawObj) -> bool {
    obj.vtable().gc_capable && in_a_list(obj)
}

pub(crate) fn is_finalized(obj: RawObj) -> bool {
    obj.header().has_flag(FLAG_FINALIZED)
}

pub(crate) fn set_finalized(obj: RawObj) {
    obj.header().set_flag(FLAG_FINALIZED, true);
}

/// Put a freshly allocated gc-capable object into generation 0.
#[inline]
pub(crate) fn track_new(heap: &heap::HeapState, obj: RawObj) {
    heap.gc.lists.push_new(obj);
}

pub(crate) fn track(obj: RawObj) {
    if obj.vtable().gc_capable && !in_a_list(obj) {
        // Flags such as "finalized" are kept: this may be an object re-tracked for its finalizer.
        lists(|l| l.push(ListId::Generation0, obj));
    }
}

pub(crate) fn untrack(obj: RawObj) {
    if is_tracked(obj) {
        lists(|l| l.remove(obj));
    }
}

/// Take a dying gc-capable object out of its list, if it is in one (the deallocation path).
#[inline]
pub(crate) fn untrack_dying(heap: &heap::HeapState, obj: RawObj) {
    if in_a_list(obj) {
        heap.gc.lists.remove(obj);
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
    // The heap outlives the collection; its lists are only ever shared (see `gclist`).
    heap::with(|h| {
        let result = collect_main_in(&h.gc.lists, generation);
        if generation == NUM_GENERATIONS - 1 {
            // As gc_collect_main does: the free lists' blocks go back to the allocator, so the next objects
            // of those types are new allocations (counted in generation 0).
            h.clear_free_lists();
        }
        result
    })
}

fn collect_main_in(l: &Lists, generation: usize) -> CollectResult {
    let started = Stopwatch::start();
    let debug = heap::with(|h| h.gc.debug.get());
    if debug & DEBUG_STATS != 0 {
        print_generation_sizes(l, generation);
    }
    if events::enabled() {
        events::emit(HeapEvent::CollectStart { generation });
    }

    let young = ListId::generation(generation);
    let old = ListId::generation((generation + 1).min(NUM_GENERATIONS - 1));
    heap::with(|h| {
        let gc = &h.gc;
        // Update collection and allocation counters.
        if generation + 1 < NUM_GENERATIONS {
            let next = &gc.generations[generation + 1];
            next.count.set(next.count.get() + 1);
        }
        for g in &gc.generations[..=generation] {
            g.count.set(0);
        }
        // Merge younger generations with the one we are collecting; `update_refs` marks their objects as
        // moved.
        for i in 0..=generation {
            validate_list(l, ListId::generation(i), false);
        }
        for i in 0..generation {
            l.append_raw(ListId::generation(i), young);
        }
    });

    let (examined, found_unreachable) = deduce_unreachable(l, young, ListId::Unreachable);
    let survivors = examined - found_unreachable - untrack_tuples(l, young);

    // Move the reachable objects to the next generation.
    heap::with(|h| {
        let gc = &h.gc;
        if young != old {
            if generation == NUM_GENERATIONS - 2 {
                gc.long_lived_pending
                    .set(gc.long_lived_pending.get() + survivors);
            }
            gc.lists.merge(young, old);
        } else {
            // Full collection: also untrack dicts that can no longer be part of a cycle.
            let untracked = untrack_dicts(l, young);
            gc.long_lived_pending.set(0);
            gc.long_lived_total.set(survivors - untracked);
        }
    });

    // All objects in `Unreachable` are trash, but objects reachable from legacy finalizers can't be deleted.
    move_legacy_finalizers(l, ListId::Unreachable, ListId::Finalizers);
    move_legacy_finalizer_reachable(l, ListId::Finalizers);
    validate_list(l, ListId::Unreachable, true);

    let (mut collected, callbacks_run, weakrefs_cleared) =
        handle_weakrefs(l, ListId::Unreachable, old);
    validate_list(l, ListId::Unreachable, true);

    let finalized = finalize_garbage(l, ListId::Unreachable);

    let (garbage, resurrected) = if finalized == 0 && callbacks_run == 0 {
        // NOTE: no user code ran since `move_unreachable`, so nothing can have been resurrected or freed: the
        // second reachability pass CPython always makes would find the same set (it is a fifth of the
        // collection's cost).
        (ListId::Unreachable, 0)
    } else {
        let resurrected =
            handle_resurrected_objects(l, ListId::Unreachable, ListId::StillUnreachable, old);
        (ListId::StillUnreachable, resurrected)
    };
    collected += l.len(garbage);
    if debug & DEBUG_COLLECTABLE != 0 {
        for_each(l, garbage, |obj| debug_report("collectable", obj));
    }
    delete_garbage(l, garbage, old, debug);

    // Objects kept alive by legacy finalizers: uncollectable, handed to the garbage list.
    let uncollectable = l.len(ListId::Finalizers);
    if debug & DEBUG_UNCOLLECTABLE != 0 {
        for_each(l, ListId::Finalizers, |obj| {
            debug_report("uncollectable", obj)
        });
    }
    handle_legacy_finalizers(l, ListId::Finalizers, old);
    for work in [
        ListId::Unreachable,
        ListId::Finalizers,
        ListId::StillUnreachable,
        ListId::WeakrefCallbacks,
    ] {
        l.release(work);
    }

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

fn print_generation_sizes(l: &Lists, generation: usize) {
    eprintln!("gc: collecting generation {generation}...");
    let sizes: Vec<String> = (0..NUM_GENERATIONS)
        .map(|i| l.len(ListId::generation(i)).to_string())
        .collect();
    eprintln!("gc: objects in each generation: {}", sizes.join(" "));
    let permanent = l.len(ListId::Permanent);
    eprintln!("gc: objects in permanent generation: {permanent}");
}

/// Call `f` on each object of `list` in order, by index: `f` may remove objects from any list and append to
/// lists other than this one (objects appended to it are visited too, but would stop the walk if they made a
/// generation compact; no caller appends to the generation it walks).
fn for_each(l: &Lists, list: ListId, mut f: impl FnMut(RawObj)) {
    let mut slot = 0;
    while slot < l.slot_count(list) {
        if let Some(obj) = l.get(list, slot) {
            f(obj);
        }
        slot += 1;
    }
}

/// `update_refs` + `subtract_refs` + `move_unreachable`. Returns the number of objects examined and the
/// number found unreachable.
///
/// After this, `base` holds the objects reachable from outside it (not collecting any more) and `unreachable`
/// (empty before) the rest, still marked collecting.
fn deduce_unreachable(l: &Lists, base: ListId, unreachable: ListId) -> (usize, usize) {
    let examined = update_refs(l, base);
    subtract_refs(l, base);
    let found = move_unreachable(l, base, unreachable);
    validate_list(l, base, false);
    (examined, found)
}

/// Phase 1. After this, `containers` has no tombstones and every object in it is marked as in it, has
/// `gc_refs == refcount` (in `gc_slot`) and is marked collecting. Returns the number of objects.
fn update_refs(l: &Lists, containers: ListId) -> usize {
    l.compact_raw(containers, |obj, _| {
        debug_assert!(obj.refcnt() > 0, "{obj:?} in a generation with refcount 0");
        let header = obj.header();
        header.gc_slot.set(header.refcnt.get());
        header.update_bits(
            FLAG_COLLECTING | (containers as usize) << LIST_SHIFT,
            FLAG_COLLECTING | LIST_MASK,
        );
    });
    l.len(containers)
}

/// Phase 2. After this, each object's `gc_refs` counts only the references from outside `containers`:
/// one was subtracted for every reference from an object of the set.
fn subtract_refs(l: &Lists, containers: ListId) {
    let mut visit_decref = |target: RawObj| {
        if gc_capable_and_collecting(target) {
            debug_assert!(gc_refs(target) > 0);
            set_gc_refs(target, gc_refs(target) - 1);
        }
    };
    let count = l.slot_count(containers);
    for slot in 0..count {
        let obj = l.get(containers, slot).expect("compacted list");
        traverse(obj, &mut visit_decref);
    }
}

/// Phase 3. Moves the objects of `young` not reachable from an object with positive `gc_refs` to
/// `unreachable`. After this, `young` holds the reachable objects in the order the scan confirmed them (their
/// `gc_slot` their index again, no longer marked collecting); `unreachable`'s objects are still collecting.
fn move_unreachable(l: &Lists, young: ListId, unreachable: ListId) -> usize {
    // Marks `target` reachable: if the scan already moved it to `unreachable`, it comes back to the end of
    // `young` (the scan will reach it again); if the scan has not reached it yet, `gc_refs = 1` is enough.
    let mut visit_reachable = |target: RawObj| {
        // Objects of other generations, and those already scanned, are not collecting.
        if !gc_capable_and_collecting(target) {
            return;
        }
        if ListId::of(target) == unreachable {
            l.remove(target);
            l.push_raw(young, target);
            set_gc_refs(target, 1);
        } else if gc_refs(target) == 0 {
            set_gc_refs(target, 1);
        }
    };

    // `young` is rewritten in place: the first `kept` slots hold the objects found reachable so far, `slot`
    // walks the rest (which the visitor may lengthen), and `kept <= slot` always.
    let mut kept = 0;
    let mut slot = 0;
    // Loop invariant: all objects of `young` before `kept` are reachable from outside the original set and
    // have been traversed (not collecting any more); all original objects found unreachable so far are in
    // `unreachable`; objects from `slot` on have not been scanned yet.
    while let Some(obj) = l.get(young, slot) {
        slot += 1;
        if gc_refs(obj) > 0 {
            traverse(obj, &mut visit_reachable);
            set_collecting(obj, false);
            l.set_raw(young, kept, Some(obj));
            obj.header().gc_slot.set(kept as u32);
            kept += 1;
        } else {
            // Its slot in `young` is overwritten or cut off later (`kept < slot`).
            obj.header().gc_slot.set(UNTRACKED);
            l.push(unreachable, obj);
        }
    }
    l.truncate_raw(young, kept);
    l.len(unreachable)
}

/// Whether `obj` may be tracked now or later (CPython's `_PyObject_GC_MAY_BE_TRACKED`): gc-capable, and for
/// tuple-like types, currently tracked.
fn may_be_tracked(obj: RawObj) -> bool {
    obj.vtable().gc_capable
        && (obj.vtable().untrack_rule != UntrackRule::WhenAtomicInYoungCollection || in_a_list(obj))
}

fn untrack_if_atomic(l: &Lists, list: ListId, rule: UntrackRule) -> usize {
    let mut untracked = 0;
    // Untracking removes only the current object.
    for_each(l, list, |obj| {
        if obj.vtable().untrack_rule == rule {
            let mut atomic = true;
            traverse(obj, &mut |child| atomic &= !may_be_tracked(child));
            if atomic {
                untrack(obj);
                untracked += 1;
            }
        }
    });
    untracked
}

/// After this, tuples of `young` that hold only objects that can never be tracked are untracked. Returns
/// how many.
fn untrack_tuples(l: &Lists, young: ListId) -> usize {
    untrack_if_atomic(l, young, UntrackRule::WhenAtomicInYoungCollection)
}

/// After this (full collections only), dicts of `young` that hold only objects that can never be tracked are
/// untracked. Returns how many.
fn untrack_dicts(l: &Lists, young: ListId) -> usize {
    untrack_if_atomic(l, young, UntrackRule::WhenAtomicInFullCollection)
}

/// After this, `finalizers` (empty before) holds the unreachable objects whose type has a legacy finalizer.
fn move_legacy_finalizers(l: &Lists, unreachable: ListId, finalizers: ListId) {
    for_each(l, unreachable, |obj| {
        if obj.vtable().legacy_finalizer {
            l.move_to(obj, finalizers);
        }
    });
}

/// After this, everything reachable from `finalizers` that was in the unreachable set is in `finalizers`
/// too (it must survive with the objects that reference it), and none of them is marked collecting.
fn move_legacy_finalizer_reachable(l: &Lists, finalizers: ListId) {
    // Appends to `finalizers` while walking it: a work list is never compacted, so the walk sees them.
    for_each(l, finalizers, |obj| {
        traverse(obj, &mut |child| {
            if gc_capable_and_collecting(child) && in_a_list(child) {
                l.move_to(child, finalizers);
                set_collecting(child, false);
            }
        });
        set_collecting(obj, false);
    });
}

/// Phase: weak references. After this, every weak reference to an unreachable object is cleared (so no
/// callback or finalizer can reach garbage through one), and the callbacks of the cleared weakrefs that are
/// themselves reachable have run. Returns the number of those weakrefs freed by their callback's completion,
/// the number of callbacks run, and the number of weakrefs to garbage cleared.
fn handle_weakrefs(l: &Lists, unreachable: ListId, old: ListId) -> (usize, usize, usize) {
    let to_call = ListId::WeakrefCallbacks;
    let mut cleared = 0;
    // SAFETY (for the weakref calls): objects of `unreachable` are live, and so are weakref objects
    // registered for live referents.
    for_each(l, unreachable, |obj| unsafe {
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
            if is_collecting(wr) {
                // The weakref is garbage too: its callback must not run.
                continue;
            }
            // The new reference keeps `wr` alive until its callback has run.
            heap::incref(wr);
            {
                if in_a_list(wr) {
                    l.remove(wr);
                }
                l.push(to_call, wr);
            };
        }
    });

    let mut freed = 0;
    let mut run = 0;
    // Loop invariant: each weakref still in `to_call` holds one extra reference taken above.
    let mut slot = 0;
    while slot < l.slot_count(to_call) {
        if let Some(wr) = l.get(to_call, slot) {
            // SAFETY: we hold a reference to `wr`, a live weakref.
            unsafe {
                weakref::run_callback(wr);
                run += 1;
                heap::decref(wr);
            }
            if l.get(to_call, slot) == Some(wr) {
                // Still alive: move it on with the survivors.
                l.move_to(wr, old);
            } else {
                freed += 1;
            }
        }
        slot += 1;
    }
    (freed, run, cleared)
}

/// Phase: PEP 442 finalizers. After this, every object of `collectable` that has a finalizer and had not been
/// finalized has been finalized exactly once (objects may have been freed or resurrected meanwhile).
/// Returns the number of finalizers run.
fn finalize_garbage(l: &Lists, collectable: ListId) -> usize {
    let mut finalized = 0;
    // Finalizers may free or resurrect anything; objects that vanish from the list (freed, hence untracked)
    // leave tombstones, so the walk goes on in order.
    for_each(l, collectable, |obj| {
        if let Some(finalize) = obj.vtable().finalize {
            if !is_finalized(obj) {
                set_finalized(obj);
                // SAFETY: `obj` is live (in the list); the temporary reference keeps it alive during the call.
                unsafe {
                    heap::incref(obj);
                    finalize(obj);
                    heap::decref(obj);
                }
                finalized += 1;
            }
        }
    });
    finalized
}

/// Phase: resurrection. After this, `still_unreachable` (empty before) holds the objects of `unreachable`
/// that are still garbage (still marked collecting so that a weakref among them is recognised as garbage), and
/// those a finalizer made reachable again have moved to `old`: they survive this collection. Returns how
/// many were resurrected.
fn handle_resurrected_objects(
    l: &Lists,
    unreachable: ListId,
    still_unreachable: ListId,
    old: ListId,
) -> usize {
    // `update_refs` marks the set collecting afresh.
    deduce_unreachable(l, unreachable, still_unreachable);
    // `unreachable` now holds the resurrected objects.
    let resurrected = l.len(unreachable);
    l.merge(unreachable, old);
    resurrected
}

/// Phase: break the cycles. After this, `collectable` is empty: each object was cleared (its references
/// released, which frees it and usually others by plain refcounting) or, if something still holds it after
/// clearing, moved to `old`. Under `DEBUG_SAVEALL` objects are saved to the garbage list instead.
fn delete_garbage(l: &Lists, collectable: ListId, old: ListId, debug: u32) {
    // Loop invariant: every object left in `collectable` is live (objects freed meanwhile untracked
    // themselves on deallocation, leaving tombstones).
    let mut slot = 0;
    while slot < l.slot_count(collectable) {
        if let Some(obj) = l.get(collectable, slot) {
            if debug & DEBUG_SAVEALL != 0 {
                // SAFETY: `obj` is live (in the list).
                save_garbage(unsafe { ObjRef::from_borrowed(obj) });
            } else {
                // SAFETY: as above; the temporary reference keeps the object alive during the clear.
                unsafe {
                    heap::incref(obj);
                    match obj.vtable().clear {
                        Some(clear) => clear(obj),
                        None => heap::drop_payload_early(obj),
                    }
                    heap::decref(obj);
                }
            }
            if l.get(collectable, slot) == Some(obj) {
                // Still alive: it may die later.
                set_collecting(obj, false);
                l.move_to(obj, old);
            }
        }
        slot += 1;
    }
}

/// Uncollectable objects are saved to the garbage list and survive in `old`.
fn handle_legacy_finalizers(l: &Lists, finalizers: ListId, old: ListId) {
    for_each(l, finalizers, |obj| {
        set_collecting(obj, false);
        // SAFETY: `obj` is live (in the list); the garbage list owns the new reference.
        save_garbage(unsafe { ObjRef::from_borrowed(obj) });
    });
    l.merge(finalizers, old);
}

/// One `DEBUG_COLLECTABLE` / `DEBUG_UNCOLLECTABLE` line for `obj`, through the hook when one is installed.
fn debug_report(what: &'static str, obj: RawObj) {
    match heap::with(|h| h.hooks.get().debug_report) {
        // SAFETY: `obj` is a live member of a collection list; the temporary reference is released before the
        // next object is visited.
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

/// Check a list between phases (debug builds only): each object's header names this list and its slot, and
/// is marked collecting exactly when `collecting` says.
fn validate_list(l: &Lists, list: ListId, collecting: bool) {
    if !cfg!(debug_assertions) {
        return;
    }
    for slot in 0..l.slot_count(list) {
        if let Some(obj) = l.get(list, slot) {
            assert_eq!(ListId::of(obj), list, "list number out of date");
            assert_eq!(
                obj.header().gc_slot.get() as usize,
                slot,
                "gc_slot out of date"
            );
            assert_eq!(
                is_collecting(obj),
                collecting,
                "collecting flag out of place"
            );
        }
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

fn objects_in(list: ListId) -> Vec<ObjRef> {
    let mut out = Vec::new();
    // SAFETY: members of a generation are live; the new references are owned by the returned vector.
    lists(|l| {
        for_each(l, list, |obj| {
            out.push(unsafe { ObjRef::from_borrowed(obj) })
        })
    });
    out
}

/// `gc.get_objects(generation)`: the tracked objects of one generation, or of all (not the permanent one).
pub fn get_objects(generation: Option<usize>) -> Vec<ObjRef> {
    match generation {
        Some(g) => objects_in(ListId::generation(g)),
        None => (0..NUM_GENERATIONS)
            .flat_map(|g| objects_in(ListId::generation(g)))
            .collect(),
    }
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
            h.gc.lists.merge(ListId::generation(i), ListId::Permanent);
        }
        h.gc.generations[0].count.set(0);
    });
}

/// `gc.unfreeze()`: move the permanent generation back into the oldest one.
pub fn unfreeze() {
    lists(|l| l.merge(ListId::Permanent, ListId::generation(NUM_GENERATIONS - 1)));
}

pub fn get_freeze_count() -> usize {
    lists(|l| l.len(ListId::Permanent))
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
    use crate::gclist::RETAINED_CAPACITY;
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

    fn raw(g: &Gc<Node>) -> RawObj {
        Gc::as_raw(g)
    }

    /// Generation 0's objects, moved to a work list that no allocation touches (and back when dropped).
    struct Private(ListId);

    impl Private {
        fn take_young() -> Private {
            lists(|l| l.merge(ListId::Generation0, ListId::StillUnreachable));
            Private(ListId::StillUnreachable)
        }
    }

    impl Drop for Private {
        fn drop(&mut self) {
            lists(|l| l.merge(self.0, ListId::Generation0));
        }
    }

    #[test]
    fn update_refs_copies_counts_and_marks_collecting() {
        lists(|l| {
            collect(2);
            let (a, b) = (node(), node());
            link(&a, &b);
            let extra = a.clone();
            let list = Private::take_young();
            assert_eq!(update_refs(l, list.0), 2);
            assert_eq!((gc_refs(raw(&a)), gc_refs(raw(&b))), (2, 2));
            assert!(is_collecting(raw(&a)) && is_collecting(raw(&b)));
            // Undo: give the objects their slots back before they return to generation 0.
            move_unreachable_and_restore(l, list.0);
            drop(list);
            drop(extra);
        })
    }

    #[test]
    fn subtract_refs_leaves_only_outside_references() {
        lists(|l| {
            collect(2);
            let (a, b, c) = (node(), node(), node());
            link(&a, &b);
            link(&b, &a); // a <-> b, plus our handles a, b
            link(&b, &c); // c: our handle and b's edge
            let list = Private::take_young();
            update_refs(l, list.0);
            subtract_refs(l, list.0);
            assert_eq!(gc_refs(raw(&a)), 1, "our handle");
            assert_eq!(gc_refs(raw(&b)), 1, "our handle");
            assert_eq!(gc_refs(raw(&c)), 1, "our handle; b's edge was internal");
            move_unreachable_and_restore(l, list.0);
            drop(list);
            drop((a, b, c));
            assert_eq!(
                collect(2).unwrap().total(),
                3,
                "the a <-> b cycle and c, which only b holds now"
            );
        })
    }

    #[test]
    fn move_unreachable_separates_garbage_and_keeps_the_order_of_the_young_list() {
        lists(|l| {
            collect(2);
            let (root, child, x, y) = (node(), node(), node(), node());
            link(&root, &child);
            link(&child, &root);
            link(&x, &y);
            link(&y, &x);
            let (x_raw, y_raw, x_addr) = (raw(&x), raw(&y), Gc::addr(&x));
            let order = [raw(&root), raw(&child)];
            drop(child);
            drop((x, y)); // x <-> y is garbage now; root <-> child is held by `root`
            let list = Private::take_young();
            let (examined, found) = deduce_unreachable(l, list.0, ListId::Unreachable);
            assert_eq!((examined, found), (4, 2));
            validate_list(l, list.0, false);
            assert!(!is_collecting(raw(&root)), "survivors are no longer marked");
            assert_eq!(
                lists(|l| [l.get(list.0, 0), l.get(list.0, 1)]),
                order.map(Some)
            );
            assert_eq!(
                (ListId::of(x_raw), ListId::of(y_raw)),
                (ListId::Unreachable, ListId::Unreachable)
            );
            assert!(is_collecting(x_raw) && is_collecting(y_raw));
            // Hand the garbage to the real phases to free it.
            move_legacy_finalizers(l, ListId::Unreachable, ListId::Finalizers);
            validate_list(l, ListId::Unreachable, true);
            delete_garbage(l, ListId::Unreachable, list.0, 0);
            drop(list);
            assert!(
                get_objects(None).iter().all(|o| o.addr() != x_addr),
                "the garbage was freed"
            );
            assert_eq!(crate::read_word(x_addr), Ok(0));
            drop(root);
            assert_eq!(collect(2).unwrap().total(), 2, "the root <-> child cycle");
        })
    }

    #[test]
    fn untracking_leaves_a_tombstone_and_keeps_the_order() {
        lists(|l| {
            collect(2);
            let nodes: Vec<Gc<Node>> = (0..5).map(|_| node()).collect();
            let addrs: Vec<usize> = nodes.iter().map(Gc::addr).collect();
            let young =
                || -> Vec<usize> { get_objects(Some(0)).iter().map(ObjRef::addr).collect() };
            assert_eq!(young(), addrs);
            untrack(raw(&nodes[1]));
            untrack(raw(&nodes[3]));
            assert_eq!(young(), [addrs[0], addrs[2], addrs[4]]);
            assert_eq!(lists(|l| l.slot_count(ListId::Generation0)), 5);
            // The last slot is popped with the tombstone before it.
            untrack(raw(&nodes[4]));
            assert_eq!(lists(|l| l.slot_count(ListId::Generation0)), 3);
            track(raw(&nodes[1]));
            assert_eq!(young(), [addrs[0], addrs[2], addrs[1]]);
            validate_list(l, ListId::Generation0, false);
        })
    }

    #[test]
    fn a_collection_that_frees_most_of_a_generation_gives_its_slots_back() {
        collect(2);
        disable();
        let keep = node();
        // Past `RETAINED_CAPACITY` slots.
        let pairs = RETAINED_CAPACITY;
        for _ in 0..pairs {
            let (a, b) = (node(), node());
            link(&a, &b);
            link(&b, &a);
        }
        assert!(lists(|l| l.capacity(ListId::Generation0)) > RETAINED_CAPACITY);
        assert_eq!(collect(2).unwrap().total(), 2 * pairs);
        enable();
        assert_eq!(get_objects(Some(2)).len(), 1, "only `keep` survived");
        lists(|l| {
            for generation in [ListId::Generation0, ListId::Generation2] {
                assert!(l.capacity(generation) <= RETAINED_CAPACITY);
            }
        });
        drop(keep);
    }

    /// Finish a hand-started collection without freeing anything: everything counts as reachable again.
    fn move_unreachable_and_restore(l: &Lists, list: ListId) {
        for_each(l, list, |obj| set_gc_refs(obj, 1));
        assert_eq!(move_unreachable(l, list, ListId::Unreachable), 0);
        validate_list(l, list, false);
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
