# raise SystemExit(3) exits with status 3 and no traceback
print("leaving")
raise SystemExit(3)
