// re: what CPython accepts but tsyncio's RegExp translation cannot do faithfully must raise re.error
// naming the construct (never match differently); everything else is covered by fixtures/lang-re-*.
import { expect, test } from "vitest";
import * as re from "../../src/runtime/modules/re.js";

const compileError = (pattern: string): string => {
  try {
    re.compile(pattern);
  } catch (e) {
    expect(e).toBeInstanceOf(re.error);
    return (e as Error).message;
  }
  return "compiled";
};

test("unsupported syntax raises re.error with a clear message", () => {
  expect(compileError("a++")).toContain("possessive quantifiers");
  expect(compileError("a*+")).toContain("possessive quantifiers");
  expect(compileError("(a)(?(1)b|c)")).toContain("conditional groups");
  expect(compileError("(?>ab)")).toContain("atomic groups");
  expect(compileError("\\N{BULLET}")).toContain("named characters");
  expect(compileError("(?i:[à-ÿ])")).toContain("non-ASCII character ranges");
});

test("Python pattern errors are re.error", () => {
  for (const bad of ["(a", "a)", "*a", "a**", "\\q", "[a", "(?P<n>a)(?P<n>b)", "(?P=x)", "a(?i)b", "[z-a]", "\\1(a)", "[\\d-z]", "(?<=a|bc)x"]) {
    expect(compileError(bad)).not.toBe("compiled");
  }
});

test("non-BMP text: spans are code points", () => {
  const m = re.search("b+", "😀a😀bb");
  expect([...m.span()]).toEqual([3n, 5n]);
  expect([...re.findall(".", "a😀")]).toEqual(["a", "😀"]);
});
