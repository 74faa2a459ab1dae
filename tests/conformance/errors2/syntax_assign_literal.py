# cannot assign to a literal
print("start")
1 = x
