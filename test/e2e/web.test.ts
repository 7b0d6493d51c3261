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
import { withoutProvenance } from "../../src/web/provenance.js";
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
  setPython(text: string, name?: string): void;
  getTypeScript(): string;
  getJavaScript(): string;
  getShown(): string;
  getFiles(): { name: string; source: string }[];
  getCursor(): { file: string; line: number };
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
        // The page shows the example without its collection note (the same lines otherwise).
        const source = withoutProvenance(readFileSync(join(dir, "input.py"), "utf8"));
        expect(source.split("\n").length).toBe(readFileSync(join(dir, "input.py"), "utf8").split("\n").length);
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
    // The page notes when each state of stdout appears: the test's own polling can see "Hello"
    // late on a busy machine, so only the page's timestamps say the second line came a second later.
    await page.evaluate(() => {
      const seen: Record<string, number> = {};
      (window as unknown as { stdoutSeen: Record<string, number> }).stdoutSeen = seen;
      new MutationObserver(() => {
        const out = window.tsyncio.getStdout();
        if (!(out in seen)) seen[out] = performance.now();
      }).observe(document.getElementById("output")!, { childList: true, subtree: true, characterData: true });
    });
    // Ctrl+Enter in the editor runs the program.
    await page.click("#python-editor .cm-content");
    await page.keyboard.press("ControlOrMeta+Enter");
    await page.waitForFunction(() => window.tsyncio.getStdout() === "Hello\n", null, { timeout: 30_000 });
    await page.waitForFunction(() => window.tsyncio.getStdout() === "Hello\nafter 1s\n", null, { timeout: 30_000 });
    const seen = await page.evaluate(() => (window as unknown as { stdoutSeen: Record<string, number> }).stdoutSeen);
    expect(seen["Hello\nafter 1s\n"] - seen["Hello\n"]).toBeGreaterThan(700);
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
    // The first Stop asks for a KeyboardInterrupt that this loop never takes: after the grace
    // period the program is ended.
    await page.click("#stop");
    await page.waitForFunction(() => document.body.dataset.running === "false", null, { timeout: 30_000 });
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
    // The first Stop asks for a KeyboardInterrupt (this loop never wakes the event loop to take
    // it); the second ends the program at once, measured inside the page.
    await page.click("#stop");
    await page.waitForFunction(() => document.body.dataset.interrupted === "true", null, { timeout: 10_000 });
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
    // (The URL follows edits already; Share puts the current program there at once and says so.)
    await page.evaluate(() => (document.getElementById("toast")!.textContent = ""));
    await page.click("#share");
    await page.waitForFunction(() => /^Link/.test(document.getElementById("toast")!.textContent!), null, { timeout: 10_000 });
    expect(new URL(page.url()).hash).toMatch(/^#(code|src)=/);
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
    const source = withoutProvenance(readFileSync(join(root, "fixtures/seed-11-lazy-coroutine/input.py"), "utf8"));
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

  // ───────────── what a playground user expects (issue 20 item 7) ─────────────

  /** A page of its own; `fresh`: no program kept from an earlier visit. */
  async function openPage(hash = "", fresh = false): Promise<Page> {
    const p = await context.newPage();
    if (fresh) {
      await p.goto(`${server.url}docs.html`);
      await p.evaluate(() => localStorage.removeItem("tsyncio.program"));
    }
    await p.goto(server.url + hash);
    await p.waitForFunction(() => window.tsyncio?.getPython().length > 0, null, { timeout: 30_000 });
    return p;
  }

  /** Waits until the URL and local storage hold what the editors show (they follow edits after a pause). */
  async function waitSaved(p: Page): Promise<void> {
    await p.waitForFunction(
      () => {
        const kept = JSON.parse(localStorage.getItem("tsyncio.program") ?? "null") as { files: unknown } | null;
        return location.hash.length > 1 && JSON.stringify(kept?.files) === JSON.stringify(window.tsyncio.getFiles());
      },
      null,
      { timeout: 10_000 },
    );
  }

  async function typeAtEnd(p: Page, text: string): Promise<void> {
    await p.click("#python-editor .cm-content");
    await p.keyboard.press("ControlOrMeta+End");
    await p.keyboard.insertText(text);
  }

  it("the default example opens by its name, without the collection note, and keeps its name when edited", async () => {
    const p = await openPage("", true);
    try {
      const raw = readFileSync(join(root, "examples/19_say_after_tasks.py"), "utf8");
      expect(await p.evaluate(() => window.tsyncio.getPython())).toBe(withoutProvenance(raw));
      expect(await p.evaluate(() => window.tsyncio.getPython().split("\n")[0])).not.toMatch(/\d{3}_[0-9a-f]+\.txt/);
      // The menu names the example that is loaded (not "Examples…"), and so does the file tab.
      expect(await p.$eval("#examples", (s) => (s as HTMLSelectElement).selectedOptions[0]!.textContent)).toBe("19_say_after_tasks");
      expect(await p.textContent("#filename")).toBe("19_say_after_tasks.py");
      // Edited: the name stays everywhere, and the URL follows the edit.
      await typeAtEnd(p, "\nraise ValueError('my own code')\n");
      await waitSaved(p);
      expect(new URL(p.url()).hash).toMatch(/^#code=/);
      expect(await p.textContent("#filename")).toBe("19_say_after_tasks.py");
      expect(await p.$eval("#examples", (s) => (s as HTMLSelectElement).value)).toBe("19_say_after_tasks.py");
      const edited = await p.evaluate(() => window.tsyncio.getPython());
      const raiseLine = edited.split("\n").findIndex((l) => l.startsWith("raise ValueError")) + 1;
      expect(await run(p, { virtualTime: true })).toBe("1");
      expect(await p.evaluate(() => window.tsyncio.getStderr())).toContain(`File "${PROGRAM_DIR}/19_say_after_tasks.py", line ${raiseLine}, in <module>`);
      const [download] = await Promise.all([p.waitForEvent("download", { timeout: 30_000 }), p.click("#download")]);
      expect(download.suggestedFilename()).toBe("19_say_after_tasks.ts");
      // A reload, a shared link and the bare address all bring the edited program back.
      await p.reload();
      await p.waitForFunction((s) => window.tsyncio?.getPython() === s, edited, { timeout: 30_000 });
      expect(await p.textContent("#filename")).toBe("19_say_after_tasks.py");
      const other = await openPage(new URL(p.url()).hash);
      expect(await other.evaluate(() => window.tsyncio.getPython())).toBe(edited);
      await other.close();
      const bare = await openPage("");
      expect(await bare.evaluate(() => window.tsyncio.getPython())).toBe(edited);
      await bare.close();
    } finally {
      await p.close();
    }
  }, 120_000);

  it("JavaScript beside TypeScript; options (format, target, virtual time) persist", async () => {
    const p = await openPage("#example=12_ensure_future");
    try {
      const source = await p.evaluate(() => window.tsyncio.getPython());
      const formatted = (await transpile(source, { filename: "12_ensure_future.py" })).code;
      await p.waitForFunction((ts) => window.tsyncio.getShown() === ts, formatted, { timeout: 60_000 });
      await p.click("#show-js");
      await p.waitForFunction(() => window.tsyncio.getShown() === window.tsyncio.getJavaScript() && window.tsyncio.getShown().includes("$rt["), null, { timeout: 10_000 });
      expect(await p.getAttribute("#show-js", "aria-selected")).toBe("true");
      // Format off: the printer's own layout.
      await p.setChecked("#format", false);
      const plain = (await transpile(source, { filename: "12_ensure_future.py", format: false })).code;
      expect(plain).not.toBe(formatted);
      await p.waitForFunction((ts) => window.tsyncio.getTypeScript() === ts, plain, { timeout: 60_000 });
      await p.selectOption("#target", "3.10");
      await p.setChecked("#virtual-time", true);
      await p.reload();
      await p.waitForFunction(() => window.tsyncio?.getPython().length > 0, null, { timeout: 30_000 });
      expect(await p.isChecked("#format")).toBe(false);
      expect(await p.isChecked("#virtual-time")).toBe(true);
      expect(await p.$eval("#target", (s) => (s as HTMLSelectElement).value)).toBe("3.10");
      // The tab is marked once the first translation after the reload is shown.
      await p.waitForFunction(() => document.querySelector("#show-js")?.getAttribute("aria-selected") === "true", null, { timeout: 60_000 });
      // The target decides what the run reproduces: 3.12 warns about get_event_loop() without a loop, 3.10 does not.
      await setSource(p, "import asyncio\nloop = asyncio.get_event_loop()\nprint('ok')\n");
      expect(await run(p, { virtualTime: true })).toBe("0");
      expect(await p.evaluate(() => window.tsyncio.getStderr())).toBe("");
      await p.selectOption("#target", "3.12");
      expect(await run(p, { virtualTime: true })).toBe("0");
      expect(await p.evaluate(() => window.tsyncio.getStderr())).toContain("DeprecationWarning: There is no current event loop");
    } finally {
      await p.evaluate(() => localStorage.removeItem("tsyncio.options"));
      await p.close();
    }
  }, 120_000);

  it("a traceback line and a diagnostic open their Python line; a TypeScript line lights up its Python line", async () => {
    const source = "import asyncio\n\nasync def main():\n    x = 1\n    print(x / 0)\n\nasyncio.run(main())\n";
    await page.evaluate((s) => window.tsyncio.setPython(s, "main.py"), source);
    expect(await run(page, { virtualTime: true })).toBe("1");
    await page.click("#python-editor .cm-content");
    await page.keyboard.press("ControlOrMeta+Home");
    await page.click("#output a.location:has-text('line 5')");
    expect(await page.evaluate(() => window.tsyncio.getCursor())).toEqual({ file: "main.py", line: 5 });
    // The TypeScript line of `print(x / 0)` lights up line 5.
    const expected = await transpile(source, { filename: "main.py" });
    await page.waitForFunction((ts) => window.tsyncio.getTypeScript() === ts, expected.code, { timeout: 30_000 });
    await page.click("#show-ts");
    const tsLine = expected.code.split("\n").findIndex((l) => l.includes("print(")) + 1;
    expect(expected.map[tsLine - 1]).toBe(5);
    const lineEl = page.locator("#ts-editor .cm-line", { hasText: "print(" }).first();
    await lineEl.hover();
    await page.waitForFunction(() => document.querySelector("#python-editor .cm-linked-line")?.textContent === "    print(x / 0)", null, { timeout: 10_000 });
    // Away from the translation, nothing is lit; the JavaScript tab's lines link the same way.
    await page.hover("#output");
    await page.waitForFunction(() => document.querySelector("#python-editor .cm-linked-line") === null, null, { timeout: 10_000 });
    await page.click("#show-js");
    await page.waitForFunction(() => window.tsyncio.getShown().includes("$rt["), null, { timeout: 10_000 });
    await page.locator("#ts-editor .cm-line", { hasText: "print(" }).first().hover();
    await page.waitForFunction(() => document.querySelector("#python-editor .cm-linked-line")?.textContent === "    print(x / 0)", null, { timeout: 10_000 });
    await page.click("#show-ts");
    // A diagnostic: the problems line opens its line.
    await setSource(page, "import asyncio\n\n\nasync def main(:\n    pass\n");
    await page.waitForSelector("#problems:not([hidden])", { timeout: 30_000 });
    await page.click("#python-editor .cm-content");
    await page.keyboard.press("ControlOrMeta+Home");
    await page.click("#problems");
    expect((await page.evaluate(() => window.tsyncio.getCursor())).line).toBe(4);
  }, 90_000);

  it("links to the documentation and shows the version", async () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    expect(await page.textContent("#version")).toBe(`v${pkg.version}`);
    const href = await page.getAttribute("#docs", "href");
    const docs = await context.newPage();
    try {
      await docs.goto(new URL(href!, server.url).href);
      await docs.waitForFunction(() => document.querySelectorAll("#readme h2").length > 3, null, { timeout: 30_000 });
      expect(await docs.textContent("#readme")).toContain("Web page");
      expect(await docs.textContent("#version")).toBe(`v${pkg.version}`);
    } finally {
      await docs.close();
    }
  }, 60_000);

  it("input() reads the lines typed in the stdin box while the program waits", async () => {
    await setSource(
      page,
      "name = input('Your name: ')\nprint('Hello,', name)\nprint(input().upper())\ntry:\n    input()\nexcept EOFError:\n    print('end of input')\n",
    );
    await page.setChecked("#virtual-time", false);
    await page.evaluate(() => {
      delete document.body.dataset.runs;
      delete document.body.dataset.exitCode;
    });
    await page.click("#run");
    await page.waitForFunction(() => document.body.dataset.waitingForInput === "true", null, { timeout: 30_000 });
    expect(await page.evaluate(() => window.tsyncio.getStdout())).toBe("Your name: ");
    await page.fill("#stdin", "Ada Lovelace");
    await page.press("#stdin", "Enter");
    await page.waitForFunction(() => window.tsyncio.getStdout().includes("Hello, Ada Lovelace\n") && document.body.dataset.waitingForInput === "true", null, { timeout: 30_000 });
    await page.fill("#stdin", "ünïcode ✓");
    await page.press("#stdin", "Enter");
    await page.waitForFunction(() => window.tsyncio.getStdout().includes("ÜNÏCODE ✓\n") && document.body.dataset.waitingForInput === "true", null, { timeout: 30_000 });
    await page.click("#stdin-eof");
    await page.waitForFunction(() => document.body.dataset.runs !== undefined, null, { timeout: 30_000 });
    expect(await page.evaluate(() => document.body.dataset.exitCode)).toBe("0");
    expect(await page.evaluate(() => window.tsyncio.getStdout())).toBe("Your name: Hello, Ada Lovelace\nÜNÏCODE ✓\nend of input\n");
    // The typed lines show in the output, as a terminal echoes them.
    expect(await page.textContent("#output")).toContain("Ada Lovelace\n");

    // From a coroutine (input in a thread), and sys.stdin read to its end; lines typed ahead wait.
    await setSource(
      page,
      "import asyncio, sys\n\nasync def main():\n    name = await asyncio.to_thread(input, 'name? ')\n    print('hi', name)\n    for line in sys.stdin:\n        print('line:', line.rstrip())\n\nasyncio.run(main())\n",
    );
    await page.evaluate(() => delete document.body.dataset.runs);
    await page.click("#run");
    await page.waitForFunction(() => document.body.dataset.waitingForInput === "true", null, { timeout: 30_000 });
    for (const line of ["bob", "a", "b"]) {
      await page.fill("#stdin", line);
      await page.press("#stdin", "Enter");
    }
    await page.waitForFunction(() => window.tsyncio.getStdout().endsWith("line: b\n"), null, { timeout: 30_000 });
    await page.focus("#stdin");
    await page.keyboard.press("Control+D");
    await page.waitForFunction(() => document.body.dataset.runs !== undefined, null, { timeout: 30_000 });
    expect(await page.evaluate(() => document.body.dataset.exitCode)).toBe("0");
    expect(await page.evaluate(() => window.tsyncio.getStdout())).toBe("name? hi bob\nline: a\nline: b\n");
  }, 90_000);

  it("several files: the script imports a module from another tab", async () => {
    const p = await openPage("", true);
    try {
      await p.evaluate(() => window.tsyncio.setPython("import helpers\n\nprint(helpers.greet('tabs'))\nhelpers.fail()\n", "main.py"));
      p.once("dialog", (d) => void d.accept("helpers.py"));
      await p.click("#add-file");
      await p.waitForFunction(() => window.tsyncio.getFiles().length === 2 && window.tsyncio.getCursor().file === "helpers.py", null, { timeout: 10_000 });
      await setSource(p, "def greet(who):\n    return f'hello from {who}'\n\n\ndef fail():\n    raise RuntimeError('in helpers')\n");
      expect(await run(p, { virtualTime: true })).toBe("1");
      expect(await p.evaluate(() => window.tsyncio.getStdout())).toBe("hello from tabs\n");
      const stderr = await p.evaluate(() => window.tsyncio.getStderr());
      expect(stderr).toContain(`File "${PROGRAM_DIR}/main.py", line 4, in <module>`);
      expect(stderr).toContain(`File "${PROGRAM_DIR}/helpers.py", line 6, in fail`);
      // The traceback's helpers.py line opens that tab at the line.
      await p.click("#file-tabs .file-tab[data-name='main.py']");
      await p.click("#output a.location:has-text('helpers.py')");
      expect(await p.evaluate(() => window.tsyncio.getCursor())).toEqual({ file: "helpers.py", line: 6 });
      // Both files are in the URL.
      await waitSaved(p);
      const hash = new URL(p.url()).hash;
      expect(new URLSearchParams(hash.slice(1)).getAll("name")).toEqual(["main.py", "helpers.py"]);
      const other = await openPage(hash);
      expect(await other.evaluate(() => window.tsyncio.getFiles())).toEqual(await p.evaluate(() => window.tsyncio.getFiles()));
      await other.close();
      // A double-click renames a tab; × removes a module (after asking, as it has text).
      p.once("dialog", (d) => void d.accept("tools.py"));
      await p.dblclick("#file-tabs .file-tab[data-name='helpers.py']");
      await p.waitForFunction(() => window.tsyncio.getFiles().map((f) => f.name).join() === "main.py,tools.py", null, { timeout: 10_000 });
      p.once("dialog", (d) => void d.accept());
      await p.click("#file-tabs [data-close='tools.py']");
      await p.waitForFunction(() => window.tsyncio.getFiles().map((f) => f.name).join() === "main.py", null, { timeout: 10_000 });
      expect(await p.evaluate(() => window.tsyncio.getCursor().file)).toBe("main.py");
    } finally {
      await p.close();
    }
  }, 120_000);

  it("Stop delivers a KeyboardInterrupt: finally blocks run, as after Ctrl-C", async () => {
    for (const [label, source, virtual] of [
      ["asyncio", "import asyncio\n\nasync def main():\n    try:\n        print('waiting', flush=True)\n        await asyncio.sleep(3600)\n    finally:\n        print('cleanup ran')\n\nasyncio.run(main())\n", false],
      ["asyncio, virtual time", "import asyncio\n\nasync def main():\n    try:\n        print('waiting', flush=True)\n        while True:\n            await asyncio.sleep(1)\n    finally:\n        print('cleanup ran')\n\nasyncio.run(main())\n", true],
      ["time.sleep", "import time\ntry:\n    print('waiting', flush=True)\n    time.sleep(3600)\nfinally:\n    print('cleanup ran')\n", false],
      ["input()", "try:\n    print('waiting', flush=True)\n    input('> ')\nfinally:\n    print('cleanup ran')\n", false],
    ] as const) {
      await setSource(page, source);
      await page.setChecked("#virtual-time", virtual);
      await page.evaluate(() => {
        delete document.body.dataset.runs;
        delete document.body.dataset.exitCode;
      });
      await page.click("#run");
      await page.waitForFunction(() => window.tsyncio.getStdout().startsWith("waiting\n"), null, { timeout: 30_000 });
      await page.click("#stop");
      await page.waitForFunction(() => document.body.dataset.runs !== undefined, null, { timeout: 30_000 });
      expect(await page.evaluate(() => window.tsyncio.getStdout()), label).toMatch(/^waiting\n(> )?cleanup ran\n$/);
      expect((await page.evaluate(() => window.tsyncio.getStderr())).trim().split("\n").pop(), label).toBe("KeyboardInterrupt");
      expect(await page.evaluate(() => document.body.dataset.exitCode), label).toBe("130");
    }
    // A program that catches it goes on, and its sleeps sleep again.
    await setSource(page, "import time\ntry:\n    print('waiting', flush=True)\n    time.sleep(3600)\nexcept KeyboardInterrupt:\n    t = time.monotonic()\n    time.sleep(0.5)\n    print('slept', time.monotonic() - t >= 0.5)\n");
    await page.evaluate(() => delete document.body.dataset.runs);
    await page.click("#run");
    await page.waitForFunction(() => window.tsyncio.getStdout() === "waiting\n", null, { timeout: 30_000 });
    await page.click("#stop");
    await page.waitForFunction(() => document.body.dataset.runs !== undefined, null, { timeout: 30_000 });
    expect(await page.evaluate(() => window.tsyncio.getStdout())).toBe("waiting\nslept True\n");
    expect(await page.evaluate(() => document.body.dataset.exitCode)).toBe("0");

    // A program that never wakes up to take it: the second Stop ends it at once.
    await setSource(page, "while True: pass\n");
    await page.click("#run");
    await page.waitForFunction(() => document.body.dataset.running === "true" && /running/.test(document.getElementById("run-status")!.textContent!), null, { timeout: 30_000 });
    await page.click("#stop");
    await page.waitForFunction(() => document.body.dataset.interrupted === "true", null, { timeout: 10_000 });
    expect(await page.evaluate(() => document.body.dataset.running)).toBe("true");
    await page.click("#stop");
    await page.waitForFunction(() => document.body.dataset.running === "false", null, { timeout: 10_000 });
    expect(await page.evaluate(() => document.body.dataset.exitCode)).toBe("stopped");
  }, 120_000);
});
