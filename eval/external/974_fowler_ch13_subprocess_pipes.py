# Source: https://github.com/concurrency-in-python-with-asyncio/concurrency-in-python-with-asyncio/blob/main/chapter_13/listing_13_5.py (Matthew Fowler's "Python Concurrency with asyncio", chapter 13: listing 13.5 waits for a child (listing 13.4) that writes a million lines into a pipe nobody reads, the deadlock the chapter warns about; listing 13.12 feeds a child's input() prompts from a list, reading its stdout with read(2048); listing 13.14 writes each answer only when an Event says the child's prompt arrived; the child is listing 13.13, which echoes each answer several times with a sleep between)
# Changed: the three parent programs run one after another in one file, and the children (listings 13.4 and 13.13) are written into a tempfile.mkdtemp() folder and run with sys.executable instead of 'python3' from the current folder; listing 13.5's wait is bounded with asyncio.wait_for(..., 2), the child killed afterwards and its pipe drained with communicate() (the listing never ends, by design), and the pid is not printed; listing 13.13's randrange(10) repetitions are a fixed cycle (3, 1, 2, 0, 4) and its sleep is 0.05 s instead of 0.5 s, so that its output is the same each run
import asyncio
import atexit
import os
import shutil
import sys
import tempfile
from asyncio import StreamWriter, StreamReader, Event
from asyncio.subprocess import Process

CHILD_DIR = tempfile.mkdtemp()
atexit.register(shutil.rmtree, CHILD_DIR)

LISTING_13_4 = """import sys

[sys.stdout.buffer.write(b'Hello there!!\\n') for _ in range(1000000)]

sys.stdout.flush()
"""

LISTING_13_13 = """import itertools
import time

user_input = ''
repeats = itertools.cycle([3, 1, 2, 0, 4])

while user_input != 'quit':
    user_input = input('Enter text to echo: ')
    for i in range(next(repeats)):
        time.sleep(.05)
        print(user_input)
"""

for name, text in [('listing_13_4.py', LISTING_13_4), ('listing_13_13.py', LISTING_13_13)]:
    with open(os.path.join(CHILD_DIR, name), 'w') as f:
        f.write(text)


# Listing 13.5
async def listing_13_5():
    program = [sys.executable, os.path.join(CHILD_DIR, 'listing_13_4.py')]
    process: Process = await asyncio.create_subprocess_exec(*program,
                                                            stdout=asyncio.subprocess.PIPE)
    print('Process started')

    try:
        return_code = await asyncio.wait_for(process.wait(), 2)
        print(f'Process returned: {return_code}')
    except asyncio.TimeoutError:
        print('Deadlock: the child filled the pipe and wait() never returned')
        process.kill()
        # (wait() alone would hang too: the paused pipe never reaches its end)
        await process.communicate()
        print(f'Killed, returned: {process.returncode}')


# Listing 13.12
async def consume_and_send(text_list, stdout: StreamReader, stdin: StreamWriter):
    for text in text_list:
        line = await stdout.read(2048)
        print(line)
        stdin.write(text.encode())
        await stdin.drain()


async def listing_13_12():
    program = [sys.executable, os.path.join(CHILD_DIR, 'listing_13_13.py')]
    process: Process = await asyncio.create_subprocess_exec(*program,
                                                            stdout=asyncio.subprocess.PIPE,
                                                            stdin=asyncio.subprocess.PIPE)

    text_input = ['one\n', 'two\n', 'three\n', 'four\n', 'quit\n']

    await asyncio.gather(consume_and_send(text_input, process.stdout, process.stdin), process.wait())
    print('returncode', process.returncode)


# Listing 13.14
async def output_consumer(input_ready_event: Event, stdout: StreamReader):
    while (data := await stdout.read(1024)) != b'':
        print(data)
        if data.decode().endswith("Enter text to echo: "):
            input_ready_event.set()


async def input_writer(text_data, input_ready_event: Event, stdin: StreamWriter):
    for text in text_data:
        await input_ready_event.wait()
        stdin.write(text.encode())
        await stdin.drain()
        input_ready_event.clear()


async def listing_13_14():
    program = [sys.executable, os.path.join(CHILD_DIR, 'listing_13_13.py')]
    process: Process = await asyncio.create_subprocess_exec(*program,
                                                            stdout=asyncio.subprocess.PIPE,
                                                            stdin=asyncio.subprocess.PIPE)

    input_ready_event = asyncio.Event()

    text_input = ['one\n', 'two\n', 'three\n', 'four\n', 'quit\n']

    await asyncio.gather(output_consumer(input_ready_event, process.stdout),
                         input_writer(text_input, input_ready_event, process.stdin),
                         process.wait())
    print('returncode', process.returncode)


async def main():
    print('--- listing 13.5')
    await listing_13_5()
    print('--- listing 13.12')
    await listing_13_12()
    print('--- listing 13.14')
    await listing_13_14()


asyncio.run(main())
