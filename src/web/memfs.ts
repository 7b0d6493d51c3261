// An in-memory POSIX-like file system for the web page's runner: each run starts with an empty
// root holding only /tmp (tempfile's folder) and the current directory /home/user, and nothing
// outlives the run. Errors are thrown as `{ code }` with the POSIX error name, like Node's fs.

import type { HostFileSystem, HostStat } from "../runtime/host.js";

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;

interface Inode {
  ino: number;
  mode: number;
  data: Uint8Array;
  size: number;
  children: Map<string, Inode> | null;
  target: string | null;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  nlink: number;
}

interface OpenFile {
  node: Inode;
  readable: boolean;
  writable: boolean;
  append: boolean;
}

function fail(code: string): never {
  throw Object.assign(new Error(code), { code });
}

export function createMemoryFileSystem(options: { now?: () => number; cwd?: string } = {}): HostFileSystem {
  const now = () => BigInt(Math.round((options.now ?? Date.now)() * 1e6)) * 1000n;
  let nextIno = 1;
  const node = (mode: number): Inode => {
    const t = now();
    const dir = (mode & 0o170000) === S_IFDIR;
    return {
      ino: nextIno++,
      mode,
      data: new Uint8Array(0),
      size: 0,
      children: dir ? new Map() : null,
      target: null,
      atimeNs: t,
      mtimeNs: t,
      ctimeNs: t,
      nlink: dir ? 2 : 1,
    };
  };
  const root = node(S_IFDIR | 0o755);
  const parents = new WeakMap<Inode, Inode>([[root, root]]);
  const files = new Map<number, OpenFile>();
  let nextFd = 3;
  let cwd = "/";

  const absolute = (path: string) => (path.startsWith("/") ? path : `${cwd === "/" ? "" : cwd}/${path}`);

  /** Walks to a path's parent folder; returns it with the last component. */
  function lookupParent(path: string, depth = 0): { dir: Inode; name: string } {
    if (path === "") fail("ENOENT");
    const parts = absolute(path)
      .split("/")
      .filter((p) => p !== "");
    const name = parts.pop() ?? ".";
    let dir = root;
    for (const part of parts) dir = step(dir, part, true, depth);
    if (!dir.children) fail("ENOTDIR");
    return { dir, name };
  }
  function step(dir: Inode, part: string, follow: boolean, depth: number): Inode {
    if (!dir.children) fail("ENOTDIR");
    if (part === ".") return dir;
    if (part === "..") return parents.get(dir) ?? root;
    const child = dir.children.get(part);
    if (!child) fail("ENOENT");
    if (follow && child.target !== null) {
      if (depth > 40) fail("ELOOP");
      const base = child.target.startsWith("/") ? child.target : `${pathOf(dir)}/${child.target}`;
      return lookup(base, true, depth + 1);
    }
    return child;
  }
  function lookup(path: string, follow = true, depth = 0): Inode {
    const { dir, name } = lookupParent(path, depth);
    return step(dir, name, follow, depth);
  }
  function pathOf(dir: Inode): string {
    const names: string[] = [];
    for (let d = dir; d !== root;) {
      const p = parents.get(d)!;
      for (const [k, v] of p.children!) if (v === d) names.unshift(k);
      d = p;
    }
    return "/" + names.join("/");
  }
  const statOf = (n: Inode): HostStat => ({
    mode: n.mode,
    ino: n.ino,
    dev: 1,
    nlink: n.nlink,
    uid: 0,
    gid: 0,
    size: n.children ? 4096 : n.target !== null ? n.target.length : n.size,
    atimeNs: n.atimeNs,
    mtimeNs: n.mtimeNs,
    ctimeNs: n.ctimeNs,
  });
  const fileOf = (fd: number) => files.get(fd) ?? fail("EBADF");
  const touch = (n: Inode) => (n.mtimeNs = n.ctimeNs = now());

  function resize(n: Inode, size: number): void {
    if (size > n.data.length) {
      const grown = new Uint8Array(Math.max(size, n.data.length * 2, 64));
      grown.set(n.data.subarray(0, n.size));
      n.data = grown;
    } else if (size < n.size) {
      n.data.fill(0, size, n.size);
    }
    n.size = size;
  }

  const fs: HostFileSystem = {
    cwd: () => cwd,
    chdir(path) {
      const n = lookup(path);
      if (!n.children) fail("ENOTDIR");
      cwd = pathOf(n);
    },
    open(path, flags, mode) {
      const create = /[wax]/.test(flags);
      const { dir, name } = lookupParent(path);
      let n = dir.children!.get(name);
      if (n && n.target !== null) n = lookup(path);
      if (n && flags.includes("x")) fail("EEXIST");
      if (!n) {
        if (!create) fail("ENOENT");
        if (name === "." || name === "..") fail("EISDIR");
        n = node(S_IFREG | (mode & 0o777));
        dir.children!.set(name, n);
        parents.set(n, dir);
        touch(dir);
      }
      const writable = flags !== "r";
      if (n.children && writable) fail("EISDIR");
      if (flags.startsWith("w")) {
        resize(n, 0);
        touch(n);
      }
      const fd = nextFd++;
      files.set(fd, { node: n, readable: flags.startsWith("r") || flags.includes("+"), writable, append: flags.startsWith("a") });
      return fd;
    },
    close(fd) {
      fileOf(fd);
      files.delete(fd);
    },
    read(fd, buf, position) {
      const f = fileOf(fd);
      if (!f.readable) fail("EBADF");
      if (f.node.children) fail("EISDIR");
      const n = Math.max(0, Math.min(buf.length, f.node.size - position));
      buf.set(f.node.data.subarray(position, position + n));
      return n;
    },
    write(fd, data, position) {
      const f = fileOf(fd);
      if (!f.writable) fail("EBADF");
      const at = f.append ? f.node.size : position;
      if (at + data.length > f.node.size) resize(f.node, at + data.length);
      f.node.data.set(data, at);
      touch(f.node);
      return data.length;
    },
    fstat: (fd) => statOf(fileOf(fd).node),
    ftruncate(fd, length) {
      const f = fileOf(fd);
      if (!f.writable) fail("EINVAL");
      resize(f.node, length);
      touch(f.node);
    },
    stat: (path, follow) => statOf(lookup(path, follow)),
    readdir(path) {
      const n = lookup(path);
      if (!n.children) fail("ENOTDIR");
      return [...n.children.keys()];
    },
    mkdir(path, mode) {
      const { dir, name } = lookupParent(path);
      if (dir.children!.has(name) || name === "." || name === "..") fail("EEXIST");
      const n = node(S_IFDIR | (mode & 0o1777)); // Linux keeps the sticky bit (/tmp's 1777)
      dir.children!.set(name, n);
      parents.set(n, dir);
      dir.nlink++;
      touch(dir);
    },
    rmdir(path) {
      if (
        absolute(path)
          .split("/")
          .every((p) => p === "")
      )
        fail("EBUSY"); // the root itself
      const { dir, name } = lookupParent(path);
      if (name === ".") fail("EINVAL");
      const n = step(dir, name, false, 0);
      if (!n.children) fail("ENOTDIR");
      if (n === root) fail("EBUSY");
      if (n.children.size > 0) fail("ENOTEMPTY");
      dir.children!.delete(name);
      dir.nlink--;
      touch(dir);
    },
    unlink(path) {
      const { dir, name } = lookupParent(path);
      const n = step(dir, name, false, 0);
      if (n.children) fail("EISDIR");
      dir.children!.delete(name);
      touch(dir);
    },
    rename(from, to) {
      const a = lookupParent(from);
      const n = step(a.dir, a.name, false, 0);
      const b = lookupParent(to);
      const old = b.dir.children!.get(b.name);
      if (old === n) return;
      if (n.children) {
        for (let d: Inode = b.dir; ; d = parents.get(d)!) {
          if (d === n) fail("EINVAL");
          if (d === root) break;
        }
      }
      if (old) {
        if (old.children && !n.children) fail("EISDIR");
        if (!old.children && n.children) fail("ENOTDIR");
        if (old.children && old.children.size > 0) fail("ENOTEMPTY");
      }
      a.dir.children!.delete(a.name);
      b.dir.children!.set(b.name, n);
      parents.set(n, b.dir);
      touch(a.dir);
      touch(b.dir);
    },
    realpath(path) {
      const n = lookup(path);
      if (n.children) return pathOf(n);
      // A file: its folder's canonical path and its name there, after the symbolic links.
      let { dir, name } = lookupParent(path);
      for (let m = step(dir, name, false, 0); m.target !== null; m = step(dir, name, false, 0)) {
        ({ dir, name } = lookupParent(m.target.startsWith("/") ? m.target : `${pathOf(dir)}/${m.target}`));
      }
      const base = pathOf(dir);
      return `${base === "/" ? "" : base}/${name}`;
    },
    utime(path, atimeNs, mtimeNs) {
      const n = lookup(path);
      n.atimeNs = atimeNs ?? now();
      n.mtimeNs = mtimeNs ?? now();
    },
    chmod(path, mode) {
      const n = lookup(path);
      n.mode = (n.mode & 0o170000) | (mode & 0o7777);
    },
    symlink(target, path) {
      const { dir, name } = lookupParent(path);
      if (dir.children!.has(name)) fail("EEXIST");
      const n = node(S_IFLNK | 0o777);
      n.target = target;
      dir.children!.set(name, n);
      parents.set(n, dir);
    },
    readlink(path) {
      const n = lookup(path, false);
      if (n.target === null) fail("EINVAL");
      return n.target;
    },
    diskUsage: () => {
      let used = 0;
      const walk = (n: Inode) => {
        used += n.size;
        n.children?.forEach(walk);
      };
      walk(root);
      const total = 1 << 30;
      return { total, used, free: total - used };
    },
  };
  fs.mkdir("/tmp", 0o1777);
  fs.mkdir("/home", 0o755);
  fs.mkdir("/home/user", 0o755);
  cwd = options.cwd ?? "/home/user";
  return fs;
}
