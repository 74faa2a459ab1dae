//! CPython's set iteration order: sets are open-addressing tables iterated slot by slot, so `{3, 1, 2}`
//! prints `{1, 2, 3}`. Our sets are insertion-ordered; this replays the insertions into a simulated
//! CPython table (linear probes of 9, perturbation shift 5, growth at 3/5 fill) to recover its order.

use crate::objects::dict::Entry;
use refpy_heap::ObjRef;

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

fn insert_clean(table: &mut [Option<usize>], mask: usize, hash: i64, idx: usize) {
    let mut perturb = hash as u64 as usize;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        if table[i].is_none() {
            table[i] = Some(idx);
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in 1..=LINEAR_PROBES {
                if table[i + j].is_none() {
                    table[i + j] = Some(idx);
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
    }
}

/// The entries' keys in the order CPython would iterate a set built by adding them in this order.
pub fn order(entries: Vec<Entry>) -> Vec<ObjRef> {
    let mut mask = 7usize;
    let mut table: Vec<Option<usize>> = vec![None; 8];
    let mut used = 0usize;
    for (idx, e) in entries.iter().enumerate() {
        insert_clean(&mut table, mask, e.hash, idx);
        used += 1;
        if used * 5 >= mask * 3 {
            let minused = if used > 50000 { used * 2 } else { used * 4 };
            let mut newsize = 8usize;
            while newsize <= minused {
                newsize <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; newsize]);
            mask = newsize - 1;
            for slot in old.into_iter().flatten() {
                insert_clean(&mut table, mask, entries[slot].hash, slot);
            }
        }
    }
    table
        .into_iter()
        .flatten()
        .map(|i| entries[i].key.clone())
        .collect()
}
