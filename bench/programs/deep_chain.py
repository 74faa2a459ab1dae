# Free a 10^6-deep chain of nested lists (the trashcan keeps the C stack flat).
def build(n):
    chain = None
    for i in range(n):
        chain = [chain, i]
    return chain


chain = build(1000000)
head = chain[1]
chain = None
print("deep_chain", head)
