//! The heap picture as SVG, drawn from [`crate::layout`]: frame boxes with their variables, object boxes
//! (type, address, short repr, count, collector state), arrows for references. Cycles are red, objects no
//! variable reaches are dashed, and for the stepping page new, changed and just-freed objects get their
//! own classes. Element ids (`var-0-a`, `obj-0x…`) are stable so tests and the page can find them.

use std::collections::HashSet;
use std::fmt::Write;

use crate::cycles::cycles;
use crate::layout::{frame_notes, layout, node_lines, Rect, CHAR_W, ROW_H};
use crate::model::{ObjView, Snapshot};

/// Extra marks for one step of the page.
#[derive(Clone, Debug, Default)]
pub struct Decor {
    /// Objects freed during the step, drawn as fading ghosts.
    pub freed: Vec<ObjView>,
    /// Objects allocated during the step.
    pub new: HashSet<usize>,
    /// Objects whose count changed during the step.
    pub changed: HashSet<usize>,
}

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const STYLE: &str = "\
text{font:12px monospace;fill:#222}\
.frame rect{fill:#eef3fb;stroke:#5b7bb4}\
.frame .title{font-weight:bold}\
.obj rect{fill:#fffbe8;stroke:#b08a2e}\
.obj .count{fill:#555}\
.obj.unreachable rect{stroke-dasharray:5 3;fill:#f6f6f6}\
.obj.cycle rect{stroke:#c62828;stroke-width:2}\
.obj.new rect{fill:#e6f7e6}\
.obj.changed .count{fill:#c62828;font-weight:bold}\
.obj.freed{opacity:.35}\
.obj.freed rect{stroke-dasharray:2 2;fill:#fdecea}\
.ref{fill:none;stroke:#444;stroke-width:1.3}\
.ref.cycle{stroke:#c62828}\
.label{font-size:10px;fill:#666}\
.frame .note{fill:#666}";

/// A curve from `(x1, y1)` to `(x2, y2)` that leaves to the right and arrives from the left.
fn curve(x1: f64, y1: f64, x2: f64, y2: f64) -> String {
    let dx = ((x2 - x1) / 2.0).max(30.0);
    format!(
        "M{x1:.1},{y1:.1} C{:.1},{y1:.1} {:.1},{y2:.1} {x2:.1},{y2:.1}",
        x1 + dx,
        x2 - dx
    )
}

/// An arrow between two boxes: forwards from right side to left side; backwards (to an earlier layer, or
/// to itself) as an arch from top to top, inside the margin the layout keeps above the boxes.
/// Returns the path and where its label goes.
fn arrow(from: &Rect, to: &Rect) -> (String, f64, f64) {
    let (x1, y1) = (from.x + from.w, from.y + from.h / 2.0);
    let (x2, y2) = (to.x, to.y + to.h / 2.0);
    if x2 > x1 + 10.0 {
        return (
            curve(x1, y1, x2, y2),
            (x1 + x2) / 2.0,
            (y1 + y2) / 2.0 - 4.0,
        );
    }
    if from == to {
        // A self-reference loops out of the right side and back in.
        let (x, top, bottom) = (
            from.x + from.w,
            from.y + from.h * 0.3,
            from.y + from.h * 0.7,
        );
        return (
            format!(
                "M{x:.1},{top:.1} C{:.1},{:.1} {:.1},{:.1} {x:.1},{bottom:.1}",
                x + 45.0,
                top - 12.0,
                x + 45.0,
                bottom + 12.0
            ),
            x + 40.0,
            from.y + from.h / 2.0 + 4.0,
        );
    }
    let (sx, sy) = (from.x + from.w * 0.6, from.y);
    let (tx, ty) = (to.x + to.w * 0.4, to.y);
    let rise = 22.0 + (sx - tx).abs().min(400.0) / 25.0;
    let top = (sy.min(ty) - rise).max(2.0);
    (
        format!("M{sx:.1},{sy:.1} C{sx:.1},{top:.1} {tx:.1},{top:.1} {tx:.1},{ty:.1}"),
        (sx + tx) / 2.0,
        top + rise * 0.25,
    )
}

fn rect(out: &mut String, r: &Rect) {
    let _ = write!(
        out,
        r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="4"/>"#,
        r.x, r.y, r.w, r.h
    );
}

pub fn render(snap: &Snapshot, decor: &Decor) -> String {
    // Ghosts of freed objects take part in the layout so they fade where they stood.
    let mut drawn = snap.clone();
    for g in &decor.freed {
        drawn.objects.entry(g.addr).or_insert_with(|| g.clone());
    }
    let freed: HashSet<usize> = decor.freed.iter().map(|o| o.addr).collect();
    let l = layout(&drawn);
    let cyc = cycles(&drawn.objects);
    let mut out = String::new();
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="heap" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}"><style>{STYLE}</style><defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker></defs>"##,
        w = l.width.max(200.0),
        h = l.height.max(80.0)
    );
    // Arrows first, so boxes sit on top of them.
    for (fi, (f, fb)) in drawn.frames.iter().zip(&l.frames).enumerate() {
        for (v, y) in f.vars.iter().zip(&fb.var_y) {
            let Some(n) = l.nodes.get(&v.addr) else {
                continue;
            };
            let x1 = fb.rect.x + fb.rect.w - 6.0;
            let (x2, y2) = (n.rect.x, n.rect.y + n.rect.h / 2.0);
            let _ = write!(
                out,
                r#"<path class="ref var-ref" id="ref-{fi}-{name}" data-to="{to:#x}" d="{d}" marker-end="url(#arrow)"/>"#,
                name = escape(&v.name),
                to = v.addr,
                d = curve(x1, *y, x2, y2)
            );
        }
    }
    for o in drawn.objects.values() {
        let Some(from) = l.nodes.get(&o.addr) else {
            continue;
        };
        for (k, e) in o.edges.iter().enumerate() {
            let Some(to) = l.nodes.get(&e.to) else {
                continue;
            };
            let (d, lx, ly) = arrow(&from.rect, &to.rect);
            let in_cycle = cyc.contains_key(&o.addr) && cyc.get(&o.addr) == cyc.get(&e.to);
            let class = if in_cycle { "ref cycle" } else { "ref" };
            let _ = write!(
                out,
                r#"<path class="{class}" id="edge-{a:#x}-{k}" data-to="{t:#x}" d="{d}" marker-end="url(#arrow)"/>"#,
                a = o.addr,
                t = e.to,
            );
            let _ = write!(
                out,
                r#"<text class="label" x="{lx:.1}" y="{ly:.1}" text-anchor="middle">{}</text>"#,
                escape(&e.label)
            );
        }
    }
    for (fi, (f, fb)) in drawn.frames.iter().zip(&l.frames).enumerate() {
        let _ = write!(out, r#"<g class="frame" id="frame-{fi}">"#);
        rect(&mut out, &fb.rect);
        let _ = write!(
            out,
            r#"<text class="title" x="{:.1}" y="{:.1}">{}</text>"#,
            fb.rect.x + 8.0,
            fb.rect.y + ROW_H - 4.0,
            escape(&f.func)
        );
        for (v, y) in f.vars.iter().zip(&fb.var_y) {
            let _ = write!(
                out,
                r#"<text class="var" id="var-{fi}-{n}" x="{:.1}" y="{:.1}">{n}</text>"#,
                fb.rect.x + 12.0,
                y + 4.0,
                n = escape(&v.name)
            );
        }
        for (i, note) in frame_notes(f).iter().enumerate() {
            let y = fb.rect.y + ROW_H * (f.vars.len() + i + 2) as f64;
            let _ = write!(
                out,
                r#"<text class="note" x="{:.1}" y="{y:.1}">{}</text>"#,
                fb.rect.x + 12.0,
                escape(note)
            );
        }
        out.push_str("</g>");
    }
    for o in drawn.objects.values() {
        let Some(n) = l.nodes.get(&o.addr) else {
            continue;
        };
        let mut class = String::from("obj");
        for (on, c) in [
            (o.unreachable, " unreachable"),
            (cyc.contains_key(&o.addr), " cycle"),
            (freed.contains(&o.addr), " freed"),
            (decor.new.contains(&o.addr), " new"),
            (decor.changed.contains(&o.addr), " changed"),
        ] {
            if on {
                class.push_str(c);
            }
        }
        let _ = write!(
            out,
            r#"<g class="{class}" id="obj-{a:#x}" data-count="{c}" data-type="{t}">"#,
            a = o.addr,
            c = if freed.contains(&o.addr) { 0 } else { o.count },
            t = escape(&o.type_name)
        );
        rect(&mut out, &n.rect);
        let [head, repr, state] = node_lines(o);
        let state = if freed.contains(&o.addr) {
            "freed".to_string()
        } else {
            state
        };
        for (i, (text, class)) in [(head, "head"), (repr, "repr"), (state, "count")]
            .iter()
            .enumerate()
        {
            let _ = write!(
                out,
                r#"<text class="{class}" x="{:.1}" y="{:.1}">{}</text>"#,
                n.rect.x + CHAR_W,
                n.rect.y + ROW_H * (i + 1) as f64 - 2.0,
                escape(text)
            );
        }
        out.push_str("</g>");
    }
    let mut notes = Vec::new();
    if snap.omitted > 0 {
        notes.push(format!(
            "… more objects are reachable but not drawn: the picture is capped at {} objects",
            snap.objects.len()
        ));
    }
    if snap.partial {
        notes.push(crate::ascii::PARTIAL.to_string());
    }
    for (i, note) in notes.iter().enumerate() {
        let _ = write!(
            out,
            r#"<text class="omitted" x="20" y="{:.1}">{}</text>"#,
            l.height - 6.0 - 16.0 * (notes.len() - 1 - i) as f64,
            escape(note)
        );
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, FrameView, GcMark, VarView};

    fn obj(addr: usize, to: usize) -> ObjView {
        ObjView {
            addr,
            type_name: "A".into(),
            repr: "A(b=<B>)".into(),
            count: 1,
            gc: GcMark::Tracked,
            edges: vec![Edge {
                label: ".b".into(),
                to,
            }],
            edges_omitted: 0,
            shared: false,
            unreachable: false,
        }
    }

    #[test]
    fn a_cycle_named_by_a_variable() {
        let snap = Snapshot {
            frames: vec![FrameView {
                id: 1,
                func: "<module>".into(),
                line: 3,
                vars: vec![VarView {
                    name: "a".into(),
                    addr: 0x10,
                    is_param: false,
                }],
                defs: vec![],
                inline: vec![("b".into(), "None".into())],
            }],
            objects: [obj(0x10, 0x20), obj(0x20, 0x10)]
                .into_iter()
                .map(|o| (o.addr, o))
                .collect(),
            omitted: 0,
            partial: false,
        };
        let decor = Decor {
            changed: [0x20].into_iter().collect(),
            ..Decor::default()
        };
        let svg = render(&snap, &decor);
        assert!(svg.contains(r#"id="ref-0-a" data-to="0x10""#));
        assert_eq!(svg.matches(r#"class="ref cycle""#).count(), 2);
        assert!(svg.contains(r#"class="obj cycle changed" id="obj-0x20" data-count="1""#));
        assert!(svg.contains("b = None") && svg.contains("&lt;module&gt;"));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }
}
