# Source: https://github.com/AlexanderKorovayev/MyFlask/blob/HEAD/learn_teory/asyncio/book/tcp_echo_server.py (a Russian-language study note: an upper-casing echo server under serve_forever whose handler prints "connection dropped" when cancelled and then starts one more task from its except clause; main() also starts a task printing "I TASK")
# Changed: the server listens on 127.0.0.1 port 0 (main() takes a future to report its port); instead of running until Ctrl+C, a client of this program sends two messages, then main() is cancelled while the client is still connected (in 3.12 its server's wait_closed() waits for the open connection, and the handler returns without closing its writer, so main() is still waiting after the client closed: serve_forever() and then `async with server` each wait again and are cancelled again), and the client sends once more before it closes
import asyncio


async def send_event(msg):
    await asyncio.sleep(1)


async def task():
    print('I TASK')


async def echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
    print('new connection')
    try:
        while True: 
            data = await reader.read(100)
            if data:
                print(f'data is {data}')
                writer.write(data.upper())
                # функция которая не позволяет писать в переполненный буфер
                # и ждёт момента когда снова можно будет писать если буфер переполнился
                await writer.drain()
            else:
                break
        print('leaving connection')
    except asyncio.CancelledError:
        msg = 'connection dropped'
        print(msg)
        asyncio.create_task(send_event(msg))


async def main(host='127.0.0.1', port=0, ready=None):
    asyncio.create_task(task())
    server = await asyncio.start_server(echo, host, port)
    ready.set_result(server.sockets[0].getsockname()[1])

    async with server:
        await server.serve_forever()


# Changed: the driver.
async def driver():
    ready = asyncio.get_running_loop().create_future()
    serving = asyncio.create_task(main(ready=ready))
    port = await ready
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for word in (b'hello', b'again'):
        writer.write(word)
        print('client got', await reader.read(100))
    serving.cancel()
    await asyncio.sleep(0.1)
    print('main() done after cancel?', serving.done())
    writer.write(b'late')
    print('client got', await reader.read(100))
    writer.close()
    await writer.wait_closed()
    for attempt in range(3):
        done, pending = await asyncio.wait([serving], timeout=0.3)
        print('main() still waiting for the server:', serving in pending)
        if not pending:
            print('main() cancelled:', serving.cancelled())
            break
        serving.cancel()

if __name__ == '__main__':
    try:
        asyncio.run(driver())
    except KeyboardInterrupt:
        print('bye')
