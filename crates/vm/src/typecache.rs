//! The type attribute cache: CPython's method cache (`_PyType_Lookup` in `Objects/typeobject.c`). Finding a
//! name along a class's mro costs one dict lookup per class; the cache remembers the outcome (found or not)
//! per (type, name), so `p.x`, `Node(...)` and `o.method()` look up the class once.
//!
//! Each type owns its cache (so a dead type's entries die with it). Every entry records the global epoch of
//! its filling; the epoch advances whenever a type's namespace dict changes (the dicts are marked when the
//! type is created: `Table::watch`) or a type is cleared by the collector, which invalidates every entry at
//! once. CPython invalidates only the modified type and its subclasses (version tags); one epoch is enough
//! here because class namespaces rarely change after class creation.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use refpy_heap::{ObjRef, RawObj};

/// Entries per type (a power of two), direct-mapped by the name's hash.
const SIZE: usize = 32;
/// Names are stored inline; longer ones are not cached (identifiers are short).
const MAX_NAME: usize = 32;

/// NOTE: one counter for all threads: a change in another interpreter thread only costs this one spurious
/// misses, and an atomic needs no thread-local lookup (the change and the lookups that must see it happen
/// on the same thread, so relaxed ordering suffices).
static EPOCH: AtomicU64 = AtomicU64::new(1);

#[derive(Copy, Clone)]
struct Entry {
    /// 0: empty (the epoch starts at 1).
    epoch: u64,
    hash: i64,
    name_len: u8,
    name: [u8; MAX_NAME],
    /// Borrowed: owned by a namespace dict on the type's mro, which cannot change without a new epoch.
    value: Option<RawObj>,
}

const EMPTY: Entry = Entry {
    epoch: 0,
    hash: 0,
    name_len: 0,
    name: [0; MAX_NAME],
    value: None,
};

/// The lookup cache of one type.
#[derive(Default)]
pub struct AttrCache {
    entries: RefCell<Vec<Entry>>,
}

/// A type's namespace or mro changed: forget every cached lookup.
pub fn invalidate() {
    EPOCH.fetch_add(1, Ordering::Relaxed);
}

/// The current epoch: facts about classes recorded in it hold while it lasts.
#[inline]
pub fn epoch() -> u64 {
    EPOCH.load(Ordering::Relaxed)
}

static NEXT_TYPE_ID: AtomicU64 = AtomicU64::new(1);

/// A number for a new type object that no other type ever gets (CPython's type version tags), so a cache
/// that names a type cannot mistake a new type at the address of a dead one for it.
pub fn new_type_id() -> u64 {
    NEXT_TYPE_ID.fetch_add(1, Ordering::Relaxed)
}

/// What a `LoadAttr`/`StoreAttr` of one name learnt about instances of one class: the class (and its mro)
/// has no attribute of that name and (for stores) no `__setattr__` of its own, so the instance's own value
/// is read or written directly, last found at `index` of its inline values. Valid in `epoch` only.
#[derive(Copy, Clone, Default)]
pub struct InstanceAttrCache {
    /// 0: empty (type ids start at 1).
    pub type_id: u64,
    pub epoch: u64,
    pub index: u32,
}

impl AttrCache {
    /// `lookup` finds `name` (whose hash is `hash`) along the mro of the type owning this cache; its
    /// result is cached. `lookup` must run no user code.
    pub fn cached(
        &self,
        hash: i64,
        name: &str,
        lookup: impl FnOnce() -> Option<ObjRef>,
    ) -> Option<ObjRef> {
        if name.len() > MAX_NAME {
            return lookup();
        }
        let epoch = EPOCH.load(Ordering::Relaxed);
        let i = hash as usize & (SIZE - 1);
        if let Some(e) = self.entries.borrow().get(i) {
            // A byte loop: names are short, and a `memcmp` call costs more than comparing them.
            if e.epoch == epoch
                && e.hash == hash
                && e.name_len as usize == name.len()
                && e.name.iter().zip(name.bytes()).all(|(a, b)| *a == b)
            {
                // SAFETY: the entry was filled in this epoch for the mro of this (live) type, so the
                // namespace dict that held the value then has not changed since (any change advances the
                // epoch) and still owns a reference to it; we take a new one for the caller.
                return e.value.map(|v| unsafe { ObjRef::from_borrowed(v) });
            }
        }
        let found = lookup();
        // `lookup` ran no user code, so the epoch read above is still current.
        let mut e = EMPTY;
        e.epoch = epoch;
        e.hash = hash;
        e.name_len = name.len() as u8;
        e.name[..name.len()].copy_from_slice(name.as_bytes());
        e.value = found.as_ref().map(ObjRef::raw);
        let mut entries = self.entries.borrow_mut();
        if entries.is_empty() {
            entries.resize(SIZE, EMPTY);
        }
        entries[i] = e;
        found
    }
}

/// What calling a class does, learnt in one epoch: it makes a plain instance and runs this Python
/// `__init__` (`crate::builtins::plain_init`), or (`init` None) something else. CPython 3.11 learns the same
/// per call site (CALL specialised for a class, with its type version).
#[derive(Copy, Clone, Default)]
pub struct PlainInit {
    /// 0: not known (the epoch starts at 1).
    pub epoch: u64,
    /// Borrowed: owned by a namespace dict on the class's mro, which cannot change without a new epoch.
    pub init: Option<RawObj>,
    /// The vtable of its instances (`crate::ops::instance_vtable`: it depends on `__del__`).
    pub instance_vtable: Option<&'static refpy_heap::VTable>,
}
