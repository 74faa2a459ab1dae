# Pattern syntax the grammar rejects, through compile(): CPython's message and location for each.
SOURCES = [
    "match x:\n    case C(a=1, 2):\n        pass\n",
    "match x:\n    case C(a=1, b=2, 3, 4): pass\n",
    "match x:\n    case *a: pass\n",
    "match x:\n    case {**r, 'a': 1}: pass\n",
    "match x:\n    case {'a': 1, **r, 'b': 2}: pass\n",
    "match x:\n    case a + 1: pass\n",
    "match x:\n    case 1+x: pass\n",
    "match x:\n    case 1+2: pass\n",
    "match x:\n    case 1j+2j: pass\n",
    "match x:\n    case {1: a, b: 2}: pass\n",
    "match x:\n    case 1 as _: pass\n",
    "match x:\n    case 1 as 2: pass\n",
    "match x:\n    pass\n",
    "match x:\n    case [**x]: pass\n",
    "match x:\n    case -x: pass\n",
    "match x:\n    case {'a': 1, **_}: pass\n",
]
for src in SOURCES:
    try:
        compile(src, "<pattern>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(f"{type(e).__name__}: {e.msg!r} at line {e.lineno}, columns {e.offset}-{e.end_offset}")
