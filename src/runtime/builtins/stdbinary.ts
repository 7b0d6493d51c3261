// sys.stdout.buffer / sys.stderr.buffer: bytes written to the host as they are. (sys.stdin and its
// .buffer: stdin.ts.)
import { host } from "../host.js";
import { TypeError } from "./exceptions.js";
import { typeName, toIterable } from "./ops.js";
import { bytesData } from "./bytes.js";
import { decodeBytes } from "./codecs.js";
import { stdioCall } from "./stdio-errors.js";

/** The BufferedWriter under sys.stdout / sys.stderr. */
export class StdBinaryWriter {
  static __tp_name__ = "_io.BufferedWriter";
  static __name__ = "BufferedWriter";
  static __qualname__ = "BufferedWriter";
  static __module__ = "_io";
  constructor(
    readonly fd: 1 | 2,
    readonly name: string,
  ) {}
  write(b: unknown): bigint {
    const d = bytesData(b);
    if (d === null) throw new TypeError(`a bytes-like object is required, not '${typeName(b)}'`);
    const bytes = d.slice();
    if (host.writeBytes) stdioCall(() => host.writeBytes!(this.fd, bytes));
    else stdioCall(() => host.write(this.fd, decodeBytes(bytes, "utf-8", "replace")));
    return BigInt(d.length);
  }
  writelines(lines: unknown): null {
    for (const l of toIterable(lines)) this.write(l);
    return null;
  }
  flush(): null {
    if (this.fd === 1) stdioCall(() => host.flush());
    return null;
  }
  fileno(): bigint {
    return BigInt(this.fd);
  }
  writable(): boolean {
    return true;
  }
  readable(): boolean {
    return false;
  }
  isatty(): boolean {
    return host.isatty?.(this.fd) ?? false;
  }
  get closed(): boolean {
    return false;
  }
  __repr__(): string {
    return `<_io.BufferedWriter name='${this.name}'>`;
  }
}
