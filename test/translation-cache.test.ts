// `tsyncio run`'s translation cache (src/cli/translation-cache.ts): kept in a per-user folder, used
// only while the script, its imported modules and module search's answers are unchanged, never
// written beside the program, ignored when damaged, off with --no-cache or TSYNCIO_NO_CACHE. The
// other tests run with TSYNCIO_NO_CACHE=1 (vitest.config.ts); these turn it on in a temporary folder.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { MAX_ENTRIES, RecordingHost, TranslationCache, cacheFolder, usableFolder } from "../src/cli/translation-cache.js";

const root = resolve(import.meta.dirname, "..");
const bin = join(root, "bin/tsyncio.js");
let dir: string;
let prog: string; // the program's folder
let cache: string; // the cache folder

function run(args: string[], env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, [bin, "run", ...args], {
    cwd: prog,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, TSYNCIO_NO_CACHE: undefined, TSYNCIO_CACHE_DIR: cache, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const entries = (folder = cache) => (existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith(".json")) : []);
const entryText = () => readFileSync(join(cache, entries()[0]), "utf8");
const write = (name: string, text: string) => writeFileSync(join(prog, name), text);
const isRoot = process.getuid?.() === 0;
const SOURCE = 'print("from the source")\n';

/** Makes an entry for main.py (SOURCE) whose JavaScript prints "from the cache"; returns its path. */
function editedEntry(folder = cache): string {
  write("main.py", SOURCE);
  expect(run(["main.py"], { TSYNCIO_CACHE_DIR: folder }).stdout).toBe("from the source\n");
  const file = join(folder, entries(folder)[0]);
  const entry = JSON.parse(readFileSync(file, "utf8"));
  entry.units[0].js = entry.units[0].js.replace("from the source", "from the cache");
  writeFileSync(file, JSON.stringify(entry));
  expect(run(["main.py"], { TSYNCIO_CACHE_DIR: folder }).stdout).toBe("from the cache\n");
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tsyncio-cache-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("the translation cache of tsyncio run", () => {
  it("is made by a bundled build (npm test builds one; after a plain tsc the CLI runs unbundled, without a cache)", () => {
    expect(readFileSync(join(root, "dist/cli/bundle-stamp.js"), "utf8")).toMatch(/BUNDLE_ID = "[0-9a-f]+"/);
  });

  let n = 0;
  const fresh = () => {
    n++;
    prog = join(dir, `prog${n}`);
    cache = join(dir, `cache${n}`);
    mkdirSync(prog);
  };

  it("is written on the first run and used on the next (the stored JavaScript is what runs)", () => {
    fresh();
    write("main.py", 'import asyncio\n\nasync def main():\n    print("from the source")\n\nasyncio.run(main())\n');
    expect(run(["main.py"])).toEqual({ code: 0, stdout: "from the source\n", stderr: "" });
    expect(entries()).toHaveLength(1);
    // Nothing beside the program.
    expect(readdirSync(prog)).toEqual(["main.py"]);
    // Proof that a second run takes the cached translation: change what the entry holds.
    const file = join(cache, entries()[0]);
    const entry = JSON.parse(readFileSync(file, "utf8"));
    entry.units[0].js = entry.units[0].js.replace("from the source", "from the cache");
    writeFileSync(file, JSON.stringify(entry));
    expect(run(["main.py"]).stdout).toBe("from the cache\n");
    // --no-cache and TSYNCIO_NO_CACHE translate again (and leave the entry alone).
    expect(run(["--no-cache", "main.py"]).stdout).toBe("from the source\n");
    expect(run(["main.py"], { TSYNCIO_NO_CACHE: "1" }).stdout).toBe("from the source\n");
    expect(run(["main.py"]).stdout).toBe("from the cache\n");
  });

  it("a changed script is translated again, and the entry replaced", () => {
    fresh();
    write("main.py", 'print("one")\n');
    expect(run(["main.py"]).stdout).toBe("one\n");
    write("main.py", 'print("two")\n');
    expect(run(["main.py"]).stdout).toBe("two\n");
    expect(entries()).toHaveLength(1);
    expect(entryText()).toContain("two");
  });

  it("a changed imported module, or a new file that module search would find first, is translated again", () => {
    fresh();
    write("main.py", "import helper\nhelper.hello()\n");
    write("helper.py", 'def hello():\n    print("module one")\n');
    expect(run(["main.py"]).stdout).toBe("module one\n");
    expect(run(["main.py"]).stdout).toBe("module one\n");
    write("helper.py", 'def hello():\n    print("module two")\n');
    expect(run(["main.py"]).stdout).toBe("module two\n");
    // A package of the same name comes first in CPython's search: a lookup that said "no" now says "yes".
    mkdirSync(join(prog, "helper"));
    write("helper/__init__.py", 'def hello():\n    print("the package")\n');
    expect(run(["main.py"]).stdout).toBe("the package\n");
    rmSync(join(prog, "helper"), { recursive: true });
    expect(run(["main.py"]).stdout).toBe("module two\n");
    // A missing module that appears: the program's own module shadows nothing until it exists.
    write("main.py", "try:\n    import extra\n    print(extra.X)\nexcept ImportError:\n    print('no extra')\n");
    expect(run(["main.py"]).stdout).toBe("no extra\n");
    expect(run(["main.py"]).stdout).toBe("no extra\n");
    write("extra.py", "X = 'extra found'\n");
    expect(run(["main.py"]).stdout).toBe("extra found\n");
  });

  it("options that change the translation have entries of their own", () => {
    fresh();
    // Python 3.10 has no `type` statement: the same source is a SyntaxError there.
    write("main.py", 'type Pair = tuple[int, int]\nprint("3.12 syntax")\n');
    expect(run(["main.py"]).stdout).toBe("3.12 syntax\n");
    expect(run(["main.py"]).stdout).toBe("3.12 syntax\n");
    const old = run(["--python", "3.10", "main.py"]);
    expect(old.code).toBe(1);
    expect(old.stderr).toContain("SyntaxError");
    write("main.py", 'print("both")\n');
    expect(run(["--python", "3.10", "main.py"]).stdout).toBe("both\n");
    expect(run(["main.py"]).stdout).toBe("both\n");
    expect(entries()).toHaveLength(2);
  });

  it("tracebacks from a cached translation name the same lines and draw the same markers", () => {
    fresh();
    write("helper.py", "def div(a, b):\n    return a / b\n");
    write("main.py", "import helper\n\ndef f(x):\n    return helper.div(x, 0) + 1\n\nprint(f(2))\n");
    const first = run(["main.py"]);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain("ZeroDivisionError: division by zero");
    expect(first.stderr).toMatch(/\^/);
    const second = run(["main.py"]);
    expect(second).toEqual(first);
  });

  it("a damaged or unreadable cache is ignored: the program runs, and a damaged entry is rewritten", () => {
    fresh();
    write("main.py", 'print("fine")\n');
    expect(run(["main.py"]).stdout).toBe("fine\n");
    const file = join(cache, entries()[0]);
    for (const damage of [
      "{not json",
      '{"format": 1, "key": "[]", "reads": [], "probes": [], "units": []}',
      JSON.stringify({ ...JSON.parse(readFileSync(file, "utf8")), units: [{ js: 1 }] }),
      "",
    ]) {
      writeFileSync(file, damage);
      expect(run(["main.py"])).toEqual({ code: 0, stdout: "fine\n", stderr: "" });
      expect(() => JSON.parse(readFileSync(file, "utf8"))).not.toThrow();
      expect(JSON.parse(readFileSync(file, "utf8")).units[0].js).toContain("fine");
    }
    // A cache "folder" that is a file: nothing can be kept, the program runs all the same.
    const notAFolder = join(dir, `file${n}`);
    writeFileSync(notAFolder, "");
    expect(run(["main.py"], { TSYNCIO_CACHE_DIR: notAFolder })).toEqual({ code: 0, stdout: "fine\n", stderr: "" });
    expect(run(["main.py"], { TSYNCIO_CACHE_DIR: join(notAFolder, "sub") })).toEqual({ code: 0, stdout: "fine\n", stderr: "" });
  });

  it("programs that do not translate, and stdin, are not cached", () => {
    fresh();
    write("bad.py", "def f(:\n    pass\n");
    expect(run(["bad.py"]).code).toBe(1);
    expect(run(["bad.py"]).code).toBe(1);
    const r = spawnSync(process.execPath, [bin, "run", "-"], {
      cwd: prog,
      input: 'print("stdin")\n',
      encoding: "utf8",
      env: { ...process.env, TSYNCIO_NO_CACHE: undefined, TSYNCIO_CACHE_DIR: cache },
    });
    expect(r.stdout).toBe("stdin\n");
    expect(entries()).toEqual([]);
  });

  it("the folder: TSYNCIO_CACHE_DIR, else $XDG_CACHE_HOME/tsyncio, else ~/.cache/tsyncio", () => {
    fresh();
    write("main.py", 'print("where")\n');
    const xdg = join(dir, `xdg${n}`);
    const home = join(dir, `home${n}`);
    mkdirSync(home);
    expect(run(["main.py"], { TSYNCIO_CACHE_DIR: undefined, XDG_CACHE_HOME: xdg, HOME: home }).stdout).toBe("where\n");
    expect(entries(join(xdg, "tsyncio"))).toHaveLength(1);
    expect(run(["main.py"], { TSYNCIO_CACHE_DIR: undefined, XDG_CACHE_HOME: undefined, HOME: home }).stdout).toBe("where\n");
    expect(entries(join(home, ".cache/tsyncio"))).toHaveLength(1);
    expect(cacheFolder({ TSYNCIO_CACHE_DIR: "/c", XDG_CACHE_HOME: "/x" })).toBe("/c");
    expect(cacheFolder({ XDG_CACHE_HOME: "relative", HOME: "/h" })).toBe(join("/h", ".cache", "tsyncio"));
    expect(cacheFolder({ TSYNCIO_NO_CACHE: "1", TSYNCIO_CACHE_DIR: "/c" })).toBe(null);
    expect(cacheFolder({ TSYNCIO_NO_CACHE: "0", TSYNCIO_CACHE_DIR: "/c" })).toBe("/c");
  });

  it("a folder others may write is not used: no entry read, none written", () => {
    fresh();
    const file = editedEntry();
    const before = readFileSync(file, "utf8");
    for (const mode of [0o720, 0o702, 0o777]) {
      chmodSync(cache, mode);
      expect(run(["main.py"])).toEqual({ code: 0, stdout: "from the source\n", stderr: "" });
      expect(readFileSync(file, "utf8")).toBe(before);
      expect(readdirSync(cache)).toEqual([entries()[0]]);
    }
    chmodSync(cache, 0o700);
    expect(run(["main.py"]).stdout).toBe("from the cache\n");
  });

  it("a symlinked folder is not used, and a missing one is made private (0700)", () => {
    fresh();
    const real = join(dir, `real${n}`);
    editedEntry(real);
    symlinkSync(real, cache);
    const before = readFileSync(join(real, entries(real)[0]), "utf8");
    expect(run(["main.py"])).toEqual({ code: 0, stdout: "from the source\n", stderr: "" });
    expect(readFileSync(join(real, entries(real)[0]), "utf8")).toBe(before);
    expect(entries(real)).toHaveLength(1);
    expect(usableFolder(cache)).toBe(false);
    expect(usableFolder(cache + "/")).toBe(false);
    expect(run(["main.py"], { TSYNCIO_CACHE_DIR: cache + "/" }).stdout).toBe("from the source\n");
    expect(usableFolder(real)).toBe(true);
    const nested = join(dir, `nested${n}`, "a", "b");
    expect(usableFolder(nested)).toBe(true);
    expect(lstatSync(nested).mode & 0o777).toBe(0o700);
  });

  it.skipIf(!isRoot)("an entry owned by someone else, or writable by others, is ignored and replaced", () => {
    fresh();
    const file = editedEntry();
    chownSync(file, 65534, 65534);
    expect(run(["main.py"])).toEqual({ code: 0, stdout: "from the source\n", stderr: "" });
    expect(statSync(file).uid).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("from the source");
    editedEntry();
    chmodSync(file, 0o666);
    expect(run(["main.py"]).stdout).toBe("from the source\n");
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("an entry that is a FIFO or a symlink does not hang or mislead the run: translated fresh", () => {
    fresh();
    const file = editedEntry();
    const edited = join(dir, `edited${n}.json`);
    writeFileSync(edited, readFileSync(file), { mode: 0o600 });
    rmSync(file);
    execFileSync("mkfifo", ["-m", "600", file]);
    expect(run(["main.py"])).toEqual({ code: 0, stdout: "from the source\n", stderr: "" });
    expect(lstatSync(file).isFile()).toBe(true);
    rmSync(file);
    symlinkSync(edited, file);
    expect(run(["main.py"]).stdout).toBe("from the source\n");
    expect(lstatSync(file).isFile()).toBe(true);
    expect(readFileSync(edited, "utf8")).toContain("from the cache");
  });

  it("a hit marks the entry as used; a store removes temporary files left by killed runs an hour ago", () => {
    fresh();
    const file = editedEntry();
    const old = new Date(2001, 0, 1);
    utimesSync(file, old, old);
    expect(run(["main.py"]).stdout).toBe("from the cache\n");
    expect(statSync(file).mtimeMs).toBeGreaterThan(Date.now() - 600_000);
    const stale = `${file}.0123456789abcdef.tmp`;
    const recent = `${file}.fedcba9876543210.tmp`;
    writeFileSync(stale, "", { mode: 0o600 });
    writeFileSync(recent, "", { mode: 0o600 });
    utimesSync(stale, old, old);
    write("main.py", 'print("changed")\n');
    expect(run(["main.py"]).stdout).toBe("changed\n");
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent)).toBe(true);
  });

  it(`keeps at most ${MAX_ENTRIES} entries, removing the least recently used`, () => {
    fresh();
    mkdirSync(cache, { mode: 0o700 });
    write("main.py", 'print("x")\n');
    const unit = { name: "__main__", file: "main.py", source: 'print("x")\n', js: "", lineMap: [], nameMap: [] };
    const store = (i: number) => {
      const c = new TranslationCache(cache, { build: "test", path: join(prog, `s${i}.py`), pythonVersion: undefined });
      c.store(new RecordingHost(prog, { path: "main.py", source: unit.source }), [unit]);
    };
    for (let i = 0; i < MAX_ENTRIES; i++) store(i);
    const old = new Date(2001, 0, 1);
    const first = entries()[0];
    utimesSync(join(cache, first), old, old);
    expect(entries()).toHaveLength(MAX_ENTRIES);
    store(MAX_ENTRIES);
    expect(entries()).toHaveLength(MAX_ENTRIES);
    expect(entries()).not.toContain(first);
  });
});
