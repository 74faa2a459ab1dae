//! Circular doubly linked lists of [`GcHead`]s: the generations and the collector's working sets.
//!
//! Links are stored as `usize` in `Cell`s, so every operation works through shared references; a list head is a
//! `GcHead` that belongs to no object. The functions here assume the plain (non-collecting) encoding: `prev`
//! holds a pointer plus flag bits, `next` a pointer. The collector's `gc_refs` encoding lives in `collector`.

use crate::header::{GcHead, PREV_FLAGS_MASK};

#[inline]
pub(crate) fn addr(head: &GcHead) -> usize {
    head as *const GcHead as usize
}

/// # Safety
/// `link` is the address of a live `GcHead` (a list head, or the head of a live tracked object).
#[inline]
pub(crate) unsafe fn at<'a>(link: usize) -> &'a GcHead {
    // SAFETY: caller's contract; `GcHead` is only accessed through `Cell`s.
    unsafe { &*(link as *const GcHead) }
}

#[inline]
pub(crate) fn prev_of(node: &GcHead) -> usize {
    node.prev.get() & !PREV_FLAGS_MASK
}

#[inline]
pub(crate) fn set_prev(node: &GcHead, prev: usize) {
    node.prev.set(prev | (node.prev.get() & PREV_FLAGS_MASK));
}

/// Make `head` an empty list.
pub(crate) fn init(head: &GcHead) {
    head.next.set(addr(head));
    head.prev.set(addr(head));
}

#[inline]
pub(crate) fn is_empty(head: &GcHead) -> bool {
    head.next.get() == addr(head)
}

/// Append `node` (not in any list) at the tail of `list`.
///
/// # Safety
/// `list` is a well-formed list; `node` belongs to a live object.
#[inline]
pub(crate) unsafe fn append(node: &GcHead, list: &GcHead) {
    // SAFETY: the tail of a well-formed list is a live GcHead.
    let last = unsafe { at(prev_of(list)) };
    set_prev(node, addr(last));
    last.next.set(addr(node));
    node.next.set(addr(list));
    set_prev(list, addr(node));
}

/// Unlink `node` from the list it is in and mark it untracked (`next == 0`).
///
/// # Safety
/// `node` is in a well-formed list.
#[inline]
pub(crate) unsafe fn remove(node: &GcHead) {
    // SAFETY: neighbours of a node in a well-formed list are live GcHeads.
    unsafe {
        let prev = at(prev_of(node));
        let next = at(node.next.get());
        prev.next.set(addr(next));
        set_prev(next, addr(prev));
    }
    node.next.set(0);
}

/// Move `node` from its list to the tail of `list`.
///
/// # Safety
/// Both lists are well formed.
#[inline]
pub(crate) unsafe fn move_to(node: &GcHead, list: &GcHead) {
    // SAFETY: forwarded contract.
    unsafe {
        remove(node);
        append(node, list);
    }
}

/// Append all of `from` to `to`, leaving `from` empty.
///
/// # Safety
/// Both lists are well formed and distinct.
pub(crate) unsafe fn merge(from: &GcHead, to: &GcHead) {
    debug_assert!(addr(from) != addr(to));
    if is_empty(from) {
        return;
    }
    // SAFETY: heads and tails of well-formed lists are live GcHeads.
    unsafe {
        let to_tail = at(prev_of(to));
        let from_first = at(from.next.get());
        let from_last = at(prev_of(from));
        to_tail.next.set(addr(from_first));
        set_prev(from_first, addr(to_tail));
        from_last.next.set(addr(to));
        set_prev(to, addr(from_last));
    }
    init(from);
}

/// Number of nodes in `list`.
///
/// # Safety
/// `list` is well formed (following `next` from the head comes back to it).
pub(crate) unsafe fn len(list: &GcHead) -> usize {
    let mut n = 0;
    let mut link = list.next.get();
    while link != addr(list) {
        n += 1;
        // SAFETY: members of a well-formed list are live GcHeads.
        link = unsafe { at(link) }.next.get();
    }
    n
}
