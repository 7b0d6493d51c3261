// The same Python program without its type annotations, for the typed-vs-untyped benchmark:
// parameter, return and assignment annotations are removed; a bare declaration (`x: int`) and any
// annotation in a class body (a dataclass field, with or without a default) become `x: object`,
// which the compiler treats as untyped, so the class keeps its fields.
//   node bench/lib/strip-annotations.mjs IN.py OUT.py
import { readFileSync, writeFileSync } from "node:fs";
import { parser } from "@lezer/python";

export function stripAnnotations(source) {
  const edits = [];
  parser.parse(source).iterate({
    enter(node) {
      if (node.name !== "TypeDef") return;
      const rest = source.slice(node.to).match(/^[ \t]*(.)?/)[1];
      const isReturn = source.slice(node.from).startsWith("->");
      const inSignature = node.node.parent?.name === "ParamList" || isReturn;
      const inClassBody = node.node.parent?.parent?.parent?.name === "ClassDefinition";
      const keepAsObject = !inSignature && (rest !== "=" || inClassBody);
      const from = isReturn ? node.from - source.slice(0, node.from).match(/[ \t]*$/)[0].length : node.from;
      edits.push([from, node.to, keepAsObject ? ": object" : ""]);
      return false;
    },
  });
  let out = source;
  for (const [from, to, text] of edits.reverse()) out = out.slice(0, from) + text + out.slice(to);
  return out;
}

if (process.argv[1]?.endsWith("strip-annotations.mjs")) {
  const [input, output] = process.argv.slice(2);
  writeFileSync(output, stripAnnotations(readFileSync(input, "utf8")));
}
