//! Recording a run: the VM's trace hook cuts the run into steps (one per executed line, plus returns and
//! the exit), the heap's event sink collects what happened during each step, and a snapshot of the heap is
//! taken at every step boundary.
//!
//! Frames other than the running one cannot be reached from the hook, so each frame's view is cached when
//! it last ran: its locals cannot change while a callee runs. The module frame is re-read from the globals
//! dict every time (a callee may rebind globals), and objects reached from the running frame override
//! cached ones. Objects that drop out of sight without being freed stay in the picture, marked
//! unreachable, with their count re-read by address: that is how an orphaned cycle waits for the collector.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use refpy_vm::bytecode::CO_NAMESPACE;
use refpy_vm::frame::Frame;
use refpy_vm::linehook::{set_trace_hook, TraceEvent};

use crate::heap_events::Sink;
use crate::model::{FrameView, GcMark, MemEvent, ObjView, Recording, Snapshot, Step, StepKind};
use crate::walk::{Caps, Walk};

/// One point of the run whose snapshot is kept even past the step cap (for `refpy graph`).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Capture {
    #[default]
    Nothing,
    /// Right after the line first ran to completion (as [`Recording::after_line`]).
    AfterLine(usize),
    /// When the module's last line has run (as [`Recording::at_exit`]).
    AtExit,
}

/// Limits of a recording.
#[derive(Copy, Clone, Debug)]
pub struct Limits {
    pub caps: Caps,
    /// Steps recorded; later steps run but are only counted.
    pub steps: usize,
    pub capture: Capture,
    /// Full snapshots taken past the step cap while looking for the capture point.
    pub snapshot_budget: usize,
    /// Lines of one function call recorded one by one; the rest of the call is folded into one step.
    pub lines_per_call: usize,
    /// Runs of one source line recorded one by one; later runs (a loop) are folded into one step.
    pub runs_per_line: usize,
}

impl Limits {
    /// The stepping page's limits: readable pictures, long calls and loops folded.
    pub fn page() -> Limits {
        Limits {
            steps: 1000,
            caps: Caps {
                objects: 60,
                edges: 12,
            },
            lines_per_call: 25,
            runs_per_line: 10,
            ..Limits::default()
        }
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            caps: Caps::default(),
            steps: 2000,
            capture: Capture::Nothing,
            snapshot_budget: 5_000,
            lines_per_call: usize::MAX,
            runs_per_line: usize::MAX,
        }
    }
}

/// The last view of a running frame and of the objects it reached.
struct CachedFrame {
    view: FrameView,
    objects: Vec<ObjView>,
    /// Snapshot number when cached: objects freed after it are stale.
    taken: u64,
    /// Line events of this activation so far.
    lines: usize,
}

/// A step whose effects are still being collected.
struct OpenStep {
    kind: StepKind,
    line: usize,
    depth: usize,
    func: String,
    /// Line events merged into this step (a long-running call).
    folded: usize,
}

struct Recorder {
    filename: String,
    limits: Limits,
    events: Rc<RefCell<Vec<MemEvent>>>,
    /// Events past the sink's per-step cap.
    overflow: Rc<Cell<usize>>,
    started: bool,
    /// User frames, outermost first.
    frames: Vec<CachedFrame>,
    open: Option<OpenStep>,
    rec: Recording,
    last: Snapshot,
    snapshots_taken: u64,
    /// Snapshot number after which an address was last freed.
    freed_at: HashMap<usize, u64>,
    /// Depth of the first run of the `Capture::AfterLine` line, while it runs.
    armed: Option<usize>,
    /// Position of the frame whose lines are being folded into one step.
    fold_at: Option<usize>,
    /// The fold lasts until that frame returns (else until a line that is not hot runs).
    fold_is_call: bool,
    /// How often each source line has started.
    line_runs: HashMap<usize, usize>,
}

fn take_output() -> String {
    let r = refpy_vm::rt::rt();
    let mut cap = r.capture.borrow_mut();
    match cap.as_mut() {
        Some((out, err)) => {
            let mut s = std::mem::take(out);
            s.push_str(&std::mem::take(err));
            s
        }
        None => String::new(),
    }
}

impl Recorder {
    fn capped(&self) -> bool {
        self.rec.steps.len() >= self.limits.steps
    }

    fn on_event(&mut self, frame: &Frame, event: TraceEvent) {
        if frame.code().source.filename != self.filename {
            return; // library code written in Python: its effects belong to the user's line
        }
        let id = frame as *const Frame as usize;
        let pos = self.frames.iter().position(|f| f.view.id == id);
        match event {
            TraceEvent::Line(line) => {
                if !self.started {
                    self.started = true;
                    self.events.borrow_mut().clear();
                    self.overflow.set(0);
                    take_output();
                }
                let pos = match pos {
                    Some(p) => {
                        self.frames.truncate(p + 1);
                        p
                    }
                    None => {
                        self.frames.push(CachedFrame {
                            view: FrameView {
                                id,
                                func: String::new(),
                                line,
                                vars: vec![],
                                defs: vec![],
                                inline: vec![],
                            },
                            objects: vec![],
                            taken: 0,
                            lines: 0,
                        });
                        self.frames.len() - 1
                    }
                };
                self.frames[pos].lines += 1;
                let runs = self.line_runs.entry(line).or_default();
                *runs += 1;
                let hot = *runs > self.limits.runs_per_line;
                if let Some(fold) = self.fold_at {
                    // A call fold lasts until the call returns; a loop fold until a line that is not hot.
                    if pos > fold || (pos == fold && (self.fold_is_call || hot)) {
                        if let Some(open) = self.open.as_mut() {
                            open.folded += 1;
                        }
                        return;
                    }
                    self.fold_at = None;
                }
                self.boundary(frame, pos, line, Some((pos, line)), false);
                let func = self.frames[pos].view.func.clone();
                // A long call or a long loop becomes one folded step, so the steps cover the whole program.
                let call_fold = pos > 0 && self.frames[pos].lines > self.limits.lines_per_call;
                let fold = call_fold || hot;
                if fold {
                    self.fold_at = Some(pos);
                    self.fold_is_call = call_fold;
                }
                self.open = Some(OpenStep {
                    kind: StepKind::Line,
                    line,
                    depth: pos,
                    func,
                    folded: usize::from(fold),
                });
            }
            TraceEvent::Leave | TraceEvent::Yield => {
                let Some(pos) = pos else { return };
                if let Some(fold) = self.fold_at {
                    if pos > fold {
                        self.frames.truncate(pos);
                        return; // a call inside the folded lines
                    }
                    self.fold_at = None;
                }
                let line = self.frames[pos].view.line;
                let is_module = pos == 0 && frame.code().flags & CO_NAMESPACE != 0;
                self.boundary(frame, pos, line, None, is_module);
                let view = &self.frames[pos].view;
                self.open = Some(OpenStep {
                    kind: if is_module {
                        StepKind::Exit
                    } else if event == TraceEvent::Yield {
                        StepKind::Yield
                    } else {
                        StepKind::Return
                    },
                    line,
                    depth: pos,
                    func: view.func.clone(),
                    folded: 0,
                });
                self.frames.truncate(pos);
            }
        }
    }

    /// A step boundary in `frame` (at user-frame position `pos`): snapshot, close the open step.
    /// `next_line` is (depth, line) when the next step is a line; `leaving_module` when the module ends.
    fn boundary(
        &mut self,
        frame: &Frame,
        pos: usize,
        line: usize,
        next_line: Option<(usize, usize)>,
        leaving_module: bool,
    ) {
        let capturing = self.limits.capture != Capture::Nothing && self.rec.captured.is_none();
        if self.capped() && !capturing {
            self.count_omitted();
            return;
        }
        let fires = match next_line {
            Some((depth, _)) => self.armed.is_some_and(|armed| depth <= armed),
            None => {
                leaving_module && (self.armed.is_some() || self.limits.capture == Capture::AtExit)
            }
        };
        if let (Capture::AfterLine(n), Some((depth, l))) = (self.limits.capture, next_line) {
            if l == n && self.armed.is_none() && !fires {
                self.armed = Some(depth);
            }
        }
        // A long run past the step cap: full snapshots only within the budget, then just the capture.
        let light = self.capped() && self.snapshots_taken >= self.limits.snapshot_budget as u64;
        if light && !fires {
            self.count_omitted();
            return;
        }
        let snap = self.snapshot(Some((frame, pos, line)), light);
        if fires {
            self.rec.captured = Some(snap.clone());
            self.armed = None;
        }
        if self.capped() {
            self.count_omitted();
            self.last = snap;
        } else {
            self.close_step(snap);
        }
    }

    fn count_omitted(&mut self) {
        self.rec.steps_omitted += 1;
        for e in self.events.borrow_mut().drain(..) {
            match e {
                MemEvent::Alloc { .. } => self.rec.allocs_omitted += 1,
                MemEvent::Free { .. } => self.rec.frees_omitted += 1,
                _ => {}
            }
        }
        self.rec.events_omitted += self.overflow.replace(0);
        let output = take_output();
        self.rec.output_after_cap.push_str(&output);
    }

    fn close_step(&mut self, snap: Snapshot) {
        let events = std::mem::take(&mut *self.events.borrow_mut());
        let events_omitted = self.overflow.replace(0);
        let output = take_output();
        match self.open.take() {
            Some(open) => self.rec.steps.push(Step {
                folded: open.folded,
                events_omitted,
                kind: open.kind,
                line: open.line,
                depth: open.depth,
                func: open.func,
                events,
                output,
                after: snap.clone(),
            }),
            None => self.rec.initial = snap.clone(),
        }
        self.last = snap;
    }

    /// The heap now, seen from the user frames; `running` is the frame at the boundary (none at exit).
    /// `light`: only the running frame and the module (no cached callers, no unreachable objects), for
    /// a picture taken after the snapshot budget ran out.
    fn snapshot(&mut self, running: Option<(&Frame, usize, usize)>, light: bool) -> Snapshot {
        self.snapshots_taken += 1;
        let now = self.snapshots_taken;
        let freed_now: HashSet<usize> = self
            .events
            .borrow()
            .iter()
            .filter_map(|e| match e {
                MemEvent::Free { addr, .. } => Some(*addr),
                _ => None,
            })
            .collect();
        for a in &freed_now {
            self.freed_at.insert(*a, now);
        }
        let mut objects = BTreeMap::new();
        let mut frames: Vec<FrameView> = Vec::new();
        let mut omitted = 0;
        if let Some((frame, pos, line)) = running {
            let mut walk = Walk::new(&mut objects, self.limits.caps);
            let view = walk.frame(frame, line);
            // The module frame, when a function is running, is re-read from the shared globals dict.
            let module = (pos > 0 && self.frames[0].view.func == "<module>").then(|| {
                let outer = &self.frames[0].view;
                walk.module(&frame.globals, outer.id, outer.line)
            });
            omitted = walk.finish();
            let own: Vec<ObjView> = objects.values().cloned().collect();
            let cached = &mut self.frames[pos];
            cached.view = view.clone();
            cached.objects = own;
            cached.taken = now;
            for (i, outer) in self.frames[..pos].iter().enumerate() {
                if i == 0 {
                    if let Some(m) = &module {
                        frames.push(m.clone());
                        continue;
                    }
                }
                if light {
                    continue;
                }
                frames.push(outer.view.clone());
                for o in &outer.objects {
                    let stale = self.freed_at.get(&o.addr).is_some_and(|&t| t > outer.taken);
                    if stale || objects.contains_key(&o.addr) {
                        continue;
                    }
                    if let Ok(count) = refpy_heap::read_word(o.addr) {
                        let mut o = o.clone();
                        o.count = count;
                        objects.insert(o.addr, o);
                    }
                }
            }
            frames.push(view);
        }
        // Objects seen before, gone from every frame, but not freed: still in memory.
        // After more events than the sink itemises, a freed-and-reused address could pass for a survivor.
        let overflowed = self.overflow.get() > 0;
        if omitted == 0 && !light && !overflowed {
            for o in self.last.objects.values() {
                // Atoms (ints, strs…) are left out: shared and cached, they linger by design.
                if o.gc == GcMark::NotGc
                    || objects.contains_key(&o.addr)
                    || freed_now.contains(&o.addr)
                    || objects.len() >= self.limits.caps.objects
                {
                    continue;
                }
                if let Ok(count) = refpy_heap::read_word(o.addr) {
                    if count > 0 {
                        let mut o = o.clone();
                        o.count = count;
                        o.unreachable = true;
                        objects.insert(o.addr, o);
                    }
                }
            }
        }
        mark_frozen(&mut objects);
        let reached: HashSet<usize> = reachable(&frames, &objects);
        for o in objects.values_mut() {
            o.unreachable = !reached.contains(&o.addr);
        }
        Snapshot {
            frames,
            objects,
            omitted,
            partial: light,
        }
    }
}

/// Tracked objects outside the collector's generations are in the permanent one (`gc.freeze()`). Only
/// looked for when something is frozen: it lists every tracked object. The list's clones are dropped at
/// once, and every count was read before.
fn mark_frozen(objects: &mut BTreeMap<usize, ObjView>) {
    if refpy_heap::gc::get_freeze_count() == 0 {
        return;
    }
    let in_generations: HashSet<usize> = refpy_heap::gc::get_objects(None)
        .iter()
        .map(|o| o.addr())
        .collect();
    for o in objects.values_mut() {
        if o.gc == GcMark::Tracked && !in_generations.contains(&o.addr) {
            o.gc = GcMark::Frozen;
        }
    }
}

/// Addresses reachable from the frames' variables through drawn edges.
pub fn reachable(frames: &[FrameView], objects: &BTreeMap<usize, ObjView>) -> HashSet<usize> {
    let mut seen = HashSet::new();
    let mut stack: Vec<usize> = frames
        .iter()
        .flat_map(|f| f.vars.iter().map(|v| v.addr))
        .collect();
    while let Some(a) = stack.pop() {
        if !seen.insert(a) {
            continue;
        }
        if let Some(o) = objects.get(&a) {
            stack.extend(o.edges.iter().map(|e| e.to));
        }
    }
    seen
}

/// Run `source` as `__main__` and record it. Must run on the interpreter thread
/// ([`refpy_vm::on_interpreter_thread`]); the program's output is captured into the steps.
pub fn record(source: &str, filename: &str, limits: Limits) -> Recording {
    refpy_vm::init();
    let events = Rc::new(RefCell::new(Vec::new()));
    let overflow = Rc::new(Cell::new(0));
    let recorder = Rc::new(RefCell::new(Recorder {
        filename: filename.to_string(),
        limits,
        events: events.clone(),
        overflow: overflow.clone(),
        started: false,
        frames: Vec::new(),
        open: None,
        rec: Recording {
            filename: filename.to_string(),
            source: source.to_string(),
            ..Recording::default()
        },
        last: Snapshot::default(),
        snapshots_taken: 0,
        freed_at: HashMap::new(),
        armed: None,
        fold_at: None,
        fold_is_call: false,
        line_runs: HashMap::new(),
    }));
    *refpy_vm::rt::rt().capture.borrow_mut() = Some((String::new(), String::new()));
    let hook_recorder = recorder.clone();
    set_trace_hook(Some(Box::new(move |frame, event| {
        hook_recorder.borrow_mut().on_event(frame, event)
    })));
    let previous_sink = refpy_heap::set_event_sink(Some(Box::new(Sink::new(events, overflow))));
    let exit_code = refpy_vm::run_main(source, filename, vec![filename.to_string()]);
    refpy_heap::set_event_sink(previous_sink);
    set_trace_hook(None);
    let mut r = recorder.borrow_mut();
    if r.capped() {
        r.count_omitted();
    } else {
        let snap = r.snapshot(None, false);
        r.close_step(snap);
    }
    let leftover = take_output();
    let capped = r.capped();
    match r.rec.steps.last_mut() {
        Some(last) if !capped => last.output.push_str(&leftover),
        _ => r.rec.output_after_cap.push_str(&leftover),
    }
    *refpy_vm::rt::rt().capture.borrow_mut() = None;
    r.rec.exit_code = exit_code;
    std::mem::take(&mut r.rec)
}
