# Source: https://github.com/D4Gj/lessons/blob/HEAD/Lesson_20/byte_generator.py (a Python course's lesson: a generator that collects bytes sent to it in a bytearray and yields one complete line per send, counting the b'\n' it has seen)
# Changed: the generator is also fed by an asyncio producer (a queue of chunks); the lesson's MyClass (whose send never stores the data, so its index() raises) is called once to show that ValueError
import asyncio


class MyClass:
    def __init__(self):
        self.data = bytearray()
        self.linecount = 0

    def send(self, part):
        self.linecount += part.count(b'\n')
        if self.linecount > 0:
            index = self.data.index(b'\n')
            line = bytes(self.data[:index + 1])
            data = self.data[index + 1:]
            self.linecount -= 1
            return line
        else:
            return None


def func():
    data = bytearray()
    line = None
    linecount = 0
    while True:
        part = yield line
        linecount += part.count(b'\n')
        data.extend(part)
        if linecount > 0:
            index = data.index(b'\n')
            line = bytes(data[:index + 1])
            data = data[index + 1:]
            linecount -= 1
        else:
            line = None


r = func()
print(r.send(None))
print(r.send(b'hello'))
print(r.send(b'world\nit '))
print(r.send(b'works!'))
print(r.send(b'\n'))

try:
    MyClass().send(b'a\nb')
except ValueError as e:
    print('MyClass:', repr(e))


async def producer(queue):
    for chunk in (b'GET /', b'index.html HTTP/1.1\r\nHost: x\r', b'\n\r\n'):
        await asyncio.sleep(0.01)
        await queue.put(chunk)
    await queue.put(None)


async def consumer(queue):
    lines = func()
    lines.send(None)
    while (chunk := await queue.get()) is not None:
        line = lines.send(chunk)
        print(len(chunk), line)
    print('left over:', lines.send(b''))


async def main():
    queue = asyncio.Queue()
    await asyncio.gather(producer(queue), consumer(queue))


asyncio.run(main())
