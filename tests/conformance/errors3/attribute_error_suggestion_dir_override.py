class A:
    def __dir__(self):
        return ['zeta', 'alpha_beta']
A().alpha_bet
