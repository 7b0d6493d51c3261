// email.utils: RFC 2822 dates (formatdate, format_datetime's text) as HTTP servers put them in a
// Date header. The runtime's local time is UTC (time.timezone is 0), so localtime=True gives +0000.
// CPython: Lib/email/utils.py (behaviour observed, not transliterated).
import { popKw } from "../builtins/object.js";
import { truthy } from "../builtins/ops.js";
import { time } from "./time.js";

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
