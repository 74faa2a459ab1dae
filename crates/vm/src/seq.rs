//! Subscription: indexing and slicing of sequences (slices are copies), mapping lookup.

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use refpy_heap::ObjRef;

use crate::exc::*;
use crate::objects::*;
use crate::ops::{self, is_none, type_name};
use crate::rt::{self, rt};

/// Resolve slice bounds for a sequence of `len` items: the indices it selects.
pub fn slice_indices(s: &SliceObj, len: usize) -> PyResult<Vec<usize>> {
    let (start, stop, step) = adjust_slice(s, len)?;
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    Ok(out)
}

/// PySlice_AdjustIndices: the clamped (start, stop, step) of a slice over `len` items.
pub fn adjust_slice(s: &SliceObj, len: usize) -> PyResult<(i64, i64, i64)> {
    let len = len.min(i64::MAX as usize / 2) as i64;
    let step = if is_none(&s.2) {
        1
    } else {
        ops::as_index(&s.2)?
            .ok_or_else(|| {
                type_error("slice indices must be integers or None or have an __index__ method")
            })?
            .to_i64()
            .unwrap_or(i64::MAX / 2)
    };
    if step == 0 {
        return Err(value_error("slice step cannot be zero"));
    }
    let get = |o: &ObjRef, default: i64| -> PyResult<i64> {
        if is_none(o) {
            return Ok(default);
        }
        let v = ops::as_index(o)?.ok_or_else(|| {
            type_error("slice indices must be integers or None or have an __index__ method")
        })?;
        let v = v.to_i64().unwrap_or(if v > BigInt::zero() {
            i64::MAX / 2
        } else {
            i64::MIN / 2
        });
        let v = if v < 0 { v + len } else { v };
        Ok(if step > 0 {
            v.clamp(0, len)
        } else {
            v.clamp(-1, len - 1)
        })
    };
    let (start, stop) = if step > 0 {
        (get(&s.0, 0)?, get(&s.1, len)?)
    } else {
        (get(&s.0, len - 1)?, get(&s.1, -1)?)
    };
    Ok((start, stop, step))
}

fn norm_index(k: &ObjRef, len: usize, what: &str) -> PyResult<usize> {
    let i = match ops::as_i64(k) {
        Some(i) => i,
        None => match ops::as_index(k)? {
            Some(i) => i.to_i64().unwrap_or(i64::MAX),
            // CPython 3.11 words str's message differently from the other sequences'.
            None if what == "string" => {
                return Err(type_error(format!(
                    "string indices must be integers, not '{}'",
                    type_name(k)
                )))
            }
            None => {
                return Err(type_error(format!(
                    "{} indices must be integers or slices, not {}",
                    what,
                    type_name(k)
                )))
            }
        },
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(out_of_range(what));
    }
    Ok(j as usize)
}

fn out_of_range(what: &str) -> PyErr {
    index_error(format!("{} index out of range", what))
}

/// The items a slice selects, from bounds clamped by `adjust_slice` (a shorter `items` only shortens the result).
fn slice_items<T: Clone>(items: &[T], (start, stop, step): (i64, i64, i64)) -> Vec<T> {
    if step == 1 {
        let end = (stop.max(start) as usize).min(items.len());
        let start = (start as usize).min(end);
        return items[start..end].to_vec();
    }
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        if let Some(x) = items.get(i as usize) {
            out.push(x.clone());
        }
        i += step;
    }
    out
}

pub fn getitem(o: &ObjRef, k: &ObjRef) -> PyResult<ObjRef> {
    if let Some(l) = o.downcast::<ListObj>() {
        let len = l.0.borrow().len();
        if let Some(s) = k.downcast::<SliceObj>() {
            let bounds = adjust_slice(s, len)?;
            // Copied out before the new list exists: allocating it may run a collection and finalizers.
            let items = slice_items(&l.0.borrow(), bounds);
            return Ok(rt::list(items));
        }
        let i = norm_index(k, len, "list")?;
        // An `__index__` may have shrunk the list meanwhile.
        return l
            .0
            .borrow()
            .get(i)
            .cloned()
            .ok_or_else(|| out_of_range("list"));
    }
    if let Some(t) = o.downcast::<TupleObj>() {
        let len = t.0.borrow().len();
        if let Some(s) = k.downcast::<SliceObj>() {
            let bounds = adjust_slice(s, len)?;
            if len > 0 && bounds == (0, len as i64, 1) {
                return Ok(o.clone());
            }
            let items = slice_items(&t.0.borrow(), bounds);
            return Ok(rt::tuple(items));
        }
        let i = norm_index(k, len, "tuple")?;
        return t
            .0
            .borrow()
            .get(i)
            .cloned()
            .ok_or_else(|| out_of_range("tuple"));
    }
    if let Some(s) = o.downcast::<StrObj>() {
        let chars: Vec<char> = s.s.chars().collect();
        if let Some(sl) = k.downcast::<SliceObj>() {
            let idx = slice_indices(sl, chars.len())?;
            if idx.len() == chars.len()
                && idx.first() == Some(&0)
                && idx.windows(2).all(|w| w[1] == w[0] + 1)
            {
                return Ok(o.clone());
            }
            return Ok(rt::string(idx.into_iter().map(|i| chars[i]).collect()));
        }
        let i = norm_index(k, chars.len(), "string")?;
        return Ok(rt::char_str(chars[i]));
    }
    if let Some(b) = ops::bytes_of(o) {
        let is_array = o.downcast::<ByteArrayObj>().is_some();
        if let Some(sl) = k.downcast::<SliceObj>() {
            let idx = slice_indices(sl, b.len())?;
            let v: Vec<u8> = idx.into_iter().map(|i| b[i]).collect();
            return Ok(if is_array {
                rt::bytearray(v)
            } else {
                rt::bytes(v)
            });
        }
        let i = norm_index(k, b.len(), if is_array { "bytearray" } else { "index" })?;
        return Ok(rt::int(b[i] as i64));
    }
    if let Some(d) = o.downcast::<DictObj>() {
        if let Some(v) = dict::get(&d.0, k)? {
            return Ok(v);
        }
        if type_of_is_subclass(o) {
            if let Some(r) = ops::call_special(o, "__missing__", vec![k.clone()])? {
                return Ok(r);
            }
        }
        return Err(key_error(k.clone()));
    }
    if let Some(r) = o.downcast::<RangeObj>() {
        let len = crate::arith::range_len(r).to_usize().unwrap_or(usize::MAX);
        if let Some(sl) = k.downcast::<SliceObj>() {
            // A slice of a range is a range (CPython's compute_slice).
            let (lo, hi, st) = adjust_slice(sl, len)?;
            let start = &r.start + &r.step * BigInt::from(lo);
            let stop = &r.start + &r.step * BigInt::from(hi);
            let step = &r.step * BigInt::from(st);
            return Ok(crate::object::alloc(
                &RANGE_VT,
                RangeObj { start, stop, step },
            ));
        }
        let n = crate::arith::range_len(r);
        let i = ops::as_bigint(k).ok_or_else(|| {
            type_error(format!(
                "range indices must be integers or slices, not {}",
                type_name(k)
            ))
        })?;
        let i = if i < BigInt::zero() { i + &n } else { i };
        if i < BigInt::zero() || i >= n {
            return Err(index_error("range object index out of range"));
        }
        let _ = len;
        return Ok(rt::bigint(&r.start + &r.step * i));
    }
    if ops::has_python_class(o) {
        if let Some(r) = ops::call_special(o, "__getitem__", vec![k.clone()])? {
            return Ok(r);
        }
        if let Some(b) = crate::attrs::base_ref(o) {
            return value_getitem(o, b, k);
        }
    }
    if o.downcast::<TypeObj>().is_some() {
        if let Some(r) = ops::lookup_type(o, "__class_getitem__") {
            return ops::call(&r, vec![o.clone(), k.clone()], vec![]);
        }
        // `type[int]`: PyObject_GetItem's own case for `type`.
        if o.is(&crate::rt::rt().types.type_) {
            return Ok(crate::genericalias::new(o.clone(), k.clone()));
        }
        // A generic built-in type (list, dict, …), or a subclass of one.
        if let Ok(r) = crate::attrs::getattr(o, "__class_getitem__") {
            return ops::call(&r, vec![k.clone()], vec![]);
        }
        return Err(type_error(format!(
            "type '{}' is not subscriptable",
            ops::type_obj(o).name.borrow()
        )));
    }
    Err(type_error(format!(
        "'{}' object is not subscriptable",
        type_name(o)
    )))
}

/// The built-in `__getitem__` of `b`, the value of subclass instance `o`: a dict subclass's missing key goes
/// to its `__missing__` (CPython's dict_subscript).
pub fn value_getitem(o: &ObjRef, b: &ObjRef, k: &ObjRef) -> PyResult<ObjRef> {
    if let Some(d) = b.downcast::<DictObj>() {
        if let Some(v) = dict::get(&d.0, k)? {
            return Ok(v);
        }
        if let Some(r) = ops::call_special(o, "__missing__", vec![k.clone()])? {
            return Ok(r);
        }
        return Err(key_error(k.clone()));
    }
    getitem(b, k)
}

fn type_of_is_subclass(_o: &ObjRef) -> bool {
    false
}

pub fn setitem(o: &ObjRef, k: &ObjRef, v: ObjRef) -> PyResult<()> {
    if let Some(l) = o.downcast::<ListObj>() {
        if let Some(s) = k.downcast::<SliceObj>() {
            let new = ops::iterate(&v)?;
            let len = l.0.borrow().len();
            let idx = slice_indices(s, len)?;
            let step_one = is_none(&s.2) || ops::as_i64(&s.2) == Some(1);
            if step_one {
                let start = match idx.first() {
                    Some(&i) => i,
                    None => {
                        let st = if is_none(&s.0) {
                            0
                        } else {
                            ops::as_i64(&s.0).unwrap_or(0)
                        };
                        let st = if st < 0 {
                            (st + len as i64).max(0)
                        } else {
                            st.min(len as i64)
                        };
                        st as usize
                    }
                };
                let inserted = new.len();
                let removed: Vec<ObjRef> = {
                    let mut items = l.0.borrow_mut();
                    items.splice(start..start + idx.len(), new).collect()
                };
                l.slice_assigned(len, removed.len(), inserted);
                drop(removed);
                return Ok(());
            }
            if idx.len() != new.len() {
                return Err(value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    new.len(),
                    idx.len()
                )));
            }
            let mut old = Vec::new();
            {
                let mut items = l.0.borrow_mut();
                for (i, x) in idx.into_iter().zip(new) {
                    old.push(std::mem::replace(&mut items[i], x));
                }
            }
            drop(old);
            return Ok(());
        }
        let len = l.0.borrow().len();
        let i = norm_index(k, len, "list assignment")?;
        let old = match l.0.borrow_mut().get_mut(i) {
            Some(slot) => std::mem::replace(slot, v),
            None => return Err(out_of_range("list assignment")),
        };
        drop(old);
        return Ok(());
    }
    if o.downcast::<DictObj>().is_some() {
        return ops::dict_set(o, k.clone(), v);
    }
    if let Some(b) = o.downcast::<ByteArrayObj>() {
        let len = b.0.borrow().len();
        let i = norm_index(k, len, "bytearray")?;
        let x = ops::index_arg(&v)?;
        if !(0..256).contains(&x) {
            return Err(value_error("byte must be in range(0, 256)"));
        }
        b.0.borrow_mut()[i] = x as u8;
        return Ok(());
    }
    if ops::has_python_class(o) {
        if let Some(b) = crate::attrs::base_value(o) {
            if ops::lookup_type(&ops::type_of(o), "__setitem__").is_none() {
                return setitem(&b, k, v);
            }
        }
        if ops::call_special(o, "__setitem__", vec![k.clone(), v])?.is_some() {
            return Ok(());
        }
    }
    Err(type_error(format!(
        "'{}' object does not support item assignment",
        type_name(o)
    )))
}

pub fn delitem(o: &ObjRef, k: &ObjRef) -> PyResult<()> {
    if let Some(l) = o.downcast::<ListObj>() {
        if let Some(s) = k.downcast::<SliceObj>() {
            let len = l.0.borrow().len();
            let idx = slice_indices(s, len)?;
            let step_one = is_none(&s.2) || ops::as_i64(&s.2) == Some(1);
            let mut removed = Vec::new();
            {
                let mut items = l.0.borrow_mut();
                let mut sorted = idx;
                sorted.sort_unstable();
                for i in sorted.into_iter().rev() {
                    removed.push(items.remove(i));
                }
            }
            // A step of 1 goes through list_ass_slice; other steps shrink the size and then list_resize.
            if step_one {
                l.slice_assigned(len, removed.len(), 0);
            } else if !removed.is_empty() {
                let new = len - removed.len();
                l.resized(new, new);
            }
            drop(removed);
            return Ok(());
        }
        let len = l.0.borrow().len();
        let i = norm_index(k, len, "list assignment")?;
        let old = {
            let mut items = l.0.borrow_mut();
            if i >= items.len() {
                return Err(out_of_range("list assignment"));
            }
            let old = items.remove(i);
            l.resized(items.len() + 1, items.len());
            old
        };
        drop(old);
        return Ok(());
    }
    if let Some(d) = o.downcast::<DictObj>() {
        return match dict::remove(&d.0, k)? {
            Some(e) => {
                drop(e);
                Ok(())
            }
            None => Err(key_error(k.clone())),
        };
    }
    if ops::has_python_class(o) {
        if ops::call_special(o, "__delitem__", vec![k.clone()])?.is_some() {
            return Ok(());
        }
        if let Some(b) = crate::attrs::base_value(o) {
            return delitem(&b, k);
        }
    }
    let _ = rt();
    Err(type_error(format!(
        "'{}' object doesn't support item deletion",
        type_name(o)
    )))
}
