# Dict and list churn: insert, update, delete keys; grow and shrink lists.
def run(n):
    d = {}
    lst = []
    total = 0
    for i in range(n):
        key = i % 5000
        d[key] = [i, key]
        lst.append(i)
        if len(lst) > 1000:
            lst = lst[500:]
        if i % 3 == 0 and (key - 1) in d:
            del d[key - 1]
        total = total + len(d) + len(lst)
    return total


print("dict_list_churn", run(1000000))
