// io: the in-memory streams (BytesIO, StringIO), open() and its file classes, the abstract bases
// (isinstance checks) and the constants programs use.
export { BytesIO, StringIO, UnsupportedOperation } from "../builtins/memio.js";
export { open, TextIOWrapper, FileIO, BufferedReader, BufferedWriter, BufferedRandom } from "../builtins/io.js";
export { IOBase, RawIOBase, BufferedIOBase, TextIOBase } from "./_io_bases.js";
export const SEEK_SET = 0n;
export const SEEK_CUR = 1n;
export const SEEK_END = 2n;
export const DEFAULT_BUFFER_SIZE = 8192n;
