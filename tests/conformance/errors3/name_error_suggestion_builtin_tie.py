def f():
    return mao([1])
f()
