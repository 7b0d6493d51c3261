// The web page's in-memory file system (src/web/memfs.ts), in Node (no browser needed): the
// POSIX-like calls and error codes the runtime relies on, then whole Python programs over it. The
// fixture lang-files-memfs-semantics was recorded from CPython on a real disk; the same program
// must print the same here, so the page and `tsyncio run` agree on open modes, errno/strerror
// and filenames of every failure, listdir/stat/remove/rename and pathlib.
import { afterEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createMemoryFileSystem } from "../src/web/memfs.js";
import { compileToJs } from "../src/index.js";
import { runProgram } from "../src/runtime/run.js";
import { setHost, createDefaultHost } from "../src/runtime/host.js";
import type { HostFileSystem } from "../src/runtime/host.js";

const root = resolve(import.meta.dirname, "..");

/** The POSIX error name a call fails with (memfs throws `{ code }` like Node's fs), or "ok". */
function code(f: () => unknown): string {
  try {
    f();
    return "ok";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

function readAll(fs: HostFileSystem, path: string): string {
  const fd = fs.open(path, "r", 0o666);
  const buf = new Uint8Array(1024);
  const n = fs.read(fd, buf, 0);
  fs.close(fd);
  return new TextDecoder().decode(buf.subarray(0, n));
}

function writeAt(fs: HostFileSystem, fd: number, text: string, position: number): number {
  return fs.write(fd, new TextEncoder().encode(text), position);
}

describe("memfs: the file system calls", () => {
  it("starts with /tmp and /home/user (the current folder), and nothing else", () => {
    const fs = createMemoryFileSystem();
    expect(fs.cwd()).toBe("/home/user");
    expect(fs.readdir("/").sort()).toEqual(["home", "tmp"]);
    expect(fs.readdir("/home/user")).toEqual([]);
    expect(fs.stat("/tmp", true).mode & 0o7777).toBe(0o1777);
    // Another file system is another world.
    const other = createMemoryFileSystem();
    fs.close(fs.open("/tmp/a", "w", 0o666));
    expect(other.readdir("/tmp")).toEqual([]);
  });

  it("open flags: r needs the file, w truncates, a appends, x refuses an existing file, + reads and writes", () => {
    const fs = createMemoryFileSystem();
    expect(code(() => fs.open("f", "r", 0o666))).toBe("ENOENT");
    let fd = fs.open("f", "w", 0o644);
    expect(writeAt(fs, fd, "hello world", 0)).toBe(11);
    expect(code(() => fs.read(fd, new Uint8Array(4), 0))).toBe("EBADF");
    fs.close(fd);
    expect(fs.stat("/home/user/f", true).mode & 0o777).toBe(0o644);
    expect(readAll(fs, "f")).toBe("hello world");

    fd = fs.open("f", "a", 0o666);
    writeAt(fs, fd, "!", 0); // append mode writes at the end whatever the position
    fs.close(fd);
    expect(readAll(fs, "f")).toBe("hello world!");

    fd = fs.open("f", "r", 0o666);
    expect(code(() => writeAt(fs, fd, "x", 0))).toBe("EBADF");
    fs.close(fd);
    expect(code(() => fs.close(fd))).toBe("EBADF");

    fd = fs.open("f", "r+", 0o666);
    writeAt(fs, fd, "J", 0);
    fs.ftruncate(fd, 5);
    expect(fs.fstat(fd).size).toBe(5);
    fs.close(fd);
    expect(readAll(fs, "f")).toBe("Jello");

    expect(code(() => fs.open("f", "x", 0o666))).toBe("EEXIST");
    fs.close(fs.open("g", "x", 0o666));
    fs.close(fs.open("f", "w", 0o666));
    expect(fs.stat("f", true).size).toBe(0);
    // a write past the end fills the gap with zero bytes
    fd = fs.open("f", "w", 0o666);
    writeAt(fs, fd, "z", 3);
    fs.close(fd);
    expect([...new TextEncoder().encode(readAll(fs, "f"))]).toEqual([0, 0, 0, 0x7a]);
  });

  it("errors: folders, missing parents, files used as folders", () => {
    const fs = createMemoryFileSystem();
    fs.mkdir("d", 0o755);
    fs.close(fs.open("d/file", "w", 0o666));
    expect(code(() => fs.open("d", "w", 0o666))).toBe("EISDIR");
    expect(code(() => fs.open("missing/x", "w", 0o666))).toBe("ENOENT");
    expect(code(() => fs.open("d/file/x", "r", 0o666))).toBe("ENOTDIR");
    expect(code(() => fs.mkdir("d", 0o755))).toBe("EEXIST");
    expect(code(() => fs.mkdir("a/b", 0o755))).toBe("ENOENT");
    expect(code(() => fs.rmdir("d"))).toBe("ENOTEMPTY");
    expect(code(() => fs.rmdir("d/file"))).toBe("ENOTDIR");
    expect(code(() => fs.rmdir("/"))).toBe("EBUSY");
    expect(code(() => fs.unlink("d"))).toBe("EISDIR");
    expect(code(() => fs.unlink("d/none"))).toBe("ENOENT");
    expect(code(() => fs.readdir("d/file"))).toBe("ENOTDIR");
    expect(code(() => fs.chdir("d/file"))).toBe("ENOTDIR");
  });

  it("listdir, stat, remove, rename", () => {
    const fs = createMemoryFileSystem();
    fs.mkdir("/tmp/a", 0o700);
    fs.mkdir("/tmp/a/sub", 0o755);
    const fd = fs.open("/tmp/a/one", "w", 0o600);
    writeAt(fs, fd, "12345", 0);
    fs.close(fd);
    expect(fs.readdir("/tmp/a").sort()).toEqual(["one", "sub"]);
    const st = fs.stat("/tmp/a/one", true);
    expect(st.size).toBe(5);
    expect(st.mode & 0o170000).toBe(0o100000);
    expect(fs.stat("/tmp/a", true).mode & 0o170000).toBe(0o040000);
    expect(fs.stat("/tmp/a", true).nlink).toBe(3); // ".", its entry, and sub's ".."

    fs.rename("/tmp/a/one", "/tmp/a/sub/two");
    expect(code(() => fs.stat("/tmp/a/one", true))).toBe("ENOENT");
    expect(fs.stat("/tmp/a/sub/two", true).size).toBe(5);
    expect(code(() => fs.rename("/tmp/a/one", "/tmp/x"))).toBe("ENOENT");
    expect(code(() => fs.rename("/tmp/a", "/tmp/a/sub/inner"))).toBe("EINVAL");
    fs.mkdir("/tmp/empty", 0o755);
    expect(code(() => fs.rename("/tmp/a/sub/two", "/tmp/empty"))).toBe("EISDIR");
    expect(code(() => fs.rename("/tmp/empty", "/tmp/a/sub/two"))).toBe("ENOTDIR");
    expect(code(() => fs.rename("/tmp/empty", "/tmp/a"))).toBe("ENOTEMPTY");
    fs.rename("/tmp/a", "/tmp/empty"); // a folder replaces an empty one
    expect(fs.readdir("/tmp").sort()).toEqual(["empty"]);
    fs.unlink("/tmp/empty/sub/two");
    fs.rmdir("/tmp/empty/sub");
    expect(fs.readdir("/tmp/empty")).toEqual([]);
  });

  it("relative paths, . and .., chdir, realpath and symbolic links", () => {
    const fs = createMemoryFileSystem({ cwd: "/tmp" });
    expect(fs.cwd()).toBe("/tmp");
    fs.mkdir("x", 0o755);
    fs.chdir("x");
    expect(fs.cwd()).toBe("/tmp/x");
    fs.close(fs.open("../f", "w", 0o666));
    expect(fs.readdir("/tmp").sort()).toEqual(["f", "x"]);
    expect(fs.realpath("./../x/.")).toBe("/tmp/x");
    fs.symlink!("/tmp/f", "/tmp/x/link");
    expect(fs.readlink!("/tmp/x/link")).toBe("/tmp/f");
    expect(fs.realpath("/tmp/x/link")).toBe("/tmp/f");
    expect(fs.stat("/tmp/x/link", false).mode & 0o170000).toBe(0o120000);
    expect(fs.stat("/tmp/x/link", true).mode & 0o170000).toBe(0o100000);
    expect(code(() => fs.readlink!("/tmp/f"))).toBe("EINVAL");
    fs.symlink!("loop", "/tmp/loop");
    expect(code(() => fs.stat("/tmp/loop", true))).toBe("ELOOP");
  });

  it("times: new files take the clock it was given; utime sets them, or now when given null", () => {
    let t = 1000;
    const fs = createMemoryFileSystem({ now: () => t });
    fs.close(fs.open("/tmp/f", "w", 0o666));
    expect(fs.stat("/tmp/f", true).mtimeNs).toBe(1000_000_000_000n);
    fs.utime("/tmp/f", 5n, 7n);
    expect(fs.stat("/tmp/f", true).atimeNs).toBe(5n);
    expect(fs.stat("/tmp/f", true).mtimeNs).toBe(7n);
    t = 2000;
    fs.utime("/tmp/f", null, null);
    expect(fs.stat("/tmp/f", true).mtimeNs).toBe(2000_000_000_000n);
  });
});

describe("memfs: Python programs over it", () => {
  afterEach(() => {
    setHost(createDefaultHost());
  });

  /** Runs a Python program with the memory file system as the host's; returns stdout and the exit code. */
  function runOverMemfs(source: string, fs = createMemoryFileSystem()): { out: string; err: string; code: number } {
    const compiled = compileToJs(source, { filename: "input.py" });
    expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    let out = "";
    let err = "";
    setHost({
      write: (fd, text) => {
        if (fd === 1) out += text;
        else err += text;
      },
      virtualTime: true,
      fs,
      env: { HOME: "/home/user", TMPDIR: "/tmp", PATH: "/usr/bin:/bin" },
    });
    const code = runProgram({ js: compiled.js, lineMap: compiled.lineMap, nameMap: compiled.nameMap, path: "/home/user/input.py", source });
    return { out, err, code };
  }

  it("prints what CPython printed on a real disk (fixture lang-files-memfs-semantics)", () => {
    const dir = join(root, "fixtures", "lang-files-memfs-semantics");
    const { out, err, code } = runOverMemfs(readFileSync(join(dir, "input.py"), "utf8"));
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toBe(readFileSync(join(dir, "expected.out"), "utf8"));
  });

  it("files written by one run stay in its file system, never on the disk", () => {
    const fs = createMemoryFileSystem();
    const first = runOverMemfs(
      "import pathlib, os\npathlib.Path('notes.txt').write_text('kept')\nprint(os.getcwd(), os.listdir('.'), os.path.abspath('notes.txt'))\n",
      fs,
    );
    expect(first.out).toBe("/home/user ['notes.txt'] /home/user/notes.txt\n");
    expect(readAll(fs, "/home/user/notes.txt")).toBe("kept");
    // a fresh file system (the next run on the page) starts empty
    const second = runOverMemfs("import os\nprint(os.listdir('.'), sorted(os.listdir('/')))\n");
    expect(second.out).toBe("[] ['home', 'tmp']\n");
  });

  it("an uncaught OSError is reported with CPython's message and exit code 1", () => {
    const { out, err, code } = runOverMemfs("print('before')\nopen('/nope/x.txt')\n");
    expect(out).toBe("before\n");
    expect(code).toBe(1);
    expect(err.trim().split("\n").pop()).toBe("FileNotFoundError: [Errno 2] No such file or directory: '/nope/x.txt'");
  });
});
