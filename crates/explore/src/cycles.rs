//! Reference cycles in a snapshot: strongly connected components of the object graph with more than one
//! object, or one object that refers to itself. These are what reference counting alone never frees.

use std::collections::{BTreeMap, HashMap};

use crate::model::ObjView;

/// Cycle number (1, 2, …) of each object that is part of a cycle.
pub fn cycles(objects: &BTreeMap<usize, ObjView>) -> HashMap<usize, usize> {
    let mut t = Tarjan {
        objects,
        index: HashMap::new(),
        low: HashMap::new(),
        on_stack: HashMap::new(),
        stack: Vec::new(),
        next: 0,
        out: HashMap::new(),
        cycles: 0,
    };
    for &a in objects.keys() {
        if !t.index.contains_key(&a) {
            t.run(a);
        }
    }
    t.out
}

struct Tarjan<'a> {
    objects: &'a BTreeMap<usize, ObjView>,
    index: HashMap<usize, usize>,
    low: HashMap<usize, usize>,
    on_stack: HashMap<usize, bool>,
    stack: Vec<usize>,
    next: usize,
    out: HashMap<usize, usize>,
    cycles: usize,
}

impl Tarjan<'_> {
    fn successors(&self, a: usize) -> Vec<usize> {
        self.objects.get(&a).map_or(vec![], |o| {
            o.edges
                .iter()
                .map(|e| e.to)
                .filter(|t| self.objects.contains_key(t))
                .collect()
        })
    }

    /// Iterative Tarjan (a long linked list must not overflow the stack).
    fn run(&mut self, root: usize) {
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        self.visit(root);
        while let Some(&mut (v, ref mut i)) = work.last_mut() {
            let succ = self.successors(v);
            if *i < succ.len() {
                let w = succ[*i];
                *i += 1;
                if !self.index.contains_key(&w) {
                    self.visit(w);
                    work.push((w, 0));
                } else if self.on_stack.get(&w) == Some(&true) {
                    let lw = self.index[&w];
                    let lv = self.low.get_mut(&v).unwrap();
                    *lv = (*lv).min(lw);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                let lv = self.low[&v];
                let lp = self.low.get_mut(&parent).unwrap();
                *lp = (*lp).min(lv);
            }
            if self.low[&v] == self.index[&v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack.insert(w, false);
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                let self_loop = succ.contains(&v);
                if component.len() > 1 || self_loop {
                    self.cycles += 1;
                    for w in component {
                        self.out.insert(w, self.cycles);
                    }
                }
            }
        }
    }

    fn visit(&mut self, v: usize) {
        self.index.insert(v, self.next);
        self.low.insert(v, self.next);
        self.next += 1;
        self.stack.push(v);
        self.on_stack.insert(v, true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, GcMark};

    fn obj(addr: usize, to: &[usize]) -> ObjView {
        ObjView {
            addr,
            type_name: "list".into(),
            repr: String::new(),
            count: 1,
            gc: GcMark::Tracked,
            edges: to
                .iter()
                .map(|&t| Edge {
                    label: "[0]".into(),
                    to: t,
                })
                .collect(),
            edges_omitted: 0,
            shared: false,
            unreachable: false,
        }
    }

    #[test]
    fn finds_pairs_self_loops_and_ignores_chains() {
        let objects: BTreeMap<usize, ObjView> = [
            obj(1, &[2]),
            obj(2, &[1]),
            obj(3, &[3]),
            obj(4, &[5]),
            obj(5, &[]),
        ]
        .into_iter()
        .map(|o| (o.addr, o))
        .collect();
        let c = cycles(&objects);
        assert_eq!(c.get(&1), c.get(&2));
        assert!(c.contains_key(&1) && c.contains_key(&3));
        assert_ne!(c[&1], c[&3]);
        assert!(!c.contains_key(&4) && !c.contains_key(&5));
    }

    #[test]
    fn a_long_chain_does_not_overflow() {
        let objects: BTreeMap<usize, ObjView> = (1..200_000)
            .map(|a| obj(a, &[a + 1]))
            .map(|o| (o.addr, o))
            .collect();
        assert!(cycles(&objects).is_empty());
    }
}
