# math module functions
import math
print(math.sqrt(16), math.sqrt(2))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5))
print(math.pi, math.e)
print(math.isnan(float("nan")), math.isinf(float("-inf")), math.isfinite(1.0))
print(math.gcd(12, 18), math.factorial(20), math.comb(10, 3), math.perm(5, 2))
print(math.isclose(0.1 + 0.2, 0.3), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.exp(0))
print(math.hypot(3, 4), math.copysign(1, -0.0), math.fabs(-3))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
