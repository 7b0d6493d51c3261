// The package as a user installs it: `npm pack` the repository (as built by `npm test`), install the
// tarball into a scratch project offline (a lockfile naming the registry tarballs that `npm ci`
// already cached; no registry is asked), then run the README's commands and the library example
// there, and check that the installed CLI runs from its bundle (the stamp, not file times).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
let scratch: string;
let installed: string;

function sh(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(command, args, {
    cwd: scratch,
    encoding: "utf8",
    timeout: 180_000,
    env: { ...process.env, npm_config_offline: "true", npm_config_audit: "false", npm_config_fund: "false", NO_COLOR: "1" },
    ...options,
  });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

function sizeOf(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

/** The scratch project's package.json and a lockfile: tsyncio from the tarball, its dependencies as the repository locks them. */
function writeScratchProject(tarball: string): void {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
  const spec = `file:${tarball}`;
  const packages: Record<string, unknown> = { "": { name: "scratch", dependencies: { tsyncio: spec } } };
  packages["node_modules/tsyncio"] = {
    version: pkg.version,
    resolved: spec,
    integrity: `sha512-${createHash("sha512")
      .update(readFileSync(join(scratch, tarball)))
      .digest("base64")}`,
    dependencies: pkg.dependencies,
    bin: pkg.bin,
    engines: pkg.engines,
  };
  for (const [path, entry] of Object.entries<{ dev?: boolean }>(lock.packages)) if (path && !entry.dev) packages[path] = entry;
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module", dependencies: { tsyncio: spec } }, null, 2));
  writeFileSync(join(scratch, "package-lock.json"), JSON.stringify({ name: "scratch", lockfileVersion: 3, requires: true, packages }, null, 2));
}

describe("the packed tarball installed into a scratch project", () => {
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), "tsyncio-package-"));
    const pack = sh("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", scratch, root], { cwd: root });
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = pack.stdout.trim().split("\n").pop()!;
    writeScratchProject(tarball);
    const install = sh("npm", ["ci", "--offline"]);
    expect(install.status, install.stdout + install.stderr).toBe(0);
    installed = join(scratch, "node_modules/tsyncio");
    // The README's commands name files under examples/, which the package ships.
    cpSync(join(installed, "examples"), join(scratch, "examples"), { recursive: true });
  }, 240_000);

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  // (the budget: prettier ~12 MB, tsyncio ~10.6 MB with its two CLI bundles and their code caches;
  // ts-morph or typescript in the install would add 40-80 MB)
  it("holds only what runs: no ts-morph, a production install under 27 MB", () => {
    expect(pkg.dependencies["ts-morph"]).toBeUndefined();
    expect(existsSync(join(scratch, "node_modules/ts-morph"))).toBe(false);
    const mb = sizeOf(join(scratch, "node_modules")) / 1e6;
    console.log(`installed size: ${mb.toFixed(1)} MB (tsyncio ${(sizeOf(installed) / 1e6).toFixed(1)} MB)`);
    expect(mb).toBeLessThan(27);
  });

  it("runs the README's main-job command", () => {
    const command = /npm ci && (npx tsyncio run \S+\.py)/.exec(readme)![1]!.split(" ");
    const r = sh(command[0]!, command.slice(1));
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const fixture = join(root, "fixtures/seed-02-await-chain/expected.out");
    expect(command.at(-1)).toBe("examples/02_await_chain.py");
    expect(r.stdout).toBe(readFileSync(fixture, "utf8"));
  });

  it("translates as the clone does (the README's translation command)", () => {
    const command = /TypeScript \(`(npx tsyncio \S+\.py)`\)/.exec(readme)![1]!.split(" ");
    const r = sh(command[0]!, command.slice(1));
    expect(r.status, r.stderr).toBe(0);
    const clone = spawnSync(process.execPath, [join(root, "bin/tsyncio.js"), command.at(-1)!], { cwd: root, encoding: "utf8" });
    expect(r.stdout).toBe(clone.stdout);
  });

  it("runs from the bundle and its code cache, although the install gave every file a new time", () => {
    const probe = `const m = await (await import(${JSON.stringify(join(installed, "bin/load-cli.js"))})).loadCli(); console.log(Object.prototype.toString.call(m));`;
    const r = sh(process.execPath, ["--input-type=module", "-e", probe]);
    expect(r.stdout.trim()).toBe("[object Object]"); // a CommonJS exports object: the bundle (compiled files give a Module)
    // Both halves (the runtime's and the compiler's) with their code caches.
    for (const half of ["tsyncio.bundle.cjs", "tsyncio-compiler.bundle.cjs"]) {
      const cache = readFileSync(join(installed, `dist/cli/${half}.cache`))
        .subarray(0, 64)
        .toString("latin1");
      const id = /^\/\/ tsyncio bundle (\w+)/.exec(readFileSync(join(installed, `dist/cli/${half}`), "utf8"))![1];
      expect(cache.startsWith(`${id} `), half).toBe(true);
    }
  });

  it("the library example: transpile() and the runtime imported with types from hand-written TypeScript", () => {
    const lib = [
      'import { transpile, compileToJs } from "tsyncio";',
      'const { code, diagnostics, syntaxError } = await transpile("import asyncio\\nasyncio.run(asyncio.sleep(0))\\n", { filename: "prog.py" });',
      'const { js } = compileToJs("print(1)\\n", { filename: "prog.py" });',
      'console.log(code.includes("asyncio.run"), diagnostics.length, syntaxError ?? null, typeof js);',
    ].join("\n");
    writeFileSync(join(scratch, "lib.mjs"), lib);
    const r = sh(process.execPath, ["lib.mjs"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("true 0 null string\n");

    cpSync(join(installed, "examples/hand-written.ts"), join(scratch, "hand-written.ts"));
    const tsc = join(root, "node_modules/typescript/bin/tsc");
    const options = [
      "--ignoreConfig",
      "--strict",
      "--module",
      "nodenext",
      "--moduleResolution",
      "nodenext",
      "--target",
      "es2022",
      "--skipLibCheck",
      "--types",
      "node",
      "--typeRoots",
      join(root, "node_modules/@types"),
      "--outDir",
      "out",
    ];
    const check = sh(process.execPath, [tsc, ...options, "hand-written.ts"]);
    expect(check.stdout + check.stderr).toBe("");
    const run = sh(process.execPath, ["out/hand-written.js"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("b done\na done\n['a', 'b']\n");
  });

  it("translations type-check with the README's tsconfig (and the bundler variant), and run as compiled", () => {
    const section = readme.slice(readme.indexOf("## Compiling the TypeScript"));
    const config = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!);
    const examples = ["02_await_chain", "crawler", "pipeline", "06_worker_model_typed"];
    for (const name of examples) {
      const r = sh(process.execPath, [join(installed, "bin/tsyncio.js"), `examples/${name}.py`, "-o", `ts/${name}.ts`]);
      expect(r.status, r.stderr).toBe(0);
    }
    const tsc = join(root, "node_modules/typescript/bin/tsc");
    const files = examples.map((n) => `ts/${n}.ts`);
    const variants = {
      "tsconfig.node.json": { ...config.compilerOptions, types: [], rootDir: "ts", outDir: "built" },
      "tsconfig.bundler.json": { ...config.compilerOptions, types: [], module: "ESNext", moduleResolution: "bundler", noEmit: true },
    };
    for (const [file, compilerOptions] of Object.entries(variants)) {
      writeFileSync(join(scratch, file), JSON.stringify({ compilerOptions, files }));
      const check = sh(process.execPath, [tsc, "-p", file]);
      expect(check.stdout + check.stderr, file).toBe("");
    }
    expect(config.compilerOptions.target).toBe("ES2020");
    // One below what the README says is too low: bigint literals.
    writeFileSync(
      join(scratch, "tsconfig.es2019.json"),
      JSON.stringify({ compilerOptions: { ...variants["tsconfig.bundler.json"], target: "ES2019" }, files }),
    );
    expect(sh(process.execPath, [tsc, "-p", "tsconfig.es2019.json"]).stdout).toContain("BigInt literals are not available");
    const run = sh(process.execPath, ["built/02_await_chain.js"]);
    expect(run.stdout).toBe(readFileSync(join(root, "fixtures/seed-02-await-chain/expected.out"), "utf8"));
  });
});
