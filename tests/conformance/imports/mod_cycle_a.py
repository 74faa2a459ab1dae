print("a starts")
import mod_cycle_b
print("a sees b.B =", mod_cycle_b.B)
A = "a"
