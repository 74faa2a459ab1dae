//! The stepping page in real headless Chromium: generate the page for the cycle seed, open it at several
//! `#step=N` fragments with `--dump-dom`, and check the rendered DOM: the variable's arrow to the object,
//! the count going 2 → 1, the cycle marked unreachable, then faded out as freed by the collector and gone.
//! A screenshot is saved under `target/explore-browser/`.
//!
//! Chromium comes from `.ci/run` (Debian's `chromium`). Without it the test is skipped with a loud message;
//! set `REFPY_REQUIRE_BROWSER=1` to make a missing browser a failure.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use refpy_explore::model::Recording;
use refpy_explore::recorder::{record, Limits};

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("REFPY_CHROMIUM") {
        return Some(p.into());
    }
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

fn out_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let dir = target.join("explore-browser");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Run headless Chromium with `args` on `url`; its stdout. Killed after 90 s.
fn run_chromium(browser: &Path, args: &[&str], url: &str) -> String {
    let profile = out_dir().join(format!("profile-{}", std::process::id()));
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1200,700",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium did not finish in 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The opening tag of the element with this id, or `None`.
fn tag<'a>(dom: &'a str, id: &str) -> Option<&'a str> {
    let at = dom.find(&format!("id=\"{id}\""))?;
    let start = dom[..at].rfind('<')?;
    let end = at + dom[at..].find('>')?;
    Some(&dom[start..=end])
}

fn page_step(rec: &Recording, line: usize) -> usize {
    // Page step 0 is "before the first line"; page step k shows recorded step k - 1.
    rec.step_after_line(line).expect("line ran") + 1
}

#[test]
fn stepping_page_in_headless_chromium() {
    let Some(browser) = chromium() else {
        let msg = "BROWSER TEST SKIPPED: no chromium found (install Debian's `chromium`, or set REFPY_CHROMIUM)";
        eprintln!("\n{0}\n{msg}\n{0}\n", "!".repeat(msg.len()));
        assert!(
            std::env::var_os("REFPY_REQUIRE_BROWSER").is_none(),
            "REFPY_REQUIRE_BROWSER is set but chromium is missing"
        );
        return;
    };
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/cycle.py");
    let src = std::fs::read_to_string(&path).unwrap();
    let rec = refpy_vm::on_interpreter_thread(move || record(&src, "cycle.py", Limits::default()));
    let page = out_dir().join("cycle.html");
    std::fs::write(&page, refpy_explore::page::render(&rec)).unwrap();
    let url = |step: usize| {
        format!(
            "file://{}#step={step}",
            page.canonicalize().unwrap().display()
        )
    };
    let dom = |step: usize| run_chromium(&browser, &["--dump-dom"], &url(step));

    // After `my_var = A()`: the arrow from my_var reaches A, whose count is 2 (my_var and B.a).
    let s16 = page_step(&rec, 16);
    let d = dom(s16);
    assert!(
        d.contains(&format!("data-step=\"{s16}\"")),
        "the page did not open step {s16}"
    );
    let arrow = tag(&d, "ref-0-my_var").expect("an arrow from my_var");
    let a_addr = arrow
        .split("data-to=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    let a = tag(&d, &format!("obj-{a_addr}")).expect("A's box");
    assert!(
        a.contains("data-count=\"2\""),
        "A's count after line 16: {a}"
    );
    assert!(a.contains("data-type=\"A\"") && a.contains("cycle"), "{a}");
    assert!(
        d.contains("class=\"src current\" id=\"L16\""),
        "line 16 highlighted"
    );

    // After `my_var = None` (reached by pressing ▶ from the step before): no arrow, A's count 1, the
    // cycle is unreachable but alive.
    let s17 = page_step(&rec, 17);
    let pressed = run_chromium(
        &browser,
        &["--dump-dom"],
        &format!("{}&press=next", url(s17 - 1)),
    );
    assert!(
        pressed.contains(&format!("data-step=\"{s17}\"")),
        "▶ did not step forward"
    );
    let d = dom(s17);
    assert_eq!(
        tag(&pressed, &format!("obj-{a_addr}")),
        tag(&d, &format!("obj-{a_addr}"))
    );
    assert!(
        tag(&d, "ref-0-my_var").is_none(),
        "my_var still has an arrow"
    );
    let a = tag(&d, &format!("obj-{a_addr}")).expect("A still drawn");
    assert!(
        a.contains("data-count=\"1\"") && a.contains("unreachable"),
        "{a}"
    );
    assert!(
        a.contains("changed"),
        "A's count change is highlighted: {a}"
    );
    run_chromium(
        &browser,
        &[&format!(
            "--screenshot={}",
            out_dir().join("cycle-unreachable.png").display()
        )],
        &url(s17),
    );

    // `gc.collect()`: A fades out as freed, the collection is announced, and the output shows 2.
    let s18 = page_step(&rec, 18);
    let d = dom(s18);
    let a = tag(&d, &format!("obj-{a_addr}")).expect("A's ghost");
    assert!(a.contains("freed"), "{a}");
    assert!(
        d.contains("2 unreachable") && d.contains("2 collected"),
        "collection shown"
    );
    assert!(
        tag(&d, "gc").is_some_and(|t| t.contains("class=\"on\"")),
        "the collection banner is on"
    );
    assert!(
        tag(&d, "heap").is_some_and(|t| t.contains("collecting")),
        "the heap flashes for the collection"
    );
    assert!(
        tag(&d, "output").is_some_and(|_| d.contains(">2\n<") || d.contains(">2\n")),
        "output 2"
    );

    // One step later A is gone.
    let d = dom(s18 + 1);
    assert!(
        tag(&d, &format!("obj-{a_addr}")).is_none(),
        "A still drawn after it was freed"
    );

    let shot = out_dir().join("cycle-unreachable.png");
    assert!(
        std::fs::metadata(&shot)
            .map(|m| m.len() > 1000)
            .unwrap_or(false),
        "screenshot saved"
    );
}
