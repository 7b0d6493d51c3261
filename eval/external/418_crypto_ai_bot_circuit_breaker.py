# Source: https://github.com/sabiraka1/crypto-ai-bot/blob/HEAD/src/crypto_ai_bot/utils/circuit_breaker.py (an async-context-manager circuit breaker: closed -> open after N failures -> half-open after a timeout)
# Changed: the Russian docstring and comments dropped; a driver added (an exchange call failing three times; reset_timeout_sec=0 so the half-open probe does not depend on the clock)
from __future__ import annotations
import asyncio
import time
from typing import Any

class CircuitBreaker:
    def __init__(self, *, name: str = "cb", failure_threshold: int = 5, reset_timeout_sec: float = 10.0):
        self.name = name
        self.failure_threshold = int(failure_threshold)
        self.reset_timeout = float(reset_timeout_sec)
        self._state = "closed"
        self._failures = 0
        self._opened_at: float | None = None
        self._lock = asyncio.Lock()

    async def __aenter__(self) -> None:
        async with self._lock:
            if self._state == "open":
                if self._opened_at and (time.time() - self._opened_at) >= self.reset_timeout:
                    self._state = "half-open"
                    self._failures = 0
                else:
                    raise RuntimeError(f"{self.name}: open")

    async def __aexit__(self, exc_type: Any, exc: Any, tb: Any) -> bool | None:
        async with self._lock:
            if exc is None:
                self._state = "closed"
                self._failures = 0
                self._opened_at = None
            else:
                self._failures += 1
                if self._failures >= self.failure_threshold or self._state == "half-open":
                    self._state = "open"
                    self._opened_at = time.time()
                return False
        return None


async def fetch_ticker(n):
    await asyncio.sleep(0.01)
    if n < 3:
        raise ConnectionError(f"exchange down ({n})")
    return {"n": n, "price": 100 + n}


async def main():
    cb = CircuitBreaker(name="binance", failure_threshold=2, reset_timeout_sec=0)
    for n in range(5):
        try:
            async with cb:
                print("ok", await fetch_ticker(n))
        except (ConnectionError, RuntimeError) as e:
            print(type(e).__name__, e)
        print("  state:", cb._state, "failures:", cb._failures)


asyncio.run(main())
