print("faulty starts")
raise ValueError("faulty module")
