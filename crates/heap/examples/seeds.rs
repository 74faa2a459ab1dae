//! The seeds' experiments, re-enacted with refpy-heap's Rust API.
//!
//! `cargo run --release --example seeds -p refpy-heap`
//!
//! Variables become `Gc` handles, `sys.getrefcount`/`ctypes` become `Gc::ref_count` and `read_word` (which
//! reads the first word at an address, like `ctypes.c_long.from_address(id(x)).value`).

use std::cell::RefCell;

use refpy_heap::{gc, read_word, Gc, Trace};

/// A list object: its items are references to other heap objects.
#[derive(Trace)]
struct List(RefCell<Vec<Gc<Int>>>);

/// An int object (no references: the collector never tracks it).
#[derive(Trace)]
struct Int(i64);

/// Reads the count at an address the way the seeds' `ref_count(address)` does.
fn ref_count(address: usize) -> String {
    match read_word(address) {
        Ok(count) => count.to_string(),
        Err(e) => format!("({e})"),
    }
}

fn list_of(values: &[i64]) -> Gc<List> {
    Gc::new(List(RefCell::new(
        values.iter().map(|&v| Gc::new(Int(v))).collect(),
    )))
}

fn main() {
    // A running program always has other objects alive; they keep the pools of their size classes in use,
    // which is what makes a freed block come back for the next object of its size.
    let _program_state: Vec<Gc<List>> = (0..8).map(|i| list_of(&[i, i + 1, i + 2])).collect();

    println!("== Reference counting (seeds 1, 2, 4) ==");
    let mut a = Some(list_of(&[1, 2, 3]));
    let a_id = Gc::addr(a.as_ref().unwrap());
    println!(
        "a = [1, 2, 3]          id(a) = {a_id:#x}  ref_count = {}",
        ref_count(a_id)
    );
    #[allow(unused_assignments)]
    let mut b = a.clone();
    println!("b = a                  ref_count = {}", ref_count(a_id));
    #[allow(unused_assignments)]
    let mut c = a.clone();
    println!("c = a                  ref_count = {}", ref_count(a_id));
    c = None;
    println!("c = 10                 ref_count = {}", ref_count(a_id));
    b = None;
    println!("b = None               ref_count = {}", ref_count(a_id));
    a = None;
    println!(
        "a = None               ref_count = {}   (freed at once: the block reads 0)",
        ref_count(a_id)
    );
    let reuse = list_of(&[4, 5, 6]);
    println!(
        "new list               id = {:#x}  same address reused: {}  ref_count = {}",
        Gc::addr(&reuse),
        Gc::addr(&reuse) == a_id,
        ref_count(a_id)
    );
    drop((a, b, c, reuse));

    println!();
    println!("== Mutation does not change counts; a slice copies (seed 3) ==");
    let l1 = list_of(&[1, 2, 3]);
    let l2 = l1.clone();
    l1.0.borrow_mut()[0] = Gc::new(Int(44));
    println!(
        "l1[0] = 44             l2[0] = {}  count = {}",
        l2.0.borrow()[0].0,
        Gc::ref_count(&l1)
    );
    let h2 = Gc::new(List(RefCell::new(l1.0.borrow()[0..2].to_vec())));
    println!(
        "h2 = l1[0:2]           h2 is l1: {}  items shared: {}",
        Gc::ptr_eq(&h2, &l1),
        Gc::ptr_eq(&h2.0.borrow()[0], &l1.0.borrow()[0])
    );
    drop((l1, l2, h2));

    println!();
    println!("== Cycles need the collector (seeds 2, 5) ==");
    #[derive(Trace)]
    struct Obj {
        name: &'static str,
        other: RefCell<Option<Gc<Obj>>>,
    }
    gc::collect(2);
    gc::disable();
    let my_var = Gc::new(Obj {
        name: "A",
        other: RefCell::new(None),
    });
    let b_obj = Gc::new(Obj {
        name: "B",
        other: RefCell::new(Some(my_var.clone())),
    });
    *my_var.other.borrow_mut() = Some(b_obj.clone());
    let (a_id, b_id) = (Gc::addr(&my_var), Gc::addr(&b_obj));
    println!(
        "{} at {a_id:#x} <-> {} at {b_id:#x}",
        my_var.name, b_obj.name
    );
    drop(b_obj);
    println!(
        "reference count of A: {}   of B: {}",
        ref_count(a_id),
        ref_count(b_id)
    );
    let exists = |id: usize| gc::get_objects(None).iter().any(|o| o.addr() == id);
    println!(
        "tracked by the collector: A {}  B {}",
        exists(a_id),
        exists(b_id)
    );
    drop(my_var);
    println!(
        "my_var = None          A: {}  B: {}  (the cycle keeps both alive)",
        ref_count(a_id),
        ref_count(b_id)
    );
    println!(
        "gc.collect()           -> {}",
        gc::collect(2).unwrap().total()
    );
    println!(
        "tracked by the collector: A {}  B {}",
        exists(a_id),
        exists(b_id)
    );
    println!("reference count of A: {}   (freed)", ref_count(a_id));
    gc::enable();

    println!();
    println!("== A list that contains itself (seed 5) ==");
    #[derive(Trace)]
    struct PyList(RefCell<Vec<Gc<PyList>>>);
    let x = Gc::new(PyList(RefCell::new(Vec::new())));
    x.0.borrow_mut().push(x.clone());
    println!(
        "x.append(x)            count = {} (getrefcount would show {})",
        Gc::ref_count(&x),
        Gc::ref_count(&x) + 1
    );
    drop(x);
    println!(
        "del x; gc.collect()    -> {}",
        gc::collect(2).unwrap().total()
    );
}
