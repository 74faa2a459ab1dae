//! Advancing the built-in iterators. An exhausted iterator drops its sequence, like CPython's.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use refpy_heap::ObjRef;

use crate::exc::*;
use crate::objects::*;
use crate::ops;
use crate::rt;

fn finish(i: &IterObj) -> PyResult<Option<ObjRef>> {
    let old = std::mem::replace(&mut *i.0.borrow_mut(), IterState::Exhausted);
    drop(old);
    Ok(None)
}

fn seq_item(seq: &ObjRef, index: usize) -> PyResult<Option<ObjRef>> {
    // A subclass of list, tuple, str… is iterated over its value, whatever its __getitem__.
    let seq = crate::attrs::unwrap_base(seq);
    if let Some(l) = seq.downcast::<ListObj>() {
        return Ok(l.0.borrow().get(index).cloned());
    }
    if let Some(t) = seq.downcast::<TupleObj>() {
        return Ok(t.0.borrow().get(index).cloned());
    }
    if let Some(s) = seq.downcast::<StrObj>() {
        return Ok(s.s.chars().nth(index).map(rt::char_str));
    }
    if let Some(b) = ops::bytes_of(seq) {
        return Ok(b.get(index).map(|&x| rt::int(x as i64)));
    }
    match ops::getitem(seq, &rt::int(index as i64)) {
        Ok(v) => Ok(Some(v)),
        Err(e)
            if ops::isinstance(&e.0, &rt::rt().types.index_error)
                || ops::isinstance(&e.0, &rt::rt().types.stop_iteration) =>
        {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// CPython's result-tuple recycling in `enumerate`, `zip` and dict item iterators: when the iterator holds
/// the only reference to the tuple it made (the caller dropped the previous result, as `for a, b in …`
/// does by unpacking), the new items go into that same tuple, which the collector tracks again; otherwise
/// a new tuple is made. This is why, in such a loop, CPython counts one more reference to the current
/// items than a fresh tuple would leave.
/// `cached` is the caller's own reference, taken from the iterator: the tuple is free when those are its
/// only two.
fn recycle_tuple(cached: ObjRef, items: Vec<ObjRef>) -> ObjRef {
    if cached.refcnt() != 2 {
        return rt::tuple(items);
    }
    let old = {
        let t = cached.downcast::<TupleObj>().expect("a result tuple");
        std::mem::replace(&mut *t.0.borrow_mut(), items)
    };
    // The previous items are released once the tuple is consistent again (their finalizers may run).
    drop(old);
    cached.track();
    cached
}

/// The next item of a list iterator within the list or of a range iterator with values left, as
/// `next_builtin` makes it (`ForIter` inlines this for CPython 3.11's FOR_ITER_LIST/FOR_ITER_RANGE); `None`
/// for every other case, which `next_builtin` handles.
#[inline]
pub fn next_in_place(i: &IterObj) -> Option<ObjRef> {
    let mut st = i.0.try_borrow_mut().ok()?;
    match &mut *st {
        IterState::Seq { seq, index } => {
            let item = seq.downcast::<ListObj>()?.0.borrow().get(*index).cloned()?;
            *index += 1;
            Some(item)
        }
        IterState::SmallRange {
            next,
            step,
            remaining,
        } if *remaining != 0 => {
            let v = *next;
            *remaining -= 1;
            // Past the last value the sum may leave the i64 range; it is never read then.
            *next = next.wrapping_add(*step);
            Some(rt::int(v))
        }
        _ => None,
    }
}

pub fn next_builtin(_it: &ObjRef, i: &IterObj) -> PyResult<Option<ObjRef>> {
    enum Step {
        Seq(ObjRef, usize),
        Rev(ObjRef, isize),
        Dict(ObjRef, usize, u8, usize, Option<ObjRef>),
        Done,
        Value(ObjRef),
        Enumerate(ObjRef, ObjRef),
        Zip(Vec<ObjRef>, bool, ObjRef),
        Map(ObjRef, Vec<ObjRef>),
        Filter(ObjRef, ObjRef),
        Callable(ObjRef, ObjRef),
    }
    let step = {
        let mut st = i.0.borrow_mut();
        match &mut *st {
            // A list or tuple item in range: read in place (no user code runs, nothing to copy out first).
            IterState::Seq { seq, index }
                if seq.downcast::<ListObj>().is_some() || seq.downcast::<TupleObj>().is_some() =>
            {
                let item = match seq.downcast::<ListObj>() {
                    Some(l) => l.0.borrow().get(*index).cloned(),
                    None => seq
                        .downcast::<TupleObj>()
                        .and_then(|t| t.0.borrow().get(*index).cloned()),
                };
                if let Some(v) = item {
                    *index += 1;
                    return Ok(Some(v));
                }
                Step::Seq(seq.clone(), *index)
            }
            IterState::Seq { seq, index } => Step::Seq(seq.clone(), *index),
            IterState::Reversed { seq, index } => Step::Rev(seq.clone(), *index),
            IterState::DictKeys {
                dict,
                index,
                kind,
                len,
                result,
            } => Step::Dict(dict.clone(), *index, *kind, *len, result.clone()),
            IterState::SmallRange {
                next,
                step,
                remaining,
            } => {
                if *remaining == 0 {
                    Step::Done
                } else {
                    let v = *next;
                    *remaining -= 1;
                    // Past the last value the sum may leave the i64 range; it is never read then.
                    *next = next.wrapping_add(*step);
                    return Ok(Some(rt::int(v)));
                }
            }
            IterState::Range { next, stop, step } => {
                let more = if step.is_positive() {
                    *next < *stop
                } else {
                    *next > *stop
                };
                if more {
                    let v = next.clone();
                    *next += &*step;
                    Step::Value(rt::bigint(v))
                } else {
                    Step::Done
                }
            }
            IterState::Enumerate { it, result, .. } => Step::Enumerate(it.clone(), result.clone()),
            IterState::Zip {
                its,
                strict,
                result,
            } => Step::Zip(
                ops::tuple_items(its).unwrap_or_default(),
                *strict,
                result.clone(),
            ),
            IterState::Map { func, its } => Step::Map(func.clone(), its.clone()),
            IterState::Filter { func, it } => Step::Filter(func.clone(), it.clone()),
            IterState::Callable { func, sentinel } => {
                Step::Callable(func.clone(), sentinel.clone())
            }
            IterState::Set {
                set,
                keys,
                index,
                used,
            } => {
                let len_now = set.downcast::<SetObj>().map_or(0, |s| s.table.borrow().len);
                if len_now != *used {
                    // Sticky, as CPython's si_used = -1.
                    *used = usize::MAX;
                    return Err(runtime_error("Set changed size during iteration"));
                }
                match keys.get(*index) {
                    Some(k) => {
                        *index += 1;
                        return Ok(Some(k.clone()));
                    }
                    None => Step::Done,
                }
            }
            IterState::Exhausted => return Ok(None),
        }
    };
    match step {
        Step::Value(v) => Ok(Some(v)),
        Step::Done => finish(i),
        Step::Seq(seq, index) => match seq_item(&seq, index)? {
            Some(v) => {
                if let IterState::Seq { index, .. } = &mut *i.0.borrow_mut() {
                    *index += 1;
                }
                Ok(Some(v))
            }
            None => {
                drop(seq);
                finish(i)
            }
        },
        Step::Rev(seq, index) => {
            if index < 0 {
                drop(seq);
                return finish(i);
            }
            match seq_item(&seq, index as usize)? {
                Some(v) => {
                    if let IterState::Reversed { index, .. } = &mut *i.0.borrow_mut() {
                        *index -= 1;
                    }
                    Ok(Some(v))
                }
                None => {
                    drop(seq);
                    finish(i)
                }
            }
        }
        Step::Dict(d, index, kind, start_len, result) => {
            let (entry, new_index, len_now) = {
                let t = ops::dict_table(&d).borrow();
                let mut j = index;
                let mut found = None;
                while j < t.entries.len() {
                    if let Some(e) = &t.entries[j] {
                        found = Some(e.clone());
                        j += 1;
                        break;
                    }
                    j += 1;
                }
                (found, j, t.len)
            };
            if len_now != start_len {
                if let IterState::DictKeys { len, .. } = &mut *i.0.borrow_mut() {
                    *len = usize::MAX;
                }
                return Err(runtime_error("dictionary changed size during iteration"));
            }
            match entry {
                Some(e) => {
                    if let IterState::DictKeys { index, .. } = &mut *i.0.borrow_mut() {
                        *index = new_index;
                    }
                    Ok(Some(match (kind, result) {
                        (0, _) => e.key,
                        (1, _) => e.value.unwrap_or_else(rt::none),
                        (_, result) => {
                            let pair = vec![e.key, e.value.unwrap_or_else(rt::none)];
                            match result {
                                Some(r) => recycle_tuple(r, pair),
                                None => rt::tuple(pair),
                            }
                        }
                    }))
                }
                None => {
                    drop(d);
                    finish(i)
                }
            }
        }
        Step::Enumerate(it, result) => match ops::next(&it)? {
            Some(v) => {
                let n = {
                    let mut st = i.0.borrow_mut();
                    match &mut *st {
                        IterState::Enumerate { count, .. } => {
                            let n = count.clone();
                            *count += BigInt::from(1);
                            n
                        }
                        _ => BigInt::from(0),
                    }
                };
                Ok(Some(recycle_tuple(result, vec![rt::bigint(n), v])))
            }
            None => Ok(None),
        },
        Step::Zip(its, strict, result) => {
            if its.is_empty() {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(its.len());
            for (k, it) in its.iter().enumerate() {
                match ops::next(it)? {
                    Some(v) => out.push(v),
                    None => {
                        drop(out);
                        if strict {
                            if k > 0 {
                                return Err(value_error(format!(
                                    "zip() argument {} is shorter than argument{}{}",
                                    k + 1,
                                    if k > 1 { "s 1-" } else { " " },
                                    k
                                )));
                            }
                            for (j, other) in its.iter().enumerate().skip(1) {
                                if ops::next(other)?.is_some() {
                                    return Err(value_error(format!(
                                        "zip() argument {} is longer than argument{}{}",
                                        j + 1,
                                        if j > 1 { "s 1-" } else { " " },
                                        j
                                    )));
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            Ok(Some(recycle_tuple(result, out)))
        }
        Step::Map(func, its) => {
            let mut args = Vec::with_capacity(its.len());
            for it in &its {
                match ops::next(it)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            ops::call(&func, args, vec![]).map(Some)
        }
        Step::Filter(func, it) => loop {
            let Some(v) = ops::next(&it)? else {
                return Ok(None);
            };
            let keep = if ops::is_none(&func) {
                ops::truthy(&v)?
            } else {
                ops::truthy(&ops::call(&func, vec![v.clone()], vec![])?)?
            };
            if keep {
                return Ok(Some(v));
            }
        },
        Step::Callable(func, sentinel) => {
            let v = ops::call(&func, vec![], vec![])?;
            if ops::eq_bool(&v, &sentinel)? {
                return finish(i);
            }
            Ok(Some(v))
        }
    }
}

pub fn reversed(o: &ObjRef) -> PyResult<ObjRef> {
    if o.downcast::<ListObj>().is_some()
        || o.downcast::<TupleObj>().is_some()
        || o.downcast::<StrObj>().is_some()
    {
        let n = ops::len(o)? as isize;
        return Ok(rt::iter_obj(IterState::Reversed {
            seq: o.clone(),
            index: n - 1,
        }));
    }
    if let Some(r) = o.downcast::<RangeObj>() {
        let n = crate::arith::range_len(r);
        let last: BigInt = &r.start + (&n - 1) * &r.step;
        let small = (
            last.to_i64(),
            r.step.to_i64().and_then(i64::checked_neg),
            n.to_u64(),
            r.start.to_i64(),
        );
        // Every value lies between the last and the first: when both fit in an i64, all do.
        if let (Some(next), Some(step), Some(remaining), Some(_)) = small {
            return Ok(rt::iter_obj(IterState::SmallRange {
                next,
                step,
                remaining,
            }));
        }
        return Ok(rt::iter_obj(IterState::Range {
            next: last,
            stop: &r.start - &r.step,
            step: -&r.step,
        }));
    }
    if o.downcast::<DictObj>().is_some() || o.downcast::<DictViewObj>().is_some() {
        let keys = ops::iterate(o)?;
        let n = keys.len() as isize;
        return Ok(rt::iter_obj(IterState::Reversed {
            seq: rt::list(keys),
            index: n - 1,
        }));
    }
    if let Some(r) = ops::call_special(o, "__reversed__", vec![])? {
        return Ok(r);
    }
    // list and dict have their own __reversed__, which reads a subclass's value; tuple and str subclasses
    // go through the sequence protocol (their __len__ and __getitem__).
    if let Some(b) = crate::attrs::base_ref(o) {
        if b.downcast::<ListObj>().is_some() || b.downcast::<DictObj>().is_some() {
            return reversed(b);
        }
    }
    if o.downcast::<Instance>().is_some() {
        let n = ops::len(o)? as isize;
        return Ok(rt::iter_obj(IterState::Reversed {
            seq: o.clone(),
            index: n - 1,
        }));
    }
    Err(type_error(format!(
        "'{}' object is not reversible",
        ops::type_name(o)
    )))
}
