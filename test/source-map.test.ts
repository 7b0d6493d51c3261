// transpile().map matches the code it returns (formatted or not), and `--source-map` writes a
// standard v3 map of OUT.ts back to the .py lines.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { sourceMapV3, transpile } from "../src/index.js";
import { decodeMappings } from "../src/cli/standalone-frames.js";

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

/** Each generated line's Python line (its first segment's; 0: none). */
function decode(mappings: string): number[] {
  return decodeMappings(mappings).map((segs) => (segs.length ? segs[0][2] + 1 : 0));
}

/**
 * Where the map sends the generated text `tsNeedle` (found once in `ts`; `skip` more characters in)
 * in the Python source, as [line, column]: the segment that starts exactly there.
 */
function mapped(ts: string, map: { mappings: string }, tsNeedle: string, skip = 0): [number, number] | undefined {
  const at = ts.indexOf(tsNeedle);
  expect(at, tsNeedle).toBeGreaterThanOrEqual(0);
  expect(ts.indexOf(tsNeedle, at + 1), `${tsNeedle} more than once`).toBe(-1);
  const before = ts.slice(0, at + skip).split("\n");
  const line = before.length - 1;
  const col = before[line].length;
  const seg = decodeMappings(map.mappings)[line]?.find((s) => s[0] === col);
  return seg && [seg[2] + 1, seg[3]];
}

/** Where `pyNeedle` (found once) starts in the Python source, as [line, column] (UTF-16 units). */
function position(source: string, pyNeedle: string): [number, number] {
  const at = source.indexOf(pyNeedle);
  expect(at, pyNeedle).toBeGreaterThanOrEqual(0);
  expect(source.indexOf(pyNeedle, at + 1), `${pyNeedle} more than once`).toBe(-1);
  const before = source.slice(0, at).split("\n");
  return [before.length, before[before.length - 1].length];
}

/** `tsyncio PROG -o out.ts --source-map` in a temporary folder: the TS and its map. */
function translateWithMap(source: string): { ts: string; map: { sources: string[]; mappings: string } } {
  const dir = mkdtempSync(join(tmpdir(), "tsyncio-map-"));
  try {
    writeFileSync(join(dir, "prog.py"), source);
    const r = spawnSync(process.execPath, [join(root, "bin/tsyncio.js"), "prog.py", "-o", "out.ts", "--source-map"], { cwd: dir, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    return { ts: readFileSync(join(dir, "out.ts"), "utf8"), map: JSON.parse(readFileSync(join(dir, "out.ts.map"), "utf8")) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

  // Columns: each expression that can raise starts a segment at its Python line and column.
  it("--source-map maps expressions of eval programs to their Python lines and columns", () => {
    const echo = readFileSync(join(root, "eval/external/722_tony_protocol_echo_server_client.py"), "utf8");
    const { ts, map } = translateWithMap(echo);
    expect(mapped(ts, map, "this.on_con_lost.set_result(true)")).toEqual(position(echo, "self.on_con_lost.set_result(True)"));
    expect(mapped(ts, map, 'callm(this.message, "encode")')).toEqual(position(echo, "self.message.encode()"));
    expect(mapped(ts, map, "loop.create_server(EchoServerProtocol")).toEqual(position(echo, "loop.create_server("));
    const sayAfter = readFileSync(join(root, "eval/external/002_say_after_sequential.py"), "utf8");
    const two = translateWithMap(sayAfter);
    expect(mapped(two.ts, two.map, "asyncio.sleep(delay)")).toEqual(position(sayAfter, "asyncio.sleep(delay)"));
    expect(mapped(two.ts, two.map, 'yield* say_after(2n, "world")')).toEqual(position(sayAfter, "await say_after(2, 'world')"));
    // (a line's first column: where its Python line's code starts)
    const line = two.ts.split("\n").findIndex((l) => l.includes("print(what)"));
    expect(decodeMappings(two.map.mappings)[line][0]).toEqual([0, 0, ...position(sayAfter, "print(what)")].map((v, i) => (i === 2 ? v - 1 : v)));
  });

  it("each part of an expression written over several lines maps to its own Python line and column", () => {
    const source = readFileSync(join(root, "fixtures/lang-traceback-multiline-expression/input.py"), "utf8");
    const { ts, map } = translateWithMap(source);
    expect(mapped(ts, map, "pick(\n")).toEqual(position(source, "pick(\n        data["));
    expect(mapped(ts, map, 'getitem(data.__getitem__("y"), 1n)')).toEqual(position(source, 'data["y"][1]'));
    expect(mapped(ts, map, 'len(data.__getitem__("y"))')).toEqual(position(source, "len(\n"));
    expect(mapped(ts, map, 'len(data.__getitem__("y"))', 4)).toEqual(position(source, 'data["y"]\n'));
    expect(mapped(ts, map, 'data.__getitem__("z")')).toEqual(position(source, 'data["z"]'));
  });

  it("columns after non-ASCII text count UTF-16 units, as a map's columns do (the AST's are UTF-8 bytes)", () => {
    const source = 'names = ["zoë", "日本"]\nprint("größe", len(names[1]), names[1].upper())\n';
    const { ts, map } = translateWithMap(source);
    expect(mapped(ts, map, "len(getitem(names")).toEqual(position(source, "len(names"));
    expect(mapped(ts, map, 'callm(getitem(names, 1n), "upper")')).toEqual(position(source, "names[1].upper()"));
  });
});
