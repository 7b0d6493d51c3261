// datetime: date, time, datetime, timedelta and fixed-offset timezone, the parts programs use to
// stamp and measure: now()/today()/fromtimestamp(), isoformat()/str()/repr(), strftime() and
// format specs, timedelta arithmetic and normalisation, date and datetime arithmetic, comparisons.
// The clock is the host's wall clock (virtual under --virtual-time). Local time follows the host's
// time zone as time.localtime() does; strptime in _strptime.ts. Not here: zoneinfo, fold-aware local
// times.
// CPython: Lib/datetime.py / Modules/_datetimemodule.c (documented and observed behaviour).
import { programWallTime } from "../program-clock.js";
import { OverflowError, TypeError, ValueError, ZeroDivisionError, NotImplementedError } from "../builtins/exceptions.js";
import { PyTuple } from "../builtins/collections.js";
import { CONSTRUCT, constructedByNew, popKw, programClasses } from "../builtins/object.js";
import { NotImplemented, call, callm, typeName } from "../builtins/ops.js";
import { hash as pyHash } from "../builtins/functions.js";
import { floatRepr, repr } from "../builtins/repr.js";
import { current_location } from "../program.js";
import { _warn_at } from "../asyncio/_warnings.js";
import { strptime } from "./_strptime.js";
import { isoDateLength, isoYearWeek, parseIsoDate, parseIsoTime, type IsoTime } from "./_isoformat.js";
import { structseq } from "./_structseq.js";
import { init_from } from "./_runtime_init.js";
import { subclassDefinesInit } from "../builtins/subclassable.js";
import { daylight as tmDaylight, tzname as tmTzname, localtime as tmLocaltime, mktime as tmMktime, strftime as tmStrftime, struct_time } from "./time.js";

export const MINYEAR = 1n;
export const MAXYEAR = 9999n;

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysInMonth = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m]);
const DAYS_BEFORE_MONTH = (() => {
  const a = [0, 0];
  for (let m = 2; m <= 13; m++) a.push(a[m - 1] + DAYS_IN_MONTH[m - 1]);
  return a;
})();
const daysBeforeYear = (y: number) => {
  const p = y - 1;
  return p * 365 + Math.floor(p / 4) - Math.floor(p / 100) + Math.floor(p / 400);
};
/** Proleptic Gregorian ordinal, 0001-01-01 is day 1 (date.toordinal). */
function ymdToOrd(y: number, m: number, d: number): number {
  return daysBeforeYear(y) + DAYS_BEFORE_MONTH[m] + (m > 2 && isLeap(y) ? 1 : 0) + d;
}
function ordToYmd(n: number): [number, number, number] {
  // Days since 1970-01-01 through JavaScript's proleptic Gregorian Date (valid for years 1..9999).
  const epochOrd = 719163; // date(1970, 1, 1).toordinal()
  const dt = new Date(0);
  dt.setUTCFullYear(1970, 0, 1 + (n - epochOrd));
  return [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
}

function toInt(x: unknown, what: string): number {
  if (typeof x === "bigint") return Number(x);
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x === "number") throw new TypeError(`'float' object cannot be interpreted as an integer`);
  if (x !== null && typeof x === "object" && typeof (x as { __index__?: unknown }).__index__ === "function") {
    return Number((x as { __index__(): bigint }).__index__());
  }
  throw new TypeError(`'${typeName(x)}' object cannot be interpreted as an integer (${what})`);
}

function checkDate(y: number, m: number, d: number): void {
  if (y < 1 || y > 9999) throw new ValueError(`year ${y} is out of range`);
  if (m < 1 || m > 12) throw new ValueError("month must be in 1..12");
  if (d < 1 || d > daysInMonth(y, m)) throw new ValueError("day is out of range for month");
}
function checkTime(h: number, mi: number, s: number, us: number): void {
  if (h < 0 || h > 23) throw new ValueError("hour must be in 0..23");
  if (mi < 0 || mi > 59) throw new ValueError("minute must be in 0..59");
  if (s < 0 || s > 59) throw new ValueError("second must be in 0..59");
  if (us < 0 || us > 999999) throw new ValueError("microsecond must be in 0..999999");
}

/** What date.isocalendar() gives: a tuple of (year, week, weekday) with those names. */
const IsoCalendarDate = structseq("datetime.IsoCalendarDate", ["year", "week", "weekday"]);

/** The ISO calendar's (year, week, weekday) of a proleptic Gregorian ordinal (_isoformat.ts's isoYearWeek). */
function isoCalendarOf(ord: number): [number, number, number] {
  const year = ordToYmd(ord)[0];
  const weekday = (ord + 6) % 7; // Monday is 0
  return [...isoYearWeek(year, ord - ymdToOrd(year, 1, 1) + 1, weekday), weekday + 1];
}

/** The ordinal of an ISO week date, or a message for what is out of range (date.fromisocalendar's). */
function isoWeekOrdinal(year: number, week: number, day: number): number | string {
  if (year < 1 || year > 9999) return `Year is out of range: ${year}`;
  if (week < 1 || week > 53) return `Invalid week: ${week}`;
  if (day < 1 || day > 7) return `Invalid weekday: ${day} (range is [1, 7])`;
  const jan4 = ymdToOrd(year, 1, 4);
  const ord = jan4 - ((jan4 + 6) % 7) + (week - 1) * 7 + (day - 1);
  // (week 53 exists only in years whose last week is one: else it is next year's week 1)
  if (week === 53 && isoCalendarOf(ord)[0] !== year) return `Invalid week: ${week}`;
  return ord;
}

/** The date part of fromisoformat's text as [year, month, day], or null when it is no ISO date. */
function isoDateFields(text: string): [number, number, number] | null {
  const parsed = parseIsoDate(text);
  if (parsed === null) return null;
  if (!parsed.week) {
    checkDate(...parsed.fields);
    return parsed.fields;
  }
  const ord = isoWeekOrdinal(...parsed.fields);
  return typeof ord === "string" ? null : ordToYmd(ord);
}

/** The timezone of an ISO offset in microseconds (UTC's own object for zero). */
function isoTimezone(t: IsoTime): unknown {
  if (t.offset === null) return null;
  return t.offset === 0 ? timezone.utc : new timezone(timedelta._of(BigInt(t.offset)));
}

const p2 = (n: number) => String(n).padStart(2, "0");
const p4 = (n: number) => String(n).padStart(4, "0");
const p6 = (n: number) => String(n).padStart(6, "0");

/** Named and positional arguments in Python's order: args(["year", "month"], [...], defaults). */
/**
 * The arguments of a call by parameter name, `defaults` filling what was not given (an explicit
 * None is given). `fn` names the function in the errors as CPython does; null for the constructors
 * of date, time and datetime, which CPython's messages call "function".
 */
function bind(names: string[], args: unknown[], defaults: Record<string, unknown>, fn: string | null): Record<string, unknown> {
  const k = popKw(args) ?? {};
  const called = fn === null ? "function" : `${fn}()`;
  if (args.length > names.length) throw new TypeError(`${called} takes at most ${names.length} arguments (${args.length} given)`);
  const out: Record<string, unknown> = { ...defaults };
  names.forEach((n, i) => {
    if (i < args.length) out[n] = args[i];
  });
  for (const [key, v] of Object.entries(k)) {
    if (!names.includes(key)) throw new TypeError(`'${key}' is an invalid keyword argument for ${fn === null ? "this function" : called}`);
    out[key] = v;
  }
  names.forEach((n, i) => {
    if (!(n in out)) throw new TypeError(`${called} missing required argument '${n}' (pos ${i + 1})`);
  });
  return out;
}

/** timezone()'s `name` when none was given (None given is refused, as in CPython). */
const NO_NAME = Symbol("no name");

/** A classmethod's class: `this` when called on one (a subclass makes its own kind), else the stock one. */
function clsOf<T>(self: unknown, stock: T): T {
  return typeof self === "function" ? (self as T) : stock;
}
/** repr's class name: the qualified one for the stock class, a subclass's own name (as CPython). */
function reprName(self: object, stock: Function, qualified: string): string {
  return self.constructor === stock ? qualified : typeName(self);
}
/** A copy of `made` (a stock instance) as `self`'s subclass, as replace() gives (no constructor runs). */
function asKindOf<T extends object>(made: T, self: object, stock: Function): T {
  return self.constructor === stock ? made : Object.setPrototypeOf(made, Object.getPrototypeOf(self));
}

// ───────────── a program subclass's own __new__ ─────────────

/** Set while rawInstance constructs: the class's own __new__ (its caller) is not asked again. */
let madeRaw = false;

/** `super().__new__(cls, *args)` in a program subclass's __new__: an instance of `cls`, its __init__ not run. */
function rawInstance(cls: Function, args: unknown[]): unknown {
  madeRaw = true;
  try {
    return Reflect.construct(cls, args);
  } finally {
    madeRaw = false;
  }
}

/**
 * How the constructor of `stock` (the runtime class nearest the class being made) goes on: a
 * program subclass with its own `__new__` is made by it ("made" holds what it returned); "raw" is
 * that `__new__`'s `super().__new__(...)` (no `__init__` after); "plain" is every other call.
 */
function newOf(target: Function, stock: Function, args: unknown[]): { made: unknown } | "raw" | "plain" {
  let c = target;
  while (programClasses.has(c)) c = Object.getPrototypeOf(c) as Function;
  if (c !== stock) return "plain";
  if (madeRaw) {
    madeRaw = false;
    return "raw";
  }
  const make = (target as { [CONSTRUCT]?: (c: Function, a: unknown[]) => unknown })[CONSTRUCT];
  return make === undefined ? "plain" : { made: make(target, args) };
}

// ───────────── timedelta ─────────────

const US_PER_DAY = 86_400_000_000n;

export class timedelta {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "datetime.timedelta";
  /** `timedelta.__new__(cls, ...)`, what a subclass's `super().__new__(cls, ...)` reaches. */
  __new__(cls: Function, ...args: unknown[]): any {
    return rawInstance(cls, args);
  }
  /** Total microseconds (the canonical value; days/seconds/microseconds derive from it). */
  readonly _us!: bigint;

  constructor(...args: unknown[]) {
    const how = newOf(new.target, timedelta, args);
    if (typeof how === "object") return how.made as timedelta;
    // (its __init__ runs after, as after __new__; not after a subclass's __new__ made it)
    const given = how === "plain" && subclassDefinesInit(new.target, timedelta) ? [...args] : null;
    const a = bind(
      ["days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"],
      args,
      {
        days: 0n,
        seconds: 0n,
        microseconds: 0n,
        milliseconds: 0n,
        minutes: 0n,
        hours: 0n,
        weeks: 0n,
      },
      "__new__",
    );
    const scale: Record<string, bigint> = {
      weeks: 7n * US_PER_DAY,
      days: US_PER_DAY,
      hours: 3_600_000_000n,
      minutes: 60_000_000n,
      seconds: 1_000_000n,
      milliseconds: 1000n,
      microseconds: 1n,
    };
    let whole = 0n;
    let frac = 0;
    for (const [name, unit] of Object.entries(scale)) {
      const v = a[name];
      if (typeof v === "bigint") whole += v * unit;
      else if (typeof v === "boolean") whole += (v ? 1n : 0n) * unit;
      else if (typeof v === "number") {
        if (!Number.isFinite(v)) throw new ValueError(`cannot convert float ${floatRepr(v)} to integer`);
        const ip = Math.trunc(v);
        whole += BigInt(ip) * unit;
        frac += (v - ip) * Number(unit);
      } else throw new TypeError(`unsupported type for timedelta ${name} component: ${typeName(v)}`);
    }
    this._us = whole + BigInt(roundHalfEven(frac));
    timedelta.check(this._us);
    if (given !== null) init_from(this, new.target, timedelta, given);
  }
  /** object.__init__, which a subclass's `super().__init__(...)` reaches (the arguments went to the constructor). */
  __init__(..._args: unknown[]): null {
    return null;
  }

  static _of(us: bigint): timedelta {
    timedelta.check(us);
    const t = Object.create(timedelta.prototype) as { _us: bigint };
    t._us = us;
    return t as timedelta;
  }
  private static check(us: bigint): void {
    const days = floorDiv(us, US_PER_DAY);
    if (days > 2147483647n || days < -2147483648n) throw new OverflowError("Python int too large to convert to C int");
    if (days > 999999999n || days < -999999999n) throw new OverflowError(`days=${days}; must have magnitude <= 999999999`);
  }

  get days(): bigint {
    return floorDiv(this._us, US_PER_DAY);
  }
  get seconds(): bigint {
    return floorDiv(this._us - this.days * US_PER_DAY, 1_000_000n);
  }
  get microseconds(): bigint {
    return this._us - floorDiv(this._us, 1_000_000n) * 1_000_000n;
  }
  total_seconds(): number {
    return Number(this._us) / 1e6;
  }

  __repr__(): string {
    const parts: string[] = [];
    if (this.days !== 0n) parts.push(`days=${this.days}`);
    if (this.seconds !== 0n) parts.push(`seconds=${this.seconds}`);
    if (this.microseconds !== 0n) parts.push(`microseconds=${this.microseconds}`);
    return `${reprName(this, timedelta, "datetime.timedelta")}(${parts.length ? parts.join(", ") : "0"})`;
  }
  __str__(): string {
    const s = Number(this.seconds);
    let out = `${Math.floor(s / 3600)}:${p2(Math.floor(s / 60) % 60)}:${p2(s % 60)}`;
    if (this.microseconds !== 0n) out += `.${p6(Number(this.microseconds))}`;
    const d = this.days;
    if (d !== 0n) out = `${d} day${d === 1n || d === -1n ? "" : "s"}, ${out}`;
    return out;
  }
  __bool__(): boolean {
    return this._us !== 0n;
  }
  __hash__(): bigint {
    return pyHash(this._us) as bigint;
  }
  __eq__(o: unknown): unknown {
    return o instanceof timedelta ? this._us === o._us : NotImplemented;
  }
  __ne__(o: unknown): unknown {
    return o instanceof timedelta ? this._us !== o._us : NotImplemented;
  }
  __lt__(o: unknown): unknown {
    return o instanceof timedelta ? this._us < o._us : NotImplemented;
  }
  __le__(o: unknown): unknown {
    return o instanceof timedelta ? this._us <= o._us : NotImplemented;
  }
  __gt__(o: unknown): unknown {
    return o instanceof timedelta ? this._us > o._us : NotImplemented;
  }
  __ge__(o: unknown): unknown {
    return o instanceof timedelta ? this._us >= o._us : NotImplemented;
  }
  __neg__(): timedelta {
    return timedelta._of(-this._us);
  }
  __pos__(): timedelta {
    return this;
  }
  __abs__(): timedelta {
    return this._us < 0n ? this.__neg__() : this;
  }
  __add__(o: unknown): unknown {
    if (o instanceof timedelta) return timedelta._of(this._us + o._us);
    return NotImplemented;
  }
  __radd__(o: unknown): unknown {
    return this.__add__(o);
  }
  __sub__(o: unknown): unknown {
    if (o instanceof timedelta) return timedelta._of(this._us - o._us);
    return NotImplemented;
  }
  __rsub__(o: unknown): unknown {
    if (o instanceof timedelta) return timedelta._of(o._us - this._us);
    return NotImplemented;
  }
  __mul__(o: unknown): unknown {
    if (typeof o === "bigint") return timedelta._of(this._us * o);
    if (typeof o === "boolean") return timedelta._of(o ? this._us : 0n);
    if (typeof o === "number") return timedelta._of(BigInt(roundHalfEven(Number(this._us) * o)));
    return NotImplemented;
  }
  __rmul__(o: unknown): unknown {
    return this.__mul__(o);
  }
  __truediv__(o: unknown): unknown {
    if (o instanceof timedelta) {
      if (o._us === 0n) throw new ZeroDivisionError("division by zero");
      return Number(this._us) / Number(o._us);
    }
    if (typeof o === "bigint") {
      if (o === 0n) throw new ZeroDivisionError("division by zero");
      return timedelta._of(divRoundHalfEven(this._us, o));
    }
    if (typeof o === "number") {
      if (o === 0) throw new ZeroDivisionError("division by zero");
      return timedelta._of(BigInt(roundHalfEven(Number(this._us) / o)));
    }
    return NotImplemented;
  }
  __floordiv__(o: unknown): unknown {
    if (o instanceof timedelta) {
      if (o._us === 0n) throw new ZeroDivisionError("integer division or modulo by zero");
      return floorDiv(this._us, o._us);
    }
    if (typeof o === "bigint") {
      if (o === 0n) throw new ZeroDivisionError("integer division or modulo by zero");
      return timedelta._of(floorDiv(this._us, o));
    }
    return NotImplemented;
  }
  __mod__(o: unknown): unknown {
    if (o instanceof timedelta) {
      if (o._us === 0n) throw new ZeroDivisionError("integer division or modulo by zero");
      return timedelta._of(this._us - floorDiv(this._us, o._us) * o._us);
    }
    return NotImplemented;
  }
  __divmod__(o: unknown): unknown {
    if (o instanceof timedelta) return PyTuple.of<unknown>(this.__floordiv__(o), this.__mod__(o));
    return NotImplemented;
  }
  __reduce__(): unknown {
    return PyTuple.of<unknown>(timedelta, PyTuple.of(this.days, this.seconds, this.microseconds));
  }
  static __module__ = "datetime";
  static min: timedelta;
  static max: timedelta;
  static resolution: timedelta;
}
timedelta.min = timedelta._of(-999999999n * US_PER_DAY);
timedelta.max = timedelta._of(1000000000n * US_PER_DAY - 1n);
timedelta.resolution = timedelta._of(1n);

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - Math.trunc(x)) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
function divRoundHalfEven(a: bigint, b: bigint): bigint {
  const q = floorDiv(a, b);
  const r2 = (a - q * b) * 2n;
  const bb = b < 0n ? -b : b;
  const rr = b < 0n ? -r2 : r2;
  if (rr > bb || (rr === bb && q % 2n !== 0n)) return q + 1n;
  return q;
}

// ───────────── tzinfo / timezone ─────────────

export class tzinfo {
  utcoffset(_dt: unknown): unknown {
    throw new NotImplementedError("a tzinfo subclass must implement utcoffset()");
  }
  tzname(_dt: unknown): unknown {
    throw new NotImplementedError("a tzinfo subclass must implement tzname()");
  }
  dst(_dt: unknown): unknown {
    throw new NotImplementedError("a tzinfo subclass must implement dst()");
  }
  /** The wall time of DT (a UTC time carrying this tzinfo): CPython's default, from utcoffset() and dst(). */
  fromutc(dt: unknown): unknown {
    if (!(dt instanceof datetime)) throw new TypeError("fromutc: argument must be a datetime");
    if (dt._tz !== this) throw new ValueError("fromutc: dt.tzinfo is not self");
    const off = dt.utcoffset();
    if (off === null) throw new ValueError("fromutc: non-None utcoffset() result required");
    let dst = dstOf(this, dt);
    if (dst === null) throw new ValueError("fromutc: non-None dst() result required");
    let out: datetime = dt;
    const delta = off._us - dst._us;
    if (delta !== 0n) {
      out = datetime._fromUs(dt._toUs() + delta, this, dt.constructor);
      dst = dstOf(this, out);
      if (dst === null) throw new ValueError("fromutc: tz.dst() gave inconsistent results; cannot convert");
    }
    return datetime._fromUs(out._toUs() + dst._us, this, dt.constructor);
  }
  static __module__ = "datetime";
}

function dstOf(tz: unknown, dt: unknown): timedelta | null {
  const d = callm(tz, "dst", dt);
  if (d === null || d === undefined) return null;
  if (!(d instanceof timedelta)) throw new TypeError(`tzinfo.dst() must return None or timedelta, not '${typeName(d)}'`);
  return d;
}

/** UTCUS (microseconds since year 1, UTC) as a wall time in TZ: tz.fromutc, as CPython converts. */
function wallTimeIn(tz: unknown, utcUs: bigint, cls: unknown): datetime {
  if (tz instanceof timezone) return datetime._fromUs(utcUs + tz._offset._us, tz, cls);
  const made = callm(tz, "fromutc", datetime._fromUs(utcUs, tz, cls));
  if (!(made instanceof datetime)) throw new TypeError(`fromutc: tz.fromutc() must return a datetime, not ${typeName(made)}`);
  return made;
}

export class timezone extends tzinfo {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "datetime.timezone";
  _offset: timedelta;
  _name: string | null;
  constructor(...args: unknown[]) {
    super();
    const bound = bind(["offset", "name"], args, { name: NO_NAME }, "timezone");
    const offset = bound.offset;
    const name = bound.name === NO_NAME ? null : (bound.name as string | null);
    if (!(offset instanceof timedelta)) throw new TypeError(`timezone() argument 1 must be datetime.timedelta, not ${typeName(offset)}`);
    if (bound.name !== NO_NAME && typeof name !== "string")
      throw new TypeError(`timezone() argument 2 must be str, not ${name === null || name === undefined ? "None" : typeName(name)}`);
    if (offset._us <= -US_PER_DAY || offset._us >= US_PER_DAY) {
      throw new ValueError(`offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not ${offset.__repr__()}.`);
    }
    this._offset = offset;
    this._name = name;
    // timezone(timedelta(0)) is the one timezone.utc, as in CPython
    if (name === null && offset._us === 0n && timezone.utc !== undefined) return timezone.utc;
  }
  utcoffset(_dt: unknown): timedelta {
    return this._offset;
  }
  dst(_dt: unknown): null {
    return null;
  }
  tzname(_dt: unknown): string {
    if (this._name !== null) return this._name;
    if (this._offset._us === 0n) return "UTC";
    return "UTC" + formatOffset(this._offset, ":");
  }
  __str__(): string {
    return this.tzname(null);
  }
  __repr__(): string {
    if (this === timezone.utc) return "datetime.timezone.utc";
    return this._name === null ? `datetime.timezone(${this._offset.__repr__()})` : `datetime.timezone(${this._offset.__repr__()}, ${repr(this._name)})`;
  }
  __eq__(o: unknown): unknown {
    return o instanceof timezone ? this._offset._us === o._offset._us : NotImplemented;
  }
  __hash__(): bigint {
    return this._offset.__hash__();
  }
  static utc: timezone;
  static min: timezone;
  static max: timezone;
}
timezone.utc = new timezone(timedelta._of(0n));
export const UTC = timezone.utc;

/** "+HH:MM" (with seconds / microseconds when present), as isoformat and %z show offsets. */
function formatOffset(off: timedelta, sep: string): string {
  let us = off._us;
  const sign = us < 0n ? "-" : "+";
  if (us < 0n) us = -us;
  const total = Number(us / 1_000_000n);
  const rest = Number(us % 1_000_000n);
  let s = `${sign}${p2(Math.floor(total / 3600))}${sep}${p2(Math.floor(total / 60) % 60)}`;
  if (total % 60 !== 0 || rest !== 0) s += `${sep}${p2(total % 60)}`;
  if (rest !== 0) s += `.${p6(rest)}`;
  return s;
}

function utcoffsetOf(tz: unknown, dt: unknown): timedelta | null {
  if (tz === null || tz === undefined) return null;
  const off = (tz as tzinfo).utcoffset(dt);
  if (off === null || off === undefined) return null;
  if (!(off instanceof timedelta)) throw new TypeError(`tzinfo.utcoffset() must return None or timedelta, not '${typeName(off)}'`);
  return off;
}

// ───────────── date ─────────────

export class date {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "datetime.date";
  /** `date.__new__(cls, ...)`, what a subclass's `super().__new__(cls, ...)` reaches. */
  __new__(cls: Function, ...args: unknown[]): any {
    return rawInstance(cls, args);
  }
  _y!: number;
  _m!: number;
  _d!: number;

  constructor(...args: unknown[]) {
    const how = newOf(new.target, date, args);
    if (typeof how === "object") return how.made as date;
    // (its __init__ runs after, as after __new__; not after a subclass's __new__ made it)
    const given = how === "plain" && subclassDefinesInit(new.target, date) ? [...args] : null;
    const a = bind(["year", "month", "day"], args, {}, null);
    this._y = toInt(a.year, "year");
    this._m = toInt(a.month, "month");
    this._d = toInt(a.day, "day");
    checkDate(this._y, this._m, this._d);
    if (given !== null) init_from(this, new.target, date, given);
  }
  /** object.__init__, which a subclass's `super().__init__(...)` reaches (the arguments went to the constructor). */
  __init__(..._args: unknown[]): null {
    return null;
  }

  /** A date of class `cls`: the stock one directly, a subclass through its constructor (CPython's too). */
  static _ymd(y: number, m: number, d: number, cls: unknown = date): date {
    if (cls !== date) return call(cls, BigInt(y), BigInt(m), BigInt(d)) as date;
    const o = Object.create(date.prototype) as date;
    o._y = y;
    o._m = m;
    o._d = d;
    return o;
  }

  get year(): bigint {
    return BigInt(this._y);
  }
  get month(): bigint {
    return BigInt(this._m);
  }
  get day(): bigint {
    return BigInt(this._d);
  }

  static today(): date {
    const t = tmLocaltime(programWallTime()) as unknown as bigint[];
    return date._ymd(Number(t[0]), Number(t[1]), Number(t[2]), clsOf(this, date));
  }
  static fromtimestamp(ts: unknown): date {
    const t = tmLocaltime(ts) as unknown as bigint[];
    return date._ymd(Number(t[0]), Number(t[1]), Number(t[2]), clsOf(this, date));
  }
  static fromordinal(n: unknown): date {
    const [y, m, d] = ordToYmd(toInt(n, "ordinal"));
    return date._ymd(y, m, d, clsOf(this, date));
  }
  static fromisoformat(s: unknown): date {
    if (typeof s !== "string") throw new TypeError(`fromisoformat: argument must be str`);
    const ymd = isoDateFields(s);
    if (ymd === null) throw new ValueError(`Invalid isoformat string: ${repr(s)}`);
    return date._ymd(...ymd, clsOf(this, date));
  }
  static fromisocalendar(year: unknown, week: unknown, day: unknown): date {
    const ord = isoWeekOrdinal(toInt(year, "year"), toInt(week, "week"), toInt(day, "day"));
    if (typeof ord === "string") throw new ValueError(ord);
    return date._ymd(...ordToYmd(ord), clsOf(this, date));
  }
  isocalendar(): unknown {
    return new IsoCalendarDate(isoCalendarOf(ymdToOrd(this._y, this._m, this._d)).map(BigInt));
  }

  toordinal(): bigint {
    return BigInt(ymdToOrd(this._y, this._m, this._d));
  }
  weekday(): bigint {
    return BigInt((ymdToOrd(this._y, this._m, this._d) + 6) % 7);
  }
  isoweekday(): bigint {
    return this.weekday() + 1n;
  }
  isoformat(): string {
    return `${p4(this._y)}-${p2(this._m)}-${p2(this._d)}`;
  }
  __str__(): string {
    return this.isoformat();
  }
  __repr__(): string {
    return `${reprName(this, date, "datetime.date")}(${this._y}, ${this._m}, ${this._d})`;
  }
  ctime(): string {
    return tmStrftime("%a %b %e 00:00:00 %Y".replace("%e", String(this._d).padStart(2, " ")), this.timetuple());
  }
  timetuple(): unknown {
    return makeStruct(this._y, this._m, this._d, 0, 0, 0, -1);
  }
  strftime(fmt: unknown): string {
    return strftimeWith(String(fmt), this.timetuple(), 0, null, null);
  }
  __format__(spec: unknown): string {
    const s = String(spec);
    return s === "" ? this.__str__() : this.strftime(s);
  }
  replace(...args: unknown[]): date {
    const a = bind(["year", "month", "day"], args, { year: BigInt(this._y), month: BigInt(this._m), day: BigInt(this._d) }, "replace");
    return asKindOf(new date(a.year, a.month, a.day), this, date);
  }

  _cmp(o: date): number {
    return ymdToOrd(this._y, this._m, this._d) - ymdToOrd(o._y, o._m, o._d);
  }
  /** date and datetime do not compare with each other (datetime overrides these). */
  private _sameKind(o: unknown): o is date {
    return o instanceof date && !(o instanceof datetime);
  }
  __eq__(o: unknown): unknown {
    return this._sameKind(o) ? this._cmp(o) === 0 : NotImplemented;
  }
  __ne__(o: unknown): unknown {
    return this._sameKind(o) ? this._cmp(o) !== 0 : NotImplemented;
  }
  __lt__(o: unknown): unknown {
    return this._sameKind(o) ? this._cmp(o) < 0 : NotImplemented;
  }
  __le__(o: unknown): unknown {
    return this._sameKind(o) ? this._cmp(o) <= 0 : NotImplemented;
  }
  __gt__(o: unknown): unknown {
    return this._sameKind(o) ? this._cmp(o) > 0 : NotImplemented;
  }
  __ge__(o: unknown): unknown {
    return this._sameKind(o) ? this._cmp(o) >= 0 : NotImplemented;
  }
  __hash__(): bigint {
    return pyHash(this.toordinal()) as bigint;
  }
  __add__(o: unknown): unknown {
    if (!(o instanceof timedelta)) return NotImplemented;
    const n = ymdToOrd(this._y, this._m, this._d) + Number(o.days);
    if (n < 1 || n > 3652059) throw new OverflowError("result out of range");
    const [y, m, d] = ordToYmd(n);
    return date._ymd(y, m, d, this.constructor);
  }
  __radd__(o: unknown): unknown {
    return this.__add__(o);
  }
  __sub__(o: unknown): unknown {
    if (o instanceof timedelta) return this.__add__(o.__neg__());
    if (this._sameKind(o)) return timedelta._of(BigInt(this._cmp(o)) * US_PER_DAY);
    return NotImplemented;
  }
  static __module__ = "datetime";
  static min: date;
  static max: date;
  static resolution: timedelta;
}
date.min = date._ymd(1, 1, 1);
date.max = date._ymd(9999, 12, 31);
date.resolution = timedelta._of(US_PER_DAY);

function makeStruct(y: number, m: number, d: number, hh: number, mi: number, ss: number, dst: number): unknown {
  const ord = ymdToOrd(y, m, d);
  const yday = ord - ymdToOrd(y, 1, 1) + 1;
  // (tm_zone and tm_gmtoff None, as CPython's timetuple() has them)
  return new struct_time([BigInt(y), BigInt(m), BigInt(d), BigInt(hh), BigInt(mi), BigInt(ss), BigInt((ord + 6) % 7), BigInt(yday), BigInt(dst), null, null]);
}

/** strftime for date/time/datetime: %f, %z and %Z are theirs; the rest is time.strftime's. */
function strftimeWith(fmt: string, tt: unknown, us: number, off: timedelta | null, tzname: string | null): string {
  const pre = fmt.replace(/%(:z|[fzZ%])/g, (all, c: string) => {
    if (c === "f") return p6(us);
    if (c === "z") return off === null ? "" : formatOffset(off, "");
    if (c === ":z") return off === null ? "" : formatOffset(off, ":");
    if (c === "Z") return tzname ?? "";
    return all;
  });
  return tmStrftime(pre, tt);
}

/** CPython 3.12 deprecates the naive-UTC constructors (shown once per calling line). */
function deprecatedUtc(name: string, instead: string): void {
  const where = current_location();
  if (where === null) return;
  _warn_at(
    where.filename,
    where.lineno,
    `datetime.datetime.${name}() is deprecated and scheduled for removal in a future version. Use timezone-aware objects to represent datetimes in UTC: datetime.datetime.${instead}.`,
    "DeprecationWarning",
    true,
  );
}

// ───────────── time ─────────────

export class time {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "datetime.time";
  /** `time.__new__(cls, ...)`, what a subclass's `super().__new__(cls, ...)` reaches. */
  __new__(cls: Function, ...args: unknown[]): any {
    return rawInstance(cls, args);
  }
  _h!: number;
  _mi!: number;
  _s!: number;
  _us!: number;
  _tz!: unknown;
  _fold!: number;

  constructor(...args: unknown[]) {
    const how = newOf(new.target, time, args);
    if (typeof how === "object") return how.made as time;
    // (its __init__ runs after, as after __new__; not after a subclass's __new__ made it)
    const given = how === "plain" && subclassDefinesInit(new.target, time) ? [...args] : null;
    const a = bind(
      ["hour", "minute", "second", "microsecond", "tzinfo", "fold"],
      args,
      {
        hour: 0n,
        minute: 0n,
        second: 0n,
        microsecond: 0n,
        tzinfo: null,
        fold: 0n,
      },
      null,
    );
    this._h = toInt(a.hour, "hour");
    this._mi = toInt(a.minute, "minute");
    this._s = toInt(a.second, "second");
    this._us = toInt(a.microsecond, "microsecond");
    this._tz = a.tzinfo;
    this._fold = toInt(a.fold, "fold");
    checkTime(this._h, this._mi, this._s, this._us);
    if (given !== null) init_from(this, new.target, time, given);
  }
  /** object.__init__, which a subclass's `super().__init__(...)` reaches (the arguments went to the constructor). */
  __init__(..._args: unknown[]): null {
    return null;
  }
  replace(...args: unknown[]): time {
    const a = bind(
      ["hour", "minute", "second", "microsecond", "tzinfo", "fold"],
      args,
      { hour: this.hour, minute: this.minute, second: this.second, microsecond: this.microsecond, tzinfo: this._tz, fold: BigInt(this._fold) },
      "replace",
    );
    return asKindOf(new time(a.hour, a.minute, a.second, a.microsecond, a.tzinfo, a.fold), this, time);
  }
  get hour(): bigint {
    return BigInt(this._h);
  }
  get minute(): bigint {
    return BigInt(this._mi);
  }
  get second(): bigint {
    return BigInt(this._s);
  }
  get microsecond(): bigint {
    return BigInt(this._us);
  }
  get tzinfo(): unknown {
    return this._tz;
  }
  get fold(): bigint {
    return BigInt(this._fold);
  }
  static fromisoformat(s: unknown): time {
    if (typeof s !== "string") throw new TypeError(`fromisoformat: argument must be str`);
    // (a leading T is allowed: the time of a datetime's text)
    const t = parseIsoTime(s.startsWith("T") ? s.slice(1) : s);
    if (t === null) throw new ValueError(`Invalid isoformat string: ${repr(s)}`);
    checkTime(t.hour, t.minute, t.second, t.microsecond);
    const tz = isoTimezone(t);
    const args = [t.hour, t.minute, t.second, t.microsecond].map(BigInt);
    return (this === time ? new time(...args, tz) : call(this, ...args, tz)) as time;
  }
  isoformat(...args: unknown[]): string {
    const { timespec } = bind(["timespec"], args, { timespec: "auto" }, "isoformat");
    let s = formatTimeOfDay(this._h, this._mi, this._s, this._us, String(timespec));
    const off = utcoffsetOf(this._tz, null);
    if (off !== null) s += formatOffset(off, ":");
    return s;
  }
  __str__(): string {
    return this.isoformat();
  }
  __repr__(): string {
    let s = `${reprName(this, time, "datetime.time")}(${this._h}, ${this._mi}`;
    if (this._s !== 0 || this._us !== 0) s += `, ${this._s}`;
    if (this._us !== 0) s += `, ${this._us}`;
    if (this._tz !== null && this._tz !== undefined) s += `, tzinfo=${repr(this._tz)}`;
    if (this._fold) s += ", fold=1";
    return s + ")";
  }
  strftime(fmt: unknown): string {
    const off = utcoffsetOf(this._tz, null);
    const name = this._tz ? String((this._tz as tzinfo).tzname(null)) : null;
    return strftimeWith(String(fmt), makeStruct(1900, 1, 1, this._h, this._mi, this._s, -1), this._us, off, name);
  }
  __format__(spec: unknown): string {
    const s = String(spec);
    return s === "" ? this.__str__() : this.strftime(s);
  }
  _key(): number {
    return ((this._h * 60 + this._mi) * 60 + this._s) * 1e6 + this._us;
  }
  __eq__(o: unknown): unknown {
    return o instanceof time ? this._key() === o._key() : NotImplemented;
  }
  __lt__(o: unknown): unknown {
    return o instanceof time ? this._key() < o._key() : NotImplemented;
  }
  __le__(o: unknown): unknown {
    return o instanceof time ? this._key() <= o._key() : NotImplemented;
  }
  __gt__(o: unknown): unknown {
    return o instanceof time ? this._key() > o._key() : NotImplemented;
  }
  __ge__(o: unknown): unknown {
    return o instanceof time ? this._key() >= o._key() : NotImplemented;
  }
  __hash__(): bigint {
    return pyHash(this._key()) as bigint;
  }
  static __module__ = "datetime";
}

function formatTimeOfDay(h: number, mi: number, s: number, us: number, timespec: string): string {
  switch (timespec) {
    case "auto":
      return us ? `${p2(h)}:${p2(mi)}:${p2(s)}.${p6(us)}` : `${p2(h)}:${p2(mi)}:${p2(s)}`;
    case "hours":
      return p2(h);
    case "minutes":
      return `${p2(h)}:${p2(mi)}`;
    case "seconds":
      return `${p2(h)}:${p2(mi)}:${p2(s)}`;
    case "milliseconds":
      return `${p2(h)}:${p2(mi)}:${p2(s)}.${String(Math.floor(us / 1000)).padStart(3, "0")}`;
    case "microseconds":
      return `${p2(h)}:${p2(mi)}:${p2(s)}.${p6(us)}`;
  }
  throw new ValueError("Unknown timespec value");
}

// ───────────── datetime ─────────────

export class datetime extends date {
  /** CPython's tp_name, which its error messages use. */
  static __tp_name__ = "datetime.datetime";
  /** `datetime.__new__(cls, ...)`, what a subclass's `super().__new__(cls, ...)` reaches. */
  __new__(cls: Function, ...args: unknown[]): any {
    return rawInstance(cls, args);
  }
  _h = 0;
  _mi = 0;
  _s = 0;
  _us = 0;
  _tz: unknown = null;
  _fold = 0;

  constructor(...args: unknown[]) {
    const how = newOf(new.target, datetime, args);
    if (typeof how === "object") return how.made as datetime;
    // (its __init__ runs after, as after __new__; not after a subclass's __new__ made it)
    const given = how === "plain" && subclassDefinesInit(new.target, datetime) ? [...args] : null;
    const a = bind(
      ["year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"],
      args,
      {
        hour: 0n,
        minute: 0n,
        second: 0n,
        microsecond: 0n,
        tzinfo: null,
        fold: 0n,
      },
      null,
    );
    super(a.year, a.month, a.day);
    this._h = toInt(a.hour, "hour");
    this._mi = toInt(a.minute, "minute");
    this._s = toInt(a.second, "second");
    this._us = toInt(a.microsecond, "microsecond");
    this._tz = a.tzinfo;
    this._fold = toInt(a.fold, "fold");
    checkTime(this._h, this._mi, this._s, this._us);
    if (this._tz !== null && !(this._tz instanceof tzinfo)) {
      throw new TypeError(`tzinfo argument must be None or of a tzinfo subclass, not type '${typeName(this._tz)}'`);
    }
    if (given !== null) init_from(this, new.target, datetime, given);
  }

  /** A datetime of class `cls`: the stock one directly, a subclass through its constructor (CPython's too). */
  static _make(y: number, m: number, d: number, h: number, mi: number, s: number, us: number, tz: unknown, cls: unknown = datetime): datetime {
    if (cls !== datetime) return call(cls, ...[y, m, d, h, mi, s, us].map(BigInt), tz) as datetime;
    const o = Object.create(datetime.prototype) as datetime;
    Object.assign(o, { _y: y, _m: m, _d: d, _h: h, _mi: mi, _s: s, _us: us, _tz: tz, _fold: 0 });
    return o;
  }
  /** From microseconds since 0001-01-01T00:00 (the arithmetic's common ground). */
  static _fromUs(total: bigint, tz: unknown, cls: unknown = datetime): datetime {
    const days = floorDiv(total, US_PER_DAY);
    const rest = Number(total - days * US_PER_DAY);
    const n = Number(days) + 1;
    if (n < 1 || n > 3652059) throw new OverflowError("date value out of range");
    const [y, m, d] = ordToYmd(n);
    const secs = Math.floor(rest / 1e6);
    return datetime._make(y, m, d, Math.floor(secs / 3600), Math.floor(secs / 60) % 60, secs % 60, rest % 1e6, tz, cls);
  }
  _toUs(): bigint {
    const days = BigInt(ymdToOrd(this._y, this._m, this._d) - 1);
    return days * US_PER_DAY + BigInt(((this._h * 60 + this._mi) * 60 + this._s) * 1e6 + this._us);
  }

  get hour(): bigint {
    return BigInt(this._h);
  }
  get minute(): bigint {
    return BigInt(this._mi);
  }
  get second(): bigint {
    return BigInt(this._s);
  }
  get microsecond(): bigint {
    return BigInt(this._us);
  }
  get tzinfo(): unknown {
    return this._tz;
  }
  get fold(): bigint {
    return BigInt(this._fold);
  }

  /** The local (or `tz`) time at POSIX timestamp `ts`. */
  static fromtimestamp(ts: unknown, ...rest: unknown[]): datetime {
    const k = popKw(rest) ?? {};
    const tz = rest[0] ?? k.tz ?? null;
    const secs = typeof ts === "bigint" ? Number(ts) : (ts as number);
    if (typeof secs !== "number") throw new TypeError(`'${typeName(ts)}' object cannot be interpreted as an integer`);
    let whole = Math.floor(secs);
    let us = roundHalfEven((secs - whole) * 1e6);
    if (us >= 1e6) {
      whole += 1;
      us -= 1e6;
    }
    const cls = clsOf(this, datetime);
    if (tz !== null) {
      if (!(tz instanceof tzinfo)) throw new TypeError(`tzinfo argument must be None or of a tzinfo subclass, not type '${typeName(tz)}'`);
      return wallTimeIn(tz, BigInt(whole + 62135596800) * 1_000_000n + BigInt(us), cls);
    }
    const t = tmLocaltime(whole) as unknown as bigint[];
    return datetime._make(Number(t[0]), Number(t[1]), Number(t[2]), Number(t[3]), Number(t[4]), Number(t[5]), us, null, cls);
  }
  static utcfromtimestamp(ts: unknown): datetime {
    deprecatedUtc("utcfromtimestamp", "fromtimestamp(timestamp, datetime.UTC)");
    return datetime._utcfromtimestamp(ts, clsOf(this, datetime));
  }
  static _utcfromtimestamp(ts: unknown, cls: unknown = datetime): datetime {
    const secs = typeof ts === "bigint" ? Number(ts) : (ts as number);
    const whole = Math.floor(secs);
    return datetime._fromUs(BigInt(whole + 62135596800) * 1_000_000n + BigInt(roundHalfEven((secs - whole) * 1e6)), null, cls);
  }
  static now(...args: unknown[]): datetime {
    const k = popKw(args) ?? {};
    const tz = args[0] ?? k.tz ?? null;
    return clsOf(this, datetime).fromtimestamp(programWallTime(), tz);
  }
  static today(): datetime {
    return clsOf(this, datetime).fromtimestamp(programWallTime());
  }
  static utcnow(): datetime {
    deprecatedUtc("utcnow", "now(datetime.UTC)");
    return datetime._utcfromtimestamp(programWallTime(), clsOf(this, datetime));
  }
  static combine(d: unknown, t: unknown, ...rest: unknown[]): datetime {
    if (!(d instanceof date) || !(t instanceof time)) throw new TypeError("combine() argument 1 must be datetime.date, argument 2 datetime.time");
    const k = popKw(rest) ?? {};
    const tz = rest[0] ?? k.tzinfo ?? t._tz;
    return datetime._make(d._y, d._m, d._d, t._h, t._mi, t._s, t._us, tz, clsOf(this, datetime));
  }
  static fromisoformat(s: unknown): datetime {
    if (typeof s !== "string") throw new TypeError(`fromisoformat: argument must be str`);
    const invalid = () => new ValueError(`Invalid isoformat string: ${repr(s)}`);
    // The date, then any one character, then the time.
    const cps = Array.from(s);
    const n = isoDateLength(s);
    const ymd = isoDateFields(cps.slice(0, n).join(""));
    if (ymd === null || cps.length === n + 1) throw invalid();
    const t = cps.length > n ? parseIsoTime(cps.slice(n + 1).join("")) : parseIsoTime("00");
    if (t === null) throw invalid();
    checkTime(t.hour, t.minute, t.second, t.microsecond);
    return datetime._make(...ymd, t.hour, t.minute, t.second, t.microsecond, isoTimezone(t), clsOf(this, datetime));
  }
  static fromisocalendar(year: unknown, week: unknown, day: unknown): datetime {
    const ord = isoWeekOrdinal(toInt(year, "year"), toInt(week, "week"), toInt(day, "day"));
    if (typeof ord === "string") throw new ValueError(ord);
    return datetime._make(...ordToYmd(ord), 0, 0, 0, 0, null, clsOf(this, datetime));
  }
  /** cls.strptime(date_string, format): a %z offset gives a fixed-offset timezone (named by %Z). */
  static strptime(s: unknown, fmt: unknown): datetime {
    const p = strptime(s, fmt, { tzname: tmTzname as unknown as string[], daylight: tmDaylight !== 0n });
    const args: unknown[] = [p.year, p.month, p.day, p.hour, p.minute, p.second, p.fraction].map(BigInt);
    if (p.gmtoff !== null) {
      const offset = new timedelta(0n, BigInt(p.gmtoff), BigInt(p.gmtoffFraction));
      args.push(p.tzname ? new timezone(offset, p.tzname) : new timezone(offset));
    }
    return call(clsOf(this, datetime), ...args) as datetime;
  }

  date(): date {
    return date._ymd(this._y, this._m, this._d);
  }
  time(): time {
    return new time(BigInt(this._h), BigInt(this._mi), BigInt(this._s), BigInt(this._us));
  }
  timetz(): time {
    return new time(BigInt(this._h), BigInt(this._mi), BigInt(this._s), BigInt(this._us), this._tz);
  }
  utcoffset(): timedelta | null {
    return utcoffsetOf(this._tz, this);
  }
  tzname(): unknown {
    return this._tz === null ? null : (this._tz as tzinfo).tzname(this);
  }
  dst(): unknown {
    return this._tz === null ? null : (this._tz as tzinfo).dst(this);
  }
  timetuple(): unknown {
    return makeStruct(this._y, this._m, this._d, this._h, this._mi, this._s, -1);
  }
  utctimetuple(): unknown {
    const off = this.utcoffset();
    const u = off === null ? this : datetime._fromUs(this._toUs() - off._us, null);
    return makeStruct(u._y, u._m, u._d, u._h, u._mi, u._s, 0);
  }
  /** POSIX seconds: naive datetimes are local time. */
  timestamp(): number {
    const off = this.utcoffset();
    if (off === null) {
      const local = tmMktime(makeStruct(this._y, this._m, this._d, this._h, this._mi, this._s, -1));
      return local + this._us / 1e6;
    }
    return Number(this._toUs() - off._us - 62135596800n * 1_000_000n) / 1e6;
  }
  astimezone(tz: unknown = null): datetime {
    const off = this.utcoffset();
    const utcUs = off === null ? BigInt(Math.round(this.timestamp() * 1e6)) + 62135596800n * 1_000_000n : this._toUs() - off._us;
    if (tz === null) {
      const secs = Number(utcUs - 62135596800n * 1_000_000n) / 1e6;
      const local = datetime.fromtimestamp(secs);
      const loff = ((local._toUs() - utcUs) / 1_000_000n) * 1_000_000n;
      return datetime._fromUs(local._toUs(), new timezone(timedelta._of(loff)), this.constructor);
    }
    if (!(tz instanceof tzinfo)) throw new TypeError(`tzinfo argument must be None or of a tzinfo subclass, not type '${typeName(tz)}'`);
    return wallTimeIn(tz, utcUs, this.constructor);
  }
  replace(...args: unknown[]): datetime {
    const a = bind(
      ["year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold"],
      args,
      {
        year: this.year,
        month: this.month,
        day: this.day,
        hour: this.hour,
        minute: this.minute,
        second: this.second,
        microsecond: this.microsecond,
        tzinfo: this._tz,
        fold: this.fold,
      },
      "replace",
    );
    return asKindOf(new datetime(a.year, a.month, a.day, a.hour, a.minute, a.second, a.microsecond, a.tzinfo, a.fold), this, datetime);
  }
  isoformat(...args: unknown[]): string {
    const { sep, timespec } = bind(["sep", "timespec"], args, { sep: "T", timespec: "auto" }, "isoformat");
    let s = `${p4(this._y)}-${p2(this._m)}-${p2(this._d)}${String(sep)}${formatTimeOfDay(this._h, this._mi, this._s, this._us, String(timespec))}`;
    const off = this.utcoffset();
    if (off !== null) s += formatOffset(off, ":");
    return s;
  }
  __str__(): string {
    return this.isoformat(" ");
  }
  __repr__(): string {
    let s = `${reprName(this, datetime, "datetime.datetime")}(${this._y}, ${this._m}, ${this._d}, ${this._h}, ${this._mi}`;
    if (this._s !== 0 || this._us !== 0) s += `, ${this._s}`;
    if (this._us !== 0) s += `, ${this._us}`;
    if (this._fold) s += ", fold=1"; // (before tzinfo here, after it in time's repr: CPython's order)
    if (this._tz !== null) s += `, tzinfo=${repr(this._tz)}`;
    return s + ")";
  }
  ctime(): string {
    return tmStrftime(`%a %b ${String(this._d).padStart(2, " ")} %H:%M:%S %Y`, this.timetuple());
  }
  strftime(fmt: unknown): string {
    const off = this.utcoffset();
    const name = this._tz === null ? null : String(this.tzname());
    return strftimeWith(String(fmt), this.timetuple(), this._us, off, name);
  }

  /** Aware datetimes compare in UTC; naive with aware compare unequal (and refuse to order). */
  private _cmpKey(o: datetime, ordering: boolean): bigint | null {
    const a = this.utcoffset();
    const b = o.utcoffset();
    if ((a === null) !== (b === null)) {
      if (ordering) throw new TypeError("can't compare offset-naive and offset-aware datetimes");
      return null;
    }
    return this._toUs() - (a?._us ?? 0n) - (o._toUs() - (b?._us ?? 0n));
  }
  __eq__(o: unknown): unknown {
    if (!(o instanceof datetime)) return o instanceof date ? false : NotImplemented;
    const k = this._cmpKey(o, false);
    return k !== null && k === 0n;
  }
  __ne__(o: unknown): unknown {
    const r = this.__eq__(o);
    return r === NotImplemented ? r : !r;
  }
  __lt__(o: unknown): unknown {
    return o instanceof datetime ? (this._cmpKey(o, true) as bigint) < 0n : NotImplemented;
  }
  __le__(o: unknown): unknown {
    return o instanceof datetime ? (this._cmpKey(o, true) as bigint) <= 0n : NotImplemented;
  }
  __gt__(o: unknown): unknown {
    return o instanceof datetime ? (this._cmpKey(o, true) as bigint) > 0n : NotImplemented;
  }
  __ge__(o: unknown): unknown {
    return o instanceof datetime ? (this._cmpKey(o, true) as bigint) >= 0n : NotImplemented;
  }
  __hash__(): bigint {
    const off = this.utcoffset();
    return pyHash(this._toUs() - (off?._us ?? 0n)) as bigint;
  }
  __add__(o: unknown): unknown {
    if (!(o instanceof timedelta)) return NotImplemented;
    return datetime._fromUs(this._toUs() + o._us, this._tz, this.constructor);
  }
  __radd__(o: unknown): unknown {
    return this.__add__(o);
  }
  __sub__(o: unknown): unknown {
    if (o instanceof timedelta) return datetime._fromUs(this._toUs() - o._us, this._tz, this.constructor);
    if (o instanceof datetime) {
      const a = this.utcoffset();
      const b = o.utcoffset();
      if ((a === null) !== (b === null)) throw new TypeError("can't subtract offset-naive and offset-aware datetimes");
      return timedelta._of(this._toUs() - (a?._us ?? 0n) - (o._toUs() - (b?._us ?? 0n)));
    }
    return NotImplemented;
  }
  static min: datetime;
  static max: datetime;
}
datetime.min = datetime._make(1, 1, 1, 0, 0, 0, 0, null);
datetime.max = datetime._make(9999, 12, 31, 23, 59, 59, 999999, null);
(datetime as unknown as { resolution: timedelta }).resolution = timedelta._of(1n);

// (a program subclass may define __new__: define_class gives it CONSTRUCT, which newOf asks for)
for (const c of [timedelta, date, time, datetime]) constructedByNew.add(c);
