# shuffle, sample (pool and set strategies, counts), choices (equal, weights, cum_weights).
import random

random.seed(99)
deck = [r + s for s in "SHDC" for r in "A23456789TJQK"]
random.shuffle(deck)
print(deck[:10])
print(random.sample(deck, 5), random.sample(range(10**9), 8), random.sample(deck, k=0))
print(random.sample("abc", 3), random.sample((1, 2, 3, 4), 2), random.sample(range(50), 30))
print(random.sample(["red", "blue"], counts=[4, 2], k=5))
print(random.choices(deck, k=6))
print(random.choices(["a", "b", "c"], weights=[10, 1, 0.5], k=8))
print(random.choices(["a", "b", "c"], cum_weights=[1, 2, 30], k=8))
print(random.choice(range(1000)), random.choice((None, True)), random.choice(b"xyz"))
for bad in [
    lambda: random.sample({1, 2}, 1),
    lambda: random.sample([1, 2], 3),
    lambda: random.sample([1, 2], -1),
    lambda: random.sample([1, 2], 1, counts=[1]),
    lambda: random.sample([1, 2], 1, counts=[0, 0]),
    lambda: random.choices([1, 2], [1, 2], cum_weights=[1, 2]),
    lambda: random.choices([1, 2], 3),
    lambda: random.choices([1, 2], weights=[1]),
    lambda: random.choices([1, 2], weights=[0, 0]),
    lambda: random.choices([1, 2], weights=[1, float("inf")]),
    lambda: random.choice(""),
]:
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
