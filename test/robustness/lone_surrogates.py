# Lone surrogates: stdout is strict (UnicodeEncodeError for the piece that holds one, after the
# pieces before it), stderr backslash-escapes them; a surrogate pair made by decoding is one
# character.
import sys
print("ok")
try:
    print("a\ud800b")
except UnicodeEncodeError as e:
    print("caught", e)
try:
    print("\U0001f600z", "q\udc00", 5, sep="--")
except UnicodeEncodeError as e:
    print("caught", e, e.start, e.end, repr(e.object), e.encoding, e.reason)
print("x\udfff", file=sys.stderr)
sys.stdout.write("\ud83d")
