# sort with key and reverse; sorted is stable
words = ["banana", "Apple", "cherry", "date", "Elder", "fig"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))
people = [("amy", 30), ("bob", 25), ("cat", 30), ("dan", 25)]
print(sorted(people, key=lambda p: p[1]))
people.sort(key=lambda p: -p[1])
print(people)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
