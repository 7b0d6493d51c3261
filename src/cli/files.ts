// The CLI's file system side: source decoding as CPython does it, a program's files as a
// ProgramHost (module search in the script's folder) and the .py files of a folder
// (write-output.ts writes the translations).

import { readFileSync, statSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import type { ProgramHost } from "../index.js";

// Linux's errno numbers and texts for the errors opening a program file meets (CPython prints them).
const OPEN_ERRORS: Record<string, string> = {
  ENOENT: "[Errno 2] No such file or directory",
  EACCES: "[Errno 13] Permission denied",
  ENOTDIR: "[Errno 20] Not a directory",
  EISDIR: "[Errno 21] Is a directory",
  ENAMETOOLONG: "[Errno 36] File name too long",
  ELOOP: "[Errno 40] Too many levels of symbolic links",
};

/** CPython's "can't open file" message: `can't open file 'x.py': [Errno 2] No such file or directory`. */
export function cantOpen(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return `can't open file '${file}': ${(code && OPEN_ERRORS[code]) ?? (e as Error).message}`;
}

/**
 * The program's files, relative to its root folder (the main script's): module search and reading.
 * `main` gives the script's own source (stdin has no file).
 */
export function folderHost(root: string, main?: { path: string; source: string }): ProgramHost {
  return {
    exists: (path) => {
      try {
        return statSync(join(root, path)).isFile();
      } catch {
        return false;
      }
    },
    read: (path) => {
      if (main && path === main.path) return main.source;
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(root, path));
      } catch (e) {
        process.stderr.write(`tsyncio: ${cantOpen(join(root, path), e)}\n`);
        return null;
      }
      const decoded = decodeSource(bytes, join(root, path));
      if (typeof decoded === "string") return decoded;
      process.stderr.write(`SyntaxError: ${decoded.error}\n`);
      return null;
    },
  };
}

export function decodeSource(bytes: Buffer, path: string): string | { error: string } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) bytes = bytes.subarray(3);
  let cookie: string | null = null;
  const lines = bytes
    .subarray(0, 1024)
    .toString("latin1")
    .split(/\r\n|\r|\n/);
  for (const line of lines.slice(0, 2)) {
    const m = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/.exec(line);
    if (m) {
      cookie = m[1];
      break;
    }
    if (!/^[ \t\f]*(#.*)?$/.test(line)) break;
  }
  const norm = (cookie ?? "utf-8").toLowerCase().replace(/_/g, "-");
  // (the tokenizer's own names, `utf-8` and `utf-8-*`, then the codec's aliases of utf-8)
  const utf8 = /^utf-8(-|$)/.test(norm) || ["utf8", "u8", "utf", "cp65001", "utf8-ucs2", "utf8-ucs4"].includes(norm);
  const latin1 = /^(latin-1|iso-8859-1|iso-latin-1|latin1|l1|iso8859-1)(-|$)/.test(norm);
  if (bom && !utf8) return { error: `encoding problem: ${latin1 ? "iso-8859-1" : cookie} with BOM` };
  // (an ASCII file's other bytes are no character of it: CPython's "encoding problem")
  if ((norm === "ascii" || norm === "us-ascii") && bytes.some((b) => b >= 0x80)) return { error: `encoding problem: ${cookie}` };
  if (utf8 || norm === "ascii" || norm === "us-ascii") {
    try {
      return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      const valid = (n: number, stream: boolean) => {
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, n), { stream });
          return true;
        } catch {
          return false;
        }
      };
      // The longest prefix that decodes (an unfinished character allowed), then back to the start
      // of the character that fails, as CPython reports it.
      let lo = 0;
      let hi = bytes.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (valid(mid, true)) lo = mid;
        else hi = mid - 1;
      }
      let bad = lo;
      if (!valid(lo, false)) {
        while (bad > 0 && lo - bad < 3 && (bytes[bad - 1] & 0xc0) === 0x80) bad--;
        if (bad > 0 && bytes[bad - 1] >= 0xc0) bad--;
      }
      let line = 1;
      for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
      const hex = (bytes[bad] ?? 0).toString(16).padStart(2, "0");
      return cookie === null
        ? {
            error: `Non-UTF-8 code starting with '\\x${hex}' in file ${path} on line ${line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details`,
          }
        : { error: `(unicode error) 'utf-8' codec can't decode byte 0x${hex} in position ${bad}: invalid start byte` };
    }
  }
  if (latin1) return bytes.toString("latin1");
  try {
    return new TextDecoder(norm, { fatal: true }).decode(bytes);
  } catch (e) {
    return e instanceof RangeError ? { error: `encoding problem: ${cookie}` } : { error: `(unicode error) '${cookie}' codec can't decode the source` };
  }
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function isDirectory(path: string): boolean {
  try {
    return path !== "-" && statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The .py files under a folder, relative to it, in a stable order (hidden folders and __pycache__
 * skipped). A .py that is not a regular file (a FIFO, which would block the read forever, a
 * device, a broken symbolic link) is skipped with a warning, once.
 */
export function pythonFiles(root: string, sub = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(root, sub), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && entry.name !== "__pycache__" && entry.name !== "node_modules") found.push(...pythonFiles(root, rel));
    } else if (entry.name.endsWith(".py")) {
      const why = notRegular(join(root, rel), entry.isSymbolicLink());
      if (why === null) found.push(rel);
      else process.stderr.write(`tsyncio: skipping '${relative(process.cwd(), join(root, rel))}': ${why}\n`);
    }
  }
  return found;
}

/** Why a path is not a regular file (following a symbolic link), or null if it is one. */
function notRegular(path: string, link: boolean): string | null {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    return link ? "a broken symbolic link" : `${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  }
  if (st.isFile()) return null;
  if (st.isFIFO()) return "a FIFO, not a regular file";
  if (st.isDirectory()) return "a folder";
  return st.isSocket() ? "a socket, not a regular file" : "a device, not a regular file";
}
