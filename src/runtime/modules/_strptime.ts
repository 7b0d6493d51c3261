// strptime for time.strptime() and datetime.strptime(), in the C locale: the format becomes one
// regular expression with a named group per directive, matched case-insensitively from the start of
// the string; the groups then become a date as CPython documents and does (two-digit years split at
// 69, %I with %p, week numbers with a weekday, ISO year/week/day, %z offsets, defaults of 1900-01-01).
// Errors are CPython's: "time data ... does not match format ...", "unconverted data remains: ...",
// "'Q' is a bad directive in format ...", "stray % in format ...", re.error for a repeated directive.
import { TypeError, ValueError } from "../builtins/exceptions.js";
import { typeName } from "../builtins/ops.js";
import { repr } from "../builtins/repr.js";
import { error as ReError } from "./re.js";

const DAY_ABBR = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const DAY_FULL = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const MON_ABBR = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MON_FULL = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** A choice of names, longest first so that "march" is not cut to "mar" (the C locale's order). */
const names = (list: string[]) => [...list].sort((a, b) => b.length - a.length).join("|");

/** The local time zone's names and whether it has daylight saving time (time.tzname, time.daylight). */
export interface LocalZone {
  tzname: readonly string[];
  daylight: boolean;
}

/** Each directive's pattern, in Python's syntax (its text decides re.error's positions). */
function directivePatterns(zone: LocalZone): Record<string, string> {
  const zones = [...new Set(["utc", "gmt", ...zoneNames(zone)])].sort((a, b) => b.length - a.length);
  return {
    d: String.raw`(?P<d>3[0-1]|[1-2]\d|0[1-9]|[1-9]| [1-9])`,
    f: String.raw`(?P<f>[0-9]{1,6})`,
    H: String.raw`(?P<H>2[0-3]|[0-1]\d|\d)`,
    I: String.raw`(?P<I>1[0-2]|0[1-9]|[1-9])`,
    G: String.raw`(?P<G>\d\d\d\d)`,
    j: String.raw`(?P<j>36[0-6]|3[0-5]\d|[1-2]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])`,
    m: String.raw`(?P<m>1[0-2]|0[1-9]|[1-9])`,
    M: String.raw`(?P<M>[0-5]\d|\d)`,
    S: String.raw`(?P<S>6[0-1]|[0-5]\d|\d)`,
    U: String.raw`(?P<U>5[0-3]|[0-4]\d|\d)`,
    w: String.raw`(?P<w>[0-6])`,
    u: String.raw`(?P<u>[1-7])`,
    V: String.raw`(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)`,
    y: String.raw`(?P<y>\d\d)`,
    Y: String.raw`(?P<Y>\d\d\d\d)`,
    z: String.raw`(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))`,
    A: `(?P<A>${names(DAY_FULL)})`,
    a: `(?P<a>${names(DAY_ABBR)})`,
    B: `(?P<B>${names(MON_FULL)})`,
    b: `(?P<b>${names(MON_ABBR)})`,
    p: `(?P<p>am|pm)`,
    Z: `(?P<Z>${zones.map(escapePy).join("|")})`,
    W: String.raw`(?P<W>5[0-3]|[0-4]\d|\d)`,
    "%": "%",
  };
}
/** The C locale's composite directives, expanded before the rest. */
const COMPOSITE: Record<string, string> = { c: "%a %b %d %H:%M:%S %Y", x: "%m/%d/%y", X: "%H:%M:%S" };

function zoneNames(zone: LocalZone): string[] {
  const local = zone.tzname.map((n) => n.toLowerCase());
  return zone.daylight ? local : [local[0]];
}

const PY_SPECIAL = /([\\.^$*+?(){}[\]|])/g;
const escapePy = (s: string) => s.replace(PY_SPECIAL, "\\$1");

/** Python pattern text → JS RegExp source (named groups; `(?-i:Z)` is Z, its case checked after). */
function toJs(py: string): string {
  return py.replace(/\(\?P</g, "(?<").replace("(?-i:Z)", "Z");
}

interface Compiled {
  regex: RegExp;
}
const cache = new Map<string, Compiled>();

function compile(format: string, zone: LocalZone): Compiled {
  const hit = cache.get(format);
  if (hit) return hit;
  const patterns = directivePatterns(zone);
  // Composite directives first (%c, %x, %X), as the locale's own formats.
  let expanded = "";
  for (let i = 0; i < format.length; i++) {
    if (format[i] === "%" && i + 1 < format.length && COMPOSITE[format[i + 1]]) {
      expanded += COMPOSITE[format[++i]];
    } else if (format[i] === "%" && i + 1 < format.length) {
      expanded += format[i] + format[++i];
    } else expanded += format[i];
  }
  let py = "";
  const seen = new Map<string, number>();
  let groups = 0;
  for (let i = 0; i < expanded.length; i++) {
    const ch = expanded[i];
    if (ch === "%") {
      if (i + 1 >= expanded.length) throw new ValueError(`stray % in format '${format}'`);
      const key = expanded[++i];
      const pat = patterns[key];
      if (pat === undefined) throw new ValueError(`'${key}' is a bad directive in format '${format}'`);
      if (key !== "%") {
        groups++;
        const first = seen.get(key);
        if (first !== undefined) {
          throw new ReError(`redefinition of group name '${key}' as group ${groups}; was group ${first}`, py + pat, py.length + 4);
        }
        seen.set(key, groups);
        if (key === "z") groups += 2;
      }
      py += pat;
    } else if (/\s/.test(ch)) {
      while (i + 1 < expanded.length && /\s/.test(expanded[i + 1])) i++;
      py += String.raw`\s+`;
    } else py += escapePy(ch);
  }
  const compiled = { regex: new RegExp(toJs(py), "iy") };
  cache.set(format, compiled);
  return compiled;
}

/** What strptime found: the struct_time fields, microseconds, and the %z offset's fraction. */
export interface Parsed {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  julian: number;
  isdst: number;
  tzname: string | null;
  gmtoff: number | null;
  fraction: number;
  gmtoffFraction: number;
}

const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
/** Days from 0001-01-01 (day 1), checked as date() checks its arguments. */
function ordinal(y: number, m: number, d: number): number {
  if (y < 1 || y > 9999) throw new ValueError(`year ${y} is out of range`);
  if (m < 1 || m > 12) throw new ValueError("month must be in 1..12");
  const dim = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  if (d < 1 || d > dim) throw new ValueError("day is out of range for month");
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / 86400000) + 719163;
}
function fromOrdinal(n: number): [number, number, number] {
  const t = new Date(0);
  t.setUTCFullYear(1970, 0, 1 + (n - 719163));
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}
const weekdayOf = (n: number) => (n + 6) % 7; // ordinal 1 (0001-01-01) was a Monday

/** Day of the year from a %U/%W week number and a weekday (Monday 0). */
function julianFromWeek(year: number, week: number, weekday: number, mondayFirst: boolean): number {
  let first = weekdayOf(ordinal(year, 1, 1));
  let day = weekday;
  if (!mondayFirst) {
    first = (first + 1) % 7;
    day = (day + 1) % 7;
  }
  const week0 = (7 - first) % 7;
  return week === 0 ? 1 + day - first : 1 + week0 + 7 * (week - 1) + day;
}

function checkStr(x: unknown, n: number): string {
  if (typeof x !== "string") throw new TypeError(`strptime() argument ${n} must be str, not ${typeName(x)}`);
  return x;
}

export function strptime(dataArg: unknown, formatArg: unknown, localZone: LocalZone): Parsed {
  const data = checkStr(dataArg, 1);
  const format = checkStr(formatArg, 2);
  const { regex } = compile(format, localZone);
  regex.lastIndex = 0;
  const found = regex.exec(data);
  // (a lower-case "z" for %z matched only because JS has no case-sensitive island in /i)
  if (!found || found.groups?.z === "z") throw new ValueError(`time data ${repr(data)} does not match format ${repr(format)}`);
  if (found[0].length !== data.length) throw new ValueError(`unconverted data remains: ${data.slice(found[0].length)}`);
  const g = found.groups ?? {};
  let year: number | null = null;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let fraction = 0;
  let isdst = -1;
  let gmtoff: number | null = null;
  let gmtoffFraction = 0;
  let isoYear: number | null = null;
  let isoWeek: number | null = null;
  let week: number | null = null;
  let mondayFirst = false;
  let weekday: number | null = null;
  let julian: number | null = null;
  // In the order the format names them (a later directive of a pair wins, as in CPython).
  for (const [key, value] of Object.entries(g)) {
    if (value === undefined) continue;
    switch (key) {
      case "y":
        year = +value + (+value <= 68 ? 2000 : 1900);
        break;
      case "Y":
        year = +value;
        break;
      case "G":
        isoYear = +value;
        break;
      case "m":
        month = +value;
        break;
      case "B":
        month = MON_FULL.indexOf(value.toLowerCase()) + 1;
        break;
      case "b":
        month = MON_ABBR.indexOf(value.toLowerCase()) + 1;
        break;
      case "d":
        day = +value;
        break;
      case "H":
        hour = +value;
        break;
      case "I": {
        hour = +value;
        const ampm = (g.p ?? "").toLowerCase();
        if (ampm === "" || ampm === "am") {
          if (hour === 12) hour = 0;
        } else if (hour !== 12) hour += 12;
        break;
      }
      case "M":
        minute = +value;
        break;
      case "S":
        second = +value;
        break;
      case "f":
        fraction = +value.padEnd(6, "0");
        break;
      case "A":
        weekday = DAY_FULL.indexOf(value.toLowerCase());
        break;
      case "a":
        weekday = DAY_ABBR.indexOf(value.toLowerCase());
        break;
      case "w":
        weekday = +value === 0 ? 6 : +value - 1;
        break;
      case "u":
        weekday = +value - 1;
        break;
      case "j":
        julian = +value;
        break;
      case "U":
      case "W":
        week = +value;
        mondayFirst = key === "W";
        break;
      case "V":
        isoWeek = +value;
        break;
      case "z":
        [gmtoff, gmtoffFraction] = parseOffset(value);
        break;
      case "Z": {
        const found = value.toLowerCase();
        const local = zoneNames({ tzname: localZone.tzname, daylight: true });
        if (found === "utc" || found === "gmt" || found === local[0]) {
          if (!(local[0] === local[1] && localZone.daylight && found !== "utc" && found !== "gmt")) isdst = 0;
        } else if (localZone.daylight && found === local[1]) isdst = 1;
        break;
      }
    }
  }
  if (year === null && isoYear !== null) {
    if (isoWeek === null || weekday === null) {
      throw new ValueError("ISO year directive '%G' must be used with the ISO week directive '%V' and a weekday directive ('%A', '%a', '%w', or '%u').");
    }
    if (julian !== null) {
      throw new ValueError("Day of the year directive '%j' is not compatible with ISO year directive '%G'. Use '%Y' instead.");
    }
  } else if (isoWeek !== null) {
    if (year === null || weekday === null) {
      throw new ValueError("ISO week directive '%V' must be used with the ISO year directive '%G' and a weekday directive ('%A', '%a', '%w', or '%u').");
    }
    throw new ValueError("ISO week directive '%V' is incompatible with the year directive '%Y'. Use the ISO year '%G' instead.");
  }
  // Feb 29 without a year is checked in a leap year, then given 1900 (which rejects it later).
  let leapFix = false;
  if (year === null && month === 2 && day === 29) {
    year = 1904;
    leapFix = true;
  } else if (year === null) year = 1900;
  if (julian === null && weekday !== null) {
    if (week !== null) julian = julianFromWeek(year, week, weekday, mondayFirst);
    else if (isoYear !== null && isoWeek !== null) {
      [year, month, day] = fromIsoCalendar(isoYear, isoWeek, weekday + 1);
      julian = ordinal(year, month, day) - ordinal(year, 1, 1) + 1;
    }
    if (julian !== null && julian <= 0) {
      year -= 1;
      julian += isLeap(year) ? 366 : 365;
    }
  }
  if (julian === null) julian = ordinal(year, month, day) - ordinal(year, 1, 1) + 1;
  else [year, month, day] = fromOrdinal(julian - 1 + ordinal(year, 1, 1));
  if (weekday === null) weekday = weekdayOf(ordinal(year, month, day));
  if (leapFix) year = 1900;
  return { year, month, day, hour, minute, second, weekday, julian, isdst, tzname: g.Z ?? null, gmtoff, fraction, gmtoffFraction };
}

/** A %z value: "Z", or ±HH[:]MM[[:]SS[.ffffff]], in seconds and microseconds. */
function parseOffset(text: string): [number, number] {
  if (text === "Z") return [0, 0];
  let z = text;
  if (z[3] === ":") {
    z = z.slice(0, 3) + z.slice(4);
    if (z.length > 5) {
      if (z[5] !== ":") throw new ValueError(`Inconsistent use of : in ${text}`);
      z = z.slice(0, 5) + z.slice(6);
    }
  }
  const seconds = int10(z.slice(1, 3)) * 3600 + int10(z.slice(3, 5)) * 60 + int10(z.slice(5, 7) || "0");
  const micro = int10((z.slice(8) || "").padEnd(6, "0"));
  return z[0] === "-" ? [-seconds, -micro] : [seconds, micro];
}

/** int(text) of a piece of a %z value ("+0530:15" has ":1" where the seconds would be). */
function int10(text: string): number {
  if (!/^\s*[+-]?\d+\s*$/.test(text)) throw new ValueError(`invalid literal for int() with base 10: ${repr(text)}`);
  return parseInt(text, 10);
}

/** date.fromisocalendar: the ISO year's week 1 holds its first Thursday. */
function fromIsoCalendar(isoYear: number, isoWeek: number, isoDay: number): [number, number, number] {
  if (isoYear < 1 || isoYear > 9999) throw new ValueError(`Year is out of range: ${isoYear}`);
  const jan4 = ordinal(isoYear, 1, 4);
  const weeks = isLeapIsoYear(isoYear) ? 53 : 52;
  if (isoWeek < 1 || isoWeek > weeks) throw new ValueError(`Invalid week: ${isoWeek}`);
  if (isoDay < 1 || isoDay > 7) throw new ValueError(`Invalid weekday: ${isoDay} (range is [1, 7])`);
  return fromOrdinal(jan4 - weekdayOf(jan4) + 7 * (isoWeek - 1) + isoDay - 1);
}
/** An ISO year has 53 weeks when it starts on a Thursday, or on a Wednesday in a leap year. */
function isLeapIsoYear(y: number): boolean {
  const first = weekdayOf(ordinal(y, 1, 1));
  return first === 3 || (first === 2 && isLeap(y));
}
