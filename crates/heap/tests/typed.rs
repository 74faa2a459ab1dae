//! The typed API: counts, immediate and non-recursive deallocation, finalizers (PEP 442) with resurrection,
//! and weak references with callbacks.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use refpy_heap::{gc, Finalize, Gc, Trace, Weak};

#[derive(Trace)]
struct Node {
    name: &'static str,
    next: RefCell<Option<Gc<Node>>>,
}

fn node(name: &'static str) -> Gc<Node> {
    Gc::new(Node {
        name,
        next: RefCell::new(None),
    })
}

fn link(from: &Gc<Node>, to: &Gc<Node>) {
    *from.next.borrow_mut() = Some(to.clone());
}

#[test]
fn counts_follow_clones_and_drops() {
    let a = node("a");
    assert_eq!(Gc::ref_count(&a), 1);
    let b = a.clone();
    let c = a.clone();
    assert_eq!(Gc::ref_count(&a), 3);
    drop(c);
    assert_eq!(Gc::ref_count(&a), 2);
    drop(b);
    assert_eq!(Gc::ref_count(&a), 1);
    assert_eq!(refpy_heap::read_word(Gc::addr(&a)), Ok(1));
}

#[test]
fn dead_object_reads_zero_and_its_address_is_reused() {
    let keep = node("keep");
    let a = node("a");
    let addr = Gc::addr(&a);
    drop(a);
    assert_eq!(refpy_heap::read_word(addr), Ok(0));
    let b = node("b");
    assert_eq!(Gc::addr(&b), addr, "the freed block is handed out first");
    assert_eq!(refpy_heap::read_word(addr), Ok(1));
    drop(keep);
}

#[test]
fn two_node_cycle_needs_the_collector() {
    gc::collect(2);
    let a = node("a");
    let b = node("b");
    link(&a, &b);
    link(&b, &a);
    let (a_addr, b_addr) = (Gc::addr(&a), Gc::addr(&b));
    drop(a);
    drop(b);
    assert_eq!(refpy_heap::read_word(a_addr), Ok(1));
    assert_eq!(refpy_heap::read_word(b_addr), Ok(1));
    assert_eq!(gc::collect(2).unwrap().total(), 2);
    assert_eq!(refpy_heap::read_word(a_addr), Ok(0));
}

#[test]
fn dropping_a_long_chain_does_not_recurse() {
    // 10^5 here (debug build, and Miri scales it down); the 10^7 case is an ignored test run in release.
    let n = if cfg!(miri) { 2_000 } else { 100_000 };
    let head = node("0");
    let mut tail = head.clone();
    for _ in 0..n {
        let next = node("n");
        link(&tail, &next);
        tail = next;
    }
    drop(tail);
    let before = refpy_heap::allocator_stats().small_blocks_in_use;
    drop(head);
    let after = refpy_heap::allocator_stats().small_blocks_in_use;
    assert_eq!(before - after, n + 1);
}

#[test]
#[ignore = "10^7 objects: run in release by .ci/run"]
fn dropping_a_ten_million_chain_is_fast_and_flat() {
    let head = node("0");
    let mut tail = head.clone();
    for _ in 0..10_000_000 {
        let next = node("n");
        link(&tail, &next);
        tail = next;
    }
    drop(tail);
    let started = std::time::Instant::now();
    drop(head);
    let elapsed = started.elapsed();
    println!("dropped a 10^7-deep chain in {elapsed:?}");
    assert_eq!(refpy_heap::allocator_stats().small_blocks_in_use, 0);
}

thread_local! {
    static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static SAVED: RefCell<Option<Gc<Phoenix>>> = const { RefCell::new(None) };
}

fn log(entry: String) {
    LOG.with(|l| l.borrow_mut().push(entry));
}

fn take_log() -> Vec<String> {
    LOG.with(|l| l.take())
}

#[derive(Trace)]
struct Phoenix {
    name: &'static str,
    resurrect: Cell<bool>,
    other: RefCell<Option<Gc<Phoenix>>>,
    me: RefCell<Option<Gc<Phoenix>>>,
}

impl Finalize for Phoenix {
    fn finalize(&self) {
        log(format!("finalize {}", self.name));
        if self.resurrect.get() {
            // Resurrect through the cycle: the stored handle keeps the object graph alive.
            let me = self
                .other
                .borrow()
                .as_ref()
                .and_then(|o| o.other.borrow().clone());
            SAVED.with(|s| *s.borrow_mut() = me);
        }
    }
}

fn phoenix(name: &'static str, resurrect: bool) -> Gc<Phoenix> {
    Gc::new_with_finalizer(Phoenix {
        name,
        resurrect: Cell::new(resurrect),
        other: RefCell::new(None),
        me: RefCell::new(None),
    })
}

#[test]
fn finalizer_runs_once_when_the_count_reaches_zero() {
    let p = phoenix("p", false);
    assert!(!Gc::is_finalized(&p));
    drop(p);
    assert_eq!(take_log(), ["finalize p"]);
}

#[test]
fn finalizers_run_before_a_cycle_is_broken_and_resurrection_is_respected() {
    gc::collect(2);
    let a = phoenix("a", true);
    let b = phoenix("b", false);
    *a.other.borrow_mut() = Some(b.clone());
    *b.other.borrow_mut() = Some(a.clone());
    drop(a);
    drop(b);
    // `a`'s finalizer stores `a` again: nothing is freed.
    assert_eq!(gc::collect(2).unwrap().total(), 0);
    let mut log = take_log();
    log.sort();
    assert_eq!(log, ["finalize a", "finalize b"]);
    let a = SAVED.with(|s| s.borrow_mut().take()).expect("resurrected");
    assert_eq!(a.name, "a");
    assert!(Gc::is_finalized(&a));
    // The second time the cycle dies, no finalizer runs again and both are freed.
    drop(a);
    assert_eq!(gc::collect(2).unwrap().total(), 2);
    assert!(take_log().is_empty());
}

#[test]
fn resurrection_from_refcount_death() {
    thread_local!(static KEEP: RefCell<Option<Gc<Lazarus>>> = const { RefCell::new(None) });
    #[derive(Trace)]
    struct Lazarus {
        me: RefCell<Option<Gc<Lazarus>>>,
    }
    impl Finalize for Lazarus {
        fn finalize(&self) {
            // The only way to reach ourselves here is through a handle we kept.
            let me = self.me.borrow_mut().take();
            KEEP.with(|k| *k.borrow_mut() = me);
        }
    }
    gc::collect(2);
    let l = Gc::new_with_finalizer(Lazarus {
        me: RefCell::new(None),
    });
    *l.me.borrow_mut() = Some(l.clone()); // a self-cycle
    drop(l);
    assert_eq!(
        gc::collect(2).unwrap().total(),
        0,
        "the finalizer resurrected it"
    );
    let l = KEEP.with(|k| k.borrow_mut().take()).unwrap();
    assert_eq!(Gc::ref_count(&l), 1);
    let addr = Gc::addr(&l);
    drop(l);
    assert_eq!(
        refpy_heap::read_word(addr),
        Ok(0),
        "freed by refcounting, finalizer not run twice"
    );
}

#[test]
fn weak_callback_runs_when_the_target_dies_by_refcount() {
    let fired = Rc::new(Cell::new(0));
    let target = node("t");
    let f = fired.clone();
    let weak = Weak::with_callback(&target, move || f.set(f.get() + 1));
    assert!(weak.upgrade().is_some());
    drop(target);
    assert_eq!(fired.get(), 1);
    assert!(weak.upgrade().is_none());
}

#[test]
fn weak_callbacks_run_newest_first() {
    let order = Rc::new(RefCell::new(Vec::new()));
    let target = node("t");
    let weaks: Vec<Weak<Node>> = (0..3)
        .map(|i| {
            let o = order.clone();
            Weak::with_callback(&target, move || o.borrow_mut().push(i))
        })
        .collect();
    drop(target);
    assert_eq!(*order.borrow(), [2, 1, 0]);
    drop(weaks);
}

#[test]
fn weakrefs_to_garbage_are_cleared_before_finalizers_and_garbage_weakrefs_stay_silent() {
    gc::collect(2);
    #[derive(Trace)]
    struct Holder {
        weak: RefCell<Option<Weak<Node>>>,
        next: RefCell<Option<Gc<Holder>>>,
    }
    let fired = Rc::new(Cell::new(0));
    // An outside weakref with a callback: it fires during the collection.
    let a = node("a");
    let b = node("b");
    link(&a, &b);
    link(&b, &a);
    let f = fired.clone();
    let outside = Weak::with_callback(&a, move || f.set(f.get() + 1));
    // A weakref owned by garbage: it is cleared, its callback never runs.
    let h = Gc::new(Holder {
        weak: RefCell::new(None),
        next: RefCell::new(None),
    });
    *h.next.borrow_mut() = Some(h.clone());
    let f = fired.clone();
    *h.weak.borrow_mut() = Some(Weak::with_callback(&b, move || f.set(f.get() + 100)));
    drop(a);
    drop(b);
    drop(h);
    let result = gc::collect(2).unwrap();
    assert_eq!(fired.get(), 1);
    assert!(outside.upgrade().is_none());
    // a, b, the holder and its weakref object (the callback closure object is not gc-capable).
    assert_eq!(result.total(), 4);
}

#[derive(Trace)]
enum Shape<T> {
    Empty,
    Leaf(T),
    Pair {
        left: Gc<Shape<T>>,
        right: Gc<Shape<T>>,
    },
    // Held, never read: only the reference it owns matters to the test.
    #[allow(dead_code)]
    Skipped(#[trace(skip)] Option<Gc<Node>>),
}

#[test]
fn derive_handles_enums_generics_and_skipped_fields() {
    gc::collect(2);
    let leaf = Gc::new(Shape::Leaf(7u32));
    let pair = Gc::new(Shape::Pair {
        left: leaf.clone(),
        right: leaf.clone(),
    });
    assert_eq!(Gc::ref_count(&leaf), 3);
    let Shape::Leaf(value) = &*leaf else {
        panic!("a leaf")
    };
    assert_eq!(*value, 7);
    assert!(Gc::is_tracked(&pair));
    let referents = Gc::into_obj(pair.clone()).referents();
    assert_eq!(referents.len(), 2, "both fields of the variant are traced");
    assert!(<Shape<u32> as Trace>::MAY_CONTAIN_REFS);
    assert!(!<u32 as Trace>::MAY_CONTAIN_REFS);
    // A skipped field is not traced: its target looks referenced from outside, so it survives.
    let n = node("kept");
    let skipped = Gc::new(Shape::<u32>::Skipped(Some(n.clone())));
    assert!(Gc::into_obj(skipped.clone()).referents().is_empty());
    drop((pair, leaf, Shape::<u32>::Empty));
    drop(skipped);
    assert_eq!(Gc::ref_count(&n), 1);
}
