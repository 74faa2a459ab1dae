//! No input makes the interpreter panic: random token soup and mutated real programs are fed to the
//! in-process entry point, with output discarded and an instruction budget so loops end.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

const TOKENS: &[&str] = &[
    "x",
    "y",
    "f",
    "l",
    "d",
    " ",
    " ",
    "\n",
    "\n    ",
    "=",
    "==",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    "1",
    "0",
    "278",
    "-5",
    "1.5",
    "'s'",
    "\"t\"",
    "f'{x}'",
    "b'b'",
    "None",
    "True",
    "def ",
    "class ",
    "return ",
    "yield ",
    "lambda ",
    "if ",
    "else",
    "elif ",
    "for ",
    "in ",
    "while ",
    "try:",
    "except",
    "finally:",
    "with ",
    "as ",
    "del ",
    "import gc",
    "import sys",
    "import weakref",
    "gc.collect()",
    "sys.getrefcount",
    "weakref.ref",
    "print",
    "len",
    "range",
    "list",
    "dict",
    "set",
    "id",
    "super()",
    "raise ",
    "assert ",
    "not ",
    "and ",
    "or ",
    "is ",
    "global ",
    "nonlocal ",
    "pass",
    "break",
    "continue",
    "*",
    "**",
    "@",
    "~",
    "<",
    ">",
    "!=",
    "\\",
    "#",
    "\"\"\"",
    "__del__",
    "self",
    "__init__",
];

const SEEDS: &[&str] = &[
    "import sys\na = [1, 2, 3]\nb = a\nprint(sys.getrefcount(a))\nc = a\nc = 10\nb = None\nprint(sys.getrefcount(a))\n",
    "import gc, ctypes\ndef rc(addr):\n    return ctypes.c_long.from_address(addr).value\nclass A:\n    def __init__(self):\n        self.b = B(self)\nclass B:\n    def __init__(self, a):\n        self.a = a\ngc.disable()\nv = A()\naid = id(v)\nv = None\nprint(rc(aid), gc.collect())\ngc.enable()\n",
    "x = []\nx.append(x)\nprint(x)\ndel x\nimport gc\nprint(gc.collect())\n",
    "def g(n):\n    try:\n        for i in range(n):\n            yield i\n    finally:\n        print('closed')\nfor v in g(3):\n    print(v)\nclass C:\n    def __del__(self):\n        print('del')\nc = C()\ndel c\n",
    "import weakref\nclass O: pass\no = O()\nr = weakref.ref(o, lambda w: print('cb', w() is None))\nd = weakref.WeakValueDictionary()\nd['k'] = o\ndel o\nprint(len(d), f'{1.5:>8.2f}', [i * i for i in range(4)], {1: 2} | {3: 4})\n",
];

fn check(src: &str) -> Result<(), TestCaseError> {
    let result = std::panic::catch_unwind(|| refpy_vm::run_sandboxed(src, 20_000));
    if std::env::var("FUZZ_SHOW").is_ok() {
        eprintln!("rc={:?}", result);
    }
    prop_assert!(result.is_ok(), "interpreter panicked on {:?}", src);
    Ok(())
}

fn corpus_programs() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance");
    let mut out = Vec::new();
    for cat in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        for f in std::fs::read_dir(cat.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let p = f.path();
            if p.extension().is_some_and(|e| e == "py") && p.with_extension("out").exists() {
                if let Ok(s) = std::fs::read_to_string(&p) {
                    out.push(s);
                }
            }
        }
    }
    out.sort();
    out
}

#[test]
fn garbled_source_never_panics() {
    refpy_vm::on_interpreter_thread(|| {
        // Panics would be reported by `check`; keep the default hook quiet meanwhile.
        let mut runner = TestRunner::new(Config {
            cases: std::env::var("FUZZ_CASES")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(500),
            failure_persistence: None,
            ..Config::default()
        });
        let soup = proptest::collection::vec(proptest::sample::select(TOKENS), 0..40)
            .prop_map(|t| t.concat());
        runner.run(&soup, |src| check(&src)).unwrap();

        let mutated = (
            proptest::sample::select(SEEDS),
            proptest::collection::vec(
                (
                    any::<prop::sample::Index>(),
                    any::<prop::sample::Index>(),
                    0u8..4,
                ),
                1..3,
            ),
            proptest::sample::select(TOKENS),
        )
            .prop_map(|(seed, edits, tok)| {
                let mut s: Vec<char> = seed.chars().collect();
                for (a, b, kind) in edits {
                    if s.is_empty() {
                        break;
                    }
                    let i = a.index(s.len());
                    let j = b.index(s.len());
                    let (lo, hi) = (i.min(j), i.max(j));
                    match kind {
                        0 => {
                            s.drain(lo..hi.min(lo + 8));
                        }
                        1 => {
                            let piece: Vec<char> = s[lo..hi.min(lo + 12)].to_vec();
                            s.splice(hi..hi, piece);
                        }
                        2 => s.splice(i..i, tok.chars()).for_each(drop),
                        _ => s.swap(i, j),
                    }
                }
                s.into_iter().collect::<String>()
            });
        let mut runner = TestRunner::new(Config {
            cases: std::env::var("FUZZ_CASES")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(500),
            failure_persistence: None,
            ..Config::default()
        });
        runner.run(&mutated, |src| check(&src)).unwrap();

        // Mutations of the conformance corpus: real programs, slightly broken.
        let corpus = corpus_programs();
        if !corpus.is_empty() {
            let corpus_mutated = (
                proptest::sample::select(corpus),
                any::<prop::sample::Index>(),
                any::<prop::sample::Index>(),
                0u8..3,
                proptest::sample::select(TOKENS),
            )
                .prop_map(|(prog, a, b, kind, tok)| {
                    let lines: Vec<&str> = prog.lines().collect();
                    let mut lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
                    if lines.is_empty() {
                        return prog;
                    }
                    let i = a.index(lines.len());
                    match kind {
                        0 => {
                            lines.remove(i);
                        }
                        1 => {
                            let j = b.index(lines.len());
                            let l = lines[j].clone();
                            lines.insert(i, l);
                        }
                        _ => {
                            let l = &mut lines[i];
                            let at = b.index(l.len() + 1);
                            let at = (0..=at).rev().find(|&k| l.is_char_boundary(k)).unwrap_or(0);
                            l.insert_str(at, tok);
                        }
                    }
                    lines.join("\n")
                });
            let mut runner = TestRunner::new(Config {
                cases: std::env::var("FUZZ_CASES")
                    .ok()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(300),
                failure_persistence: None,
                ..Config::default()
            });
            runner.run(&corpus_mutated, |src| check(&src)).unwrap();
        }
        refpy_vm::rt::rt().discard_output.set(false);
    });
}

/// An object of each method table's type, as a Python expression.
fn receiver(type_name: &str) -> Option<&'static str> {
    Some(match type_name {
        "list" => "[3, 1, 2]",
        "tuple" => "(3, 1, 2)",
        "str" => "'a b'",
        "dict" => "{'a': 1, 3: 4}",
        "set" => "{1, 2}",
        "frozenset" => "frozenset({1, 2})",
        "bytes" => "b'a b'",
        "bytearray" => "bytearray(b'a b')",
        "int" => "7",
        "float" => "2.5",
        "range" => "range(5)",
        "iterator" => "iter([1, 2])",
        "generator" => "(x for x in [1, 2])",
        "TextIOWrapper" => "open('/dev/null')",
        _ => return None,
    })
}

const ARGS: &[&str] = &[
    "1",
    "-1",
    "0",
    "True",
    "2.5",
    "10**30",
    "'a'",
    "''",
    "'\\t'",
    "b'x'",
    "None",
    "[1, 'a']",
    "(1, 'a')",
    "{'a': 1}",
    "{1}",
    "str",
    "ValueError",
    "len",
    "iter([])",
    "key=len",
    "reverse=1",
    "sep='a'",
    "maxsplit=1",
    "encoding='ascii'",
    "bogus=1",
];

/// Built-in types whose methods Python code can also take from the type (`str.upper`).
const NAMED_TYPES: &[&str] = &[
    "list",
    "tuple",
    "str",
    "dict",
    "set",
    "frozenset",
    "bytes",
    "bytearray",
    "int",
    "float",
    "range",
];

/// Special methods the built-in value types may have beyond their method tables (`int.__radd__`,
/// `list.__setitem__`…); a name a type lacks is an AttributeError, which is fine.
const DUNDERS: &[&str] = &[
    "__add__",
    "__radd__",
    "__sub__",
    "__rsub__",
    "__mul__",
    "__rmul__",
    "__truediv__",
    "__floordiv__",
    "__mod__",
    "__rmod__",
    "__pow__",
    "__rpow__",
    "__lshift__",
    "__rshift__",
    "__and__",
    "__or__",
    "__xor__",
    "__eq__",
    "__ne__",
    "__lt__",
    "__ge__",
    "__neg__",
    "__pos__",
    "__invert__",
    "__abs__",
    "__repr__",
    "__str__",
    "__hash__",
    "__bool__",
    "__setitem__",
    "__delitem__",
    "__format__",
];

#[test]
fn builtin_methods_never_panic() {
    refpy_vm::on_interpreter_thread(|| {
        // Every built-in function and every method of every built-in type, bound, and taken from its
        // type with a right or wrong self, called with random arguments: only Python exceptions may
        // come out.
        let mut callees: Vec<(String, String)> = Vec::new();
        for table in refpy_vm::methods::all_tables() {
            let Some(r) = receiver(table.type_name) else {
                // Built-in functions, except those that would wait for stdin, touch files or exit.
                for m in table.methods {
                    if !["input", "open", "exit", "quit"].contains(&m.name) {
                        callees.push((m.name.to_string(), String::new()));
                    }
                }
                continue;
            };
            for m in table.methods {
                callees.push((format!("({}).{}", r, m.name), String::new()));
                if NAMED_TYPES.contains(&table.type_name) {
                    let unbound = format!("{}.{}", table.type_name, m.name);
                    callees.push((unbound.clone(), String::new()));
                    callees.push((unbound, format!("{}, ", r)));
                }
            }
        }
        for t in NAMED_TYPES {
            let r = receiver(t).unwrap_or("None");
            for d in DUNDERS {
                callees.push((format!("({}).{}", r, d), String::new()));
                callees.push((format!("{}.{}", t, d), String::new()));
                callees.push((format!("{}.{}", t, d), format!("{}, ", r)));
            }
        }
        let program = (
            proptest::sample::select(callees),
            proptest::collection::vec(proptest::sample::select(ARGS), 0..5),
        )
            .prop_map(|((callee, first), mut args)| {
                // Keyword arguments after positional ones, so the call parses.
                args.sort_by_key(|a| a.contains('='));
                format!(
                    "try:\n    {}({}{})\nexcept Exception as e:\n    print(type(e).__name__, e)\n",
                    callee,
                    first,
                    args.join(", ")
                )
            });
        let mut runner = TestRunner::new(Config {
            cases: std::env::var("FUZZ_CASES")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(2000),
            failure_persistence: None,
            ..Config::default()
        });
        runner.run(&program, |src| check(&src)).unwrap();
        refpy_vm::rt::rt().discard_output.set(false);
    });
}
