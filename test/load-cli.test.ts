// bin/load-cli.js: the CLI bundle runs with a V8 code cache beside it. V8 itself checks only the
// source's length, so a cache made for other contents of the same length must not be used.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const loader = pathToFileURL(resolve(__dirname, "../bin/load-cli.js")).href;

/** Loads FILE through the loader in a fresh process (given NODE_FLAGS) and prints what it exports
 * as `answer`. The driver is a file beside FILE: the loader writes a cache only for a process
 * started without node options, as `tsyncio` is. */
function load(file: string, nodeFlags: string[] = []): string {
  const driver = `${file}.driver.mjs`;
  writeFileSync(driver, `import { loadBundle } from ${JSON.stringify(loader)}; console.log(loadBundle(${JSON.stringify(file)}).answer);\n`);
  return execFileSync(process.execPath, [...nodeFlags, driver], { encoding: "utf8" }).trim();
}

describe("the CLI bundle's code cache", () => {
  it("is written on the first run, used afterwards, and not used once the file changes", () => {
    const dir = mkdtempSync(join(tmpdir(), "tsyncio-load-"));
    const file = join(dir, "bundle.cjs");
    writeFileSync(file, 'exports.answer = "one";\n');
    expect(load(file)).toBe("one");
    expect(existsSync(`${file}.cache`)).toBe(true);
    const cache = readFileSync(`${file}.cache`);
    expect(load(file)).toBe("one");
    // Same length, other contents (and an mtime in the past, as a copy might have).
    writeFileSync(file, 'exports.answer = "two";\n');
    utimesSync(file, new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(load(file)).toBe("two");
    expect(readFileSync(`${file}.cache`).equals(cache)).toBe(false);
    expect(load(file)).toBe("two");
  });

  it("a damaged cache is refused by V8 and rewritten", () => {
    const dir = mkdtempSync(join(tmpdir(), "tsyncio-load-"));
    const file = join(dir, "bundle.cjs");
    writeFileSync(file, "exports.answer = [1, 2, 3].map((x) => x * 2).join();\n");
    expect(load(file)).toBe("2,4,6");
    const cache = readFileSync(`${file}.cache`);
    const damaged = Buffer.from(cache);
    for (let i = 64; i < damaged.length; i += 7) damaged[i] ^= 0xff;
    writeFileSync(`${file}.cache`, damaged);
    expect(load(file)).toBe("2,4,6");
    expect(readFileSync(`${file}.cache`).equals(damaged)).toBe(false);
  });

  it("a run under other V8 flags uses no cache of its own and leaves the build's in place", () => {
    const dir = mkdtempSync(join(tmpdir(), "tsyncio-load-"));
    const file = join(dir, "bundle.cjs");
    writeFileSync(file, "exports.answer = [1, 2, 3].map((x) => x + 1).join();\n");
    expect(load(file)).toBe("2,3,4");
    const cache = readFileSync(`${file}.cache`);
    // V8 refuses a cache made under other flags; the run still works and does not replace it.
    expect(load(file, ["--stack-size=500"])).toBe("2,3,4");
    expect(readFileSync(`${file}.cache`).equals(cache)).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("the code cache holds what later runs compile", () => {
  it("the bundle's beforeCodeCache hook runs before a cache is written, and a run that writes none does not call it", () => {
    const dir = mkdtempSync(join(tmpdir(), "tsyncio-load-"));
    try {
      const file = join(dir, "bundle.cjs");
      const marker = join(dir, "hook-ran");
      // What the hook compiles (the bundle's nest of lazily loaded modules, scripts/bundle-cli.mjs)
      // is in the cache: larger than the cache of the same file whose hook compiles nothing.
      const body = (hook: string) =>
        `exports.answer = "ok";\nconst later = () => [${Array.from({ length: 200 }, (_, i) => `(x) => x + ${i}`).join(", ")}];\n` +
        `globalThis[Symbol.for("tsyncio.beforeCodeCache")] = () => { require("node:fs").appendFileSync(${JSON.stringify(marker)}, "x"); ${hook} };\n`;
      writeFileSync(file, body("later();"));
      expect(load(file)).toBe("ok");
      expect(readFileSync(marker, "utf8")).toBe("x");
      const withHook = readFileSync(`${file}.cache`).length;
      expect(load(file)).toBe("ok"); // the cache is used: nothing written, no hook
      expect(readFileSync(marker, "utf8")).toBe("x");
      writeFileSync(file, body("/*.....*/"));
      rmSync(`${file}.cache`);
      expect(load(file)).toBe("ok");
      expect(withHook).toBeGreaterThan(readFileSync(`${file}.cache`).length + 2000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("bundle or compiled files: chosen by the stamp, not by file times", () => {
  /**
   * A scratch package: bin/load-cli.js, a fake bundle (its runtime half asks the compiler half for
   * its answer, as `tsyncio FILE.py` does) and fake compiled files; returns which ran.
   */
  function scratch(stampId: string | null, bundleId: string, bundleOlder: boolean, compilerId = bundleId): string {
    const dir = mkdtempSync(join(tmpdir(), "tsyncio-stamp-"));
    try {
      mkdirSync(join(dir, "bin"));
      mkdirSync(join(dir, "dist/cli"), { recursive: true });
      copyFileSync(resolve(__dirname, "../bin/load-cli.js"), join(dir, "bin/load-cli.js"));
      copyFileSync(resolve(__dirname, "../bin/package.json"), join(dir, "bin/package.json"));
      writeFileSync(join(dir, "package.json"), '{"type": "module"}');
      writeFileSync(join(dir, "dist/cli/bundle-stamp.js"), `export const BUNDLE_ID = ${stampId === null ? "null" : JSON.stringify(stampId)};\n`);
      writeFileSync(
        join(dir, "dist/cli/tsyncio.bundle.cjs"),
        `// tsyncio bundle ${bundleId}\n"use strict";\nexports.main = () => __tsyncio.load("compiler").main() + " " + __tsyncio.id;\n`,
      );
      writeFileSync(
        join(dir, "dist/cli/tsyncio-compiler.bundle.cjs"),
        `// tsyncio bundle ${compilerId}\n"use strict";\nexports.main = () => "bundle (" + (__tsyncio.load("cli") === __tsyncio.load("cli") ? "one runtime" : "two") + ")";\n`,
      );
      writeFileSync(join(dir, "dist/cli/entry.js"), 'export const main = () => "compiled";\n');
      const past = new Date(2001, 0, 1);
      const recent = new Date(2020, 0, 1);
      for (const f of ["tsyncio.bundle.cjs", "tsyncio-compiler.bundle.cjs"])
        utimesSync(join(dir, "dist/cli", f), bundleOlder ? past : recent, bundleOlder ? past : recent);
      utimesSync(join(dir, "dist/cli/entry.js"), bundleOlder ? recent : past, bundleOlder ? recent : past);
      const code = `import { loadCli } from "./bin/load-cli.js"; console.log((await loadCli()).main());`;
      return execFileSync(process.execPath, ["--input-type=module", "-e", code], { cwd: dir, encoding: "utf8" }).trim();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("the bundle runs when its id is the stamp's, even when it is older than the compiled files (an install)", () => {
    expect(scratch("abc123", "abc123", true)).toBe("bundle (one runtime) abc123");
  });
  it("the compiled files run after a plain tsc (stamp null), even when the bundle is newer", () => {
    expect(scratch(null, "abc123", false)).toBe("compiled");
  });
  it("the compiled files run when the bundle is another build's", () => {
    expect(scratch("abc123", "def456", false)).toBe("compiled");
  });
  it("the compiled files run when only one half of the bundle is this build's", () => {
    expect(scratch("abc123", "abc123", false, "def456")).toBe("compiled");
  });
});
