# An asyncio streams client for eval/interop.mjs: sends three lines and "quit" to the port given,
# prints each answer, then the server's EOF.
import asyncio
import sys

async def main(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for word in ["alpha", "beta", "gamma", "quit"]:
        writer.write(word.encode() + b"\n")
        await writer.drain()
        print(word, "->", (await reader.readline()).decode().strip())
    print("eof:", await reader.read() == b"")
    writer.close()
    await writer.wait_closed()

asyncio.run(main(int(sys.argv[1])))
