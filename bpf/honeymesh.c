/* HoneyMesh XDP enforcement: drop banned sources before the kernel allocates anything for them.
 *
 * Compiled by bcc at daemon start (honeymesh/enforcement/kernel.py) with -I pointing at this
 * folder and map sizes passed as -D flags. Layouts, names and constants: honeymesh.h.
 *
 * Per packet:
 *   1. Parse Ethernet, up to two VLAN tags (802.1Q / 802.1ad), then IPv4 or IPv6. A frame too
 *      short for the headers it announces is counted as malformed and passed: the stack discards
 *      it anyway, and a parser doubt is never a reason to drop.
 *   2. ARP, IPv6 neighbour discovery (ICMPv6 133-137) and MLD (130-132, 143; also behind a
 *      Hop-by-Hop header) pass in every mode, from any source, banned exactly or by a range,
 *      before any ban lookup: without them the node loses its link. LOCKDOWN: pass
 *      allowlisted sources, drop the rest.
 *   3. Otherwise look the source up in the exact ban hash (first in this CPU's cache of recent
 *      exact hits, hm_hot_*), then in the range LPM trie, but only
 *      while it holds entries and the range hint says a range may cover the source's /16 (IPv4)
 *      or /32 (IPv6). An entry whose expiry has passed does not match.
 *   4. A match is checked against the allowlist (allow always wins; an exact hit skips the
 *      check, since user space never lets an allow cover an exact ban, unless an IPv6 /64 key
 *      holds an allowed address: HM_CFG_V6_ALLOW_INSIDE), then dropped in
 *      ENFORCE or counted as "would drop" in TEST. In ENFORCE with HM_CFG_TRAPS_OPEN, a banned source's
 *      TCP/UDP packet to a port a trap serves (hm_served) passes instead: the traps keep
 *      talking to it and recording, the rest of the node is shut to it.
 *   5. Clean TCP SYNs and UDP datagrams to ports no trap serves are sampled into a ring buffer,
 *      rate-limited per CPU by a token bucket, for scan correlation in user space.
 *
 * IPv4-mapped IPv6 sources (::ffff:a.b.c.d) are looked up as the IPv4 address a.b.c.d.
 */
#include <uapi/linux/bpf.h>
#include <uapi/linux/if_ether.h>
#include <uapi/linux/in.h>
#include <uapi/linux/ip.h>
#include <uapi/linux/ipv6.h>
#include <uapi/linux/tcp.h>
#include <uapi/linux/udp.h>

#include "honeymesh.h"

#define HM_IP_OFFSET_MASK 0x1FFF
/* ICMPv6 the link needs: MLD (130-132, MLDv2 report 143) and neighbour discovery (RS 133 to
 * Redirect 137). MLD travels behind a Hop-by-Hop header (Router Alert). */
#define HM_ICMPV6_MLD_QUERY 130
#define HM_ICMPV6_REDIRECT 137
#define HM_ICMPV6_MLD2_REPORT 143

struct hm_vlan_hdr {
    __be16 tci;
    __be16 proto;
};

/* The hashes are not preallocated (BPF_F_NO_PREALLOC): a preallocated one holds kernel memory
 * for every entry it could take from the moment it is created, 105 MB for these four at their
 * default sizes, on every node, banning nothing or not. Unpreallocated, an idle node holds their
 * bucket arrays (about 21 MB) and each ban its own entry, allocated when user space inserts it;
 * the program only looks entries up, so its per-packet path is the same. */
BPF_ARRAY(HM_MAP_CONFIG, struct hm_config, 1);
BPF_PERCPU_ARRAY(HM_MAP_COUNTERS, __u64, HM_COUNTERS);
BPF_F_TABLE("hash", __u32, __u32, HM_MAP_ALLOW_V4, HM_ALLOW_MAX, BPF_F_NO_PREALLOC);
BPF_F_TABLE("hash", struct hm_in6, __u32, HM_MAP_ALLOW_V6, HM_ALLOW_MAX, BPF_F_NO_PREALLOC);
BPF_LPM_TRIE(HM_MAP_ALLOW_RANGE_V4, struct hm_lpm_v4, __u32, HM_ALLOW_RANGE_MAX);
BPF_LPM_TRIE(HM_MAP_ALLOW_RANGE_V6, struct hm_lpm_v6, __u32, HM_ALLOW_RANGE_MAX);
BPF_F_TABLE("hash", __u32, struct hm_ban, HM_MAP_BAN_V4, HM_BAN_V4_MAX, BPF_F_NO_PREALLOC);
BPF_F_TABLE("hash", struct hm_in6, struct hm_ban, HM_MAP_BAN_V6, HM_BAN_V6_MAX,
            BPF_F_NO_PREALLOC);
BPF_LPM_TRIE(HM_MAP_RANGE_V4, struct hm_lpm_v4, struct hm_ban, HM_RANGE_V4_MAX);
BPF_LPM_TRIE(HM_MAP_RANGE_V6, struct hm_lpm_v6, struct hm_ban, HM_RANGE_V6_MAX);
BPF_ARRAY(HM_MAP_RANGE_HINT, __u8, HM_RANGE_HINT_SIZE);
BPF_ARRAY(HM_MAP_SERVED_PORTS, __u8, 65536);
BPF_PERCPU_ARRAY(HM_MAP_SAMPLE_BUCKET, struct hm_bucket, 1);
BPF_RINGBUF_OUTPUT(HM_MAP_SAMPLES, HM_SAMPLE_PAGES);

/* What the parser found: the source (and destination) address and, when the first bytes of a
 * TCP or UDP header are present, where it starts. */
struct hm_pkt {
    __u32 src[4];
    __u32 dst[4];
    void *l4;
    __u8 family;
    __u8 proto;
};

static __always_inline int hm_count(__u32 index, int verdict)
{
    __u64 *c = hm_counters.lookup(&index);
    if (c)
        *c += 1;
    return verdict;
}

/* Time is read with bpf_ktime_get_coarse_ns: CLOCK_MONOTONIC at tick resolution (a few ms),
 * several times cheaper than the precise clock. A ban may outlive its expiry by one tick. */
static __always_inline __u64 hm_now(void)
{
    return bpf_ktime_get_coarse_ns();
}

static __always_inline int hm_live(const struct hm_ban *ban)
{
    return ban->expires_ns == 0 || ban->expires_ns > hm_now();
}

static __always_inline int hm_hinted(__u32 index, __u8 bit)
{
    __u8 *hint = hm_range_hint.lookup(&index);
    return hint && (*hint & bit);
}

static __always_inline __u32 hm_hint_v4(__u32 addr)
{
    return bpf_ntohl(addr) >> 16;
}

static __always_inline __u32 hm_hint_v6(const __u32 *addr)
{
    __u32 top = bpf_ntohl(addr[0]);
    return HM_RANGE_HINT_V6 + ((top >> 16) ^ (top & 0xffff));
}

/* The hot cache: per CPU, a direct-mapped table of recent exact hits (the key, how long the
 * entry may answer, and the hm_config.ban_gen it was filled under). A flood from few sources
 * is answered from it without the hash lookup and without reading the clock, which together
 * are most of what a banned packet costs (BPF_PROG_TEST_RUN on the project's VM, a ban with
 * an expiry as the daemon makes them: 70 ns through the hash, 31 from the cache); a flood from
 * many sources misses it and pays a slot compare and a slot write more. It holds hits only,
 * so a new ban needs nothing from it; user space raises ban_gen after every delete or rewrite
 * of an exact ban, and ban_gen is read before the hash lookup, so an entry filled from a ban
 * that has since gone carries an old value and no longer counts.
 *
 * An entry's lifetime is counted in jiffies (bpf_jiffies64, a plain read; the precise and the
 * coarse clock are helper calls that cost 13 ns here), converted as if a jiffy were 10 ms,
 * the longest one Linux has (HZ=100): at a higher HZ the entry lapses early and the next packet
 * looks the ban up again, so the cache never outlives a ban. An empty slot (all zero) has
 * lapsed: it never matches, whatever the source and ban_gen. */
#define HM_HOT_SLOTS_LOG2 6
#define HM_HOT_SLOTS (1 << HM_HOT_SLOTS_LOG2)
#define HM_HOT_FOREVER 0xffffffffffffffffULL /* until_jiffies of a permanent ban */
#define HM_NS_PER_LONGEST_JIFFY 10000000ULL
#define HM_GOLDEN 0x9e3779b1U /* Fibonacci hashing: the top bits of x * HM_GOLDEN mix every bit */
struct hm_hot_v4 {
    __u32 addr;
    __u32 pad;
    __u64 until_jiffies;
    __u64 gen;
};
struct hm_hot_v6 {
    __u32 addr[4];
    __u64 until_jiffies;
    __u64 gen;
};
BPF_PERCPU_ARRAY(hm_hot_v4, struct hm_hot_v4, HM_HOT_SLOTS);
BPF_PERCPU_ARRAY(hm_hot_v6, struct hm_hot_v6, HM_HOT_SLOTS);

static __always_inline __u32 hm_hot_slot(__u32 folded)
{
    return (__u32)(folded * HM_GOLDEN) >> (32 - HM_HOT_SLOTS_LOG2);
}

static __always_inline int hm_hot_live(__u64 until_jiffies)
{
    return until_jiffies == HM_HOT_FOREVER || until_jiffies > bpf_jiffies64();
}

/* An exact ban's hash entry read once: 0 if it has expired, else how long a cache entry for it
 * may answer (HM_HOT_FOREVER, or the whole jiffies of at most 10 ms before its expiry, which
 * may be none: then the entry has lapsed as it is written). One clock read at most. */
static __always_inline __u64 hm_exact_until(const struct hm_ban *ban)
{
    __u64 expires_ns = ban->expires_ns;
    if (expires_ns == 0)
        return HM_HOT_FOREVER;
    __u64 now = hm_now();
    if (expires_ns <= now)
        return 0;
    return bpf_jiffies64() + (expires_ns - now) / HM_NS_PER_LONGEST_JIFFY;
}

/* 0 = no live ban, else the counter to charge (HM_CNT_DROPPED_EXACT / _RANGE). */
static __always_inline __u32 hm_banned_v4(const struct hm_config *cfg, __u32 src)
{
    __u64 gen = *(volatile const __u64 *)&cfg->ban_gen;
    __u32 slot = hm_hot_slot(src);
    struct hm_hot_v4 *hot = hm_hot_v4.lookup(&slot);
    if (hot && hot->addr == src && hot->gen == gen && hm_hot_live(hot->until_jiffies))
        return HM_CNT_DROPPED_EXACT;
    struct hm_ban *ban = hm_ban_v4.lookup(&src);
    __u64 until = ban ? hm_exact_until(ban) : 0;
    if (until) {
        if (hot) {
            hot->addr = src;
            hot->until_jiffies = until;
            hot->gen = gen;
        }
        return HM_CNT_DROPPED_EXACT;
    }
    if (cfg->range_v4_count && hm_hinted(hm_hint_v4(src), HM_HINT_BAN)) {
        struct hm_lpm_v4 key = {.prefixlen = 32, .addr = src};
        ban = hm_range_v4.lookup(&key);
        if (ban && hm_live(ban))
            return HM_CNT_DROPPED_RANGE;
    }
    return 0;
}

static __always_inline __u32 hm_banned_v6(const struct hm_config *cfg, const __u32 *src)
{
    struct hm_in6 key = {.addr = {
        src[0] & cfg->v6_ban_mask[0],
        src[1] & cfg->v6_ban_mask[1],
        src[2] & cfg->v6_ban_mask[2],
        src[3] & cfg->v6_ban_mask[3],
    }};
    __u64 gen = *(volatile const __u64 *)&cfg->ban_gen;
    __u32 slot = hm_hot_slot(((key.addr[0] * HM_GOLDEN) ^ key.addr[1]) * HM_GOLDEN ^
                             key.addr[2] ^ key.addr[3]);
    struct hm_hot_v6 *hot = hm_hot_v6.lookup(&slot);
    if (hot && hot->addr[0] == key.addr[0] && hot->addr[1] == key.addr[1] &&
        hot->addr[2] == key.addr[2] && hot->addr[3] == key.addr[3] && hot->gen == gen &&
        hm_hot_live(hot->until_jiffies))
        return HM_CNT_DROPPED_EXACT;
    struct hm_ban *ban = hm_ban_v6.lookup(&key);
    __u64 until = ban ? hm_exact_until(ban) : 0;
    if (until) {
        if (hot) {
            #pragma unroll
            for (int i = 0; i < 4; i++)
                hot->addr[i] = key.addr[i];
            hot->until_jiffies = until;
            hot->gen = gen;
        }
        return HM_CNT_DROPPED_EXACT;
    }
    if (cfg->range_v6_count && hm_hinted(hm_hint_v6(src), HM_HINT_BAN)) {
        struct hm_lpm_v6 lkey = {.prefixlen = 128, .addr = {src[0], src[1], src[2], src[3]}};
        ban = hm_range_v6.lookup(&lkey);
        if (ban && hm_live(ban))
            return HM_CNT_DROPPED_RANGE;
    }
    return 0;
}

static __always_inline int hm_allowed(const struct hm_config *cfg, const struct hm_pkt *pkt)
{
    if (pkt->family == HM_FAMILY_V4) {
        __u32 src = pkt->src[0];
        if (cfg->allow_v4_count && hm_allow_v4.lookup(&src))
            return 1;
        if (cfg->allow_range_v4_count && hm_hinted(hm_hint_v4(src), HM_HINT_ALLOW)) {
            struct hm_lpm_v4 key = {.prefixlen = 32, .addr = src};
            if (hm_allow_rng_v4.lookup(&key))
                return 1;
        }
        return 0;
    }
    if (cfg->allow_v6_count) {
        struct hm_in6 key = {.addr = {pkt->src[0], pkt->src[1], pkt->src[2], pkt->src[3]}};
        if (hm_allow_v6.lookup(&key))
            return 1;
    }
    if (cfg->allow_range_v6_count && hm_hinted(hm_hint_v6(pkt->src), HM_HINT_ALLOW)) {
        struct hm_lpm_v6 key = {
            .prefixlen = 128, .addr = {pkt->src[0], pkt->src[1], pkt->src[2], pkt->src[3]}};
        if (hm_allow_rng_v6.lookup(&key))
            return 1;
    }
    return 0;
}

/* Whether the packet is TCP or UDP to a port a trap serves for that protocol. Only when the
 * parser found the L4 header: a non-first IPv4 fragment, or IPv6 behind an extension header
 * (not walked), is not trap traffic. */
static __always_inline int hm_to_trap(const struct hm_pkt *pkt, void *end)
{
    __u16 dport;
    __u8 bit;
    if (!pkt->l4)
        return 0;
    if (pkt->proto == IPPROTO_TCP) {
        struct tcphdr *tcp = pkt->l4;
        if ((void *)(tcp + 1) > end)
            return 0;
        dport = tcp->dest;
        bit = HM_SERVED_TCP;
    } else if (pkt->proto == IPPROTO_UDP) {
        struct udphdr *udp = pkt->l4;
        if ((void *)(udp + 1) > end)
            return 0;
        dport = udp->dest;
        bit = HM_SERVED_UDP;
    } else {
        return 0;
    }
    __u32 port = bpf_ntohs(dport);
    __u8 *served = hm_served.lookup(&port);
    return served && (*served & bit);
}

/* Sample a TCP SYN or UDP datagram to an unserved port into the ring buffer, within budget. */
static __always_inline void hm_sample(struct xdp_md *ctx, const struct hm_config *cfg,
                                      const struct hm_pkt *pkt, void *end)
{
    __u16 sport, dport;
    __u8 flags = 0, served_bit;
    if (!pkt->l4 || !cfg->sample_cost_ns)
        return;
    if (pkt->proto == IPPROTO_TCP) {
        struct tcphdr *tcp = pkt->l4;
        if ((void *)(tcp + 1) > end)
            return;
        if (!tcp->syn || tcp->ack)
            return;
        flags = ((__u8 *)tcp)[13];
        sport = tcp->source;
        dport = tcp->dest;
        served_bit = HM_SERVED_TCP;
    } else if (pkt->proto == IPPROTO_UDP) {
        struct udphdr *udp = pkt->l4;
        if ((void *)(udp + 1) > end)
            return;
        sport = udp->source;
        dport = udp->dest;
        served_bit = HM_SERVED_UDP;
    } else {
        return;
    }
    __u32 port = bpf_ntohs(dport);
    __u8 *served = hm_served.lookup(&port);
    if (served && (*served & served_bit))
        return;

    __u32 zero = 0;
    struct hm_bucket *bucket = hm_bucket.lookup(&zero);
    if (!bucket)
        return;
    __u64 now = hm_now();
    __u64 credit = bucket->credit_ns + (now - bucket->last_ns);
    if (credit > cfg->sample_burst_ns)
        credit = cfg->sample_burst_ns;
    bucket->last_ns = now;
    if (credit < cfg->sample_cost_ns) {
        bucket->credit_ns = credit;
        hm_count(HM_CNT_SAMPLE_SKIPPED, 0);
        return;
    }
    bucket->credit_ns = credit - cfg->sample_cost_ns;

    struct hm_sample *s = hm_samples.ringbuf_reserve(sizeof(struct hm_sample));
    if (!s) {
        hm_count(HM_CNT_SAMPLE_SKIPPED, 0);
        return;
    }
    s->time_ns = now;
    #pragma unroll
    for (int i = 0; i < 4; i++) {
        s->src[i] = pkt->src[i];
        s->dst[i] = pkt->dst[i];
    }
    s->sport = bpf_ntohs(sport);
    s->dport = port;
    s->family = pkt->family;
    s->proto = pkt->proto;
    s->tcp_flags = flags;
    s->pad0 = 0;
    s->ifindex = ctx->ingress_ifindex;
    s->pad1 = 0;
    hm_samples.ringbuf_submit(s, 0);
    hm_count(HM_CNT_SAMPLED, 0);
}

int HM_PROG_NAME(struct xdp_md *ctx)
{
    void *data = (void *)(long)ctx->data;
    void *end = (void *)(long)ctx->data_end;
    __u32 zero = 0;
    struct hm_config *cfg = hm_config.lookup(&zero);
    if (!cfg)
        return XDP_PASS;

    /* Layer 2 */
    struct ethhdr *eth = data;
    if ((void *)(eth + 1) > end)
        return hm_count(HM_CNT_MALFORMED, XDP_PASS);
    __be16 proto = eth->h_proto;
    void *cur = eth + 1;
    #pragma unroll
    for (int i = 0; i < 2; i++) {
        if (proto != bpf_htons(ETH_P_8021Q) && proto != bpf_htons(ETH_P_8021AD))
            break;
        struct hm_vlan_hdr *vlan = cur;
        if ((void *)(vlan + 1) > end)
            return hm_count(HM_CNT_MALFORMED, XDP_PASS);
        proto = vlan->proto;
        cur = vlan + 1;
    }

    /* Layer 3 */
    struct hm_pkt pkt = {};
    int nd = 0;
    if (proto == bpf_htons(ETH_P_IP)) {
        struct iphdr *ip = cur;
        if ((void *)(ip + 1) > end || ip->version != 4 || ip->ihl < 5)
            return hm_count(HM_CNT_MALFORMED, XDP_PASS);
        __u32 hlen = ip->ihl * 4;
        if (cur + hlen > end)
            return hm_count(HM_CNT_MALFORMED, XDP_PASS);
        pkt.family = HM_FAMILY_V4;
        pkt.src[0] = ip->saddr;
        pkt.dst[0] = ip->daddr;
        pkt.proto = ip->protocol;
        if (!(ip->frag_off & bpf_htons(HM_IP_OFFSET_MASK)))
            pkt.l4 = cur + hlen;
    } else if (proto == bpf_htons(ETH_P_IPV6)) {
        struct ipv6hdr *ip6 = cur;
        if ((void *)(ip6 + 1) > end || ip6->version != 6)
            return hm_count(HM_CNT_MALFORMED, XDP_PASS);
        pkt.family = HM_FAMILY_V6;
        #pragma unroll
        for (int i = 0; i < 4; i++) {
            pkt.src[i] = ip6->saddr.in6_u.u6_addr32[i];
            pkt.dst[i] = ip6->daddr.in6_u.u6_addr32[i];
        }
        pkt.proto = ip6->nexthdr;
        pkt.l4 = ip6 + 1;
        /* Link-control ICMPv6, directly or behind one Hop-by-Hop header (as MLD is sent). */
        __u8 next = ip6->nexthdr;
        __u8 *type = (void *)(ip6 + 1);
        if (next == IPPROTO_HOPOPTS) {
            struct ipv6_opt_hdr *hbh = (void *)(ip6 + 1);
            if ((void *)(hbh + 1) <= end) {
                next = hbh->nexthdr;
                type = (void *)hbh + ((__u32)hbh->hdrlen + 1) * 8;
            }
        }
        if (next == IPPROTO_ICMPV6 && (void *)(type + 1) <= end &&
            ((*type >= HM_ICMPV6_MLD_QUERY && *type <= HM_ICMPV6_REDIRECT) ||
             *type == HM_ICMPV6_MLD2_REPORT))
            nd = 1;
        if (pkt.src[0] == 0 && pkt.src[1] == 0 && pkt.src[2] == bpf_htonl(0xffff)) {
            /* IPv4-mapped: judge it as the IPv4 address it carries. */
            pkt.family = HM_FAMILY_V4;
            pkt.src[0] = pkt.src[3];
            pkt.src[3] = 0;
            if (pkt.dst[0] == 0 && pkt.dst[1] == 0 && pkt.dst[2] == bpf_htonl(0xffff)) {
                pkt.dst[0] = pkt.dst[3];
                pkt.dst[3] = 0;
            } else {
                pkt.l4 = 0; /* a mixed-family packet is not worth a sample */
            }
        }
    } else if (proto == bpf_htons(ETH_P_ARP)) {
        return hm_count(HM_CNT_PASSED, XDP_PASS);
    } else if (proto == bpf_htons(ETH_P_8021Q) || proto == bpf_htons(ETH_P_8021AD)) {
        /* A third VLAN tag: more than this parser follows. */
        return hm_count(HM_CNT_MALFORMED, XDP_PASS);
    } else {
        if (cfg->mode == HM_MODE_LOCKDOWN)
            return hm_count(HM_CNT_DROPPED_LOCKDOWN, XDP_DROP);
        return hm_count(HM_CNT_PASSED, XDP_PASS);
    }

    /* Verdict. Neighbour discovery and MLD pass in every mode, from any source, banned or not
     * (as ARP does above), ahead of every lookup: dropping it costs the node its link (one banned on-link host would
     * otherwise take the router's advertisements and every neighbour's answers with it). */
    if (nd)
        return hm_count(HM_CNT_PASSED, XDP_PASS);
    if (cfg->mode == HM_MODE_LOCKDOWN) {
        if (hm_allowed(cfg, &pkt))
            return hm_count(HM_CNT_ALLOWED, XDP_PASS);
        return hm_count(HM_CNT_DROPPED_LOCKDOWN, XDP_DROP);
    }
    __u32 reason = pkt.family == HM_FAMILY_V4 ? hm_banned_v4(cfg, pkt.src[0])
                                              : hm_banned_v6(cfg, pkt.src);
    if (!reason) {
        hm_sample(ctx, cfg, &pkt, end);
        return hm_count(HM_CNT_PASSED, XDP_PASS);
    }
    /* An exact hit skips the allowlist: the control plane never lets an allow cover an exact
     * ban (a ban under an allow is refused, an allow lifts the bans under it, and a restore
     * lifts stored bans under this run's allows), so the lookup could only say no. An IPv6
     * key is a whole /64, which may hold an allowed address: while one does
     * (HM_CFG_V6_ALLOW_INSIDE), IPv6 exact hits look. Range hits always do. */
    int skip_allow = reason == HM_CNT_DROPPED_EXACT &&
                     (pkt.family == HM_FAMILY_V4 || !(cfg->flags & HM_CFG_V6_ALLOW_INSIDE));
    if (!skip_allow && hm_allowed(cfg, &pkt))
        return hm_count(HM_CNT_ALLOWED, XDP_PASS);
    if (cfg->mode != HM_MODE_ENFORCE)
        return hm_count(HM_CNT_WOULD_DROP, XDP_PASS);
    /* A ban must not blind the honeypot: the traps stay open to the banned source (its open
     * trap session goes on and keeps recording), every other port is shut to it. */
    if ((cfg->flags & HM_CFG_TRAPS_OPEN) && hm_to_trap(&pkt, end))
        return hm_count(HM_CNT_TRAP_PASSED, XDP_PASS);
    return hm_count(reason, XDP_DROP);
}
