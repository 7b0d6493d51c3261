// zoneinfo: ZoneInfo(key), an IANA time zone read from the system's compiled zone files (TZif,
// under TZPATH: /usr/share/zoneinfo ...), as CPython's zoneinfo reads them: utcoffset, dst and
// tzname of a wall time (fold picks the second of an ambiguous hour, or the offset after a gap),
// fromutc for astimezone/now(tz), the footer's POSIX TZ rule past the last transition, the
// cache (ZoneInfo(k) is ZoneInfo(k)), no_cache, clear_cache, ZoneInfoNotFoundError.
import { PyTuple, PySet } from "../builtins/collections.js";
import { KwArgs, popKw } from "../builtins/object.js";
import { Exception, KeyError, TypeError, ValueError } from "../builtins/exceptions.js";
import { call, getattr } from "../builtins/ops.js";
import { toIterable } from "../builtins/protocol.js";
import { repr } from "../builtins/repr.js";
import { bytesData } from "../builtins/bytes.js";
import { open } from "../builtins/io.js";
import { datetime, timedelta, tzinfo } from "./datetime.js";
import { environ, listdir, path as osPath } from "./os.js";

export class ZoneInfoNotFoundError extends KeyError {
  static __module__ = "zoneinfo";
}
export class InvalidTZPathWarning extends Exception {
  static __module__ = "zoneinfo";
}

const DEFAULT_TZPATH = ["/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo", "/etc/zoneinfo"];

function tzpathFromEnv(): string[] {
  const env = (environ as unknown as { get(k: string): unknown }).get("PYTHONTZPATH");
  if (env === null || env === undefined) return DEFAULT_TZPATH;
  return String(env)
    .split(":")
    .filter((p) => p.startsWith("/"));
}
export let TZPATH: PyTuple<string> = PyTuple.fromArray(tzpathFromEnv());

export function reset_tzpath(to: unknown = null): null {
  if (to === null || to === undefined) TZPATH = PyTuple.fromArray(tzpathFromEnv());
  else {
    if (typeof to === "string") throw new TypeError(`tzpaths must be a list or tuple, not ${"str"}: ${repr(to)}`);
    const paths = [...toIterable(to)].map(String);
    const bad = paths.filter((p) => !p.startsWith("/"));
    if (bad.length) throw new ValueError(`Paths must be absolute, not relative: ${bad.join(", ")}`);
    TZPATH = PyTuple.fromArray(paths);
  }
  return null;
}

/** One local time type: its offset, DST part (seconds) and abbreviation. */
interface TTInfo {
  utcoff: number;
  dstoff: number;
  tzname: string;
}

// ───────────── the footer's POSIX TZ rule ─────────────

/** A rule's transition: month, week (5 = last), weekday (0 = Sunday), local time in seconds. */
interface RuleDate {
  m: number;
  w: number;
  d: number;
  time: number;
}

interface TZRule {
  std: TTInfo;
  dst: TTInfo | null;
  start?: RuleDate;
  end?: RuleDate;
}

/** "[+-]hh[:mm[:ss]]" in seconds. */
function tzDelta(s: string): number {
  const m = /^([+-]?)(\d{1,3})(?::(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (!m) throw new ValueError(`${s} is not a valid offset`);
  const secs = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return m[1] === "-" ? -secs : secs;
}

function ruleDate(s: string): RuleDate {
  const [date, time] = s.split("/");
  const m = /^M(\d{1,2})\.(\d)\.(\d)$/.exec(date);
  if (!m) throw new ValueError(`Invalid dst start/end date: ${s} (tsyncio reads only Mm.w.d rules)`);
  return { m: Number(m[1]), w: Number(m[2]), d: Number(m[3]), time: time === undefined ? 7200 : tzDelta(time) };
}

function parseTZString(tz: string): TZRule | TTInfo {
  const [offsets, rules] = [tz.split(",", 1)[0], tz.includes(",") ? tz.slice(tz.indexOf(",") + 1) : null];
  const m =
    /^([^<0-9:.+-]+|<[a-zA-Z0-9+-]+>)(?:([+-]?\d{1,3}(?::\d{2}(?::\d{2})?)?)(?:([^0-9:.+-]+|<[a-zA-Z0-9+-]+>)([+-]?\d{1,3}(?::\d{2}(?::\d{2})?)?)?)?)?$/.exec(
      offsets,
    );
  if (!m) throw new ValueError(`${tz} is not a valid TZ string`);
  const stdName = m[1].replace(/^<|>$/g, "");
  // (POSIX offsets are west of UTC: "EST5" is UTC-5)
  const stdOff = m[2] === undefined ? 0 : -tzDelta(m[2]);
  const std: TTInfo = { utcoff: stdOff, dstoff: 0, tzname: stdName };
  if (!m[3]) return std;
  const dstOff = m[4] === undefined ? stdOff + 3600 : -tzDelta(m[4]);
  const dst: TTInfo = { utcoff: dstOff, dstoff: dstOff - stdOff, tzname: m[3].replace(/^<|>$/g, "") };
  if (rules === null) throw new ValueError(`${tz} has a DST name without transition rules`);
  const [start, end] = rules.split(",");
  return { std, dst, start: ruleDate(start), end: ruleDate(end) };
}

const DAY = 86400;
const daysFromCivil = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / 1000 / DAY);

/** The local seconds (since 1970) of a rule's transition in YEAR. */
function ruleEpoch(r: RuleDate, year: number): number {
  const first = daysFromCivil(year, r.m, 1);
  const firstWeekday = (first + 4) % 7; // (1970-01-01 was a Thursday)
  let day = first + ((r.d - firstWeekday + 7) % 7) + (r.w - 1) * 7;
  if (r.w === 5) {
    const nextMonth = r.m === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, r.m + 1, 1);
    while (day >= nextMonth) day -= 7;
  }
  return day * DAY + r.time;
}

function ruleInfo(rule: TZRule, ts: number, year: number, fold: number): TTInfo {
  let start = ruleEpoch(rule.start!, year);
  let end = ruleEpoch(rule.end!, year);
  const diff = rule.dst!.utcoff - rule.std.utcoff;
  if ((fold === 1) === diff >= 0) end -= diff;
  else start += diff;
  const isDst = start < end ? start <= ts && ts < end : !(end <= ts && ts < start);
  return isDst ? rule.dst! : rule.std;
}

function ruleInfoFromUtc(rule: TZRule, ts: number, year: number): [TTInfo, boolean] {
  const start = ruleEpoch(rule.start!, year) - rule.std.utcoff;
  const end = ruleEpoch(rule.end!, year) - rule.dst!.utcoff;
  const isDst = start < end ? start <= ts && ts < end : !(end <= ts && ts < start);
  const diff = rule.dst!.utcoff - rule.std.utcoff;
  const [a, b] = diff > 0 ? [end, end + diff] : [start, start - diff];
  return [isDst ? rule.dst! : rule.std, a <= ts && ts < b];
}

// ───────────── TZif files ─────────────

interface ZoneData {
  transUtc: number[];
  /** Transitions in wall time: [fold=0 (the larger offset), fold=1]. */
  transLocal: [number[], number[]];
  /** The type in effect after each transition. */
  ttinfos: TTInfo[];
  before: TTInfo | null;
  after: TTInfo | TZRule;
  fixed: boolean;
}

const isRule = (x: TTInfo | TZRule): x is TZRule => "std" in x;

function readTZif(bytes: Uint8Array): ZoneData {
  const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength); // (plain bytes: a bytes object iterates ints)
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (String.fromCharCode(...data.subarray(0, 4)) !== "TZif") throw new ValueError("Invalid TZif file: magic not found");
  const header = (at: number) => Array.from({ length: 6 }, (_, i) => view.getUint32(at + 20 + 4 * i));
  const v1size = (h: number[], timeSize: number) => h[3] * timeSize + h[3] + h[4] * 6 + h[5] + h[2] * (timeSize + 4) + h[1] + h[0];
  let at = 0;
  let timeSize = 4;
  let h = header(0);
  if (data[4] >= 0x32) {
    at = 44 + v1size(h, 4);
    h = header(at);
    timeSize = 8;
  }
  const [, , , timecnt, typecnt, charcnt] = h;
  let p = at + 44;
  const transUtc: number[] = [];
  for (let i = 0; i < timecnt; i++, p += timeSize) transUtc.push(timeSize === 8 ? Number(view.getBigInt64(p)) : view.getInt32(p));
  const idx = Array.from(data.subarray(p, p + timecnt));
  p += timecnt;
  const types: { utcoff: number; isdst: boolean; abbr: number }[] = [];
  for (let i = 0; i < typecnt; i++, p += 6) types.push({ utcoff: view.getInt32(p), isdst: data[p + 4] !== 0, abbr: data[p + 5] });
  const chars = data.subarray(p, p + charcnt);
  p += charcnt + h[2] * (timeSize + 4) + h[1] + h[0];
  const abbr = (i: number) => {
    let end = i;
    while (end < chars.length && chars[end] !== 0) end++;
    return String.fromCharCode(...chars.subarray(i, end));
  };
  let footer = "";
  if (timeSize === 8 && data[p] === 0x0a) {
    const end = data.indexOf(0x0a, p + 1);
    footer = String.fromCharCode(...data.subarray(p + 1, end < 0 ? data.length : end));
  }
  const dstoffs = dstOffsets(idx, types);
  const infos: TTInfo[] = types.map((t, i) => ({ utcoff: t.utcoff, dstoff: dstoffs[i], tzname: abbr(t.abbr) }));
  const ttinfos = idx.map((i) => infos[i]);
  const firstStd = types.findIndex((t) => !t.isdst);
  const before = firstStd >= 0 ? infos[firstStd] : (ttinfos[0] ?? null);
  let after: TTInfo | TZRule;
  if (footer) after = parseTZString(footer);
  else {
    if (!ttinfos.length && !infos.length) throw new ValueError("No time zone information found.");
    after = ttinfos.length ? ttinfos[ttinfos.length - 1] : infos[infos.length - 1];
  }
  const sameInfo = (a: TTInfo, b: TTInfo) => a.utcoff === b.utcoff && a.dstoff === b.dstoff && a.tzname === b.tzname;
  const fixed = infos.length <= 1 && !isRule(after) && (infos.length === 0 || sameInfo(infos[0], after));
  return { transUtc, transLocal: localTransitions(ttinfos, transUtc), ttinfos, before, after, fixed };
}

/**
 * Each type's DST part: a DST type's offset minus the standard offset beside it in the transitions
 * (the one before, else the one after); a DST type never seen beside a standard one counts an hour.
 */
function dstOffsets(idx: number[], types: { utcoff: number; isdst: boolean }[]): number[] {
  const out = types.map(() => 0);
  const dstCount = types.filter((t) => t.isdst).length;
  let found = 0;
  let complete = false;
  for (let i = 1; i < idx.length; i++) {
    if (found === dstCount) {
      complete = true;
      break;
    }
    const k = idx[i];
    if (!types[k].isdst || out[k] !== 0) continue;
    let off = 0;
    const prev = idx[i - 1];
    if (!types[prev].isdst) off = types[k].utcoff - types[prev].utcoff;
    if (!off && k < types.length - 1) {
      const next = idx[i + 1];
      if (next === undefined || types[next].isdst) continue;
      off = types[k].utcoff - types[next].utcoff;
    }
    if (off) {
      found++;
      out[k] = off;
    }
  }
  if (!complete) types.forEach((t, k) => (out[k] = !out[k] && t.isdst ? 3600 : out[k]));
  return out;
}

/** Transition instants as wall times: fold=0 adds the larger of the offsets around it, fold=1 the smaller. */
function localTransitions(ttinfos: TTInfo[], transUtc: number[]): [number[], number[]] {
  if (!transUtc.length) return [[], []];
  const a = [...transUtc];
  const b = [...transUtc];
  a[0] += ttinfos[0].utcoff;
  b[0] += (ttinfos[1] ?? ttinfos[0]).utcoff;
  for (let i = 1; i < ttinfos.length; i++) {
    const x = ttinfos[i - 1].utcoff;
    const y = ttinfos[i].utcoff;
    a[i] += Math.max(x, y);
    b[i] += Math.min(x, y);
  }
  return [a, b];
}

/** The number of items of SORTED that are <= X. */
function bisectRight(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x < sorted[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** CPython's checks of a key: relative, normalized, inside the zone folder. */
function validateKey(key: string): void {
  if (key.startsWith("/")) throw new ValueError(`ZoneInfo keys may not be absolute paths, got: ${key}`);
  const normalized = String(osPath.normpath(key));
  if ([...normalized].length !== [...key].length) throw new ValueError(`ZoneInfo keys must be normalized relative paths, got: ${key}`);
  if (normalized === ".." || normalized.startsWith("../")) throw new ValueError(`ZoneInfo keys must refer to subdirectories of TZPATH, got: ${key}`);
}

/** The zone file of KEY under TZPATH, read; ZoneInfoNotFoundError when none is. */
function loadKey(key: unknown): ZoneData {
  if (typeof key !== "string") throw new TypeError(`expected str, bytes or os.PathLike object, not ${key === null ? "NoneType" : typeof key}`);
  validateKey(key);
  for (const dir of TZPATH) {
    let data: Uint8Array;
    try {
      const f = open(`${dir}/${key}`, "rb");
      try {
        data = bytesData(call(getattr(f, "read")))!;
      } finally {
        call(getattr(f, "close"));
      }
    } catch (e) {
      if (e instanceof Exception) continue;
      throw e;
    }
    return readTZif(data);
  }
  throw new ZoneInfoNotFoundError(`No time zone found with key ${key}`);
}

const EPOCH_DAYS = 719163; // date(1970, 1, 1).toordinal()

/** A datetime's wall time in seconds since 1970 (its tzinfo ignored). */
function localSeconds(dt: any): number {
  return (Number(dt.toordinal()) - EPOCH_DAYS) * DAY + Number(dt.hour) * 3600 + Number(dt.minute) * 60 + Number(dt.second);
}

const td = (secs: number) => new timedelta(0n, BigInt(secs));

/** Instances by key (CPython's cache: ZoneInfo(k) is ZoneInfo(k) until clear_cache). */
const CACHE = new Map<Function, Map<string, ZoneInfo>>();

export class ZoneInfo extends tzinfo {
  declare _key: string | null;
  declare _zone: ZoneData;
  declare _from_cache: boolean;

  constructor(...args: unknown[]) {
    super();
    const kw = popKw(args) ?? {};
    const key = args.length ? args[0] : kw.key;
    if (args.length > 1) throw new TypeError(`ZoneInfo() takes exactly 1 argument (${args.length} given)`);
    const cls = new.target;
    let byKey = CACHE.get(cls);
    if (!byKey) CACHE.set(cls, (byKey = new Map()));
    const hit = typeof key === "string" ? byKey.get(key) : undefined;
    if (hit) return hit;
    this._key = key as string;
    this._zone = loadKey(key);
    this._from_cache = true;
    byKey.set(key as string, this);
  }

  static no_cache(this: typeof ZoneInfo, key: unknown): ZoneInfo {
    const obj = Object.create(this.prototype) as ZoneInfo;
    obj._key = key as string;
    obj._zone = loadKey(key);
    obj._from_cache = false;
    return obj;
  }

  static clear_cache(this: typeof ZoneInfo, ...args: unknown[]): null {
    const kw = popKw(args) ?? {};
    if (args.length) throw new TypeError(`ZoneInfo.clear_cache() takes 0 positional arguments but ${args.length} were given`);
    const byKey = CACHE.get(this);
    const only = kw.only_keys;
    if (only === null || only === undefined) byKey?.clear();
    else for (const k of toIterable(only)) byKey?.delete(String(k));
    return null;
  }

  get key(): string | null {
    return this._key;
  }

  private find(dt: any): TTInfo | null {
    const z = this._zone;
    if (dt === null || dt === undefined) return z.fixed ? (z.after as TTInfo) : null;
    const ts = localSeconds(dt);
    const local = z.transLocal[Number(dt.fold) ? 1 : 0];
    if (local.length && ts < local[0]) return z.before;
    if (!local.length || ts > local[local.length - 1]) return isRule(z.after) ? ruleInfo(z.after, ts, Number(dt.year), Number(dt.fold)) : z.after;
    return z.ttinfos[bisectRight(local, ts) - 1];
  }

  utcoffset(dt: unknown): unknown {
    const t = this.find(dt);
    return t === null ? null : td(t.utcoff);
  }
  dst(dt: unknown): unknown {
    const t = this.find(dt);
    return t === null ? null : td(t.dstoff);
  }
  tzname(dt: unknown): unknown {
    const t = this.find(dt);
    return t === null ? null : t.tzname;
  }

  /** The wall time in this zone of DT, a UTC time with this zone attached (fold=1 for the second of a repeated hour). */
  fromutc(dt: unknown): unknown {
    if (!(dt instanceof datetime)) throw new TypeError("fromutc() requires a datetime argument");
    if ((dt as any).tzinfo !== this) throw new ValueError("dt.tzinfo is not self");
    const z = this._zone;
    const ts = localSeconds(dt);
    const n = z.transUtc.length;
    let info: TTInfo;
    let fold = false;
    if (n >= 1 && ts < z.transUtc[0]) info = z.before!;
    else if ((n === 0 || ts > z.transUtc[n - 1]) && isRule(z.after)) [info, fold] = ruleInfoFromUtc(z.after, ts, Number((dt as any).year));
    else if (n === 0) info = z.after as TTInfo;
    else {
      const i = bisectRight(z.transUtc, ts);
      let prev: TTInfo;
      if (n > 1 && ts >= z.transUtc[1]) [prev, info] = [z.ttinfos[i - 2], z.ttinfos[i - 1]];
      else if (ts > z.transUtc[n - 1]) [prev, info] = [z.ttinfos[n - 1], z.after as TTInfo];
      else [prev, info] = [z.before!, z.ttinfos[0]];
      fold = prev.utcoff - info.utcoff > ts - z.transUtc[i - 1];
    }
    const out = call(getattr(dt, "__add__"), td(info.utcoff));
    return fold ? call(getattr(out, "replace"), new KwArgs({ fold: 1n })) : out;
  }

  __str__(): string {
    return this._key !== null ? String(this._key) : this.__repr__();
  }
  __repr__(): string {
    // (the C type's name: "zoneinfo.ZoneInfo"; a subclass's is its bare name)
    const name = this.constructor === ZoneInfo ? "zoneinfo.ZoneInfo" : (this.constructor as { name: string }).name;
    return `${name}(key=${repr(this._key)})`;
  }
  static __module__ = "zoneinfo";
}

/** The keys of every zone file under TZPATH (not the posix/right copies, not posixrules). */
export function available_timezones(): PySet<string> {
  const out = new PySet<string>();
  const walk = (root: string, rel: string) => {
    let names: string[];
    try {
      names = [...toIterable(listdir(root + (rel ? `/${rel}` : "")))].map(String);
    } catch (e) {
      if (e instanceof Exception) return;
      throw e;
    }
    for (const name of names) {
      const key = rel ? `${rel}/${name}` : name;
      const full = `${root}/${key}`;
      if (!rel && (name === "right" || name === "posix")) continue;
      if (osPath.isdir(full)) walk(root, key);
      else if (isZoneFile(full) && key !== "posixrules") out.add(key);
    }
  };
  for (const root of TZPATH) walk(root, "");
  return out;
}

function isZoneFile(path: string): boolean {
  try {
    const f = open(path, "rb");
    try {
      const head = bytesData(call(getattr(f, "read"), 4n))!;
      return head.length === 4 && head[0] === 0x54 && head[1] === 0x5a && head[2] === 0x69 && head[3] === 0x66; // "TZif"
    } finally {
      call(getattr(f, "close"));
    }
  } catch (e) {
    if (e instanceof Exception) return false;
    throw e;
  }
}
