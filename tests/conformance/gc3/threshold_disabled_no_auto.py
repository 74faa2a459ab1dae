import gc
gc.collect()
gc.disable()
events = []
gc.callbacks.append(lambda p, i: events.append(p))
junk = [[i] for i in range(5000)]
print("events while disabled", len(events))
gc.collect()
print("events after manual", events)
gc.enable()
gc.callbacks.clear()
