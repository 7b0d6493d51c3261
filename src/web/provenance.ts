// The seed examples start with a note of where they were collected from ("# From 004_….txt,
// "Tasks" (…)"): a reference to the project's own notes that means nothing on the page. The page
// shows the note without the file references, on the same line, so line numbers (tracebacks, the
// recorded outputs) stay the same.

const SOURCE_REF = /^#\s*From\s+\d{3}_[0-9a-f]+\.txt(?:\s*\/\s*\d{3}_[0-9a-f]+\.txt)*\s*[,:]?\s*/;

export function withoutProvenance(source: string): string {
  const end = source.indexOf("\n");
  const first = end < 0 ? source : source.slice(0, end);
  if (!SOURCE_REF.test(first)) return source;
  let rest = first.replace(SOURCE_REF, "").trim();
  // A sentence starts with a capital (a name such as ensure_future() keeps its case).
  rest = rest.replace(/^[a-z](?=[a-z]*[\s,.:;])/, (c) => c.toUpperCase());
  return (rest ? `# ${rest}` : "") + (end < 0 ? "" : source.slice(end));
}
