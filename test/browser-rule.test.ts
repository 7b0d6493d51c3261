// The README's test command never passes silently without the browser: with Chromium missing the
// browser tests fail and print the command that installs it; TSYNCIO_SKIP_BROWSER=1 skips them.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { INSTALL_COMMAND } from "./e2e/chromium.js";

const root = resolve(import.meta.dirname, "..");

function runBrowserTests(env: Record<string, string>) {
  const base = { ...process.env };
  delete base.TSYNCIO_SKIP_BROWSER;
  delete base.CI;
  return spawnSync(process.execPath, [join(root, "node_modules/vitest/vitest.mjs"), "run", "test/e2e/web.test.ts"], {
    cwd: root,
    encoding: "utf8",
    env: { ...base, CHROMIUM: "/nonexistent/chromium", NO_COLOR: "1", ...env },
    timeout: 120_000,
  });
}

describe("browser tests without Chromium", () => {
  it("fail with the install command", () => {
    const r = runBrowserTests({});
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(INSTALL_COMMAND);
    expect(r.stdout + r.stderr).toContain("TSYNCIO_SKIP_BROWSER=1");
  });

  it("are skipped only when TSYNCIO_SKIP_BROWSER=1 asks", () => {
    const r = runBrowserTests({ TSYNCIO_SKIP_BROWSER: "1" });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/skipped/);
  });
});
