// keyword: Python 3.12's keywords and soft keywords.
import { PyList } from "../builtins/collections.js";

const KEYWORDS = `False None True and as assert async await break class continue def del elif else except finally for
  from global if import in is lambda nonlocal not or pass raise return try while with yield`.split(/\s+/);
const SOFT_KEYWORDS = ["_", "case", "match", "type"];

export const kwlist = PyList.fromArray(KEYWORDS);
export const softkwlist = PyList.fromArray(SOFT_KEYWORDS);
export const __all__ = PyList.fromArray(["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]);

const keywordSet = new Set(KEYWORDS);
const softSet = new Set(SOFT_KEYWORDS);

/** iskeyword(s): whether s is a keyword (False for anything that is not one, a non-str too). */
export function iskeyword(s: unknown): boolean {
  return typeof s === "string" && keywordSet.has(s);
}

export function issoftkeyword(s: unknown): boolean {
  return typeof s === "string" && softSet.has(s);
}
