clss[ = 5
