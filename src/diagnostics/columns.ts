/** Converts a UTF-8 byte offset within `line` (CPython's col_offset) to a UTF-16 character offset. */
export function utf8ColumnToChars(line: string, byteOffset: number): number {
  let bytes = 0;
  let i = 0;
  while (i < line.length && bytes < byteOffset) {
    const cp = line.codePointAt(i)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp >= 0x10000 ? 2 : 1;
  }
  return i;
}
