def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught in gen", e)
        yield 99
    finally:
        print("gen finally")
it = g()
print(next(it))
print(it.throw(ValueError("v")))
it.close()
print("closed")
