// `obj.__dict__ = value`: a new dict becomes the instance's attributes (fixtures/instance-dict-assignment);
// a dict that would have to stay the instance's live storage (shared, or the instance itself) is
// refused with NotImplementedError naming the idiom, never copied silently.
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runPython } from "./helpers/run-python.js";

const dir = mkdtempSync(join(tmpdir(), "tsy-instance-dict-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lastLine = (text: string) => text.trimEnd().split("\n").pop();

describe("assigning __dict__", () => {
  it("refuses the AttrDict idiom (`self.__dict__ = self`)", async () => {
    const source = [
      "class AttrDict(dict):",
      "    def __init__(self, *a, **k):",
      "        super().__init__(*a, **k)",
      "        self.__dict__ = self",
      "print(AttrDict(x=1).x)",
    ].join("\n");
    const r = await runPython(dir, source);
    expect(r.stdout).toBe("");
    expect(lastLine(r.stderr)).toBe("NotImplementedError: `self.__dict__ = self` (the AttrDict idiom: attributes that are the dict's own items)");
  });

  it("refuses a dict that may be shared (the Borg idiom), also through setattr()", async () => {
    const borg = ["class Borg:", "    _shared = {}", "    def __init__(self):", "        self.__dict__ = self._shared", "Borg()", "print('made')"].join("\n");
    const r = await runPython(dir, borg);
    expect(r.stdout).toBe("");
    expect(lastLine(r.stderr)).toMatch(/^NotImplementedError: assigning `__dict__` a dict that may be used elsewhere \(the Borg idiom/);
    const viaSetattr = await runPython(dir, ["class P:", "    pass", "setattr(P(), '__dict__', {'a': 1})", "print('set')"].join("\n"));
    expect(lastLine(viaSetattr.stderr)).toMatch(/^NotImplementedError: assigning `__dict__`/);
  });
});
