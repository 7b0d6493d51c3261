/**
 * The whole-stderr rule (fixtures with `expected.stderr`, e.g. the unittest-* runner output): the
 * runner's timing figure `Ran N tests in 0.012s` reads `Ran N tests in {time}s`, and frames of
 * CPython's own library (`File "/usr/lib/python3.12/...` with their source and caret lines) are
 * left out on both sides (also inside an exception group's `|` box): tsyncio's runtime has no
 * Python frames of its own.
 */
export function normaliseStderr(text: string, dir: string): string {
  const out: string[] = [];
  // The source and caret lines of a library frame: its own prefix (`    |` inside an exception
  // group's box) and four blanks.
  let libFrameBody: string | null = null;
  for (const line of text.replaceAll(dir, "{dir}").split("\n")) {
    const lib = /^([ |]*?) {2}File "\/usr\/lib\/python3\.\d+\//.exec(line);
    if (lib) {
      libFrameBody = `${lib[1]}    `;
      continue;
    }
    if (libFrameBody !== null && line.startsWith(libFrameBody)) continue;
    libFrameBody = null;
    out.push(line.replace(/^(Ran \d+ tests?) in \d+\.\d{3}s$/, "$1 in {time}s"));
  }
  return out.join("\n");
}
