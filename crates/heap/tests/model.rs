//! Model-based property test: random programs of allocations, links, unlinks, root drops, weak references
//! (with callbacks, held from outside or owned by objects), finalizers that resurrect, and collections of any
//! generation run on the real heap and on a small reference model of CPython's semantics. After every step
//! the live objects, their exact counts, their generations' effects, finalizer runs and fired callbacks must
//! agree; at the end everything must be freed exactly once.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use refpy_heap::{gc, Finalize, Gc, Trace, Tracer, Weak};

thread_local! {
    static DROPPED: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
    static FINALIZED: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
    static FIRED: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
    static RESURRECTED: RefCell<Vec<Gc<PNode>>> = const { RefCell::new(Vec::new()) };
}

/// Records the node's id when its payload is dropped (so a double free shows up twice).
struct DropFlag(usize);

impl Drop for DropFlag {
    fn drop(&mut self) {
        DROPPED.with(|d| d.borrow_mut().push(self.0));
    }
}

// SAFETY: a DropFlag owns no heap references; its Drop reads no Gc.
unsafe impl Trace for DropFlag {
    fn trace(&self, _tracer: &mut Tracer<'_>) {}
    const MAY_CONTAIN_REFS: bool = false;
}

#[derive(Trace)]
struct PNode {
    id: usize,
    resurrect: bool,
    edges: RefCell<Vec<Gc<PNode>>>,
    weaks: RefCell<Vec<Weak<PNode>>>,
    flag: DropFlag,
}

impl Finalize for PNode {
    fn finalize(&self) {
        FINALIZED.with(|f| f.borrow_mut().push(self.id));
        if self.resurrect {
            for e in self.edges.borrow().iter() {
                RESURRECTED.with(|r| r.borrow_mut().push(e.clone()));
            }
        }
    }
}

#[derive(Clone, Debug)]
enum Op {
    Alloc { finalizer: bool, resurrect: bool },
    Link { from: usize, to: usize },
    Unlink { root: usize, edge: usize },
    DropRoot(usize),
    DupRoot(usize),
    Follow { root: usize, edge: usize },
    WeakFromOutside { root: usize },
    WeakOwned { owner: usize, target: usize },
    DropWeak(usize),
    Collect(usize),
}

fn op_strategy() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (any::<bool>(), any::<bool>()).prop_map(|(finalizer, resurrect)| Op::Alloc { finalizer, resurrect }),
        4 => (any::<usize>(), any::<usize>()).prop_map(|(from, to)| Op::Link { from, to }),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(root, edge)| Op::Unlink { root, edge }),
        3 => any::<usize>().prop_map(Op::DropRoot),
        1 => any::<usize>().prop_map(Op::DupRoot),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(root, edge)| Op::Follow { root, edge }),
        1 => any::<usize>().prop_map(|root| Op::WeakFromOutside { root }),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(owner, target)| Op::WeakOwned { owner, target }),
        1 => any::<usize>().prop_map(Op::DropWeak),
        1 => (0usize..3).prop_map(Op::Collect),
    ]
}

// ------------------------------------------------------------------------------------------------------
// The model.

#[derive(Clone, Debug)]
enum Kind {
    Node {
        edges: Vec<usize>,
        weaks: Vec<usize>,
        finalizer: bool,
        resurrect: bool,
        finalized: bool,
    },
    WeakRef {
        target: Option<usize>,
        callback: bool,
    },
}

#[derive(Clone, Debug)]
struct MObj {
    kind: Kind,
    generation: usize,
}

#[derive(Default)]
struct Model {
    objects: BTreeMap<usize, MObj>,
    roots: Vec<usize>,
    /// Roots added by finalizers during the current step (appended to `roots` in id order after it).
    resurrected: Vec<usize>,
    outside_weaks: Vec<usize>,
    fired: Vec<usize>,
    finalized: Vec<usize>,
    next_id: usize,
}

impl Model {
    fn refs_from(&self, id: usize) -> Vec<usize> {
        match &self.objects[&id].kind {
            Kind::Node { edges, weaks, .. } => edges.iter().chain(weaks).copied().collect(),
            Kind::WeakRef { .. } => Vec::new(),
        }
    }

    fn refcount(&self, id: usize) -> usize {
        let outside = self
            .roots
            .iter()
            .chain(&self.resurrected)
            .chain(&self.outside_weaks)
            .filter(|&&r| r == id)
            .count();
        let inside: usize = self
            .objects
            .keys()
            .map(|&o| self.refs_from(o).iter().filter(|&&r| r == id).count())
            .sum();
        outside + inside
    }

    fn new_id(&mut self) -> usize {
        self.next_id += 1;
        self.next_id
    }

    /// A reference to `id` went away; free what reached zero (CPython's immediate deallocation).
    fn release(&mut self, id: usize) {
        if !self.objects.contains_key(&id) || self.refcount(id) > 0 {
            return;
        }
        if let Kind::Node {
            finalizer: true,
            finalized: false,
            resurrect,
            edges,
            ..
        } = &self.objects[&id].kind
        {
            let (resurrect, edges) = (*resurrect, edges.clone());
            if let Kind::Node { finalized, .. } = &mut self.objects.get_mut(&id).unwrap().kind {
                *finalized = true;
            }
            self.finalized.push(id);
            if resurrect {
                self.resurrected.extend(edges);
            }
            if self.refcount(id) > 0 {
                return;
            }
        }
        // Clear the weakrefs to it, then run their callbacks (all weakrefs here are alive, count > 0).
        let weak_ids: Vec<usize> = self
            .objects
            .iter()
            .filter(|(_, o)| matches!(o.kind, Kind::WeakRef { target: Some(t), .. } if t == id))
            .map(|(&w, _)| w)
            .collect();
        for w in weak_ids {
            if let Kind::WeakRef { target, callback } = &mut self.objects.get_mut(&w).unwrap().kind
            {
                *target = None;
                if std::mem::take(callback) {
                    self.fired.push(w);
                }
            }
        }
        let children = self.refs_from(id);
        self.objects.remove(&id);
        for child in children {
            self.release(child);
        }
    }

    /// CPython's reachability within `set`: the members referenced from outside it, and what they reach.
    fn reachable_within(&self, set: &BTreeSet<usize>) -> BTreeSet<usize> {
        let mut internal: BTreeMap<usize, usize> = BTreeMap::new();
        for &o in set {
            for r in self.refs_from(o) {
                if set.contains(&r) {
                    *internal.entry(r).or_default() += 1;
                }
            }
        }
        let mut reachable: BTreeSet<usize> = set
            .iter()
            .copied()
            .filter(|&o| self.refcount(o) > internal.get(&o).copied().unwrap_or(0))
            .collect();
        let mut stack: Vec<usize> = reachable.iter().copied().collect();
        while let Some(o) = stack.pop() {
            for r in self.refs_from(o) {
                if set.contains(&r) && reachable.insert(r) {
                    stack.push(r);
                }
            }
        }
        reachable
    }

    fn collect(&mut self, generation: usize) -> usize {
        let old = (generation + 1).min(2);
        let set: BTreeSet<usize> = self
            .objects
            .iter()
            .filter(|(_, o)| o.generation <= generation)
            .map(|(&id, _)| id)
            .collect();
        let reachable = self.reachable_within(&set);
        for &o in &reachable {
            self.objects.get_mut(&o).unwrap().generation = old;
        }
        let unreachable: BTreeSet<usize> = set.difference(&reachable).copied().collect();
        // handle_weakrefs: garbage weakrefs are cleared silently; weakrefs to garbage fire unless garbage.
        for &o in &unreachable {
            if let Kind::WeakRef { target, callback } = &mut self.objects.get_mut(&o).unwrap().kind
            {
                *target = None;
                *callback = false;
            }
        }
        let weak_ids: Vec<usize> = self.objects.keys().copied().collect();
        for w in weak_ids {
            if let Kind::WeakRef {
                target: Some(t),
                callback,
            } = self.objects[&w].kind.clone()
            {
                if unreachable.contains(&t) {
                    self.objects.get_mut(&w).unwrap().kind = Kind::WeakRef {
                        target: None,
                        callback,
                    };
                    if callback {
                        // The collector runs the callback but leaves it on the weakref.
                        self.fired.push(w);
                    }
                }
            }
        }
        // finalize_garbage
        for &o in &unreachable {
            if let Kind::Node {
                finalizer: true,
                finalized,
                resurrect,
                edges,
                ..
            } = &mut self.objects.get_mut(&o).unwrap().kind
            {
                if !*finalized {
                    *finalized = true;
                    let (resurrect, edges) = (*resurrect, edges.clone());
                    self.finalized.push(o);
                    if resurrect {
                        self.resurrected.extend(edges);
                    }
                }
            }
        }
        // handle_resurrected_objects
        let resurrected = self.reachable_within(&unreachable);
        for &o in &resurrected {
            self.objects.get_mut(&o).unwrap().generation = old;
        }
        let garbage: Vec<usize> = unreachable.difference(&resurrected).copied().collect();
        // delete_garbage: the garbage goes; what it referenced outside loses references.
        let mut released = Vec::new();
        for &o in &garbage {
            released.extend(self.refs_from(o));
        }
        for &o in &garbage {
            self.objects.remove(&o);
        }
        for r in released {
            self.release(r);
        }
        garbage.len()
    }
}

// ------------------------------------------------------------------------------------------------------
// The real heap, driven in lockstep.

#[derive(Default)]
struct Real {
    roots: Vec<Gc<PNode>>,
    outside_weaks: Vec<Weak<PNode>>,
}

fn weak_with_log(target: &Gc<PNode>, id: usize) -> Weak<PNode> {
    Weak::with_callback(target, move || FIRED.with(|f| f.borrow_mut().push(id)))
}

fn pick(len: usize, i: usize) -> Option<usize> {
    (len > 0).then(|| i % len)
}

fn apply(op: &Op, model: &mut Model, real: &mut Real) -> Result<(), TestCaseError> {
    match *op {
        Op::Alloc {
            finalizer,
            resurrect,
        } => {
            let id = model.new_id();
            model.objects.insert(
                id,
                MObj {
                    kind: Kind::Node {
                        edges: vec![],
                        weaks: vec![],
                        finalizer,
                        resurrect,
                        finalized: false,
                    },
                    generation: 0,
                },
            );
            model.roots.push(id);
            let node = PNode {
                id,
                resurrect,
                edges: RefCell::default(),
                weaks: RefCell::default(),
                flag: DropFlag(id),
            };
            real.roots.push(if finalizer {
                Gc::new_with_finalizer(node)
            } else {
                Gc::new(node)
            });
        }
        Op::Link { from, to } => {
            if let (Some(f), Some(t)) = (pick(model.roots.len(), from), pick(model.roots.len(), to))
            {
                let target = model.roots[t];
                if let Kind::Node { edges, .. } =
                    &mut model.objects.get_mut(&model.roots[f]).unwrap().kind
                {
                    edges.push(target);
                }
                let target = real.roots[t].clone();
                real.roots[f].edges.borrow_mut().push(target);
            }
        }
        Op::Unlink { root, edge } => {
            if let Some(r) = pick(model.roots.len(), root) {
                let owner = model.roots[r];
                let removed = match &mut model.objects.get_mut(&owner).unwrap().kind {
                    Kind::Node { edges, .. } => pick(edges.len(), edge).map(|e| edges.remove(e)),
                    Kind::WeakRef { .. } => None,
                };
                if let Some(removed) = removed {
                    let e = edge % real.roots[r].edges.borrow().len();
                    let gone = real.roots[r].edges.borrow_mut().remove(e);
                    drop(gone);
                    model.release(removed);
                }
            }
        }
        Op::DropRoot(i) => {
            if let Some(i) = pick(model.roots.len(), i) {
                let id = model.roots.remove(i);
                model.release(id);
                drop(real.roots.remove(i));
            }
        }
        Op::DupRoot(i) => {
            if let Some(i) = pick(model.roots.len(), i) {
                model.roots.push(model.roots[i]);
                real.roots.push(real.roots[i].clone());
            }
        }
        Op::Follow { root, edge } => {
            if let Some(r) = pick(model.roots.len(), root) {
                if let Kind::Node { edges, .. } = &model.objects[&model.roots[r]].kind {
                    if let Some(e) = pick(edges.len(), edge) {
                        model.roots.push(edges[e]);
                        let target = real.roots[r].edges.borrow()[e].clone();
                        real.roots.push(target);
                    }
                }
            }
        }
        Op::WeakFromOutside { root } => {
            if let Some(r) = pick(model.roots.len(), root) {
                let id = model.new_id();
                let target = model.roots[r];
                model.objects.insert(
                    id,
                    MObj {
                        kind: Kind::WeakRef {
                            target: Some(target),
                            callback: true,
                        },
                        generation: 0,
                    },
                );
                model.outside_weaks.push(id);
                real.outside_weaks.push(weak_with_log(&real.roots[r], id));
            }
        }
        Op::WeakOwned { owner, target } => {
            if let (Some(o), Some(t)) = (
                pick(model.roots.len(), owner),
                pick(model.roots.len(), target),
            ) {
                let id = model.new_id();
                let target_id = model.roots[t];
                model.objects.insert(
                    id,
                    MObj {
                        kind: Kind::WeakRef {
                            target: Some(target_id),
                            callback: true,
                        },
                        generation: 0,
                    },
                );
                if let Kind::Node { weaks, .. } =
                    &mut model.objects.get_mut(&model.roots[o]).unwrap().kind
                {
                    weaks.push(id);
                }
                let weak = weak_with_log(&real.roots[t], id);
                real.roots[o].weaks.borrow_mut().push(weak);
            }
        }
        Op::DropWeak(i) => {
            if let Some(i) = pick(model.outside_weaks.len(), i) {
                let id = model.outside_weaks.remove(i);
                model.release(id);
                drop(real.outside_weaks.remove(i));
            }
        }
        Op::Collect(generation) => {
            let expected = model.collect(generation);
            let got = gc::collect(generation)
                .expect("no collection is running")
                .total();
            prop_assert_eq!(got, expected, "collect({}) count", generation);
        }
    }
    // Objects resurrected by finalizers become roots, in id order on both sides.
    let mut resurrected = RESURRECTED.with(|r| r.take());
    resurrected.sort_by_key(|g| g.id);
    real.roots.extend(resurrected);
    let mut resurrected = std::mem::take(&mut model.resurrected);
    resurrected.sort();
    model.roots.extend(resurrected);
    prop_assert_eq!(
        model.roots.len(),
        real.roots.len(),
        "roots after resurrection"
    );
    Ok(())
}

fn check(model: &Model) -> Result<(), TestCaseError> {
    let objects = gc::get_objects(None);
    let mut nodes = BTreeMap::new();
    let mut weak_count = 0;
    for obj in &objects {
        if let Some(node) = obj.downcast::<PNode>() {
            nodes.insert(node.id, (obj.refcnt() - 1) as usize);
        } else if refpy_heap::weakref::as_weakref(obj).is_some() {
            weak_count += 1;
        }
    }
    let model_nodes: BTreeMap<usize, usize> = model
        .objects
        .iter()
        .filter(|(_, o)| matches!(o.kind, Kind::Node { .. }))
        .map(|(&id, _)| (id, model.refcount(id)))
        .collect();
    prop_assert_eq!(nodes, model_nodes, "live nodes and their exact counts");
    let model_weaks = model
        .objects
        .values()
        .filter(|o| matches!(o.kind, Kind::WeakRef { .. }))
        .count();
    prop_assert_eq!(weak_count, model_weaks, "live weakref objects");
    let mut fired = FIRED.with(|f| f.borrow().clone());
    let mut model_fired = model.fired.clone();
    fired.sort();
    model_fired.sort();
    prop_assert_eq!(fired, model_fired, "weakref callbacks that ran");
    let mut finalized = FINALIZED.with(|f| f.borrow().clone());
    let mut model_finalized = model.finalized.clone();
    finalized.sort();
    model_finalized.sort();
    prop_assert_eq!(&finalized, &model_finalized, "finalizers that ran");
    let unique: BTreeSet<usize> = finalized.iter().copied().collect();
    prop_assert_eq!(unique.len(), finalized.len(), "a finalizer ran twice");
    let dropped = DROPPED.with(|d| d.borrow().clone());
    let unique: BTreeSet<usize> = dropped.iter().copied().collect();
    prop_assert_eq!(unique.len(), dropped.len(), "an object was freed twice");
    for id in &dropped {
        prop_assert!(
            !model.objects.contains_key(id),
            "node {} freed while the model keeps it",
            id
        );
    }
    Ok(())
}

fn run(ops: &[Op]) -> Result<(), TestCaseError> {
    gc::disable();
    // A failed case returns early: drop what it left behind before measuring the baseline.
    drop(RESURRECTED.with(|r| r.take()));
    for _ in 0..4 {
        gc::collect(2);
        drop(RESURRECTED.with(|r| r.take()));
    }
    for log in [&DROPPED, &FINALIZED, &FIRED] {
        log.with(|l| l.borrow_mut().clear());
    }
    let baseline = refpy_heap::allocator_stats().small_blocks_in_use;
    let mut model = Model::default();
    let mut real = Real::default();
    for op in ops {
        apply(op, &mut model, &mut real)?;
        check(&model)?;
    }
    // Tear down: drop every handle and collect until nothing is left; nothing may leak.
    // Each finalizer runs at most once, so resurrection rounds end; bound them anyway.
    for _ in 0..1000 {
        drop(std::mem::take(&mut real));
        gc::collect(2);
        real.roots.extend(RESURRECTED.with(|r| r.take()));
        if real.roots.is_empty() {
            break;
        }
    }
    prop_assert!(real.roots.is_empty(), "resurrection never ended");
    prop_assert!(RESURRECTED.with(|r| r.borrow().is_empty()));
    let tracked: Vec<String> = gc::get_objects(None)
        .iter()
        .map(|o| format!("{}:{}", o.type_name(), o.refcnt() - 1))
        .collect();
    prop_assert!(tracked.is_empty(), "tracked objects left: {:?}", tracked);
    prop_assert_eq!(
        refpy_heap::allocator_stats().small_blocks_in_use,
        baseline,
        "blocks leaked"
    );
    gc::enable();
    Ok(())
}

const OPS_PER_CASE: usize = if cfg!(miri) { 40 } else { 500 };
const CASES: u32 = if cfg!(miri) { 3 } else { 400 };

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

    /// 400 cases of 1 to 500 operations: about 100,000 operations per run.
    #[test]
    fn heap_agrees_with_the_reference_model(ops in proptest::collection::vec(op_strategy(), 1..=OPS_PER_CASE)) {
        run(&ops)?;
    }
}
