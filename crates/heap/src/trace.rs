//! Tracing: how an object tells the collector which strong references it owns.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::rc::Rc;

use crate::header::RawObj;

/// Receives the strong references an object owns, one call per reference (CPython's `visitproc`).
pub struct Tracer<'a> {
    visit: &'a mut dyn FnMut(RawObj),
}

impl<'a> Tracer<'a> {
    pub(crate) fn new(visit: &'a mut dyn FnMut(RawObj)) -> Tracer<'a> {
        Tracer { visit }
    }

    /// Report one strong reference to `obj`.
    #[inline]
    pub fn visit(&mut self, obj: RawObj) {
        (self.visit)(obj)
    }
}

/// Types whose values can be stored in the heap and report the heap references they own.
///
/// Prefer `#[derive(Trace)]`, which upholds every rule below (and forbids `Drop` impls on the type, see
/// rule 4). Implement it by hand only for containers the derive cannot see through.
///
/// # Safety
/// The collector frees an object when every reference to it is accounted for by other garbage, so a wrong
/// `trace` can free memory that is still in use. An implementation must follow these rules:
///
/// 1. **Never over-report.** `trace` reports each strong reference the value owns (a `Gc`, an `ObjRef`)
///    at most once per call, and never a reference it does not own.
/// 2. **Under-reporting is allowed but deterministic.** Skipping a reference (say, because a `RefCell` is
///    borrowed mutably) only keeps its target alive longer; but while no user code runs, repeated calls must
///    report the same references (the collector traverses each object several times per collection).
/// 3. **No side effects on the heap.** `trace` must not create, clone, drop or mutate heap references, and must
///    not allocate heap objects.
/// 4. **Drop must not dereference owned references.** When a cycle is collected, payloads are dropped one by
///    one while other members of the same cycle may already be dropped; a `Drop` impl may release (drop)
///    `Gc`s but must not read through them. Use [`Finalize`] for work that needs the object graph intact.
pub unsafe trait Trace {
    /// Report every strong heap reference owned by `self` to `tracer`.
    fn trace(&self, tracer: &mut Tracer<'_>);

    /// `false` when values of this type can never own heap references (numbers, strings …): objects whose
    /// payload is such a type are not tracked by the cycle collector at all.
    const MAY_CONTAIN_REFS: bool = true;
}

/// A PEP 442 finalizer for typed objects: runs once, while the whole object graph is still intact, before an
/// object is freed (by its count reaching zero, or by the collector). It may resurrect the object by storing a
/// clone of a `Gc` pointing to it somewhere reachable.
pub trait Finalize {
    fn finalize(&self);
}

macro_rules! atoms {
    ($($t:ty),* $(,)?) => {$(
        // SAFETY: values of this type own no heap references, so reporting none is exact (rule 1) and
        // trivially deterministic and side-effect free (rules 2, 3); it has no Drop that could read a Gc (4).
        unsafe impl Trace for $t {
            #[inline]
            fn trace(&self, _tracer: &mut Tracer<'_>) {}
            const MAY_CONTAIN_REFS: bool = false;
        }
    )*};
}

atoms!(
    (),
    bool,
    char,
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    i8,
    i16,
    i32,
    i64,
    i128,
    isize,
    f32,
    f64,
    String,
    &'static str,
    std::num::NonZeroUsize
);

// SAFETY: forwards to the element's trace for each element exactly once (rule 1); `Vec` has no Drop that reads
// through its elements (rule 4); iteration has no side effects (rules 2, 3).
unsafe impl<T: Trace> Trace for Vec<T> {
    fn trace(&self, tracer: &mut Tracer<'_>) {
        for item in self {
            item.trace(tracer);
        }
    }
    const MAY_CONTAIN_REFS: bool = T::MAY_CONTAIN_REFS;
}

// SAFETY: as for `Vec`.
unsafe impl<T: Trace> Trace for VecDeque<T> {
    fn trace(&self, tracer: &mut Tracer<'_>) {
        for item in self {
            item.trace(tracer);
        }
    }
    const MAY_CONTAIN_REFS: bool = T::MAY_CONTAIN_REFS;
}

// SAFETY: as for `Vec`; a boxed slice/value is owned exclusively.
unsafe impl<T: Trace + ?Sized> Trace for Box<T> {
    fn trace(&self, tracer: &mut Tracer<'_>) {
        (**self).trace(tracer);
    }
    const MAY_CONTAIN_REFS: bool = T::MAY_CONTAIN_REFS;
}

// SAFETY: as for `Vec`.
unsafe impl<T: Trace> Trace for [T] {
    fn trace(&self, tracer: &mut Tracer<'_>) {
        for item in self {
            item.trace(tracer);
        }
    }
    const MAY_CONTAIN_REFS: bool = T::MAY_CONTAIN_REFS;
}

// SAFETY: as for `Vec`.
unsafe impl<T: Trace, const N: usize> Trace for [T; N] {
    fn trace(&self, tracer: &mut Tracer<'_>) {
        for item in self {
            item.trace(tracer);
        }
    }
    const MAY_CONTAIN_REFS: bool = T::MAY_CONTAIN_REFS;
}

// SAFETY: reports the contained value's references once when present (rule 1), nothing else.
unsafe impl<T: Trace> Trace for Option<T> {
    fn trace(&self, tracer: &mut Tracer<'_>) {
        if let Some(value) = self {
            value.trace(tracer);
        }
    }
    const MAY_CONTAIN_REFS: bool = T::MAY_CONTAIN_REFS;
}

// SAFETY: a `RefCell` that is mutably borrowed is skipped: that under-reports, which rule 2 allows, and the
// borrow state cannot change while the collector runs (no user code runs between its traversals).
unsafe impl<T: Trace> Trace for RefCell<T> {
    fn trace(&self, tracer: &mut Tracer<'_>) {
        if let Ok(value) = self.try_borrow() {
            value.trace(tracer);
        }
    }
    const MAY_CONTAIN_REFS: bool = T::MAY_CONTAIN_REFS;
}

// SAFETY: `Cell<T>` for `Copy` atoms owns no heap references (`T: Trace` with `MAY_CONTAIN_REFS == false` is
// asserted at compile time below); reporting nothing is exact.
unsafe impl<T: Trace + Copy> Trace for Cell<T> {
    fn trace(&self, _tracer: &mut Tracer<'_>) {
        const {
            assert!(
                !T::MAY_CONTAIN_REFS,
                "Cell<T> may only hold values without heap references"
            )
        };
    }
    const MAY_CONTAIN_REFS: bool = false;
}

// SAFETY: an `Rc` is shared ownership outside the heap: the heap references inside it are not owned by this
// object alone, so reporting them would over-report (rule 1). Reporting none is allowed (rule 2).
unsafe impl<T: ?Sized> Trace for Rc<T> {
    fn trace(&self, _tracer: &mut Tracer<'_>) {}
    const MAY_CONTAIN_REFS: bool = false;
}

// SAFETY: forwards to keys and values once each (rule 1); the map's Drop does not read through them (rule 4).
unsafe impl<K: Trace, V: Trace, S> Trace for HashMap<K, V, S> {
    fn trace(&self, tracer: &mut Tracer<'_>) {
        for (key, value) in self {
            key.trace(tracer);
            value.trace(tracer);
        }
    }
    const MAY_CONTAIN_REFS: bool = K::MAY_CONTAIN_REFS || V::MAY_CONTAIN_REFS;
}

// SAFETY: as for `HashMap`.
unsafe impl<K: Trace, V: Trace> Trace for BTreeMap<K, V> {
    fn trace(&self, tracer: &mut Tracer<'_>) {
        for (key, value) in self {
            key.trace(tracer);
            value.trace(tracer);
        }
    }
    const MAY_CONTAIN_REFS: bool = K::MAY_CONTAIN_REFS || V::MAY_CONTAIN_REFS;
}

macro_rules! tuples {
    ($(($($name:ident),+)),* $(,)?) => {$(
        // SAFETY: forwards to each field once (rule 1); tuples have no Drop of their own (rule 4).
        unsafe impl<$($name: Trace),+> Trace for ($($name,)+) {
            #[allow(non_snake_case)]
            fn trace(&self, tracer: &mut Tracer<'_>) {
                let ($($name,)+) = self;
                $($name.trace(tracer);)+
            }
            const MAY_CONTAIN_REFS: bool = false $(|| $name::MAY_CONTAIN_REFS)+;
        }
    )*};
}

tuples!(
    (A),
    (A, B),
    (A, B, C),
    (A, B, C, D),
    (A, B, C, D, E),
    (A, B, C, D, E, F)
);
