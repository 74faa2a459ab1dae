# finally runs on return; a return in finally overrides
def f():
    try:
        return "try"
    finally:
        print("finally of f")

def g():
    try:
        return "try"
    finally:
        return "finally"

def h():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"

def k():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("finally", i)
print(f(), g(), h())
k()
