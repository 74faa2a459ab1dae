# the math module basics
import math

print(math.pi, math.e, math.tau, math.inf, math.nan != math.nan)
print(math.sqrt(16), math.sqrt(2), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7))
print(math.pow(2, 10), math.exp(1), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 12), math.atan2(1, 1))
print(math.factorial(20), math.gcd(84, 36), math.isclose(0.1 + 0.2, 0.3), math.fabs(-3))
print(math.isnan(float("nan")), math.isinf(math.inf), math.hypot(3, 4), math.copysign(2, -0.0))
print(math.comb(10, 3), math.perm(5, 2), math.isqrt(99), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.degrees(math.pi), math.radians(180), math.modf(3.75), math.frexp(8.0))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
