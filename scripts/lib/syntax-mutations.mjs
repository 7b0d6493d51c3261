// Broken programs for measuring syntax-error messages against CPython's (scripts/syntax-agreement.mjs,
// test/syntax-agreement.test.ts): each example of examples/ with one typical mistake made at a few
// places: a bracket or quote left out, a colon forgotten, a stray indent, a keyword misspelt...
// Deterministic: the same examples give the same corpus, so CPython's verdicts can be recorded.

/** Each mutation: the sites it can apply to in `src` (offsets), and what it does at one. */
const MUTATIONS = {
  // a closing bracket left out
  "drop-close": { sites: (s) => offsets(s, /[)\]}]/g), apply: (s, at) => s.slice(0, at) + s.slice(at + 1) },
  // an opening bracket left out
  "drop-open": { sites: (s) => offsets(s, /[([{]/g), apply: (s, at) => s.slice(0, at) + s.slice(at + 1) },
  // a stray closing bracket
  "extra-close": { sites: (s) => offsets(s, /\)/g), apply: (s, at) => s.slice(0, at) + ")" + s.slice(at) },
  // the colon of a compound statement forgotten
  "drop-colon": { sites: (s) => offsets(s, /:(?=[ \t]*(#.*)?\n)/g), apply: (s, at) => s.slice(0, at) + s.slice(at + 1) },
  // a string's closing quote left out
  "drop-quote": { sites: (s) => offsets(s, /(?<=[\w ])['"](?=[),\n:])/g), apply: (s, at) => s.slice(0, at) + s.slice(at + 1) },
  // a line indented one level too deep
  "extra-indent": { sites: (s) => offsets(s, /^(?=[ \t]*\S)(?![ \t]*(#|$))/gm).filter((at) => at > 0), apply: (s, at) => s.slice(0, at) + "    " + s.slice(at) },
  // a block's line dedented by two spaces
  "half-dedent": { sites: (s) => offsets(s, /^(?=    \S)/gm), apply: (s, at) => s.slice(0, at) + s.slice(at + 2) },
  // a comma between arguments or items left out
  "drop-comma": { sites: (s) => offsets(s, /,(?= )/g), apply: (s, at) => s.slice(0, at) + s.slice(at + 1) },
  // `=` where `==` was meant, in a condition
  "eq-assign": { sites: (s) => offsets(s, /(?<=\b(if|while|elif) [^\n=]*)==/g), apply: (s, at) => s.slice(0, at) + s.slice(at + 1) },
  // a keyword misspelt
  "typo-keyword": { sites: (s) => offsets(s, /\b(def|return|import|await|for|while|print)\b/g), apply: (s, at) => s.slice(0, at) + s[at + 1] + s[at] + s.slice(at + 2) },
  // a keyword used as a name
  "keyword-name": { sites: (s) => offsets(s, /^[ \t]*\w+(?= = )/gm).map((at) => at + (/^[ \t]*/.exec(s.slice(at))?.[0].length ?? 0)), apply: (s, at) => s.slice(0, at) + "class" + s.slice(at + /^\w+/.exec(s.slice(at))[0].length) },
  // the program cut off in the middle of a line
  "truncate": { sites: (s) => offsets(s, /(?<=\()/g), apply: (s, at) => s.slice(0, at) },
  // an operator with nothing after it
  "dangling-op": { sites: (s) => offsets(s, /(?<=\w)(?=\)\n)/g), apply: (s, at) => s.slice(0, at) + " +" + s.slice(at) },
  // the `in` of a for loop left out
  "drop-in": { sites: (s) => offsets(s, /(?<=\bfor [^\n]*) in /g), apply: (s, at) => s.slice(0, at) + " " + s.slice(at + 4) },
};

/** Up to three sites of a mutation: the first, the middle one and the last. */
const SITES_PER_KIND = 3;

function offsets(s, re) {
  return [...s.matchAll(re)].map((m) => m.index);
}

function spread(list) {
  if (list.length <= SITES_PER_KIND) return list.map((_, i) => i);
  return [...new Set([0, Math.floor(list.length / 2), list.length - 1])];
}

/** Every broken variant of one program: { kind, site, source }. */
export function mutationsOf(source) {
  const out = [];
  for (const [kind, m] of Object.entries(MUTATIONS)) {
    const sites = m.sites(source);
    for (const site of spread(sites)) out.push({ kind, site, source: m.apply(source, sites[site]) });
  }
  return out;
}

/**
 * The corpus of broken programs: grammar-tests/errors (CPython's verdicts recorded beside them)
 * and the mutated examples (`verdicts`: CPython's, recorded in grammar-tests/mutations.json, or
 * asked live). Returns { name, source, expected } with expected null where CPython accepts.
 */
export function corpus(root, fs, verdicts) {
  const out = [];
  const errors = `${root}/grammar-tests/errors`;
  for (const f of fs.readdirSync(errors).filter((f) => f.endsWith(".py")).sort()) {
    out.push({ name: `errors/${f}`, source: fs.readFileSync(`${errors}/${f}`, "utf8"), expected: JSON.parse(fs.readFileSync(`${errors}/${f.replace(/\.py$/, ".err")}`, "utf8")) });
  }
  for (const f of fs.readdirSync(`${root}/examples`).filter((f) => f.endsWith(".py")).sort()) {
    for (const m of mutationsOf(fs.readFileSync(`${root}/examples/${f}`, "utf8"))) {
      const name = `examples/${f} ${m.kind} #${m.site}`;
      out.push({ name, source: m.source, expected: verdicts ? verdicts(name, m.source) : undefined });
    }
  }
  return out;
}

/** A short hash of a source, so that a recorded verdict is never applied to another text. */
export function sourceHash(source, createHash) {
  return createHash("sha1").update(source).digest("hex").slice(0, 12);
}

/**
 * Compares the front end's verdict (`parse(source) → { error }`) with CPython's on every broken
 * program: agreement means the same kind, message, line and column.
 */
export function agreement(entries, parse) {
  const stats = { broken: 0, same: 0, sameLine: 0, sameMessage: 0, missed: 0, validRejected: 0, validAccepted: 0 };
  const differences = [];
  for (const e of entries) {
    const error = parse(e.source).error;
    const mine = error ? { kind: error.kind, msg: error.msg, lineno: error.lineno, offset: error.offset } : null;
    if (e.expected === null) {
      if (mine) {
        stats.validRejected++;
        differences.push({ name: e.name, cpython: null, tsyncio: mine });
      } else stats.validAccepted++;
      continue;
    }
    stats.broken++;
    const cp = e.expected;
    if (!mine) {
      stats.missed++;
      differences.push({ name: e.name, cpython: cp, tsyncio: null });
      continue;
    }
    const line = mine.lineno === cp.lineno && mine.kind === cp.kind;
    const msg = mine.msg === cp.msg && mine.kind === cp.kind;
    if (line) stats.sameLine++;
    if (msg) stats.sameMessage++;
    if (line && msg && mine.offset === cp.offset) stats.same++;
    else differences.push({ name: e.name, cpython: cp, tsyncio: mine });
  }
  return { stats, rate: stats.same / stats.broken, differences };
}
