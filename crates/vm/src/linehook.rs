//! The trace hook: a per-thread callback the evaluator calls when a frame starts a new source line and when
//! it leaves (return, yield or exception). The memory explorer (`refpy-explore`) records the heap with it.
//!
//! The hook only observes: it gets a shared `&Frame` between two instructions, when no borrow of the
//! frame's objects is held by the evaluator. It must not run Python code or allocate heap objects, so the
//! program sees exactly the counts, ids and collections it would see untraced. With no hook installed the
//! evaluator pays one thread-local flag test per frame.

use std::cell::{Cell, RefCell};

use crate::bytecode::Code;
use crate::frame::Frame;

/// What the evaluator is about to do.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum TraceEvent {
    /// The frame is about to run the first instruction of this 1-based source line (again, for a loop).
    Line(usize),
    /// The frame is leaving (return or exception); its locals are still alive.
    Leave,
    /// A generator's frame is suspending at a `yield`: it keeps its locals until resumed.
    Yield,
}

/// The callback type.
pub type TraceHook = Box<dyn FnMut(&Frame, TraceEvent)>;

thread_local! {
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
    static HOOK: RefCell<Option<TraceHook>> = const { RefCell::new(None) };
}

/// Install (or with `None` remove) this thread's trace hook; returns the previous one.
pub fn set_trace_hook(hook: Option<TraceHook>) -> Option<TraceHook> {
    INSTALLED.with(|i| i.set(hook.is_some()));
    HOOK.with(|h| h.replace(hook))
}

#[inline]
pub fn is_installed() -> bool {
    INSTALLED.with(Cell::get)
}

fn fire(frame: &Frame, event: TraceEvent) {
    // Taken out while it runs, so a hook that (wrongly) re-enters the evaluator cannot double-borrow it.
    let Some(mut hook) = HOOK.with(|h| h.borrow_mut().take()) else {
        return;
    };
    hook(frame, event);
    HOOK.with(|h| {
        let mut slot = h.borrow_mut();
        if slot.is_none() && is_installed() {
            *slot = Some(hook);
        }
    });
}

/// Called by the evaluator when a traced frame exits (`yielded`: suspended at a `yield`).
pub fn leave(frame: &Frame, yielded: bool) {
    fire(
        frame,
        if yielded {
            TraceEvent::Yield
        } else {
            TraceEvent::Leave
        },
    );
}

/// Per-activation state that turns instruction positions into line events, like CPython's `f_trace`:
/// an event when the line changes, or when a jump goes back to the start of the same line (a loop).
#[derive(Default)]
pub struct LineTracker {
    last_line: usize,
    last_ip: usize,
}

impl LineTracker {
    pub fn before_step(&mut self, frame: &Frame, code: &Code) {
        let line = code.line_of(frame.ip);
        let jumped_back = frame.ip < self.last_ip;
        let first = self.last_line == 0;
        self.last_ip = frame.ip;
        if first || line != self.last_line || jumped_back {
            self.last_line = line;
            fire(frame, TraceEvent::Line(line));
        }
    }
}
