# sys.exit still lets module-level objects be finalized
import sys

class F:
    def __del__(self):
        print("finalized at exit")

keep = F()
print("exiting")
sys.exit(0)
