#!/usr/bin/env python3
"""Regenerate entries.txt: for each REPL entry below, what CPython 3.11's codeop says (the interactive
console's rule): "more" when the entry needs more lines, "ready" when it compiles or is an error now.
Each entry is written with its lines joined by the two characters \\n.

    python3 tests/repl/generate.py > tests/repl/entries.txt
"""
import codeop
import warnings

ENTRIES = [
    "x = 1", "x = 1 +", "foo = (1,", "foo = (1,\n2)", "[1,\n", "[1,\n\n", "def f(x):",
    "def f(x):\n    return x", "def f(x):\n    return x\n", "if True:\n    z = 5\n", "if True:",
    "s = '''a", "s = '''a\n\nb'''", "y = 1 + \\", "y = 1 + \\\n2", "t = 'it''s'", "# c '''",
    "u = \"\"\"x\"\"\" + '#'", "class A:", "class A: pass", "for i in range(2): print(i)",
    "while x:\n    pass\nelse:", "try:\n    pass\nexcept:", "print(", "print)", "{'a': ", "lambda:",
    "x = [i for i in", "@decorator", "with open(f) as g:", "x = 'unterminated", "1 +* 2",
    "match x:", "match x:\n    case 1:", "match x:\n    case 1:\n        pass",
    "match x:\n    case 1:\n        pass\n", "match x:\n    case [a, *b] if a:\n        pass\n    case _:",
    "match = 1", "match(x)", "match x", "case = 2",
]

for entry in ENTRIES:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = codeop.compile_command(entry, "<stdin>", "single")
            state = "more" if result is None else "ready"
        except (SyntaxError, ValueError, OverflowError):
            state = "ready"
    print(state, entry.replace("\\", "\\\\").replace("\n", "\\n"))
