// Every diagnostic the compiler reports, in one table: its stable code, its message template and,
// when there is a known way out, a hint. `{name}` in a template is a parameter the reporting site
// must give (the type checker enforces it), so a code's wording lives here and only here.
//
//   cx.diags.error(node, "TSY3004", { name: "nosuch", module: "os" })
//     ⇒  error TSY3004: 'nosuch' is not available in tsyncio's runtime module 'os'
//
// Code ranges: TSY1xxx unsupported or invalid syntax, TSY2xxx async semantics, TSY3xxx modules and
// the runtime API. Each code has an error fixture (fixtures/errors-*/input.py + expected.diagnostics)
// or, for a tree the parser never produces, a case in test/diagnostics.test.ts.

export const DIAGNOSTICS = {
  TSY1001: { message: "'{construct}' is not supported yet" },
  TSY1002: { message: "starred assignment target must be in a list or tuple" },
  TSY1003: { message: "cannot assign to {target}" },
  TSY1004: { message: "augmented assignment to a slice is not supported yet" },
  TSY1005: { message: "cannot delete {target}" },
  TSY1007: { message: "'import *' is not supported", hint: "import the names you use" },
  TSY1010: { message: "metaclass=ABCMeta beside bases is not supported yet" },
  TSY1011: { message: "class bases given with * beside a metaclass, class keywords or type parameters are not supported yet" },
  TSY1012: { message: "decorators of the property object (above @property, or on a setter) are not supported yet" },
  TSY1013: { message: "'{construct}' in a class body is not supported yet" },
  TSY1021: { message: "complex numbers are not supported yet" },
  TSY1022: {
    message: "a high surrogate followed by a low surrogate in a str literal is two characters in Python, one in JavaScript",
    hint: "tsyncio's str cannot keep them apart; write the character itself (\\U0001F600) if one character is meant",
  },
  TSY1030: { message: "super() is supported only as super().method(...)" },
  TSY1040: { message: "starred pattern outside a sequence pattern" },
  TSY1041: { message: "except* needs an exception type" },
  TSY1090: {
    message: "the program is nested too deeply for tsyncio's compiler (it ran out of stack)",
    hint: "flatten the deepest expression or statement nesting",
  },
  TSY2001: { message: "'await' outside async function" },
  TSY2002: { message: "'async for' outside async function" },
  TSY2003: { message: "'async with' outside async function" },
  TSY2007: { message: "asynchronous comprehension outside of an asynchronous function" },
  TSY3001: { message: "module '{module}' is not available in tsyncio's runtime", hint: "supported modules: {supported}" },
  TSY3002: { message: "no module named '{module}': it is neither the program's own nor in tsyncio's runtime", hint: "{where}" },
  TSY3003: { message: "relative import: {reason}", hint: "run the program from a script that imports this package" },
  TSY3004: { message: "'{name}' is not available in tsyncio's runtime module '{module}'" },
  TSY3005: { message: "'{name}' is not supported by tsyncio's runtime ({why}): it would raise NotImplementedError" },
  TSY3006: { message: "'{name}' cannot run in the browser ({why}): on the web page it would raise NotImplementedError" },
  TSY3007: { message: "'{name}' is not available in a translated program ({why})" },
} as const satisfies Record<string, { message: string; hint?: string }>;

export type Code = keyof typeof DIAGNOSTICS;

/** The `{name}` placeholders of a template, as an object type. */
type Placeholders<T extends string> = T extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type Entry<C extends Code> = (typeof DIAGNOSTICS)[C];
type TemplateParams<C extends Code> = Placeholders<Entry<C>["message"]> | (Entry<C> extends { hint: infer H extends string } ? Placeholders<H> : never);

/** The parameters a code's templates need (none: an empty object may be left out). */
export type DiagnosticParams<C extends Code> = { [K in TemplateParams<C>]: string };

/** Arguments after the code: the parameters, required only when the templates have some. */
export type ParamsArg<C extends Code> = [TemplateParams<C>] extends [never] ? [params?: Record<string, never>] : [params: DiagnosticParams<C>];

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`diagnostic template parameter '${name}' missing`);
    return params[name];
  });
}

/** A code's message and hint with its parameters filled in. */
export function diagnosticText<C extends Code>(code: C, params: Record<string, string> = {}): { message: string; hint?: string } {
  const entry: { message: string; hint?: string } = DIAGNOSTICS[code];
  return { message: fill(entry.message, params), hint: entry.hint === undefined ? undefined : fill(entry.hint, params) };
}
