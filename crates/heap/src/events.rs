//! Observability: an optional sink that receives what the heap does (allocations, frees, collections, and
//! with the `refcount-events` feature every count change). With no sink installed the cost is one
//! thread-local flag test on allocation and free, and nothing at all on incref/decref without the feature.

use std::cell::{Cell, RefCell};

use crate::header::RawObj;
use crate::heap;

/// Something the heap did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeapEvent {
    Alloc {
        obj: RawObj,
        type_name: &'static str,
        size: usize,
    },
    Free {
        obj: RawObj,
        type_name: &'static str,
    },
    /// A count changed (only with the `refcount-events` feature).
    RefCount {
        obj: RawObj,
        increment: bool,
        new_count: isize,
    },
    /// A finalizer called from deallocation stored a new reference: the object lives on.
    Resurrected {
        obj: RawObj,
    },
    CollectStart {
        generation: usize,
    },
    /// A collection ended: objects examined, found unreachable by `move_unreachable`, weak references to them
    /// cleared, finalizers run, objects resurrected by them, and the result (`collected` includes weakrefs
    /// freed after their callbacks).
    CollectStop {
        generation: usize,
        examined: usize,
        unreachable: usize,
        weakrefs_cleared: usize,
        finalized: usize,
        resurrected: usize,
        collected: usize,
        uncollectable: usize,
    },
}

/// Receives heap events. It must not allocate or free heap objects itself (events it would cause are dropped).
pub trait EventSink {
    fn event(&mut self, event: &HeapEvent);
}

#[derive(Default)]
pub(crate) struct EventState {
    on: Cell<bool>,
    sink: RefCell<Option<Box<dyn EventSink>>>,
}

/// Install (or with `None` remove) this thread's event sink; returns the previous one.
pub fn set_event_sink(sink: Option<Box<dyn EventSink>>) -> Option<Box<dyn EventSink>> {
    heap::with(|h| {
        h.events.on.set(sink.is_some());
        h.events.sink.replace(sink)
    })
}

impl EventState {
    #[inline]
    pub(crate) fn is_on(&self) -> bool {
        self.on.get()
    }
}

#[inline]
pub(crate) fn enabled() -> bool {
    heap::with(|h| h.events.on.get())
}

pub(crate) fn emit(event: HeapEvent) {
    heap::with(|h| {
        // A sink that triggers heap activity would re-enter here: those nested events are dropped.
        if let Ok(mut sink) = h.events.sink.try_borrow_mut() {
            if let Some(sink) = sink.as_mut() {
                sink.event(&event);
            }
        }
    });
}

#[cfg(feature = "refcount-events")]
#[inline]
pub(crate) fn refcount_changed(obj: RawObj, increment: bool) {
    let _ = heap::try_with(|h| {
        if h.events.on.get() {
            emit(HeapEvent::RefCount {
                obj,
                increment,
                new_count: obj.refcnt(),
            });
        }
    });
}
