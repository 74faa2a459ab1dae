//! The heap's events as plain data: the recorder installs this sink for the run and drains its buffer at
//! every step. Count changes (`refcount-events`) are not used: the trace explains counts by comparing
//! snapshots, so the heap is built without that feature and costs the program nothing.

use std::cell::RefCell;
use std::rc::Rc;

use refpy_heap::{EventSink, HeapEvent};

use crate::model::MemEvent;

/// Collects heap events into a buffer the recorder drains at each step.
pub struct Sink(Rc<RefCell<Vec<MemEvent>>>);

impl Sink {
    pub fn new(buffer: Rc<RefCell<Vec<MemEvent>>>) -> Sink {
        Sink(buffer)
    }
}

impl EventSink for Sink {
    fn event(&mut self, event: &HeapEvent) {
        let ev = match *event {
            HeapEvent::Alloc { obj, type_name, .. } => MemEvent::Alloc {
                addr: obj.addr(),
                type_name: type_name.to_string(),
            },
            HeapEvent::Free { obj, type_name } => MemEvent::Free {
                addr: obj.addr(),
                type_name: type_name.to_string(),
            },
            HeapEvent::Resurrected { obj } => MemEvent::Resurrected { addr: obj.addr() },
            HeapEvent::CollectStart { generation } => MemEvent::CollectStart { generation },
            HeapEvent::CollectStop {
                generation,
                examined,
                unreachable,
                finalized,
                resurrected,
                collected,
                uncollectable,
            } => MemEvent::CollectStop {
                generation,
                examined,
                unreachable,
                finalized,
                resurrected,
                collected,
                uncollectable,
            },
            HeapEvent::RefCount { .. } => return,
        };
        self.0.borrow_mut().push(ev);
    }
}
