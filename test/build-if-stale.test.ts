// `npm test` builds only when dist/ was not built from the current sources (right after `npm ci`,
// which built, it does not build again): scripts/build-if-stale.mjs on a scratch project.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { STAMP, buildInputsHash } from "../scripts/lib/build-inputs.mjs";

const root = resolve(import.meta.dirname, "..");
const script = join(root, "scripts/build-if-stale.mjs");

describe("build-if-stale", () => {
  it("builds after a change of the sources, a missing record or a plain tsc; not otherwise", () => {
    const dir = mkdtempSync(join(tmpdir(), "tsyncio-stale-"));
    const verdict = () => spawnSync(process.execPath, [script, "--dry-run", "--root", dir], { encoding: "utf8" }).stdout.trim();
    try {
      mkdirSync(join(dir, "src/web"), { recursive: true });
      mkdirSync(join(dir, "dist/cli"), { recursive: true });
      writeFileSync(join(dir, "src/a.ts"), "export const a = 1;\n");
      writeFileSync(join(dir, "tsconfig.json"), "{}");
      writeFileSync(join(dir, "package.json"), "{}");
      expect(verdict()).toBe("build: needed (dist/ has no build record)");
      writeFileSync(join(dir, STAMP), buildInputsHash(dir) + "\n");
      writeFileSync(join(dir, "dist/cli/bundle-stamp.js"), 'export const BUNDLE_ID = "abc";\n');
      expect(verdict()).toMatch(/^build: dist\/ is up to date/);
      writeFileSync(join(dir, "src/web/page.ts"), "export {};\n"); // the page is vite's, not the build's
      expect(verdict()).toMatch(/^build: dist\/ is up to date/);
      writeFileSync(join(dir, "src/a.ts"), "export const a = 2;\n");
      expect(verdict()).toBe("build: needed (the sources changed since the last build)");
      writeFileSync(join(dir, "src/a.ts"), "export const a = 1;\n");
      writeFileSync(join(dir, "dist/cli/bundle-stamp.js"), "export const BUNDLE_ID = null;\n");
      expect(verdict()).toBe("build: needed (the CLI bundle is missing or stale)");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("this checkout's dist/ is up to date when the tests run (npm test built it, or found it built)", () => {
    expect(spawnSync(process.execPath, [script, "--dry-run"], { encoding: "utf8" }).stdout).toMatch(/^build: dist\/ is up to date/);
  });
});
