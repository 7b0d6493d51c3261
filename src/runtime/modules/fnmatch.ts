// fnmatch: Unix shell-style wildcards (*, ?, [seq], [!seq]) matched against names. The pattern
// becomes a JS regular expression; translate() gives CPython's regex text. CPython: Lib/fnmatch.py
// (documented behaviour).
import { PyList } from "../builtins/collections.js";
import { fspath } from "../builtins/hostfs.js";

const escapeRe = (c: string) => c.replace(/[.*+?^${}()|[\]\\\/-]/g, "\\$&").replace(/\//g, "/");
/** CPython's re.escape of one character (what translate() prints). */
const pyEscape = (c: string) => (/[\w]/.test(c) ? c : /[()[\]{}?*+\-|^$\\.&~# \t\n\r\v\f]/.test(c) ? "\\" + c : c);

/** The pattern as pieces: [JS regex source, CPython regex source]. */
function pieces(pat: string): [string, string] {
  let js = "";
  let py = "";
  let i = 0;
  while (i < pat.length) {
    const c = pat[i++];
    if (c === "*") {
      if (!js.endsWith("[\\s\\S]*")) {
        js += "[\\s\\S]*";
        py += ".*";
      }
    } else if (c === "?") {
      js += "[\\s\\S]";
      py += ".";
    } else if (c === "[") {
      let j = i;
      if (j < pat.length && pat[j] === "!") j++;
      if (j < pat.length && pat[j] === "]") j++;
      while (j < pat.length && pat[j] !== "]") j++;
      if (j >= pat.length) {
        js += "\\[";
        py += "\\[";
        continue;
      }
      let body = pat.slice(i, j);
      i = j + 1;
      const negate = body.startsWith("!");
      if (negate) body = body.slice(1);
      const cls = body.replace(/\\/g, "\\\\");
      js += (negate ? "[^" : "[") + cls.replace(/\[/g, "\\[").replace(/]/g, "\\]") + "]";
      py += (negate ? "[^" : "[") + (body.startsWith("^") ? "\\" : "") + cls.replace(/\[/g, "\\[") + "]";
    } else {
      js += escapeRe(c);
      py += pyEscape(c);
    }
  }
  return [js, py];
}

const cache = new Map<string, RegExp>();
export function compile(pat: string): RegExp {
  let re = cache.get(pat);
  if (!re) {
    re = new RegExp(`^(?:${pieces(pat)[0]})$`, "u");
    if (cache.size > 256) cache.clear();
    cache.set(pat, re);
  }
  return re;
}

export function translate(pat: unknown): string {
  return `(?s:${pieces(String(pat))[1]})\\Z`;
}
export function fnmatchcase(name: unknown, pat: unknown): boolean {
  return compile(fspath(pat)).test(fspath(name));
}
/** On POSIX, fnmatch is case-sensitive like fnmatchcase. */
export const fnmatch = fnmatchcase;
export function filter(names: Iterable<unknown>, pat: unknown): PyList<unknown> {
  const re = compile(fspath(pat));
  return PyList.fromArray([...names].filter((n) => re.test(fspath(n))));
}
