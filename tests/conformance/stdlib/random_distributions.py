# The real-valued distributions draw from the generator as CPython's do.
import random

random.seed(5)
print(random.uniform(-1, 1), random.triangular(0, 10, 2), random.triangular(1, 1))
print([round(random.gauss(100, 15), 9) for _ in range(5)])
print([round(random.normalvariate(0, 1), 9) for _ in range(5)])
print(random.lognormvariate(0, 0.5), random.expovariate(1.5), random.paretovariate(3), random.weibullvariate(1, 2))
state = random.getstate()
print(type(state), len(state), state[0], len(state[1]), state[2])
first = [random.random() for _ in range(3)]
random.setstate(state)
print(first == [random.random() for _ in range(3)])
r = random.Random(11)
s = random.Random(11)
print(r.random() == s.random(), r.gauss(), s.gauss(), r.getstate() == s.getstate())
try:
    random.setstate((9, (), None))
except ValueError as e:
    print("ValueError", e)
print(random.randrange(10), random.randint(True, 5))
