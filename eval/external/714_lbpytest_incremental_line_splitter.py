# Source: https://github.com/pypi-data/pypi-mirror-325/blob/HEAD/packages/lbpytest/lbpytest-0.4.0-py3-none-any.whl/lbpytest/incremental_line_split.py (lbpytest, LINBIT's test helpers: a typed IncrementalLineSplitter that splits bytes into lines without blocking and keeps the rest for the next call)
# Changed: the class is driven by asyncio: a child process (this interpreter, -c) writes lines in pieces with pauses, and the parent feeds what each read() of its stdout returns to the splitter, printing the complete lines and what remains
import asyncio
import sys


class IncrementalLineSplitter(object):
    """
    Split bytes into lines separated by b'\\n' without blocking. The rest of
    the bytes after the last line break will be stored and used in the next
    call to :func:`split()`.

    Note: It is safe to handle UTF-8 data with this class. The byte b'\\n' only
    occurs for the line feed character.
    """

    def __init__(self) -> None:
        self.buffer = b''

    def split(self, s: bytes) -> list[bytes]:
        self.buffer += s
        lines = self.buffer.split(b'\n')
        self.buffer = lines[-1]
        return lines[:-1]

    def has_remaining(self) -> bool:
        return self.buffer != b''

    def read_remaining(self) -> bytes:
        buffer = self.buffer
        self.buffer = b''
        return buffer


CHILD = r"""
import sys, time
for piece in [b'first li', b'ne\nsecond line\nthi', b'rd \xc3\xa9t\xc3\xa9\n', b'no newline at the end']:
    sys.stdout.buffer.write(piece)
    sys.stdout.flush()
    time.sleep(0.1)
"""


async def main() -> None:
    proc = await asyncio.create_subprocess_exec(sys.executable, '-c', CHILD, stdout=asyncio.subprocess.PIPE)
    assert proc.stdout is not None
    splitter = IncrementalLineSplitter()
    while chunk := await proc.stdout.read(1024):
        for line in splitter.split(chunk):
            print('line:', line, '->', line.decode())
        print('  pending:', splitter.has_remaining())
    if splitter.has_remaining():
        print('rest:', splitter.read_remaining())
    print('exit code', await proc.wait(), splitter.has_remaining())


asyncio.run(main())
