// decimal's text: reading a numeric string, str() (scientific or plain notation, as the General
// Decimal Arithmetic specification's to-sci-string says), to_eng_string(), and format() specs.
// Works on the parts of a number; decimal.ts owns the Decimal class.
import { ValueError } from "../builtins/exceptions.js";
import { strLen } from "../builtins/slices.js";
import { digitCount, pow10, roundOff } from "./_decimal_digits.js";

/** 0 finite, 1 infinity, 2 quiet NaN, 3 signalling NaN. */
export type Kind = 0 | 1 | 2 | 3;
export const FINITE = 0;
export const INFINITE = 1;
export const QNAN = 2;
export const SNAN = 3;

/** A number's parts: its sign (1: negative), coefficient (a NaN's payload), exponent and kind. */
export interface Parts {
  sign: 0 | 1;
  coef: bigint;
  exp: number;
  kind: Kind;
}

// sign, integer digits, fraction digits, exponent; or infinity; or a NaN with its payload.
const NUMBER_RE = /^([+-])?(?:(\d+)?(?:\.(\d+)?)?(?:[eE]([+-]?\d+))?|(inf(?:inity)?)|(s?nan)(\d*))$/i;

/** The parts a numeric string spells (surrounding whitespace allowed), or null when it is no number. */
export function parseDecimal(text: string): Parts | null {
  // CPython's C decimal drops every underscore before reading the number.
  const m = NUMBER_RE.exec(text.trim().replace(/_/g, ""));
  if (m === null) return null;
  const [, signText, intDigits, fracDigits, expDigits, inf, nan, payload] = m;
  const sign = signText === "-" ? 1 : 0;
  if (inf !== undefined) return { sign, coef: 0n, exp: 0, kind: INFINITE };
  if (nan !== undefined) {
    return { sign, coef: payload ? BigInt(payload) : 0n, exp: 0, kind: nan.length === 4 ? SNAN : QNAN };
  }
  if (intDigits === undefined && fracDigits === undefined) return null;
  const intPart = intDigits ?? "";
  const fracPart = fracDigits ?? "";
  const exp = expDigits === undefined ? 0 : Number(expDigits);
  if (!Number.isSafeInteger(exp)) return null;
  return { sign, coef: BigInt(intPart + fracPart || "0"), exp: exp - fracPart.length, kind: FINITE };
}

/** str() of a number: plain notation when the exponent is <= 0 and the number not too small, else scientific. */
export function toSciString(p: Parts, capitals = true): string {
  const sign = p.sign ? "-" : "";
  if (p.kind === INFINITE) return sign + "Infinity";
  if (p.kind !== FINITE) return sign + (p.kind === SNAN ? "sNaN" : "NaN") + (p.coef === 0n ? "" : p.coef.toString());
  const digits = p.coef.toString();
  const adjusted = p.exp + digits.length - 1;
  if (p.exp <= 0 && adjusted >= -6) return sign + placePoint(digits, digits.length + p.exp);
  return sign + placePoint(digits, 1) + exponentText(adjusted, capitals);
}

/** to_eng_string(): scientific notation whose exponent is a multiple of three. */
export function toEngString(p: Parts, capitals = true): string {
  if (p.kind !== FINITE) return toSciString(p, capitals);
  const sign = p.sign ? "-" : "";
  const digits = p.coef.toString();
  const adjusted = p.exp + digits.length - 1;
  if (p.exp <= 0 && adjusted >= -6) return sign + placePoint(digits, digits.length + p.exp);
  if (p.coef === 0n) {
    // A zero keeps its exponent: shown as the next multiple of three up, with zeros after the point.
    const shown = Math.ceil(p.exp / 3) * 3;
    return sign + placePoint("0", 1 - (shown - p.exp)) + exponentText(shown, capitals);
  }
  const exponent = adjusted - (((adjusted % 3) + 3) % 3);
  const dot = adjusted - exponent + 1;
  return sign + placePoint(digits, dot) + (exponent === 0 ? "" : exponentText(exponent, capitals));
}

function exponentText(e: number, capitals: boolean): string {
  return (capitals ? "E" : "e") + (e < 0 ? "-" : "+") + Math.abs(e);
}

/** The digits with a point after the first `dot` of them (zeros added on either side as needed). */
function placePoint(digits: string, dot: number): string {
  if (dot <= 0) return "0." + "0".repeat(-dot) + digits;
  if (dot >= digits.length) return digits + "0".repeat(dot - digits.length);
  return digits.slice(0, dot) + "." + digits.slice(dot);
}

// ───────────── format() ─────────────

// [[fill]align][sign][z][0][width][,][.precision][type]: no '#' and no '_' for Decimal.
const SPEC_RE = /^(?:([\s\S])?([<>=^]))?([+\- ])?(z)?(0)?(\d+)?(,)?(?:\.(\d+))?([eEfFgGn%])?$/u;

/** format(d, spec) for the parts of a Decimal, rounding with the context's mode. */
export function formatDecimal(p: Parts, spec: string, rounding: string, capitals: boolean): string {
  const m = SPEC_RE.exec(spec);
  if (m === null) throw new ValueError("invalid format string");
  const [, fillGiven, alignGiven, signOpt, noNegZero, zero, widthText, comma, precText, typeGiven] = m;
  const width = widthText ? Number(widthText) : 0;
  let precision = precText === undefined ? -1 : Number(precText);
  let fill = fillGiven ?? " ";
  let align = alignGiven ?? ">";
  const special = p.kind !== FINITE;
  if (zero && alignGiven === undefined) {
    if (special) align = ">";
    else {
      fill = "0";
      align = "=";
    }
  }
  let { sign, coef, exp } = p;
  let body: string;
  if (special) {
    body = toSciString({ ...p, sign: 0 }) + (typeGiven === "%" ? "%" : "");
  } else {
    const type = typeGiven ?? (capitals ? "G" : "g");
    if (type === "%") exp += 2;
    const lower = type.toLowerCase();
    if ((lower === "g" || lower === "n") && precision === 0) precision = 1;
    if (precision >= 0) {
      if (lower === "e") {
        [coef, exp] = roundToDigits(coef, exp, precision + 1, rounding, sign);
        // (too few digits: zeros make up the precision)
        const missing = precision + 1 - digitCount(coef);
        if (coef !== 0n && missing > 0) [coef, exp] = [coef * pow10(missing), exp - missing];
      } else if (lower === "f" || type === "%") [coef, exp] = rescale(coef, exp, -precision, rounding, sign);
      else if (digitCount(coef) > precision) [coef, exp] = roundToDigits(coef, exp, precision, rounding, sign);
    }
    if (coef === 0n && exp > 0 && (lower === "f" || type === "%")) exp = 0;
    if (coef === 0n && noNegZero) sign = 0;
    const digits = coef.toString();
    const leftDigits = exp + digits.length;
    let dot: number;
    if (lower === "e") dot = coef === 0n && precision >= 0 ? 1 - precision : 1;
    else if (lower === "f" || type === "%") dot = leftDigits;
    else dot = exp <= 0 && leftDigits > -6 ? leftDigits : 1;
    let intPart: string;
    let fracPart: string;
    if (dot <= 0) {
      intPart = "0";
      fracPart = "0".repeat(-dot) + digits;
    } else if (dot >= digits.length) {
      intPart = digits + "0".repeat(dot - digits.length);
      fracPart = "";
    } else {
      intPart = digits.slice(0, dot);
      fracPart = digits.slice(dot);
    }
    const shownExp = leftDigits - dot;
    let tail = fracPart ? "." + fracPart : "";
    if (shownExp !== 0 || lower === "e") tail += exponentText(shownExp, type === "E" || type === "G");
    if (type === "%") tail += "%";
    const signText = sign ? "-" : signOpt === "+" ? "+" : signOpt === " " ? " " : "";
    if (fill === "0" && align === "=" && zero) {
      const room = width - strLen(signText) - strLen(tail);
      let grouped = group(intPart, comma);
      while (grouped.length < room) {
        intPart = "0" + intPart;
        grouped = group(intPart, comma);
      }
      return signText + grouped + tail;
    }
    return aligned(signText, group(intPart, comma) + tail, width, fill, align);
  }
  const signText = sign ? "-" : signOpt === "+" ? "+" : signOpt === " " ? " " : "";
  return aligned(signText, body, width, fill, align);
}

function roundToDigits(coef: bigint, exp: number, n: number, mode: string, sign: number): [bigint, number] {
  const drop = digitCount(coef) - n;
  if (drop <= 0) return [coef, exp];
  let [q] = roundOff(coef, drop, mode, sign);
  let e = exp + drop;
  if (digitCount(q) > n) {
    q /= 10n;
    e += 1;
  }
  return [q, e];
}

function rescale(coef: bigint, exp: number, target: number, mode: string, sign: number): [bigint, number] {
  if (exp >= target) return [coef * pow10(exp - target), target];
  return [roundOff(coef, target - exp, mode, sign)[0], target];
}

function group(digits: string, sep: string | undefined): string {
  if (!sep || digits.length <= 3) return digits;
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += sep + digits.slice(i, i + 3);
  return out;
}

function aligned(signText: string, body: string, width: number, fill: string, align: string): string {
  const pad = width - strLen(signText) - strLen(body);
  if (pad <= 0) return signText + body;
  switch (align) {
    case "<":
      return signText + body + fill.repeat(pad);
    case "^":
      return fill.repeat(Math.floor(pad / 2)) + signText + body + fill.repeat(pad - Math.floor(pad / 2));
    case "=":
      return signText + fill.repeat(pad) + body;
    default:
      return fill.repeat(pad) + signText + body;
  }
}
