//! The lists of tracked objects: the generations and the collector's work lists, each a vector of object
//! pointers (8 bytes per tracked object, where CPython's doubly linked `PyGC_Head` costs 16).
//!
//! A tracked object knows its list (a [`ListId`] in its vtable word) and its index in it (`gc_slot`), so
//! untracking is O(1): it leaves a tombstone (`None`) in the slot and the other objects keep their order —
//! finalizers run, and `gc.get_objects()` lists objects, in CPython's order. A tombstone at the end is popped at
//! once (an object freed right after its allocation leaves nothing behind); the others are squeezed out when a
//! generation would have to grow, and by the collector when it rebuilds a list.
//!
//! The vectors live in `UnsafeCell`s: every access is inside one of the functions below, none of which calls
//! out of this module (user code never runs while a vector is borrowed), so each `&mut` is unique.

use std::cell::{Cell, UnsafeCell};

use crate::header::{RawObj, LIST_MASK, LIST_SHIFT, UNTRACKED};

/// Which list an object is tracked in.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum ListId {
    Generation0,
    Generation1,
    Generation2,
    /// `gc.freeze()`'s permanent generation.
    Permanent,
    /// Collector work lists, empty between collections.
    Unreachable,
    Finalizers,
    StillUnreachable,
    WeakrefCallbacks,
}

const LIST_COUNT: usize = 8;
const ALL_LISTS: [ListId; LIST_COUNT] = [
    ListId::Generation0,
    ListId::Generation1,
    ListId::Generation2,
    ListId::Permanent,
    ListId::Unreachable,
    ListId::Finalizers,
    ListId::StillUnreachable,
    ListId::WeakrefCallbacks,
];
const _: () = assert!(LIST_COUNT << LIST_SHIFT == LIST_MASK + (1 << LIST_SHIFT));

impl ListId {
    pub(crate) fn generation(index: usize) -> ListId {
        ALL_LISTS[index]
    }

    fn is_generation(self) -> bool {
        (self as usize) < ListId::Unreachable as usize
    }

    /// The list `obj` is in (meaningful only while it is tracked).
    #[inline]
    pub(crate) fn of(obj: RawObj) -> ListId {
        ALL_LISTS[obj.header().bits(LIST_MASK) >> LIST_SHIFT]
    }
}

/// NOTE: a list emptied by a merge keeps its buffer for the next objects, unless it is bigger than this: a
/// generation that once held millions of objects would otherwise keep megabytes for nothing.
#[cfg(not(miri))]
pub(crate) const RETAINED_CAPACITY: usize = 4096;
// NOTE: Miri interprets every allocation; a smaller bound lets the heap's tests cross it with few objects
// without changing any algorithm.
#[cfg(miri)]
pub(crate) const RETAINED_CAPACITY: usize = 64;

#[derive(Default)]
struct ObjList {
    slots: UnsafeCell<Vec<Option<RawObj>>>,
    /// Slots holding an object (not tombstones).
    live: Cell<usize>,
}

impl ObjList {
    /// # Safety
    /// No other reference to this list's vector is live (see the module doc).
    #[allow(clippy::mut_from_ref)]
    #[inline]
    unsafe fn slots(&self) -> &mut Vec<Option<RawObj>> {
        // SAFETY: caller's contract.
        unsafe { &mut *self.slots.get() }
    }
}

/// Record in `obj`'s header that it sits at `slot` of `list`.
#[inline]
fn place(obj: RawObj, list: ListId, slot: usize) {
    let header = obj.header();
    header.gc_slot.set(slot as u32);
    header.update_bits((list as usize) << LIST_SHIFT, LIST_MASK);
}

pub(crate) struct Lists([ObjList; LIST_COUNT]);

impl Lists {
    pub(crate) fn new() -> Lists {
        Lists(Default::default())
    }

    #[inline]
    fn list(&self, id: ListId) -> &ObjList {
        &self.0[id as usize]
    }

    /// The list a tracked `obj` is in.
    #[inline]
    fn list_of(&self, obj: RawObj) -> &ObjList {
        &self.0[(obj.header().bits(LIST_MASK) >> LIST_SHIFT) % LIST_COUNT]
    }

    /// Number of objects in `id`.
    #[inline]
    pub(crate) fn len(&self, id: ListId) -> usize {
        self.list(id).live.get()
    }

    /// Number of slots of `id` (objects and tombstones): the bound of an index walk.
    #[inline]
    pub(crate) fn slot_count(&self, id: ListId) -> usize {
        // SAFETY: a leaf access (module doc).
        unsafe { self.list(id).slots().len() }
    }

    /// The object at `slot` of `id` (`None`: a tombstone, or past the end).
    #[inline]
    pub(crate) fn get(&self, id: ListId, slot: usize) -> Option<RawObj> {
        // SAFETY: a leaf access (module doc).
        unsafe { self.list(id).slots().get(slot).copied().flatten() }
    }

    /// The number of slots `id`'s buffer has room for.
    #[cfg(test)]
    pub(crate) fn capacity(&self, id: ListId) -> usize {
        // SAFETY: a leaf access (module doc).
        unsafe { self.list(id).slots().capacity() }
    }

    /// Append `obj` (in no list) to `id`. Only generations are compacted here, never a work list, which the
    /// collector may be walking by index while it appends to it.
    #[inline]
    pub(crate) fn push(&self, id: ListId, obj: RawObj) {
        obj.header()
            .update_bits((id as usize) << LIST_SHIFT, LIST_MASK);
        self.push_placed(id, obj);
    }

    /// [`Lists::push`] into generation 0 for an object whose header is new: its list bits are already 0,
    /// generation 0's number.
    #[inline]
    pub(crate) fn push_new(&self, obj: RawObj) {
        debug_assert_eq!(ListId::of(obj), ListId::Generation0);
        self.push_placed(ListId::Generation0, obj);
    }

    /// Append `obj`, whose header already names `id`, and record its slot.
    #[inline]
    fn push_placed(&self, id: ListId, obj: RawObj) {
        debug_assert_eq!(obj.header().gc_slot.get(), UNTRACKED);
        let list = self.list(id);
        // SAFETY: a leaf access (module doc).
        let slots = unsafe { list.slots() };
        if slots.len() == slots.capacity() {
            self.make_room(id);
        }
        // SAFETY: as above; `make_room` has returned.
        let slots = unsafe { list.slots() };
        let slot = slots.len();
        slots.push(Some(obj));
        list.live.set(list.live.get() + 1);
        obj.header().gc_slot.set(slot as u32);
    }

    /// A full list: a generation whose tombstones are at least half of it is compacted (amortised O(1) per
    /// push: the next compaction is at least as many pushes away as this one moved objects), else the vector
    /// grows, up to the most slots a `gc_slot` can name.
    #[cold]
    #[inline(never)]
    fn make_room(&self, id: ListId) {
        let list = self.list(id);
        // SAFETY: a leaf access (module doc).
        let slots = unsafe { list.slots() };
        if id.is_generation() && list.live.get() * 2 <= slots.len() {
            self.compact(id);
        }
        // SAFETY: as above; `compact` has returned.
        let slots = unsafe { list.slots() };
        assert!(
            slots.len() < UNTRACKED as usize,
            "more than 2^32 - 2 objects tracked in one list"
        );
        let room = (slots.len().max(4)).min(UNTRACKED as usize - slots.len());
        slots.reserve_exact(room);
    }

    /// Remove the tombstones of `id`, keeping the objects' order (each object learns its new slot).
    pub(crate) fn compact(&self, id: ListId) {
        let live = self.list(id).live.get();
        self.compact_raw(id, |obj, slot| obj.header().gc_slot.set(slot as u32));
        debug_assert_eq!(self.list(id).live.get(), live);
    }

    /// Take a tracked `obj` out of its list: its slot becomes a tombstone (popped if it is the last).
    #[inline]
    pub(crate) fn remove(&self, obj: RawObj) {
        let header = obj.header();
        let slot = header.gc_slot.get() as usize;
        let list = self.list_of(obj);
        // SAFETY: a leaf access (module doc).
        let slots = unsafe { list.slots() };
        debug_assert_eq!(slots[slot], Some(obj), "gc_slot out of date");
        if slot + 1 == slots.len() {
            slots.pop();
            while slots.last() == Some(&None) {
                slots.pop();
            }
        } else {
            slots[slot] = None;
        }
        list.live.set(list.live.get() - 1);
        header.gc_slot.set(UNTRACKED);
    }

    /// Move a tracked `obj` to the end of `to`.
    #[inline]
    pub(crate) fn move_to(&self, obj: RawObj, to: ListId) {
        self.remove(obj);
        self.push(to, obj);
    }

    /// Append all of `from` to `to` in order, leaving `from` empty.
    pub(crate) fn merge(&self, from: ListId, to: ListId) {
        debug_assert_ne!(from, to);
        let (source, target) = (self.list(from), self.list(to));
        // SAFETY: leaf accesses to two distinct lists (module doc).
        let (from_slots, to_slots) = unsafe { (source.slots(), target.slots()) };
        to_slots.reserve(source.live.get());
        for obj in from_slots.drain(..).flatten() {
            place(obj, to, to_slots.len());
            to_slots.push(Some(obj));
        }
        assert!(
            to_slots.len() < UNTRACKED as usize,
            "more than 2^32 - 2 objects tracked in one list"
        );
        if from_slots.capacity() > RETAINED_CAPACITY {
            *from_slots = Vec::new();
        }
        target.live.set(target.live.get() + source.live.replace(0));
    }

    /// Give an empty work list's buffer back.
    pub(crate) fn release(&self, id: ListId) {
        let list = self.list(id);
        debug_assert_eq!(list.live.get(), 0);
        // SAFETY: a leaf access (module doc).
        unsafe { *list.slots() = Vec::new() };
    }

    // The collector's reachability pass rewrites one list in place (`collector::update_refs` and
    // `move_unreachable`): its objects' `gc_slot` hold `gc_refs` meanwhile, so these do not touch headers.

    /// Append all of `from` to `to` in order, leaving `from` empty, without updating the moved objects'
    /// headers: the caller rewrites every header of `to` (as `update_refs` does) before anything reads them.
    pub(crate) fn append_raw(&self, from: ListId, to: ListId) {
        debug_assert_ne!(from, to);
        let (source, target) = (self.list(from), self.list(to));
        // SAFETY: leaf accesses to two distinct lists (module doc).
        let (from_slots, to_slots) = unsafe { (source.slots(), target.slots()) };
        if to_slots.is_empty() && from_slots.capacity() >= to_slots.capacity() {
            std::mem::swap(from_slots, to_slots);
        } else {
            to_slots.extend_from_slice(from_slots);
            from_slots.clear();
        }
        assert!(
            to_slots.len() < UNTRACKED as usize,
            "more than 2^32 - 2 objects tracked in one list"
        );
        if from_slots.capacity() > RETAINED_CAPACITY {
            *from_slots = Vec::new();
        }
        target.live.set(target.live.get() + source.live.replace(0));
    }

    /// Squeeze the tombstones out of `id` and call `f(obj, index)` on each object, in order.
    pub(crate) fn compact_raw(&self, id: ListId, mut f: impl FnMut(RawObj, usize)) {
        let list = self.list(id);
        // SAFETY: a leaf access (module doc): every `f` given here only writes a header field and calls
        // nothing.
        let slots = unsafe { list.slots() };
        let mut kept = 0;
        for slot in 0..slots.len() {
            if let Some(obj) = slots[slot] {
                slots[kept] = Some(obj);
                f(obj, kept);
                kept += 1;
            }
        }
        slots.truncate(kept);
        list.live.set(kept);
    }

    /// Overwrite slot `slot` (< `slot_count`) of `id`.
    #[inline]
    pub(crate) fn set_raw(&self, id: ListId, slot: usize, obj: Option<RawObj>) {
        // SAFETY: a leaf access (module doc).
        unsafe { self.list(id).slots()[slot] = obj };
    }

    /// Append without touching the live count, nor `obj`'s `gc_slot`; its header is marked as in `id`.
    #[inline]
    pub(crate) fn push_raw(&self, id: ListId, obj: RawObj) {
        obj.header()
            .update_bits((id as usize) << LIST_SHIFT, LIST_MASK);
        // SAFETY: a leaf access (module doc).
        unsafe { self.list(id).slots().push(Some(obj)) };
    }

    /// Cut `id` to its first `len` slots, all of them objects. A buffer left mostly empty is shrunk (a
    /// collection that freed millions of objects gives their slots back, as their blocks went back to
    /// pymalloc).
    pub(crate) fn truncate_raw(&self, id: ListId, len: usize) {
        let list = self.list(id);
        // SAFETY: a leaf access (module doc).
        let slots = unsafe { list.slots() };
        slots.truncate(len);
        if slots.capacity() > RETAINED_CAPACITY && slots.capacity() / 4 > len {
            slots.shrink_to(len * 2);
        }
        list.live.set(len);
    }
}
