// urllib.parse: splitting and joining URLs (urlsplit/urlparse and their results' hostname, port,
// username, password), urljoin (RFC 3986 resolution as CPython does it), percent-encoding (quote,
// unquote, *_plus, UTF-8), query strings (urlencode, parse_qs, parse_qsl). Text (str) only.
import { ValueError, TypeError } from "../builtins/exceptions.js";
import { PyDict, PyList, PyTuple } from "../builtins/collections.js";
import { KwArgs, popKw } from "../builtins/object.js";
import { str, repr } from "../builtins/repr.js";
import { toIterable, truthy, call, typeName } from "../builtins/ops.js";
import { namedtuple } from "./collections.js";
import { _warn_at } from "../asyncio/_warnings.js";
import { current_location } from "../program-info.js";

const USES_RELATIVE = new Set([
  "",
  "ftp",
  "http",
  "gopher",
  "nntp",
  "imap",
  "wais",
  "file",
  "https",
  "shttp",
  "mms",
  "prospero",
  "rtsp",
  "rtspu",
  "sftp",
  "svn",
  "svn+ssh",
  "ws",
  "wss",
]);
const USES_NETLOC = new Set([
  "",
  "ftp",
  "http",
  "gopher",
  "nntp",
  "telnet",
  "imap",
  "wais",
  "file",
  "mms",
  "https",
  "shttp",
  "snews",
  "prospero",
  "rtsp",
  "rtspu",
  "rsync",
  "svn",
  "svn+ssh",
  "sftp",
  "nfs",
  "git",
  "git+ssh",
  "ws",
  "wss",
]);
const USES_PARAMS = new Set(["", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp", "rtsp", "rtspu", "sip", "sips", "mms", "sftp", "tel"]);
export const uses_relative = PyList.fromArray([...USES_RELATIVE]);
export const uses_netloc = PyList.fromArray([...USES_NETLOC]);
export const uses_params = PyList.fromArray([...USES_PARAMS]);

function text(x: unknown, what = "url"): string {
  if (typeof x !== "string") throw new TypeError(`Cannot mix str and non-str arguments (${what} is ${typeName(x)})`);
  return x;
}

/** The parts of a netloc `user:pass@host:port` that the result classes expose. */
const NetlocMixin = (Base: any) =>
  class extends Base {
    get username(): string | null {
      const [userinfo, have] = splitUserinfo(this.netloc);
      return have ? userinfo.split(":")[0] : null;
    }
    get password(): string | null {
      const [userinfo, have] = splitUserinfo(this.netloc);
      const i = userinfo.indexOf(":");
      return have && i >= 0 ? userinfo.slice(i + 1) : null;
    }
    get hostname(): string | null {
      let host = hostinfo(this.netloc)[0];
      if (!host) return null;
      const pct = host.indexOf("%");
      if (pct >= 0 && host.includes(":")) host = host.slice(0, pct).toLowerCase() + host.slice(pct);
      else host = host.toLowerCase();
      return host;
    }
    get port(): bigint | null {
      const port = hostinfo(this.netloc)[1];
      if (port === null) return null;
      if (!/^[0-9]+$/.test(port)) throw new ValueError(`Port could not be cast to integer value as ${repr(port)}`);
      const n = BigInt(port);
      if (n > 65535n) throw new ValueError("Port out of range 0-65535");
      return n;
    }
  };

function splitUserinfo(netloc: string): [string, boolean] {
  const at = netloc.lastIndexOf("@");
  return at >= 0 ? [netloc.slice(0, at), true] : ["", false];
}

function hostinfo(netloc: string): [string, string | null] {
  const at = netloc.lastIndexOf("@");
  const info = at >= 0 ? netloc.slice(at + 1) : netloc;
  let host: string;
  let rest: string;
  if (info.startsWith("[")) {
    const close = info.indexOf("]");
    host = close >= 0 ? info.slice(1, close) : info.slice(1);
    rest = close >= 0 ? info.slice(close + 1) : "";
    const colon = rest.indexOf(":");
    return [host, colon >= 0 && rest.slice(colon + 1) !== "" ? rest.slice(colon + 1) : null];
  }
  const colon = info.indexOf(":");
  if (colon < 0) return [info, null];
  host = info.slice(0, colon);
  const port = info.slice(colon + 1);
  return [host, port === "" ? null : port];
}

const inModule = new KwArgs({ module: "urllib.parse" });
const SplitBase = namedtuple("SplitResult", "scheme netloc path query fragment", inModule);
const ParseBase = namedtuple("ParseResult", "scheme netloc path params query fragment", inModule);
const DefragBase = namedtuple("DefragResult", "url fragment", inModule);

type Ctor = new (...a: any[]) => any;
/** `_replace` and `_make` give the subclass (the namedtuple base would make its own class). */
function replacing<C extends Ctor>(Base: C, fields: string[]): C {
  return class extends Base {
    _replace(...rest: unknown[]): unknown {
      const k = popKw(rest) ?? {};
      return new (this.constructor as Ctor)(...fields.map((f, i) => (f in k ? k[f] : this[i])));
    }
    static _make(it: unknown): unknown {
      return new this(...Array.from(toIterable(it)));
    }
  };
}
export class SplitResult extends replacing(NetlocMixin(SplitBase) as Ctor, ["scheme", "netloc", "path", "query", "fragment"]) {
  geturl(): string {
    return urlunsplit(this);
  }
}
export class ParseResult extends replacing(NetlocMixin(ParseBase) as Ctor, ["scheme", "netloc", "path", "params", "query", "fragment"]) {
  geturl(): string {
    return urlunparse(this);
  }
}
export class DefragResult extends replacing(DefragBase as Ctor, ["url", "fragment"]) {
  geturl(): string {
    return this.fragment ? `${this.url}#${this.fragment}` : this.url;
  }
}
for (const [C, n] of [
  [SplitResult, "SplitResult"],
  [ParseResult, "ParseResult"],
  [DefragResult, "DefragResult"],
] as const) {
  Object.defineProperty(C, "__name__", { value: n });
  Object.defineProperty(C, "__qualname__", { value: n });
}

const SCHEME_CHARS = /^[A-Za-z][A-Za-z0-9+\-.]*$/;

/** The (url, scheme, allow_fragments) arguments of urlsplit/urlparse, positional or by keyword. */
function splitArgs(rest: unknown[]): [unknown, unknown] {
  const k = popKw(rest);
  return [rest[0] ?? k?.scheme ?? "", rest[1] ?? k?.allow_fragments ?? true];
}

export function urlsplit(url: unknown, ...rest: unknown[]): any {
  const [scheme, allow_fragments] = splitArgs(rest);
  let u = text(url)
    .replace(/^[\x00-\x20]+/, "")
    .replace(/[\t\r\n]/g, "");
  let sch = text(scheme, "scheme")
    .replace(/^[\x00-\x20]+/, "")
    .replace(/[\t\r\n]/g, "");
  let netloc = "";
  let query = "";
  let fragment = "";
  const colon = u.indexOf(":");
  if (colon > 0 && SCHEME_CHARS.test(u.slice(0, colon))) {
    sch = u.slice(0, colon).toLowerCase();
    u = u.slice(colon + 1);
  }
  if (u.startsWith("//")) {
    let end = u.length;
    for (const c of "/?#") {
      const i = u.indexOf(c, 2);
      if (i >= 0) end = Math.min(end, i);
    }
    netloc = u.slice(2, end);
    u = u.slice(end);
    if (netloc.includes("[") !== netloc.includes("]")) throw new ValueError("Invalid IPv6 URL");
  }
  if (truthy(allow_fragments)) {
    const h = u.indexOf("#");
    if (h >= 0) {
      fragment = u.slice(h + 1);
      u = u.slice(0, h);
    }
  }
  const q = u.indexOf("?");
  if (q >= 0) {
    query = u.slice(q + 1);
    u = u.slice(0, q);
  }
  return new SplitResult(sch, netloc, u, query, fragment);
}

export function urlparse(url: unknown, ...rest: unknown[]): any {
  const [scheme, allow_fragments] = splitArgs(rest);
  const s = urlsplit(url, scheme, allow_fragments);
  let path: string = s.path;
  let params = "";
  if (USES_PARAMS.has(s.scheme) && path.includes(";")) {
    const slash = path.lastIndexOf("/");
    const i = slash >= 0 ? path.indexOf(";", slash) : path.indexOf(";");
    if (i >= 0) {
      params = path.slice(i + 1);
      path = path.slice(0, i);
    }
  }
  return new ParseResult(s.scheme, s.netloc, path, params, s.query, s.fragment);
}

export function urlunsplit(components: unknown): string {
  const [scheme, netloc, path, query, fragment] = Array.from(toIterable(components)) as string[];
  let url = path;
  if (netloc || (scheme && USES_NETLOC.has(scheme) && url.slice(0, 2) !== "//")) {
    if (url && url[0] !== "/") url = "/" + url;
    url = "//" + (netloc || "") + url;
  }
  if (scheme) url = scheme + ":" + url;
  if (query) url += "?" + query;
  if (fragment) url += "#" + fragment;
  return url;
}

export function urlunparse(components: unknown): string {
  const [scheme, netloc, path, params, query, fragment] = Array.from(toIterable(components)) as string[];
  return urlunsplit([scheme, netloc, params ? `${path};${params}` : path, query, fragment]);
}

export function urljoin(base: unknown, url: unknown, allow_fragments: unknown = true): string {
  if (!base) return url as string;
  if (!url) return base as string;
  const b = urlparse(base, "", allow_fragments);
  const r = urlparse(url, b.scheme, allow_fragments);
  let { scheme, netloc, path, params, query, fragment } = r as Record<string, string>;
  if (scheme !== b.scheme || !USES_RELATIVE.has(scheme)) return url as string;
  if (USES_NETLOC.has(scheme)) {
    if (netloc) return urlunparse([scheme, netloc, path, params, query, fragment]);
    netloc = b.netloc;
  }
  if (!path && !params) {
    path = b.path;
    params = b.params;
    if (!query) query = b.query;
    return urlunparse([scheme, netloc, path, params, query, fragment]);
  }
  const baseParts = (b.path as string).split("/");
  if (baseParts[baseParts.length - 1] !== "") baseParts.pop();
  let segments: string[];
  if (path.startsWith("/")) segments = path.split("/");
  else {
    segments = [...baseParts, ...path.split("/")];
    // Empty segments in the middle are dropped (CPython's behaviour).
    segments = [segments[0], ...segments.slice(1, -1).filter((s) => s), ...(segments.length > 1 ? [segments[segments.length - 1]] : [])];
  }
  const resolved: string[] = [];
  for (const seg of segments) {
    if (seg === "..") resolved.pop();
    else if (seg !== ".") resolved.push(seg);
  }
  const last = segments[segments.length - 1];
  if (last === "." || last === "..") resolved.push("");
  return urlunparse([scheme, netloc, resolved.join("/") || "/", params, query, fragment]);
}

export function urldefrag(url: unknown): any {
  const u = text(url);
  if (!u.includes("#")) return new DefragResult(u, "");
  const p = urlparse(u);
  return new DefragResult(urlunparse([p.scheme, p.netloc, p.path, p.params, p.query, ""]), p.fragment);
}

/**
 * urllib.parse.splitport("host:port") → (host, port as str) or (host, None); deprecated since 3.8
 * (CPython's DeprecationWarning names the calling line). The port is the digits after the last
 * colon; "host:" gives ("host", None), anything else (host, None) unchanged.
 */
export function splitport(host: unknown): PyTuple<unknown> {
  const where = current_location();
  if (where !== null)
    _warn_at(where.filename, where.lineno, "urllib.parse.splitport() is deprecated as of 3.8, use urllib.parse.urlparse() instead", "DeprecationWarning", true);
  const h = text(host);
  const colon = h.lastIndexOf(":");
  if (colon >= 0 && /^[0-9]*$/.test(h.slice(colon + 1))) {
    const port = h.slice(colon + 1);
    return PyTuple.fromArray([h.slice(0, colon), port === "" ? null : port]);
  }
  return PyTuple.fromArray([h, null]);
}

// ───────────── percent-encoding ─────────────

const ALWAYS_SAFE = /[A-Za-z0-9_.\-~]/;
const encoder = new TextEncoder();

export function quote(string: unknown, ...rest: unknown[]): string {
  const k = popKw(rest);
  const safe = (rest[0] ?? k?.safe ?? "/") as string;
  const s = str(string);
  let out = "";
  for (const ch of s) {
    if (ALWAYS_SAFE.test(ch) || (ch.length === 1 && ch.charCodeAt(0) < 128 && safe.includes(ch))) out += ch;
    else for (const byte of encoder.encode(ch)) out += "%" + byte.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

export function quote_plus(string: unknown, ...rest: unknown[]): string {
  const k = popKw(rest);
  const safe = (rest[0] ?? k?.safe ?? "") as string;
  const s = str(string);
  if (!s.includes(" ")) return quote(s, safe);
  return quote(s, safe + " ").replaceAll(" ", "+");
}

export function unquote(string: unknown, ..._rest: unknown[]): string {
  const s = text(string, "string");
  if (!s.includes("%")) return s;
  const decoder = new TextDecoder("utf-8");
  return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    return decoder.decode(bytes);
  });
}

export function unquote_plus(string: unknown, ...rest: unknown[]): string {
  return unquote(text(string, "string").replaceAll("+", " "), ...rest);
}

export function urlencode(query: unknown, ...rest: unknown[]): string {
  const k = popKw(rest);
  const doseq = truthy(rest[0] ?? k?.doseq ?? false);
  const safe = (rest[1] ?? k?.safe ?? "") as string;
  const quoteVia = (k?.quote_via ?? quote_plus) as unknown;
  const q = (x: unknown) => call(quoteVia, typeof x === "string" ? x : str(x), safe) as string;
  let pairs: unknown[];
  if (query instanceof PyDict) pairs = [...query.items()];
  else if (query !== null && typeof query === "object" && typeof (query as { items?: unknown }).items === "function") {
    pairs = [...toIterable((query as { items(): unknown }).items())];
  } else {
    try {
      pairs = [...toIterable(query)];
      if (pairs.length && !(pairs[0] instanceof Array)) throw new TypeError();
    } catch {
      throw new TypeError("not a valid non-string sequence or mapping object");
    }
  }
  const out: string[] = [];
  for (const pair of pairs) {
    const [key, value] = Array.from(toIterable(pair));
    if (!doseq || typeof value === "string" || typeof value !== "object" || value === null) {
      out.push(`${q(key)}=${q(value)}`);
    } else {
      let items: unknown[];
      try {
        items = [...toIterable(value)];
      } catch {
        out.push(`${q(key)}=${q(value)}`);
        continue;
      }
      for (const v of items) out.push(`${q(key)}=${q(v)}`);
    }
  }
  return out.join("&");
}

export function parse_qsl(qs: unknown, ...rest: unknown[]): PyList<PyTuple<string>> {
  const k = popKw(rest);
  const keepBlank = truthy(rest[0] ?? k?.keep_blank_values ?? false);
  const strict = truthy(rest[1] ?? k?.strict_parsing ?? false);
  const separator = (k?.separator ?? "&") as string;
  const out = new PyList<PyTuple<string>>();
  if (qs === null || qs === undefined || qs === "") return out;
  for (const field of text(qs, "qs").split(separator)) {
    if (!field && !strict) continue;
    const eq = field.indexOf("=");
    let name: string;
    let value: string;
    if (eq < 0) {
      if (strict) throw new ValueError(`bad query field: ${repr(field)}`);
      if (!keepBlank) continue;
      name = field;
      value = "";
    } else {
      name = field.slice(0, eq);
      value = field.slice(eq + 1);
    }
    if (value.length || keepBlank) out.push(PyTuple.fromArray([unquote_plus(name), unquote_plus(value)]));
  }
  return out;
}

export function parse_qs(qs: unknown, ...rest: unknown[]): PyDict<string, PyList<string>> {
  const d = new PyDict<string, PyList<string>>();
  for (const [name, value] of parse_qsl(qs, ...rest)) {
    if (d.has(name)) d.__getitem__(name).push(value);
    else d.__setitem__(name, PyList.fromArray([value]));
  }
  return d;
}
