// email.utils: RFC 2822 dates (formatdate, format_datetime, parsedate*) as HTTP servers put them in a
// Date header, and addresses (formataddr, parseaddr, getaddresses; the parser: _email_addresses.ts). The runtime's local time is UTC (time.timezone is 0), so localtime=True gives +0000.
// CPython: Lib/email/utils.py (behaviour observed, not transliterated).
import { popKw } from "../builtins/object.js";
import { truthy } from "../builtins/ops.js";
import { iter } from "../builtins/protocol.js";
import { ValueError } from "../builtins/exceptions.js";
import { PyList, PyTuple } from "../builtins/collections.js";
import { wrapBytes } from "../builtins/bytes.js";
import { encodeString, latin1 } from "../builtins/codecs.js";
import { str as pyStr } from "../builtins/functions.js";
import { bindArgs } from "../builtins/hostfs.js";
import { time, timegm } from "./time.js";
import { b64encode } from "./base64.js";
import { datetime, timedelta, timezone } from "./datetime.js";
import { parseAddressList, quote } from "./_email_addresses.js";
import { parseDate } from "./_email_dates.js";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n: number) => String(n).padStart(2, "0");

/** formatdate(timeval=None, localtime=False, usegmt=False): 'Thu, 01 Jan 1970 00:00:00 -0000'. */
export function formatdate(...args: unknown[]): string {
  const k = popKw(args) ?? {};
  const [timeval = k.timeval ?? null, localtime = k.localtime ?? false, usegmt = k.usegmt ?? false] = args;
  const secs = timeval === null ? time() : Number(timeval);
  const d = new Date(Math.floor(secs) * 1000);
  const zone = truthy(usegmt) ? "GMT" : truthy(localtime) ? "+0000" : "-0000";
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCFullYear()).padStart(4, "0")} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${zone}`;
}

// ───────────── addresses ─────────────

/** formataddr((name, address), charset='utf-8'): `Name <address>`, the name quoted or encoded as needed. */
export function formataddr(...args: unknown[]): string {
  const { pair, charset } = bindArgs("formataddr", args, ["pair", "charset"], { charset: "utf-8" });
  const items = [...iter(pair)];
  if (items.length !== 2)
    throw new ValueError(`${items.length > 2 ? "too many values to unpack" : "not enough values to unpack"} (expected 2, got ${items.length})`);
  const [name, address] = items;
  encodeString(address as string, "ascii"); // (UnicodeEncodeError for a non-ASCII address)
  if (!truthy(name)) return address as string;
  const text = name as string;
  if (/[^\x00-\x7f]/.test(text)) return `${encodedWord(text, String(charset))} <${address}>`;
  const quotes = /[\][\\()<>@,:;".]/.test(text) ? '"' : "";
  return `${quotes}${text.replace(/[\\"]/g, "\\$&")}${quotes} <${address}>`;
}

/** An RFC 2047 encoded word: Q or B encoding, whichever is shorter (Q on a tie). */
function encodedWord(text: string, charset: string): string {
  const bytes = encodeString(text, charset);
  const safe = (b: number) => /[A-Za-z0-9\-!*+/]/.test(String.fromCharCode(b));
  const q = Array.from(bytes, (b) => (b === 0x20 ? "_" : safe(b) ? String.fromCharCode(b) : "=" + b.toString(16).toUpperCase().padStart(2, "0"))).join("");
  const b64Length = Math.ceil(bytes.length / 3) * 4;
  const lower = charset.toLowerCase();
  if (b64Length < q.length) return `=?${lower}?b?${latin1(b64encode(wrapBytes(bytes)))}?=`;
  return `=?${lower}?q?${q}?=`;
}

/** parseaddr(addr): the first (name, address) of the text, ('', '') when there is none. */
export function parseaddr(addr: unknown, ..._rest: unknown[]): PyTuple<string> {
  const found = parseAddressList(String(addr));
  return PyTuple.of(...(found[0] ?? ["", ""]));
}

/** getaddresses(fieldvalues): every (name, address) of the header values joined by commas. */
export function getaddresses(fieldvalues: unknown, ..._rest: unknown[]): PyList<PyTuple<string>> {
  const all = [...iter(fieldvalues)].map((v) => String(v)).join(", ");
  return PyList.fromArray(parseAddressList(all).map((pair) => PyTuple.of(...pair)));
}

export { quote };

/** unquote(str): the text inside surrounding double quotes (escapes undone) or angle brackets. */
export function unquote(s: unknown): string {
  const t = String(s);
  if (t.length > 1) {
    if (t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/\\\\/g, "\\").replace(/\\"/g, '"');
    if (t.startsWith("<") && t.endsWith(">")) return t.slice(1, -1);
  }
  return t;
}

// ───────────── dates ─────────────

const asTuple = (fields: (number | null)[]) => PyTuple.of(...fields.map((f) => (f === null ? 0n : BigInt(f))));

/** parsedate_tz(data): the 10-tuple of the date (the zone's offset in seconds last), or None. */
export function parsedate_tz(data: unknown): PyTuple<bigint> | null {
  if (!truthy(data)) return null;
  const fields = parseDate(String(data));
  return fields === null ? null : asTuple(fields);
}

/** parsedate(data): the 9-tuple of the date, or None. */
export function parsedate(data: unknown): PyTuple<bigint> | null {
  if (!truthy(data)) return null;
  const fields = parseDate(String(data));
  return fields === null ? null : asTuple(fields.slice(0, 9));
}

/** mktime_tz(data): the POSIX timestamp of a 10-tuple (a missing offset: local time, which is UTC here). */
export function mktime_tz(data: unknown): bigint | number {
  const fields = [...iter(data)];
  const seconds = timegm(PyTuple.fromArray(fields.slice(0, 9)));
  const offset = fields[9];
  // (time.mktime's float for local time)
  return offset === null || offset === undefined ? seconds : BigInt(seconds) - BigInt(offset as bigint);
}

/** parsedate_to_datetime(data): an aware datetime, or a naive one for "-0000"; ValueError for no date. */
export function parsedate_to_datetime(data: unknown): datetime {
  const fields = truthy(data) ? parseDate(String(data)) : null;
  if (fields === null) throw new ValueError(`Invalid date value or format "${pyStr(data)}"`);
  const parts = fields.slice(0, 6).map((f) => BigInt(f as number));
  const offset = fields[9];
  if (offset === null) return new datetime(...parts);
  return new datetime(...parts, 0n, new timezone(new timedelta(0n, BigInt(offset))));
}

/** format_datetime(dt, usegmt=False): the RFC 2822 text of a datetime (-0000 when it is naive). */
export function format_datetime(...args: unknown[]): string {
  const { dt, usegmt } = bindArgs("format_datetime", args, ["dt", "usegmt"], { usegmt: false });
  const d = dt as datetime;
  let zone: string;
  if (truthy(usegmt)) {
    if (d.tzinfo === null || d.tzinfo !== timezone.utc) throw new ValueError("usegmt option requires a UTC datetime");
    zone = "GMT";
  } else zone = d.tzinfo === null ? "-0000" : d.strftime("%z");
  return `${DAYS[(Number(d.weekday()) + 1) % 7]}, ${two(Number(d.day))} ${MONTHS[Number(d.month) - 1]} ${String(d.year).padStart(4, "0")} ${two(Number(d.hour))}:${two(Number(d.minute))}:${two(Number(d.second))} ${zone}`;
}
