# Source: https://github.com/fizteh95/VK_Tg_scheduler/blob/HEAD/main.py (a bot's web handler storing a random request id in a ContextVar and starting a fire-and-forget task with ensure_future, which sees the id of the request that started it five seconds later; a background task printing every three seconds; Russian comments)
# Changed: aiohttp (a third-party package) is left out: each GET /test is the handler run in a task of its own (as aiohttp runs a request) at 0.5, 1.5 and 2.5 s; the program stops after 8 s instead of serving forever; random is seeded
import asyncio
import random
from contextvars import ContextVar

random.seed(95)

request_id: ContextVar[int] = ContextVar('request_id')

async def perform_external_request():
    # Cозданная задача всегда будет иметь контекст родительской
    await asyncio.sleep(5)
    print('request_id =', request_id.get())
    # Здесь выполняем запрос к стороннему сервису


async def test_handler(request):
    r = random.randint(1, 100)
    request_id.set(r)
    asyncio.ensure_future(perform_external_request())
    # await perform_external_request()
    return 'ok'


async def test():
    while True:
        await asyncio.sleep(3)
        print('its working!')


async def main():
    asyncio.ensure_future(test())
    for i in range(3):
        await asyncio.sleep(0.5 if i == 0 else 1)
        response = await asyncio.create_task(test_handler(None))
        print('GET /test ->', response, '; request_id in main:', request_id.get(None))
    await asyncio.sleep(5.5)


asyncio.run(main())
