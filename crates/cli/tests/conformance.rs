//! Conformance: run every `tests/conformance/<category>/NAME.py` with refpy (cwd = its folder) and compare
//! stdout, stderr and exit code byte for byte with the CPython 3.11 expectations next to it.
//!
//! `tests/conformance/xfail.txt` lists programs known to fail (`path  # reason`). The test fails when an
//! unlisted program fails or a listed one passes, so the list can only shrink.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance")
}

fn programs(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(cats) = std::fs::read_dir(dir) else {
        return out;
    };
    for cat in cats.flatten() {
        if !cat.path().is_dir() {
            continue;
        }
        for f in std::fs::read_dir(cat.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let p = f.path();
            if p.extension().is_some_and(|e| e == "py") && p.with_extension("out").exists() {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn read_xfail(dir: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(dir.join("xfail.txt")).unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let (path, reason) = l.split_once('#').unwrap_or((l, ""));
            let path = path.trim();
            (!path.is_empty()).then(|| (path.to_string(), reason.trim().to_string()))
        })
        .collect()
}

/// First differing line of two texts, for the failure summary.
fn first_diff(what: &str, want: &[u8], got: &[u8]) -> Option<String> {
    if want == got {
        return None;
    }
    let w = String::from_utf8_lossy(want);
    let g = String::from_utf8_lossy(got);
    let (wl, gl): (Vec<&str>, Vec<&str>) = (w.lines().collect(), g.lines().collect());
    for i in 0..wl.len().max(gl.len()) {
        let (a, b) = (wl.get(i).copied(), gl.get(i).copied());
        if a != b {
            return Some(format!(
                "{} line {}: want {:?}, got {:?}",
                what,
                i + 1,
                a.unwrap_or("<eof>"),
                b.unwrap_or("<eof>")
            ));
        }
    }
    Some(format!("{}: differs in trailing newline", what))
}

/// refpy names a script by its absolute path, as CPython does; the expected files have the program's folder
/// removed (generate.py), so remove it here too (as given and with links resolved, as the cwd reports it).
fn strip_folder(stderr: &[u8], dir: &Path) -> Vec<u8> {
    let mut text = String::from_utf8_lossy(stderr).into_owned();
    let resolved = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    for folder in [resolved.as_path(), dir] {
        text = text.replace(&format!("{}/", folder.display()), "");
    }
    text.into_bytes()
}

fn run_one(bin: &Path, py: &Path) -> Result<(), String> {
    let dir = py.parent().unwrap();
    let name = py.file_name().unwrap();
    let mut child = Command::new(bin)
        .arg(name)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("spawn: {}", e))?;
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().map_err(|e| e.to_string())? {
            break s;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            return Err("timeout after 60 s".into());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let want_out = std::fs::read(py.with_extension("out")).unwrap_or_default();
    let want_err = std::fs::read(py.with_extension("err")).unwrap_or_default();
    let want_code: i32 = std::fs::read_to_string(py.with_extension("code"))
        .unwrap_or_else(|_| "0".into())
        .trim()
        .parse()
        .unwrap_or(0);
    let code = status.code().unwrap_or(-1);
    let mut problems = Vec::new();
    problems.extend(first_diff("stdout", &want_out, &out.stdout));
    problems.extend(first_diff(
        "stderr",
        &want_err,
        &strip_folder(&out.stderr, dir),
    ));
    if code != want_code {
        problems.push(format!("exit code: want {}, got {}", want_code, code));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

#[test]
fn conformance() {
    let dir = corpus_dir();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_refpy"));
    let progs = programs(&dir);
    let xfail = read_xfail(&dir);
    let results: Arc<Mutex<Vec<(String, Result<(), String>)>>> = Arc::new(Mutex::new(Vec::new()));
    let queue = Arc::new(Mutex::new(progs.clone()));
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let (queue, results, bin, dir) =
                (queue.clone(), results.clone(), bin.clone(), dir.clone());
            std::thread::spawn(move || loop {
                let next = queue.lock().unwrap().pop();
                let Some(p) = next else { break };
                let rel = p
                    .strip_prefix(&dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                let r = run_one(&bin, &p);
                results.lock().unwrap().push((rel, r));
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let mut results = Arc::try_unwrap(results).ok().unwrap().into_inner().unwrap();
    results.sort_by(|a, b| a.0.cmp(&b.0));
    let (mut passed, mut xfailed) = (0, 0);
    let mut unexpected = Vec::new();
    for (rel, r) in &results {
        match (r, xfail.contains_key(rel)) {
            (Ok(()), false) => passed += 1,
            (Ok(()), true) => unexpected.push(format!("XPASS {} (remove it from xfail.txt)", rel)),
            (Err(_), true) => xfailed += 1,
            (Err(e), false) => unexpected.push(format!("FAIL {}: {}", rel, e)),
        }
    }
    for (rel, r) in &results {
        if let (Err(e), true) = (r, xfail.contains_key(rel)) {
            println!("xfail {}: {}", rel, e);
        }
    }
    println!("conformance: {} passed, {} xfail", passed, xfailed);
    for u in &unexpected {
        println!("{}", u);
    }
    assert!(
        unexpected.is_empty(),
        "{} unexpected conformance results",
        unexpected.len()
    );
}
