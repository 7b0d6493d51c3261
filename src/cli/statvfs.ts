// os.statvfs() on Node: the counts come from fs.statfsSync (statfs(2) through libuv); the mount
// flags (f_flag), which statfs's Node form leaves out, from the mount's options in
// /proc/self/mountinfo (Linux), as the kernel derives them for statvfs.
import type { HostStatVfs } from "../runtime/host.js";

const fs = process.getBuiltinModule("node:fs");

// The ST_* bits of <sys/statvfs.h> and the mount options that set them.
const OPTION_FLAGS: Record<string, number> = {
  ro: 1, // ST_RDONLY
  nosuid: 2, // ST_NOSUID
  nodev: 4, // ST_NODEV
  noexec: 8, // ST_NOEXEC
  sync: 16, // ST_SYNCHRONOUS
  mand: 64, // ST_MANDLOCK
  noatime: 1024, // ST_NOATIME
  nodiratime: 2048, // ST_NODIRATIME
  relatime: 4096, // ST_RELATIME
  nosymfollow: 8192, // ST_NOSYMFOLLOW
};

// Linux's file systems allow 255-byte names (NAME_MAX); statfs's f_namelen is not in Node's result.
const NAME_MAX = 255;

/** mountinfo escapes a space, tab, newline and backslash in a path as \ooo. */
const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));

/** The ST_* flags of the mount holding `path` (its longest mount point that is a prefix), 0 when unknown. */
function mountFlags(path: string): number {
  let text: string;
  let real: string;
  try {
    text = fs.readFileSync("/proc/self/mountinfo", "utf8");
    real = fs.realpathSync.native(path);
  } catch {
    return 0;
  }
  let best = "";
  let flags = 0;
  for (const line of text.split("\n")) {
    // id parent major:minor root mount-point mount-options [optional...] - type source super-options
    const parts = line.split(" ");
    const dash = parts.indexOf("-");
    if (parts.length < 6 || dash < 0) continue;
    const point = unescape(parts[4]);
    const inside = point === "/" || real === point || real.startsWith(point + "/");
    if (!inside || point.length < best.length) continue;
    best = point;
    flags = 0;
    const options = [...parts[5].split(","), ...(parts[dash + 3] ?? "").split(",")];
    for (const o of options) flags |= OPTION_FLAGS[o] ?? 0;
  }
  return flags;
}

export function nodeStatvfs(path: string): HostStatVfs {
  const s = fs.statfsSync(path);
  return {
    bsize: s.bsize,
    frsize: s.bsize,
    blocks: s.blocks,
    bfree: s.bfree,
    bavail: s.bavail,
    files: s.files,
    ffree: s.ffree,
    favail: s.ffree,
    flag: mountFlags(path),
    namemax: NAME_MAX,
  };
}
