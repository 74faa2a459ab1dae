//! The recording as plain data: what the explorer saw at each step. Nothing here holds a heap reference,
//! so a recording can outlive the program and never changes a count.

use std::collections::BTreeMap;

/// An object's relation to the cycle collector when the snapshot was taken.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum GcMark {
    /// Not a container type: the collector never sees it (int, str, float…).
    NotGc,
    Tracked,
    /// A container the collector stopped tracking (a tuple or dict holding only atoms).
    Untracked,
    /// Its finalizer (`__del__`) already ran; PEP 442 never runs it twice.
    Finalized,
    /// In the permanent generation (`gc.freeze()`): collections ignore it.
    Frozen,
}

impl GcMark {
    pub fn label(self) -> &'static str {
        match self {
            GcMark::NotGc => "",
            GcMark::Tracked => "tracked",
            GcMark::Untracked => "untracked",
            GcMark::Finalized => "finalized",
            GcMark::Frozen => "frozen",
        }
    }
}

/// A reference from one object to another, labelled the way Python code would reach it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    /// `[0]`, `.b`, `['key']`, `item`, `cell_contents`…
    pub label: String,
    pub to: usize,
}

/// One heap object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjView {
    pub addr: usize,
    /// `type(o).__name__` (the class name for instances).
    pub type_name: String,
    /// A short repr that never runs Python code.
    pub repr: String,
    pub count: isize,
    pub gc: GcMark,
    /// References to other drawn objects (atoms inside containers stay in `repr`).
    pub edges: Vec<Edge>,
    /// References left out because the object has too many.
    pub edges_omitted: usize,
    /// A cached, shared object (small int): its count says nothing about this program, so it is not shown.
    pub shared: bool,
    /// No variable of any frame reaches it any more, but it is alive: waiting for the collector, or held
    /// somewhere the explorer does not draw (a class attribute, a module).
    pub unreachable: bool,
}

/// A variable of a frame and the object it is bound to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VarView {
    pub name: String,
    pub addr: usize,
    /// A parameter of the function (bound by the call).
    pub is_param: bool,
}

/// A frame: a function activation or the module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameView {
    /// Identity of the activation while it runs (not a heap address).
    pub id: usize,
    /// `<module>` or the function's qualified name.
    pub func: String,
    pub line: usize,
    pub vars: Vec<VarView>,
    /// Names bound to functions, classes and modules: listed, not drawn.
    pub defs: Vec<String>,
    /// Names bound to `None`, `True` or `False`: shown as `name = None`, not as arrows to a singleton.
    pub inline: Vec<(String, String)>,
}

/// The heap as seen from the running frames at one moment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// Outermost first.
    pub frames: Vec<FrameView>,
    pub objects: BTreeMap<usize, ObjView>,
    /// Objects reachable but not drawn because of the size cap (at least this many).
    pub omitted: usize,
    /// Taken in a long run after the snapshot budget: calling frames and unreachable objects left out.
    pub partial: bool,
}

/// What the heap did, from its event sink.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MemEvent {
    Alloc {
        addr: usize,
        type_name: &'static str,
    },
    Free {
        addr: usize,
        type_name: &'static str,
    },
    Resurrected {
        addr: usize,
    },
    CollectStart {
        generation: usize,
    },
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

/// Why a step starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// A source line runs (its effects are this step's events).
    Line,
    /// A function returns: its frame and locals are released.
    Return,
    /// A generator suspends at `yield`: its frame keeps its locals inside the generator.
    Yield,
    /// The program ended: `__main__`'s globals are cleared and a last collection runs.
    Exit,
}

/// One step of the program: a line (or return, or the exit) and what it did to the heap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub kind: StepKind,
    pub line: usize,
    /// Number of user frames below this one.
    pub depth: usize,
    pub func: String,
    pub events: Vec<MemEvent>,
    /// What the program printed during the step.
    pub output: String,
    /// When non-zero, the step is this many lines of one long call folded together.
    pub folded: usize,
    /// Allocations and frees past the per-step event cap: counted, not itemised.
    pub events_omitted: usize,
    /// The heap after the step.
    pub after: Snapshot,
}

/// A whole run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recording {
    pub filename: String,
    pub source: String,
    /// The heap before the first line.
    pub initial: Snapshot,
    pub steps: Vec<Step>,
    /// Steps that ran after the step cap (their events are summarised, not recorded).
    pub steps_omitted: usize,
    pub allocs_omitted: usize,
    pub frees_omitted: usize,
    /// Allocations and frees past the per-step event cap after the step cap.
    pub events_omitted: usize,
    /// What the program printed after the step cap.
    pub output_after_cap: String,
    /// The snapshot asked for with `Limits::capture`, kept even past the step cap.
    pub captured: Option<Snapshot>,
    pub exit_code: i32,
}

impl Recording {
    pub fn source_line(&self, line: usize) -> &str {
        self.source.lines().nth(line.wrapping_sub(1)).unwrap_or("")
    }
}

impl Recording {
    /// The heap right after line `line` first ran to completion (calls it made included).
    pub fn after_line(&self, line: usize) -> Option<&Snapshot> {
        self.step_after_line(line).map(|i| &self.steps[i].after)
    }

    /// The step whose `after` is the heap right after line `line` first ran to completion.
    pub fn step_after_line(&self, line: usize) -> Option<usize> {
        let i = self
            .steps
            .iter()
            .position(|s| s.kind == StepKind::Line && s.line == line)?;
        let depth = self.steps[i].depth;
        let end = self.steps[i + 1..]
            .iter()
            .position(|s| {
                (s.kind == StepKind::Line && s.depth <= depth) || s.kind == StepKind::Exit
            })
            .map_or(self.steps.len(), |k| i + 1 + k);
        Some(end - 1)
    }

    /// The heap when the module's last line has run, before shutdown.
    pub fn at_exit(&self) -> &Snapshot {
        match self.steps.iter().position(|s| s.kind == StepKind::Exit) {
            Some(0) => &self.initial,
            Some(i) => &self.steps[i - 1].after,
            None => self.steps.last().map_or(&self.initial, |s| &s.after),
        }
    }
}
