//! The cycle collector through the dynamic API: counts, generations, untracking rules, legacy finalizers,
//! DEBUG_SAVEALL, freeze, callbacks and introspection.

mod common;

use common::*;
use refpy_heap::gc::{self, CollectResult};
use refpy_heap::{CollectPhase, Hooks, ObjRef};

#[test]
fn self_referencing_list_survives_refcounting_and_is_collected() {
    fresh();
    let l = list(vec![]);
    push(&l, l.clone());
    assert_eq!(l.refcnt(), 2);
    let addr = l.addr();
    drop(l);
    assert_eq!(
        refpy_heap::read_word(addr),
        Ok(1),
        "the cycle keeps it alive"
    );
    assert_eq!(gc::collect(2).unwrap().total(), 1);
    assert_eq!(
        refpy_heap::read_word(addr),
        Ok(0),
        "freed memory reads count 0"
    );
}

#[test]
fn cycle_reachable_from_outside_is_kept() {
    fresh();
    let a = list(vec![]);
    let b = list(vec![a.clone()]);
    push(&a, b.clone());
    let root = list(vec![a.clone()]);
    drop(a);
    drop(b);
    assert_eq!(gc::collect(2).unwrap().total(), 0);
    let a = root.downcast::<List>().unwrap().0.borrow()[0].clone();
    assert_eq!(a.refcnt(), 3, "root, b and our handle");
    drop(a);
    drop(root);
    assert_eq!(gc::collect(2).unwrap().total(), 2);
}

#[test]
fn collected_count_includes_every_unreachable_object() {
    fresh();
    // A cycle holding a chain of 5 lists and 3 atoms: atoms are freed by refcounting, not counted.
    let a = list(vec![atom(1), atom(2), atom(3)]);
    let mut tail = list(vec![]);
    for _ in 0..5 {
        tail = list(vec![tail]);
    }
    push(&a, tail);
    push(&a, a.clone());
    drop(a);
    assert_eq!(
        gc::collect(2).unwrap(),
        CollectResult {
            generation: 2,
            collected: 7,
            uncollectable: 0
        }
    );
}

#[test]
fn survivors_move_to_the_next_generation() {
    fresh();
    let l = list(vec![]);
    let in_gen = |g: usize| gc::get_objects(Some(g)).iter().any(|o| o.is(&l));
    assert!(in_gen(0));
    gc::collect(0);
    assert!(in_gen(1) && !in_gen(0));
    gc::collect(1);
    assert!(in_gen(2));
    gc::collect(2);
    assert!(in_gen(2), "the oldest generation keeps its survivors");
}

#[test]
fn young_collection_does_not_free_cycles_in_older_generations() {
    fresh();
    let l = list(vec![]);
    push(&l, l.clone());
    gc::collect(0); // l now in generation 1
    drop(l);
    assert_eq!(gc::collect(0).unwrap().total(), 0);
    assert_eq!(gc::collect(1).unwrap().total(), 1);
}

#[test]
fn counts_follow_allocations_and_collections_like_cpython() {
    fresh();
    assert_eq!(gc::get_count(), [0, 0, 0]);
    let held: Vec<ObjRef> = (0..5).map(|_| list(vec![])).collect();
    let _atoms: Vec<ObjRef> = (0..5).map(atom).collect();
    assert_eq!(gc::get_count()[0], 5, "only gc-capable allocations count");
    drop(held);
    assert_eq!(gc::get_count()[0], 0, "deallocations count down");
    gc::collect(0);
    assert_eq!(gc::get_count(), [0, 1, 0]);
    gc::collect(1);
    assert_eq!(gc::get_count(), [0, 0, 1]);
    gc::collect(2);
    assert_eq!(gc::get_count(), [0, 0, 0]);
}

#[test]
fn allocation_past_threshold_collects_automatically_unless_disabled() {
    fresh();
    assert_eq!(gc::get_threshold(), [700, 10, 10]);
    gc::set_threshold(10, None, None);
    let make_garbage_cycle = || {
        let l = list(vec![]);
        push(&l, l.clone());
    };
    gc::disable();
    for _ in 0..20 {
        make_garbage_cycle();
    }
    assert_eq!(gc::get_count()[0], 20);
    assert_eq!(gc::get_stats()[0].collections, 0);
    gc::enable();
    make_garbage_cycle();
    let stats = gc::get_stats()[0];
    assert_eq!(stats.collections, 1);
    assert_eq!(
        stats.collected, 20,
        "the 21st cycle was still being built during the collection"
    );
    assert_eq!(
        gc::get_count(),
        [0, 1, 0],
        "the collection reset the count that the new list had raised"
    );
    gc::set_threshold(700, None, None);
    assert_eq!(gc::collect(2).unwrap().total(), 1);
}

#[test]
fn tuples_of_atoms_are_untracked_by_a_collection() {
    fresh();
    let atoms = tuple(vec![atom(1), atom(2)]);
    let nested = tuple(vec![atoms.clone()]);
    let with_list = tuple(vec![list(vec![])]);
    assert!(atoms.is_tracked() && nested.is_tracked() && with_list.is_tracked());
    gc::collect(0);
    assert!(!atoms.is_tracked());
    assert!(
        !nested.is_tracked(),
        "its only item was untracked before it was examined"
    );
    assert!(with_list.is_tracked());
}

#[test]
fn dicts_start_untracked_and_are_untracked_only_by_full_collections() {
    fresh();
    let d = dict(vec![atom(1)]);
    assert!(!d.is_tracked());
    d.track(); // an interpreter tracks a dict when a container is stored in it
    assert!(d.is_tracked());
    gc::collect(1);
    assert!(d.is_tracked());
    gc::collect(2);
    assert!(!d.is_tracked());
}

#[test]
fn legacy_finalizers_make_their_cycle_uncollectable() {
    fresh();
    let l = legacy(vec![]);
    let inner = list(vec![l.clone()]);
    push(&l, inner);
    drop(l);
    let result = gc::collect(2).unwrap();
    assert_eq!(
        result,
        CollectResult {
            generation: 2,
            collected: 0,
            uncollectable: 2
        }
    );
    let garbage = gc::take_garbage();
    assert_eq!(garbage.len(), 2);
    for g in &garbage {
        list_clear_via_payload(g);
    }
}

fn list_clear_via_payload(obj: &ObjRef) {
    obj.downcast::<List>().unwrap().0.borrow_mut().clear();
}

#[test]
fn debug_saveall_keeps_garbage_instead_of_freeing_it() {
    fresh();
    gc::set_debug(gc::DEBUG_SAVEALL);
    let l = list(vec![]);
    push(&l, l.clone());
    let addr = l.addr();
    drop(l);
    assert_eq!(gc::collect(2).unwrap().total(), 1);
    gc::set_debug(0);
    let garbage = gc::take_garbage();
    assert_eq!(garbage.len(), 1);
    assert_eq!(garbage[0].addr(), addr);
    assert_eq!(garbage[0].refcnt(), 2, "itself and the garbage list");
    list_clear_via_payload(&garbage[0]);
}

#[test]
fn frozen_objects_are_ignored_until_unfrozen() {
    fresh();
    let l = list(vec![]);
    push(&l, l.clone());
    gc::freeze();
    assert_eq!(gc::get_freeze_count(), 1);
    drop(l);
    assert_eq!(gc::collect(2).unwrap().total(), 0);
    gc::unfreeze();
    assert_eq!(gc::get_freeze_count(), 0);
    assert_eq!(gc::collect(2).unwrap().total(), 1);
}

thread_local! {
    static SEEN: std::cell::RefCell<Vec<(CollectPhase, CollectResult)>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[test]
fn callbacks_see_start_and_stop_with_the_result() {
    fresh();
    refpy_heap::set_hooks(Hooks {
        gc_callback: Some(|phase, info| SEEN.with(|s| s.borrow_mut().push((phase, info)))),
        ..Hooks::default()
    });
    let l = list(vec![]);
    push(&l, l.clone());
    drop(l);
    gc::collect(1);
    refpy_heap::set_hooks(Hooks::default());
    let seen = SEEN.with(|s| s.take());
    assert_eq!(
        seen,
        vec![
            (
                CollectPhase::Start,
                CollectResult {
                    generation: 1,
                    collected: 0,
                    uncollectable: 0
                }
            ),
            (
                CollectPhase::Stop,
                CollectResult {
                    generation: 1,
                    collected: 1,
                    uncollectable: 0
                }
            ),
        ]
    );
}

#[test]
fn referents_and_referrers() {
    fresh();
    let a = atom(5);
    let inner = list(vec![]);
    let outer = list(vec![a.clone(), inner.clone()]);
    let referents = outer.referents();
    assert_eq!(referents.len(), 2);
    assert!(referents[0].is(&a) && referents[1].is(&inner));
    assert!(a.referents().is_empty(), "atoms report nothing");
    let referrers = gc::get_referrers(&[inner.raw()]);
    assert_eq!(referrers.len(), 1);
    assert!(referrers[0].is(&outer));
}

#[test]
fn stats_accumulate_per_generation() {
    fresh();
    let before = gc::get_stats();
    let l = list(vec![]);
    push(&l, l.clone());
    drop(l);
    gc::collect(2);
    let after = gc::get_stats();
    assert_eq!(after[2].collections, before[2].collections + 1);
    assert_eq!(after[2].collected, before[2].collected + 1);
    assert_eq!(after[0], before[0]);
}

#[test]
fn object_states_during_ordinary_life() {
    fresh();
    let l = list(vec![]);
    assert_eq!(gc::state_of(l.raw()), Some(gc::GcObjectState::Tracked));
    l.untrack();
    assert_eq!(gc::state_of(l.raw()), Some(gc::GcObjectState::Untracked));
    assert_eq!(gc::state_of(atom(1).raw()), None);
}

struct Recorder(std::rc::Rc<std::cell::RefCell<Vec<refpy_heap::HeapEvent>>>);

impl refpy_heap::EventSink for Recorder {
    fn event(&mut self, event: &refpy_heap::HeapEvent) {
        self.0.borrow_mut().push(event.clone());
    }
}

#[test]
fn event_sink_sees_allocations_frees_and_collection_phases() {
    use refpy_heap::HeapEvent;
    fresh();
    let events = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    refpy_heap::set_event_sink(Some(Box::new(Recorder(events.clone()))));
    let l = list(vec![]);
    let addr = l.addr();
    push(&l, l.clone());
    drop(l);
    gc::collect(2);
    refpy_heap::set_event_sink(None);
    let events = events.take();
    assert!(matches!(
        events[0],
        HeapEvent::Alloc {
            type_name: "list",
            ..
        }
    ));
    assert_eq!(events[1], HeapEvent::CollectStart { generation: 2 });
    assert!(matches!(events[2], HeapEvent::Free { obj, type_name: "list" } if obj.addr() == addr));
    assert!(matches!(
        events[3],
        HeapEvent::CollectStop {
            generation: 2,
            unreachable: 1,
            weakrefs_cleared: 0,
            finalized: 0,
            resurrected: 0,
            collected: 1,
            ..
        }
    ));
    assert_eq!(events.len(), 4);
}

#[test]
fn garbage_weakref_keeps_its_callback_until_the_cycle_is_cleared() {
    // Regression: releasing a garbage weakref's callback while scanning the unreachable list freed the next
    // object of that list under the scan (found by the interpreter's fuzz test).
    fresh();
    let target = list(vec![]);
    let holder = list(vec![]);
    push(&holder, holder.clone());
    let callback = dict(vec![]); // created untracked, tracked below: it follows the weakref in the list
    let weak = refpy_heap::weakref::new_weakref(
        &target,
        Some(callback.clone()),
        refpy_heap::weakref::WeakKind::Ref,
    )
    .unwrap();
    callback.track();
    push(&holder, weak);
    drop(callback);
    drop(holder);
    // holder, the weakref and the callback object are garbage; the target is alive.
    assert_eq!(gc::collect(2).unwrap().total(), 3);
    assert_eq!(refpy_heap::weakref::weakref_count(&target), 0);
}

#[test]
fn free_lists_keep_dead_objects_memory_for_their_type_only() {
    fresh();
    let baseline = gc::get_count()[0];
    let a = free_listed();
    let (b, c) = (free_listed(), free_listed());
    assert_eq!(
        gc::get_count()[0],
        baseline + 3,
        "fresh blocks are allocations"
    );
    let (a_addr, b_addr) = (a.addr(), b.addr());
    drop(a);
    drop(b);
    drop(c); // the list holds two: this one is freed for real
    assert_eq!(
        gc::get_count()[0],
        baseline + 2,
        "free-listed deaths are not deallocations"
    );
    assert_eq!(
        refpy_heap::read_word(b_addr),
        Ok(0),
        "a free-listed object reads as dead"
    );
    // An object of another type of the same size does not take a free-listed block.
    let other = list(vec![]);
    assert!(other.addr() != a_addr && other.addr() != b_addr);
    // The newest dead object comes back first, and reuse is not an allocation either.
    let again = free_listed();
    assert_eq!(again.addr(), b_addr);
    assert_eq!(free_listed().addr(), a_addr);
    assert_eq!(gc::get_count()[0], baseline + 3);
    assert!(again.is_tracked());
    assert_eq!(again.refcnt(), 1);
}

#[test]
fn weakref_lists_keep_cpythons_order_and_fire_callbacks_in_it() {
    use refpy_heap::weakref::WeakKind::{Proxy, Ref};
    use refpy_heap::weakref::{basic_ref, new_weakref, rust_callback, weakref_count, weakrefs_of};
    use std::cell::RefCell;
    use std::rc::Rc;
    fresh();
    let target = list(vec![]);
    let fired = Rc::new(RefCell::new(Vec::new()));
    let logger = |name: &'static str| {
        let fired = fired.clone();
        rust_callback(move |_| fired.borrow_mut().push(name))
    };
    let with_cb_1 = new_weakref(&target, Some(logger("first")), Ref).unwrap();
    let proxy = new_weakref(&target, None, Proxy).unwrap();
    let with_cb_2 = new_weakref(&target, Some(logger("second")), Proxy).unwrap();
    let plain = new_weakref(&target, None, Ref).unwrap();
    // CPython: the basic ref, then the basic proxy, then the ones with callbacks, newest first.
    let order = |expected: &[&ObjRef]| {
        let got: Vec<usize> = weakrefs_of(&target).iter().map(ObjRef::addr).collect();
        let want: Vec<usize> = expected.iter().map(|w| w.addr()).collect();
        assert_eq!(got, want);
        assert_eq!(weakref_count(&target), expected.len());
    };
    order(&[&plain, &proxy, &with_cb_2, &with_cb_1]);
    assert_eq!(
        basic_ref(&target, Ref).map(|w| w.addr()),
        Some(plain.addr())
    );
    assert_eq!(
        basic_ref(&target, Proxy).map(|w| w.addr()),
        Some(proxy.addr())
    );
    let third = new_weakref(&target, Some(logger("third")), Ref).unwrap();
    order(&[&plain, &proxy, &third, &with_cb_2, &with_cb_1]);
    drop(proxy);
    order(&[&plain, &third, &with_cb_2, &with_cb_1]);
    drop(plain);
    order(&[&third, &with_cb_2, &with_cb_1]);
    drop(with_cb_2);
    order(&[&third, &with_cb_1]);
    assert_eq!(basic_ref(&target, Ref).map(|w| w.addr()), None);
    drop(target);
    assert_eq!(*fired.borrow(), ["third", "first"]);
    assert!(refpy_heap::weakref::upgrade(&third).is_none());
}
