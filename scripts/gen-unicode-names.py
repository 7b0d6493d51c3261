"""Generates src/parse/unicode-names-data.ts (and src/ast/pyprintable.ts, see printable_table): the Unicode character names CPython's `\\N{NAME}`
escapes accept, packed into one ASCII string (~190 KB instead of the ~900 KB of plain names).

Run with the CPython whose Unicode database the front end follows (3.12: Unicode 15.0.0):

    $PYENV_ROOT/versions/3.12.1/bin/python scripts/gen-unicode-names.py [ALIAS_SOURCE]

Only regenerating needs CPython; src/parse/unicode-names.ts decodes the string (lazily, the first
time a `\\N{` escape is decoded). Format of the string, sections separated by "|":

  0. "UNAMES1" and the Unicode version;
  1. CJK unified ideograph ranges ("3400-4DBF,4E00-9FFF,..."): CPython computes these names
     ("CJK UNIFIED IDEOGRAPH-4E00", exactly 4 or 5 upper-case hex digits) instead of storing them;
     Hangul syllables are computed from the jamo short names, in the decoder;
  2. runs of names spelled PREFIX-HEX of their own code point ("CJK COMPATIBILITY IDEOGRAPH-F900"):
     "PREFIX:start-end,start-end;PREFIX:..." (hex);
  3. the word dictionary: every word (split at spaces) of the other names, most frequent first
     for the short codes and alphabetical after; front-coded: a lower-case letter gives how many
     leading characters are shared with the previous word ('a' = 0), then the rest of the word;
  4. the names in code point order (starting at 0). "!" + 4 digits: the next name's code point
     is that much further than one past the previous. Otherwise a header digit h: the name keeps
     the first h // 15 words of the previous name, then h % 15 + 1 new word codes follow.
     A word code: digit d < 50 → word d; 50 <= d < 80 → (d-50)*90 + next + 50; else
     (d-80)*8100 + next*90 + next + 2750;
  5. name aliases (NameAliases.txt: "LF", "BOM", "NBSP", corrections), "NAME:hex" joined by ",".

Digits are the 90 characters "#" to "~" without "\\" and "|" (value = their order). Aliases are
taken from a candidate list (default: Perl's unicore/Name.pl) and kept only where CPython's
unicodedata.lookup agrees; named sequences are left out (`\\N{}` does not accept them).
"""

import collections
import glob
import re
import sys
import unicodedata

DIGITS = "".join(c for c in map(chr, range(0x23, 0x7F)) if c not in "\\|")
assert len(DIGITS) == 90
ONE, TWO = 50, 30  # word codes: 50 one-digit, 30*90 two-digit, the rest three-digit
K = 15  # new words per header (1..15)


def digit(v):
    return DIGITS[v]


def word_code(i):
    if i < ONE:
        return digit(i)
    i -= ONE
    if i < TWO * 90:
        return digit(ONE + i // 90) + digit(i % 90)
    i -= TWO * 90
    assert i < 10 * 8100
    return digit(ONE + TWO + i // 8100) + digit(i // 90 % 90) + digit(i % 90)


def is_hangul(cp):
    return 0xAC00 <= cp <= 0xD7A3


def main():
    cjk = []  # ranges of CJK UNIFIED IDEOGRAPH-XXXX
    hexruns = collections.defaultdict(list)
    names = []
    for cp in range(0x110000):
        nm = unicodedata.name(chr(cp), None)
        if nm is None:
            continue
        if nm.startswith("CJK UNIFIED IDEOGRAPH-"):
            if cjk and cjk[-1][1] == cp - 1:
                cjk[-1][1] = cp
            else:
                cjk.append([cp, cp])
            continue
        if nm.startswith("HANGUL SYLLABLE "):
            assert is_hangul(cp)
            continue
        m = re.fullmatch(r"(.*)-([0-9A-F]{4,6})", nm)
        if m and int(m.group(2), 16) == cp and len(m.group(2)) == max(4, len("%X" % cp)):
            runs = hexruns[m.group(1)]
            if runs and runs[-1][1] == cp - 1:
                runs[-1][1] = cp
            else:
                runs.append([cp, cp])
            continue
        names.append((cp, nm))

    freq = collections.Counter(w for _, nm in names for w in nm.split(" "))
    by_freq = [w for w, _ in sorted(freq.items(), key=lambda x: (-x[1], x[0]))]
    short = ONE + TWO * 90
    words = by_freq[:short] + sorted(by_freq[short:])
    rank = {w: i for i, w in enumerate(words)}

    dict_parts = []
    prev = ""
    for w in words:
        assert re.fullmatch(r"[A-Z0-9-]+", w), w
        k = 0
        while k < min(len(prev), len(w), 25) and prev[k] == w[k]:
            k += 1
        dict_parts.append(chr(ord("a") + k) + w[k:])
        prev = w

    stream = []
    expect = 0
    prev_words = []
    for cp, nm in names:
        if cp != expect:
            d = cp - expect
            assert d < 90**4
            stream.append("!" + digit(d // 729000) + digit(d // 8100 % 90) + digit(d // 90 % 90) + digit(d % 90))
        ws = nm.split(" ")
        s = 0
        while s < min(len(ws) - 1, len(prev_words)) and ws[s] == prev_words[s]:
            s += 1
        new = ws[s:]
        # Fit the header: at most 5 shared and 15 new words.
        s = min(s, 5)
        new = ws[s:]
        assert 1 <= len(new) <= K, nm
        stream.append(digit(s * K + len(new) - 1) + "".join(word_code(rank[w]) for w in new))
        prev_words = ws
        expect = cp + 1

    aliases = {}
    src = sys.argv[1] if len(sys.argv) > 1 else (glob.glob("/usr/share/perl/*/unicore/Name.pl") or [None])[0]
    if src:
        text = open(src, encoding="utf-8").read()
        for m in re.finditer(r"^([0-9A-F]{4,6})\n([^\n]+)$", text, re.M):
            cp, nm = int(m.group(1), 16), m.group(2)
            if unicodedata.name(chr(cp), None) == nm:
                continue
            try:
                ok = unicodedata.lookup(nm) == chr(cp)
            except KeyError:
                ok = False
            if ok:
                aliases[nm] = cp

    out = "|".join([
        "UNAMES1 " + unicodedata.unidata_version,
        ",".join("%X-%X" % tuple(r) for r in cjk),
        ";".join(p + ":" + ",".join("%X-%X" % tuple(r) for r in runs) for p, runs in hexruns.items()),
        "".join(dict_parts),
        "".join(stream),
        ",".join("%s:%X" % (nm, cp) for nm, cp in sorted(aliases.items())),
    ])
    assert '"' not in out and "\\" not in out
    with open("src/parse/unicode-names-data.ts", "w") as f:
        f.write("// Generated by scripts/gen-unicode-names.py from CPython's unicodedata " + unicodedata.unidata_version
                + "; do not edit.\n// The format is described there; src/parse/unicode-names.ts reads it (lazily).\n")
        f.write('export default "' + out + '";\n')
    print(f"{len(names)} names, {sum(len(r) for r in hexruns.values())} hex runs, {len(words)} words, "
          f"{len(aliases)} aliases; {len(out)} characters", file=sys.stderr)




def printable_table():
    """src/ast/pyprintable.ts: where str.isprintable() changes value, for repr() in ast.dump."""
    edges = []
    prev = False
    for cp in range(0x110000):
        p = chr(cp).isprintable()
        if p != prev:
            edges.append(cp)
            prev = p
    deltas = [edges[0]] + [b - a for a, b in zip(edges, edges[1:])]
    text = ",".join(base36(d) for d in deltas)
    with open("src/ast/pyprintable.ts", "w") as f:
        f.write("// Generated by scripts/gen-unicode-names.py from CPython's str.isprintable() (Unicode "
                + unicodedata.unidata_version + "); do not edit.\n"
                "// The code points where printability flips (starting non-printable at 0), as base-36 deltas.\n")
        f.write('export default "' + text + '";\n')
    print(f"printable: {len(edges)} edges, {len(text)} characters", file=sys.stderr)


def base36(n):
    s = ""
    while True:
        s = "0123456789abcdefghijklmnopqrstuvwxyz"[n % 36] + s
        n //= 36
        if not n:
            return s


if __name__ == "__main__":
    main()
    printable_table()
