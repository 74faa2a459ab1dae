print('yes' if True, 'no')
