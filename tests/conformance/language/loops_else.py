# while/for with break/continue/else
def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            print("found at", i)
            break
    else:
        print("not found")

find([3, 4, 5], 4)
find([3, 4, 5], 9)
n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    if n == 8:
        break
    print("even", n)
else:
    print("while else not reached")
k = 3
while k:
    k -= 1
else:
    print("while finished, k =", k)
for i in range(2):
    for j in range(3):
        if j == 1:
            break
        print(i, j)
