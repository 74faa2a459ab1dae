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
