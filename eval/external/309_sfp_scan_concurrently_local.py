# Source: https://github.com/SuperFastPython/PythonAsyncioJumpStart/blob/6dc50611821f2ec5c8c59855a1e44cefad35fe92/src/lesson07_scan_concurrently.py (SuperFastPython, Python Asyncio Jump-Start)
# Changed: the scan covers only ports on 127.0.0.1 the program opened (five servers on ports the system picks, two of them closed again before the scan) instead of python.org ports 1-1023; a refused connection counts as closed (on 127.0.0.1 it is refused at once rather than timing out); ports are reported by their place in the list (the numbers are the system's pick)
# SuperFastPython.com
# example of a concurrent port scanner using gather
import asyncio

# returns True if a connection can be made
async def test_port_number(host, port, timeout=3):
    # create coroutine for opening a connection
    coro = asyncio.open_connection(host, port)
    # execute the coroutine with a timeout
    try:
        # open the connection and wait for a moment
        _,writer = await asyncio.wait_for(coro, timeout)
        # close connection once opened
        writer.close()
        # indicate the connection can be opened
        return True
    except (asyncio.TimeoutError, ConnectionRefusedError):
        # indicate the connection cannot be opened
        return False

# main coroutine
async def main(host, ports):
    # report a status message
    print(f'Scanning {host}...')
    # create all coroutines
    coros = [test_port_number(host, port)
        for port in ports]
    # execute all coroutines concurrently
    results = await asyncio.gather(*coros)
    # report results
    for port,result in zip(ports, results):
        if result :
            print(f'> {host}:port#{ports.index(port)} [OPEN]')

# Changed: five local servers; the second and the fifth are closed before the scan
async def scan_local():
    async def handle(reader, writer):
        writer.close()
    servers = [await asyncio.start_server(handle, '127.0.0.1', 0) for _ in range(5)]
    ports = [s.sockets[0].getsockname()[1] for s in servers]
    for s in (servers[1], servers[4]):
        s.close()
        await s.wait_closed()
    await main(host, ports)
    for s in (servers[0], servers[2], servers[3]):
        s.close()
        await s.wait_closed()

# define a host and ports to scan
host = '127.0.0.1'
# start the asyncio program
asyncio.run(scan_local())
