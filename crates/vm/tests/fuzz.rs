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

#[test]
fn garbled_source_never_panics() {
    refpy_vm::on_interpreter_thread(|| {
        // Panics would be reported by `check`; keep the default hook quiet meanwhile.
        let mut runner = TestRunner::new(Config {
            cases: 500,
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
            cases: 500,
            failure_persistence: None,
            ..Config::default()
        });
        runner.run(&mutated, |src| check(&src)).unwrap();
        refpy_vm::rt::rt().discard_output.set(false);
    });
}
