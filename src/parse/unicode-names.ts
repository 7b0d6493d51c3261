// `\N{NAME}` escapes in string literals. JavaScript has no Unicode name database, so the names
// come from unicode-names-data.ts (CPython's unicodedata, packed by scripts/gen-unicode-names.py,
// ~210 KB). That file is never imported: it is read the first time a `\N{` escape is decoded
// (Node: from disk next to this module; a browser worker: a synchronous request for the asset),
// so normal runs and the web bundle do not carry it. Hangul syllables are computed, as CPython
// computes them; so are CJK unified ideographs (their ranges come with the data).

const DIGITS = Array.from({ length: 0x7f - 0x23 }, (_, i) => String.fromCharCode(0x23 + i))
  .filter((c) => c !== "\\" && c !== "|")
  .join("");
const K = 15;

interface Table {
  names: Map<string, number>;
  cjk: [number, number][];
  /** The number of entries of `names` before the aliases (the characters' own names). */
  ownNames: number;
}

let table: Table | null = null;
let loadFailed = false;
/** Packed data given by the host (setUnicodeNameData), for environments that cannot read files. */
let provided: string | null = null;

/**
 * Hands the packed name data (the default export of unicode-names-data.ts) to the front end, for
 * hosts where it cannot be fetched synchronously: `setUnicodeNameData((await import(...)).default)`.
 */
export function setUnicodeNameData(data: string): void {
  provided = data;
  table = null;
  byCode = null;
  loadFailed = false;
}

/** The character named `name` (case-insensitive, like CPython), or undefined. */
export function unicodeName(name: string): string | undefined {
  const hangul = hangulSyllable(name);
  if (hangul !== undefined) return String.fromCodePoint(hangul);
  const t = loadTable();
  if (!t) return undefined;
  const cjk = /^CJK UNIFIED IDEOGRAPH-([0-9A-F]{4,5})$/.exec(name);
  if (cjk) {
    const cp = parseInt(cjk[1], 16);
    return t.cjk.some(([a, b]) => a <= cp && cp <= b) ? String.fromCodePoint(cp) : undefined;
  }
  if (name.length > 256) return undefined;
  const cp = t.names.get(name.toUpperCase());
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

/** Whether the name table could be loaded (a failed `\N{}` lookup is then a real unknown name). */
export function unicodeNamesAvailable(): boolean {
  return loadTable() !== null;
}

// ---- Hangul syllables (CPython's _getcode: the longest jamo short name per column) ----

const L = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const V = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"];
const T = [
  "",
  "G",
  "GG",
  "GS",
  "N",
  "NJ",
  "NH",
  "D",
  "L",
  "LG",
  "LM",
  "LB",
  "LS",
  "LT",
  "LP",
  "LH",
  "M",
  "B",
  "BS",
  "S",
  "SS",
  "NG",
  "J",
  "C",
  "K",
  "T",
  "P",
  "H",
];

function longest(s: string, at: number, list: string[]): [number, number] {
  let len = -1;
  let pos = -1;
  list.forEach((j, i) => {
    if (j.length > len && s.startsWith(j, at)) {
      len = j.length;
      pos = i;
    }
  });
  return [pos, Math.max(len, 0)];
}

function hangulSyllable(name: string): number | undefined {
  if (!name.startsWith("HANGUL SYLLABLE ")) return undefined;
  let at = 16;
  const [l, ll] = longest(name, at, L);
  at += ll;
  const [v, vl] = longest(name, at, V);
  at += vl;
  const [t, tl] = longest(name, at, T);
  at += tl;
  if (l < 0 || v < 0 || t < 0 || at !== name.length) return undefined;
  return 0xac00 + (l * V.length + v) * T.length + t;
}

// ---- the packed table ----

function loadTable(): Table | null {
  if (table || loadFailed) return table;
  const data = provided ?? readData();
  if (data === null) {
    loadFailed = true;
    return null;
  }
  table = decode(data);
  return table;
}

/** The packed string, read synchronously from wherever this module was loaded from. */
function readData(): string | null {
  const extract = (text: string) => /"(UNAMES1 [^"]*)"/.exec(text)?.[1] ?? null;
  // Node (≥ 20.16): the data module sits next to this one, compiled (.js) or not (.ts); the path
  // goes through ../parse/ so that it also holds from dist/cli/ (the bundle, scripts/bundle-cli.mjs).
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.("node:fs") as typeof import("node:fs") | undefined;
  if (fs) {
    for (const ext of [".js", ".ts"]) {
      try {
        const data = extract(fs.readFileSync(new URL(`../parse/unicode-names-data${ext}`, import.meta.url), "utf8"));
        if (data) return data;
      } catch {
        // try the next
      }
    }
    return null;
  }
  // A browser worker: a synchronous request (allowed in workers) for the file as an asset.
  if (typeof XMLHttpRequest !== "undefined") {
    try {
      const xhr = new XMLHttpRequest();
      xhr.open("GET", new URL("./unicode-names-data.ts", import.meta.url).href, false);
      xhr.send();
      if (xhr.status === 200 || xhr.status === 0) return extract(xhr.responseText);
    } catch {
      // no table
    }
  }
  return null;
}

function decode(data: string): Table {
  const val = new Int16Array(128).fill(-1);
  for (let i = 0; i < DIGITS.length; i++) val[DIGITS.charCodeAt(i)] = i;
  const [, cjkPart, hexPart, dictPart, stream, aliasPart] = data.split("|");
  const names = new Map<string, number>();
  const cjk = cjkPart.split(",").map((r) => r.split("-").map((h) => parseInt(h, 16)) as [number, number]);

  for (const run of hexPart.split(";")) {
    const [prefix, ranges] = run.split(":");
    for (const r of ranges.split(",")) {
      const [a, b] = r.split("-").map((h) => parseInt(h, 16));
      for (let cp = a; cp <= b; cp++) names.set(`${prefix}-${cp.toString(16).toUpperCase().padStart(4, "0")}`, cp);
    }
  }

  const words: string[] = [];
  let prev = "";
  for (let i = 0; i < dictPart.length;) {
    const keep = dictPart.charCodeAt(i) - 97;
    let j = i + 1;
    while (j < dictPart.length && !(dictPart.charCodeAt(j) >= 97 && dictPart.charCodeAt(j) <= 122)) j++;
    prev = prev.slice(0, keep) + dictPart.slice(i + 1, j);
    words.push(prev);
    i = j;
  }

  let cp = 0;
  let prevWords: string[] = [];
  const d = (i: number) => val[stream.charCodeAt(i)];
  for (let i = 0; i < stream.length;) {
    if (stream[i] === "!") {
      cp += ((d(i + 1) * 90 + d(i + 2)) * 90 + d(i + 3)) * 90 + d(i + 4);
      i += 5;
      continue;
    }
    const h = d(i++);
    const ws = prevWords.slice(0, Math.floor(h / K));
    for (let n = (h % K) + 1; n > 0; n--) {
      const a = d(i++);
      if (a < 50) ws.push(words[a]);
      else if (a < 80) ws.push(words[(a - 50) * 90 + d(i++) + 50]);
      else {
        ws.push(words[(a - 80) * 8100 + d(i) * 90 + d(i + 1) + 2750]);
        i += 2;
      }
    }
    names.set(ws.join(" "), cp++);
    prevWords = ws;
  }

  const ownNames = names.size;
  for (const entry of aliasPart.split(",")) {
    const colon = entry.lastIndexOf(":");
    if (colon > 0) names.set(entry.slice(0, colon), parseInt(entry.slice(colon + 1), 16));
  }
  return { names, cjk, ownNames };
}

let byCode: Map<number, string> | null = null;

/**
 * The Unicode name of a code point, as unicodedata.name gives it (aliases excluded), null when it
 * has none, or undefined when the name table cannot be loaded.
 */
export function unicodeNameOf(cp: number): string | null | undefined {
  if (cp >= 0xac00 && cp <= 0xd7a3) {
    const s = cp - 0xac00;
    return `HANGUL SYLLABLE ${L[Math.floor(s / (V.length * T.length))]}${V[Math.floor(s / T.length) % V.length]}${T[s % T.length]}`;
  }
  const t = loadTable();
  if (!t) return undefined;
  if (t.cjk.some(([a, b]) => a <= cp && cp <= b)) return `CJK UNIFIED IDEOGRAPH-${cp.toString(16).toUpperCase()}`;
  if (byCode === null) {
    byCode = new Map();
    let k = 0;
    for (const [name, code] of t.names) {
      if (k++ >= t.ownNames) break;
      byCode.set(code, name);
    }
  }
  return byCode.get(cp) ?? null;
}
