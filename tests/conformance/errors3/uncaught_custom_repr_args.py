class MyErr(Exception):
    def __str__(self):
        return "custom str"
print("before")
raise MyErr(1, 2)
