# Source: https://github.com/dhellmann/pymotw-3 (source/io/io_bytesio.py and source/io/stringio_examples.py)
# Changed: the writes happen in tasks that share one buffer (each awaits before writing), and the
# StringIO part is the BytesIO example's text counterpart.
import asyncio
import io


async def writer(output, text, delay):
    await asyncio.sleep(delay)
    output.write(text.encode('utf-8'))


async def main():
    # Writing to a buffer
    output = io.BytesIO()
    await asyncio.gather(
        writer(output, 'This goes into the buffer. ', 0.01),
        writer(output, 'ÁÇÊ', 0.02),
    )

    # Retrieve the value written
    print(output.getvalue())

    output.close()  # discard buffer memory

    # Initialize a read buffer
    input = io.BytesIO(b'Inital value for read buffer')

    # Read from the buffer
    print(input.read())

    text = io.StringIO()
    text.write('This goes into the buffer. ')
    print('And so does this.', file=text)
    print(text.getvalue())
    text.close()

    inp = io.StringIO('Inital value for read buffer')
    print(inp.read())


asyncio.run(main())
