# Lone surrogates joined at run time (issue 13 item 12). CPython keeps chr(0xd83d) + chr(0xde00) as
# two code points; a JS string would make them one character, so in a module that can make lone
# surrogates (chr, json, ...) tsyncio's joins raise NotImplementedError at such a seam instead of
# making the wrong string. Joins that pair nothing
# (a low then a high surrogate, a surrogate next to other text, real astral characters) are exact.
import json


def t(label, fn):
    try:
        s = fn()
        print(label, len(s), [hex(ord(c)) for c in s][:6])
    except Exception as e:
        print(label, type(e).__name__)


h = chr(0xD83D)
lo = chr(0xDE00)
items = [h, lo]
t("chr + chr", lambda: chr(0xD83D) + chr(0xDE00))
t("f-string", lambda: f"{h}{lo}")
t("join", lambda: "".join(items))
t("join with separator", lambda: h.join([lo, lo]))
t("join across an empty string", lambda: "".join([h, "", lo]))
t("add", lambda: items[0] + items[1])
t("repeat", lambda: (lo + h) * 2)
t("json escape", lambda: json.loads('"\\ud83d"') + items[1])
t("surrogatepass", lambda: b"\xed\xa0\xbd\xed\xb8\x80".decode("utf-8", "surrogatepass"))
t("low then high", lambda: "".join([lo, h]))
t("high then text", lambda: items[0] + "x" + items[1])
t("astral", lambda: "".join(["\U0001F600", lo, "a", h]))
t("repeat low then high", lambda: lo * 3 + h * 2)
t("json pair", lambda: json.loads('"\\ud83d\\ude00"'))
try:
    "".join(items)
except NotImplementedError as e:
    print(e)
