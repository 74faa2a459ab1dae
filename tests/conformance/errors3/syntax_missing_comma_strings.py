words = ['a' 'b' c]
