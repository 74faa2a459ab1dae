//! Insertion-ordered hash table shared by `dict` and `set`.
//!
//! Lookups compare keys with Python `==`, which may run user code; the table is therefore never borrowed
//! while an `__eq__` runs: candidates are copied out first.

use std::cell::{Cell, RefCell};

use refpy_heap::ObjRef;

use crate::object::Payload;
use crate::vtable;
use crate::PyResult;

thread_local! {
    /// Source of keys versions: every change to a table's set of keys takes a fresh one (CPython's
    /// `dk_version`), so equal versions mean the same keys at the same positions.
    static NEXT_KEYS_VERSION: Cell<u64> = const { Cell::new(1) };
}

fn fresh_keys_version() -> u64 {
    NEXT_KEYS_VERSION.with(|next| {
        let v = next.get();
        next.set(v + 1);
        v
    })
}

/// An index slot never used since the index was built (probing stops here).
const EMPTY: u32 = u32::MAX;
/// Tables of up to this many entry positions have no index: a scan of the hashes is as quick.
const SCAN_LIMIT: usize = 8;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: ObjRef,
    pub value: Option<ObjRef>,
}

#[derive(Default)]
pub struct Table {
    pub entries: Vec<Option<Entry>>,
    /// Open addressing over positions in `entries`, probed as CPython's `lookdict` probes `dk_indices`: each slot
    /// is `EMPTY` or a position (whose entry may since have been removed: a dummy that probing steps over).
    /// Empty while `entries` is short (scanned instead); otherwise a power of two with fewer than 2/3 of its
    /// slots used, so every probe reaches an `EMPTY` slot.
    index: Vec<u32>,
    pub len: usize,
    /// A type's namespace: changes invalidate the type attribute cache (`crate::typecache`).
    watched: bool,
    /// Changes whenever a key is added or removed (not when a value is replaced); 0 only for a table that
    /// never held a key.
    keys_version: u64,
    /// What CPython would have allocated for this table (`sys.getsizeof` reports it).
    pub capacity: crate::sizes::Capacity,
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
        self.keys_version = fresh_keys_version();
        self.capacity = old.capacity.emptied();
        old
    }

    /// `traverse` for the collector's tracer.
    pub fn trace(&self, tracer: &mut refpy_heap::Tracer<'_>) {
        let str_keys = self.all_str_keys();
        for e in self.entries.iter().flatten() {
            if let Some(v) = &e.value {
                tracer.visit(v.raw());
            }
            if !str_keys {
                tracer.visit(e.key.raw());
            }
        }
    }

    fn all_str_keys(&self) -> bool {
        self.entries
            .iter()
            .flatten()
            .all(|e| e.key.downcast::<crate::objects::StrObj>().is_some())
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&ObjRef)) {
        let str_keys = self.all_str_keys();
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

    /// Call `f` on the live entries whose hash is `hash` (with their positions), in probe order — which is
    /// insertion order among equal hashes, as in CPython — until it returns `Some`.
    fn scan<R>(&self, hash: i64, mut f: impl FnMut(usize, &Entry) -> Option<R>) -> Option<R> {
        let mut visit = |pos: usize| {
            self.entries[pos]
                .as_ref()
                .filter(|e| e.hash == hash)
                .and_then(|e| f(pos, e))
        };
        if self.index.is_empty() {
            return (0..self.entries.len()).find_map(visit);
        }
        let mask = self.index.len() - 1;
        let mut perturb = hash as u64;
        let mut slot = perturb as usize & mask;
        loop {
            let pos = self.index[slot];
            if pos == EMPTY {
                return None;
            }
            if let Some(r) = visit(pos as usize) {
                return Some(r);
            }
            perturb >>= 5;
            slot = slot.wrapping_mul(5).wrapping_add(perturb as usize + 1) & mask;
        }
    }

    /// Where `key` is, when that can be decided without running user code: identical keys, and str or int keys
    /// compared by value. `Err(())` when a candidate needs Python `==`.
    fn find_plain(&self, key: &ObjRef, hash: i64) -> Result<Option<usize>, ()> {
        self.scan(hash, |pos, e| {
            if e.key.is(key) {
                return Some(Ok(pos));
            }
            match plain_eq(&e.key, key) {
                Some(true) => Some(Ok(pos)),
                Some(false) => None,
                None => Some(Err(())),
            }
        })
        .transpose()
    }

    fn candidates(&self, hash: i64) -> Vec<(usize, ObjRef)> {
        let mut out = Vec::new();
        self.scan(hash, |pos, e| {
            out.push((pos, e.key.clone()));
            None::<()>
        });
        out
    }

    /// The value stored under the str key `name` (whose hash is `hash`). Comparing str keys runs no user code,
    /// so this needs no copying out.
    pub fn get_str(&self, hash: i64, name: &str) -> Option<ObjRef> {
        self.scan(hash, |_, e| {
            let key = e.key.downcast::<crate::objects::StrObj>()?;
            (key.s == name).then(|| e.value.clone()).flatten()
        })
    }

    pub fn keys_version(&self) -> u64 {
        self.keys_version
    }

    /// The position of the str key `name` (whose hash is `hash`), for caches checked against `keys_version`.
    pub fn position_of_str(&self, hash: i64, name: &str) -> Option<usize> {
        self.scan(hash, |pos, e| {
            let key = e.key.downcast::<crate::objects::StrObj>()?;
            (key.s == name).then_some(pos)
        })
    }

    /// The value at `pos` if the key there is `name` (that very str object, or a str equal to it).
    pub fn value_at_str(&self, pos: usize, name: &ObjRef) -> Option<ObjRef> {
        let e = self.entries.get(pos)?.as_ref()?;
        let same = e.key.is(name)
            || e.key
                .downcast::<crate::objects::StrObj>()
                .zip(name.downcast::<crate::objects::StrObj>())
                .is_some_and(|(a, b)| a.s == b.s);
        if same {
            e.value.clone()
        } else {
            None
        }
    }

    /// Record entry position `pos` (hash `hash`) in the first `EMPTY` slot of its probe sequence.
    fn index_position(&mut self, hash: i64, pos: usize) {
        let mask = self.index.len() - 1;
        let mut perturb = hash as u64;
        let mut slot = perturb as usize & mask;
        while self.index[slot] != EMPTY {
            perturb >>= 5;
            slot = slot.wrapping_mul(5).wrapping_add(perturb as usize + 1) & mask;
        }
        self.index[slot] = pos as u32;
    }

    /// Rebuild the index for the current entries with room for `room` positions (none while scanning suffices).
    fn rebuild_index(&mut self, room: usize) {
        self.index.clear();
        if room <= SCAN_LIMIT {
            return;
        }
        let size = (room * 3 / 2 + 1).next_power_of_two();
        self.index.resize(size, EMPTY);
        for pos in 0..self.entries.len() {
            if let Some(hash) = self.entries[pos].as_ref().map(|e| e.hash) {
                self.index_position(hash, pos);
            }
        }
    }

    pub fn live(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }

    fn push(&mut self, hash: i64, key: ObjRef, value: Option<ObjRef>) {
        self.capacity.inserted(self.len, hash, &key);
        self.changed();
        self.keys_version = fresh_keys_version();
        let pos = self.entries.len();
        // Positions ever recorded in the index never exceed `entries.len()`: keep them under 2/3 of its slots.
        if pos >= SCAN_LIMIT && (pos + 1) * 3 > self.index.len() * 2 {
            self.rebuild_index(2 * (pos + 1));
        }
        self.entries.push(Some(Entry { hash, key, value }));
        if !self.index.is_empty() {
            self.index_position(hash, pos);
        }
        self.len += 1;
    }

    fn remove_at(&mut self, i: usize) -> Option<Entry> {
        // The index slot stays: a dummy that probing steps over.
        let e = self.entries[i].take()?;
        self.capacity.removed(e.hash, &e.key);
        self.changed();
        self.keys_version = fresh_keys_version();
        self.len -= 1;
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        Some(e)
    }

    fn compact(&mut self) {
        self.entries.retain(Option::is_some);
        self.rebuild_index(2 * self.entries.len());
    }
}

/// `a == b` for keys whose equality runs no user code (str with str, int with int, str with int, float with
/// float); `None` for every other pair.
fn plain_eq(a: &ObjRef, b: &ObjRef) -> Option<bool> {
    use crate::objects::{FloatObj, IntObj, StrObj};
    if let (Some(x), Some(y)) = (a.downcast::<FloatObj>(), b.downcast::<FloatObj>()) {
        return Some(x.0 == y.0);
    }
    match (a.downcast::<StrObj>(), b.downcast::<StrObj>()) {
        (Some(x), Some(y)) => return Some(x.s == y.s),
        (Some(_), None) => return b.downcast::<IntObj>().map(|_| false),
        (None, Some(_)) => return a.downcast::<IntObj>().map(|_| false),
        (None, None) => {}
    }
    match (a.downcast::<IntObj>()?, b.downcast::<IntObj>()?) {
        (IntObj::Small(x), IntObj::Small(y)) => Some(x == y),
        (IntObj::Big(x), IntObj::Big(y)) => Some(x == y),
        // Each value has one representation: a small and a big int always differ.
        _ => Some(false),
    }
}

/// Find the entry index of `key` in the table held by `cell`.
pub fn find(cell: &RefCell<Table>, key: &ObjRef, hash: i64) -> PyResult<Option<usize>> {
    if let Ok(found) = cell.borrow().find_plain(key, hash) {
        return Ok(found);
    }
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
    fn trace(&self, tracer: &mut refpy_heap::Tracer<'_>) {
        if let Ok(t) = self.0.try_borrow() {
            t.trace(tracer);
        }
    }
    fn clear(&self) {
        let t = self.0.borrow_mut().take_all();
        drop(t);
    }
}
vtable!(pub DICT_VT, DictObj, "dict", gc: true, track: false, rule: WhenAtomicInFullCollection, weak: false, finalize: None);
// The dict value of a dict subclass's instance: never tracked itself (the instance reports its entries,
// as a CPython dict subclass is one object), so storing a container in it does not track it.
vtable!(pub DICT_VALUE_VT, DictObj, "dict", gc: true, track: false, rule: WhenAtomicInFullCollection, weak: false, finalize: None, part_of_instance: true);
