// Shareable links: the source (and file name) in the URL fragment, never sent to any server.
//   #code=<base64url of deflate-raw(UTF-8)>&name=prog.py   (CompressionStream available)
//   #src=<base64url of UTF-8>&name=prog.py                 (fallback)
//   #example=12_ensure_future                              (a seed example by name)

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

export async function encodeShare(source: string, name: string): Promise<string> {
  const utf8 = new TextEncoder().encode(source);
  const params = new URLSearchParams();
  if (typeof CompressionStream === "function") {
    params.set("code", toBase64Url(await pipe(utf8, new CompressionStream("deflate-raw"))));
  } else {
    params.set("src", toBase64Url(utf8));
  }
  params.set("name", name);
  return `#${params.toString()}`;
}

export interface Shared {
  source?: string;
  name?: string;
  example?: string;
}

export async function decodeShare(hash: string): Promise<Shared> {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const name = params.get("name") ?? undefined;
  const code = params.get("code");
  const src = params.get("src");
  try {
    if (code !== null) {
      const bytes = await pipe(fromBase64Url(code), new DecompressionStream("deflate-raw"));
      return { source: new TextDecoder().decode(bytes), name };
    }
    if (src !== null) return { source: new TextDecoder().decode(fromBase64Url(src)), name };
  } catch {
    return {};
  }
  const example = params.get("example");
  return example ? { example } : {};
}
