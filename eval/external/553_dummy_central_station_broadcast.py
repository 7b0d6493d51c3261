# Source: https://github.com/data-niklas/maerklin-can-http-service/blob/HEAD/src/app/scripts/dummy_central_station.py (a dummy CAN central station: every 13-byte frame a client sends is queued and broadcast to all connected clients)
# Changed: the server listens on 127.0.0.1 port 0 (the system picks) instead of 15731; the loop.create_task + run_forever start is replaced by asyncio.run of a main that starts the broadcaster and the server as tasks, connects two clients, sends two frames, reads what each client receives, and then cancels the tasks; the handler's finally also closes its writer (3.12.1's Server.wait_closed waits until every connection's transport is closed, so the cancelled server would wait forever)
import asyncio

IP = "127.0.0.1"
PORT = 0

writers = set()
queue = asyncio.Queue()

async def handle_client(reader, writer):
    writers.add(writer)
    async def client_loop(reader, writer):
        while True:
            data = await reader.read(13)
            if len(data) == 0:
                # connection was closed
                return
            queue.put_nowait(data)
    try:
        await client_loop(reader, writer)
    finally:
        writers.remove(writer)
        writer.close()

async def run_server(ready):
    server = await asyncio.start_server(handle_client, IP, PORT)
    ready.set_result(server.sockets[0].getsockname()[1])
    async with server:
        await server.serve_forever()

async def run_broadcaster():
    while True:
        data = await queue.get()
        for writer in writers:
            try:
                writer.write(data)
            except:
                pass
        queue.task_done()

async def main():
    ready = asyncio.get_running_loop().create_future()
    tasks = [asyncio.create_task(run_broadcaster()), asyncio.create_task(run_server(ready))]
    port = await ready
    r1, w1 = await asyncio.open_connection(IP, port)
    r2, w2 = await asyncio.open_connection(IP, port)
    while len(writers) < 2:
        await asyncio.sleep(0.01)
    print("clients connected:", len(writers))
    frame1 = bytes([0x00, 0x00, 0x03, 0x00, 0x05, 0x00, 0x00, 0x40, 0x01, 0x01, 0x00, 0x00, 0x00])
    frame2 = (0x0016).to_bytes(4, "big") + bytes([4, 0, 0, 0x30, 0x05, 1, 0, 0, 0])
    w1.write(frame1)
    for name, r in (("c1", r1), ("c2", r2)):
        got = await r.readexactly(13)
        print(name, "got", got.hex(), got == frame1)
    w2.write(frame2)
    for name, r in (("c1", r1), ("c2", r2)):
        got = await r.readexactly(13)
        print(name, "got", got.hex(" "), got[4], int.from_bytes(got[:4], "big"))
    await queue.join()
    w1.close()
    await w1.wait_closed()
    while len(writers) > 1:
        await asyncio.sleep(0.01)
    print("after one left:", len(writers))
    w2.close()
    await w2.wait_closed()
    for t in tasks:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ for r in results])

asyncio.run(main())
