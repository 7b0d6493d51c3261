// examples/: the Python programs the README and the web page's menu use, each kept byte-identical
// to a golden fixture (so fixtures.test.ts checks its translation and CPython's output), and
// examples/*.ts: hand-written TypeScript against the runtime type-checks under --strict and runs.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const examples = join(root, "examples");
const pythonExamples = readdirSync(examples).filter((f) => f.endsWith(".py")).sort();

/** `12_ensure_future.py` → fixtures/seed-12-ensure-future; `crawler.py` → fixtures/example-crawler. */
function fixtureOf(file: string): string {
  const stem = file.replace(/\.py$/, "").replaceAll("_", "-");
  return join(root, "fixtures", /^\d\d-/.test(stem) ? `seed-${stem}` : `example-${stem}`);
}

describe("examples/ Python programs", () => {
  it("holds the 23 seed examples and larger programs", () => {
    expect(pythonExamples.filter((f) => /^\d\d_/.test(f))).toHaveLength(23);
    expect(pythonExamples.filter((f) => !/^\d\d_/.test(f)).length).toBeGreaterThanOrEqual(3);
  });

  for (const file of pythonExamples) {
    it(`${file} is its fixture's input.py`, () => {
      const input = join(fixtureOf(file), "input.py");
      expect(existsSync(input), `${input} missing`).toBe(true);
      expect(readFileSync(join(examples, file), "utf8")).toBe(readFileSync(input, "utf8"));
      expect(existsSync(join(fixtureOf(file), "expected.out"))).toBe(true);
    });
  }

  it("the README's main-job command runs an example from the repository", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const command = /npx tsyncio run (\S+\.py)/.exec(readme);
    expect(command).not.toBeNull();
    const script = command![1]!;
    expect(existsSync(join(root, script)), script).toBe(true);
    const run = spawnSync(process.execPath, [join(root, "bin/tsyncio.js"), "run", "--virtual-time", script], { encoding: "utf8", cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(fixtureOf(script.split("/").pop()!), "expected.out"), "utf8"));
  });

  it("no user-facing document points outside the repository", () => {
    const docs = ["README.md", "examples/README.md", "docs/architecture.md", "docs/design.md"];
    for (const doc of docs) expect(readFileSync(join(root, doc), "utf8"), doc).not.toMatch(/\.\.\/shared\b|\/work\/shared/);
  });
});

describe("hand-written TypeScript on the runtime", () => {
  it("examples/hand-written.ts type-checks and prints what asyncio would", () => {
    const file = join(root, "examples/hand-written.ts");
    const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "--ignoreConfig", "--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--skipLibCheck", "--types", "node", file], { encoding: "utf8", cwd: root });
    expect(tsc.stdout + tsc.stderr).toBe("");
    const run = spawnSync(process.execPath, ["--import", "tsx", file], { encoding: "utf8", cwd: root });
    expect(run.stdout).toBe("b done\na done\n['a', 'b']\n");
  });
});
