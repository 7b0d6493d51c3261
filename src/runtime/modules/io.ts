// io: the in-memory streams (BytesIO, StringIO), open() and the constants programs use; the
// abstract classes IOBase, RawIOBase, BufferedIOBase and TextIOBase (_io_bases.ts) count the
// runtime's streams as their instances, as CPython's do.
import { BytesIO, StringIO } from "../builtins/memio.js";
import { BufferedRandom, BufferedReader, BufferedWriter, FileIO, TextIOWrapper } from "../builtins/io.js";
import { StdStream } from "../builtins/functions.js";
import { StdinBinary } from "../builtins/stdin.js";
import { StdBinaryWriter } from "../builtins/stdbinary.js";
import { BufferedIOBase, IOBase, RawIOBase, TextIOBase, _register_io_classes } from "./_io_bases.js";

export { BytesIO, StringIO, UnsupportedOperation } from "../builtins/memio.js";
export { open, TextIOWrapper, FileIO, BufferedReader, BufferedWriter, BufferedRandom } from "../builtins/io.js";
export { IOBase, RawIOBase, BufferedIOBase, TextIOBase };
export const SEEK_SET = 0n;
export const SEEK_CUR = 1n;
export const SEEK_END = 2n;
export const DEFAULT_BUFFER_SIZE = 8192n;

_register_io_classes(RawIOBase, [FileIO]);
_register_io_classes(BufferedIOBase, [BytesIO, BufferedReader, BufferedWriter, BufferedRandom, StdinBinary, StdBinaryWriter]);
_register_io_classes(TextIOBase, [StringIO, TextIOWrapper, StdStream]);
