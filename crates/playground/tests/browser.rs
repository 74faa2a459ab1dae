//! The playground in real headless Chromium: refpy compiled to WebAssembly runs the cycle seed inside the
//! page, and the recorded steps show the orphaned cycle. Needs the module built first
//! (`.ci/run` does it; by hand:
//! `cargo build --release -p refpy-playground --lib --target wasm32-unknown-unknown`), and Chromium.
//! Without either the test is skipped with a loud message; `REFPY_REQUIRE_PLAYGROUND=1` makes that a failure.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn skip(why: &str) {
    let msg = format!("PLAYGROUND BROWSER TEST SKIPPED: {why}");
    eprintln!("\n{0}\n{msg}\n{0}\n", "!".repeat(msg.chars().count()));
    assert!(
        std::env::var_os("REFPY_REQUIRE_PLAYGROUND").is_none(),
        "REFPY_REQUIRE_PLAYGROUND is set: {why}"
    );
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"))
}

#[test]
fn the_playground_runs_python_in_the_browser() {
    let wasm = target_dir().join("wasm32-unknown-unknown/release/refpy_playground.wasm");
    let Ok(module) = std::fs::read(&wasm) else {
        return skip(&format!("{} is not built", wasm.display()));
    };
    let Some(browser) = [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists()) else {
        return skip("no chromium found");
    };
    let example = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../explore/tests/programs/cycle.py"),
    )
    .unwrap();
    // Which page step shows the heap right after `my_var = None` (line 17): from a native run.
    let native = refpy_playground::explore_source(&example);
    let data: serde_like::Data = serde_like::parse(&native);
    let step = data.step_after_line(17);

    let dir = target_dir().join("explore-browser");
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("playground.html");
    std::fs::write(&page, refpy_explore::page::playground(&module, &example)).unwrap();
    let profile = dir.join(format!("profile-playground-{}", std::process::id()));
    let dom = dump_dom(&browser, &profile, &page, &format!("run&step={step}"));
    assert!(
        dom.contains("data-ran=\"yes\""),
        "the module did not run: {}",
        &dom[..dom.len().min(3000)]
    );
    assert!(
        dom.contains(&format!("data-step=\"{step}\"")),
        "not at step {step}"
    );
    assert!(
        dom.contains("data-type=\"A\"") && dom.contains("unreachable"),
        "the orphaned cycle is drawn"
    );
    assert!(
        dom.contains("class=\"src current\" id=\"L17\""),
        "line 17 highlighted"
    );

    // Deep recursion up to RecursionError fits the module's stack (`.cargo/config.toml`).
    let deep = "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError:\n    print('RecursionError caught')\n";
    let page = dir.join("playground-recursion.html");
    std::fs::write(&page, refpy_explore::page::playground(&module, deep)).unwrap();
    let dom = dump_dom(&browser, &profile, &page, "run&step=999999");
    assert!(
        dom.contains("RecursionError caught"),
        "{}",
        &dom[dom.len().saturating_sub(2000)..]
    );
}

/// Open `page#fragment` in headless Chromium, give the page's scripts (and the module) time, dump the DOM.
fn dump_dom(browser: &Path, profile: &Path, page: &Path, fragment: &str) -> String {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=30000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!(
            "file://{}#{fragment}",
            page.canonicalize().unwrap().display()
        ))
        .stderr(Stdio::null())
        .output()
        .expect("start chromium");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Just enough JSON reading for the test (the steps' kinds, lines and depths), with std only.
mod serde_like {
    pub struct Data {
        steps: Vec<(String, usize, usize)>,
    }

    fn field<'a>(obj: &'a str, key: &str) -> &'a str {
        let at = obj.find(&format!("\"{key}\":")).unwrap() + key.len() + 3;
        let rest = &obj[at..];
        let end = rest.find([',', '}']).unwrap();
        rest[..end].trim_matches('"')
    }

    pub fn parse(json: &str) -> Data {
        // Every step object starts with `{"depth":` (serde_json writes keys in order).
        let steps = json
            .split("{\"depth\":")
            .skip(1)
            .map(|s| {
                let obj = format!("{{\"depth\":{s}");
                (
                    field(&obj, "kind").to_string(),
                    field(&obj, "line").parse().unwrap(),
                    field(&obj, "depth").parse().unwrap(),
                )
            })
            .collect();
        Data { steps }
    }

    impl Data {
        /// As `Recording::step_after_line`, in page steps (0 is "before the first line").
        pub fn step_after_line(&self, line: usize) -> usize {
            let i = self
                .steps
                .iter()
                .position(|s| s.0 == "line" && s.1 == line)
                .unwrap();
            let depth = self.steps[i].2;
            let end = self.steps[i + 1..]
                .iter()
                .position(|s| (s.0 == "line" && s.2 <= depth) || s.0 == "exit")
                .map_or(self.steps.len(), |k| i + 1 + k);
            end - 1
        }
    }
}
