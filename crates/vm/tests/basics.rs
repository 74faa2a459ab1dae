//! Compiler and VM basics, checked in-process against what CPython 3.11 prints.

fn run(src: &str) -> (String, String, i32) {
    let src = src.to_string();
    refpy_vm::on_interpreter_thread(move || refpy_vm::run_captured(&src))
}

fn out(src: &str) -> String {
    let (o, e, code) = run(src);
    assert_eq!(code, 0, "stderr: {}", e);
    o
}

#[test]
fn arithmetic_and_precedence() {
    assert_eq!(
        out("print(1 + 2 * 3, 7 // 2, -7 // 2, 7 % -3, 2 ** 100)"),
        "7 3 -4 -2 1267650600228229401496703205376\n"
    );
    assert_eq!(
        out("print(1/3, 0.1 + 0.2, 1e16, 1e-5, 3.0)"),
        "0.3333333333333333 0.30000000000000004 1e+16 1e-05 3.0\n"
    );
}

#[test]
fn control_flow() {
    let src = "total = 0\nfor i in range(10):\n    if i % 2:\n        continue\n    if i > 6:\n        break\n    total += i\nelse:\n    total = -1\nprint(total)\nn = 0\nwhile n < 3:\n    n += 1\nelse:\n    print('done', n)\n";
    assert_eq!(out(src), "12\ndone 3\n");
}

#[test]
fn functions_closures_defaults() {
    let src = "def make(k=2):\n    def mul(x, *rest, scale=1, **kw):\n        return x * k * scale, rest, sorted(kw)\n    return mul\nm = make()\nprint(m(3), m(1, 2, scale=5, z=1, a=2))\ndef counter():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\nc = counter()\nc(); print(c())\n";
    assert_eq!(out(src), "(6, (), []) (10, (2,), ['a', 'z'])\n2\n");
}

#[test]
fn classes_and_super() {
    let src = "class A:\n    def __init__(self, x):\n        self.x = x\n    def __repr__(self):\n        return f'A({self.x})'\nclass B(A):\n    def __init__(self, x):\n        super().__init__(x * 2)\nprint(B(2), isinstance(B(1), A), B.__mro__[1].__name__)\n";
    assert_eq!(out(src), "A(4) True A\n");
}

#[test]
fn exceptions_and_finally() {
    let src = "def f():\n    try:\n        return 1\n    finally:\n        print('finally')\nprint(f())\ntry:\n    {}['k']\nexcept KeyError as e:\n    print('KeyError', e)\nelse:\n    print('no')\n";
    assert_eq!(out(src), "finally\n1\nKeyError 'k'\n");
}

#[test]
fn generators_and_comprehensions() {
    let src = "def gen(n):\n    for i in range(n):\n        yield i * i\n    return 'end'\nprint(list(gen(4)), sum(x for x in range(5)), {k: v for k, v in zip('ab', (1, 2))}, {x % 3 for x in range(9)})\n";
    assert_eq!(out(src), "[0, 1, 4, 9] 10 {'a': 1, 'b': 2} {0, 1, 2}\n");
}

#[test]
fn refcounts_match_cpython() {
    let src = "import sys\na = [1, 2, 3]\nprint(sys.getrefcount(a))\nb = a\nprint(sys.getrefcount(a))\ndef f(x):\n    return sys.getrefcount(x)\nprint(f(a), f([1]))\nprint(sys.getrefcount(278))\n";
    assert_eq!(out(src), "2\n3\n4 2\n3\n");
}

#[test]
fn cycle_collection_counts() {
    let src = "import gc\nclass A:\n    pass\nclass B:\n    pass\ngc.collect()\na = A(); b = B(); a.b = b; b.a = a\ndel a, b\nprint(gc.collect())\nx = []\nx.append(x)\ndel x\nprint(gc.collect())\n";
    assert_eq!(out(src), "2\n1\n");
}

#[test]
fn uncaught_error_traceback() {
    let (o, e, code) = run("print('hi')\nx = undefined_name + 1\n");
    assert_eq!(o, "hi\n");
    assert_eq!(code, 1);
    assert_eq!(
        e,
        "Traceback (most recent call last):\n  File \"test.py\", line 2, in <module>\n    x = undefined_name + 1\n        ^^^^^^^^^^^^^^\nNameError: name 'undefined_name' is not defined\n"
    );
}

#[test]
fn syntax_error_report() {
    let (_, e, code) = run("x = (1,\n");
    assert_eq!(code, 1);
    assert!(e.contains("SyntaxError"), "{}", e);
}

#[test]
fn system_exit_code() {
    let (_, _, code) = run("import sys\nsys.exit(3)\n");
    assert_eq!(code, 3);
}

#[test]
fn deep_recursion_is_an_exception() {
    let (o, _, code) = run("import sys\nsys.setrecursionlimit(10**8)\ndef f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept (RecursionError, MemoryError):\n    print('caught')\n");
    assert_eq!((o.as_str(), code), ("caught\n", 0));
}

#[test]
fn gc_debug_collectable_names_the_python_type_and_address() {
    // CPython: `gc: collectable <Node 0x…>` on stderr for every object of the garbage, `tp_name` and `%p`.
    let src = "import gc\nclass Node:\n    pass\nn = Node()\nn.me = n\nprint(hex(id(n)), hex(id(n.__dict__)))\ndel n\ngc.set_debug(gc.DEBUG_COLLECTABLE)\ngc.collect()\n";
    let (o, e, code) = run(src);
    assert_eq!(code, 0, "stderr: {}", e);
    let ids: Vec<&str> = o.split_whitespace().collect();
    // The explicit collection's lines come first; the shutdown collection (debug still on) reports more.
    let expected = format!(
        "gc: collectable <Node {}>\ngc: collectable <dict {}>\n",
        ids[0], ids[1]
    );
    assert!(e.starts_with(&expected), "stderr: {}", e);
}
