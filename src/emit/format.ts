// Prettier, for TypeScript meant to be read. Loaded lazily: `tsyncio run` never needs it.
// The standalone build with the typescript + estree plugins works the same in Node and in the
// browser (the web page's compiler worker), so both print identical TypeScript.

type Prettier = typeof import("prettier/standalone");
type Plugin = import("prettier").Plugin;

let loading: Promise<{ prettier: Prettier; plugins: Plugin[] }> | null = null;

function load(): Promise<{ prettier: Prettier; plugins: Plugin[] }> {
  loading ??= Promise.all([import("prettier/standalone"), import("prettier/plugins/typescript"), import("prettier/plugins/estree")]).then(
    ([prettier, typescript, estree]) => ({
      prettier,
      plugins: [pluginOf(typescript), pluginOf(estree)],
    }),
  );
  return loading;
}

function pluginOf(mod: unknown): Plugin {
  const m = mod as { default?: Plugin } & Plugin;
  return m.default ?? m;
}

export async function formatTypeScript(code: string): Promise<string> {
  const { prettier, plugins } = await load();
  return prettier.format(code, { parser: "typescript", plugins, printWidth: 100 });
}
