# list operations
L = [5, 3, 8, 1]
L.append(7)
L.insert(0, 9)
L.extend([2, 2])
print(L, len(L), L.count(2), L.index(8))
L.remove(2)
print(L.pop(), L.pop(0), L)
L.sort()
print(L)
L.sort(reverse=True)
print(L)
L.reverse()
print(L, L[::2], L[-2:], L[1:-1], L[::-1])
M = L.copy()
M[0] = 100
print(L[0], M[0], [1, 2] + [3], [0] * 3, 3 in L, 4 not in L)
del M[1:3]
print(M)
M[1:2] = ["a", "b", "c"]
print(M, min(L), max(L), sum(L))
print([[1, 2], [3]] == [[1, 2], [3]], [1, 2] < [1, 3], [] or "empty")
words = ["pear", "fig", "apple"]
print(sorted(words, key=len), sorted(words, key=lambda w: w[-1]), words)
