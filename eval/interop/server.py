# An asyncio streams server for eval/interop.mjs: prints its port, upper-cases each line it gets,
# answers "bye" to "quit" and stops after one client.
import asyncio

async def main():
    done = asyncio.get_running_loop().create_future()

    async def handle(reader, writer):
        async for line in reader:
            text = line.decode().strip()
            if text == "quit":
                writer.write(b"bye\n")
                break
            writer.write(text.upper().encode() + b"\n")
            await writer.drain()
        writer.close()
        await writer.wait_closed()
        done.set_result(None)

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await done

asyncio.run(main())
