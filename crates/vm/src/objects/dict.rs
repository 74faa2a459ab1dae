//! Insertion-ordered hash table shared by `dict` and `set`.
//!
//! Lookups compare keys with Python `==`, which may run user code; the table is therefore never borrowed
//! while an `__eq__` runs: candidates are copied out first.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use refpy_heap::ObjRef;

use crate::object::Payload;
use crate::vtable;
use crate::PyResult;

/// The index is keyed by Python hashes, which are already hashes: one multiply spreads them (small ints hash
/// to themselves) instead of running SipHash on every lookup.
#[derive(Default)]
pub struct PyHashHasher(u64);

impl Hasher for PyHashHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_i64(&mut self, n: i64) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: ObjRef,
    pub value: Option<ObjRef>,
}

#[derive(Default)]
pub struct Table {
    pub entries: Vec<Option<Entry>>,
    index: HashMap<i64, Vec<usize>, BuildHasherDefault<PyHashHasher>>,
    pub len: usize,
    /// A type's namespace: changes invalidate the type attribute cache (`crate::typecache`).
    watched: bool,
}

impl Table {
    /// Mark this table as a type's namespace.
    pub fn watch(&mut self) {
        self.watched = true;
    }

    fn changed(&self) {
        if self.watched {
            crate::typecache::invalidate();
        }
    }

    /// Remove every entry (returned, to be dropped after the borrow ends), keeping the table's role.
    pub fn take_all(&mut self) -> Table {
        self.changed();
        let watched = self.watched;
        let old = std::mem::take(self);
        self.watched = watched;
        old
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        let str_keys = self
            .entries
            .iter()
            .flatten()
            .all(|e| e.key.downcast::<crate::objects::StrObj>().is_some());
        // Value before key, as CPython's dict_traverse (which skips the keys of all-str dicts).
        for e in self.entries.iter().flatten() {
            if let Some(v) = &e.value {
                visit(v);
            }
            if !str_keys {
                visit(&e.key);
            }
        }
    }

    fn candidates(&self, hash: i64) -> Vec<(usize, ObjRef)> {
        self.index
            .get(&hash)
            .map(|v| {
                v.iter()
                    .filter_map(|&i| self.entries[i].as_ref().map(|e| (i, e.key.clone())))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The value stored under the str key `name` (whose hash is `hash`), through the hash index. Comparing str
    /// keys runs no user code, so this needs no copying out.
    pub fn get_str(&self, hash: i64, name: &str) -> Option<ObjRef> {
        let slots = self.index.get(&hash)?;
        slots.iter().find_map(|&i| {
            let e = self.entries[i].as_ref()?;
            let key = e.key.downcast::<crate::objects::StrObj>()?;
            (key.s == name).then(|| e.value.clone()).flatten()
        })
    }

    pub fn live(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }

    fn push(&mut self, hash: i64, key: ObjRef, value: Option<ObjRef>) {
        self.changed();
        let i = self.entries.len();
        self.entries.push(Some(Entry { hash, key, value }));
        self.index.entry(hash).or_default().push(i);
        self.len += 1;
    }

    fn remove_at(&mut self, i: usize) -> Option<Entry> {
        let e = self.entries[i].take()?;
        self.changed();
        if let Some(v) = self.index.get_mut(&e.hash) {
            v.retain(|&j| j != i);
            if v.is_empty() {
                self.index.remove(&e.hash);
            }
        }
        self.len -= 1;
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        Some(e)
    }

    fn compact(&mut self) {
        let old = std::mem::take(&mut self.entries);
        self.index.clear();
        self.len = 0;
        for e in old.into_iter().flatten() {
            self.push(e.hash, e.key, e.value);
        }
    }
}

/// Find the entry index of `key` in the table held by `cell`.
pub fn find(cell: &RefCell<Table>, key: &ObjRef, hash: i64) -> PyResult<Option<usize>> {
    let cands = cell.borrow().candidates(hash);
    for (i, k) in cands {
        if k.is(key) || crate::ops::eq_bool(&k, key)? {
            // The table may have changed during `__eq__`; re-check the slot still holds that key.
            let t = cell.borrow();
            if t.entries
                .get(i)
                .and_then(|e| e.as_ref())
                .is_some_and(|e| e.key.is(&k))
            {
                return Ok(Some(i));
            }
        }
    }
    Ok(None)
}

pub fn get(cell: &RefCell<Table>, key: &ObjRef) -> PyResult<Option<ObjRef>> {
    let h = crate::ops::hash(key)?;
    Ok(find(cell, key, h)?.and_then(|i| {
        cell.borrow().entries[i]
            .as_ref()
            .and_then(|e| e.value.clone())
    }))
}

pub fn contains(cell: &RefCell<Table>, key: &ObjRef) -> PyResult<bool> {
    let h = crate::ops::hash(key)?;
    Ok(find(cell, key, h)?.is_some())
}

/// Insert or replace; the old value is dropped after the table borrow ends (its `__del__` may run).
pub fn insert(cell: &RefCell<Table>, key: ObjRef, value: Option<ObjRef>) -> PyResult<()> {
    let h = crate::ops::hash(&key)?;
    match find(cell, &key, h)? {
        Some(i) => {
            let old = {
                let mut t = cell.borrow_mut();
                t.changed();
                let e = t.entries[i].as_mut().expect("found entry");
                std::mem::replace(&mut e.value, value)
            };
            drop(old);
        }
        None => cell.borrow_mut().push(h, key, value),
    }
    Ok(())
}

pub fn remove(cell: &RefCell<Table>, key: &ObjRef) -> PyResult<Option<Entry>> {
    let h = crate::ops::hash(key)?;
    let Some(i) = find(cell, key, h)? else {
        return Ok(None);
    };
    let e = cell.borrow_mut().remove_at(i);
    Ok(e)
}

pub fn pop_last(cell: &RefCell<Table>) -> Option<Entry> {
    let mut t = cell.borrow_mut();
    let i = t.entries.iter().rposition(|e| e.is_some())?;
    t.remove_at(i)
}

pub fn pop_first(cell: &RefCell<Table>) -> Option<Entry> {
    let mut t = cell.borrow_mut();
    let i = t.entries.iter().position(|e| e.is_some())?;
    t.remove_at(i)
}

/// Snapshot of the live entries (keys and values stay referenced by the snapshot).
pub fn snapshot(cell: &RefCell<Table>) -> Vec<Entry> {
    cell.borrow().live().cloned().collect()
}

pub struct DictObj(pub RefCell<Table>);
impl Payload for DictObj {
    const FREE_LIST: bool = true;
    fn free_list_slot(&self) -> Option<refpy_heap::FreeListSlot> {
        Some(crate::objects::DICT_FREE_LIST)
    }
    fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        if let Ok(t) = self.0.try_borrow() {
            t.traverse(visit);
        }
    }
    fn clear(&self) {
        let t = self.0.borrow_mut().take_all();
        drop(t);
    }
}
vtable!(pub DICT_VT, DictObj, "dict", gc: true, track: false, rule: WhenAtomicInFullCollection, weak: false, finalize: None);
