// The seed examples, bundled at build time from the repository's examples/ folder
// (examples/NN_name.py; the larger unnumbered examples there are not in the menu).

const files = import.meta.glob<string>("../../examples/[0-9][0-9]_*.py", {
  query: "?raw",
  import: "default",
  eager: true,
});

export interface Example {
  /** The seed's file name, e.g. `12_ensure_future.py`. */
  name: string;
  source: string;
}

export const examples: Example[] = Object.entries(files)
  .map(([path, source]) => {
    const name = path.slice(path.lastIndexOf("/") + 1);
    return { name, source };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

export function findExample(name: string): Example | undefined {
  const stem = name.replace(/\.py$/, "");
  return examples.find((e) => e.name === `${stem}.py` || e.name.replace(/^\d+_/, "") === `${stem}.py`);
}
