# break/continue in a finally body that runs on the way out of a return, in for and while loops.
def cont_for():
    for i in range(4):
        try:
            return i
        finally:
            if i < 2:
                continue
    return "done"


def break_for():
    for i in range(4):
        try:
            return i * 10
        finally:
            if i == 1:
                break
    return "after break"


def cont_while():
    n = 0
    while n < 5:
        n += 1
        try:
            return n
        finally:
            if n < 3:
                continue
    return "end"


def break_while():
    n = 0
    while True:
        n += 1
        try:
            return [n]
        finally:
            break
    return ("broke", n)


def return_in_finally_for():
    for x in "abc":
        try:
            return x
        finally:
            return x.upper()


def nested_loops():
    out = []
    for i in range(3):
        for j in range(3):
            try:
                out.append((i, j))
                return out
            finally:
                if j < 2:
                    continue
        out.append("inner done")
    return out


for f in (cont_for, break_for, cont_while, break_while, return_in_finally_for, nested_loops):
    print(f.__name__, f())
