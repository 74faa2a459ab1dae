for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)
def f():
    try:
        return "try"
    finally:
        print("f finally")
print(f())
def g():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
print(g())
