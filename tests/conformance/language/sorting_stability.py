# sort is stable and supports key/reverse
people = [("bob", 25), ("amy", 30), ("cat", 25), ("dan", 30), ("eve", 20)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
by_name = sorted(people)
print(by_name)
L = [3, -1, 2, -5]
L.sort(key=abs)
print(L)
print(sorted([[2, 1], [1, 2], [1]]), sorted([3.5, 1, 2.25]), sorted("Banana"))
