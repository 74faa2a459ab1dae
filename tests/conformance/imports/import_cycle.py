# A circular import sees the partly initialised module.
import mod_cycle_a
print("main sees", mod_cycle_a.A, mod_cycle_a.mod_cycle_b.B)
