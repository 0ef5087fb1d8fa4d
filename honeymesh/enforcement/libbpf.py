"""A small ctypes wrapper over libbpf.so.1 for what bcc lacks.

bcc compiles and loads the program (in a child process: compiler.py); this module attaches it
with a ``bpf_link`` (which dies with its file descriptor, so a killed daemon leaves nothing on
the interface), inspects and removes netlink attachments, runs ``BPF_PROG_TEST_RUN`` (per-packet
cost, live-frame traffic generation), drives the maps with plain and batch syscalls, so that
errors come back as errno values (``E2BIG`` for a full hash map) instead of bcc's bare
``Exception``, and reads the sample ring buffer (``RingBuffer``): the daemon needs no bcc.

Structure layouts follow libbpf 1.1 (Debian 12). Every options struct starts with ``sz``; libbpf
treats fields beyond ``sz`` as zero, so declaring only the fields used here is compatible.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import enum
import errno
import os
import select
from collections.abc import Callable, Iterator
from dataclasses import dataclass

BPF_XDP = 37  # enum bpf_attach_type

XDP_FLAGS_UPDATE_IF_NOEXIST = 1 << 0
XDP_FLAGS_SKB_MODE = 1 << 1
XDP_FLAGS_DRV_MODE = 1 << 2
XDP_FLAGS_REPLACE = 1 << 4

BPF_ANY = 0
BPF_NOEXIST = 1
BPF_EXIST = 2

BPF_F_TEST_XDP_LIVE_FRAMES = 1 << 1

BPF_OBJ_NAME_LEN = 16


class AttachMode(enum.StrEnum):
    """How an XDP program runs on an interface."""

    NATIVE = "native"  # in the driver, before an skb exists
    GENERIC = "generic"  # after the skb is built (works on any interface, slower)
    OFFLOAD = "offload"
    NONE = "none"


_XDP_ATTACHED = {  # enum { XDP_ATTACHED_NONE, _DRV, _SKB, _HW, _MULTI }
    0: AttachMode.NONE,
    1: AttachMode.NATIVE,
    2: AttachMode.GENERIC,
    3: AttachMode.OFFLOAD,
}
_MODE_FLAGS = {
    AttachMode.NATIVE: XDP_FLAGS_DRV_MODE,
    AttachMode.GENERIC: XDP_FLAGS_SKB_MODE,
}


class LibbpfError(OSError):
    """A libbpf call failed; ``errno`` holds the reason."""


class BatchError(LibbpfError):
    """A batch update stopped early; ``written`` entries were stored before it did."""

    written: int = 0


class _LinkCreateOpts(ctypes.Structure):
    _fields_ = (("sz", ctypes.c_size_t), ("flags", ctypes.c_uint32))


class _XdpAttachOpts(ctypes.Structure):
    _fields_ = (("sz", ctypes.c_size_t), ("old_prog_fd", ctypes.c_int))


class _XdpQueryOpts(ctypes.Structure):
    _fields_ = (
        ("sz", ctypes.c_size_t),
        ("prog_id", ctypes.c_uint32),
        ("drv_prog_id", ctypes.c_uint32),
        ("hw_prog_id", ctypes.c_uint32),
        ("skb_prog_id", ctypes.c_uint32),
        ("attach_mode", ctypes.c_uint8),
    )


class _MapBatchOpts(ctypes.Structure):
    _fields_ = (
        ("sz", ctypes.c_size_t),
        ("elem_flags", ctypes.c_uint64),
        ("flags", ctypes.c_uint64),
    )


class _TestRunOpts(ctypes.Structure):
    _fields_ = (
        ("sz", ctypes.c_size_t),
        ("data_in", ctypes.c_void_p),
        ("data_out", ctypes.c_void_p),
        ("data_size_in", ctypes.c_uint32),
        ("data_size_out", ctypes.c_uint32),
        ("ctx_in", ctypes.c_void_p),
        ("ctx_out", ctypes.c_void_p),
        ("ctx_size_in", ctypes.c_uint32),
        ("ctx_size_out", ctypes.c_uint32),
        ("retval", ctypes.c_uint32),
        ("repeat", ctypes.c_int),
        ("duration", ctypes.c_uint32),
        ("flags", ctypes.c_uint32),
        ("cpu", ctypes.c_uint32),
        ("batch_size", ctypes.c_uint32),
    )


class XdpMd(ctypes.Structure):
    """``struct xdp_md``: the context handed to ``BPF_PROG_TEST_RUN`` for XDP programs."""

    _fields_ = (
        ("data", ctypes.c_uint32),
        ("data_end", ctypes.c_uint32),
        ("data_meta", ctypes.c_uint32),
        ("ingress_ifindex", ctypes.c_uint32),
        ("rx_queue_index", ctypes.c_uint32),
        ("egress_ifindex", ctypes.c_uint32),
    )


class _ProgInfo(ctypes.Structure):
    """The head of ``struct bpf_prog_info``, up to and including ``name``."""

    _fields_ = (
        ("type", ctypes.c_uint32),
        ("id", ctypes.c_uint32),
        ("tag", ctypes.c_uint8 * 8),
        ("jited_prog_len", ctypes.c_uint32),
        ("xlated_prog_len", ctypes.c_uint32),
        ("jited_prog_insns", ctypes.c_uint64),
        ("xlated_prog_insns", ctypes.c_uint64),
        ("load_time", ctypes.c_uint64),
        ("created_by_uid", ctypes.c_uint32),
        ("nr_map_ids", ctypes.c_uint32),
        ("map_ids", ctypes.c_uint64),
        ("name", ctypes.c_char * BPF_OBJ_NAME_LEN),
    )


class _MapInfo(ctypes.Structure):
    """The head of ``struct bpf_map_info``, up to and including ``name``."""

    _fields_ = (
        ("type", ctypes.c_uint32),
        ("id", ctypes.c_uint32),
        ("key_size", ctypes.c_uint32),
        ("value_size", ctypes.c_uint32),
        ("max_entries", ctypes.c_uint32),
        ("map_flags", ctypes.c_uint32),
        ("name", ctypes.c_char * BPF_OBJ_NAME_LEN),
    )


@dataclass(frozen=True)
class MapInfo:
    id: int
    name: str
    key_size: int
    value_size: int


@dataclass(frozen=True)
class XdpQuery:
    """What runs on an interface: the program id (0: none) and how it is attached."""

    prog_id: int
    mode: AttachMode


@dataclass(frozen=True)
class ProgInfo:
    id: int
    name: str


@dataclass(frozen=True)
class TestRun:
    retval: int
    duration_ns: int  # average per repetition
    data_out: bytes


RingBufferCallback = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t
)  # int (*)(void *ctx, void *data, size_t size): a non-zero return stops the poll


def _sized(struct_type: type[ctypes.Structure]) -> ctypes.Structure:
    opts = struct_type()
    opts.sz = ctypes.sizeof(struct_type)
    return opts


def _buffer(data: bytes) -> ctypes.Array[ctypes.c_char]:
    return ctypes.create_string_buffer(data, len(data))


class Libbpf:
    """libbpf.so.1, loaded once per instance; every method raises LibbpfError on failure."""

    def __init__(self, path: str | None = None) -> None:
        name = path or ctypes.util.find_library("bpf") or "libbpf.so.1"
        try:
            self._lib = ctypes.CDLL(name, use_errno=True)
        except OSError as e:
            raise LibbpfError(errno.ENOENT, f"cannot load libbpf ({name}): {e}") from None
        lib = self._lib
        c_int, c_u32, vp = ctypes.c_int, ctypes.c_uint32, ctypes.c_void_p
        u32p = ctypes.POINTER(c_u32)
        self._sig("bpf_link_create", c_int, [c_int, c_int, c_int, vp])
        self._sig("bpf_xdp_attach", c_int, [c_int, c_int, c_u32, vp])
        self._sig("bpf_xdp_detach", c_int, [c_int, c_u32, vp])
        self._sig("bpf_xdp_query", c_int, [c_int, c_int, vp])
        self._sig("bpf_prog_get_fd_by_id", c_int, [c_u32])
        self._sig("bpf_map_get_fd_by_id", c_int, [c_u32])
        self._sig("bpf_obj_get_info_by_fd", c_int, [c_int, vp, u32p])
        self._sig("bpf_prog_test_run_opts", c_int, [c_int, vp])
        self._sig("bpf_map_update_elem", c_int, [c_int, vp, vp, ctypes.c_uint64])
        self._sig("bpf_map_lookup_elem", c_int, [c_int, vp, vp])
        self._sig("bpf_map_delete_elem", c_int, [c_int, vp])
        self._sig("bpf_map_get_next_key", c_int, [c_int, vp, vp])
        self._sig("bpf_map_update_batch", c_int, [c_int, vp, vp, u32p, vp])
        self._sig("bpf_map_delete_batch", c_int, [c_int, vp, u32p, vp])
        self._sig("bpf_map_lookup_batch", c_int, [c_int, vp, vp, vp, vp, u32p, vp])
        self._sig("libbpf_num_possible_cpus", c_int, [])
        self._sig("ring_buffer__new", vp, [c_int, RingBufferCallback, vp, vp])
        self._sig("ring_buffer__poll", c_int, [vp, c_int])
        self._sig("ring_buffer__free", None, [vp])
        self._sig("ring_buffer__epoll_fd", c_int, [vp])
        self._sig("ring_buffer__consume", c_int, [vp])
        self.possible_cpus = self._check(lib.libbpf_num_possible_cpus(), "count possible CPUs")

    def _sig(self, name: str, restype: object, argtypes: list[object]) -> None:
        fn = getattr(self._lib, name)
        fn.restype = restype
        fn.argtypes = argtypes

    @staticmethod
    def _check(ret: int, what: str) -> int:
        if ret < 0:
            code = -ret if ret != -1 else (ctypes.get_errno() or errno.EIO)
            raise LibbpfError(code, f"{what}: {os.strerror(code)}")
        return ret

    # XDP attachment ---------------------------------------------------------------------------

    def xdp_link_create(self, prog_fd: int, ifindex: int, mode: AttachMode) -> int:
        """Attach through a bpf_link in the given mode; returns the link fd (close it to detach)."""
        opts = _sized(_LinkCreateOpts)
        opts.flags = _MODE_FLAGS[mode]
        return self._check(
            self._lib.bpf_link_create(prog_fd, ifindex, BPF_XDP, ctypes.byref(opts)),
            f"attach XDP ({mode}) to ifindex {ifindex} with a bpf_link",
        )

    def xdp_attach_netlink(self, prog_fd: int, ifindex: int, mode: AttachMode) -> None:
        """The old way: a netlink attachment that outlives the process (tests and tooling only)."""
        self._check(
            self._lib.bpf_xdp_attach(ifindex, prog_fd, _MODE_FLAGS[mode], None),
            f"attach XDP ({mode}) to ifindex {ifindex} by netlink",
        )

    def xdp_query(self, ifindex: int) -> XdpQuery:
        opts = _sized(_XdpQueryOpts)
        self._check(
            self._lib.bpf_xdp_query(ifindex, 0, ctypes.byref(opts)),
            f"query XDP on ifindex {ifindex}",
        )
        mode = _XDP_ATTACHED.get(opts.attach_mode, AttachMode.NONE)
        return XdpQuery(prog_id=opts.prog_id, mode=mode)

    def xdp_detach_netlink(self, ifindex: int, mode: AttachMode, expected_prog_fd: int) -> None:
        """Remove a netlink attachment, only if ``expected_prog_fd``'s program is still the one
        attached (XDP_FLAGS_REPLACE makes the check and the removal one atomic step).
        EBUSY means a bpf_link holds the program; netlink cannot remove that."""
        opts = _sized(_XdpAttachOpts)
        opts.old_prog_fd = expected_prog_fd
        flags = _MODE_FLAGS.get(mode, 0) | XDP_FLAGS_REPLACE
        self._check(
            self._lib.bpf_xdp_detach(ifindex, flags, ctypes.byref(opts)),
            f"detach XDP from ifindex {ifindex}",
        )

    # Programs ---------------------------------------------------------------------------------

    def prog_fd_by_id(self, prog_id: int) -> int:
        return self._check(self._lib.bpf_prog_get_fd_by_id(prog_id), f"open program id {prog_id}")

    def prog_info(self, prog_fd: int) -> ProgInfo:
        info = _ProgInfo()
        size = ctypes.c_uint32(ctypes.sizeof(info))
        self._check(
            self._lib.bpf_obj_get_info_by_fd(prog_fd, ctypes.byref(info), ctypes.byref(size)),
            "read program info",
        )
        return ProgInfo(id=info.id, name=info.name.decode("utf-8", "replace"))

    def prog_map_ids(self, prog_fd: int) -> list[int]:
        """The ids of the maps a loaded program uses (how a tool reaches another process's
        maps: the fault tests compare them with the database after a kill -9 and restart)."""
        info = _ProgInfo()
        size = ctypes.c_uint32(ctypes.sizeof(info))
        what = "read program map ids"
        self._check(
            self._lib.bpf_obj_get_info_by_fd(prog_fd, ctypes.byref(info), ctypes.byref(size)), what
        )
        count = info.nr_map_ids
        ids = (ctypes.c_uint32 * max(count, 1))()
        info = _ProgInfo(nr_map_ids=count, map_ids=ctypes.addressof(ids))
        size = ctypes.c_uint32(ctypes.sizeof(info))
        self._check(
            self._lib.bpf_obj_get_info_by_fd(prog_fd, ctypes.byref(info), ctypes.byref(size)), what
        )
        return list(ids[: min(count, info.nr_map_ids)])

    def map_fd_by_id(self, map_id: int) -> int:
        return self._check(self._lib.bpf_map_get_fd_by_id(map_id), f"open map id {map_id}")

    def map_info(self, map_fd: int) -> MapInfo:
        info = _MapInfo()
        size = ctypes.c_uint32(ctypes.sizeof(info))
        self._check(
            self._lib.bpf_obj_get_info_by_fd(map_fd, ctypes.byref(info), ctypes.byref(size)),
            "read map info",
        )
        name = info.name.decode("utf-8", "replace")
        return MapInfo(info.id, name, info.key_size, info.value_size)

    def test_run(
        self,
        prog_fd: int,
        data: bytes,
        *,
        repeat: int = 1,
        ctx: XdpMd | None = None,
        flags: int = 0,
        batch_size: int = 0,
    ) -> TestRun:
        """BPF_PROG_TEST_RUN. With ``flags=BPF_F_TEST_XDP_LIVE_FRAMES`` and a ``ctx`` naming the
        sending interface, a program returning XDP_TX transmits ``repeat`` real frames."""
        opts = _sized(_TestRunOpts)
        data_in = _buffer(data)
        live = bool(flags & BPF_F_TEST_XDP_LIVE_FRAMES)
        data_out = None if live else ctypes.create_string_buffer(max(len(data), 64) + 256)
        opts.data_in = ctypes.cast(data_in, ctypes.c_void_p)
        opts.data_size_in = len(data)
        if data_out is not None:
            opts.data_out = ctypes.cast(data_out, ctypes.c_void_p)
            opts.data_size_out = len(data_out)
        if ctx is not None:
            opts.ctx_in = ctypes.cast(ctypes.byref(ctx), ctypes.c_void_p)
            opts.ctx_size_in = ctypes.sizeof(ctx)
        opts.repeat = repeat
        opts.flags = flags
        opts.batch_size = batch_size
        self._check(
            self._lib.bpf_prog_test_run_opts(prog_fd, ctypes.byref(opts)), "BPF_PROG_TEST_RUN"
        )
        out = b"" if data_out is None else data_out.raw[: opts.data_size_out]
        return TestRun(retval=opts.retval, duration_ns=opts.duration, data_out=out)

    # Maps -------------------------------------------------------------------------------------

    def map_update(self, map_fd: int, key: bytes, value: bytes, flags: int = BPF_ANY) -> None:
        self._check(
            self._lib.bpf_map_update_elem(map_fd, _buffer(key), _buffer(value), flags),
            "update map element",
        )

    def map_lookup(self, map_fd: int, key: bytes, value_size: int) -> bytes | None:
        """The value stored under ``key`` (all CPUs' values, concatenated, for per-CPU maps)."""
        out = ctypes.create_string_buffer(value_size)
        ret = self._lib.bpf_map_lookup_elem(map_fd, _buffer(key), out)
        if ret < 0 and (-ret if ret != -1 else ctypes.get_errno()) == errno.ENOENT:
            return None
        self._check(ret, "look up map element")
        return out.raw

    def map_delete(self, map_fd: int, key: bytes) -> bool:
        """Delete ``key``; False when it was not there."""
        ret = self._lib.bpf_map_delete_elem(map_fd, _buffer(key))
        if ret < 0 and (-ret if ret != -1 else ctypes.get_errno()) == errno.ENOENT:
            return False
        self._check(ret, "delete map element")
        return True

    def map_keys(self, map_fd: int, key_size: int) -> Iterator[bytes]:
        """Every key, one syscall each (for small maps such as the LPM tries)."""
        prev: ctypes.Array[ctypes.c_char] | None = None
        nxt = ctypes.create_string_buffer(key_size)
        while True:
            ret = self._lib.bpf_map_get_next_key(map_fd, prev, nxt)
            if ret < 0 and (-ret if ret != -1 else ctypes.get_errno()) == errno.ENOENT:
                return
            self._check(ret, "iterate map keys")
            yield nxt.raw
            prev = ctypes.create_string_buffer(nxt.raw, key_size)

    def map_update_batch(self, map_fd: int, keys: bytes, values: bytes, count: int) -> int:
        """Write ``count`` packed keys and values in one syscall; returns how many were written.

        On failure the LibbpfError carries errno; ``.written`` says how many got in first."""
        n = ctypes.c_uint32(count)
        opts = _sized(_MapBatchOpts)
        ret = self._lib.bpf_map_update_batch(
            map_fd, _buffer(keys), _buffer(values), ctypes.byref(n), ctypes.byref(opts)
        )
        if ret < 0:
            code = -ret if ret != -1 else (ctypes.get_errno() or errno.EIO)
            err = BatchError(code, f"batch update: {os.strerror(code)}")
            err.written = n.value
            raise err
        return n.value

    def map_delete_batch(self, map_fd: int, keys: bytes, count: int) -> int:
        n = ctypes.c_uint32(count)
        opts = _sized(_MapBatchOpts)
        ret = self._lib.bpf_map_delete_batch(
            map_fd, _buffer(keys), ctypes.byref(n), ctypes.byref(opts)
        )
        self._check(ret, "batch delete")
        return n.value

    def map_items_batch(
        self, map_fd: int, key_size: int, value_size: int, chunk: int = 8192
    ) -> Iterator[tuple[bytes, bytes]]:
        """Every (key, value) of a hash map, ``chunk`` entries per syscall."""
        in_batch: ctypes.c_void_p | ctypes.Array[ctypes.c_char] | None = None
        out_batch = ctypes.create_string_buffer(max(key_size, 8))
        keys = ctypes.create_string_buffer(key_size * chunk)
        values = ctypes.create_string_buffer(value_size * chunk)
        opts = _sized(_MapBatchOpts)
        while True:
            n = ctypes.c_uint32(chunk)
            ret = self._lib.bpf_map_lookup_batch(
                map_fd, in_batch, out_batch, keys, values, ctypes.byref(n), ctypes.byref(opts)
            )
            code = 0 if ret >= 0 else (-ret if ret != -1 else ctypes.get_errno())
            if code not in (0, errno.ENOENT):
                self._check(ret, "batch lookup")
            kraw, vraw = keys.raw, values.raw
            for i in range(n.value):
                yield (
                    kraw[i * key_size : (i + 1) * key_size],
                    vraw[i * value_size : (i + 1) * value_size],
                )
            if code == errno.ENOENT:
                return
            in_batch = ctypes.create_string_buffer(out_batch.raw, len(out_batch))

    # Ring buffers -----------------------------------------------------------------------------

    def ring_buffer(self, map_fd: int, on_record: Callable[[bytes], object]) -> RingBuffer:
        """A reader of the BPF_MAP_TYPE_RINGBUF ``map_fd``; ``on_record`` gets each record's
        bytes, in the thread that calls ``poll``."""
        return RingBuffer(self, map_fd, on_record)


class RingBuffer:
    """libbpf's ring_buffer over one map. ``poll`` blocks (without the GIL) for at most its
    timeout; one thread polls, and ``close`` is called after that thread has stopped."""

    def __init__(self, lib: Libbpf, map_fd: int, on_record: Callable[[bytes], object]) -> None:
        def record(_ctx: int | None, data: int | None, size: int) -> int:
            on_record(ctypes.string_at(data, size) if data else b"")
            return 0

        self._lib = lib._lib
        self._callback = RingBufferCallback(record)  # kept alive as long as libbpf may call it
        handle = self._lib.ring_buffer__new(map_fd, self._callback, None, None)
        if not handle:
            code = ctypes.get_errno() or errno.EINVAL
            raise LibbpfError(code, f"open ring buffer: {os.strerror(code)}")
        self._handle: int | None = handle
        # ``wait`` sleeps on the ring's epoll descriptor (readable when records are there) and on
        # whatever ``watch`` adds (a stop pipe), with no timeout.
        self._poller = select.poll()
        self._poller.register(self._lib.ring_buffer__epoll_fd(handle), select.POLLIN)

    def watch(self, fd: int) -> None:
        """Let ``fd`` becoming readable end a ``wait`` (how the polling thread is stopped)."""
        self._poller.register(fd, select.POLLIN)

    def wait(self) -> int:
        """Sleep (without the GIL, no timeout) until records are there or a watched descriptor
        is readable, then consume what is there; returns how many records were consumed. A
        timed ``poll`` woke its thread for nothing all day long (50 ms: 20 times a second)."""
        if self._handle is None:
            raise LibbpfError(errno.EBADF, "ring buffer is closed")
        self._poller.poll()  # a signal does not end it (PEP 475 retries)
        ret: int = self._lib.ring_buffer__consume(self._handle)
        if ret < 0:
            code = -ret if ret != -1 else (ctypes.get_errno() or errno.EIO)
            raise LibbpfError(code, f"consume ring buffer: {os.strerror(code)}")
        return ret

    def poll(self, timeout_ms: int) -> int:
        """Consume what is there, waiting up to ``timeout_ms`` for something; returns how many
        records were consumed (an interrupted wait counts as none)."""
        if self._handle is None:
            raise LibbpfError(errno.EBADF, "ring buffer is closed")
        ret: int = self._lib.ring_buffer__poll(self._handle, timeout_ms)
        if ret < 0:
            code = -ret if ret != -1 else (ctypes.get_errno() or errno.EIO)
            if code == errno.EINTR:
                return 0
            raise LibbpfError(code, f"poll ring buffer: {os.strerror(code)}")
        return ret

    def close(self) -> None:
        if self._handle is not None:
            self._lib.ring_buffer__free(self._handle)
            self._handle = None
