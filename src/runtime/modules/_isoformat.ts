// ISO 8601: the ISO calendar's weeks, and the texts date/time/datetime.fromisoformat() read (CPython 3.11+): dates as
// YYYY-MM-DD, YYYYMMDD or ISO weeks (YYYY-Www[-D], YYYYWww[D]); times as HH[:MM[:SS[.f]]] or
// HH[MM[SS[.f]]], any number of fraction digits (kept to microseconds), then Z or an offset
// ±HH[:MM[:SS[.f]]]. Only the shape is checked here: ranges are the constructors' (their messages).

/** A date's fields: [year, month, day] for a calendar date, or [year, week, weekday] for an ISO week date. */
export interface IsoDate {
  week: boolean;
  fields: [number, number, number];
}

/** A time's fields; `offset` in microseconds east of UTC, or null for a naive time. */
export interface IsoTime {
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
  offset: number | null;
}

const CALENDAR_DATE = /^(\d{4})(-?)(\d{2})\2(\d{2})$/;
const WEEK_DATE = /^(\d{4})(-?)W(\d{2})(?:\2(\d))?$/;

export function parseIsoDate(text: string): IsoDate | null {
  let m = CALENDAR_DATE.exec(text);
  if (m) return { week: false, fields: [+m[1], +m[3], +m[4]] };
  m = WEEK_DATE.exec(text);
  if (m) return { week: true, fields: [+m[1], +m[3], m[4] === undefined ? 1 : +m[4]] };
  return null;
}

/** How long the date part of a datetime's text is (its shape decides: extended or basic, week or not). */
export function isoDateLength(text: string): number {
  if (text[4] === "-") {
    if (text[5] !== "W") return 10;
    return text[8] === "-" ? 10 : 8;
  }
  if (text[4] !== "W") return 8;
  return /\d/.test(text[7] ?? "") ? 8 : 7;
}

const CLOCK = /^(\d{2})(?:(:?)(\d{2})(?:\2(\d{2})(?:[.,](\d+))?)?)?$/;
const OFFSET = /^([+-])(\d{2})(?:(:?)(\d{2})(?:\3(\d{2})(?:[.,](\d+))?)?)?$/;

export function parseIsoTime(text: string): IsoTime | null {
  let clock = text;
  let offset: number | null = null;
  const z = text.search(/[Z+-]/);
  if (z >= 0) {
    clock = text.slice(0, z);
    const zone = text.slice(z);
    if (zone === "Z") offset = 0;
    else {
      const o = OFFSET.exec(zone);
      if (!o) return null;
      const seconds = +o[2] * 3600 + +(o[4] ?? 0) * 60 + +(o[5] ?? 0);
      offset = (o[1] === "-" ? -1 : 1) * (seconds * 1_000_000 + micros(o[6]));
    }
  }
  const c = CLOCK.exec(clock);
  if (!c) return null;
  return { hour: +c[1], minute: +(c[3] ?? 0), second: +(c[4] ?? 0), microsecond: micros(c[5]), offset };
}

/** A fraction's digits as microseconds (digits past the sixth are dropped, as CPython does). */
function micros(digits: string | undefined): number {
  return digits === undefined ? 0 : +digits.slice(0, 6).padEnd(6, "0");
}

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The ISO calendar's year and week of a day (its year, day of the year from 1, weekday with Monday
 * 0): weeks start on Monday, week 1 holds the year's first Thursday. (time.strftime's %G/%V and
 * datetime's isocalendar().)
 */
export function isoYearWeek(year: number, yday: number, wday: number): [number, number] {
  const thursdayYd = yday - wday + 3; // this week's Thursday, as a day of the year
  if (thursdayYd < 1) {
    const prevDays = isLeapYear(year - 1) ? 366 : 365;
    return [year - 1, Math.floor((thursdayYd + prevDays - 1) / 7) + 1];
  }
  const days = isLeapYear(year) ? 366 : 365;
  if (thursdayYd > days) return [year + 1, 1];
  return [year, Math.floor((thursdayYd - 1) / 7) + 1];
}
