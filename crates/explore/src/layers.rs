//! Objects in layers by distance from the variables: layer 0 holds what variables point to, layer 1 what
//! those objects point to, and so on. Objects no variable reaches get layers of their own to the right
//! (an orphaned cycle stands apart, at the top), started from the ones nothing else points to. Within a layer, objects keep the order of their
//! first referrer, which keeps arrows from crossing in simple pictures.

use std::collections::{HashMap, HashSet};

use crate::model::Snapshot;

pub fn layers(snap: &Snapshot) -> Vec<Vec<usize>> {
    let mut layer_of: HashMap<usize, usize> = HashMap::new();
    let mut layers: Vec<Vec<usize>> = Vec::new();
    let roots: Vec<usize> = snap
        .frames
        .iter()
        .flat_map(|f| f.vars.iter().map(|v| v.addr))
        .filter(|a| snap.objects.contains_key(a))
        .collect();
    spread(snap, roots, 0, &mut layer_of, &mut layers);
    // The rest: start from objects without a referrer in the picture (then any left, e.g. pure cycles).
    let referenced: HashSet<usize> = snap
        .objects
        .values()
        .flat_map(|o| o.edges.iter().map(|e| e.to))
        .collect();
    let orphans: Vec<usize> = snap
        .objects
        .keys()
        .copied()
        .filter(|a| !layer_of.contains_key(a) && !referenced.contains(a))
        .collect();
    let apart = layers.len();
    spread(snap, orphans, apart, &mut layer_of, &mut layers);
    let rest: Vec<usize> = snap
        .objects
        .keys()
        .copied()
        .filter(|a| !layer_of.contains_key(a))
        .collect();
    for a in rest {
        if !layer_of.contains_key(&a) {
            spread(snap, vec![a], apart, &mut layer_of, &mut layers);
        }
    }
    layers
}

/// Breadth-first from `start` at layer `first`, appending to the layers.
fn spread(
    snap: &Snapshot,
    start: Vec<usize>,
    first: usize,
    layer_of: &mut HashMap<usize, usize>,
    layers: &mut Vec<Vec<usize>>,
) {
    let mut frontier: Vec<usize> = Vec::new();
    for a in start {
        if !layer_of.contains_key(&a) {
            layer_of.insert(a, first);
            frontier.push(a);
        }
    }
    let mut depth = first;
    while !frontier.is_empty() {
        if layers.len() <= depth {
            layers.push(Vec::new());
        }
        layers[depth].extend(frontier.iter().copied());
        let mut next = Vec::new();
        for a in &frontier {
            if let Some(o) = snap.objects.get(a) {
                for e in &o.edges {
                    if snap.objects.contains_key(&e.to) && !layer_of.contains_key(&e.to) {
                        layer_of.insert(e.to, depth + 1);
                        next.push(e.to);
                    }
                }
            }
        }
        frontier = next;
        depth += 1;
    }
}
