class A:
    a_very_long_attribute_name_that_goes_on_and_on_forever = 1
A().a_very_long_attribute_name_that_goes_on_and_on_forevr
