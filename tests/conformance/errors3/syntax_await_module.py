import time
await time.sleep(0)
