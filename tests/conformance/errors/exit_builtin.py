# exit(2) exits with status 2
print("bye")
exit(2)
print("never")
