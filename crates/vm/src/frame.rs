//! Execution frames. Like CPython 3.11's interpreter frames they are plain data owned by the evaluator
//! (or by a generator object), not heap objects: their references count as held from outside the heap.

use refpy_heap::ObjRef;

use crate::bytecode::Code;
use crate::objects::CodeObj;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Except,
    Finally,
    With,
    /// An except/finally handler is running: leaving it restores the previously handled exception.
    Handler,
}

#[derive(Copy, Clone, Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub handler: usize,
    pub level: usize,
}

pub struct Frame {
    pub code: ObjRef,
    pub globals: ObjRef,
    /// The namespace dict of module and class bodies.
    pub locals: Option<ObjRef>,
    pub fast: Vec<Option<ObjRef>>,
    pub cells: Vec<ObjRef>,
    pub stack: Vec<ObjRef>,
    pub blocks: Vec<Block>,
    pub ip: usize,
    /// Set while suspended inside `yield from`: the sent value is not pushed on resume.
    pub in_yield_from: bool,
    /// An exception to raise at the current instruction when resumed (generator `throw`).
    pub pending: Option<ObjRef>,
    /// The frame object of a suspended generator's frame (a running frame's is the evaluator's).
    pub frame_obj: std::cell::RefCell<Option<ObjRef>>,
}

impl Frame {
    pub fn code(&self) -> &Code {
        &self.code.downcast::<CodeObj>().expect("code object").0
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        visit(&self.code);
        visit(&self.globals);
        if let Some(l) = &self.locals {
            visit(l);
        }
        self.fast.iter().flatten().for_each(&mut *visit);
        self.cells.iter().for_each(&mut *visit);
        self.stack.iter().for_each(&mut *visit);
        if let Some(p) = &self.pending {
            visit(p);
        }
        if let Ok(f) = self.frame_obj.try_borrow() {
            if let Some(f) = &*f {
                visit(f);
            }
        }
    }
}

/// The two buffers a function frame needs (fast locals, value stack), kept between calls: CPython 3.11
/// takes frames from a per-thread data stack instead of the allocator, and so, in effect, does this pool.
/// NOTE: at most `POOLED_FRAMES` pairs are kept, each at most `POOLED_CAPACITY` slots, so a deep recursion
/// or one huge frame does not pin its memory after it ends.
pub struct FrameBuffers {
    pub fast: Vec<Option<ObjRef>>,
    pub stack: Vec<ObjRef>,
}

const POOLED_FRAMES: usize = 64;
const POOLED_CAPACITY: usize = 256;

/// Empty buffers of finished frames (in the runtime: `crate::rt::Runtime::frame_pool`).
#[derive(Default)]
pub struct FramePool(std::cell::RefCell<Vec<FrameBuffers>>);

/// Empty buffers for a new frame: a finished frame's if there is one.
#[inline]
pub fn take_buffers() -> FrameBuffers {
    let pooled = crate::rt::rt().frame_pool.0.borrow_mut().pop();
    pooled.unwrap_or_else(|| FrameBuffers {
        fast: Vec::new(),
        stack: Vec::with_capacity(8),
    })
}

/// Release a finished frame's references, in the order dropping it releases them, and keep its buffers for
/// the next frame.
pub fn recycle(frame: Frame) {
    let Frame {
        code,
        globals,
        locals,
        mut fast,
        cells,
        mut stack,
        blocks,
        in_yield_from: _,
        ip: _,
        pending,
        frame_obj,
    } = frame;
    drop((code, globals, locals));
    // Cleared before the pool is borrowed: releasing a value can run `__del__`, which makes frames too.
    fast.clear();
    drop(cells);
    stack.clear();
    drop((blocks, pending, frame_obj));
    if fast.capacity() > POOLED_CAPACITY || stack.capacity() > POOLED_CAPACITY {
        return;
    }
    let mut pool = crate::rt::rt().frame_pool.0.borrow_mut();
    if pool.len() < POOLED_FRAMES {
        pool.push(FrameBuffers { fast, stack });
    }
}
