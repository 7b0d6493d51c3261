# Source: https://github.com/JDBumgardner/stone_ground_hearth_battles/blob/HEAD/hearthstone/text_agent/line_reader.py (a LineReader whose generator keeps a bytearray buffer, finds b'\n' from where the last search stopped and deletes consumed lines in place; its async readline() awaits the stream's receive_some), after https://stackoverflow.com/a/53576829
# Changed: the stream is a small asyncio stand-in for trio's receive_some (chunks handed out after a short sleep); the program reads every line, then one too long for a small max_line_length
import asyncio


class LineReader:
    def __init__(self, stream, max_line_length=16384):
        self.stream = stream
        self._line_generator = self.generate_lines(max_line_length)

    @staticmethod
    def generate_lines(max_line_length):
        buf = bytearray()
        find_start = 0
        while True:
            newline_idx = buf.find(b'\n', find_start)
            if newline_idx < 0:
                # no b'\n' found in buf
                if len(buf) > max_line_length:
                    raise ValueError("line too long")
                # next time, start the search where this one left off
                find_start = len(buf)
                more_data = yield
            else:
                # b'\n' found in buf so return the line and move up buf
                line = buf[:newline_idx+1]
                # Update the buffer in place, to take advantage of bytearray's
                # optimized delete-from-beginning feature.
                del buf[:newline_idx+1]
                # next time, start the search from the beginning
                find_start = 0
                more_data = yield line

            if more_data is not None:
                buf += bytes(more_data)

    async def readline(self):
        line = next(self._line_generator)
        while line is None:
            more_data = await self.stream.receive_some(1024)
            if not more_data:
                return b''  # this is the EOF indication expected by my caller
            line = self._line_generator.send(more_data)
        return line


class ChunkStream:
    def __init__(self, chunks):
        self.chunks = list(chunks)

    async def receive_some(self, max_bytes):
        await asyncio.sleep(0.01)
        if not self.chunks:
            return b''
        chunk = self.chunks.pop(0)
        print(f'  (received {len(chunk)} bytes)')
        return chunk[:max_bytes]


async def main():
    reader = LineReader(ChunkStream([b'play ', b'card 3\nattack 1 2\nend', b' turn\n', b'\n', b'quit']))
    while line := await reader.readline():
        print(type(line).__name__, line, line.rstrip(b'\n').split())
    print('EOF:', line)

    short = LineReader(ChunkStream([b'0123456789', b'abcdefghij', b'\n']), max_line_length=15)
    try:
        await short.readline()
    except ValueError as e:
        print('ValueError:', e)


asyncio.run(main())
