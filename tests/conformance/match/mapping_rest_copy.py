# **rest copies the subject as PyDict_Update does (its table for a dict subclass, keys() and subscription
# when the subclass has its own __iter__), then deletes the matched keys from the copy.
class Plain(dict):
    def __getitem__(self, key):
        print("  Plain.__getitem__", key)
        return super().__getitem__(key)

class OwnIter(dict):
    def __iter__(self):
        print("  OwnIter.__iter__")
        return super().__iter__()
    def keys(self):
        print("  OwnIter.keys")
        return list(super().keys())
    def __getitem__(self, key):
        print("  OwnIter.__getitem__", key)
        return super().__getitem__(key)

for subject in [Plain(a=1, b=2, c=3), OwnIter(a=1, b=2, c=3)]:
    print(type(subject).__name__)
    match subject:
        case {"a": 1, **rest}:
            print("  rest", rest, type(rest).__name__)

match {"x": 1}:
    case {"x": _, **rest}:
        print("empty rest:", rest)

class Keys:
    def keys(self):
        return ["k"]
    def __getitem__(self, key):
        return key * 2

print("dict display from a keys() mapping:", {**Keys(), "z": 0})
