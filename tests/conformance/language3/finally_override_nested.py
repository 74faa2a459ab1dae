# Nested try/finally and with blocks between a return and the loop a finally body continues.
class CM:
    def __init__(self, tag):
        self.tag = tag

    def __enter__(self):
        print("enter", self.tag)
        return self

    def __exit__(self, *exc):
        print("exit", self.tag, exc[0])
        return False


def two_finallies():
    for i in range(3):
        try:
            try:
                return i
            finally:
                print("inner finally", i)
        finally:
            print("outer finally", i)
            if i < 2:
                continue
    return None


def inner_continue():
    for i in range(3):
        try:
            try:
                return i
            finally:
                print("inner", i)
                if i == 0:
                    continue
        finally:
            print("outer", i)
    return "fell through"


def with_inside():
    for i in range(3):
        with CM(i):
            try:
                return i
            finally:
                if i < 2:
                    continue
    return "no"


def finally_loop_inside():
    for i in range(2):
        try:
            return i
        finally:
            for k in range(2):
                print("cleanup", i, k)
                if k == 0:
                    continue
            if i == 0:
                continue


def except_then_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError as e:
            return str(e)
        finally:
            if i < 2:
                continue
    return "end"


def discarded_value_freed():
    class Box:
        def __del__(self):
            print("Box freed")

    for i in range(2):
        try:
            return Box()
        finally:
            if i == 0:
                continue
    return "none"


for f in (two_finallies, inner_continue, with_inside, finally_loop_inside, except_then_finally):
    print(f.__name__, f())
r = discarded_value_freed()
print("result", type(r).__name__)
del r
print("done")
