//! `refpy explore`: one self-contained HTML page that steps through a recorded run — the code on the left
//! with the line that just ran, the heap on the right (an SVG per step, drawn in Rust by [`crate::svg`]),
//! the step's events and the program's output below. No network, no libraries: the data is embedded as
//! JSON and a few lines of plain JS swap the pictures. `#step=N` in the address opens step N.

use std::collections::{HashMap, HashSet};

use serde_json::json;

use crate::model::{MemEvent, Recording, Snapshot, Step, StepKind};
use crate::svg::{self, Decor};

/// Pictures stop after this many bytes (before deduplication), so a long run still opens quickly.
const MAX_SVG_BYTES: usize = 12 << 20;

/// The marks of one step's picture: what it allocated, freed and recounted.
fn decor(prev: &Snapshot, step: &Step) -> Decor {
    let mut d = Decor::default();
    for e in &step.events {
        match e {
            MemEvent::Alloc { addr, .. } => {
                d.new.insert(*addr);
            }
            MemEvent::Free { addr, .. } => {
                if let Some(o) = prev.objects.get(addr) {
                    if !step.after.objects.contains_key(addr) {
                        d.freed.push(o.clone());
                    }
                }
            }
            _ => {}
        }
    }
    d.new.retain(|a| step.after.objects.contains_key(a));
    d.changed = step
        .after
        .objects
        .values()
        .filter(|o| {
            prev.objects
                .get(&o.addr)
                .is_some_and(|p| p.count != o.count)
        })
        .map(|o| o.addr)
        .collect::<HashSet<usize>>();
    d
}

fn kind_name(k: &StepKind) -> &'static str {
    match k {
        StepKind::Line => "line",
        StepKind::Return => "return",
        StepKind::Yield => "yield",
        StepKind::Exit => "exit",
    }
}

/// The page's data: steps (the start, then every recorded step) and their pictures, deduplicated.
fn data(rec: &Recording) -> serde_json::Value {
    let texts = crate::trace::step_texts(rec);
    let mut svgs: Vec<String> = Vec::new();
    let mut svg_index: HashMap<String, usize> = HashMap::new();
    let mut intern = |s: String| -> usize {
        let n = svg_index.len();
        *svg_index.entry(s.clone()).or_insert_with(|| {
            svgs.push(s);
            n
        })
    };
    let mut steps = vec![json!({
        "kind": "start", "line": 0, "hl": 0, "func": "<module>", "depth": 0,
        "svg": intern(svg::render(&rec.initial, &Decor::default())),
        "events": [], "output": "", "gc": false,
    })];
    let mut prev = &rec.initial;
    let mut svg_bytes = 0;
    let mut dropped = 0;
    let mut dropped_output = String::new();
    // The line of the running statement at each depth: after a return, the caller's line is highlighted.
    let mut line_at_depth: Vec<usize> = Vec::new();
    for (step, events) in rec.steps.iter().zip(texts) {
        if svg_bytes > MAX_SVG_BYTES {
            dropped += 1;
            dropped_output.push_str(&step.output);
            continue;
        }
        let highlight = match step.kind {
            StepKind::Line => {
                line_at_depth.truncate(step.depth);
                line_at_depth.push(step.line);
                step.line
            }
            StepKind::Return | StepKind::Yield => {
                line_at_depth.truncate(step.depth);
                line_at_depth.last().copied().unwrap_or(0)
            }
            StepKind::Exit => 0,
        };
        let gc = step
            .events
            .iter()
            .any(|e| matches!(e, MemEvent::CollectStop { .. }));
        let picture = svg::render(&step.after, &decor(prev, step));
        svg_bytes += picture.len();
        let svg_id = intern(picture);
        steps.push(json!({
            "kind": kind_name(&step.kind),
            "line": step.line,
            "hl": highlight,
            "func": step.func,
            "depth": step.depth,
            "folded": step.folded,
            "svg": svg_id,
            "events": events,
            "output": step.output,
            "gc": gc,
        }));
        prev = &step.after;
    }
    json!({
        "file": rec.filename,
        "source": rec.source.lines().collect::<Vec<_>>(),
        "steps": steps,
        "svgs": svgs,
        "omitted": rec.steps_omitted + dropped,
        "tail_output": dropped_output + &rec.output_after_cap,
        "exit_code": rec.exit_code,
    })
}

const STYLE: &str = r#"
body{margin:0;font:14px system-ui,sans-serif;color:#222;background:#fafafa}
header{display:flex;gap:12px;align-items:center;padding:8px 14px;background:#263238;color:#fff}
header h1{font-size:15px;margin:0 12px 0 0;font-weight:600}
header button{font-size:14px;padding:2px 10px}
header input[type=range]{flex:1}
main{display:flex;align-items:flex-start}
#code{flex:0 0 auto;max-width:38%;overflow:auto;max-height:calc(100vh - 44px);border-right:1px solid #ccc;background:#fff}
#code pre{margin:0;padding:8px 0;font:13px/1.45 monospace}
.src{padding:0 12px 0 0;white-space:pre}
.src .ln{display:inline-block;width:3.5em;text-align:right;padding-right:10px;color:#999}
.src.current{background:#ffe98a}
.src.next{box-shadow:inset 3px 0 #1e88e5}
#right{flex:1;padding:10px 14px;overflow:auto;max-height:calc(100vh - 44px)}
#status{font-weight:600;margin-bottom:6px}
#heap{background:#fff;border:1px solid #ddd;overflow:auto;padding:4px}
#heap svg{max-width:100%;height:auto}
#heap.collecting{animation:gcflash 1.2s ease-out}
@keyframes gcflash{from{background:#ffd7d7}to{background:#fff}}
#gc{display:none;margin:6px 0;padding:4px 8px;background:#ffebee;border-left:4px solid #c62828}
#heap.collecting~#gc,#gc.on{display:block}
#events{font:12px/1.5 monospace;margin:8px 0;padding-left:18px}
#output{font:12px monospace;background:#263238;color:#e0f2f1;padding:8px;min-height:2em;white-space:pre-wrap}
.obj.freed{animation:fade 1.2s ease-in forwards}
@keyframes fade{from{opacity:1}to{opacity:.3}}
.obj.new{animation:appear .6s ease-out}
@keyframes appear{from{opacity:0}to{opacity:1}}
.legend{font-size:12px;color:#555;margin:4px 0}
"#;

/// The viewer: `start(data)` shows a recording (embedded in the page, or made by the playground).
const SCRIPT: &str = r#"
let D = null;
const $ = id => document.getElementById(id);
const slider = $('slider');
function start(data) {
  D = data;
  const code = $('code-lines');
  code.textContent = '';
  D.source.forEach((text, i) => {
    const div = document.createElement('div');
    div.className = 'src';
    div.id = 'L' + (i + 1);
    const ln = document.createElement('span');
    ln.className = 'ln';
    ln.textContent = i + 1;
    div.appendChild(ln);
    div.appendChild(document.createTextNode(text));
    code.appendChild(div);
  });
  slider.max = D.steps.length - 1;
  $('omitted').textContent = D.omitted > 0 ? D.omitted + ' more steps ran after the recording cap (not shown).' : '';
  fromHash();
}
function describe(s) {
  if (s.kind === 'start') return 'Before the first line';
  if (s.kind === 'return') return s.func + '() returns: its frame lets go of its locals';
  if (s.kind === 'yield') return s.func + '() yields: its frame waits, locals kept, in the generator';
  if (s.kind === 'exit') return 'End of program: modules released, final collection';
  if (s.folded) return '… ' + s.folded + ' more lines ran in ' + s.func + (s.func.startsWith('<') ? '' : '()') + ' (a long call or loop, folded into one step)';
  return 'Line ' + s.line + ' ran' + (s.func !== '<module>' ? ' in ' + s.func + '()' : '');
}
function show(n) {
  n = Math.max(0, Math.min(D.steps.length - 1, n | 0));
  const s = D.steps[n];
  document.body.dataset.step = n;
  $('pos').textContent = 'step ' + n + ' / ' + (D.steps.length - 1);
  slider.value = n;
  $('status').textContent = describe(s);
  const heap = $('heap');
  heap.classList.remove('collecting');
  heap.innerHTML = D.svgs[s.svg];
  void heap.offsetWidth;
  if (s.gc) heap.classList.add('collecting');
  const gcLines = s.events.filter(e => e.startsWith('gc:') && e.includes(' done: '));
  $('gc').textContent = gcLines.join('  ·  ');
  $('gc').className = s.gc ? 'on' : '';
  document.querySelectorAll('.src.current,.src.next').forEach(e => e.classList.remove('current', 'next'));
  if (s.hl) {
    const cur = $('L' + s.hl);
    if (cur) { cur.classList.add('current'); cur.scrollIntoView({block: 'nearest'}); }
  }
  const nx = D.steps[n + 1];
  if (nx && nx.kind === 'line' && $('L' + nx.line)) $('L' + nx.line).classList.add('next');
  const ev = $('events');
  ev.innerHTML = '';
  s.events.forEach(t => { const li = document.createElement('li'); li.textContent = t; ev.appendChild(li); });
  let out = '';
  for (let i = 0; i <= n; i++) out += D.steps[i].output;
  if (n === D.steps.length - 1) out += D.tail_output;
  $('output').textContent = out;
  if (location.hash !== '#step=' + n) history.replaceState(null, '', '#step=' + n);
}
function fromHash() {
  const m = /step=(\d+)/.exec(location.hash);
  // `#step=N&press=next,next`: press the buttons once loaded (a link to a transition; used by the tests).
  const p = /press=([a-z,]+)/.exec(location.hash);
  show(m ? +m[1] : 0);
  if (p) p[1].split(',').forEach(b => { const el = $(b); if (el) el.click(); });
}
$('prev').onclick = () => show(+document.body.dataset.step - 1);
$('next').onclick = () => show(+document.body.dataset.step + 1);
slider.oninput = () => show(+slider.value);
document.addEventListener('keydown', e => {
  if (e.key === 'ArrowRight' || e.key === 'j') show(+document.body.dataset.step + 1);
  if (e.key === 'ArrowLeft' || e.key === 'k') show(+document.body.dataset.step - 1);
});
window.addEventListener('hashchange', () => { if (D) fromHash(); });
"#;

/// JSON that cannot end or confuse the `<script>` element holding it: `</` and `<!` (and so `</script`,
/// `<!--`) become `\u003c…`, the same JSON string. `<` only ever occurs inside JSON strings.
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut chars = json.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' && matches!(chars.peek(), Some('/' | '!')) {
            out.push_str("\\u003c");
        } else {
            out.push(c);
        }
    }
    out
}

/// The whole page.
pub fn render(rec: &Recording) -> String {
    let json = script_safe(&data(rec).to_string());
    let title = svg::escape(&rec.filename);
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>refpy explore: {title}</title>
<style>{STYLE}</style></head>
<body>
<header><h1>refpy explore: {title}</h1>
<button id="prev" title="previous step (←)">◀</button><span id="pos"></span><button id="next" title="next step (→)">▶</button>
<input type="range" id="slider" min="0" value="0"></header>
<main>
<section id="code"><pre id="code-lines"></pre></section>
<section id="right">
<div id="status"></div>
<div class="legend">arrows: references · count: the object's reference count · red: a reference cycle · dashed: no variable reaches it · green: new this step · faded: freed this step</div>
<div id="heap"></div>
<div id="gc"></div>
<ul id="events"></ul>
<pre id="output"></pre>
<div id="omitted" class="legend"></div>
</section>
</main>
<script id="data" type="application/json">{json}</script>
<script>{SCRIPT}
start(JSON.parse($('data').textContent));</script>
</body></html>
"#
    )
}

/// The recording as the JSON the viewer reads (for the WebAssembly playground).
pub fn data_json(rec: &Recording) -> String {
    data(rec).to_string()
}

/// The playground: the viewer plus an editor, running refpy compiled to WebAssembly in the page itself
/// (`wasm` is the module's bytes, embedded as base64: no server, no network). `#run` runs the example
/// at once (the tests use it with `#run&step=N`).
pub fn playground(wasm: &[u8], example: &str) -> String {
    let wasm = base64(wasm);
    let example = svg::escape(example);
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>refpy playground</title>
<style>{STYLE}
#editor{{width:100%;box-sizing:border-box;height:14em;font:13px monospace;border:0;border-bottom:1px solid #ccc;padding:8px}}
#run{{margin:6px 12px}}</style></head>
<body>
<header><h1>refpy playground</h1>
<button id="prev" title="previous step (←)">◀</button><span id="pos"></span><button id="next" title="next step (→)">▶</button>
<input type="range" id="slider" min="0" value="0"></header>
<main>
<section id="code"><textarea id="editor" spellcheck="false">{example}</textarea><button id="run">Run in the browser</button><pre id="code-lines"></pre></section>
<section id="right">
<div id="status">Edit the program and press Run: refpy (compiled to WebAssembly) runs it here and records every line.</div>
<div class="legend">arrows: references · count: the object's reference count · red: a reference cycle · dashed: no variable reaches it · green: new this step · faded: freed this step</div>
<div id="heap"></div>
<div id="gc"></div>
<ul id="events"></ul>
<pre id="output"></pre>
<div id="omitted" class="legend"></div>
</section>
</main>
<script id="wasm" type="application/octet-stream">{wasm}</script>
<script>{SCRIPT}
const module = WebAssembly.compile(Uint8Array.from(atob($('wasm').textContent), c => c.charCodeAt(0)));
async function runProgram() {{
  $('status').textContent = 'Running…';
  try {{
    // A fresh instance per run: a fresh heap, as a fresh process would have.
    const e = (await WebAssembly.instantiate(await module, {{}})).exports;
    const src = new TextEncoder().encode($('editor').value);
    // Memory may grow inside each call, detaching old views: take `memory.buffer` after the call.
    const at = e.input_buffer(src.length);
    new Uint8Array(e.memory.buffer, at, src.length).set(src);
    const n = e.explore();
    const from = e.result_ptr();
    const json = new TextDecoder().decode(new Uint8Array(e.memory.buffer, from, n));
    document.body.dataset.ran = 'yes';
    start(JSON.parse(json));
  }} catch (err) {{
    $('status').textContent = 'refpy stopped: ' + err;
  }}
}}
$('run').onclick = () => {{ history.replaceState(null, '', '#step=0'); runProgram(); }};
if (/run/.test(location.hash)) runProgram();
</script>
</body></html>
"#
    )
}

/// Standard base64 (the playground embeds its WebAssembly module with it).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{base64, script_safe};

    #[test]
    fn base64_pads_like_the_standard() {
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"M"), "TQ==");
        assert_eq!(base64(b""), "");
    }

    #[test]
    fn embedded_json_cannot_close_its_script() {
        let json = serde_json::json!({"src": "print('</script><!-- x')"}).to_string();
        let safe = script_safe(&json);
        assert!(!safe.contains("</") && !safe.contains("<!"));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["src"], "print('</script><!-- x')");
    }
}
