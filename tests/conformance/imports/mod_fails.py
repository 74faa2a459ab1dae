print("mod_fails starts")
missing_name + 1
