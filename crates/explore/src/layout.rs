//! A layered layout of a snapshot for the SVG views: frames in a column on the left, then one column of
//! objects per layer ([`crate::layers`]). Sizes come from the text they hold (monospace estimate), so
//! the layout needs no font metrics and is the same on every machine.

use std::collections::BTreeMap;

use crate::layers::layers;
use crate::model::{FrameView, ObjView, Snapshot};

/// Width of one character of the 12px monospace font, rounded up.
pub const CHAR_W: f64 = 7.5;
pub const ROW_H: f64 = 18.0;
const PAD: f64 = 8.0;
const GAP_X: f64 = 70.0;
const GAP_Y: f64 = 16.0;
const MARGIN: f64 = 20.0;
/// Room above the boxes for arrows that go back to an earlier layer.
const TOP: f64 = 40.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct FrameBox {
    pub rect: Rect,
    /// Vertical centre of each variable's row, in `FrameView::vars` order.
    pub var_y: Vec<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NodeBox {
    pub rect: Rect,
    pub layer: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub frames: Vec<FrameBox>,
    pub nodes: BTreeMap<usize, NodeBox>,
    pub width: f64,
    pub height: f64,
}

fn text_w(s: &str) -> f64 {
    s.chars().count() as f64 * CHAR_W
}

/// Rows of a frame box after its variables: names bound to singletons, and the definitions.
pub fn frame_notes(f: &FrameView) -> Vec<String> {
    let mut notes: Vec<String> = f.inline.iter().map(|(n, v)| format!("{n} = {v}")).collect();
    if !f.defs.is_empty() {
        let defs = f.defs.join(", ");
        let defs = if defs.chars().count() > 28 {
            format!("{}…", defs.chars().take(27).collect::<String>())
        } else {
            defs
        };
        notes.push(format!("def: {defs}"));
    }
    notes
}

/// `count 2`, or why no count is shown.
pub fn count_text(o: &ObjView) -> String {
    if o.shared {
        "cached, shared".to_string()
    } else {
        format!("count {}", o.count)
    }
}

/// The three text rows of an object's box.
pub fn node_lines(o: &ObjView) -> [String; 3] {
    let mut state = vec![count_text(o)];
    if !o.gc.label().is_empty() {
        state.push(o.gc.label().to_string());
    }
    [
        format!("{} {:#x}", o.type_name, o.addr),
        o.repr.clone(),
        state.join(" · "),
    ]
}

pub fn layout(snap: &Snapshot) -> Layout {
    let mut frames = Vec::new();
    let mut y = TOP;
    let frame_w = snap
        .frames
        .iter()
        .flat_map(|f| {
            std::iter::once(text_w(&f.func) + 2.0 * PAD)
                .chain(f.vars.iter().map(|v| text_w(&v.name) + 3.0 * PAD))
                .chain(frame_notes(f).into_iter().map(|n| text_w(&n) + 3.0 * PAD))
        })
        .fold(120.0, f64::max);
    for f in &snap.frames {
        let rows = f.vars.len() + frame_notes(f).len();
        let h = ROW_H * (1 + rows.max(1)) as f64 + PAD;
        let var_y = (0..f.vars.len())
            .map(|i| y + ROW_H * (i + 1) as f64 + ROW_H / 2.0 + PAD / 2.0)
            .collect();
        frames.push(FrameBox {
            rect: Rect {
                x: MARGIN,
                y,
                w: frame_w,
                h,
            },
            var_y,
        });
        y += h + GAP_Y;
    }
    let mut height = y;
    let mut nodes = BTreeMap::new();
    let mut x = MARGIN + frame_w + GAP_X;
    for (layer, addrs) in layers(snap).iter().enumerate() {
        let mut col_w: f64 = 0.0;
        let mut y = TOP;
        for a in addrs {
            let Some(o) = snap.objects.get(a) else {
                continue;
            };
            let w = node_lines(o).iter().map(|l| text_w(l)).fold(0.0, f64::max) + 2.0 * PAD;
            let h = 3.0 * ROW_H + PAD;
            nodes.insert(
                *a,
                NodeBox {
                    rect: Rect { x, y, w, h },
                    layer,
                },
            );
            col_w = col_w.max(w);
            y += h + GAP_Y;
        }
        height = height.max(y);
        x += col_w + GAP_X;
    }
    Layout {
        frames,
        nodes,
        // Room on the right for a self-reference's loop.
        width: x - GAP_X + MARGIN + 40.0,
        height: height + MARGIN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, GcMark, VarView};

    fn obj(addr: usize, to: &[usize]) -> ObjView {
        ObjView {
            addr,
            type_name: "list".into(),
            repr: "[1, 2, 3]".into(),
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

    fn snapshot(objs: Vec<ObjView>, vars: &[(&str, usize)]) -> Snapshot {
        Snapshot {
            frames: vec![FrameView {
                id: 1,
                func: "<module>".into(),
                line: 1,
                vars: vars
                    .iter()
                    .map(|(n, a)| VarView {
                        name: n.to_string(),
                        addr: *a,
                        is_param: false,
                    })
                    .collect(),
                defs: vec![],
                inline: vec![],
            }],
            objects: objs.into_iter().map(|o| (o.addr, o)).collect(),
            omitted: 0,
            partial: false,
        }
    }

    #[test]
    fn every_object_is_placed_once_without_overlap() {
        let snap = snapshot(
            vec![
                obj(16, &[32, 48]),
                obj(32, &[64]),
                obj(48, &[]),
                obj(64, &[16]),
                obj(80, &[96]),
                obj(96, &[80]),
            ],
            &[("a", 16), ("b", 48)],
        );
        let l = layout(&snap);
        assert_eq!(l.nodes.len(), 6);
        let rects: Vec<&Rect> = l
            .frames
            .iter()
            .map(|f| &f.rect)
            .chain(l.nodes.values().map(|n| &n.rect))
            .collect();
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
            assert!(a.x + a.w <= l.width && a.y + a.h <= l.height);
        }
    }

    #[test]
    fn tree_edges_point_right_one_layer() {
        let snap = snapshot(
            vec![obj(16, &[32]), obj(32, &[48]), obj(48, &[])],
            &[("a", 16)],
        );
        let l = layout(&snap);
        assert_eq!([16, 32, 48].map(|a| l.nodes[&a].layer), [0, 1, 2]);
        assert!(l.nodes[&16].rect.x < l.nodes[&32].rect.x);
        assert!(l.frames[0].rect.x + l.frames[0].rect.w < l.nodes[&16].rect.x);
    }

    #[test]
    fn unreachable_cycle_gets_its_own_place() {
        let snap = snapshot(vec![obj(16, &[32]), obj(32, &[16])], &[]);
        let l = layout(&snap);
        assert_eq!(l.nodes.len(), 2);
        assert_ne!(l.nodes[&16].rect, l.nodes[&32].rect);
    }

    #[test]
    fn same_input_same_layout() {
        let snap = snapshot(vec![obj(16, &[32]), obj(32, &[])], &[("x", 16)]);
        assert_eq!(layout(&snap), layout(&snap));
    }
}
