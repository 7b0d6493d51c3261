#!/usr/bin/env node
// Records fixture expectations.
//   node scripts/record-fixtures.mjs [--out] [--ts] [NAME...]
//   --out  expected.out / .err / .code from CPython (needs pyenv's interpreters; tests never do)
//   --ts   expected.ts from tsyncio itself (after reviewing the change in the translation)
// A fixture picks its CPython with a `python-version` file holding e.g. `3.10` (legacy forms); default 3.12.
// Only the last line of stderr is recorded in expected.err (what "faithful" compares), with the
// fixture's absolute folder replaced by {dir}; stdout that names the folder also gets an
// expected.out.regex ({dir} for the folder, everything else literal) unless one exists.
// unittest-* fixtures also keep the whole stderr in expected.stderr (test/fixtures.test.ts compares it under its timing and library-frame rule); so do
// fixtures that have one already, or are recorded with --whole-stderr.
// A fixture of several files (fixtures/modules-*: input.py imports its sibling .py files and
// packages) keeps each module's golden TypeScript next to it (helpers.py → helpers.ts); input.py's
// is expected.ts as everywhere.
import { readdirSync, readFileSync, writeFileSync, existsSync, unlinkSync, mkdtempSync, rmSync, mkdirSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { spawnSync } from "node:child_process";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const fixtures = join(root, "fixtures");
const args = process.argv.slice(2);
const doOut = args.includes("--out");
const doTs = args.includes("--ts");
const names = args.filter((a) => !a.startsWith("--"));
if (!doOut && !doTs) {
  console.error("usage: record-fixtures.mjs [--out] [--ts] [NAME...]");
  process.exit(2);
}
const pyenv = process.env.PYENV_ROOT ?? `${process.env.HOME}/.pyenv`;
const pythons = { "3.10": `${pyenv}/versions/3.10.13/bin/python`, "3.12": `${pyenv}/versions/3.12.1/bin/python` };

const all = readdirSync(fixtures, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
for (const name of names.length ? names : all) {
  const dir = join(fixtures, name);
  const input = join(dir, "input.py");
  const source = readFileSync(input, "utf8");
  if (doOut) {
    const version = existsSync(join(dir, "python-version")) ? readFileSync(join(dir, "python-version"), "utf8").trim() : "3.12";
    const py = pythons[version];
    if (!existsSync(py)) throw new Error(`CPython ${version} not found at ${py}`);
    const r = spawnSync(py, ["input.py"], { cwd: dir, encoding: "utf8", timeout: 120_000, env: { ...process.env, PYTHONHASHSEED: "0", PYTHONDONTWRITEBYTECODE: "1" } });
    writeFileSync(join(dir, "expected.out"), r.stdout);
    // Output naming the fixture's own folder differs on every machine: the test matches it through
    // expected.out.regex, where {dir} stands for the folder.
    if (r.stdout.includes(dir)) {
      const regexFile = join(dir, "expected.out.regex");
      if (existsSync(regexFile)) console.warn(`${name}: stdout names the fixture's folder; check expected.out.regex still matches`);
      else writeFileSync(regexFile, r.stdout.split(dir).map(escapeRegex).join("{dir}"));
    }
    const lastErr = r.stderr.split("\n").filter((l) => l.trim()).pop();
    setOrRemove(join(dir, "expected.err"), lastErr ? lastErr.replaceAll(dir, "{dir}") + "\n" : "");
    setOrRemove(join(dir, "expected.code"), r.status ? `${r.status}\n` : "");
    // unittest-* fixtures compare the whole stderr (the runner's report); CPython's library folder
    // is written as /usr/lib/python3.12, the location tsyncio's runtime names.
    if (name.startsWith("unittest-") || existsSync(join(dir, "expected.stderr")) || args.includes("--whole-stderr")) {
      const lib = dirname(dirname(py)) + `/lib/python${version}`;
      setOrRemove(join(dir, "expected.stderr"), r.stderr.replaceAll(dir, "{dir}").replaceAll(lib, `/usr/lib/python${version}`));
    }
    console.log(`${name}: recorded with CPython ${version} (exit ${r.status})`);
  }
  if (doTs && hasLocalModules(dir)) {
    // The script and the modules it imports, through --outdir.
    const out = mkdtempSync(join(tmpdir(), "tsyncio-record-"));
    const r = spawnSync(process.execPath, [join(root, "bin/tsyncio.js"), "--outdir", out, "input.py"], { cwd: dir, encoding: "utf8" });
    if (r.status !== 0) {
      console.error(`${name}: tsyncio failed:\n${r.stderr}`);
      rmSync(out, { recursive: true, force: true });
      continue;
    }
    for (const file of tsFiles(out)) {
      const target = file === "input.ts" ? join(dir, "expected.ts") : join(dir, file);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(out, file), target);
    }
    rmSync(out, { recursive: true, force: true });
    console.log(`${name}: expected.ts and the modules' .ts written`);
  } else if (doTs) {
    const r = spawnSync(process.execPath, [join(root, "bin/tsyncio.js"), "input.py"], { cwd: dir, encoding: "utf8" });
    if (r.status !== 0) {
      console.error(`${name}: tsyncio failed:\n${r.stderr}`);
      continue;
    }
    writeFileSync(join(dir, "expected.ts"), r.stdout);
    console.log(`${name}: expected.ts written`);
  }
}

function setOrRemove(path, text) {
  if (text) writeFileSync(path, text);
  else if (existsSync(path)) unlinkSync(path);
}

/** Whether the fixture has .py files besides input.py (a program of several modules). */
function hasLocalModules(dir) {
  return pyFiles(dir).some((f) => f !== "input.py");
}

function pyFiles(dir, sub = "") {
  return readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === "__pycache__" ? [] : pyFiles(dir, join(sub, e.name))) : e.name.endsWith(".py") ? [join(sub, e.name)] : [],
  );
}

function tsFiles(dir, sub = "") {
  return readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(dir, join(sub, e.name)) : e.name.endsWith(".ts") ? [join(sub, e.name)] : []));
}

function escapeRegex(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
