// gzip: compress/decompress (the bytes CPython's give: zlib's own gzip framing for mtime=0, else
// gzip's header with the time), GzipFile over a file name or a file object (read whole when
// opened, written whole when closed), open() in binary and text modes, BadGzipFile.
// Behaviour and messages follow CPython 3.12's documentation and results.
import { KwArgs } from "../builtins/object.js";
import { EOFError, OSError, TypeError, ValueError } from "../builtins/exceptions.js";
import { call, getattr, hasattr } from "../builtins/ops.js";
import { repr } from "../builtins/repr.js";
import { id } from "../builtins/functions.js";
import { PyBytes, bytesData, wrapBytes } from "../builtins/bytes.js";
import { bindArgs } from "../builtins/hostfs.js";
import { BytesIO, StringIO } from "../builtins/memio.js";
import { open as openFile } from "../builtins/io.js";
import { compress as zcompress, crc32, decompressobj } from "./zlib.js";
import { time } from "./time.js";

export const READ = 1n;
export const WRITE = 2n;
export const FTEXT = 1n;
export const FHCRC = 2n;
export const FEXTRA = 4n;
export const FNAME = 8n;
export const FCOMMENT = 16n;
export const READ_BUFFER_SIZE = 131072n;

export class BadGzipFile extends OSError {
  static __module__ = "gzip";
}

const u32le = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];

/** The gzip header: no name (or NAME), MTIME, the extra flags of the level, OS unknown. */
function header(level: number, mtime: number, name: Uint8Array | null): Uint8Array {
  const xfl = level === 9 ? 2 : level === 1 ? 4 : 0;
  const head = [0x1f, 0x8b, 8, name && name.length ? 8 : 0, ...u32le(mtime), xfl, 255];
  return Uint8Array.from(name && name.length ? [...head, ...name, 0] : head);
}

function concat(parts: Uint8Array[]): PyBytes {
  const out = new PyBytes(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function gzipMember(data: Uint8Array, level: number, mtime: unknown, name: Uint8Array | null): PyBytes {
  const when = mtime === null || mtime === undefined ? Math.trunc(Number(time())) : Number(mtime);
  const raw = bytesData(zcompress(wrapBytes(data), BigInt(level), -15n))!;
  const trailer = [...u32le(Number(crc32(wrapBytes(data)))), ...u32le(data.length)];
  return concat([header(level, when, name), raw, Uint8Array.from(trailer)]);
}

export function compress(...args: unknown[]): PyBytes {
  const a = bindArgs("compress", args, ["data", "compresslevel", "mtime"], { compresslevel: 9n, mtime: null });
  const data = bytesData(a.data);
  if (data === null) throw new TypeError(`a bytes-like object is required, not '${typeNameOf(a.data)}'`);
  // (mtime=0: zlib's own gzip framing, as CPython takes that path)
  if (a.mtime === 0n || a.mtime === 0) return zcompress(a.data, new KwArgs({ level: a.compresslevel, wbits: 31n }));
  return gzipMember(data, Number(a.compresslevel), a.mtime, null);
}

const typeNameOf = (x: unknown) => (x === null ? "NoneType" : typeof x === "string" ? "str" : typeof x === "bigint" ? "int" : typeof x);

/** Where the members' data starts: after the header's optional fields. Null at the end of the input. */
function skipHeader(d: Uint8Array, at: number): { at: number; mtime: number } | null {
  if (at >= d.length) return null;
  const short = () => new EOFError("Compressed file ended before the end-of-stream marker was reached");
  const magic = d.subarray(at, at + 2);
  if (magic.length < 2 || magic[0] !== 0x1f || magic[1] !== 0x8b) throw new BadGzipFile(`Not a gzipped file (${repr(wrapBytes(magic.slice()))})`);
  if (at + 10 > d.length) throw short();
  if (d[at + 2] !== 8) throw new BadGzipFile("Unknown compression method");
  const flag = d[at + 3];
  const mtime = d[at + 4] | (d[at + 5] << 8) | (d[at + 6] << 16) | (d[at + 7] * 2 ** 24);
  let p = at + 10;
  if (flag & 4) {
    if (p + 2 > d.length) throw short();
    p += 2 + (d[p] | (d[p + 1] << 8));
  }
  for (const bit of [8, 16]) {
    if (!(flag & bit)) continue;
    while (p < d.length && d[p] !== 0) p++;
    p++;
  }
  if (flag & 2) p += 2;
  if (p > d.length) throw short();
  return { at: p, mtime };
}

/** Every member's data, one after the other; the last member's mtime. */
function decompressMembers(d: Uint8Array): { data: PyBytes; mtime: number | null } {
  const parts: Uint8Array[] = [];
  let at = 0;
  let mtime: number | null = null;
  for (;;) {
    const head = skipHeader(d, at);
    if (head === null) break;
    mtime = head.mtime;
    const dec = decompressobj(-15n) as any;
    const out = bytesData(dec.decompress(wrapBytes(d.slice(head.at))))!;
    const rest = bytesData(dec.unused_data)!;
    if (!dec.eof || rest.length < 8) throw new EOFError("Compressed file ended before the end-of-stream marker was reached");
    const crc = (rest[0] | (rest[1] << 8) | (rest[2] << 16)) + rest[3] * 2 ** 24;
    const size = (rest[4] | (rest[5] << 8) | (rest[6] << 16)) + rest[7] * 2 ** 24;
    if (crc !== Number(crc32(wrapBytes(out.slice())))) throw new BadGzipFile("CRC check failed");
    if (size !== out.length % 2 ** 32) throw new BadGzipFile("Incorrect length of data produced");
    parts.push(out.slice());
    at = d.length - rest.length + 8;
    while (at < d.length && d[at] === 0) at++;
  }
  return { data: concat(parts), mtime };
}

export function decompress(data: unknown): PyBytes {
  const d = bytesData(data);
  if (d === null) throw new TypeError(`a bytes-like object is required, not '${typeNameOf(data)}'`);
  return decompressMembers(d).data;
}

/** The file's name as gzip's header stores it: its base name without ".gz", latin-1. */
function headerName(name: unknown): Uint8Array | null {
  if (typeof name !== "string") return null;
  let base = name.slice(name.lastIndexOf("/") + 1);
  if (base.endsWith(".gz")) base = base.slice(0, -3);
  return Uint8Array.from([...base].map((c) => c.charCodeAt(0) & 255));
}

/**
 * GzipFile(filename=None, mode=None, compresslevel=9, fileobj=None, mtime=None): read mode holds
 * the data decompressed; write mode collects what is written and compresses it at close().
 */
export class GzipFile extends BytesIO {
  declare mode: bigint;
  declare name: unknown;
  declare fileobj: unknown;
  declare compresslevel: number;
  declare _mtime: unknown;
  declare _last_mtime: bigint | null;
  declare _own: boolean;
  declare _appendOrCreate: string;

  constructor(...args: unknown[]) {
    super();
    const a = bindArgs("GzipFile", args, ["filename", "mode", "compresslevel", "fileobj", "mtime"], {
      filename: null,
      mode: null,
      compresslevel: 9n,
      fileobj: null,
      mtime: null,
    });
    let mode = a.mode === null ? null : String(a.mode);
    if (mode !== null && (mode.includes("t") || mode.includes("U"))) throw new ValueError(`Invalid mode: ${repr(mode)}`);
    if (mode !== null && !mode.includes("b")) mode += "b";
    let fileobj = a.fileobj;
    this._own = false;
    if (fileobj === null || fileobj === undefined) {
      fileobj = openFile(a.filename, mode ?? "rb");
      this._own = true;
    }
    let filename = a.filename;
    if (filename === null || filename === undefined) {
      filename = hasattr(fileobj, "name") ? getattr(fileobj, "name") : "";
      if (typeof filename !== "string" && !(filename instanceof Uint8Array)) filename = "";
    }
    if (mode === null) mode = hasattr(fileobj, "mode") ? String(getattr(fileobj, "mode")) : "rb";
    this.name = filename;
    this.fileobj = fileobj;
    this.compresslevel = Number(a.compresslevel);
    this._mtime = a.mtime;
    this._last_mtime = null;
    if (mode.startsWith("r")) {
      this.mode = READ;
      const raw = bytesData(call(getattr(fileobj, "read")));
      const { data, mtime } = decompressMembers(raw ?? new Uint8Array(0));
      this._last_mtime = mtime === null ? null : BigInt(mtime);
      BytesIO.prototype.write.call(this, data);
      this.seek(0n);
    } else if (/^[wax]/.test(mode)) {
      this.mode = WRITE;
    } else throw new ValueError(`Invalid mode: ${repr(mode)}`);
  }

  get mtime(): unknown {
    return this._last_mtime;
  }
  readable(): boolean {
    return this.mode === READ;
  }
  writable(): boolean {
    return this.mode === WRITE;
  }
  write(data: unknown): bigint {
    if (this.mode !== WRITE) throw new OSError(9n, "write() on read-only GzipFile object");
    return super.write(data);
  }
  read(size: unknown = -1n): PyBytes {
    if (this.mode !== READ) throw new OSError(9n, "read() on write-only GzipFile object");
    return super.read(size);
  }
  close(): null {
    const fileobj = this.fileobj;
    if (fileobj === null) return null;
    if (this.mode === WRITE) {
      const data = bytesData(this.getvalue())!;
      call(getattr(fileobj, "write"), gzipMember(data, this.compresslevel, this._mtime, headerName(this.name)));
    }
    this.fileobj = null;
    if (this._own) call(getattr(fileobj, "close"));
    return super.close();
  }
  fileno(): never {
    return call(getattr(this.fileobj, "fileno")) as never;
  }
  __repr__(): string {
    return `<gzip ${repr(this.fileobj)} 0x${id(this).toString(16)}>`;
  }
  static __module__ = "gzip";
  static __name__ = "GzipFile";
  static __qualname__ = "GzipFile";
}

/** A text-mode gzip file: the decoded text (read) or the text written, encoded at close(). */
class GzipTextFile extends StringIO {
  declare _gz: GzipFile;
  declare _encoding: string;
  declare _writing: boolean;
  constructor(gz: GzipFile, encoding: string, newline: unknown) {
    const text = gz.mode === READ ? (call(getattr(gz.read(), "decode"), encoding) as string) : "";
    super(text, newline === undefined ? null : newline);
    this._gz = gz;
    this._encoding = encoding;
    this._writing = gz.mode === WRITE;
  }
  close(): null {
    if (this._gz.fileobj !== null) {
      if (this._writing) this._gz.write(call(getattr(this.getvalue(), "encode"), this._encoding));
      this._gz.close();
    }
    return super.close();
  }
  get name(): unknown {
    return this._gz.name;
  }
  static __module__ = "_io";
  static __name__ = "TextIOWrapper";
  static __qualname__ = "TextIOWrapper";
}

export function open(...args: unknown[]): unknown {
  const a = bindArgs("open", args, ["filename", "mode", "compresslevel", "encoding", "errors", "newline"], {
    mode: "rb",
    compresslevel: 9n,
    encoding: null,
    errors: null,
    newline: null,
  });
  const mode = String(a.mode);
  if (mode.includes("t")) {
    if (mode.includes("b")) throw new ValueError(`Invalid mode: ${repr(mode)}`);
  } else {
    for (const k of ["encoding", "errors", "newline"]) {
      if (a[k] !== null && a[k] !== undefined) throw new ValueError(`Argument '${k}' not supported in binary mode`);
    }
  }
  const gzMode = mode.replace("t", "");
  let gz: GzipFile;
  if (typeof a.filename === "string" || a.filename instanceof Uint8Array || hasattr(a.filename, "__fspath__")) {
    gz = new GzipFile(a.filename, gzMode, a.compresslevel);
  } else if (hasattr(a.filename, "read") || hasattr(a.filename, "write")) {
    gz = new GzipFile(null, gzMode, a.compresslevel, a.filename);
  } else throw new TypeError("filename must be a str or bytes object, or a file");
  if (!mode.includes("t")) return gz;
  return new GzipTextFile(gz, a.encoding === null ? "utf-8" : String(a.encoding), a.newline);
}
