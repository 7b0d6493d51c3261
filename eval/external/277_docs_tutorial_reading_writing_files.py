# Source: https://docs.python.org/3/tutorial/inputoutput.html#reading-and-writing-files (7.2 "Reading and Writing Files", 7.2.1 "Methods of File Objects", 7.2.2 json)
# Changed: the interactive session becomes a program (each expression's value printed); the
# workfile lives in a temporary folder; the writes run in one task and the reads in another after it.
import asyncio
import json
import os
import tempfile


async def write_part(path):
    with open(path, 'w', encoding="utf-8") as f:
        print(f.write('This is the first line of the file.\n'))
        print(f.write('Second line of the file\n'))
        value = ('the answer', 42)
        s = str(value)  # convert the tuple to string
        print(f.write(s + '\n'))
    print(f.closed)
    try:
        f.read()
    except ValueError as e:
        print('ValueError:', e)


async def read_part(path):
    with open(path, encoding="utf-8") as f:
        read_data = f.read()
    print(repr(read_data))
    with open(path, encoding="utf-8") as f:
        print(repr(f.readline()))
        print(repr(f.readline()))
        print(repr(f.readline()))
        print(repr(f.readline()))
    with open(path, encoding="utf-8") as f:
        for line in f:
            print(line, end='')
    with open(path, encoding="utf-8") as f:
        print(list(f))
    with open(path, encoding="utf-8") as f:
        print(f.readlines())


async def binary_part(path):
    f = open(path, 'rb+')
    print(f.write(b'0123456789abcdef'))
    print(f.seek(5))      # Go to the 6th byte in the file
    print(f.read(1))
    print(f.seek(-3, 2))  # Go to the 3rd byte before the end
    print(f.read(1))
    print(f.tell())
    f.close()


async def json_part(path):
    x = [1, 'simple', 'list']
    print(json.dumps(x))
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(x, f)
    with open(path, encoding='utf-8') as f:
        x = json.load(f)
    print(x)


async def main():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'workfile')
        await asyncio.create_task(write_part(path))
        await asyncio.create_task(read_part(path))
        await asyncio.create_task(binary_part(path))
        print(os.path.getsize(path))
        await asyncio.create_task(json_part(os.path.join(tmp, 'data.json')))
    try:
        open(path, encoding='utf-8')
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename == path)


asyncio.run(main())
