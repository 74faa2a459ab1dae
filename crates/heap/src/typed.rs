//! The typed face of the API for Rust users: [`Gc<T>`] (a counted pointer like `Rc<T>` whose cycles are
//! collected) and [`Weak<T>`].

use std::any::TypeId;
use std::fmt;
use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::ops::Deref;

use crate::header::{RawObj, UntrackRule, VTable, FLAG_PAYLOAD_DROPPED};
use crate::heap;
use crate::object::ObjRef;
use crate::trace::{Finalize, Trace, Tracer};
use crate::weakref::{self, WeakKind};

/// The traverse hook of `T`'s vtables. Skips the `TypeId` check of `downcast`: it sits on the collector's
/// hottest path.
///
/// # Safety
/// `obj` is live and was allocated with one of `TypedVTables::<T>`'s vtables (its payload is a `T`), which is
/// how the collector reaches it: through `obj.vtable().traverse`.
unsafe fn traverse_as<T: Trace + 'static>(obj: RawObj, tracer: &mut Tracer<'_>) {
    if obj.header().has_flag(FLAG_PAYLOAD_DROPPED) {
        return;
    }
    // SAFETY: by the contract the payload is a `T`, and it has not been dropped (checked above).
    let value = unsafe { &*(obj.payload_ptr().as_ptr() as *const T) };
    value.trace(tracer);
}

fn finalize_as<T: Trace + Finalize + 'static>(obj: RawObj) {
    if let Some(value) = obj.downcast::<T>() {
        value.finalize();
    }
}

/// # Safety
/// `obj` is a live object whose payload is a `T` not dropped yet, and is dropped only here, once.
unsafe fn drop_as<T>(obj: RawObj) {
    // SAFETY: forwarded contract.
    unsafe { heap::drop_payload_as::<T>(obj) }
}

/// Type descriptors for typed objects, one pair per `T`.
struct TypedVTables<T>(PhantomData<T>);

impl<T: Trace + 'static> TypedVTables<T> {
    const PLAIN: VTable = VTable {
        name: "object",
        type_id: TypeId::of::<T>(),
        payload_size: std::mem::size_of::<T>(),
        payload_align: std::mem::align_of::<T>(),
        gc_capable: T::MAY_CONTAIN_REFS,
        gc_counted: true,
        track_at_alloc: T::MAY_CONTAIN_REFS,
        untrack_rule: UntrackRule::Never,
        weakrefable: true,
        traverse: traverse_as::<T>,
        clear: None,
        finalize: None,
        legacy_finalizer: false,
        drop_payload: drop_as::<T>,
        free_list: None,
    };
}

impl<T: Trace + Finalize + 'static> TypedVTables<T> {
    const FINALIZED: VTable = VTable {
        gc_capable: true,
        track_at_alloc: true,
        finalize: Some(finalize_as::<T>),
        ..TypedVTables::<T>::PLAIN
    };
}

/// A counted, cycle-collected pointer to a `T` in the heap (only made by [`Gc::new`], so `T: Trace` always
/// holds; the struct itself has no bounds so that recursive types can name it freely). `clone` adds a reference and `drop` releases one,
/// as with `Rc`; when the count reaches zero the value is dropped at once. Values that form cycles are freed
/// by [`crate::gc::collect`] (or automatically, as allocations accumulate).
pub struct Gc<T> {
    obj: RawObj,
    _marker: PhantomData<T>,
}

impl<T: Trace + 'static> Gc<T> {
    /// Move `value` into the heap.
    pub fn new(value: T) -> Gc<T> {
        // SAFETY: `PLAIN` describes `T` and its hooks follow `Trace`'s rules, which `T: Trace` promises.
        let obj = unsafe { heap::allocate(const { &TypedVTables::<T>::PLAIN }, value) };
        Gc {
            obj: obj.into_raw(),
            _marker: PhantomData,
        }
    }

    /// Move `value` into the heap with its [`Finalize::finalize`] run once before it is freed.
    pub fn new_with_finalizer(value: T) -> Gc<T>
    where
        T: Finalize,
    {
        // SAFETY: as in `new`; `FINALIZED` differs only by the finalizer hook.
        let obj = unsafe { heap::allocate(const { &TypedVTables::<T>::FINALIZED }, value) };
        Gc {
            obj: obj.into_raw(),
            _marker: PhantomData,
        }
    }

    /// The object's address: its identity.
    pub fn addr(this: &Gc<T>) -> usize {
        this.obj.addr()
    }

    /// The exact reference count.
    pub fn ref_count(this: &Gc<T>) -> isize {
        this.obj.refcnt()
    }

    pub fn ptr_eq(a: &Gc<T>, b: &Gc<T>) -> bool {
        a.obj == b.obj
    }

    /// A weak reference (no callback).
    pub fn downgrade(this: &Gc<T>) -> Weak<T> {
        Weak::new(this, None)
    }

    /// The type-erased strong reference.
    pub fn into_obj(this: Gc<T>) -> ObjRef {
        let this = ManuallyDrop::new(this);
        // SAFETY: the reference owned by `this` is transferred.
        unsafe { ObjRef::from_raw(this.obj) }
    }

    /// The typed pointer, if `obj` holds a `T`.
    pub fn from_obj(obj: ObjRef) -> Result<Gc<T>, ObjRef> {
        if obj.raw().is::<T>() {
            Ok(Gc {
                obj: obj.into_raw(),
                _marker: PhantomData,
            })
        } else {
            Err(obj)
        }
    }

    pub fn as_raw(this: &Gc<T>) -> RawObj {
        this.obj
    }

    /// Whether the collector tracks the object.
    pub fn is_tracked(this: &Gc<T>) -> bool {
        crate::collector::is_tracked(this.obj)
    }

    pub fn is_finalized(this: &Gc<T>) -> bool {
        crate::collector::is_finalized(this.obj)
    }
}

impl<T> Deref for Gc<T> {
    type Target = T;

    #[inline]
    fn deref(&self) -> &T {
        debug_assert!(
            !self.obj.header().has_flag(FLAG_PAYLOAD_DROPPED),
            "Gc dereferenced after its cycle was collected"
        );
        // SAFETY: the payload is a live `T` (the object was allocated with `T`'s vtable and this handle keeps
        // it alive). It is dropped early only when the collector clears garbage, and by `Trace` rule 4 no
        // code reads through a `Gc` into garbage (finalizers run before, weakrefs are cleared before).
        unsafe { &*(self.obj.payload_ptr().as_ptr() as *const T) }
    }
}

impl<T> Clone for Gc<T> {
    #[inline]
    fn clone(&self) -> Gc<T> {
        // SAFETY: this handle keeps the object alive.
        unsafe { heap::incref(self.obj) };
        Gc {
            obj: self.obj,
            _marker: PhantomData,
        }
    }
}

impl<T> Drop for Gc<T> {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: this handle owns one reference, released exactly once; a `Gc<T>`'s payload is a `T` (made
        // by `new` with `T`'s vtable, or checked by `from_obj`).
        unsafe { heap::decref_as::<T>(self.obj) }
    }
}

impl<T: fmt::Debug> fmt::Debug for Gc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

// SAFETY: a `Gc` owns one reference and reports it once (rule 1); dropping it only decrements a count (4).
unsafe impl<T> Trace for Gc<T> {
    #[inline]
    fn trace(&self, tracer: &mut Tracer<'_>) {
        tracer.visit(self.obj)
    }
}

/// A weak pointer to a `T`: does not keep it alive; [`Weak::upgrade`] gives a `Gc` while it lives.
pub struct Weak<T> {
    weakref: ObjRef,
    _marker: PhantomData<T>,
}

impl<T: Trace + 'static> Weak<T> {
    fn new(target: &Gc<T>, callback: Option<ObjRef>) -> Weak<T> {
        // SAFETY: `target` keeps the object alive; the temporary handle gives its reference back on drop.
        let target_obj = unsafe { ObjRef::from_borrowed(target.obj) };
        let weakref = weakref::new_weakref(&target_obj, callback, WeakKind::Ref)
            .expect("typed objects are weakrefable");
        Weak {
            weakref,
            _marker: PhantomData,
        }
    }

    /// A weak reference whose `callback` runs when the target dies (refcount or collection), unless this
    /// `Weak` itself died first.
    pub fn with_callback(target: &Gc<T>, callback: impl Fn() + 'static) -> Weak<T> {
        Weak::new(target, Some(weakref::rust_callback(move |_| callback())))
    }

    /// The target, if it is still alive.
    pub fn upgrade(&self) -> Option<Gc<T>> {
        weakref::upgrade(&self.weakref).map(|obj| Gc {
            obj: obj.into_raw(),
            _marker: PhantomData,
        })
    }

    /// The weak-reference object itself.
    pub fn as_obj(&self) -> &ObjRef {
        &self.weakref
    }
}

impl<T> Clone for Weak<T> {
    fn clone(&self) -> Weak<T> {
        Weak {
            weakref: self.weakref.clone(),
            _marker: PhantomData,
        }
    }
}

// SAFETY: a `Weak` owns one strong reference to its weakref object (not to the target), reported once.
unsafe impl<T> Trace for Weak<T> {
    fn trace(&self, tracer: &mut Tracer<'_>) {
        tracer.visit(self.weakref.raw())
    }
}
