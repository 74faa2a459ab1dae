# carets under a subscript on a nested dict
settings = {"server": {"host": "localhost"}}
print(settings["server"]["host"])
print(settings["server"]["port"])
