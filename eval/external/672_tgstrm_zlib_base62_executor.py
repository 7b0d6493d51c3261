# Source: https://github.com/wroxen-2nd/tgstrm/blob/HEAD/Backend/helper/encrypt.py (a streaming bot's helper: JSON compressed with zlib at best compression and written in base62, each step run in a shared ThreadPoolExecutor through run_in_executor, and the reverse)
# Changed: a driver encodes and decodes a few payloads concurrently and prints the codes, their lengths and the round trips; the executor is shut down at the end
import zlib
import json
import asyncio
from concurrent.futures import ThreadPoolExecutor

executor = ThreadPoolExecutor()

def compress_data(data):
    return zlib.compress(data.encode(), level=zlib.Z_BEST_COMPRESSION)

def decompress_data(data):
    return zlib.decompress(data).decode()

def base62_encode(data):
    BASE62_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    num = int.from_bytes(data, 'big')
    base62 = []
    while num:
        num, rem = divmod(num, 62)
        base62.append(BASE62_ALPHABET[rem])
    return ''.join(reversed(base62)) or '0'

def base62_decode(data):
    BASE62_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    num = 0
    for char in data:
        num = num * 62 + BASE62_ALPHABET.index(char)
    return num.to_bytes((num.bit_length() + 7) // 8, 'big') or b'\0'

async def async_compress_data(data):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(executor, compress_data, data)

async def async_decompress_data(data):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(executor, decompress_data, data)

async def async_base62_encode(data):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(executor, base62_encode, data)

async def async_base62_decode(data):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(executor, base62_decode, data)

async def encode_string(data):
    json_data = json.dumps(data)
    compressed_data = await async_compress_data(json_data)
    return await async_base62_encode(compressed_data)

async def decode_string(encoded_data):
    compressed_data = await async_base62_decode(encoded_data)
    json_data = await async_decompress_data(compressed_data)
    return json.loads(json_data)


# --- driver (not in the source) ---

async def main():
    payloads = [
        {"chat_id": -1001234567890, "msg_id": 42, "hash": "a1b2c3"},
        {"file": "movie.mkv", "size": 1_073_741_824, "parts": list(range(12))},
        ["x" * 200, {"nested": {"ok": True, "none": None, "pi": 3.14159}}],
        "",
    ]
    codes = await asyncio.gather(*(encode_string(p) for p in payloads))
    for code in codes:
        print(len(code), code[:40])
    back = await asyncio.gather(*(decode_string(c) for c in codes))
    print(back == payloads)
    print(back[1]["parts"][-3:], back[2][1])
    try:
        await decode_string('0')
    except zlib.error as e:
        print('zlib.error:', e)
    executor.shutdown()

asyncio.run(main())
