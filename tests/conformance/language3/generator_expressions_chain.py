def nums():
    for i in range(5):
        print("yield", i)
        yield i
evens = (n for n in nums() if n % 2 == 0)
sq = (e * e for e in evens)
print(next(sq))
print(list(sq))
print(sum(x for x in range(10)), any(x > 3 for x in range(5)), all([]))
