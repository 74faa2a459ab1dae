class C:
    value = await f()
