// transpile().map matches the code it returns (formatted or not), and `--source-map` writes a
// standard v3 map of OUT.ts back to the .py lines.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { sourceMapV3, transpile } from "../src/index.js";

const root = resolve(import.meta.dirname, "..");
const PROGRAMS = ["seed-05-worker-model", "lang-typing-lying-annotations", "lang-dataclass-repr-eq", "asyncio-taskgroup-basic"];

/** Lines whose Python origin is plain to see: a `print(` call on both sides. */
function checkPrintLines(code: string, map: number[], source: string): number {
  const py = source.split("\n");
  const lines = code.split("\n");
  expect(map.length).toBeGreaterThanOrEqual(lines.length - 1);
  let checked = 0;
  lines.forEach((line, i) => {
    if (!/^\s*print\(/.test(line)) return;
    expect(py[map[i] - 1] ?? "", `TS line ${i + 1}: ${line}`).toContain("print(");
    checked++;
  });
  return checked;
}

function decode(mappings: string): number[] {
  const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let sourceLine = 0;
  return mappings.split(";").map((seg) => {
    if (!seg) return 0;
    const values: number[] = [];
    let shift = 0;
    let v = 0;
    for (const ch of seg.split(",")[0]) {
      const d = B64.indexOf(ch);
      v += (d & 31) << shift;
      if (d & 32) shift += 5;
      else {
        values.push(v & 1 ? -(v >>> 1) : v >>> 1);
        v = 0;
        shift = 0;
      }
    }
    sourceLine += values[2];
    return sourceLine + 1;
  });
}

describe("line maps and source maps", () => {
  for (const name of PROGRAMS) {
    it(`${name}: the map of the formatted and of the unformatted code names the right Python lines`, async () => {
      let source: string;
      try {
        source = readFileSync(join(root, "fixtures", name, "input.py"), "utf8");
      } catch {
        return;
      }
      for (const format of [true, false]) {
        const r = await transpile(source, { filename: "input.py", format });
        expect(checkPrintLines(r.code, r.map, source)).toBeGreaterThan(0);
      }
    });
  }

  it("sourceMapV3 encodes each line's Python line", () => {
    const map = JSON.parse(sourceMapV3("out.ts", "prog.py", [0, 3, 3, 10, 2, 0, 7]));
    expect(map).toMatchObject({ version: 3, file: "out.ts", sources: ["prog.py"] });
    expect(decode(map.mappings)).toEqual([0, 3, 3, 10, 2, 0, 7]);
  });

  it("--source-map writes OUT.ts.map next to OUT.ts, and OUT.ts points at it", () => {
    const dir = mkdtempSync(join(tmpdir(), "tsyncio-map-"));
    try {
      copyFileSync(join(root, "fixtures/seed-05-worker-model/input.py"), join(dir, "prog.py"));
      const r = spawnSync(process.execPath, [join(root, "bin/tsyncio.js"), "prog.py", "-o", "out.ts", "--source-map"], { cwd: dir, encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      const ts = readFileSync(join(dir, "out.ts"), "utf8");
      expect(ts.trimEnd().split("\n").pop()).toBe("//# sourceMappingURL=out.ts.map");
      const map = JSON.parse(readFileSync(join(dir, "out.ts.map"), "utf8"));
      expect(map.sources).toEqual(["prog.py"]);
      const lines = decode(map.mappings);
      const source = readFileSync(join(dir, "prog.py"), "utf8");
      expect(checkPrintLines(ts, lines, source)).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
