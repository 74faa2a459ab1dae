# MATCH_CLASS TypeErrors, in CPython's words.
def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except TypeError as e:
        print(label, "TypeError:", e)

class NoMatchArgs:
    pass

class Two:
    __match_args__ = ("a", "b")
    a = 1
    b = 2

class ListArgs:
    __match_args__ = ["a"]

class IntArgs:
    __match_args__ = (1,)

def not_a_type():
    match 1:
        case len():
            pass

def too_many_none():
    match NoMatchArgs():
        case NoMatchArgs(1):
            pass

def too_many_two():
    match Two():
        case Two(1, 2, 3):
            pass

def too_many_self():
    match 5:
        case int(1, 2):
            pass

def not_a_tuple():
    match ListArgs():
        case ListArgs(1):
            pass

def not_strings():
    match IntArgs():
        case IntArgs(1):
            pass

def repeated_at_run_time():
    match Two():
        case Two(1, a=1):
            pass

def not_checked_when_no_instance():
    match "s":
        case Two(1, 2, 3):
            pass

for f in [not_a_type, too_many_none, too_many_two, too_many_self, not_a_tuple, not_strings,
          repeated_at_run_time, not_checked_when_no_instance]:
    attempt(f.__name__, f)
