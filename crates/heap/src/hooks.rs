//! Hooks through which the heap calls back into its embedder (an interpreter): the parts of memory management
//! that need to run user code the heap knows nothing about.

use crate::collector::CollectResult;
use crate::heap;
use crate::object::ObjRef;

/// Whether a `gc_callback` call comes before or after the collection.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CollectPhase {
    Start,
    Stop,
}

/// The embedder's hooks. All are optional; `Default` has none.
#[derive(Copy, Clone, Default)]
pub struct Hooks {
    /// Called before and after every collection (Python's `gc.callbacks`).
    pub gc_callback: Option<fn(CollectPhase, CollectResult)>,
    /// Call a weakref callback that is not a Rust closure (a Python callable): `callback(weakref)`.
    pub weakref_callback: Option<fn(callback: &ObjRef, weakref: &ObjRef)>,
    /// Receives objects saved by `DEBUG_SAVEALL` or found uncollectable (Python's `gc.garbage`); without it they
    /// go to the heap's own list ([`crate::gc::garbage`]).
    pub save_garbage: Option<fn(ObjRef)>,
    /// Reports an object found by a collection with `DEBUG_COLLECTABLE` / `DEBUG_UNCOLLECTABLE` set
    /// (`what` is "collectable" or "uncollectable"), e.g. as CPython's `gc: collectable <Node 0x…>` with the
    /// interpreter's type name on its own stderr; without it the heap prints that line with the vtable's name.
    pub debug_report: Option<fn(what: &'static str, obj: &ObjRef)>,
}

/// Install this thread's hooks; returns the previous ones.
pub fn set_hooks(hooks: Hooks) -> Hooks {
    heap::with(|h| h.hooks.replace(hooks))
}
