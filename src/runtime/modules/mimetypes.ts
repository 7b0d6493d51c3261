// mimetypes: a file name's or URL's type and encoding (guess_type), a type's extensions
// (guess_all_extensions, guess_extension), MimeTypes databases and the module's own one, which, as
// CPython's, starts from CPython's built-in table and then reads the system's mime.types files
// (knownfiles), so guesses agree with CPython's on the same machine.
import { PyDict, PyList, PyTuple } from "../builtins/collections.js";
import { KwArgs, PyObject } from "../builtins/object.js";
import { Exception } from "../builtins/exceptions.js";
import { call, getattr } from "../builtins/ops.js";
import { toIterable, truthy } from "../builtins/protocol.js";
import { str } from "../builtins/repr.js";
import { bindArgs } from "../builtins/hostfs.js";
import { open } from "../builtins/io.js";
import { path as osPath } from "./os.js";

/** CPython 3.12's built-in types: "type ext ext ..." (IANA's registrations and common use). */
const DEFAULT_TYPES = [
  "text/javascript js mjs",
  "application/json json",
  "application/manifest+json webmanifest",
  "application/msword doc dot wiz",
  "application/n-quads nq",
  "application/n-triples nt",
  "application/octet-stream bin a dll exe o obj so",
  "application/oda oda",
  "application/pdf pdf",
  "application/pkcs7-mime p7c",
  "application/postscript ps ai eps",
  "application/trig trig",
  "application/vnd.apple.mpegurl m3u m3u8",
  "application/vnd.ms-excel xls xlb",
  "application/vnd.ms-powerpoint ppt pot ppa pps pwz",
  "application/wasm wasm",
  "application/x-bcpio bcpio",
  "application/x-cpio cpio",
  "application/x-csh csh",
  "application/x-dvi dvi",
  "application/x-gtar gtar",
  "application/x-hdf hdf",
  "application/x-hdf5 h5",
  "application/x-latex latex",
  "application/x-mif mif",
  "application/x-netcdf cdf nc",
  "application/x-pkcs12 p12 pfx",
  "application/x-pn-realaudio ram",
  "application/x-python-code pyc pyo",
  "application/x-sh sh",
  "application/x-shar shar",
  "application/x-shockwave-flash swf",
  "application/x-sv4cpio sv4cpio",
  "application/x-sv4crc sv4crc",
  "application/x-tar tar",
  "application/x-tcl tcl",
  "application/x-tex tex",
  "application/x-texinfo texi texinfo",
  "application/x-troff roff t tr",
  "application/x-troff-man man",
  "application/x-troff-me me",
  "application/x-troff-ms ms",
  "application/x-ustar ustar",
  "application/x-wais-source src",
  "application/xml xsl rdf wsdl xpdl",
  "application/zip zip",
  "audio/3gpp 3gp 3gpp",
  "audio/3gpp2 3g2 3gpp2",
  "audio/aac aac adts loas ass",
  "audio/basic au snd",
  "audio/mpeg mp3 mp2",
  "audio/opus opus",
  "audio/x-aiff aif aifc aiff",
  "audio/x-pn-realaudio ra",
  "audio/x-wav wav",
  "image/avif avif",
  "image/bmp bmp",
  "image/gif gif",
  "image/ief ief",
  "image/jpeg jpg jpe jpeg",
  "image/heic heic",
  "image/heif heif",
  "image/png png",
  "image/svg+xml svg",
  "image/tiff tiff tif",
  "image/vnd.microsoft.icon ico",
  "image/x-cmu-raster ras",
  "image/x-portable-anymap pnm",
  "image/x-portable-bitmap pbm",
  "image/x-portable-graymap pgm",
  "image/x-portable-pixmap ppm",
  "image/x-rgb rgb",
  "image/x-xbitmap xbm",
  "image/x-xpixmap xpm",
  "image/x-xwindowdump xwd",
  "message/rfc822 eml mht mhtml nws",
  "text/css css",
  "text/csv csv",
  "text/html html htm",
  "text/n3 n3",
  "text/plain txt bat c h ksh pl srt",
  "text/richtext rtx",
  "text/tab-separated-values tsv",
  "text/vtt vtt",
  "text/x-python py",
  "text/x-setext etx",
  "text/x-sgml sgm sgml",
  "text/x-vcard vcf",
  "text/xml xml",
  "video/mp4 mp4",
  "video/mpeg mpeg m1v mpa mpe mpg",
  "video/quicktime mov qt",
  "video/webm webm",
  "video/x-msvideo avi",
  "video/x-sgi-movie movie",
];
/** Types CPython knows only when guesses are not strict. */
const COMMON_TYPES = ["application/rtf rtf", "audio/midi midi mid", "image/jpg jpg", "image/pict pict pct pic", "image/webp webp", "text/xul xul"];
const SUFFIXES: [string, string][] = [
  [".svgz", ".svg.gz"],
  [".tgz", ".tar.gz"],
  [".taz", ".tar.gz"],
  [".tz", ".tar.gz"],
  [".tbz2", ".tar.bz2"],
  [".txz", ".tar.xz"],
];
const ENCODINGS: [string, string][] = [
  [".gz", "gzip"],
  [".Z", "compress"],
  [".bz2", "bzip2"],
  [".xz", "xz"],
  [".br", "br"],
];

export const knownfiles = PyList.fromArray([
  "/etc/mime.types",
  "/etc/httpd/mime.types",
  "/etc/httpd/conf/mime.types",
  "/etc/apache/mime.types",
  "/etc/apache2/mime.types",
  "/usr/local/etc/httpd/conf/mime.types",
  "/usr/local/lib/netscape/mime.types",
  "/usr/local/etc/httpd/conf/mime.types",
  "/usr/local/etc/mime.types",
]);

/** posixpath.splitext: the last dot of the last component, not a leading one. */
function splitext(p: string): [string, string] {
  const slash = p.lastIndexOf("/");
  const dot = p.lastIndexOf(".");
  if (dot <= slash) return [p, ""];
  let start = slash + 1;
  while (start < dot && p[start] === ".") start++;
  return start === dot ? [p, ""] : [p.slice(0, dot), p.slice(dot)];
}

export class MimeTypes extends PyObject {
  declare encodings_map: PyDict<string, string>;
  declare suffix_map: PyDict<string, string>;
  /** (non-strict, strict) */
  declare types_map: PyTuple<PyDict<string, string>>;
  declare types_map_inv: PyTuple<PyDict<string, PyList<string>>>;

  __init__(...args: unknown[]): null {
    const a = bindArgs("MimeTypes", args, ["filenames", "strict"], { filenames: PyTuple.of(), strict: true });
    if (!inited) init();
    this.encodings_map = PyDict.fromEntries(ENCODINGS);
    this.suffix_map = PyDict.fromEntries(SUFFIXES);
    this.types_map = PyTuple.of(new PyDict(), new PyDict());
    this.types_map_inv = PyTuple.of(new PyDict(), new PyDict());
    for (const [table, strict] of [
      [DEFAULT_TYPES, true],
      [COMMON_TYPES, false],
    ] as const) {
      for (const line of table) {
        const [type, ...exts] = line.split(" ");
        for (const ext of exts) this.add_type(type, `.${ext}`, strict);
      }
    }
    for (const name of toIterable(a.filenames)) this.read(name, a.strict);
    return null;
  }

  add_type(...args: unknown[]): null {
    const { type, ext, strict } = bindArgs("add_type", args, ["type", "ext", "strict"], { strict: true });
    const i = truthy(strict) ? 1 : 0;
    this.types_map[i].__setitem__(ext as string, type as string);
    const exts = this.types_map_inv[i].setdefault(type as string, new PyList<string>());
    if (!exts.includes(ext as string)) exts.append(ext as string);
    return null;
  }

  guess_type(...args: unknown[]): PyTuple<unknown> {
    const a = bindArgs("guess_type", args, ["url", "strict"], { strict: true });
    let url = typeof a.url === "string" ? a.url : str(call(getattr(a.url, "__fspath__")));
    const scheme = /^([^/:]+):/.exec(url);
    if (scheme) {
      url = url.slice(scheme[0].length);
      if (scheme[1].toLowerCase() === "data") {
        const comma = url.indexOf(",");
        if (comma < 0) return PyTuple.of<unknown>(null, null);
        const semi = url.slice(0, comma).indexOf(";");
        let type = semi >= 0 ? url.slice(0, semi) : url.slice(0, comma);
        if (type.includes("=") || !type.includes("/")) type = "text/plain";
        return PyTuple.of<unknown>(type, null);
      }
    }
    let [base, ext] = splitext(url);
    while (this.suffix_map.__contains__(ext.toLowerCase())) [base, ext] = splitext(base + this.suffix_map.__getitem__(ext.toLowerCase()));
    let encoding: string | null = null;
    if (this.encodings_map.__contains__(ext)) {
      encoding = this.encodings_map.__getitem__(ext);
      [base, ext] = splitext(base);
    }
    ext = ext.toLowerCase();
    if (this.types_map[1].__contains__(ext)) return PyTuple.of<unknown>(this.types_map[1].__getitem__(ext), encoding);
    if (truthy(a.strict)) return PyTuple.of<unknown>(null, encoding);
    return PyTuple.of<unknown>(this.types_map[0].get(ext), encoding);
  }

  guess_all_extensions(...args: unknown[]): PyList<string> {
    const { type, strict } = bindArgs("guess_all_extensions", args, ["type", "strict"], { strict: true });
    const t = String(type).toLowerCase();
    const out = PyList.fromArray([...(this.types_map_inv[1].get(t) ?? [])]);
    if (!truthy(strict)) for (const ext of this.types_map_inv[0].get(t) ?? []) if (!out.includes(ext)) out.append(ext);
    return out;
  }

  guess_extension(...args: unknown[]): string | null {
    const { type, strict } = bindArgs("guess_extension", args, ["type", "strict"], { strict: true });
    const exts = this.guess_all_extensions(type, strict);
    return exts.length ? exts[0] : null;
  }

  read(filename: unknown, strict: unknown = true): null {
    const f = open(filename, "r", new KwArgs({ encoding: "utf-8" }));
    try {
      this.readfp(f, strict);
    } finally {
      call(getattr(f, "close"));
    }
    return null;
  }

  /** Lines "type ext ext ..." ('#' starts a comment). */
  readfp(fp: unknown, strict: unknown = true): null {
    for (const line of toIterable(fp)) {
      const words = String(line).trim().split(/\s+/).filter(Boolean);
      const comment = words.findIndex((w) => w.startsWith("#"));
      if (comment >= 0) words.length = comment;
      if (!words.length) continue;
      const [type, ...suffixes] = words;
      for (const suff of suffixes) this.add_type(type, `.${suff}`, strict);
    }
    return null;
  }

  read_windows_registry(_strict: unknown = true): null {
    return null;
  }
  static __module__ = "mimetypes";
}

/** The module's database, made on first use. */
let db: MimeTypes | null = null;
export let inited = false;
/** A table's "type ext ..." lines as ".ext" -> type (the module's maps before init()). */
const tableMap = (table: readonly string[]) =>
  PyDict.fromEntries(
    table.flatMap((line) =>
      line
        .split(" ")
        .slice(1)
        .map((ext) => [`.${ext}`, line.split(" ")[0]] as [string, string]),
    ),
  );
export let types_map: PyDict<string, string> = tableMap(DEFAULT_TYPES);
export let common_types: PyDict<string, string> = tableMap(COMMON_TYPES);
export let encodings_map: PyDict<string, string> = PyDict.fromEntries(ENCODINGS);
export let suffix_map: PyDict<string, string> = PyDict.fromEntries(SUFFIXES);

export function init(files: unknown = null): null {
  inited = true; // (before MimeTypes(), which would call init() again)
  let made: MimeTypes;
  let names: unknown[];
  if (files === null || files === undefined || db === null) {
    made = new MimeTypes();
    names = [...knownfiles, ...(files === null || files === undefined ? [] : toIterable(files))];
  } else {
    made = db;
    names = [...toIterable(files)];
  }
  for (const file of names) if (truthy(osPath.isfile(file))) made.read(file);
  encodings_map = made.encodings_map;
  suffix_map = made.suffix_map;
  types_map = made.types_map[1];
  common_types = made.types_map[0];
  db = made;
  return null;
}

const database = (): MimeTypes => {
  if (db === null) init();
  return db!;
};

export function guess_type(...args: unknown[]): PyTuple<unknown> {
  return database().guess_type(...args);
}
export function guess_all_extensions(...args: unknown[]): PyList<string> {
  return database().guess_all_extensions(...args);
}
export function guess_extension(...args: unknown[]): string | null {
  return database().guess_extension(...args);
}
export function add_type(...args: unknown[]): null {
  return database().add_type(...args);
}
export function read_mime_types(file: unknown): PyDict<string, string> | null {
  let f: unknown;
  try {
    f = open(file, "r", new KwArgs({ encoding: "utf-8" }));
  } catch (e) {
    if (e instanceof Exception) return null;
    throw e;
  }
  try {
    const made = new MimeTypes();
    made.readfp(f, true);
    return made.types_map[1];
  } finally {
    call(getattr(f, "close"));
  }
}
