// End-to-end tests of the converter page in a real browser: Debian's Chromium (/usr/bin/chromium,
// or $CHROMIUM) driven by playwright-core. Never a downloaded browser.
//
// The page is built with Vite into test-results/e2e-site and served by a tiny static server with
// the COOP/COEP headers. Screenshots (light, dark, phone) land in test-results/.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { transpile } from "../../src/index.js";
import { serveStatic, type StaticServer } from "./server.js";
import { browserTestsEnabled, chromiumPath } from "./chromium.js";

const root = resolve(import.meta.dirname, "../..");
const results = join(root, "test-results");
const site = join(results, "e2e-site");
const haveChromium = browserTestsEnabled(); // throws with the install command when Chromium is missing

/** Seeds checked for their translation and their run output (virtual time). */
const SEEDS = readdirSync(join(root, "fixtures"))
  .filter((d) => d.startsWith("seed-"))
  .sort();

const read = (dir: string, file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), "utf8") : null);
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const exampleName = (fixture: string) => `${fixture.replace(/^seed-/, "").replaceAll("-", "_")}.py`;
const PROGRAM_DIR = "/home/user";

interface PageApi {
  runInSandbox(js: string, waitMs?: number): Promise<{ output: string; exit: number | null }>;
  getPython(): string;
  getTypeScript(): string;
  getStdout(): string;
  getStderr(): string;
}
declare global {
  interface Window {
    tsyncio: PageApi;
  }
}

let server: StaticServer;
let context: BrowserContext;
let page: Page;
let profile: string;

async function setSource(p: Page, text: string): Promise<void> {
  await p.click("#python-editor .cm-content");
  await p.keyboard.press("ControlOrMeta+A");
  await p.keyboard.press("Delete");
  await p.keyboard.insertText(text);
  await p.waitForFunction((t) => window.tsyncio.getPython() === t, text, { timeout: 10_000 });
}

/** Click Run and wait for the program to end; returns the exit code as the page shows it. */
async function run(p: Page, options: { virtualTime: boolean; timeout?: number }): Promise<string> {
  await p.setChecked("#virtual-time", options.virtualTime);
  await p.evaluate(() => {
    delete document.body.dataset.runs;
    delete document.body.dataset.exitCode;
  });
  await p.click("#run");
  await p.waitForFunction(() => document.body.dataset.runs !== undefined, null, { timeout: options.timeout ?? 30_000 });
  return p.evaluate(() => document.body.dataset.exitCode ?? "");
}

describe.skipIf(!haveChromium)("web page (Chromium)", () => {
  beforeAll(async () => {
    mkdirSync(results, { recursive: true });
    const build = spawnSync(
      process.execPath,
      [join(root, "node_modules/vite/bin/vite.js"), "build", "--config", join(root, "vite.web.config.ts"), "--outDir", site, "--emptyOutDir", "--logLevel", "warn"],
      { cwd: root, encoding: "utf8", timeout: 170_000 },
    );
    if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
    server = await serveStatic(site);
    profile = mkdtempSync(join(tmpdir(), "tsyncio-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ],
      viewport: { width: 1280, height: 800 },
      timeout: 60_000,
    });
    context.setDefaultTimeout(30_000);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await page.waitForFunction(() => window.tsyncio.getTypeScript().length > 0, null, { timeout: 60_000 });
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("is cross-origin isolated and lists every seed example", async () => {
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const options = await page.$$eval("#examples option", (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(options).toEqual(SEEDS.map(exampleName));
  });

  it("is interactive before the compiler and prettier have loaded", async () => {
    const p = await context.newPage();
    let releaseCompiler!: () => void;
    let releasePrettier!: () => void;
    const compilerHeld = new Promise<void>((r) => (releaseCompiler = r));
    const prettierHeld = new Promise<void>((r) => (releasePrettier = r));
    await p.route(/compiler\.worker-[^/]*\.js$/, async (route) => {
      await compilerHeld;
      await route.continue();
    });
    await p.route(/\/(typescript|estree|standalone)-[^/]*\.js$/, async (route) => {
      await prettierHeld;
      await route.continue();
    });
    try {
      await p.goto(server.url);
      // The editor works and the menu works while the compiler is still on its way.
      await p.waitForFunction(() => window.tsyncio?.getPython().length > 0, null, { timeout: 30_000 });
      expect(await p.textContent("#translate-status")).toBe("loading the compiler…");
      await p.selectOption("#examples", "12_ensure_future.py");
      await setSource(p, "print('typed before the compiler came')\n");
      expect(await p.evaluate(() => window.tsyncio.getTypeScript())).toBe("");
      // The compiler, without prettier yet: the unformatted translation shows first.
      releaseCompiler();
      await p.waitForFunction(() => window.tsyncio.getTypeScript().includes("typed before the compiler came"), null, { timeout: 60_000 });
      expect(await p.textContent("#translate-status")).toBe("translated; formatting…");
      releasePrettier();
      const expected = await transpile("print('typed before the compiler came')\n", { filename: "main.py" });
      await p.waitForFunction(() => /^translated in \d+ ms$/.test(document.getElementById("translate-status")!.textContent!), null, { timeout: 60_000 });
      expect(await p.evaluate(() => window.tsyncio.getTypeScript())).toBe(expected.code);
    } finally {
      releaseCompiler();
      releasePrettier();
      await p.close();
    }
  }, 120_000);

  describe("seed examples from the menu: TypeScript and run output", () => {
    for (const fixture of SEEDS) {
      const dir = join(root, "fixtures", fixture);
      const name = exampleName(fixture);
      it(name, async () => {
        const source = readFileSync(join(dir, "input.py"), "utf8");
        await page.selectOption("#examples", name);
        await page.waitForFunction((s) => window.tsyncio.getPython() === s, source, { timeout: 10_000 });

        // The page's translation is the library's (fixtures.test.ts checks that against expected.ts).
        const expected = await transpile(source, { filename: name });
        expect(expected.syntaxError).toBeNull();
        await page
          .waitForFunction((ts) => window.tsyncio.getTypeScript() === ts, expected.code, { timeout: 30_000 })
          .catch(() => {});
        expect(await page.evaluate(() => window.tsyncio.getTypeScript())).toBe(expected.code);
        expect(await page.isVisible("#ts-pane.stale")).toBe(false);

        const code = await run(page, { virtualTime: true });
        const stdout = await page.evaluate(() => window.tsyncio.getStdout());
        const stderr = await page.evaluate(() => window.tsyncio.getStderr());
        const regex = read(dir, "expected.out.regex");
        if (regex !== null) {
          const pattern = regex.replace(/\n$/, "").replaceAll("{dir}/input\\.py", escapeRegex(`${PROGRAM_DIR}/${name}`));
          expect(stdout).toMatch(new RegExp(`^(?:${pattern})\\n?$`, "s"));
        } else {
          expect(stdout).toBe(read(dir, "expected.out") ?? "");
        }
        const lastErr = (stderr.split("\n").filter((l) => l.trim()).pop() ?? "").trim();
        const expectedErr = (read(dir, "expected.err") ?? "").trim().replaceAll("{dir}/input.py", `${PROGRAM_DIR}/${name}`);
        expect(lastErr).toBe(expectedErr);
        expect(code).toBe((read(dir, "expected.code") ?? "0").trim());
      }, 90_000);
    }
  });

  it("shows a syntax error in the Python editor at its line", async () => {
    await setSource(page, "import asyncio\n\nasync def main(:\n    await asyncio.sleep(1)\n");
    await page.waitForSelector("#python-editor .cm-lintRange-error, #python-editor .cm-lintPoint-error", { timeout: 30_000 });
    const line = await page.$eval("#python-editor .cm-lintRange-error, #python-editor .cm-lintPoint-error", (el) => {
      const lineEl = el.closest(".cm-line")!;
      return [...lineEl.parentElement!.querySelectorAll(":scope > .cm-line")].indexOf(lineEl) + 1;
    });
    expect(line).toBe(3);
    expect(await page.textContent("#problems")).toMatch(/^line 3: SyntaxError: /);
    // The gutter marks the same line.
    const markerTop = await page.$eval("#python-editor .cm-lint-marker-error", (el) => el.getBoundingClientRect().top);
    const lineTops = await page.$$eval("#python-editor .cm-content > .cm-line", (els) => els.map((el) => el.getBoundingClientRect().top));
    expect(Math.abs(markerTop - lineTops[2]!)).toBeLessThan(6);
    await page.hover("#python-editor .cm-lintRange-error, #python-editor .cm-lintPoint-error");
    await page.waitForSelector(".cm-tooltip-lint", { timeout: 10_000 }).catch(() => {});
    await page.screenshot({ path: join(results, "web-syntax-error.png") });
    // Running it prints CPython's report.
    expect(await run(page, { virtualTime: true })).toBe("1");
    expect(await page.evaluate(() => window.tsyncio.getStderr())).toMatch(/line 3\n[\s\S]*SyntaxError: /);
  }, 90_000);

  it("streams output as it comes (real time)", async () => {
    await setSource(page, "import asyncio\n\nasync def main():\n    print('Hello')\n    await asyncio.sleep(1)\n    print('after 1s')\n\nasyncio.run(main())\n");
    await page.setChecked("#virtual-time", false);
    // Ctrl+Enter in the editor runs the program.
    await page.click("#python-editor .cm-content");
    await page.keyboard.press("ControlOrMeta+Enter");
    await page.waitForFunction(() => window.tsyncio.getStdout() === "Hello\n", null, { timeout: 30_000 });
    const t0 = Date.now();
    await page.waitForFunction(() => window.tsyncio.getStdout() === "Hello\nafter 1s\n", null, { timeout: 30_000 });
    expect(Date.now() - t0).toBeGreaterThan(700);
    await page.waitForFunction(() => document.body.dataset.exitCode === "0", null, { timeout: 30_000 });
  }, 90_000);

  it("Stop ends `while True: pass` and the page stays responsive", async () => {
    await setSource(page, "while True: pass\n");
    await page.setChecked("#virtual-time", false);
    await page.click("#run");
    await page.waitForFunction(() => document.body.dataset.running === "true" && /running/.test(document.getElementById("run-status")!.textContent!), null, { timeout: 30_000 });
    await page.waitForTimeout(1500);
    // The page still answers while the program spins.
    const t0 = Date.now();
    await page.evaluate(() => 1 + 1);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(await page.evaluate(() => document.body.dataset.running)).toBe("true");
    await page.click("#stop");
    await page.waitForFunction(() => document.body.dataset.running === "false", null, { timeout: 10_000 });
    expect(await page.evaluate(() => document.body.dataset.exitCode)).toBe("stopped");
    expect(await page.textContent("#output")).toContain("[stopped after");
    // And the next run works.
    await setSource(page, "print('still alive')\n");
    expect(await run(page, { virtualTime: true })).toBe("0");
    expect(await page.evaluate(() => window.tsyncio.getStdout())).toBe("still alive\n");
  }, 90_000);

  it("a program that prints without end does not freeze the page", async () => {
    await setSource(page, "i = 0\nwhile True:\n    i += 1\n    print(i, 'spam spam spam')\n");
    await page.setChecked("#virtual-time", false);
    await page.click("#run");
    await page.waitForFunction(() => window.tsyncio.getStdout().length > 10_000, null, { timeout: 30_000 });
    await page.waitForTimeout(1500);
    const t0 = Date.now();
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(Date.now() - t0).toBeLessThan(5000);
    await page.click("#stop");
    await page.waitForFunction(() => document.body.dataset.running === "false", null, { timeout: 10_000 });
    // The pane keeps the end of the output, in order. A flood may drop output on the way (the page
    // says so in a marker line, and the line after it may be cut): check what follows the last marker.
    const all = (await page.evaluate(() => window.tsyncio.getStdout())).split("\n").slice(1, -1);
    const lastMarker = all.reduce((at, l, i) => (/^\d+ spam spam spam$/.test(l) ? at : i), -1);
    const lines = all.slice(lastMarker + 2);
    expect(lines.length).toBeGreaterThan(100);
    const numbers = lines.map((l) => Number(l.split(" ")[0]));
    for (let i = 1; i < numbers.length; i++) expect(numbers[i]).toBe(numbers[i - 1]! + 1);
  }, 90_000);

  it("print(end='', flush=True) in a loop: the page answers, Stop ends it at once", async () => {
    await setSource(page, "while True:\n    print('x', end='', flush=True)\n");
    await page.setChecked("#virtual-time", false);
    await page.click("#run");
    await page.waitForFunction(() => window.tsyncio.getStdout().length > 10_000, null, { timeout: 30_000 });
    await page.waitForTimeout(1000);
    // The page's own event loop still turns promptly (a flood of messages would starve it).
    const lag = await page.evaluate(async () => {
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, 0));
      return performance.now() - t0;
    });
    expect(lag).toBeLessThan(2000);
    // Stop, measured inside the page: from the click to the stopped state.
    const stopMs = await page.evaluate(async () => {
      const t0 = performance.now();
      document.getElementById("stop")!.click();
      while (document.body.dataset.running !== "false") await new Promise((r) => setTimeout(r, 5));
      return performance.now() - t0;
    });
    expect(stopMs).toBeLessThan(1000);
    const kept = await page.evaluate(() => window.tsyncio.getStdout().length);
    await page.waitForTimeout(300);
    // Nothing arrives after Stop.
    expect(await page.evaluate(() => window.tsyncio.getStdout().length)).toBe(kept);
  }, 90_000);

  it("the program's sandbox: no storage, network, messaging or page origin, even for raw JavaScript", async () => {
    // Hand-written JavaScript run exactly as a program is (the page's own sandbox): what a program
    // that found a way out of the runtime could reach.
    const probe = `${server.url}probe-${Date.now()}`;
    const js = [
      "const { print } = $rt['tsyncio/runtime'];",
      "const g = globalThis;",
      "for (const n of ['indexedDB', 'caches', 'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'cookieStore', 'Worker', 'postMessage', 'BroadcastChannel'])",
      "  print(n, typeof g[n]);",
      // The getters on the global object's prototypes (shadowing the global alone left these).
      "const viaProto = [];",
      "for (let o = Object.getPrototypeOf(g); o && o !== Object.prototype; o = Object.getPrototypeOf(o))",
      "  for (const n of ['fetch', 'indexedDB', 'caches', 'navigator', 'postMessage']) { const d = Object.getOwnPropertyDescriptor(o, n); if (d && (d.get || typeof d.value === 'function')) viaProto.push(n); }",
      "print('via prototypes', JSON.stringify(viaProto));",
      "print('navigator.storage', typeof (g.navigator && g.navigator.storage));",
      "print('document', typeof g.document);",
      `import(${JSON.stringify(probe + "-import.js")}).then(() => print('import reached the network'), () => print('import blocked'));`,
      `new Promise((r) => setTimeout(r, 300)).then(() => print('done waiting'));`,
    ].join("\n");
    const requestsBefore = server.requests.length;
    const { output, exit } = await page.evaluate(({ js }) => window.tsyncio.runInSandbox(js, 1500), { js });
    expect(exit, output).toBe(0);
    expect(output).toContain(
      ["indexedDB", "caches", "fetch", "XMLHttpRequest", "WebSocket", "EventSource", "importScripts", "cookieStore", "Worker", "postMessage", "BroadcastChannel"]
        .map((n) => `${n} undefined\n`)
        .join("") + "via prototypes []\nnavigator.storage undefined\ndocument undefined\n",
    );
    expect(output).toContain("import blocked");
    expect(server.requests.slice(requestsBefore).filter((r) => r.includes("probe-"))).toEqual([]);
    // The frame that holds a program is sandboxed to scripts only: an opaque origin, so the page
    // cannot see into it (nor it into the page).
    const frameSeen = await page.evaluate(() => {
      const frame = document.querySelector("iframe[data-role=runner-sandbox]") as HTMLIFrameElement | null;
      if (!frame) return "no spare frame";
      try {
        return `readable: ${typeof frame.contentWindow!.document}`;
      } catch (e) {
        return (e as Error).name;
      }
    });
    expect(["SecurityError", "no spare frame"]).toContain(frameSeen);
    expect(await page.evaluate(() => document.querySelectorAll("iframe[data-role=runner-sandbox]").length)).toBeLessThanOrEqual(1);
    expect(await page.evaluate(() => [...document.querySelectorAll("iframe[data-role=runner-sandbox]")].every((f) => (f as HTMLIFrameElement).sandbox.value === "allow-scripts"))).toBe(true);
  }, 60_000);

  it("a Python program cannot reach JavaScript through attributes", async () => {
    await setSource(
      page,
      [
        "def f(): pass",
        "class A: pass",
        "for obj, name in [(f, 'constructor'), (A(), 'toString'), (A(), '__proto__'), ([], 'push'), (print, 'call')]:",
        "    try:",
        "        getattr(obj, name)",
        "        print(name, 'reached')",
        "    except AttributeError:",
        "        print(name, 'AttributeError')",
        "print(hasattr(A(), 'toString'), hasattr(f, 'constructor'), hasattr([], 'length'))",
      ].join("\n") + "\n",
    );
    expect(await run(page, { virtualTime: true })).toBe("0");
    expect(await page.evaluate(() => window.tsyncio.getStdout())).toBe(
      "constructor AttributeError\ntoString AttributeError\n__proto__ AttributeError\npush AttributeError\ncall AttributeError\nFalse False False\n",
    );
  }, 60_000);

  it("a forged message from the program's side changes nothing on the page", async () => {
    // Messages outside the protocol (or from another frame) are ignored: exit code and output stay the program's.
    await setSource(page, "import time\nprint('real output')\ntime.sleep(0.5)\nraise SystemExit(3)\n");
    await page.evaluate(() => {
      setTimeout(() => window.postMessage({ type: "exit", code: 0, ms: 1, internalError: null }, "*"), 100);
      setTimeout(() => window.postMessage({ type: "sandbox-error", message: "forged" }, "*"), 150);
    });
    expect(await run(page, { virtualTime: false })).toBe("3");
    expect(await page.evaluate(() => window.tsyncio.getStdout())).toBe("real output\n");
    expect(await page.evaluate(() => window.tsyncio.getStderr())).not.toContain("forged");
  }, 60_000);

  it("a shared link reproduces the source", async () => {
    const source = "import asyncio\n\nasync def main():\n    print('héllo, wörld ✓')  # unicode survives\n\nasyncio.run(main())\n";
    await setSource(page, source);
    await page.click("#share");
    await page.waitForFunction(() => location.hash.startsWith("#code=") || location.hash.startsWith("#src="), null, { timeout: 10_000 });
    const url = page.url();
    const other = await context.newPage();
    try {
      await other.goto(url);
      await other.waitForFunction((s) => window.tsyncio?.getPython() === s, source, { timeout: 30_000 });
      await other.waitForFunction(() => window.tsyncio.getTypeScript().includes("héllo, wörld ✓"), null, { timeout: 60_000 });
      expect(await run(other, { virtualTime: true })).toBe("0");
      expect(await other.evaluate(() => window.tsyncio.getStdout())).toBe("héllo, wörld ✓\n");
    } finally {
      await other.close();
    }
  }, 90_000);

  it("copies and downloads the TypeScript", async () => {
    await page.selectOption("#examples", "11_lazy_coroutine.py");
    const source = readFileSync(join(root, "fixtures/seed-11-lazy-coroutine/input.py"), "utf8");
    const expected = (await transpile(source, { filename: "11_lazy_coroutine.py" })).code;
    await page.waitForFunction((ts) => window.tsyncio.getTypeScript() === ts, expected, { timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), page.click("#download")]);
    expect(download.suggestedFilename()).toBe("11_lazy_coroutine.ts");
    const path = await download.path();
    expect(readFileSync(path, "utf8")).toBe(expected);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url.replace(/\/$/, "") });
    await page.click("#copy");
    await page.waitForFunction(() => document.getElementById("toast")!.textContent === "TypeScript copied", null, { timeout: 10_000 });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  }, 90_000);

  it("screenshots: light, dark, phone", async () => {
    await page.selectOption("#examples", "19_say_after_tasks.py");
    await page.setChecked("#virtual-time", true);
    await run(page, { virtualTime: true });
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(200);
      const bg = await page.evaluate(() => getComputedStyle(document.querySelector("#python-editor .cm-editor")!).backgroundColor);
      // The editors follow the system theme (one-dark's background in dark mode).
      if (scheme === "dark") expect(bg).toBe("rgb(40, 44, 52)");
      else expect(bg).not.toBe("rgb(40, 44, 52)");
      await page.screenshot({ path: join(results, `web-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: "light" });
    const phone = await context.newPage();
    try {
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(`${server.url}#example=12_ensure_future`);
      await phone.waitForFunction(() => window.tsyncio.getTypeScript().length > 0, null, { timeout: 60_000 });
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await phone.screenshot({ path: join(results, "web-phone.png"), fullPage: true });
    } finally {
      await phone.close();
    }
  }, 90_000);
});
