// An esbuild plugin for the CLI bundle (scripts/bundle-cli.mjs): @lezer/python's parser as the CLI
// needs it, built faster at start-up. Only the bundle is changed; dist/ (the web worker, the
// playground's editor) imports the package as it is.
//
// - The parse tables. The generated module hands LRParser.deserialize four tables as strings in
//   lezer's own base-46 encoding, and every process decoded them (~30,000 numbers) in a JavaScript
//   loop that runs once, so in the interpreter: ~2 ms of every translating run. Here they become
//   typed arrays made from base64 by Node's own decoder (LRParser takes a typed array as it is).
//   The arrays are taken from the parser the package builds itself, so they are lezer's decoding.
// - The highlighting. The module attaches its syntax-highlighting styles to every node type
//   (`propSources: [pythonHighlighting]`, with @lezer/highlight's tag tables): the translator never
//   reads them, so they are left out (~0.5 ms).
// Each edit must match the module exactly once, or the build fails: a new @lezer/python release
// that changes its layout must be looked at, not silently bundled half-edited.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** The spec's properties that hold an encoded table, and where the built parser keeps it decoded. */
const TABLES = {
  states: (parser) => parser.states,
  stateData: (parser) => parser.data,
  goto: (parser) => parser.goto,
  // One array shared by the TokenGroups (the tokenizers given as numbers).
  tokenData: (parser) => {
    const groups = parser.tokenizers.filter((t) => typeof t.token === "function" && t.data instanceof Uint16Array);
    if (!groups.length || groups.some((g) => g.data !== groups[0].data)) throw new Error("lezer-tables: @lezer/python's token groups do not share one table");
    return groups[0].data;
  },
};

/** Makes a typed array from base64 (little-endian numbers, swapped on a big-endian machine). */
const DECODER = `const __lezerTable = (base64, Type) => {
  const bytes = Buffer.from(base64, "base64");
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) Type === Uint32Array ? bytes.swap32() : bytes.swap16();
  const table = new Type(bytes.length / Type.BYTES_PER_ELEMENT);
  new Uint8Array(table.buffer).set(bytes);
  return table;
};
`;

function replaceOnce(source, pattern, replacement, what) {
  const matches = source.match(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g"));
  if (matches?.length !== 1) throw new Error(`lezer-tables: expected one ${what} in @lezer/python, found ${matches?.length ?? 0}`);
  return source.replace(pattern, replacement);
}

function base64(table) {
  const bytes = Buffer.from(table.buffer, table.byteOffset, table.byteLength);
  const copy = Buffer.from(bytes); // a copy, so that swapping never touches the parser's own array
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) table.BYTES_PER_ELEMENT === 4 ? copy.swap32() : copy.swap16();
  return copy.toString("base64");
}

export const lezerTables = {
  name: "lezer-tables",
  setup(build) {
    build.onLoad({ filter: /[\\/]@lezer[\\/]python[\\/]dist[\\/]index\.js$/ }, async (args) => {
      let source = readFileSync(args.path, "utf8");
      const { parser } = await import(pathToFileURL(args.path).href);
      for (const [name, decoded] of Object.entries(TABLES)) {
        const table = decoded(parser);
        const type = table instanceof Uint32Array ? "Uint32Array" : "Uint16Array";
        source = replaceOnce(
          source,
          new RegExp(`^(  ${name}: )"[^"\\\\]*",$`, "m"),
          (_, key) => `${key}__lezerTable("${base64(table)}", ${type}),`,
          `${name} table`,
        );
      }
      source = replaceOnce(source, /^import \{ styleTags, tags \} from '@lezer\/highlight';\n/m, "", "import of @lezer/highlight");
      source = replaceOnce(source, /^const pythonHighlighting = styleTags\(\{\n(?:.*\n)*?\}\);\n/m, "", "pythonHighlighting");
      source = replaceOnce(source, /^  propSources: \[pythonHighlighting\],\n/m, "", "propSources");
      return { contents: DECODER + source, loader: "js" };
    });
  },
};
