// secrets: tokens and choices from the host's entropy source (random.SystemRandom).
import { ValueError } from "../builtins/exceptions.js";
import { index as toIndex } from "../builtins/ops.js";
import { PyBytes } from "../builtins/bytes.js";
import { SystemRandom } from "./random.js";
import { _base64_text } from "./binascii.js";
export { compare_digest } from "./hmac.js";
export { SystemRandom };

export const DEFAULT_ENTROPY = 32n;
const sys = new SystemRandom();

export function token_bytes(nbytes: unknown = null): PyBytes {
  const n = nbytes === null || nbytes === undefined ? 32 : Number(toIndex(nbytes));
  if (n < 0) throw new ValueError("negative argument not allowed");
  return sys.randbytes(BigInt(n));
}
export function token_hex(nbytes: unknown = null): string {
  return (token_bytes(nbytes) as unknown as { hex(): string }).hex();
}
export function token_urlsafe(nbytes: unknown = null): string {
  return _base64_text(token_bytes(nbytes)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}
export function randbelow(exclusive_upper_bound: unknown): bigint {
  const n = toIndex(exclusive_upper_bound);
  if (n <= 0n) throw new ValueError("Upper bound must be positive.");
  return sys.randrange(n) as bigint;
}
export function randbits(k: unknown): bigint {
  return sys.getrandbits(k);
}
export function choice(seq: unknown): unknown {
  return sys.choice(seq);
}
