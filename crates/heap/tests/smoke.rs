use std::cell::RefCell;

use refpy_heap::{gc, Gc, Trace};

#[derive(Trace)]
struct Node {
    name: String,
    next: RefCell<Option<Gc<Node>>>,
}

#[test]
fn two_node_cycle_is_collected() {
    gc::collect(2);
    let a = Gc::new(Node {
        name: "a".into(),
        next: RefCell::new(None),
    });
    let b = Gc::new(Node {
        name: "b".into(),
        next: RefCell::new(Some(a.clone())),
    });
    *a.next.borrow_mut() = Some(b.clone());
    assert_eq!(Gc::ref_count(&a), 2);
    assert_eq!(a.name, "a");
    let a_addr = Gc::addr(&a);
    drop(a);
    drop(b);
    assert_eq!(refpy_heap::read_word(a_addr), Ok(1));
    let result = gc::collect(2).unwrap();
    assert_eq!(result.total(), 2);
    assert_eq!(refpy_heap::read_word(a_addr), Ok(0));
}
