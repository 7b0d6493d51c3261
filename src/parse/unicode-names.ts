// `\N{NAME}` escapes in string literals. JavaScript has no Unicode name database, so the names
// are looked up in a table (see NAMES below) plus the algorithmic names (CJK ideographs).

const NAMES: Record<string, number> = {
  "EM DASH": 0x2014,
  "EN DASH": 0x2013,
  "BULLET": 0x2022,
  "HORIZONTAL ELLIPSIS": 0x2026,
  "NO-BREAK SPACE": 0xa0,
  "DEGREE SIGN": 0xb0,
  "GREEK SMALL LETTER ALPHA": 0x3b1,
  "SNOWMAN": 0x2603,
};

/** The character named `name` (case-insensitive, like CPython), or undefined. */
export function unicodeName(name: string): string | undefined {
  const key = name.toUpperCase();
  const cp = NAMES[key];
  if (cp !== undefined) return String.fromCodePoint(cp);
  const m = /^CJK UNIFIED IDEOGRAPH-([0-9A-F]{4,5})$/.exec(key);
  if (m) return String.fromCodePoint(parseInt(m[1], 16));
  return undefined;
}
