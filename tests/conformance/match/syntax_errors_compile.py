# The pattern SyntaxErrors the compiler raises, through compile(): message and location.
SOURCES = [
    "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case a if a:\n        pass\n    case b:\n        pass\n    case 3:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case [x] as x:\n        pass\n",
    "match x:\n    case {'k': v, **v}:\n        pass\n",
    "match x:\n    case [a] | [b]:\n        pass\n",
    "match x:\n    case [a, b] | [a]:\n        pass\n",
    "match x:\n    case a | 2:\n        pass\n",
    "match x:\n    case [*a, *b]:\n        pass\n",
    "match x:\n    case {1: a, 1.0: b}:\n        pass\n",
    "match x:\n    case {'k': a, 'k': b}:\n        pass\n",
    "match x:\n    case C(y=1, z=2, y=3):\n        pass\n",
    "match x:\n    case f'a':\n        pass\n",
    "match x:\n    case __debug__:\n        pass\n",
    "match x:\n    case [a, *_, a]:\n        pass\n",
    "match x:\n    case (a, b) | (b, a) | [*a, b]:\n        pass\n",
]
for src in SOURCES:
    try:
        compile(src, "<pattern>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(f"{e.msg!r} at line {e.lineno}, columns {e.offset}-{e.end_offset}")
