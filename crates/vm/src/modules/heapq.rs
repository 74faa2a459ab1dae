//! `heapq` and `bisect`: the algorithms of CPython's `_heapq` and `_bisect` (which its Python modules
//! re-export), native here too, so the same comparisons run in the same order and a list mutated by a
//! comparison is caught with CPython's error.

use refpy_heap::ObjRef;

use super::new_module;
use crate::bytecode::CmpOp;
use crate::exc::*;
use crate::objects::*;
use crate::ops::{self, type_name};
use crate::rt;

type Kw<'a> = &'a [(String, ObjRef)];

fn less(a: &ObjRef, b: &ObjRef) -> PyResult<bool> {
    let r = ops::compare(a, b, CmpOp::Lt)?;
    ops::truthy(&r)
}

/// The list a heap function works on (subclasses of list too): CPython refuses anything else.
fn heap_list<'a>(a: &'a [ObjRef], fname: &str, nargs: usize) -> PyResult<&'a ListObj> {
    if a.len() != nargs {
        return Err(type_error(format!(
            "{} expected {} argument{}, got {}",
            fname,
            nargs,
            if nargs == 1 { "" } else { "s" },
            a.len()
        )));
    }
    crate::attrs::unwrap_base(&a[0])
        .downcast::<ListObj>()
        .ok_or_else(|| {
            type_error(format!(
                "{}() argument 1 must be list, not {}",
                fname,
                type_name(&a[0])
            ))
        })
}

fn no_keywords(kw: Kw, fname: &str) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!(
            "{}() takes no keyword arguments",
            fname
        )))
    }
}

fn changed_size() -> PyErr {
    runtime_error("list changed size during iteration")
}

fn item(l: &ListObj, i: usize) -> PyResult<ObjRef> {
    l.0.borrow()
        .get(i)
        .cloned()
        .ok_or_else(|| index_error("list index out of range"))
}

/// Move the item at `pos` up towards `start` while it is less than its parent (`_siftdown`).
fn sift_down(l: &ListObj, start: usize, mut pos: usize, max_heap: bool) -> PyResult<()> {
    let size = l.0.borrow().len();
    let new_item = item(l, pos)?;
    while pos > start {
        let parent_pos = (pos - 1) >> 1;
        let parent = item(l, parent_pos)?;
        let lower = if max_heap {
            less(&parent, &new_item)?
        } else {
            less(&new_item, &parent)?
        };
        if l.0.borrow().len() != size {
            return Err(changed_size());
        }
        if !lower {
            break;
        }
        let mut v = l.0.borrow_mut();
        v.swap(pos, parent_pos);
        pos = parent_pos;
    }
    Ok(())
}

/// Bubble the smaller child up from `pos` to a leaf, then sift the displaced item back down (`_siftup`:
/// fewer comparisons than stopping early, the order CPython compares in).
fn sift_up(l: &ListObj, mut pos: usize, max_heap: bool) -> PyResult<()> {
    let end = l.0.borrow().len();
    let start = pos;
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let (left, right) = (item(l, child)?, item(l, child + 1)?);
            let left_first = if max_heap {
                less(&right, &left)?
            } else {
                less(&left, &right)?
            };
            if l.0.borrow().len() != end {
                return Err(changed_size());
            }
            if !left_first {
                child += 1;
            }
        }
        l.0.borrow_mut().swap(child, pos);
        pos = child;
    }
    sift_down(l, start, pos, max_heap)
}

fn push_item(l: &ListObj, v: ObjRef) {
    let n = l.0.borrow().len();
    l.0.borrow_mut().push(v);
    l.resized(n, n + 1);
}

fn heappush(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    no_keywords(kw, "heappush")?;
    let l = heap_list(a, "heappush", 2)?;
    push_item(l, a[1].clone());
    let last = l.0.borrow().len() - 1;
    sift_down(l, 0, last, false)?;
    Ok(rt::none())
}

fn pop_common(a: &[ObjRef], kw: Kw, fname: &str, max_heap: bool) -> PyResult<ObjRef> {
    no_keywords(kw, fname)?;
    let l = heap_list(a, fname, 1)?;
    let n = l.0.borrow().len();
    let Some(last) = l.0.borrow_mut().pop() else {
        return Err(index_error("index out of range"));
    };
    l.resized(n, n - 1);
    if n == 1 {
        return Ok(last);
    }
    let top = std::mem::replace(&mut l.0.borrow_mut()[0], last);
    sift_up(l, 0, max_heap)?;
    Ok(top)
}

fn heappop(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    pop_common(a, kw, "heappop", false)
}

fn heappop_max(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    pop_common(a, kw, "_heappop_max", true)
}

fn replace_common(a: &[ObjRef], kw: Kw, fname: &str, max_heap: bool) -> PyResult<ObjRef> {
    no_keywords(kw, fname)?;
    let l = heap_list(a, fname, 2)?;
    if l.0.borrow().is_empty() {
        return Err(index_error("index out of range"));
    }
    let top = std::mem::replace(&mut l.0.borrow_mut()[0], a[1].clone());
    sift_up(l, 0, max_heap)?;
    Ok(top)
}

fn heapreplace(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    replace_common(a, kw, "heapreplace", false)
}

fn heapreplace_max(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    replace_common(a, kw, "_heapreplace_max", true)
}

fn heappushpop(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    no_keywords(kw, "heappushpop")?;
    let l = heap_list(a, "heappushpop", 2)?;
    let Some(top) = l.0.borrow().first().cloned() else {
        return Ok(a[1].clone());
    };
    if !less(&top, &a[1])? {
        return Ok(a[1].clone());
    }
    if l.0.borrow().is_empty() {
        return Err(index_error("index out of range"));
    }
    let top = std::mem::replace(&mut l.0.borrow_mut()[0], a[1].clone());
    sift_up(l, 0, false)?;
    Ok(top)
}

fn heapify_common(a: &[ObjRef], kw: Kw, fname: &str, max_heap: bool) -> PyResult<ObjRef> {
    no_keywords(kw, fname)?;
    let l = heap_list(a, fname, 1)?;
    let n = l.0.borrow().len();
    for i in (0..n / 2).rev() {
        sift_up(l, i, max_heap)?;
    }
    Ok(rt::none())
}

fn heapify(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    heapify_common(a, kw, "heapify", false)
}

fn heapify_max(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    heapify_common(a, kw, "_heapify_max", true)
}

/// `nlargest`/`nsmallest`: documented as equal to `sorted(iterable, key=key, reverse=…)[:n]`, which is what
/// they compute here (CPython's heap-based versions return the same list with fewer comparisons).
fn n_best(a: &[ObjRef], kw: Kw, fname: &str, largest: bool) -> PyResult<ObjRef> {
    if a.len() != 2 {
        return Err(type_error(format!(
            "{}() missing required positional argument{}",
            fname,
            if a.is_empty() {
                "s: 'n' and 'iterable'"
            } else {
                ": 'iterable'"
            }
        )));
    }
    let mut key = None;
    for (k, v) in kw {
        if k != "key" {
            return Err(type_error(format!(
                "{}() got an unexpected keyword argument '{}'",
                fname, k
            )));
        }
        key = Some(v.clone()).filter(|v| !ops::is_none(v));
    }
    let n = ops::index_arg(&a[0])?.max(0) as usize;
    let mut items = crate::methods::sort_values(ops::iterate(&a[1])?, key.as_ref(), largest)?;
    items.truncate(n);
    Ok(rt::list(items))
}

fn nlargest(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    n_best(a, kw, "nlargest", true)
}

fn nsmallest(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    n_best(a, kw, "nsmallest", false)
}

pub fn make_heapq() -> ObjRef {
    new_module(
        "heapq",
        &[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heapreplace", heapreplace),
            ("heappushpop", heappushpop),
            ("heapify", heapify),
            ("nlargest", nlargest),
            ("nsmallest", nsmallest),
            ("_heappop_max", heappop_max),
            ("_heapreplace_max", heapreplace_max),
            ("_heapify_max", heapify_max),
        ],
    )
}

// ---- bisect ---------------------------------------------------------------------------------------

/// The arguments of every bisect function: `(a, x, lo=0, hi=len(a), *, key=None)`.
struct Search {
    seq: ObjRef,
    x: ObjRef,
    lo: usize,
    hi: Option<usize>,
    key: Option<ObjRef>,
}

fn search_args(a: &[ObjRef], kw: Kw, fname: &str) -> PyResult<Search> {
    const NAMES: [&str; 4] = ["a", "x", "lo", "hi"];
    if a.len() > 4 {
        return Err(type_error(format!(
            "{}() takes at most 4 positional arguments ({} given)",
            fname,
            a.len()
        )));
    }
    let mut slots: [Option<ObjRef>; 4] = Default::default();
    for (slot, v) in slots.iter_mut().zip(a) {
        *slot = Some(v.clone());
    }
    let mut key = None;
    for (k, v) in kw {
        if k == "key" {
            key = Some(v.clone()).filter(|v| !ops::is_none(v));
            continue;
        }
        let Some(i) = NAMES.iter().position(|n| n == k) else {
            return Err(type_error(format!(
                "'{}' is an invalid keyword argument for {}()",
                k, fname
            )));
        };
        if slots[i].is_some() {
            return Err(type_error(format!(
                "argument for {}() given by name ('{}') and position ({})",
                fname,
                k,
                i + 1
            )));
        }
        slots[i] = Some(v.clone());
    }
    let [seq, x, lo, hi] = slots;
    let missing = |name: &str, pos: usize| {
        type_error(format!(
            "{}() missing required argument '{}' (pos {})",
            fname, name, pos
        ))
    };
    let seq = seq.ok_or_else(|| missing("a", 1))?;
    let x = x.ok_or_else(|| missing("x", 2))?;
    let lo = match lo {
        Some(v) => ops::index_arg(&v)?,
        None => 0,
    };
    if lo < 0 {
        return Err(value_error("lo must be non-negative"));
    }
    let hi = match hi.filter(|v| !ops::is_none(v)) {
        Some(v) => Some(ops::index_arg(&v)?.max(0) as usize),
        None => None,
    };
    Ok(Search {
        seq,
        x,
        lo: lo as usize,
        hi,
        key,
    })
}

/// The insertion point for `x` in the sorted `seq[lo:hi]`: after equal items (`right`) or before them.
fn bisect_in(s: &Search, x: &ObjRef, right: bool) -> PyResult<usize> {
    let (mut lo, mut hi) = (s.lo, s.hi.map_or_else(|| ops::len(&s.seq), Ok)?);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let mut item = ops::getitem(&s.seq, &rt::int(mid as i64))?;
        if let Some(k) = &s.key {
            item = ops::call(k, vec![item], vec![])?;
        }
        let go_left = if right {
            less(x, &item)?
        } else {
            !less(&item, x)?
        };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect_right(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let s = search_args(a, kw, "bisect_right")?;
    Ok(rt::int(bisect_in(&s, &s.x, true)? as i64))
}

fn bisect_left(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    let s = search_args(a, kw, "bisect_left")?;
    Ok(rt::int(bisect_in(&s, &s.x, false)? as i64))
}

/// `insort_*`: the key applies to `x` once for the search; the item inserted is `x` itself, through
/// `list.insert` for lists and the sequence's own `insert` method otherwise.
fn insort(a: &[ObjRef], kw: Kw, fname: &str, right: bool) -> PyResult<ObjRef> {
    let s = search_args(a, kw, fname)?;
    let probe = match &s.key {
        Some(k) => ops::call(k, vec![s.x.clone()], vec![])?,
        None => s.x.clone(),
    };
    let at = bisect_in(&s, &probe, right)?;
    match s.seq.downcast::<ListObj>() {
        Some(l) => {
            let n = l.0.borrow().len();
            l.0.borrow_mut().insert(at.min(n), s.x.clone());
            l.resized(n, n + 1);
        }
        None => {
            let insert = ops::getattr(&s.seq, "insert")?;
            ops::call(&insert, vec![rt::int(at as i64), s.x.clone()], vec![])?;
        }
    }
    Ok(rt::none())
}

fn insort_right(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    insort(a, kw, "insort_right", true)
}

fn insort_left(a: &[ObjRef], kw: Kw) -> PyResult<ObjRef> {
    insort(a, kw, "insort_left", false)
}

pub fn make_bisect() -> ObjRef {
    new_module(
        "bisect",
        &[
            ("bisect_right", bisect_right),
            ("bisect_left", bisect_left),
            ("bisect", bisect_right),
            ("insort_right", insort_right),
            ("insort_left", insort_left),
            ("insort", insort_right),
        ],
    )
}
