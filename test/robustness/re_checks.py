# re: patterns CPython rejects (variable-width look-behind, a class escape ending a range, repeat counts past
# MAXREPEAT) and ones it compiles with a FutureWarning (nested sets, set operations).
import re
x = re.compile("[[:alpha:]]")
y = re.compile("[[:alpha:]]")
print(re.findall("[a&&b]", "a&b"))
def f():
    return re.search("[[:digit:]]", "1")
f()
f()
print(re.findall(r"(?<=(?:ab){2}|x{4})z", "ababz xxxxz"), re.findall(r"(?x) (?<= a \s b ) c", "a bc"), re.findall(r"(?<=[ab]\d\x41)c", "a1Ac"))
for p in [r"(?<=a{1,2})x", r"(?<=\Aa)x", r"(?<=(?P<n>a))(?P=n)", r"(a)(?<=\1)x", r"(?<=\0)x", r"(?<=a|)x", r"(?<=a(?#c)b)x", r"(?<=(?i:ab))x"]:
    try:
        re.compile(p); print(p, "ok")
    except re.error as e:
        print(p, e)
for pat in [r"(?<=a|bc)x", r"(?<!ab|c)x", r"(?<=a{1,2})x", r"(?<=ab)x", r"(?<=a|b)x", r"(?<=(ab|cd))x", r"[\d-z]", r"[a-\d]", r"[\w-]", r"[-\w]", r"x{99999999999}", r"x{4294967295}", r"x{4294967294}", r"x{2,1}", r"[[:alpha:]]", r"[[a]", r"[a&&b]", r"[a--b]", r"[a||b]", r"[a~~b]", r"(?<=\b)x", r"(?<=x*)y", r"(?<=a.)x"]:
    try:
        c = re.compile(pat)
        print(repr(pat), "ok",)
    except re.error as e:
        print(repr(pat), "re.error:", e)
    except OverflowError as e:
        print(repr(pat), "OverflowError:", e)
print(re.findall(r"[[:alpha:]]", "a:l[p]"))
