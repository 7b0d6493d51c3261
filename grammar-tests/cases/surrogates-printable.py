# surrogates written as escapes stay separate code points; repr follows CPython 3.12's isprintable (Unicode 15.0)
a = '\ud800\udc02'
b = "z\ud834\udd20x12345" "\ud800" "\udc02" '𐀂'
c = f"{a}\ud800\udc02{b}\udbff" "\udfff"
d = '\u2ffc\U0001F600\u1c89\u1b4f'
e = '\udc02\ud800'
