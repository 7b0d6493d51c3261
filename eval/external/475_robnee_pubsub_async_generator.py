# Source: https://github.com/robnee/async/blob/HEAD/async5.py ("simple pubsub system": subscribers are async generators over per-key queues, a set of awaitables passed to asyncio.wait with a timeout)
# Changed: the set holds tasks made with loop.create_task() (3.11 removed passing bare coroutines to asyncio.wait: a TypeError); the monitor sleeps 12 s instead of 10 s (10 s ties with the talker's ten 1-second sleeps, and the real clock's overrun decides which prints first); the loop comes from asyncio.new_event_loop() (get_event_loop() with no loop warns in 3.12)
import sys
import asyncio

    
class PubSub:
    def __init__(self):
        self.subs = {}

    async def publish(self, k, v):
        if k in self.subs:
            for q in self.subs[k]:
                await q.put((k, v))

    async def subscribe(self, k):
        try:
            q = asyncio.Queue()
            
            if k not in self.subs:
                self.subs[k] = set()
            self.subs[k].add(q)

            while True:
                msg = await q.get()
                if not msg:
                    break
                yield msg
        except:
            raise 
        finally:
            self.subs[k].remove(q)

        print(f'subscribe done: {k}')

    async def close(self):
        print('closing')
        for s in self.subs.values():
            for q in s:
                await q.put(None)
    

def main():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    
    ps = PubSub()
    
    async def talk(keys):
        for n in range(5):
            for k in keys:
                await asyncio.sleep(1)
                await ps.publish(k, n)
                
        await ps.close()
        print('talk: done')
        
    async def listen(k):
        async for x in ps.subscribe(k):
            print(k, x)
        print(f'listen {k}: done')
        
    async def mon():
        await asyncio.sleep(12)
        print('mon: done')
        
    aws = {
        loop.create_task(talk(('junk', 'pig'))),
        loop.create_task(listen('junk')),
        loop.create_task(listen('pig')),
        loop.create_task(mon()),
    }
    loop.run_until_complete(asyncio.wait(aws, timeout=15))

    print('main: done')


def patch():
    version = sys.version_info.major * 10 + sys.version_info.minor
    if version < 37:
        asyncio.create_task = asyncio.ensure_future


if __name__ == '__main__':
    patch()
    main()
