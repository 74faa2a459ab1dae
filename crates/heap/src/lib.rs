//! refpy-heap: a memory manager that behaves like CPython 3.11's.
//!
//! * Every object starts with a header whose first word is its reference count; its address is its identity
//!   ([`header`] has the layout).
//! * Small blocks come from a pymalloc-style allocator ([`pymalloc`]) that reuses a freed address first.
//! * When a count reaches zero the object is finalized, its weak references cleared, its children released
//!   and its memory freed at once, without recursion ([`heap`]).
//! * Cycles are found by CPython's generational collector ([`collector`], re-exported as [`gc`]).
//!
//! Two faces: [`Gc<T>`]/[`Weak<T>`] with `#[derive(Trace)]` for Rust code, and [`ObjRef`] + [`VTable`] +
//! [`allocate`] for an interpreter that defines its own object types.
//!
//! ```
//! use std::cell::RefCell;
//! use refpy_heap::{gc, Gc, Trace};
//!
//! #[derive(Trace)]
//! struct Node { next: RefCell<Option<Gc<Node>>> }
//!
//! let a = Gc::new(Node { next: RefCell::new(None) });
//! let b = Gc::new(Node { next: RefCell::new(Some(a.clone())) });
//! *a.next.borrow_mut() = Some(b.clone());
//! assert_eq!(Gc::ref_count(&a), 2);
//! drop((a, b));                                  // the cycle keeps both alive...
//! assert_eq!(gc::collect(2).unwrap().total(), 2); // ...until the collector finds it
//! ```
//!
//! Misuse is rejected at compile time. A type deriving `Trace` cannot implement `Drop` (its `drop` could read
//! a collected object; use [`Finalize`]):
//!
//! ```compile_fail
//! #[derive(refpy_heap::Trace)]
//! struct Logger { name: String }
//! impl Drop for Logger { fn drop(&mut self) {} }
//! ```
//!
//! Handles belong to their thread's heap and cannot be sent to another thread:
//!
//! ```compile_fail
//! fn send<T: Send>(_: T) {}
//! send(refpy_heap::Gc::new(1u32));
//! ```
//!
//! Only types that report their references can be stored:
//!
//! ```compile_fail
//! struct Opaque;
//! let _ = refpy_heap::Gc::new(Opaque);
//! ```

// `#[derive(Trace)]` names `::refpy_heap`; this makes that path work inside the crate too (its tests).
extern crate self as refpy_heap;

mod collector;
mod events;
mod gclist;
mod header;
mod heap;
mod hooks;
mod object;
pub mod pymalloc;
mod trace;
mod typed;
pub mod weakref;

/// The `gc` module's operations, with CPython's names.
pub mod gc {
    pub use crate::collector::{
        collect, disable, enable, freeze, garbage, get_count, get_debug, get_freeze_count,
        get_objects, get_referrers, get_stats, get_threshold, is_collecting_now, is_enabled,
        set_debug, set_threshold, state_of, take_garbage, unfreeze, CollectResult, GcObjectState,
        GenerationStats, DEBUG_COLLECTABLE, DEBUG_LEAK, DEBUG_SAVEALL, DEBUG_STATS,
        DEBUG_UNCOLLECTABLE, NUM_GENERATIONS,
    };
}

pub use events::{set_event_sink, EventSink, HeapEvent};
pub use header::{
    FreeListSlot, ObjHeader, RawObj, UntrackRule, VTable, GC_SLOT_SIZE, HEADER_SIZE,
    MAX_FREE_LISTS, MAX_PAYLOAD_ALIGN,
};
pub use heap::{allocate, allocate_from_free_list, allocator_stats, decref, incref, read_word};
pub use hooks::{set_hooks, CollectPhase, Hooks};
pub use object::{ObjRef, STATIC_REFCNT};
pub use pymalloc::{AllocStats, BadAddress};
pub use refpy_heap_derive::Trace;
pub use trace::{Finalize, Trace, Tracer};
pub use typed::{Gc, Weak};
