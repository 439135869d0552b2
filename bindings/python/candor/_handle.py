"""close(), `with` blocks and garbage collection for classes owning a C handle."""


class OwnsHandle:
    """Base of a class that keeps one C handle in self._handle, under self._lock.

    The subclass sets _free (the C function that frees its handle) and
    _handle_type (the handle's ctypes pointer type; calling it gives NULL),
    and its close() calls _close_handle().
    """

    def _close_handle(self):
        # Either attribute may be missing if __init__ failed before setting it.
        lock = getattr(self, "_lock", None)
        if lock is None:
            return
        with lock:
            handle = getattr(self, "_handle", None)
            if handle:
                self._free(handle)
                self._handle = self._handle_type()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # at interpreter exit the module may be torn down
            pass
