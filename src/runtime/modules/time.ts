// time: clocks and sleeps through the host (virtual-time aware), struct_time, strftime, strptime.
import { deliver_interrupt } from "../signals.js";
import { host } from "../host.js";
import { programNow, programWallTime } from "../program-clock.js";
import { sleep_gen, sleep_plain, threads_alive } from "../threads/scheduler.js";
import { OSError, OverflowError, TypeError, ValueError } from "../builtins/exceptions.js";
import { index as toIndex, typeName } from "../builtins/ops.js";
import { structseq } from "./_structseq.js";
import { PyTuple } from "../builtins/collections.js";
import { strptime as parseTime } from "./_strptime.js";
import { isoYearWeek } from "./_isoformat.js";

export const struct_time = structseq(
  "time.struct_time",
  ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff", "_gmt"],
  9,
);
// (a class made at run time or an alias of one: its instances, for annotations that name it)
export type struct_time = InstanceType<typeof struct_time>;
type ST = InstanceType<typeof struct_time>;

function num(x: unknown, what = "a number"): number {
  if (typeof x === "number") return x;
  if (typeof x === "bigint") return Number(x);
  if (typeof x === "boolean") return x ? 1 : 0;
  throw new TypeError(`'${typeName(x)}' object cannot be interpreted as ${what}`);
}

export function time(): number {
  return programWallTime();
}
export function time_ns(): bigint {
  return BigInt(Math.round(programWallTime() * 1e6)) * 1000n;
}
export function monotonic(): number {
  return programNow();
}
export function monotonic_ns(): bigint {
  return BigInt(Math.round(programNow() * 1e9));
}
export function perf_counter(): number {
  return programNow();
}
export function perf_counter_ns(): bigint {
  return BigInt(Math.round(programNow() * 1e9));
}
export function process_time(): number {
  return programNow();
}
export function process_time_ns(): bigint {
  return BigInt(Math.round(programNow() * 1e9));
}
export function thread_time(): number {
  return programNow();
}

export function thread_time_ns(): bigint {
  return BigInt(Math.round(programNow() * 1e9));
}

// clock_gettime's clocks (Linux's numbers): the wall clock, the monotonic ones, the CPU-time ones
// (which the runtime measures as the program's own clock, as process_time does).
export const CLOCK_REALTIME = 0n;
export const CLOCK_MONOTONIC = 1n;
export const CLOCK_PROCESS_CPUTIME_ID = 2n;
export const CLOCK_THREAD_CPUTIME_ID = 3n;
export const CLOCK_MONOTONIC_RAW = 4n;
export const CLOCK_BOOTTIME = 7n;
export const CLOCK_TAI = 11n;

/** A clock's reading in seconds; OSError EINVAL for an id Linux has no clock of. */
function clockSeconds(clk_id: unknown): number {
  const id = toIndex(clk_id);
  if (id === CLOCK_REALTIME || id === CLOCK_TAI) return programWallTime();
  if (id === CLOCK_MONOTONIC || id === CLOCK_MONOTONIC_RAW || id === CLOCK_BOOTTIME || id === CLOCK_PROCESS_CPUTIME_ID || id === CLOCK_THREAD_CPUTIME_ID)
    return programNow();
  throw new OSError(22n, "Invalid argument");
}

export function clock_gettime(clk_id: unknown): number {
  return clockSeconds(clk_id);
}
export function clock_gettime_ns(clk_id: unknown): bigint {
  return BigInt(Math.round(clockSeconds(clk_id) * 1e9));
}
export function clock_getres(clk_id: unknown): number {
  clockSeconds(clk_id);
  return 1e-9;
}

function sleepSeconds(secs: unknown): number {
  const s = num(secs);
  if (s !== s) throw new ValueError("Invalid value NaN (not a number)");
  if (s < 0) throw new ValueError("sleep length must be non-negative");
  return s;
}

export function sleep(secs: unknown): null {
  const s = sleepSeconds(secs);
  // Other threads run while this one sleeps (src/runtime/threads/scheduler.ts).
  if (threads_alive()) {
    sleep_plain(s);
    deliver_interrupt();
    return null;
  }
  // A Ctrl-C ends the host's sleep early: its handler runs, then the sleep goes on (PEP 475).
  // Measured as time since the start (a difference of nearby floats is exact): a deadline `now + s`
  // can round down, and monotonic() would then see a sleep shorter than s.
  const start = host.now();
  let left = s;
  do {
    host.sleep(left);
    deliver_interrupt();
    left = s - (host.now() - start);
  } while (left > 0);
  return null;
}

/** In a thread compiled as a generator, time.sleep() suspends only that thread. */
(sleep as unknown as { $g: unknown }).$g = function* sleep(secs: unknown) {
  return yield* sleep_gen(sleepSeconds(secs));
};

const DAY_ABBR = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const DAY_FULL = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MON_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MON_FULL = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function utcOffsetAt(secs: number): number {
  if (host.utcOffset) return host.utcOffset(secs);
  return -new Date(secs * 1000).getTimezoneOffset() * 60;
}

function zoneName(offset: number): string {
  if (host.tzname) return host.tzname[0];
  if (offset === 0) return "UTC";
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZoneName: "short" }).formatToParts(new Date());
    const z = parts.find((p) => p.type === "timeZoneName");
    if (z) return z.value;
  } catch {
    /* ignore */
  }
  return "UTC";
}

function toStruct(secs: number, offset: number, zone: string, gmt = false): ST {
  const ms = Math.floor(secs) * 1000 + offset * 1000;
  const d = new Date(ms);
  if (isNaN(d.getTime())) throw new OverflowError("timestamp out of range for platform time_t");
  const y = d.getUTCFullYear();
  const start = Date.UTC(y, 0, 1);
  const yday = Math.floor((Date.UTC(y, d.getUTCMonth(), d.getUTCDate()) - start) / 86400000) + 1;
  const wday = (d.getUTCDay() + 6) % 7;
  return new struct_time([
    BigInt(y),
    BigInt(d.getUTCMonth() + 1),
    BigInt(d.getUTCDate()),
    BigInt(d.getUTCHours()),
    BigInt(d.getUTCMinutes()),
    BigInt(d.getUTCSeconds()),
    BigInt(wday),
    BigInt(yday),
    0n,
    zone,
    BigInt(offset),
    gmt,
  ]) as ST;
}

export function gmtime(secs: unknown = null): ST {
  const s = secs === null || secs === undefined ? host.wallTime() : num(secs);
  return toStruct(s, 0, "UTC", true);
}

export function localtime(secs: unknown = null): ST {
  const s = secs === null || secs === undefined ? host.wallTime() : num(secs);
  const off = utcOffsetAt(s);
  return toStruct(s, off, zoneName(off));
}

function fields(t: unknown): number[] {
  if (!(t instanceof Array) || t.length < 9) throw new TypeError("Tuple or struct_time argument required");
  return Array.from(t.slice(0, 9), (x) => Number(toIndex(x)));
}

export function mktime(t: unknown): number {
  const f = fields(t);
  const utc = Date.UTC(f[0], f[1] - 1, f[2], f[3], f[4], f[5]) / 1000;
  return utc - utcOffsetAt(utc);
}

export function timegm(t: unknown): number {
  const f = fields(t);
  return Date.UTC(f[0], f[1] - 1, f[2], f[3], f[4], f[5]) / 1000;
}

const p2 = (n: number) => String(n).padStart(2, "0");

export function strftime(fmt: unknown, t: unknown = null): string {
  if (typeof fmt !== "string") throw new TypeError(`strftime() argument 1 must be str, not ${typeName(fmt)}`);
  const st = (t === null || t === undefined ? localtime() : t) as ST;
  const f = fields(st);
  const [Y, mo, d, H, Mi, S, wd, yd] = f;
  // (a datetime's timetuple() says None for both: %Z and %z give nothing, as in CPython)
  const tmZone = (st as unknown as { tm_zone?: string | null }).tm_zone;
  const tmGmtoff = (st as unknown as { tm_gmtoff?: bigint | null }).tm_gmtoff;
  const zone = tmZone === null ? "" : (tmZone ?? zoneName(0));
  const gmtoff = Number(tmGmtoff ?? 0n);
  const I = H % 12 === 0 ? 12 : H % 12;
  const weekNum = (firstDay: number) => {
    // %U (Sunday first) / %W (Monday first)
    const wdSun = (wd + 1) % 7; // 0 = Sunday
    const w = firstDay === 0 ? wdSun : wd;
    return Math.floor((yd - 1 + 7 - w) / 7);
  };
  // glibc's flags after the %: `-` no padding, `_` spaces, `0` zeros, `^` upper case, `#` swapped case.
  return fmt.replace(/%([-_0^#]?)([a-zA-Z%])/g, (m, flag: string, c: string) => {
    const out = directive(c);
    return out === null ? m : flag === "" ? out : withFlag(flag, c, out);
  });
  function directive(c: string): string | null {
    switch (c) {
      case "a":
        return DAY_ABBR[wd];
      case "A":
        return DAY_FULL[wd];
      case "b":
      case "h":
        return MON_ABBR[mo - 1];
      case "B":
        return MON_FULL[mo - 1];
      case "c":
        return `${DAY_ABBR[wd]} ${MON_ABBR[mo - 1]} ${String(d).padStart(2, " ")} ${p2(H)}:${p2(Mi)}:${p2(S)} ${Y}`;
      case "d":
        return p2(d);
      case "e":
        return String(d).padStart(2, " ");
      case "D":
      case "x":
        return `${p2(mo)}/${p2(d)}/${p2(Y % 100)}`;
      case "F":
        return `${Y}-${p2(mo)}-${p2(d)}`;
      case "H":
        return p2(H);
      case "I":
        return p2(I);
      case "j":
        return String(yd).padStart(3, "0");
      case "m":
        return p2(mo);
      case "M":
        return p2(Mi);
      case "p":
        return H < 12 ? "AM" : "PM";
      case "r":
        return `${p2(I)}:${p2(Mi)}:${p2(S)} ${H < 12 ? "AM" : "PM"}`;
      case "R":
        return `${p2(H)}:${p2(Mi)}`;
      case "S":
        return p2(S);
      case "T":
      case "X":
        return `${p2(H)}:${p2(Mi)}:${p2(S)}`;
      case "u":
        return String(wd + 1);
      case "w":
        return String((wd + 1) % 7);
      case "U":
        return p2(weekNum(0));
      case "W":
        return p2(weekNum(1));
      case "y":
        return p2(Y % 100);
      case "Y":
        return String(Y);
      case "Z":
        return (st as unknown as { _gmt?: boolean })._gmt ? "GMT" : zone;
      case "z": {
        if (tmGmtoff === null) return "";
        const a = Math.abs(gmtoff);
        return (gmtoff < 0 ? "-" : "+") + p2(Math.floor(a / 3600)) + p2(Math.floor((a % 3600) / 60));
      }
      case "n":
        return "\n";
      case "t":
        return "\t";
      case "%":
        return "%";
      case "C":
        return p2(Math.floor(Y / 100));
      case "k":
        return String(H).padStart(2, " ");
      case "l":
        return String(I).padStart(2, " ");
      case "P":
        return H < 12 ? "am" : "pm";
      case "s":
        return String(Math.floor(mktime(st)));
      case "G":
        return String(isoYearWeek(Y, yd, wd)[0]);
      case "g":
        return p2(isoYearWeek(Y, yd, wd)[0] % 100);
      case "V":
        return p2(isoYearWeek(Y, yd, wd)[1]);
    }
    return null;
  }
}

// Directives whose text is a number (padding flags apply to them only).
const NUMERIC_DIRECTIVES = new Set("CdegGHIjklmMsSuUVwWyY".split(""));

/** A directive's text under a glibc flag. */
function withFlag(flag: string, c: string, out: string): string {
  switch (flag) {
    case "-":
      return NUMERIC_DIRECTIVES.has(c) ? out.replace(/^[0 ]+(?=.)/, "") : out;
    case "_":
      return NUMERIC_DIRECTIVES.has(c) ? out.replace(/^0+(?=.)/, (z) => " ".repeat(z.length)) : out;
    case "0":
      return NUMERIC_DIRECTIVES.has(c) ? out.replace(/^ +/, (z) => "0".repeat(z.length)) : out;
    case "^":
      return out.toUpperCase();
    default:
      // `#`: names in upper case, %p and %Z in lower case
      return c === "p" || c === "Z" ? out.toLowerCase() : "aAbBh".includes(c) ? out.toUpperCase() : out;
  }
}

export function asctime(t: unknown = null): string {
  return strftime("%a %b %e %H:%M:%S %Y", t ?? localtime());
}
export function ctime(secs: unknown = null): string {
  return asctime(localtime(secs));
}

export function get_clock_info(name: string): Record<string, unknown> {
  return { implementation: name, monotonic: name !== "time", adjustable: name === "time", resolution: 1e-9 };
}

export const timezone = 0n;
export const altzone = 0n;
export const daylight = 0n;
export const tzname = PyTuple.of("UTC", "UTC");

/** strptime(string, format="%a %b %d %H:%M:%S %Y"): a struct_time, its zone and offset from %Z/%z. */
export function strptime(s: unknown, fmt: unknown = "%a %b %d %H:%M:%S %Y"): ST {
  const p = parseTime(s, fmt, { tzname: tzname as unknown as string[], daylight: daylight !== 0n });
  const fields = [p.year, p.month, p.day, p.hour, p.minute, p.second, p.weekday, p.julian, p.isdst].map(BigInt);
  return new struct_time([...fields, p.tzname, p.gmtoff === null ? null : BigInt(p.gmtoff), false]) as ST;
}
