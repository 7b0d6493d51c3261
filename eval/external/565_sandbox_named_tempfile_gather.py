# Source: https://github.com/krigar1184/asyncio-sandbox/blob/HEAD/test.py (ten tasks writing `bytes(i)` to one NamedTemporaryFile and reading it back; a done callback on the gather through functools.partial(print, ...))
# Changed: a new event loop is made and set instead of get_event_loop() (no current loop in 3.12); the file's random name is printed as its folder and whether it is named tmp*, and the file is removed at the end (delete=False left it behind)
import asyncio
import functools
import os
import tempfile


f = tempfile.NamedTemporaryFile(delete=False)
shown = '{}/<{}>'.format(os.path.dirname(f.name), os.path.basename(f.name).startswith('tmp'))


async def read():
    print('reading from {}'.format(shown))
    f.seek(0)
    result = f.read().decode('utf8')
    print('read {}'.format(result))
    return result


async def write(i):
    print('writing {} to {}'.format(i, shown))
    f.write(bytes(i))
    await asyncio.sleep(0)
    print('written {}'.format(i))
    return await read()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
future = asyncio.gather(*[asyncio.ensure_future(write(i)) for i in range(10)])
future.add_done_callback(functools.partial(print, 'pewpew'))
loop.run_until_complete(future)
loop.close()
f.close()
os.unlink(f.name)
print(os.path.exists(f.name))
