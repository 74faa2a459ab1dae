# nested dicts forming a cycle
import gc

gc.collect()
root = {"name": "root", "children": []}
for i in range(3):
    child = {"name": i, "parent": root}
    root["children"].append(child)
print(len(root["children"]), root["children"][1]["parent"] is root)
del root, child
print("collected:", gc.collect())
