// `tsyncio run`'s translation cache: the JavaScript of a script and of the program's own modules it
// imports, kept in a per-user folder (never beside the program) so that running an unchanged program
// again skips the translator; the bundled CLI then does not even load its compiler half (entry.ts).
//
// One entry per script path, build and option set, overwritten when anything differs. An entry is
// used only when it was made by this very build (the bundle's id) and every file the translation
// read or looked for is as it was: the script's text, each imported module's text, and the
// answers to "is there a file here?" that module search asked (a new `foo.py` beside the script
// changes what `import foo` means). Anything unreadable or unexpected is a miss, silently; writes
// go to a temporary file renamed into place, so a reader never sees half an entry.
//
// Cached JavaScript runs as whoever runs tsyncio, so it is trusted only if nobody else could have
// written it: the folder must be a real directory of ours that no one else may write (otherwise
// the cache is off for the run, as pip does), and an entry a regular file of ours that no one else
// may write, opened without following a symlink or blocking on a FIFO. Temporary files get
// unguessable names and are created exclusively (never through an existing path or symlink).

import {
  closeSync,
  constants,
  fstatSync,
  futimesSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
  type Stats,
} from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { decodeSource, folderHost, isFile } from "./files.js";
import type { ProgramHost } from "../index.js";
import type { RunUnit } from "./translate-run.js";

/** Bumped when an entry's layout changes (the build id changes with every build anyway). */
const FORMAT = 1;
/** Entries kept: beyond this many, a store removes the least recently written (scripts in temporary folders come and go). */
export const MAX_ENTRIES = 200;
/** An entry larger than this is not read (a real one is far smaller). */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
/** A temporary file this old was left by a run that was killed while storing. */
const STALE_TEMP_MS = 60 * 60 * 1000;
const ENTRY_NAME = /^run-[0-9a-f]{16}\.json$/;
const TEMP_NAME = /^run-[0-9a-f]{16}\.json\.[0-9a-f]{16}\.tmp$/;

/**
 * The cache's folder, or null when it is turned off (TSYNCIO_NO_CACHE set to anything but "" or
 * "0"): TSYNCIO_CACHE_DIR, else $XDG_CACHE_HOME/tsyncio, else ~/.cache/tsyncio.
 */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string | null {
  const off = env.TSYNCIO_NO_CACHE;
  if (off !== undefined && off !== "" && off !== "0") return null;
  if (env.TSYNCIO_CACHE_DIR) return env.TSYNCIO_CACHE_DIR;
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, "tsyncio");
  try {
    return join(env.HOME || homedir(), ".cache", "tsyncio");
  } catch {
    return null;
  }
}

/** What an entry is for: the build, the script's absolute path and the options that change the translation. */
export interface CacheKey {
  build: string;
  path: string;
  pythonVersion: string | undefined;
}

interface Entry {
  format: number;
  key: string;
  /** The files the translation read (relative to the script's folder; the script included) and their text. */
  reads: [string, string][];
  /** The file lookups of module search and their answers. */
  probes: [string, boolean][];
  units: RunUnit[];
}

/** The script's folder as the translator sees it, recording what it reads and looks for. */
export class RecordingHost implements ProgramHost {
  readonly reads = new Map<string, string>();
  readonly probes = new Map<string, boolean>();
  private readonly host: ProgramHost;

  constructor(root: string, main: { path: string; source: string }) {
    this.host = folderHost(root, main);
  }

  read(path: string): string | null {
    const source = this.host.read(path);
    if (source !== null) this.reads.set(path, source);
    return source;
  }

  exists(path: string): boolean {
    const found = this.host.exists(path);
    this.probes.set(path, found);
    return found;
  }
}

/**
 * Whether a file or folder can be trusted: ours and writable by no one else. Where there are no
 * POSIX owners (Windows) the mode bits mean nothing either, so everything passes.
 */
function ownedByUs(stats: Stats): boolean {
  if (typeof process.getuid !== "function") return true;
  return stats.uid === process.getuid() && (stats.mode & 0o022) === 0;
}

/** Whether `folder` is a real directory of ours that no one else may write, creating it (0700) when missing. */
export function usableFolder(folder: string): boolean {
  folder = resolve(folder); // no trailing slash: lstat("link/") would follow the link
  const check = () => {
    const stats = lstatSync(folder);
    return stats.isDirectory() && ownedByUs(stats);
  };
  try {
    return check();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") return false;
  }
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    return check();
  } catch {
    return false;
  }
}

export class TranslationCache {
  private readonly file: string;
  private readonly key: string;
  private usable: boolean | undefined;

  constructor(
    private readonly folder: string,
    key: CacheKey,
  ) {
    this.key = JSON.stringify([FORMAT, key.build, key.path, key.pythonVersion ?? null]);
    this.file = join(folder, `run-${hash(this.key)}.json`);
  }

  /** The translation of the script (its source as just read) in folder `root`, when nothing it depends on changed. */
  lookup(root: string, mainPath: string, source: string): RunUnit[] | null {
    if (!this.folderUsable()) return null;
    let fd: number;
    try {
      fd = openSync(this.file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    } catch {
      return null;
    }
    try {
      const stats = fstatSync(fd);
      if (!stats.isFile() || !ownedByUs(stats) || stats.size > MAX_ENTRY_BYTES) return null;
      const entry: Entry = JSON.parse(readFileSync(fd, "utf8"));
      if (entry.format !== FORMAT || entry.key !== this.key || !Array.isArray(entry.units) || !entry.units.length) return null;
      for (const [path, text] of entry.reads) if (text !== (path === mainPath ? source : readQuietly(join(root, path)))) return null;
      for (const [path, found] of entry.probes) if (isFile(join(root, path)) !== found) return null;
      if (!entry.units.every(isRunUnit)) return null;
      // A hit counts as use: eviction removes the least recently used entries.
      const now = new Date();
      futimesSync(fd, now, now);
      return entry.units;
    } catch {
      return null;
    } finally {
      closeSync(fd);
    }
  }

  /** Keeps a translation for the next run (nothing when the folder cannot be written). */
  store(host: RecordingHost, units: RunUnit[]): void {
    const entry: Entry = { format: FORMAT, key: this.key, reads: [...host.reads], probes: [...host.probes], units };
    if (!this.folderUsable()) return;
    // "wx": created anew, never through an existing file or symlink; the name cannot be guessed.
    const temp = `${this.file}.${randomHex(8)}.tmp`;
    let fd: number;
    try {
      fd = openSync(temp, "wx", 0o600);
    } catch {
      return;
    }
    try {
      try {
        writeFileSync(fd, JSON.stringify(entry));
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.file);
    } catch {
      rmSync(temp, { force: true });
      return;
    }
    prune(this.folder);
  }

  /** The folder check, once per run (a lookup and a store share it). */
  private folderUsable(): boolean {
    this.usable ??= usableFolder(this.folder);
    return this.usable;
  }
}

/**
 * Removes the least recently used entries beyond MAX_ENTRIES and temporary files left by killed
 * runs (best effort: another process may be pruning too).
 */
function prune(folder: string): void {
  try {
    const now = Date.now();
    const aged: { path: string; time: number }[] = [];
    for (const name of readdirSync(folder)) {
      const isEntry = ENTRY_NAME.test(name);
      if (!isEntry && !TEMP_NAME.test(name)) continue;
      const path = join(folder, name);
      const time = lstatSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      if (isEntry) aged.push({ path, time });
      else if (now - time > STALE_TEMP_MS) rmSync(path, { force: true });
    }
    if (aged.length <= MAX_ENTRIES) return;
    aged.sort((a, b) => a.time - b.time);
    for (const { path } of aged.slice(0, aged.length - MAX_ENTRIES)) rmSync(path, { force: true });
  } catch {
    // nothing to prune, or the folder went away
  }
}

/** A file's text as the translator would read it, or null (no file, not decodable). */
function readQuietly(path: string): string | null {
  try {
    const decoded = decodeSource(readFileSync(path), path);
    return typeof decoded === "string" ? decoded : null;
  } catch {
    return null;
  }
}

function isRunUnit(u: RunUnit): boolean {
  return (
    typeof u === "object" &&
    u !== null &&
    typeof u.name === "string" &&
    typeof u.file === "string" &&
    typeof u.source === "string" &&
    typeof u.js === "string" &&
    Array.isArray(u.lineMap) &&
    Array.isArray(u.nameMap) &&
    (u.spans === undefined || Array.isArray(u.spans))
  );
}

/**
 * `bytes` random bytes in hex, for a name nobody can guess: from /dev/urandom where there is one,
 * since loading node:crypto costs a process ~4 ms of start-up (a run that stores an entry is a
 * first run, translating).
 */
function randomHex(bytes: number): string {
  const out = Buffer.alloc(bytes);
  try {
    const fd = openSync("/dev/urandom", "r");
    try {
      if (readSync(fd, out, 0, bytes, null) === bytes) return out.toString("hex");
    } finally {
      closeSync(fd);
    }
  } catch {
    // no /dev/urandom (Windows)
  }
  return process.getBuiltinModule("node:crypto").randomBytes(bytes).toString("hex");
}

/** A file name for a key (FNV-1a, two 32-bit lanes): a collision only makes a miss, as the entry holds its key. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}
