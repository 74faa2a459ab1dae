# Equal literal keys in a mapping pattern are a SyntaxError (1 and True are equal keys).
match {}:
    case {1: a, "b": b, True: c}:
        pass
