//! Circular doubly linked lists of [`GcHead`]s: the generations and the collector's working sets.
//!
//! Lists are handled through raw pointers ([`Link`]) derived from the object (or list-head) allocation, never
//! from references to a `GcHead`: a link is later turned back into a pointer to the object 16 bytes further,
//! so it must carry the provenance of the whole block (strict provenance; Miri checks it). Flag bits live in
//! the low bits of the links and are added or removed with `map_addr`, which keeps provenance.
//!
//! Between collections `prev` is a pointer plus flags; during the collector's `update_refs` …
//! `move_unreachable` phases it holds `gc_refs` instead (see `collector`).

use std::ptr;

use crate::header::{GcHead, PREV_FLAGS_MASK};

pub(crate) type Link = *mut GcHead;

// The list contract, required by every `unsafe fn` below: each `Link` passed in is a live `GcHead` (a list
// head, or the head of a live gc-capable object), and each list passed in is well formed (following `next`
// from the head leads back to it, and `prev` links mirror `next`).

/// # Safety
/// The list contract (see above).
#[inline]
pub(crate) unsafe fn next(node: Link) -> Link {
    // SAFETY: the caller guarantees `node` is live; the field is read through its `Cell`.
    unsafe { (*node).next.get() }
}

/// # Safety
/// The list contract (see above).
#[inline]
pub(crate) unsafe fn set_next(node: Link, next: Link) {
    // SAFETY: as in `next`.
    unsafe { (*node).next.set(next) }
}

/// The `prev` link without flag bits.
///
/// # Safety
/// The list contract (see above).
#[inline]
pub(crate) unsafe fn prev(node: Link) -> Link {
    // SAFETY: as in `next`.
    unsafe { (*node).prev.get().map_addr(|a| a & !PREV_FLAGS_MASK) }
}

/// Set the `prev` link, keeping the flag bits.
///
/// # Safety
/// The list contract (see above).
#[inline]
pub(crate) unsafe fn set_prev(node: Link, prev: Link) {
    // SAFETY: as in `next`.
    unsafe {
        let flags = (*node).prev.get().addr() & PREV_FLAGS_MASK;
        (*node).prev.set(prev.map_addr(|a| a | flags));
    }
}

/// The raw bits of `prev` (flags, and `gc_refs` during a collection).
///
/// # Safety
/// The list contract (see above).
#[inline]
pub(crate) unsafe fn prev_bits(node: Link) -> usize {
    // SAFETY: as in `next`.
    unsafe { (*node).prev.get().addr() }
}

/// Overwrite `prev` with plain bits (no pointer): used for `gc_refs` and flags.
///
/// # Safety
/// The list contract (see above).
#[inline]
pub(crate) unsafe fn set_prev_bits(node: Link, bits: usize) {
    // SAFETY: as in `next`.
    unsafe { (*node).prev.set(ptr::without_provenance_mut(bits)) }
}

/// Set or clear flag bits of `prev`, keeping the pointer (or `gc_refs`) part with its provenance.
///
/// # Safety
/// The list contract (see above).
#[inline]
pub(crate) unsafe fn update_prev_flags(node: Link, set: usize, clear: usize) {
    // SAFETY: as in `next`.
    unsafe {
        let p = (*node).prev.get();
        (*node).prev.set(p.map_addr(|a| (a & !clear) | set));
    }
}

/// Make `head` an empty list.
///
/// # Safety
/// The list contract (see above).
pub(crate) unsafe fn init(head: Link) {
    // SAFETY: forwarded contract.
    unsafe {
        set_next(head, head);
        (*head).prev.set(head);
    }
}

/// # Safety
/// The list contract (see above).
#[inline]
pub(crate) unsafe fn is_empty(head: Link) -> bool {
    // SAFETY: forwarded contract.
    unsafe { next(head) == head }
}

/// Append `node` (in no list) at the tail of `list`.
///
/// # Safety
/// The list contract (see above).
#[inline]
pub(crate) unsafe fn append(node: Link, list: Link) {
    // SAFETY: forwarded contract: the tail of a well-formed list is live.
    unsafe {
        let last = prev(list);
        set_prev(node, last);
        set_next(last, node);
        set_next(node, list);
        set_prev(list, node);
    }
}

/// Append `node` (in no list, no flag bits in its `prev`) at the tail of `list`: [`append`] without keeping
/// `node`'s flags, for objects that have none yet.
///
/// # Safety
/// The list contract (see above); `node` is in no list and its `prev` holds no flags.
#[inline]
pub(crate) unsafe fn append_fresh(node: Link, list: Link) {
    // SAFETY: forwarded contract: the tail of a well-formed list is live.
    unsafe {
        debug_assert_eq!(prev_bits(node) & PREV_FLAGS_MASK, 0);
        let last = prev(list);
        (*node).prev.set(last);
        (*node).next.set(list);
        set_next(last, node);
        set_prev(list, node);
    }
}

/// Unlink `node` from its list and mark it untracked (`next` null).
///
/// # Safety
/// The list contract (see above).
#[inline]
pub(crate) unsafe fn remove(node: Link) {
    // SAFETY: forwarded contract: neighbours of a listed node are live.
    unsafe {
        let before = prev(node);
        let after = next(node);
        set_next(before, after);
        set_prev(after, before);
        set_next(node, ptr::null_mut());
    }
}

/// Move `node` from its list to the tail of `list`.
///
/// # Safety
/// The list contract (see above).
#[inline]
pub(crate) unsafe fn move_to(node: Link, list: Link) {
    // SAFETY: forwarded contract.
    unsafe {
        remove(node);
        append(node, list);
    }
}

/// Append all of `from` to `to`, leaving `from` empty.
///
/// # Safety
/// The list contract (see above).
pub(crate) unsafe fn merge(from: Link, to: Link) {
    debug_assert!(from != to);
    // SAFETY: forwarded contract.
    unsafe {
        if is_empty(from) {
            return;
        }
        let to_tail = prev(to);
        let first = next(from);
        let last = prev(from);
        set_next(to_tail, first);
        set_prev(first, to_tail);
        set_next(last, to);
        set_prev(to, last);
        init(from);
    }
}

/// Number of nodes in `list`.
///
/// # Safety
/// The list contract (see above).
pub(crate) unsafe fn len(list: Link) -> usize {
    let mut n = 0;
    // SAFETY: forwarded contract.
    unsafe {
        let mut link = next(list);
        while link != list {
            n += 1;
            link = next(link);
        }
    }
    n
}

/// A list head that lives on the heap at a fixed address (a generation, or a collector work list), owned
/// through a raw pointer so that moving its owner never invalidates the links pointing at it.
pub(crate) struct ListHead(Link);

impl ListHead {
    pub(crate) fn new() -> ListHead {
        let head = Box::into_raw(Box::new(GcHead::new_untracked()));
        // SAFETY: `head` is a fresh, live allocation.
        unsafe { init(head) };
        ListHead(head)
    }

    #[inline]
    pub(crate) fn link(&self) -> Link {
        self.0
    }
}

impl Drop for ListHead {
    fn drop(&mut self) {
        // SAFETY: allocated by `Box::into_raw` in `new`, freed once here. Objects still linked to it (only
        // possible at thread exit, when leaked objects are never touched again) do not read it afterwards.
        unsafe { drop(Box::from_raw(self.0)) }
    }
}
