# The probe every errors4 program uses: run `call`, print what it raised (or ok) after `label`.
def show(label, call):
    try:
        call()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, 'ok')
