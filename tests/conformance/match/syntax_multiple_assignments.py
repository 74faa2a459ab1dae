# A name may be bound only once in a pattern.
match [1, [2]]:
    case [x, [x]]:
        pass
