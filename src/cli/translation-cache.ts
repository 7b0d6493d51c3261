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

import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import { decodeSource, folderHost, isFile } from "./files.js";
import type { ProgramHost } from "../index.js";
import type { RunUnit } from "./translate-run.js";

/** Bumped when an entry's layout changes (the build id changes with every build anyway). */
const FORMAT = 1;
/** Entries kept: beyond this many, a store removes the least recently written (scripts in temporary folders come and go). */
export const MAX_ENTRIES = 200;

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

export class TranslationCache {
  private readonly file: string;
  private readonly key: string;

  constructor(
    private readonly folder: string,
    key: CacheKey,
  ) {
    this.key = JSON.stringify([FORMAT, key.build, key.path, key.pythonVersion ?? null]);
    this.file = join(folder, `run-${hash(this.key)}.json`);
  }

  /** The translation of the script (its source as just read) in folder `root`, when nothing it depends on changed. */
  lookup(root: string, mainPath: string, source: string): RunUnit[] | null {
    let entry: Entry;
    try {
      entry = JSON.parse(readFileSync(this.file, "utf8"));
    } catch {
      return null;
    }
    try {
      if (entry.format !== FORMAT || entry.key !== this.key || !Array.isArray(entry.units) || !entry.units.length) return null;
      for (const [path, text] of entry.reads) if (text !== (path === mainPath ? source : readQuietly(join(root, path)))) return null;
      for (const [path, found] of entry.probes) if (isFile(join(root, path)) !== found) return null;
      if (!entry.units.every(isRunUnit)) return null;
      return entry.units;
    } catch {
      return null;
    }
  }

  /** Keeps a translation for the next run (nothing when the folder cannot be written). */
  store(host: RecordingHost, units: RunUnit[]): void {
    const entry: Entry = { format: FORMAT, key: this.key, reads: [...host.reads], probes: [...host.probes], units };
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.folder, { recursive: true, mode: 0o700 });
      writeFileSync(temp, JSON.stringify(entry), { mode: 0o600 });
      renameSync(temp, this.file);
    } catch {
      try {
        rmSync(temp, { force: true });
      } catch {
        // the folder is not one (a file in the way): nothing was written
      }
      return;
    }
    prune(this.folder);
  }
}

/** Removes the oldest entries beyond MAX_ENTRIES (best effort: another process may be pruning too). */
function prune(folder: string): void {
  try {
    const names = readdirSync(folder).filter((n) => /^run-[0-9a-f]{16}\.json$/.test(n));
    if (names.length <= MAX_ENTRIES) return;
    const aged = names.map((n) => ({ path: join(folder, n), time: statSync(join(folder, n), { throwIfNoEntry: false })?.mtimeMs ?? 0 }));
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
