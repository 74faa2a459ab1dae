# try/except/else/finally ordering
def attempt(x):
    try:
        print("try", x)
        r = 10 // x
    except ZeroDivisionError as e:
        print("except", e)
        return "from except"
    else:
        print("else", r)
        return "from else"
    finally:
        print("finally")

print(attempt(2))
print(attempt(0))

def finally_overrides():
    try:
        return "try"
    finally:
        print("cleanup runs")

print(finally_overrides())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
