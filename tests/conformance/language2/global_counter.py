# global statement vs UnboundLocalError
count = 0
def inc():
    global count
    count += 1
def broken():
    count += 1
inc(); inc()
print(count)
try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def reader():
    return count * 10
print(reader())
