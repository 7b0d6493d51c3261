// Links that hold the program: its files in the URL fragment, never sent to any server.
//   #code=<base64url of deflate-raw(UTF-8)>&name=prog.py[&code=...&name=helpers.py...]
//                                             (CompressionStream available; the main file first)
//   #src=<base64url of UTF-8>&name=prog.py    (fallback, same repetition)
//   #example=12_ensure_future                 (a seed example by name, unedited)

export interface SharedFile {
  name: string;
  source: string;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replaceAll("-", "+").replaceAll("_", "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const res = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await res.arrayBuffer());
}

/** A file name a link may give: a plain .py file name (no folders). */
export function validFileName(name: string): boolean {
  return /^[\w][\w.-]*\.py$/.test(name) && name.length <= 100;
}

export async function encodeShare(files: SharedFile[]): Promise<string> {
  const params = new URLSearchParams();
  const compress = typeof CompressionStream === "function";
  for (const f of files) {
    const utf8 = new TextEncoder().encode(f.source);
    if (compress) params.append("code", toBase64Url(await pipe(utf8, new CompressionStream("deflate-raw"))));
    else params.append("src", toBase64Url(utf8));
    params.append("name", f.name);
  }
  return `#${params.toString()}`;
}

export interface Shared {
  /** The program's files, the main script first. */
  files?: SharedFile[];
  example?: string;
}

export async function decodeShare(hash: string): Promise<Shared> {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const names = params.getAll("name");
  const codes = params.getAll("code");
  const srcs = params.getAll("src");
  try {
    const files: SharedFile[] = [];
    const bodies = codes.length ? codes : srcs;
    for (const [i, body] of bodies.entries()) {
      const bytes = codes.length ? await pipe(fromBase64Url(body), new DecompressionStream("deflate-raw")) : fromBase64Url(body);
      const given = names[i];
      const name = given && validFileName(given) ? given : i === 0 ? "main.py" : `module${i}.py`;
      if (files.some((f) => f.name === name)) continue;
      files.push({ name, source: new TextDecoder().decode(bytes) });
    }
    if (files.length) return { files };
  } catch {
    return {};
  }
  const example = params.get("example");
  return example ? { example } : {};
}
