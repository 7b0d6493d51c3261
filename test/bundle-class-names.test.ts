// scripts/bundle-cli.mjs: esbuild's keepNames gives every class a static block that sets its name
// again, which puts the constructor in V8's dictionary mode and makes constructing its subclasses
// several times slower (V8 keeps aborting the optimization of such code). The bundle's helper
// skips a name that is already right; hot classes must not be renamed by esbuild at all.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const bundle = resolve(__dirname, "../dist/cli/tsyncio.bundle.cjs");
const built = existsSync(bundle);

describe.skipIf(!built)("class names in the CLI bundle", () => {
  const source = built ? readFileSync(bundle, "utf8") : "";
  const helper = /var __name=\(\w+,\w+\)=>[^;]*;/.exec(source)?.[0] ?? "";

  it("the __name helper leaves a right name alone, so the constructor keeps fast properties", () => {
    expect(helper).not.toBe("");
    const probe = [
      "'use strict';",
      "var __defProp = Object.defineProperty;",
      helper,
      'var Named; Named = class extends Array { static { __name(this, "Named"); } static extra = 1; };',
      'var Renamed = class _Renamed extends Array { static { __name(this, "Renamed"); } };',
      "console.log(Named.name, %HasFastProperties(Named), Renamed.name);",
    ].join("\n");
    const out = execFileSync(process.execPath, ["--allow-natives-syntax", "-e", probe], { encoding: "utf8" }).trim();
    expect(out).toBe("Named true Renamed");
  });

  it("bytes is not renamed by esbuild (its body does not refer to itself)", () => {
    expect(source).toMatch(/PyBytes=class extends Uint8Array\{static\{__name\(this,"PyBytes"\)\}/);
  });
});
