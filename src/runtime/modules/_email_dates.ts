// email.utils' reading of RFC 2822 dates ("Mon, 20 Nov 1995 19:12:08 -0500" and the looser forms
// mail software writes: RFC 850's "20-Nov-95", a missing weekday or seconds, "Nov 20", zone names).
// CPython: Lib/email/_parseaddr.py (behaviour observed, not transliterated).

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/** Zone names, as ±hhmm. */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  AST: -400,
  ADT: -300,
  EST: -500,
  EDT: -400,
  CST: -600,
  CDT: -500,
  MST: -700,
  MDT: -600,
  PST: -800,
  PDT: -700,
};

/** Python's int() of a decimal text (blanks around it and a sign allowed), or null. */
function intOf(s: string): number | null {
  return /^\s*[+-]?\d+\s*$/.test(s) ? parseInt(s, 10) : null;
}

function monthOf(s: string): number {
  const i = MONTHS.indexOf(s);
  return i >= 0 ? i + 1 : MONTH_NAMES.indexOf(s) + 1;
}

/**
 * [year, month, day, hour, minute, second, 0, 1, -1, offset]: the zone's offset in seconds, null
 * for "-0000" or an unknown zone (a time of unknown zone); null for text that is no date.
 */
export function parseDate(text: string): (number | null)[] | null {
  const words = text.split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  if (words[0].endsWith(",") || DAYS.includes(words[0].toLowerCase())) words.shift();
  else {
    // ("Monday,20 Nov": a weekday glued to the day)
    const comma = words[0].lastIndexOf(",");
    if (comma >= 0) words[0] = words[0].slice(comma + 1);
  }
  if (words.length === 3) {
    // RFC 850: "20-Nov-95 19:12:08 GMT".
    const parts = words[0].split("-");
    if (parts.length === 3) words.splice(0, 1, ...parts);
  }
  if (words.length === 4) {
    // "... 19:12:08+0100", or no zone at all.
    const s = words[3];
    let i = s.indexOf("+");
    if (i === -1) i = s.indexOf("-");
    if (i > 0) words.splice(3, 1, s.slice(0, i), s.slice(i));
    else words.push("");
  }
  if (words.length < 5) return null;
  let [day, month, year, clock, zone] = words;
  if (!day || !month || !year) return null;
  month = month.toLowerCase();
  if (!monthOf(month)) {
    [day, month] = [month, day.toLowerCase()];
    if (!monthOf(month)) return null;
  }
  const monthNumber = monthOf(month);
  if (day.endsWith(",")) day = day.slice(0, -1);
  if (year.indexOf(":") > 0) [year, clock] = [clock, year];
  if (year.endsWith(",")) {
    year = year.slice(0, -1);
    if (!year) return null;
  }
  if (!/^\d/.test(year)) [year, zone] = [zone, year];
  if (clock.endsWith(",")) clock = clock.slice(0, -1);
  let fields = clock.split(":");
  if (fields.length === 1 && clock.includes(".")) fields = clock.split(".");
  if (fields.length === 2) fields.push("0");
  if (fields.length !== 3) return null;
  const numbers = [year, day, ...fields].map(intOf);
  if (numbers.some((n) => n === null)) return null;
  let [y, d, hh, mm, ss] = numbers as number[];
  if (y < 100) y += y > 68 ? 1900 : 2000;
  zone = zone.toUpperCase();
  let offset: number | null = zone in ZONES ? ZONES[zone] : intOf(zone);
  if (offset === 0 && zone.startsWith("-")) offset = null;
  if (offset) {
    // ±hhmm as seconds
    const sign = offset < 0 ? -1 : 1;
    const a = Math.abs(offset);
    offset = sign * (Math.floor(a / 100) * 3600 + (a % 100) * 60);
  }
  return [y, monthNumber, d, hh, mm, ss, 0, 1, -1, offset];
}
