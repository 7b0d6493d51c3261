// calendar: leap years, weekdays and month lengths (isleap, leapdays, weekday, monthrange,
// timegm), the English month and day names, Calendar's month iterators, TextCalendar's month
// text (formatmonth/prmonth) and the module's own calendar (firstweekday, setfirstweekday,
// monthcalendar, prmonth, month, weekheader). Weekdays are the Day enum (MONDAY is 0), months the
// Month enum, shown as `calendar.THURSDAY` as CPython 3.12 does. Year calendars (formatyear) and
// HTMLCalendar are not here. CPython: Lib/calendar.py (documented and observed behaviour).
import { ValueError } from "../builtins/exceptions.js";
import { PyList, PyTuple } from "../builtins/collections.js";
import { stdio } from "../builtins/functions.js";
import { popKw } from "../builtins/object.js";
import { call, getattr, getitem } from "../builtins/ops.js";
import { index, toIterable } from "../builtins/protocol.js";
import { str } from "../builtins/repr.js";
import { date as pyDate } from "./datetime.js";
import { IntEnum, _module_enum } from "./enum.js";

const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The enums with their members' reprs as module globals (`calendar.MONDAY`), as @global_enum makes them. */
function globalEnum(name: string, pairs: [string, number][]): any {
  const cls = _module_enum(IntEnum, "calendar", name, pairs);
  Object.defineProperty(cls.prototype, "__repr__", {
    value(this: object): string {
      return `calendar.${str(getattr(this, "name"))}`;
    },
    writable: true,
    configurable: true,
  });
  return cls;
}
export const Day = globalEnum(
  "Day",
  DAY_NAMES.map((n, i) => [n.toUpperCase(), i]),
);
export const Month = globalEnum(
  "Month",
  MONTH_NAMES.map((n, i) => [n.toUpperCase(), i + 1]),
);
export const [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY] = DAY_NAMES.map((n) => getattr(Day, n.toUpperCase()));
export const [JANUARY, FEBRUARY, MARCH, APRIL, MAY, JUNE, JULY, AUGUST, SEPTEMBER, OCTOBER, NOVEMBER, DECEMBER] = MONTH_NAMES.map((n) =>
  getattr(Month, n.toUpperCase()),
);

export class IllegalMonthError extends ValueError {
  static __module__ = "calendar";
  month: unknown;
  constructor(month: unknown) {
    super(month);
    this.month = month;
  }
  __str__(): string {
    return `bad month number ${str(this.month)}; must be 1-12`;
  }
}

export class IllegalWeekdayError extends ValueError {
  static __module__ = "calendar";
  weekday: unknown;
  constructor(weekday: unknown) {
    super(weekday);
    this.weekday = weekday;
  }
  __str__(): string {
    return `bad weekday number ${str(this.weekday)}; must be 0 (Monday) to 6 (Sunday)`;
  }
}

/** month_name, month_abbr, day_name, day_abbr: indexable (slices too) and iterable, as CPython's name lists. */
export class _localized_names {
  constructor(private readonly names: PyList<string>) {}
  __getitem__(i: unknown): unknown {
    return getitem(this.names, i);
  }
  __len__(): bigint {
    return BigInt(this.names.length);
  }
  *[Symbol.iterator](): Iterator<string> {
    yield* this.names;
  }
  static __module__ = "calendar";
}
export const month_name = new _localized_names(PyList.fromArray(["", ...MONTH_NAMES]));
export const month_abbr = new _localized_names(PyList.fromArray(["", ...MONTH_NAMES.map((n) => n.slice(0, 3))]));
export const day_name = new _localized_names(PyList.fromArray(DAY_NAMES));
export const day_abbr = new _localized_names(PyList.fromArray(DAY_NAMES.map((n) => n.slice(0, 3))));

/** An int argument (an IntEnum member such as calendar.SUNDAY too), as a JS number. */
const int = (x: unknown): number => Number(index(x));
const floorDiv = (a: number, b: number) => Math.floor(a / b);

export function isleap(year: unknown): boolean {
  const y = int(year);
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/** The number of leap years in [y1, y2). */
export function leapdays(y1: unknown, y2: unknown): bigint {
  const a = int(y1) - 1;
  const b = int(y2) - 1;
  return BigInt(floorDiv(b, 4) - floorDiv(a, 4) - (floorDiv(b, 100) - floorDiv(a, 100)) + (floorDiv(b, 400) - floorDiv(a, 400)));
}

/** Days since 1970-01-01 of a proleptic Gregorian date. */
function epochDays(y: number, m: number, d: number): number {
  // (setUTCFullYear, unlike Date.UTC, takes years below 100 as they are)
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / 86400000);
}

/** The weekday (Day.MONDAY is 0) of a date; years outside 1-9999 are taken modulo 400 years. */
export function weekday(year: unknown, month: unknown, day: unknown): unknown {
  let y = int(year);
  const m = int(month);
  const d = int(day);
  if (!(y >= 1 && y <= 9999)) y = 2000 + (((y % 400) + 400) % 400);
  if (m < 1 || m > 12) throw new ValueError("month must be in 1..12");
  if (d < 1 || d > monthLength(y, m)) throw new ValueError("day is out of range for month");
  return call(Day, BigInt((((epochDays(y, m, d) + 3) % 7) + 7) % 7));
}

function monthLength(y: number, m: number): number {
  return MONTH_DAYS[m] + (m === 2 && isleap(BigInt(y)) ? 1 : 0);
}

function checkMonth(month: unknown): number {
  const m = int(month);
  if (m < 1 || m > 12) throw new IllegalMonthError(month);
  return m;
}

/** (weekday of the month's first day, number of days in the month). */
export function monthrange(year: unknown, month: unknown): PyTuple<unknown> {
  const m = checkMonth(month);
  return PyTuple.of<unknown>(weekday(year, month, 1n), BigInt(monthLength(int(year), m)));
}

/** Seconds since the epoch of a UTC time tuple (year, month, day, hour, minute, second, ...). */
export function timegm(tuple: unknown): bigint {
  const [year, month, day, hour, minute, second] = Array.from(toIterable(tuple)).slice(0, 6);
  const days = BigInt(epochDays(int(year), int(month), 1)) + BigInt(int(day)) - 1n;
  return ((days * 24n + BigInt(int(hour))) * 60n + BigInt(int(minute))) * 60n + BigInt(int(second));
}

export class Calendar {
  static __module__ = "calendar";
  private _firstweekday = 0;
  constructor(...args: unknown[]) {
    const k = popKw(args) ?? {};
    this._firstweekday = int(args[0] ?? k.firstweekday ?? 0n);
  }
  get firstweekday(): bigint {
    return BigInt(((this._firstweekday % 7) + 7) % 7);
  }
  set firstweekday(n: unknown) {
    this._firstweekday = int(n);
  }
  getfirstweekday(): bigint {
    return this.firstweekday;
  }
  setfirstweekday(n: unknown): null {
    this._firstweekday = int(n);
    return null;
  }
  /** The weekday numbers of one week, starting with the first weekday. */
  *iterweekdays(): Generator<bigint> {
    const first = Number(this.firstweekday);
    for (let i = first; i < first + 7; i++) yield BigInt(i % 7);
  }
  /** The month's days padded with zeros to whole weeks. */
  *itermonthdays(year: unknown, month: unknown): Generator<bigint> {
    const [before, ndays, after] = this.padding(year, month);
    for (let i = 0; i < before; i++) yield 0n;
    for (let d = 1; d <= ndays; d++) yield BigInt(d);
    for (let i = 0; i < after; i++) yield 0n;
  }
  /** (day, weekday) pairs of itermonthdays. */
  *itermonthdays2(year: unknown, month: unknown): Generator<PyTuple<bigint>> {
    let i = Number(this.firstweekday);
    for (const d of this.itermonthdays(year, month)) yield PyTuple.of(d, BigInt(i++ % 7));
  }
  /** (year, month, day) of every day of the whole weeks the month spans. */
  *itermonthdays3(year: unknown, month: unknown): Generator<PyTuple<bigint>> {
    const [before, ndays, after] = this.padding(year, month);
    const start = epochDays(int(year), int(month), 1) - before;
    for (let i = 0; i < before + ndays + after; i++) {
      const t = new Date((start + i) * 86400000);
      yield PyTuple.of(BigInt(t.getUTCFullYear()), BigInt(t.getUTCMonth() + 1), BigInt(t.getUTCDate()));
    }
  }
  /** datetime.date objects of itermonthdays3. */
  *itermonthdates(year: unknown, month: unknown): Generator<unknown> {
    for (const [y, m, d] of this.itermonthdays3(year, month)) yield call(pyDate, y, m, d);
  }
  private padding(year: unknown, month: unknown): [number, number, number] {
    const [day1, ndays] = monthrange(year, month) as unknown as [unknown, bigint];
    const first = Number(this.firstweekday);
    const d1 = int(getattr(day1, "value"));
    const before = (((d1 - first) % 7) + 7) % 7;
    const after = (((first - d1 - Number(ndays)) % 7) + 7) % 7;
    return [before, Number(ndays), after];
  }
  private weeks<T>(items: Iterable<T>): PyList<PyList<T>> {
    const all = [...items];
    const out: PyList<T>[] = [];
    for (let i = 0; i < all.length; i += 7) out.push(PyList.fromArray(all.slice(i, i + 7)));
    return PyList.fromArray(out);
  }
  monthdatescalendar(year: unknown, month: unknown): PyList<PyList<unknown>> {
    return this.weeks(this.itermonthdates(year, month));
  }
  monthdayscalendar(year: unknown, month: unknown): PyList<PyList<bigint>> {
    return this.weeks(this.itermonthdays(year, month));
  }
  monthdays2calendar(year: unknown, month: unknown): PyList<PyList<PyTuple<bigint>>> {
    return this.weeks(this.itermonthdays2(year, month));
  }
}

/** str.center as CPython pads: the odd space goes left when both the padding and the width are odd. */
function center(s: string, width: number): string {
  const pad = width - s.length;
  if (pad <= 0) return s;
  const left = Math.floor(pad / 2) + (pad & width & 1);
  return " ".repeat(left) + s + " ".repeat(pad - left);
}

export class TextCalendar extends Calendar {
  static __module__ = "calendar";
  formatday(day: unknown, _weekday: unknown, width: unknown): string {
    const d = int(day);
    return center(d === 0 ? "" : String(d).padStart(2), int(width));
  }
  formatweek(theweek: unknown, width: unknown): string {
    return Array.from(toIterable(theweek), (pair) => {
      const [d, wd] = Array.from(toIterable(pair));
      return this.formatday(d, wd, width);
    }).join(" ");
  }
  formatweekday(day: unknown, width: unknown): string {
    const w = int(width);
    const names = w >= 9 ? DAY_NAMES : DAY_NAMES.map((n) => n.slice(0, 3));
    return center(names[int(day)].slice(0, w), w);
  }
  formatweekheader(width: unknown): string {
    return Array.from(this.iterweekdays(), (i) => this.formatweekday(i, width)).join(" ");
  }
  formatmonthname(theyear: unknown, themonth: unknown, width: unknown, withyear: unknown = true): string {
    let s = str(month_name.__getitem__(themonth));
    if (withyear !== false) s = `${s} ${str(theyear)}`;
    return center(s, int(width));
  }
  formatmonth(theyear: unknown, themonth: unknown, w: unknown = 0n, l: unknown = 0n): string {
    const width = Math.max(2, int(w));
    const lines = Math.max(1, int(l));
    const nl = "\n".repeat(lines);
    let s = this.formatmonthname(theyear, themonth, BigInt(7 * (width + 1) - 1)).trimEnd() + nl;
    s += this.formatweekheader(BigInt(width)).trimEnd() + nl;
    for (const week of this.monthdays2calendar(theyear, themonth)) s += this.formatweek(week, BigInt(width)).trimEnd() + nl;
    return s;
  }
  prmonth(theyear: unknown, themonth: unknown, w: unknown = 0n, l: unknown = 0n): null {
    (stdio.stdout as { write(s: string): unknown }).write(this.formatmonth(theyear, themonth, w, l));
    return null;
  }
  prweek(theweek: unknown, width: unknown): null {
    (stdio.stdout as { write(s: string): unknown }).write(`${this.formatweek(theweek, width)}\n`);
    return null;
  }
}

// The module's own calendar, which firstweekday()/setfirstweekday() change.
const moduleCalendar = new TextCalendar();

export function firstweekday(): bigint {
  return moduleCalendar.firstweekday;
}
export function setfirstweekday(n: unknown): null {
  const d = int(n);
  if (d < 0 || d > 6) throw new IllegalWeekdayError(n);
  moduleCalendar.setfirstweekday(n);
  return null;
}
export function monthcalendar(year: unknown, month: unknown): PyList<PyList<bigint>> {
  return moduleCalendar.monthdayscalendar(year, month);
}
export function prmonth(theyear: unknown, themonth: unknown, w: unknown = 0n, l: unknown = 0n): null {
  return moduleCalendar.prmonth(theyear, themonth, w, l);
}
export function month(theyear: unknown, themonth: unknown, w: unknown = 0n, l: unknown = 0n): string {
  return moduleCalendar.formatmonth(theyear, themonth, w, l);
}
export function weekheader(width: unknown): string {
  return moduleCalendar.formatweekheader(width);
}
