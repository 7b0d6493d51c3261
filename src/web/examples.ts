// The seed examples, bundled at build time from the repository's examples/ folder
// (examples/NN_name.py; the larger unnumbered examples there are not in the menu), shown without
// their collection note (provenance.ts).

import { withoutProvenance } from "./provenance.js";

const files = import.meta.glob<string>("../../examples/[0-9][0-9]_*.py", {
  query: "?raw",
  import: "default",
  eager: true,
});

// The CPython version each seed was recorded with (its golden fixture's python-version file,
// fixtures/seed-NN-name/python-version; 3.12 without one).
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
    const name = path.slice(path.lastIndexOf("/") + 1);
    const fixture = `../../fixtures/seed-${name.replace(/\.py$/, "").replaceAll("_", "-")}/python-version`;
    return { name, source: withoutProvenance(source), pythonVersion: versions[fixture]?.trim() ?? "3.12" };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

export function findExample(name: string): Example | undefined {
  const stem = name.replace(/\.py$/, "");
  return examples.find((e) => e.name === `${stem}.py` || e.name.replace(/^\d+_/, "") === `${stem}.py`);
}
