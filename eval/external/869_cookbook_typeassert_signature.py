# Source: https://github.com/Danceiny/WikiNotes/blob/master/Language/Python/typeassert.py (the Python Cookbook's typeassert recipe: a decorator factory that binds the expected types to the parameters with inspect.signature(...).bind_partial and checks each call's sig.bind(...).arguments)
# Changed: the decorated function is an `async def` awaited from main() under asyncio.run (the wrapper returns its coroutine); the second call's TypeError is caught and printed instead of ending the program with a traceback; the signature and the bound types are printed
import asyncio
from inspect import signature

def typeassert(*ty_args, **ty_kargs):
    def decorator(func):
        # func -> a,b 
        # d = {'a': int, 'b': str}
        sig = signature(func)
        btypes = sig.bind_partial(*ty_args, **ty_kargs).arguments
        print(func.__name__, sig, dict(btypes))
        def wrapper(*args, **kargs):
            # arg in d, instance(arg, d[arg])
            for name, obj in sig.bind(*args, **kargs).arguments.items():
                if name in btypes:
                    if not isinstance(obj, btypes[name]):
                        raise TypeError('"%s" must be "%s"' % (name, btypes[name]))
            return func(*args, **kargs)
        return wrapper
    return decorator

@typeassert(int, str, list)
async def f(a, b, c):
    print(a, b, c)

async def main():
    await f(1, 'abc', [1,2,3])
    try:
        await f(1, 2, [1,2,3])
    except TypeError as e:
        print('TypeError:', e)

asyncio.run(main())
