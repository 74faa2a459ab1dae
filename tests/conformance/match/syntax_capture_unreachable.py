# A capture pattern before other cases is a SyntaxError (it would make them unreachable).
print("never printed")
match 1:
    case x:
        pass
    case 2:
        pass
