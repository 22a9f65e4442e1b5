"""Per-sender rate limiting without personal data (DESIGN decision 8).

A sender is known only by a keyed hash of its address. The key is derived from
the app's secret and the current window, so it rotates with every window: two
windows' counters cannot be linked, and nothing is written anywhere. Counters
live in the process (one Lambda instance, or the local server); API Gateway's
stage throttling limits the total. Plain Python: no Flask, no boto3.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable


class RateLimiter:
    """At most `limit` submissions per sender per window of `window_seconds`."""

    def __init__(
        self,
        secret: bytes,
        limit: int,
        window_seconds: int = 60,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.secret = secret
        self.limit = limit
        self.window_seconds = window_seconds
        self.clock = clock
        self._window = -1
        self._key = b""
        self._counts: dict[bytes, int] = {}

    def _sender(self, address: str, window: int) -> bytes:
        if window != self._window:
            # A new window: a new key, and the old window's counters are forgotten.
            self._window = window
            self._key = hmac.new(self.secret, str(window).encode(), hashlib.sha256).digest()
            self._counts.clear()
        return hmac.new(self._key, address.encode("utf-8"), hashlib.sha256).digest()

    def check(self, address: str) -> int:
        """Count one submission; 0 when allowed, else the seconds until the next window."""
        now = self.clock()
        window = int(now // self.window_seconds)
        sender = self._sender(address, window)
        count = self._counts.get(sender, 0) + 1
        self._counts[sender] = count
        if count <= self.limit:
            return 0
        return max(1, int((window + 1) * self.window_seconds - now + 0.999))
