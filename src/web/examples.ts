// The seed examples, bundled at build time from the repository's golden fixtures
// (fixtures/seed-NN-name/input.py are byte-for-byte copies of ../shared/seed-examples/NN_name.py,
// and unlike ../shared they are in every clone, CI's included).

const files = import.meta.glob<string>("../../fixtures/seed-*/input.py", {
  query: "?raw",
  import: "default",
  eager: true,
});

// The CPython version each seed was recorded with (fixtures/seed-*/python-version; 3.12 without one).
const versions = import.meta.glob<string>("../../fixtures/seed-*/python-version", {
  query: "?raw",
  import: "default",
  eager: true,
});

export interface Example {
  /** The seed's file name, e.g. `12_ensure_future.py`. */
  name: string;
  source: string;
  /** The CPython version whose output it reproduces where 3.10 and 3.12 differ. */
  pythonVersion: string;
}

export const examples: Example[] = Object.entries(files)
  .map(([path, source]) => {
    const dir = /seed-([^/]+)\/input\.py$/.exec(path)![1]!;
    const version = versions[path.replace(/input\.py$/, "python-version")]?.trim() ?? "3.12";
    return { name: `${dir.replaceAll("-", "_")}.py`, source, pythonVersion: version };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

export function findExample(name: string): Example | undefined {
  const stem = name.replace(/\.py$/, "");
  return examples.find((e) => e.name === `${stem}.py` || e.name.replace(/^\d+_/, "") === `${stem}.py`);
}
