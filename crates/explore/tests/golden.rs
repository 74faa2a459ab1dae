//! Golden tests: `trace` and `graph --format ascii` on the seed programs, compared with files checked by
//! eye against the seeds' commentary and python3's counts. Addresses are normalised (see `normalize`).
//! Regenerate with `UPDATE_GOLDEN=1 cargo test -p refpy-explore --test golden` and review the diff.

use std::path::{Path, PathBuf};

use refpy_explore::normalize::normalize;
use refpy_explore::recorder::{record, Limits};
use refpy_explore::{ascii, trace};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// Record a program on its own interpreter thread (a fresh heap for every program).
fn recording(name: &str) -> refpy_explore::model::Recording {
    let path = dir().join("programs").join(name);
    let src = std::fs::read_to_string(&path).unwrap();
    let file = format!("programs/{name}");
    refpy_vm::on_interpreter_thread(move || record(&src, &file, Limits::default()))
}

/// What the goldens pin: the explorer's reading of the program's own objects. The interpreter's internals
/// (objects behind `import`, the shutdown sequence, how many objects a collection examines) belong to the
/// VM and change with it, so those lines are left out here.
fn stable(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if line.contains("end of program:") {
            out.push_str("(end of program: not compared)\n");
            break;
        }
        if line.contains("also new (not drawn)") || line.contains("also freed:") {
            continue;
        }
        let line = match (line.find("done: "), line.find(" examined")) {
            (Some(a), Some(b)) if a < b => format!("{}N{}", &line[..a + 6], &line[b..]),
            _ => line.to_string(),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn check(golden: &str, actual: &str) {
    let path = dir().join("golden").join(golden);
    let actual = stable(&normalize(actual));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing golden {}", path.display()));
    if expected != actual {
        panic!("{golden} differs from the golden file.\n--- expected\n{expected}\n--- actual\n{actual}");
    }
}

#[test]
fn trace_of_the_seeds() {
    for name in [
        "walkthrough.py",
        "immutables.py",
        "getrefcount.py",
        "cycle.py",
    ] {
        let rec = recording(name);
        let golden = name.replace(".py", ".trace.txt");
        check(&golden, &trace::render(&rec, &trace::Filter::default()));
    }
}

#[test]
fn trace_filters() {
    let rec = recording("cycle.py");
    let names = trace::Filter {
        names: vec!["my_var".into()],
        ..Default::default()
    };
    check("cycle.names.txt", &trace::render(&rec, &names));
    let gc_only = trace::Filter {
        gc_only: true,
        ..Default::default()
    };
    check("cycle.gc-only.txt", &trace::render(&rec, &gc_only));
    let types = trace::Filter {
        types: vec!["list".into()],
        ..Default::default()
    };
    check(
        "getrefcount.types-list.txt",
        &trace::render(&recording("getrefcount.py"), &types),
    );
}

#[test]
fn graphs_of_the_seeds() {
    let rec = recording("immutables.py");
    check(
        "immutables.graph-line-7.txt",
        &ascii::render(rec.after_line(7).unwrap()),
    );
    check("immutables.graph-exit.txt", &ascii::render(rec.at_exit()));
    let rec = recording("cycle.py");
    check(
        "cycle.graph-line-16.txt",
        &ascii::render(rec.after_line(16).unwrap()),
    );
    check(
        "cycle.graph-line-17.txt",
        &ascii::render(rec.after_line(17).unwrap()),
    );
    let rec = recording("getrefcount.py");
    check(
        "getrefcount.graph-line-15.txt",
        &ascii::render(rec.after_line(15).unwrap()),
    );
}
