// The page's pure helpers, without a browser: links that hold a program (src/web/share.ts) and the
// examples shown without their collection note (src/web/provenance.ts).
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { decodeShare, encodeShare, validFileName } from "../src/web/share.js";
import { withoutProvenance } from "../src/web/provenance.js";

const root = resolve(import.meta.dirname, "..");

describe("share links", () => {
  it("carry every file of the program, the script first, compressed", async () => {
    const files = [
      { name: "19_say_after_tasks.py", source: "import helpers\nprint(helpers.X, 'ünïcode ✓')\n" },
      { name: "helpers.py", source: "X = 'x' * 5000\n" },
    ];
    const hash = await encodeShare(files);
    expect(hash).toMatch(/^#code=/);
    expect(hash.length).toBeLessThan(200); // 5,000 repeated characters compress
    expect(await decodeShare(hash)).toEqual({ files });
  });

  it("read the single-file links made before tabs, and the example links", async () => {
    const utf8 = Buffer.from("print('old link')\n").toString("base64url");
    expect(await decodeShare(`#src=${utf8}&name=prog.py`)).toEqual({ files: [{ name: "prog.py", source: "print('old link')\n" }] });
    expect(await decodeShare("#example=12_ensure_future")).toEqual({ example: "12_ensure_future" });
    expect(await decodeShare("")).toEqual({});
  });

  it("refuse names that are not plain .py files, and garbled data", async () => {
    for (const bad of ["../etc/passwd.py", "a/b.py", "x.js", ".py", "", "a b.py"]) expect(validFileName(bad), bad).toBe(false);
    for (const good of ["main.py", "19_say_after_tasks.py", "helpers2.py"]) expect(validFileName(good), good).toBe(true);
    const hash = await encodeShare([{ name: "main.py", source: "a" }, { name: "helpers.py", source: "b" }]);
    const renamed = hash.replace("name=main.py", "name=..%2Fx.py").replace("name=helpers.py", "name=evil%2Fy.py");
    expect((await decodeShare(renamed)).files?.map((f) => f.name)).toEqual(["main.py", "module1.py"]);
    expect(await decodeShare("#code=!!!not-base64")).toEqual({});
  });
});

describe("examples on the page", () => {
  const seeds = readdirSync(join(root, "examples")).filter((f) => /^\d\d_.*\.py$/.test(f));

  it("lose their collection note but keep every line (tracebacks keep their line numbers)", () => {
    expect(seeds.length).toBeGreaterThan(20);
    for (const name of seeds) {
      const source = readFileSync(join(root, "examples", name), "utf8");
      const shown = withoutProvenance(source);
      expect(shown, name).not.toMatch(/\d{3}_[0-9a-f]{8,}\.txt/);
      expect(shown.split("\n").length, name).toBe(source.split("\n").length);
      expect(shown.split("\n").slice(1), name).toEqual(source.split("\n").slice(1));
    }
    expect(withoutProvenance(readFileSync(join(root, "examples/19_say_after_tasks.py"), "utf8")).split("\n")[0]).toBe(
      '# "Tasks" (the example from the Python documentation; indentation restored).',
    );
    expect(withoutProvenance("print(1)\n")).toBe("print(1)\n");
  });
});
