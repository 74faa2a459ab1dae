print("b starts")
import mod_cycle_a
print("b sees a has A:", hasattr(mod_cycle_a, "A"))
B = "b"
