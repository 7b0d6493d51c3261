# Source: https://github.com/dhellmann/pymotw-3 (source/io/io_stringio.py and source/io/io_textiowrapper.py)
# Changed: the writes and the reads happen in two tasks that hand the buffers over through an
# asyncio.Queue (with the TextIOWrapper, which closes its buffer when it is collected); the read
# side also reads a wrapper line by line and reports tell()/closed.
import asyncio
import io


async def writer(queue):
    # Writing to a buffer
    output = io.StringIO()
    output.write('This goes into the buffer. ')
    print('And so does this.', file=output)
    await queue.put((output, None))

    output = io.BytesIO()
    wrapper = io.TextIOWrapper(
        output,
        encoding='utf-8',
        write_through=True,
    )
    wrapper.write('This goes into the buffer. ')
    wrapper.write('ÁÇÊ')
    await queue.put((output, wrapper))
    await queue.put(None)


async def reader(queue):
    while (item := await queue.get()) is not None:
        buffer, _ = item
        # Retrieve the value written
        print(buffer.getvalue())
        buffer.close()  # discard buffer memory
        print('closed:', buffer.closed)

    # Initialize a read buffer
    input = io.StringIO('Inital value for read buffer')
    print(input.read())

    input = io.BytesIO(
        b'Inital value for read buffer with unicode characters ' +
        'ÁÇÊ'.encode('utf-8')
    )
    wrapper = io.TextIOWrapper(input, encoding='utf-8')
    # Read from the buffer
    print(wrapper.read())
    print(input.tell(), wrapper.encoding)

    lines = io.TextIOWrapper(io.BytesIO('one\r\ntwo\nthree ÁÇÊ\n'.encode('utf-8')), encoding='utf-8')
    for line in lines:
        print(repr(line))


async def main():
    queue = asyncio.Queue()
    await asyncio.gather(writer(queue), reader(queue))


asyncio.run(main())
