// locale: the C locale with UTF-8 text (what CPython runs under when LANG is C.UTF-8 or unset):
// setlocale accepts "", "C", "POSIX" and "C.UTF-8"; other locales are locale.Error, as CPython
// reports a locale the system does not have. Formatting follows the C locale (no grouping).
import { Exception, ValueError } from "../builtins/exceptions.js";
import { PyDict, PyList, PyTuple } from "../builtins/collections.js";
import { popKw } from "../builtins/object.js";
import { percentFormat } from "../builtins/percent.js";
import { str } from "../builtins/repr.js";
import { float, int } from "../builtins/functions.js";
import { call } from "../builtins/ops.js";

export class Error extends Exception {}
Object.defineProperty(Error, "__module__", { value: "locale", writable: true, configurable: true });

export const LC_CTYPE = 0n;
export const LC_NUMERIC = 1n;
export const LC_TIME = 2n;
export const LC_COLLATE = 3n;
export const LC_MONETARY = 4n;
export const LC_MESSAGES = 5n;
export const LC_ALL = 6n;
export const CHAR_MAX = 127n;

const CATEGORIES = ["LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY", "LC_MESSAGES"];
const EXTRA = ["LC_PAPER", "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE", "LC_MEASUREMENT", "LC_IDENTIFICATION"];
// Python starts with LC_CTYPE coerced to C.UTF-8 and everything else "C".
const current: string[] = ["C.UTF-8", "C", "C", "C", "C", "C"];

function known(name: string): string | null {
  if (name === "") return "C.UTF-8";
  if (name === "C" || name === "POSIX") return name;
  if (/^C\.(?:UTF-8|utf8)$/i.test(name)) return name;
  return null;
}

export function setlocale(category: unknown, locale: unknown = null): string {
  const cat = Number(category);
  if (!(cat >= 0 && cat <= 6)) throw new Error("unsupported locale setting");
  if (locale !== null && locale !== undefined) {
    const name = known(typeof locale === "string" ? locale : str(locale));
    if (name === null) throw new Error("unsupported locale setting");
    if (cat === 6) current.fill(name);
    else current[cat] = name;
  }
  if (cat !== 6) return current[cat];
  if (current.every((c) => c === current[0])) return current[0];
  return [...CATEGORIES.map((c, i) => `${c}=${current[i]}`), ...EXTRA.map((c) => `${c}=${current[1]}`)].join(";");
}

export function getlocale(category: unknown = LC_CTYPE): PyTuple<string | null> {
  const name = current[Number(category)] ?? "C";
  if (Number(category) === 6) throw new TypeError("category LC_ALL is not supported");
  return PyTuple.fromArray(name.startsWith("C") && name.includes(".") ? ["C", "UTF-8"] : [null, null]);
}
export const getdefaultlocale = (): PyTuple<string | null> => PyTuple.fromArray([null, "UTF-8"]);
export const getpreferredencoding = (_do_setlocale: unknown = true): string => "UTF-8";
export const getencoding = (): string => "UTF-8";

export function localeconv(): PyDict<string, unknown> {
  return PyDict.fromEntries<string, unknown>([
    ["int_curr_symbol", ""],
    ["currency_symbol", ""],
    ["mon_decimal_point", ""],
    ["mon_thousands_sep", ""],
    ["mon_grouping", new PyList()],
    ["positive_sign", ""],
    ["negative_sign", ""],
    ["int_frac_digits", 127n],
    ["frac_digits", 127n],
    ["p_cs_precedes", 127n],
    ["p_sep_by_space", 127n],
    ["n_cs_precedes", 127n],
    ["n_sep_by_space", 127n],
    ["p_sign_posn", 127n],
    ["n_sign_posn", 127n],
    ["decimal_point", "."],
    ["thousands_sep", ""],
    ["grouping", new PyList()],
  ]);
}

/** `format_string(fmt, val, grouping=False)`: %-formatting; the C locale groups nothing. */
export function format_string(fmt: string, val: unknown, ...rest: unknown[]): string {
  popKw(rest);
  return percentFormat(fmt, val);
}
export function currency(_val: unknown, ..._rest: unknown[]): never {
  throw new ValueError("Currency formatting is not possible using the 'C' locale.");
}
export const str_ = (val: unknown): string => percentFormat("%.12g", val);
export { str_ as str };
export const atof = (s: string, func: unknown = float): unknown => call(func, s);
export const atoi = (s: string): unknown => int(s);
export const delocalize = (s: string): string => s;
export const localize = (s: string): string => s;
export const strxfrm = (s: string): string => s;
export function strcoll(a: string, b: string): bigint {
  return a < b ? -1n : a > b ? 1n : 0n;
}
