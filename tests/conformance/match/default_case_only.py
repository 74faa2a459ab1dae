# Degenerate matches: one wildcard case, one capture case, no case matching, a guarded wildcard.
def evaluated():
    print("subject evaluated")
    return 7

match evaluated():
    case _:
        print("only a wildcard")

match evaluated():
    case x:
        print("only a capture:", x)

match evaluated():
    case 1:
        print("no")
print("no case matched, nothing printed")

match evaluated():
    case 1:
        print("no")
    case _ if False:
        print("no")
print("guarded wildcard can fail")
