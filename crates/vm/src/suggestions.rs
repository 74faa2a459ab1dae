//! ". Did you mean: 'x'?" after an uncaught NameError or AttributeError, as CPython 3.11's
//! `Python/suggestions.c` computes it when the exception is printed (`str(e)` never has it).

use refpy_heap::ObjRef;

use crate::exc::exc_state;
use crate::objects::{CodeObj, Instance};
use crate::ops;
use crate::rt::rt;
use crate::traceback::FrameObj;

/// More candidates than this and CPython offers nothing (the search would be too slow).
const MAX_CANDIDATE_ITEMS: usize = 750;
/// Longer names (after trimming common affixes) are never close.
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// The cost of replacing byte `a` by `b`: free if equal, cheap if they differ only in ASCII case.
fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's Levenshtein distance between two UTF-8 names, or `max_cost + 1` as soon as it must
/// exceed `max_cost`.
fn levenshtein_distance<'s>(mut a: &'s [u8], mut b: &'s [u8], max_cost: usize) -> usize {
    // Trim away common affixes.
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    // The shorter string is the row.
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    // Quick fail when a match is impossible.
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the matrix, updated in place: row[i] = cost(b[:j], a[:i+1]).
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &ca) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ca);
            distance = row[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            // Everything in this row is too expensive.
            return max_cost + 1;
        }
    }
    result
}

/// The closest candidate to `name`: no more than about a third of the characters may change, and the
/// first candidate with the lowest distance wins.
fn closest(candidates: &[String], name: &str) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&String, usize)> = None;
    for item in candidates {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let distance = levenshtein_distance(name.as_bytes(), item.as_bytes(), max_distance);
        if distance > max_distance {
            continue;
        }
        if best.is_none_or(|(_, d)| distance < d) {
            best = Some((item, distance));
        }
    }
    best.map(|(s, _)| s.clone())
}

/// An attribute the exception instance itself holds (not a class default).
fn own_attr(e: &ObjRef, name: &str) -> Option<ObjRef> {
    e.downcast::<Instance>()
        .and_then(|i| crate::attrs::instance_lookup(i, name))
}

fn dict_keys(d: &ObjRef) -> Vec<String> {
    ops::dict_items(d)
        .iter()
        .filter_map(|(k, _)| ops::str_of(k).map(str::to_string))
        .collect()
}

/// The suggestion for exception `e`, if it is exactly a NameError or AttributeError that knows the
/// missing name: for a NameError the innermost frame's local variables, then its globals, then the
/// builtins; for an AttributeError `dir()` of the object. Errors while looking are ignored.
pub fn offer(e: &ObjRef) -> Option<String> {
    let r = rt();
    let cls = ops::type_of(e);
    let name = own_attr(e, "name")?;
    if ops::type_of(&name).is(&r.types.str_) {
        let name = ops::str_of(&name)?.to_string();
        if cls.is(&r.types.attribute_error) {
            let obj = own_attr(e, "obj")?;
            let dir = crate::builtins::dir_names(&obj).ok()?;
            return closest(&dir, &name);
        }
        if cls.is(&r.types.name_error) {
            let tb = exc_state(e)?.traceback.borrow().clone();
            let frame = crate::traceback::innermost_frame(tb)?;
            let frame = frame.downcast::<FrameObj>()?;
            let varnames = &frame.code.downcast::<CodeObj>()?.0.varnames;
            return closest(varnames, &name)
                .or_else(|| closest(&dict_keys(&frame.globals), &name))
                .or_else(|| closest(&dict_keys(&r.builtins), &name));
        }
    }
    None
}
