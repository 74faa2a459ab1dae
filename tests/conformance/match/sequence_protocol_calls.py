# Which special methods a sequence pattern calls: len() always; indexing for `[a, *_, b]`; iteration
# (unpacking) for patterns that bind a star or no star at all.
class Traced(list):
    def __len__(self):
        print("  __len__")
        return super().__len__()
    def __getitem__(self, i):
        print(f"  __getitem__({i})")
        return super().__getitem__(i)
    def __iter__(self):
        print("  __iter__")
        return super().__iter__()

subject = Traced([10, 20, 30, 40])
print("[a, *_, b]:")
match subject:
    case [a, *_, b]:
        print(" ", a, b)
print("[a, *rest]:")
match subject:
    case [a, *rest]:
        print(" ", a, rest)
print("[a, b, c, d]:")
match subject:
    case [a, b, c, d]:
        print(" ", a, b, c, d)
print("[_, _, *_]:")
match subject:
    case [_, _, *_]:
        print("  only the length")
print("[1, 2]:")
match subject:
    case [1, 2]:
        print("  no")
    case _:
        print("  length mismatch, no unpacking")
