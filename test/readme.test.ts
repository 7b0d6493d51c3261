// The README shows real output: its translated example is what `tsyncio` prints for the Python
// shown (which is the example file), its hand-written block is examples/hand-written.ts, and its
// bundle-size table is within 10% of what `vite build` makes now (regenerate all three with
// `node scripts/update-readme.mjs`).
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
// A plain JavaScript module: the generator the test checks against.
import { CHUNKS, EXAMPLE, handWrittenBody, measureBundles } from "../scripts/update-readme.mjs";

const root = resolve(import.meta.dirname, "..");
const readme = readFileSync(join(root, "README.md"), "utf8");

function section(name: string): string {
  const start = `<!-- generated: ${name} -->\n`;
  const a = readme.indexOf(start);
  const b = readme.indexOf(`\n<!-- end: ${name} -->`);
  expect(a, `README.md has no ${name} section`).toBeGreaterThanOrEqual(0);
  return readme.slice(a + start.length, b);
}

const fenced = (lang: string, text: string) => "```" + lang + "\n" + text + "```";

describe("README.md is in step with the product", () => {
  it("the translated example is the real translation of the Python shown, which is the example file", () => {
    const source = readFileSync(join(root, EXAMPLE), "utf8");
    expect(section("translated-source")).toBe(fenced("python", source));
    const r = spawnSync(process.execPath, [join(root, "bin/tsyncio.js"), EXAMPLE], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(section("translated-example")).toBe(fenced("ts", r.stdout));
  });

  it("the hand-written example is examples/hand-written.ts", () => {
    expect(section("hand-written")).toBe(fenced("ts", handWrittenBody()));
  });

  it("the bundle sizes are within 10% of the page as built now, every chunk described", { timeout: 180_000 }, () => {
    const { sizes, unknown } = measureBundles();
    expect(unknown).toEqual([]);
    const table = section("bundle-sizes");
    for (const chunk of CHUNKS) {
      const row = table.split("\n").find((l) => l.startsWith(`| ${chunk.name} |`));
      expect(row, chunk.name).toBeDefined();
      const [size, gzip] = row!.split("|").slice(-3, -1).map((c) => Number(c.trim()));
      const [nowSize, nowGzip] = sizes.get(chunk.name)!;
      expect(Math.abs(size! - nowSize) / nowSize, `${chunk.name}: README ${size} kB, built ${nowSize.toFixed(1)} kB`).toBeLessThan(0.1);
      expect(Math.abs(gzip! - nowGzip) / nowGzip, `${chunk.name}: README ${gzip} kB gzip, built ${nowGzip.toFixed(1)} kB`).toBeLessThan(0.1);
    }
  });
});
