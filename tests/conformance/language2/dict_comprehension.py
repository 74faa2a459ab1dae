# dict and set comprehensions
squares = {n: n * n for n in range(6)}
print(squares)
inv = {v: k for k, v in squares.items() if v % 2 == 0}
print(inv)
print({c: ord(c) for c in "abc"})
print(sorted({x % 3 for x in range(10)}))
m = {(i, j): i * j for i in range(3) for j in range(3) if i <= j}
print(m)
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], []).append(w)
print(by_letter)
