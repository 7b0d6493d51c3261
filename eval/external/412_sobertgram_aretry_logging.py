# Source: https://github.com/antihutka/sobertgram/blob/HEAD/util.py (aretry: a retrying coroutine wrapper logging each failure with logging.exception and a growing random delay)
# Changed: only aretry kept (retry is its blocking twin); a driver added (random seeded, logging configured to print to stdout without tracebacks' addresses)
import logging
import random
import time
import asyncio
import sys

def aretry(retry_count):
  def dec(f):
    async def df(*args, **kwargs):
      fails = 0
      delay = 0
      while True:
        try:
          return await f(*args, **kwargs)
        except:
          fails += 1
          if retry_count >= fails:
            logging.exception('Exception, retrying in %d seconds' % delay)
            await asyncio.sleep(delay)
            delay = delay * 2 + random.randint(1,2)
          else:
            logging.exception('Exception, giving up')
            raise
    return df
  return dec


attempts = []


@aretry(2)
async def send_message(chat, text):
  attempts.append(chat)
  if len(attempts) < 2:
    raise ConnectionError("telegram timed out")
  return f"sent {text!r} to {chat}"


@aretry(1)
async def always_fails():
  raise RuntimeError("flood control")


async def main():
  print(await send_message(42, "hi"))
  try:
    await always_fails()
  except RuntimeError as e:
    print("gave up:", e)


random.seed(7)
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(levelname)s %(message)s")
asyncio.run(main())
