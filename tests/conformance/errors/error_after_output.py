# output before the error is kept; the exit code is 1
for i in range(3):
    print("line", i)
[].pop()
