import sys, json
for convert in (str, repr, lambda v: f"{v:,}", lambda v: "%d" % v, json.dumps):
    for v in (10**4299, -10**4299, 10**4300):
        try:
            print(len(convert(v)))
        except ValueError as e:
            print(e)
for s, base in [("1" * 4300, 10), ("-" + "1" * 4301, 10), ("1" * 5000, 0), ("1" * 5000, 16), ("1" * 5000, 7)]:
    try:
        print(int(s, base) % 1000)
    except ValueError as e:
        print(e)
try:
    sys.set_int_max_str_digits(639)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(700)
print(sys.get_int_max_str_digits(), len(str(10**699)))
try:
    str(10**700)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(0)
print(len(str(10**5000)))
