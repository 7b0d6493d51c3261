// Writing the translations (-o OUT.ts, --outdir DIR): all or nothing, and only to what the user
// named.
//
// - Every target is checked before anything is written: a folder, a read-only file or one of the
//   input files is refused with a clear message.
// - A symlink is written through: its final target gets the text, the link stays.
// - A regular file (or a new one) is replaced atomically: the text goes to a temporary file in the
//   same folder, then all of them are renamed into place. If a rename fails, the ones already
//   done are undone (the old files come back from hard-link backups, new files are removed, as
//   are the folders made for them): nothing is written if any file fails.
// - Anything else (a FIFO, a device such as /dev/stdout, and every path under /dev or /proc) is
//   opened and written, never replaced; that happens last, after the regular files are in place.

import {
  accessSync,
  constants,
  linkSync,
  lstatSync,
  mkdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
  chmodSync,
  type Stats,
} from "node:fs";
import { dirname, resolve } from "node:path";

export interface Output {
  target: string;
  text: string;
}

interface Planned {
  /** The path as the user (or --outdir) named it, for messages. */
  named: string;
  /** Where the text goes: the named path with symlinks followed. */
  path: string;
  text: string;
  /** The file there now (null: none). */
  existing: Stats | null;
  /** Written through (a FIFO, a device...) rather than replaced. */
  through: boolean;
}

class Refused extends Error {}

const errorCode = (e: unknown) => (e instanceof Refused ? e.message : ((e as NodeJS.ErrnoException).code ?? (e as Error).message));

/** The path a symlink chain ends at (which may not exist yet); the path itself if it is no link. */
function followLinks(path: string): string {
  let p = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let st: Stats;
    try {
      st = lstatSync(p);
    } catch {
      return p; // a dangling link: its target is created
    }
    if (!st.isSymbolicLink()) break;
    p = resolve(dirname(p), readlinkSync(p));
  }
  try {
    return realpathSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return p;
    throw new Refused(`can't write '${path}': ${errorCode(e)}`);
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function plan(out: Output, inputs: Stats[]): Planned {
  const named = out.target;
  const special = /^\/(dev|proc)\//.test(resolve(named));
  const existing = statOrNull(named);
  if (existing?.isDirectory()) throw new Refused(`can't write '${named}': it is a folder`);
  if (existing && inputs.some((i) => i.dev === existing.dev && i.ino === existing.ino)) {
    throw new Refused(`can't write '${named}': it is an input file (the translation would overwrite the source)`);
  }
  if (special || (existing && !existing.isFile())) return { named, path: resolve(named), text: out.text, existing, through: true };
  const path = followLinks(named);
  if (existing) {
    let writable = (existing.mode & 0o222) !== 0;
    try {
      accessSync(path, constants.W_OK);
    } catch {
      writable = false;
    }
    if (!writable) throw new Refused(`can't write '${named}': it is read-only`);
  }
  return { named, path, text: out.text, existing, through: false };
}

/** Makes `folder` and the missing folders above it; returns those it made, outermost first. */
function makeFolders(folder: string): string[] {
  const missing: string[] = [];
  let f = folder;
  for (; statOrNull(f) === null && dirname(f) !== f; f = dirname(f)) missing.unshift(f);
  if (!statOrNull(f)?.isDirectory()) throw new Refused(`'${f}' is not a folder`);
  mkdirSync(folder, { recursive: true });
  return missing;
}

/**
 * Writes every output, all or nothing (see the header). `inputs`: the source files, which are
 * never overwritten. Reports a failure on stderr and returns false.
 */
export function writeAll(files: Output[], inputs: string[] = []): boolean {
  const inputStats = inputs.map(statOrNull).filter((s): s is Stats => s !== null);
  let planned: Planned[];
  try {
    planned = files.map((f) => plan(f, inputStats));
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    process.stderr.write(`tsyncio: ${e.message}\n`);
    return false;
  }
  const replaced = planned.filter((p) => !p.through);
  const madeFolders: string[] = [];
  const temps: { p: Planned; tmp: string }[] = [];
  const done: { p: Planned; backup: string | null }[] = [];
  let failed: { named: string; error: unknown } | null = null;
  let current = "";
  try {
    for (const p of replaced) {
      current = p.named;
      madeFolders.push(...makeFolders(dirname(p.path)));
      const tmp = `${p.path}.${process.pid}.tmp`;
      temps.push({ p, tmp });
      writeFileSync(tmp, p.text, { flag: "wx" });
      if (p.existing) chmodSync(tmp, p.existing.mode & 0o7777);
    }
  } catch (e) {
    failed = { named: current, error: e };
  }
  if (failed === null) {
    for (const { p, tmp } of temps) {
      try {
        // The old file stays reachable under a second name until every rename has succeeded.
        let backup: string | null = null;
        if (p.existing) {
          backup = `${p.path}.${process.pid}.old`;
          linkSync(p.path, backup);
        }
        try {
          renameSync(tmp, p.path);
        } catch (e) {
          if (backup) removeQuietly(backup);
          throw e;
        }
        done.push({ p, backup });
      } catch (e) {
        failed = { named: p.named, error: e };
        break;
      }
    }
  }
  if (failed !== null) {
    undo(
      done,
      temps.map((t) => t.tmp),
      madeFolders,
    );
    process.stderr.write(`tsyncio: can't write '${failed.named}': ${errorCode(failed.error)}\n`);
    return false;
  }
  for (const d of done) if (d.backup) removeQuietly(d.backup);
  // Written through, last: a FIFO or a device cannot be put back.
  for (const p of planned.filter((q) => q.through)) {
    try {
      writeFileSync(p.named, p.text);
    } catch (e) {
      process.stderr.write(`tsyncio: can't write '${p.named}': ${errorCode(e)}\n`);
      return false;
    }
  }
  return true;
}

/** Puts back what a failed writeAll changed. */
function undo(done: { p: Planned; backup: string | null }[], temps: string[], madeFolders: string[]): void {
  for (const d of done.reverse()) {
    try {
      if (d.backup) renameSync(d.backup, d.p.path);
      else unlinkSync(d.p.path);
    } catch {
      // leave it: nothing better can be done
    }
  }
  for (const t of temps) removeQuietly(t);
  for (const f of madeFolders.reverse()) {
    try {
      rmdirSync(f);
    } catch {
      // not empty (something else is there) or gone
    }
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // nothing to clean
  }
}
