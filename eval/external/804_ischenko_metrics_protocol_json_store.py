# Source: https://github.com/ischenkomari/my_coursera_python_scripts/blob/HEAD/week5/owm_monitoring_system/server.py (a Coursera "Diving into Python" week-5 metrics server: an asyncio.Protocol answering "put <key> <value> <timestamp>" and "get <key>|*" commands, keeping the metrics in a JSON file it reads and rewrites on every command, with a "dirty hack for Windows" task that wakes the loop every second)
# Changed: the server listens on 127.0.0.1 port 0 instead of 8181 and keeps db.json in a temporary folder instead of the working directory; instead of run_forever until Ctrl+C, the loop runs a client of this program (five commands, one at a time, each answer read with one read(1024)) and then cancels the wake-up task
import asyncio
import json
import os
import tempfile


class ClientServerProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def process_data(self, data):
        storage_path = os.path.join(FOLDER, "db.json")
        data = data.split()
        if data[0] == "put":
            my_dict = self.read_dict(storage_path)
            if data[1] in my_dict:
                my_dict[data[1]].append(tuple((data[3], data[2])))
            else:
                my_dict[data[1]] = [(data[3], data[2])]
            self.write_dict(storage_path, my_dict)
            resp = "ok\n\n"
        elif  data[0] == "get":
            my_resp = str()
            if data[1] == "*":
                my_resp = json.dumps(self.read_dict(storage_path)) + "\n"
            else:
                my_dict = json.dumps(self.read_dict(storage_path)[data[1]][0])
                if my_dict:
                    my_resp = "{" + data[1] + ": " + my_dict + "}"
            resp = "ok\n" + my_resp + "\n"
        else:
            resp = "error\nwrong command\n\n"
        return resp

    def data_received(self, data):
        print(data.decode())
        resp = self.process_data(data.decode())
        print(resp)
        self.transport.write(resp.encode())

    def read_dict(self, storage_path):
        try:
            with open(storage_path) as f:
                my_dict = json.load(f)
        except Exception as e:
            my_dict = dict()
        return my_dict

    def write_dict(self, storage_path, my_dict):
        with open(storage_path, 'w') as f:
            json.dump(my_dict, f)

# Dirty hack for Windows
async def wakeup():
    while True:
        await asyncio.sleep(1)


# Changed: a client of this program.
async def client(port):
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    for command in ("put palm.cpu 0.5 1150864247\n", "put palm.cpu 2.0 1150864248\n",
                    "get palm.cpu\n", "get *\n", "delete palm.cpu\n"):
        writer.write(command.encode())
        answer = await reader.read(1024)
        print("client:", answer)
    writer.close()
    await writer.wait_closed()


with tempfile.TemporaryDirectory() as FOLDER:
    loop = asyncio.get_event_loop()
    coro = loop.create_server(
        ClientServerProtocol,
        '127.0.0.1', 0
    )

    server = loop.run_until_complete(coro)

    # add wakeup  Dirty hack for Windows
    waking = loop.create_task(wakeup())

    try:
        loop.run_until_complete(client(server.sockets[0].getsockname()[1]))
    except KeyboardInterrupt:
        pass

    waking.cancel()
    server.close()
    loop.run_until_complete(server.wait_closed())
    loop.close()
