data = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[0]))
print(sorted(data))
print(sorted(data, key=lambda t: t[1], reverse=True))
words = ["bb", "a", "ccc", "dd", "e"]
words.sort(key=len)
print(words)
print(sorted([3, 1, 2], reverse=True), sorted("cba"), min(data), max(data, key=lambda t: t[1]))
