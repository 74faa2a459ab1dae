# uncaught NameError at module level
print("before")
value = undefined_name + 1
print("never")
