// email.message: Message as the compat32 policy keeps it: headers in arrival order (names kept as
// written, looked up case-insensitively, duplicates allowed), values as parsed (a folded value keeps
// its line breaks), and the payload as one string. What HTTP clients and servers written with
// asyncio streams use: dict(message.items()), message["Content-Length"], get(), get_payload().
// Not here: MIME parts, policies other than compat32, as_bytes(), header refolding and encoding.
// CPython: Lib/email/message.py, Lib/email/feedparser.py (behaviour observed, not transliterated).
import { KeyError } from "../builtins/exceptions.js";
import { PyList, PyTuple } from "../builtins/collections.js";
import { popKw } from "../builtins/object.js";
import { str } from "../builtins/repr.js";
import { truthy } from "../builtins/protocol.js";

export class Message {
  _headers: [string, string][] = [];
  _payload: unknown = null;
  _unixfrom: unknown = null;
  preamble: unknown = null;
  epilogue: unknown = null;
  defects = new PyList<unknown>();

  constructor(...args: unknown[]) {
    popKw(args);
  }

  __len__(): bigint {
    return BigInt(this._headers.length);
  }
  __contains__(name: unknown): boolean {
    const want = str(name).toLowerCase();
    return this._headers.some(([k]) => k.toLowerCase() === want);
  }
  __getitem__(name: unknown): unknown {
    return this.get(name);
  }
  __setitem__(name: unknown, value: unknown): void {
    this._headers.push([str(name), str(value)]);
  }
  __delitem__(name: unknown): void {
    const want = str(name).toLowerCase();
    this._headers = this._headers.filter(([k]) => k.toLowerCase() !== want);
  }
  __iter__(): Iterator<string> {
    return this._headers.map(([k]) => k)[Symbol.iterator]();
  }
  [Symbol.iterator](): Iterator<string> {
    return this.__iter__();
  }
  keys(): PyList<string> {
    return PyList.fromArray(this._headers.map(([k]) => k));
  }
  values(): PyList<string> {
    return PyList.fromArray(this._headers.map(([, v]) => v));
  }
  items(): PyList<PyTuple<string>> {
    return PyList.fromArray(this._headers.map(([k, v]) => PyTuple.fromArray([k, v])));
  }
  get(name: unknown, failobj: unknown = null): unknown {
    const want = str(name).toLowerCase();
    for (const [k, v] of this._headers) if (k.toLowerCase() === want) return v;
    return failobj;
  }
  get_all(name: unknown, failobj: unknown = null): unknown {
    const want = str(name).toLowerCase();
    const found = this._headers.filter(([k]) => k.toLowerCase() === want).map(([, v]) => v);
    return found.length ? PyList.fromArray(found) : failobj;
  }
  add_header(name: unknown, value: unknown): null {
    this.__setitem__(name, value);
    return null;
  }
  replace_header(name: unknown, value: unknown): null {
    const want = str(name).toLowerCase();
    const i = this._headers.findIndex(([k]) => k.toLowerCase() === want);
    if (i < 0) throw new KeyError(name);
    this._headers[i] = [this._headers[i][0], str(value)];
    return null;
  }
  get_payload(): unknown {
    return this._payload;
  }
  set_payload(payload: unknown): null {
    this._payload = payload;
    return null;
  }
  get_unixfrom(): unknown {
    return this._unixfrom;
  }
  is_multipart(): boolean {
    return false;
  }
  get_content_type(): string {
    const v = this.get("content-type");
    const t = typeof v === "string" ? v.split(";")[0].trim().toLowerCase() : "";
    return t.split("/").length === 2 ? t : "text/plain";
  }
  /** as_string(): the headers, a blank line and the payload, with "\n" line ends (compat32, no refolding). */
  as_string(...args: unknown[]): string {
    const kw = popKw(args);
    const unixfrom = kw?.unixfrom ?? args[0] ?? false;
    const lines: string[] = [];
    if (truthy(unixfrom) && this._unixfrom !== null) lines.push(`${str(this._unixfrom)}\n`);
    for (const [k, v] of this._headers) lines.push(`${k}: ${v}\n`);
    lines.push("\n");
    if (typeof this._payload === "string") lines.push(this._payload);
    return lines.join("").replace(/\r\n|\r/g, "\n");
  }
  __str__(): string {
    return this.as_string();
  }
  static __module__ = "email.message";
}

/** A header line (feedparser's rule): a name of printable characters but ':' and space, then ':'. */
const HEADER = /^[\x21-\x39\x3b-\x7e]*:/;

/** message_from_string's parse: the headers up to the first blank (or non-header) line, then the body. */
export function parseMessage(text: string): Message {
  const msg = new Message();
  const lines = text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
  let i = 0;
  let last: [string, string] | null = null;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const bare = line.replace(/(\r\n|\r|\n)$/, "");
    if (bare === "") {
      i++;
      break;
    }
    if (line[0] === " " || line[0] === "\t") {
      if (last !== null) last[1] += line;
      continue;
    }
    if (i === 0 && line.startsWith("From ")) {
      msg._unixfrom = bare;
      continue;
    }
    if (!HEADER.test(line)) break;
    const colon = line.indexOf(":");
    last = [line.slice(0, colon), line.slice(colon + 1).replace(/^[ \t]+/, "")];
    msg._headers.push(last);
  }
  for (const h of msg._headers) h[1] = h[1].replace(/[\r\n]+$/, "");
  msg._payload = lines.slice(i).join("");
  return msg;
}
