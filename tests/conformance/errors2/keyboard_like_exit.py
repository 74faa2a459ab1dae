# sys.exit with a non-int, non-None argument prints it and exits 1
import sys
print("before exit")
sys.stdout.flush()
sys.exit(["not", "an", "int"])
