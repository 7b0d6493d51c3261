// filecmp: cmp() and cmpfiles(). A shallow comparison trusts equal (type, size, mtime); otherwise
// the contents are compared. CPython: Lib/filecmp.py (documented behaviour).
import { PyList, PyTuple } from "../builtins/collections.js";
import { OSError } from "../builtins/exceptions.js";
import { bindArgs, fspath } from "../builtins/hostfs.js";
import { open } from "../builtins/io.js";
import { plainView } from "../builtins/bytes.js";
import * as os from "./os.js";
import * as osPath from "./os_path.js";

export const BUFSIZE = 8192n;
export const DEFAULT_IGNORES = PyList.fromArray(["RCS", "CVS", "tags", ".git", ".hg", ".bzr", "_darcs", "__pycache__"]);

type Stat = { st_mode: bigint; st_size: bigint; st_mtime_ns: bigint };
const signature = (st: Stat) => [st.st_mode & 0o170000n, st.st_size, st.st_mtime_ns];

export function clear_cache(): null {
  return null;
}

export function cmp(...args: unknown[]): boolean {
  const a = bindArgs("cmp", args, ["f1", "f2", "shallow"], { shallow: true });
  const s1 = signature(os.stat(a.f1) as unknown as Stat);
  const s2 = signature(os.stat(a.f2) as unknown as Stat);
  if (s1[0] !== 0o100000n || s2[0] !== 0o100000n) return false;
  if (a.shallow && s1.every((v, i) => v === s2[i])) return true;
  if (s1[1] !== s2[1]) return false;
  return sameContents(a.f1, a.f2);
}

function sameContents(f1: unknown, f2: unknown): boolean {
  type F = { read(n: bigint): Uint8Array; close(): null };
  const x = open(f1, "rb") as unknown as F;
  try {
    const y = open(f2, "rb") as unknown as F;
    try {
      for (;;) {
        const b1 = plainView(x.read(BUFSIZE));
        const b2 = plainView(y.read(BUFSIZE));
        if (b1.length !== b2.length || b1.some((v, i) => v !== b2[i])) return false;
        if (b1.length === 0) return true;
      }
    } finally {
      y.close();
    }
  } finally {
    x.close();
  }
}

/** cmpfiles(a, b, common, shallow=True): (match, mismatch, errors) lists of the common names. */
export function cmpfiles(...args: unknown[]): PyTuple<PyList<unknown>> {
  const a = bindArgs("cmpfiles", args, ["a", "b", "common", "shallow"], { shallow: true });
  const out = [PyList.fromArray<unknown>([]), PyList.fromArray<unknown>([]), PyList.fromArray<unknown>([])];
  for (const name of a.common as Iterable<unknown>) {
    const p1 = osPath.join(fspath(a.a), fspath(name));
    const p2 = osPath.join(fspath(a.b), fspath(name));
    try {
      out[cmp(p1, p2, a.shallow) ? 0 : 1].push(name);
    } catch (e) {
      if (!(e instanceof OSError)) throw e;
      out[2].push(name);
    }
  }
  return PyTuple.fromArray(out);
}
