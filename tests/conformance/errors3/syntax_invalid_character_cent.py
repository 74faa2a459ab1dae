price = 5¢
