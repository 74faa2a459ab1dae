//! [`ObjRef`]: an owned, type-erased strong reference — the interpreter's `PyObject *` with its count.

use std::fmt;
use std::mem::ManuallyDrop;

use crate::header::RawObj;
use crate::heap;

/// The extra references of a static object ([`ObjRef::make_static`]): CPython 3.11's initial count for its
/// statically allocated objects.
pub const STATIC_REFCNT: isize = 999_999_999;

/// A strong reference to a heap object of any type. Clone adds a reference, drop releases it.
#[repr(transparent)]
pub struct ObjRef(RawObj);

impl ObjRef {
    /// Take ownership of one reference to `obj` (the count is not changed).
    ///
    /// # Safety
    /// `obj` is live and the caller transfers one reference it owns.
    #[inline]
    pub unsafe fn from_raw(obj: RawObj) -> ObjRef {
        ObjRef(obj)
    }

    /// A new reference to `obj` (the count goes up by one).
    ///
    /// # Safety
    /// `obj` is live.
    #[inline]
    pub unsafe fn from_borrowed(obj: RawObj) -> ObjRef {
        // SAFETY: caller's contract.
        unsafe { heap::incref(obj) };
        ObjRef(obj)
    }

    /// Give up ownership without changing the count.
    #[inline]
    pub fn into_raw(self) -> RawObj {
        ManuallyDrop::new(self).0
    }

    /// The object, without touching the count.
    #[inline]
    pub fn raw(&self) -> RawObj {
        self.0
    }

    /// The object's address: its identity.
    #[inline]
    pub fn addr(&self) -> usize {
        self.0.addr()
    }

    /// The exact reference count (this handle included).
    #[inline]
    pub fn refcnt(&self) -> isize {
        self.0.refcnt()
    }

    #[inline]
    pub fn is(&self, other: &ObjRef) -> bool {
        self.0 == other.0
    }

    #[inline]
    pub fn type_name(&self) -> &'static str {
        self.0.vtable().name
    }

    /// Make this a static object, like CPython 3.11's statically allocated singletons (small ints, the
    /// empty tuple, one-character strings …, initialised by `_PyObject_IMMORTAL_INIT`): it gets
    /// [`STATIC_REFCNT`] references that are never released, so it lives as long as the thread's heap and
    /// its count reads as CPython's (about a billion). Idempotent.
    pub fn make_static(&self) {
        let count = &self.0.header().refcnt;
        let extra = STATIC_REFCNT as u32;
        if count.get() < extra {
            count.set(count.get() + extra);
        }
    }

    /// The payload as `&T` when the object is a `T`.
    #[inline]
    pub fn downcast<T: 'static>(&self) -> Option<&T> {
        self.0.downcast::<T>()
    }

    /// Whether the cycle collector tracks this object now.
    pub fn is_tracked(&self) -> bool {
        crate::collector::is_tracked(self.0)
    }

    /// Whether the object's PEP 442 finalizer has run.
    pub fn is_finalized(&self) -> bool {
        crate::collector::is_finalized(self.0)
    }

    /// Start tracking (for types created untracked, like dicts that received a container). No-op for
    /// objects that are tracked already or not gc-capable.
    pub fn track(&self) {
        crate::collector::track(self.0)
    }

    /// Stop tracking (an object that can no longer take part in a cycle).
    pub fn untrack(&self) {
        crate::collector::untrack(self.0)
    }

    /// The references this object owns, as its type's traverse reports them (`gc.get_referents`).
    pub fn referents(&self) -> Vec<ObjRef> {
        crate::collector::referents_of(self.0)
    }
}

impl Clone for ObjRef {
    #[inline]
    fn clone(&self) -> ObjRef {
        // SAFETY: `self` keeps the object alive.
        unsafe { heap::incref(self.0) };
        ObjRef(self.0)
    }
}

impl Drop for ObjRef {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: this handle owns one reference, given up exactly once here.
        unsafe { heap::decref(self.0) }
    }
}

impl PartialEq for ObjRef {
    fn eq(&self, other: &ObjRef) -> bool {
        self.0 == other.0
    }
}

impl Eq for ObjRef {}

impl std::hash::Hash for ObjRef {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state)
    }
}

impl fmt::Debug for ObjRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "<{} object at {:#x}, refcnt {}>",
            self.type_name(),
            self.addr(),
            self.refcnt()
        )
    }
}

// SAFETY: an `ObjRef` owns exactly one reference, reported once (rule 1); reporting is side-effect free (2, 3);
// dropping it only decrements a count (4).
unsafe impl crate::Trace for ObjRef {
    #[inline]
    fn trace(&self, tracer: &mut crate::Tracer<'_>) {
        tracer.visit(self.0)
    }
}
