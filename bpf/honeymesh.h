/* HoneyMesh XDP: the one definition of everything the kernel program and user space share.
 *
 * Map names, key and value layouts, counter indices, mode values and flag bits live here and
 * nowhere else. The C program includes this file; Python (honeymesh/enforcement/layout.py) reads
 * the #define lines from it at run time and keeps a ctypes mirror of the structs that a test
 * compares field by field against the struct definitions below (tests/kernel/test_layout.py).
 *
 * Rules that keep the Python reader simple: one `#define NAME VALUE` per line, VALUE a decimal or
 * hex integer or an identifier; struct fields one per line as `__uNN name;` or `__uNN name[N];`;
 * explicit padding so that no struct has implicit holes.
 *
 * Byte order: addresses are stored exactly as they appear on the wire (network byte order);
 * ports in samples are host byte order.
 */
#ifndef HONEYMESH_H
#define HONEYMESH_H

#include <linux/types.h>

/* The program's name as the kernel keeps it (at most 15 characters). User space recognises a
 * HoneyMesh program on an interface by this name. */
#define HM_PROG_NAME honeymesh_xdp

/* Map names --------------------------------------------------------------------------------- */
#define HM_MAP_CONFIG hm_config
#define HM_MAP_COUNTERS hm_counters
#define HM_MAP_ALLOW_V4 hm_allow_v4
#define HM_MAP_ALLOW_V6 hm_allow_v6
#define HM_MAP_ALLOW_RANGE_V4 hm_allow_rng_v4
#define HM_MAP_ALLOW_RANGE_V6 hm_allow_rng_v6
#define HM_MAP_BAN_V4 hm_ban_v4
#define HM_MAP_BAN_V6 hm_ban_v6
#define HM_MAP_RANGE_V4 hm_range_v4
#define HM_MAP_RANGE_V6 hm_range_v6
#define HM_MAP_RANGE_HINT hm_range_hint
#define HM_MAP_SERVED_PORTS hm_served
#define HM_MAP_SAMPLE_BUCKET hm_bucket
#define HM_MAP_SAMPLES hm_samples

/* Map sizes: defaults, each overridable with -DNAME=VALUE ---------------------------------- */
#ifndef HM_BAN_V4_MAX
#define HM_BAN_V4_MAX 1048576
#endif
#ifndef HM_BAN_V6_MAX
#define HM_BAN_V6_MAX 262144
#endif
#ifndef HM_RANGE_V4_MAX
#define HM_RANGE_V4_MAX 65536
#endif
#ifndef HM_RANGE_V6_MAX
#define HM_RANGE_V6_MAX 65536
#endif
#ifndef HM_ALLOW_MAX
#define HM_ALLOW_MAX 16384
#endif
#ifndef HM_ALLOW_RANGE_MAX
#define HM_ALLOW_RANGE_MAX 16384
#endif
/* Ring buffer size in pages (a power of two). */
#ifndef HM_SAMPLE_PAGES
#define HM_SAMPLE_PAGES 64
#endif

/* Modes (hm_config.mode). Any other value behaves like TEST: never drop. ------------------ */
#define HM_MODE_TEST 0
#define HM_MODE_ENFORCE 1
#define HM_MODE_LOCKDOWN 2

/* Per-CPU counters (hm_counters index). The first eight partition the packets the program saw:
 * every packet adds one to exactly one of them. TRAP_PASSED: a banned source's packet to a port
 * a trap serves, let through in ENFORCE because HM_CFG_TRAPS_OPEN is set. */
#define HM_CNT_PASSED 0
#define HM_CNT_DROPPED_EXACT 1
#define HM_CNT_DROPPED_RANGE 2
#define HM_CNT_DROPPED_LOCKDOWN 3
#define HM_CNT_ALLOWED 4
#define HM_CNT_MALFORMED 5
#define HM_CNT_WOULD_DROP 6
#define HM_CNT_TRAP_PASSED 7
/* Ring-buffer sampling: records written, and candidates the rate limit or a full ring skipped. */
#define HM_CNT_SAMPLED 8
#define HM_CNT_SAMPLE_SKIPPED 9
#define HM_COUNTERS 10

/* hm_range_hint: one byte per IPv4 /16 (index: the address's top 16 bits), then one per hash
 * of an IPv6 /32 (index: HM_RANGE_HINT_V6 + (p >> 16 ^ (p & 0xffff)), p = the first 32 address
 * bits). Bit HM_HINT_BAN: a range ban may cover this prefix; bit HM_HINT_ALLOW: an allowlisted
 * range may. Traffic from anywhere else skips that LPM lookup for the price of one array read. */
#define HM_HINT_BAN 1
#define HM_HINT_ALLOW 2
#define HM_RANGE_HINT_V6 65536
#define HM_RANGE_HINT_SIZE 131072

/* hm_served flag bits: a trap listens on this port, so its traffic is not sampled (and, with
 * HM_CFG_TRAPS_OPEN, a banned source may still reach it). */
#define HM_SERVED_TCP 1
#define HM_SERVED_UDP 2

/* hm_config.flags bits. TRAPS_OPEN: in ENFORCE, a banned source's TCP/UDP packet to a port
 * hm_served marks for its protocol passes (HM_CNT_TRAP_PASSED), so a ban does not blind the
 * traps; everything else it sends is dropped. Not in LOCKDOWN, which drops all that is not
 * allowlisted. */
#define HM_CFG_TRAPS_OPEN 1
/* V6_ALLOW_INSIDE: some hm_ban_v6 key (a whole /64) holds an allowlisted address, so an IPv6
 * exact hit must consult the allowlist. User space keeps it exact; while it is clear, an IPv6
 * exact hit drops without the lookup, as an IPv4 one always does. */
#define HM_CFG_V6_ALLOW_INSIDE 2

/* hm_sample.family */
#define HM_FAMILY_V4 4
#define HM_FAMILY_V6 6

/* Layouts ----------------------------------------------------------------------------------- */

/* hm_config[0]: written by user space only. The *_count fields let the program skip maps that
 * hold no entries (an LPM lookup costs far more than a hash lookup). */
struct hm_config {
    __u32 mode;
    __u32 range_v4_count;
    __u32 range_v6_count;
    __u32 allow_v4_count;
    __u32 allow_v6_count;
    __u32 allow_range_v4_count;
    __u32 allow_range_v6_count;
    __u32 flags; /* HM_CFG_* bits */
    /* AND-ed with an IPv6 source before the hm_ban_v6 lookup: a /64 mask makes one ban cover
     * the attacker's whole allocation. Network byte order. */
    __u32 v6_ban_mask[4];
    /* Ring-buffer sampling token bucket, per CPU: each sample costs this much credit (0 turns
     * sampling off); credit accrues with elapsed time up to sample_burst_ns. */
    __u64 sample_cost_ns;
    __u64 sample_burst_ns;
    /* Raised by user space after it deletes or rewrites any hm_ban_v4 or hm_ban_v6 entry: the
     * program's per-CPU cache of recent exact hits (honeymesh.c, hm_hot_*) trusts only entries
     * filled under the current value, so an unban or a changed expiry is never answered from
     * the cache. Adding a ban need not raise it (the cache holds hits only). */
    __u64 ban_gen;
};

/* Value of every ban map (exact and range). */
struct hm_ban {
    __u64 expires_ns; /* CLOCK_MONOTONIC in ns (what time.monotonic() reads); 0 = permanent */
};

/* Key of hm_ban_v6 and hm_allow_v6. */
struct hm_in6 {
    __u32 addr[4];
};

/* Keys of the LPM tries (the kernel wants the prefix length first). */
struct hm_lpm_v4 {
    __u32 prefixlen;
    __u32 addr;
};

struct hm_lpm_v6 {
    __u32 prefixlen;
    __u32 addr[4];
};

/* hm_bucket[0], per CPU. */
struct hm_bucket {
    __u64 credit_ns;
    __u64 last_ns;
};

/* One ring-buffer record: a TCP SYN or UDP datagram to a port no trap serves. */
struct hm_sample {
    __u64 time_ns; /* CLOCK_MONOTONIC in ns, tick resolution */
    __u32 src[4];  /* IPv4: src[0] only */
    __u32 dst[4];
    __u16 sport;
    __u16 dport;
    __u8 family;
    __u8 proto; /* IPPROTO_TCP or IPPROTO_UDP */
    __u8 tcp_flags;
    __u8 pad0;
    __u32 ifindex;
    __u32 pad1;
};

#endif /* HONEYMESH_H */
