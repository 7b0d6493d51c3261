# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/HEAD/chapter_08/listing_8_8.py with listing_8_7.py and listing_8_9.py (Matthew Fowler's "Python Concurrency with asyncio", chapter 8: read_line reads a typed StreamReader one byte at a time, handling the delete key with terminal escape codes; MessageStore keeps a bounded deque and awaits a redraw callback)
# Changed: the three listings are pasted in (listing 8-7 without the terminal-size helper); instead of a cbreak-mode stdin, the StreamReader is fed the keystrokes by the program (with deletes and an EOF), and the redraw callback prints the store's items
import asyncio
import sys
from asyncio import StreamReader
from collections import deque
from typing import Callable, Deque, Awaitable


def save_cursor_position():
    sys.stdout.write('\0337')


def restore_cursor_position():
    sys.stdout.write('\0338')


def move_to_top_of_screen():
    sys.stdout.write('\033[H')


def delete_line():
    sys.stdout.write('\033[2K')


def clear_line():
    sys.stdout.write('\033[2K\033[0G')


def move_back_one_char():
    sys.stdout.write('\033[1D')


async def read_line(stdin_reader: StreamReader) -> str:
    def erase_last_char():
        move_back_one_char()
        sys.stdout.write(' ')
        move_back_one_char()

    delete_char = b'\x7f'
    input_buffer = deque()
    while (input_char := await stdin_reader.read(1)) != b'\n':
        if input_char == delete_char:
            if len(input_buffer) > 0:
                input_buffer.pop()
                erase_last_char()
        else:
            input_buffer.append(input_char)
            sys.stdout.write(input_char.decode())
            sys.stdout.flush()
    clear_line()
    return b''.join(input_buffer).decode()


class MessageStore:
    def __init__(self, callback: Callable[[Deque], Awaitable[None]], max_size: int):
        self._deque = deque(maxlen=max_size)
        self._callback = callback

    async def append(self, item):
        self._deque.append(item)
        await self._callback(self._deque)


async def main():
    async def redraw_output(items: deque):
        save_cursor_position()
        move_to_top_of_screen()
        for item in items:
            delete_line()
            print(item)
        restore_cursor_position()

    messages = MessageStore(redraw_output, 2)
    reader = StreamReader()

    async def type_keys():
        for chunk in (b'helo', b'\x7f\x7flo\n', b'\x7f\x7fsecond', b' line\n', b'caf\xc3\xa9\n'):
            await asyncio.sleep(0.01)
            reader.feed_data(chunk)
        reader.feed_eof()

    typist = asyncio.create_task(type_keys())
    for _ in range(3):
        line = await read_line(reader)
        print()
        print(repr(line))
        await messages.append(line)
    await typist
    print(await reader.read(1), reader.at_eof())


asyncio.run(main())
