// stat: the st_mode bits and their tests (S_ISDIR, S_ISREG, ...), S_IMODE/S_IFMT and filemode().
// CPython: Lib/stat.py (documented behaviour).
const S_IFMT_MASK = 0o170000n;
export const S_IFDIR = 0o040000n;
export const S_IFCHR = 0o020000n;
export const S_IFBLK = 0o060000n;
export const S_IFREG = 0o100000n;
export const S_IFIFO = 0o010000n;
export const S_IFLNK = 0o120000n;
export const S_IFSOCK = 0o140000n;
export const S_ISUID = 0o4000n;
export const S_ISGID = 0o2000n;
export const S_ISVTX = 0o1000n;
export const S_IRWXU = 0o700n;
export const S_IRUSR = 0o400n;
export const S_IWUSR = 0o200n;
export const S_IXUSR = 0o100n;
export const S_IRWXG = 0o070n;
export const S_IRGRP = 0o040n;
export const S_IWGRP = 0o020n;
export const S_IXGRP = 0o010n;
export const S_IRWXO = 0o007n;
export const S_IROTH = 0o004n;
export const S_IWOTH = 0o002n;
export const S_IXOTH = 0o001n;
export const ST_MODE = 0n;
export const ST_INO = 1n;
export const ST_DEV = 2n;
export const ST_NLINK = 3n;
export const ST_UID = 4n;
export const ST_GID = 5n;
export const ST_SIZE = 6n;
export const ST_ATIME = 7n;
export const ST_MTIME = 8n;
export const ST_CTIME = 9n;

const mode = (m: unknown): bigint => BigInt(m as bigint);
export const S_IMODE = (m: unknown): bigint => mode(m) & 0o7777n;
export const S_IFMT = (m: unknown): bigint => mode(m) & S_IFMT_MASK;
export const S_ISDIR = (m: unknown): boolean => S_IFMT(m) === S_IFDIR;
export const S_ISREG = (m: unknown): boolean => S_IFMT(m) === S_IFREG;
export const S_ISLNK = (m: unknown): boolean => S_IFMT(m) === S_IFLNK;
export const S_ISCHR = (m: unknown): boolean => S_IFMT(m) === S_IFCHR;
export const S_ISBLK = (m: unknown): boolean => S_IFMT(m) === S_IFBLK;
export const S_ISFIFO = (m: unknown): boolean => S_IFMT(m) === S_IFIFO;
export const S_ISSOCK = (m: unknown): boolean => S_IFMT(m) === S_IFSOCK;

/** filemode(0o100644) → '-rw-r--r--'. */
export function filemode(m: unknown): string {
  const v = mode(m);
  const kinds: [bigint, string][] = [
    [S_IFLNK, "l"],
    [S_IFSOCK, "s"],
    [S_IFREG, "-"],
    [S_IFBLK, "b"],
    [S_IFDIR, "d"],
    [S_IFCHR, "c"],
    [S_IFIFO, "p"],
  ];
  let out = kinds.find(([k]) => (v & S_IFMT_MASK) === k)?.[1] ?? "?";
  const bits: [bigint, string, bigint, string, string][] = [
    [S_IRUSR, "r", 0n, "", ""],
    [S_IWUSR, "w", 0n, "", ""],
    [S_IXUSR, "x", S_ISUID, "s", "S"],
    [S_IRGRP, "r", 0n, "", ""],
    [S_IWGRP, "w", 0n, "", ""],
    [S_IXGRP, "x", S_ISGID, "s", "S"],
    [S_IROTH, "r", 0n, "", ""],
    [S_IWOTH, "w", 0n, "", ""],
    [S_IXOTH, "x", S_ISVTX, "t", "T"],
  ];
  for (const [bit, ch, special, both, onlySpecial] of bits) {
    if (special && v & special) out += v & bit ? both : onlySpecial;
    else out += v & bit ? ch : "-";
  }
  return out;
}
