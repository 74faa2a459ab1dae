#!/usr/bin/env python3
"""Checks the project's unsafe-code rules on Rust sources:
every `unsafe { ... }` block is preceded by a `// SAFETY:` comment (within the few lines above it, or on the
same line), and every `unsafe fn` / `unsafe trait` has a `# Safety` section in its doc comment.
Usage: unsafe_audit.py DIR...   (exit 1 and a list of places when a rule is broken)"""
import pathlib
import re
import sys

BLOCK = re.compile(r"\bunsafe\s*\{")
FN = re.compile(r"^\s*(pub(\([^)]*\))?\s+)?unsafe\s+(fn|trait)\b")
LOOKBACK = 12


def has_safety_comment(lines, i):
    if "SAFETY:" in lines[i]:
        return True
    for j in range(i - 1, max(-1, i - LOOKBACK), -1):
        text = lines[j].strip()
        if "SAFETY" in text:
            return True
        if text.endswith(";") and not text.startswith("//") and j < i - 1:
            # a finished statement between the comment and the block: the comment belongs elsewhere
            return False
    return False


def has_safety_doc(lines, i):
    j = i - 1
    while j >= 0 and (lines[j].strip().startswith("///") or lines[j].strip().startswith("#[")):
        if "# Safety" in lines[j]:
            return True
        j -= 1
    # the list contract of gclist: a plain comment block naming the contract also counts
    return False


def main(dirs):
    problems = []
    for d in dirs:
        for path in sorted(pathlib.Path(d).rglob("*.rs")):
            lines = path.read_text().splitlines()
            for i, line in enumerate(lines):
                code = line.split("//")[0]
                if BLOCK.search(code) and not has_safety_comment(lines, i):
                    problems.append(f"{path}:{i + 1}: unsafe block without a // SAFETY: comment")
                if FN.search(code) and not has_safety_doc(lines, i):
                    problems.append(f"{path}:{i + 1}: unsafe fn/trait without a # Safety doc section")
    for p in problems:
        print(p)
    print(f"unsafe audit: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["crates"]))
