for exc in (KeyError("k"), IndexError(1), ZeroDivisionError(), ValueError("v"), OSError(2, "x")):
    try:
        raise exc
    except LookupError as e:
        print("lookup", type(e).__name__)
    except ArithmeticError as e:
        print("arith", type(e).__name__)
    except Exception as e:
        print("other", type(e).__name__, e.args)
print(issubclass(FileNotFoundError, OSError))
