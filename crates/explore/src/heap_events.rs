//! The heap's events as plain data: the recorder installs this sink for the run and drains its buffer at
//! every step. Count changes (`refcount-events`) are not used: the trace explains counts by comparing
//! snapshots, so the heap is built without that feature and costs the program nothing.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use refpy_heap::{EventSink, HeapEvent};

use crate::model::MemEvent;

/// Allocations and frees kept per step; a step that makes millions of objects keeps a count of the rest.
pub const EVENT_CAP: usize = 50_000;

/// Collects heap events into a buffer the recorder drains at each step.
pub struct Sink {
    buffer: Rc<RefCell<Vec<MemEvent>>>,
    /// Allocations and frees past [`EVENT_CAP`] since the buffer was last drained.
    overflow: Rc<Cell<usize>>,
}

impl Sink {
    pub fn new(buffer: Rc<RefCell<Vec<MemEvent>>>, overflow: Rc<Cell<usize>>) -> Sink {
        Sink { buffer, overflow }
    }
}

impl EventSink for Sink {
    fn event(&mut self, event: &HeapEvent) {
        let ev = match *event {
            HeapEvent::Alloc { obj, type_name, .. } => MemEvent::Alloc {
                addr: obj.addr(),
                type_name,
            },
            HeapEvent::Free { obj, type_name } => MemEvent::Free {
                addr: obj.addr(),
                type_name,
            },
            HeapEvent::Resurrected { obj } => MemEvent::Resurrected { addr: obj.addr() },
            HeapEvent::CollectStart { generation } => MemEvent::CollectStart { generation },
            HeapEvent::CollectStop {
                generation,
                examined,
                unreachable,
                weakrefs_cleared,
                finalized,
                resurrected,
                collected,
                uncollectable,
            } => MemEvent::CollectStop {
                generation,
                examined,
                unreachable,
                weakrefs_cleared,
                finalized,
                resurrected,
                collected,
                uncollectable,
            },
            HeapEvent::RefCount { .. } => return,
        };
        let mut buffer = self.buffer.borrow_mut();
        let itemised = matches!(ev, MemEvent::Alloc { .. } | MemEvent::Free { .. });
        if itemised && buffer.len() >= EVENT_CAP {
            self.overflow.set(self.overflow.get() + 1);
        } else {
            buffer.push(ev);
        }
    }
}
