// The HoneyMesh dashboard: the admin API (token in sessionStorage) and the live feed (/ws).
// Every value from the node is written with textContent, never as HTML, and through shown():
// attacker text (a trap's username, command, preview) is shown escaped the same way as in the
// TUI, the CLI and the console (honeymesh/text.py): control characters, CR/LF, ESC, bidi
// controls, line/paragraph separators and lone surrogates as \r \n \x1b \u202e.
"use strict";

const TOKEN_KEY = "honeymesh.token";
const MAX_ROWS = 300;
const RATE_WINDOW_MIN = 30;

const $ = (id) => document.getElementById(id);

const state = {
  token: sessionStorage.getItem(TOKEN_KEY),
  ws: null,
  wsRetry: null,
  paused: false,
  seen: 0,
  buckets: new Map(), // minute start (s) -> {type: n}
  drops: [], // {t, v}
  lastDrops: null,
  timers: [],
  mode: null,
};

class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function api(method, path, body) {
  const headers = { Authorization: `Bearer ${state.token}`, Accept: "application/json" };
  const init = { method, headers, cache: "no-store" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const resp = await fetch(path, init);
  let data = null;
  try {
    data = await resp.json();
  } catch (e) {
    data = null;
  }
  if (!resp.ok) {
    const err = (data && data.error) || {};
    if (resp.status === 401 && path !== "/api/v1/status") logout("the token was refused");
    throw new ApiError(resp.status, err.code || "http_" + resp.status, err.message || resp.statusText);
  }
  return data;
}

// The same characters as honeymesh/text.py UNSAFE; a surrogate only when it is not half of a pair.
const UNSAFE =
  /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NAMED = { "\r": "\\r", "\n": "\\n", "\t": "\\t" };

function shown(text) {
  return String(text).replace(UNSAFE, (c) => {
    if (NAMED[c]) return NAMED[c];
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

function flash(text, bad) {
  const el = $("flash");
  el.textContent = shown(text);
  el.classList.toggle("bad", !!bad);
  el.classList.remove("hidden");
  clearTimeout(flash.timer);
  flash.timer = setTimeout(() => el.classList.add("hidden"), 6000);
}

function cell(row, text, cls) {
  const td = document.createElement("td");
  td.textContent = text === null || text === undefined ? "" : shown(text);
  if (cls) td.className = cls;
  row.append(td);
  return td;
}

function button(label, cls, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  if (cls) b.className = cls;
  b.addEventListener("click", onClick);
  return b;
}

function fmtTime(t) {
  return t ? new Date(t * 1000).toLocaleTimeString() : "";
}

function fmtExpiry(expires) {
  if (expires === null || expires === undefined) return "permanent";
  const left = expires - Date.now() / 1000;
  if (left <= 0) return "expired";
  if (left < 120) return `${Math.round(left)} s`;
  if (left < 7200) return `${Math.round(left / 60)} min`;
  if (left < 172800) return `${Math.round(left / 3600)} h`;
  return `${Math.round(left / 86400)} d`;
}

// Login -----------------------------------------------------------------------------------------

async function login(token) {
  state.token = token;
  try {
    const status = await api("GET", "/api/v1/status");
    sessionStorage.setItem(TOKEN_KEY, token);
    $("login").classList.add("hidden");
    $("main").classList.remove("hidden");
    $("login-error").textContent = "";
    start(status);
  } catch (e) {
    state.token = null;
    sessionStorage.removeItem(TOKEN_KEY);
    $("login-error").textContent =
      e.status === 401 ? "That token was refused." : e.status === 429 ? e.message : `Cannot log in: ${e.message}`;
  }
}

function logout(why) {
  sessionStorage.removeItem(TOKEN_KEY);
  state.token = null;
  for (const t of state.timers) clearInterval(t);
  state.timers = [];
  clearTimeout(state.wsRetry);
  if (state.ws) {
    state.ws.onclose = null;
    state.ws.close();
    state.ws = null;
  }
  $("main").classList.add("hidden");
  $("login").classList.remove("hidden");
  $("login-error").textContent = why || "";
}

function start(status) {
  showStatus(status);
  connectFeed();
  refreshBans();
  refreshAllowlist();
  refreshPeers();
  refreshMesh();
  refreshLicense();
  refreshStats();
  state.timers.push(setInterval(refreshStatus, 3000));
  state.timers.push(setInterval(refreshMesh, 10000));
  state.timers.push(setInterval(refreshStats, 30000));
  state.timers.push(setInterval(refreshPeers, 15000));
  state.timers.push(setInterval(drawRate, 5000));
  state.timers.push(setInterval(refreshBanExpiries, 10000));
}

// Status, mode, kernel counters ---------------------------------------------------------------

async function refreshStatus() {
  try {
    showStatus(await api("GET", "/api/v1/status"));
  } catch (e) {
    /* shown by the next successful refresh */
  }
}

function showStatus(status) {
  $("node-name").textContent = status.node.name;
  setMode(status.mode);
  const lic = status.license;
  $("license-badge").textContent = lic ? `license ${lic.tier}` : "license ?";
  const kernel = status.kernel || {};
  const kb = $("kernel-badge");
  kb.textContent = `kernel ${kernel.state || "?"}`;
  kb.classList.toggle("warn", !["enforcing", "attached"].includes(kernel.state));
  kb.title = kernel.reason || "";
  showMeshBadge(status.mesh);
  const packets = status.counters && status.counters.kernel_packets;
  const now = Date.now() / 1000;
  if (packets) {
    const dropped = Object.entries(packets)
      .filter(([k]) => k.startsWith("drop"))
      .reduce((a, [, v]) => a + v, 0);
    if (state.lastDrops) {
      const dt = now - state.lastDrops.t;
      if (dt > 0) state.drops.push({ t: now, v: Math.max(0, (dropped - state.lastDrops.v) / dt) });
      while (state.drops.length > 120) state.drops.shift();
    }
    state.lastDrops = { t: now, v: dropped };
    $("drops-note").textContent = `${dropped} packets dropped since the program was loaded`;
  } else {
    $("drops-note").textContent = "the kernel reports no counters (enforcement not attached)";
  }
  Charts.line($("chart-drops"), state.drops, "/s", packets ? "collecting…" : "no kernel counters");
}

function setMode(mode) {
  state.mode = mode;
  $("mode-current").textContent = mode.toUpperCase();
  const badge = $("mode-badge");
  badge.textContent = `mode ${mode.toUpperCase()}`;
  badge.className = `badge mode-${mode}`;
}

function askModeSwitch() {
  const wanted = $("mode-select").value;
  if (wanted === state.mode) {
    flash(`The node is already in ${wanted.toUpperCase()} mode.`);
    return;
  }
  const warn =
    wanted === "lockdown"
      ? " LOCKDOWN drops every packet not on the allowlist."
      : wanted === "enforce"
        ? " Policy bans will be enforced in the kernel."
        : " Automatic bans will only be logged.";
  $("mode-confirm-text").textContent = `Switch from ${state.mode.toUpperCase()} to ${wanted.toUpperCase()}?${warn}`;
  $("mode-confirm").classList.remove("hidden");
}

async function switchMode() {
  const wanted = $("mode-select").value;
  $("mode-confirm").classList.add("hidden");
  try {
    const result = await api("POST", "/api/v1/mode", { mode: wanted });
    setMode(result.mode);
    flash(`Mode switched from ${result.previous.toUpperCase()} to ${result.mode.toUpperCase()}.`);
  } catch (e) {
    flash(`Mode not switched: ${e.message}`, true);
  }
}

// The live feed ---------------------------------------------------------------------------------

async function connectFeed() {
  clearTimeout(state.wsRetry);
  let ticket;
  try {
    ticket = await api("POST", "/api/v1/ws-ticket");
  } catch (e) {
    feedState(false, `feed offline (${e.message})`);
    state.wsRetry = setTimeout(connectFeed, 5000);
    return;
  }
  const ws = new WebSocket(`wss://${location.host}${ticket.path}`);
  state.ws = ws;
  ws.onopen = () => feedState(true, "feed live");
  ws.onmessage = (msg) => {
    const data = JSON.parse(msg.data);
    if (data.type === "hello") {
      if (data.mode) setMode(data.mode);
      return;
    }
    for (const event of data.events || []) onEvent(event);
  };
  ws.onclose = () => {
    feedState(false, "feed offline, reconnecting…");
    state.ws = null;
    if (state.token) state.wsRetry = setTimeout(connectFeed, 2000);
  };
}

function feedState(on, text) {
  const el = $("feed-state");
  el.textContent = text;
  el.classList.toggle("off", !on);
  el.classList.toggle("on", on);
}

function summary(event) {
  const d = event.detail || event.evidence || {};
  if (event.event_id === "trap.session") {
    return `${d.trap} port ${d.port}: ${d.bytes_received} bytes ${d.preview ? shown(d.preview).slice(0, 60) : ""}`;
  }
  if (event.kind === "decision") return `${event.action} (${event.mode}): ${(event.reasons || []).join("; ")}`;
  if (event.kind === "verdict") return `${event.detector} score ${event.score}: ${(event.reasons || []).join("; ")}`;
  const parts = [];
  for (const [k, v] of Object.entries(d)) {
    if (parts.length >= 4) break;
    parts.push(`${k}=${typeof v === "object" ? JSON.stringify(v) : v}`);
  }
  return parts.join(" ").slice(0, 160);
}

function onEvent(event) {
  state.seen += 1;
  $("event-count").textContent = `(${state.seen} since login)`;
  const minute = Math.floor(event.time / 60) * 60;
  const counts = state.buckets.get(minute) || {};
  counts[event.event_id] = (counts[event.event_id] || 0) + 1;
  state.buckets.set(minute, counts);

  later("draw", drawRate, 500);
  if (event.kind === "observation" || event.kind === "verdict") later("stats", refreshStats, 3000);
  if (event.event_id === "mode.changed" && event.detail) setMode(event.detail.mode);
  if (/^(ban|bans|allow)\./.test(event.event_id)) later("bans", refreshBans, 300);
  if (/^allow\./.test(event.event_id)) refreshAllowlist();
  if (/^trust\./.test(event.event_id)) refreshPeers();
  if (/^mesh\./.test(event.event_id)) later("mesh", refreshMesh, 300);
  if (event.event_id === "license.state") refreshLicense();

  if (state.paused) return;
  const body = $("events-table").tBodies[0];
  const row = document.createElement("tr");
  row.dataset.event = event.event_id;
  row.dataset.source = event.source || "";
  cell(row, fmtTime(event.time));
  cell(row, event.event_id, "mono");
  cell(row, event.source, "mono");
  cell(row, summary(event));
  applyFilter(row);
  body.prepend(row);
  while (body.rows.length > MAX_ROWS) body.deleteRow(-1);
}

const pending = {};

function later(name, fn, ms) {
  // Run fn once, ms from the first request: bursts of events cost one redraw.
  if (pending[name]) return;
  pending[name] = setTimeout(() => {
    delete pending[name];
    fn();
  }, ms);
}

function applyFilter(row) {
  const f = $("event-filter").value.trim().toLowerCase();
  row.hidden = !!f && !(row.dataset.event.includes(f) || row.dataset.source.toLowerCase().includes(f));
}

// Charts from the stored events ------------------------------------------------------------------

async function refreshStats() {
  const since = Date.now() / 1000 - RATE_WINDOW_MIN * 60;
  try {
    const stats = await api("GET", `/api/v1/events/stats?since=${since}&bucket=60&top=8`);
    state.buckets = new Map();
    for (const row of stats.per_bucket) {
      const counts = state.buckets.get(row.start) || {};
      counts[row.event_id] = row.count;
      state.buckets.set(row.start, counts);
    }
    Charts.hbars($("chart-sources"), stats.top_sources.map((r) => ({ label: r.source, value: r.count })));
    Charts.hbars($("chart-ja4"), stats.top_ja4.map((r) => ({ label: r.ja4, value: r.count })));
    drawRate();
  } catch (e) {
    /* keep the last charts */
  }
}

function drawRate() {
  const nowMin = Math.floor(Date.now() / 60000) * 60;
  const buckets = [];
  for (let m = nowMin - (RATE_WINDOW_MIN - 1) * 60; m <= nowMin; m += 60) {
    buckets.push({ start: m, counts: state.buckets.get(m) || {} });
  }
  for (const key of state.buckets.keys()) if (key < nowMin - RATE_WINDOW_MIN * 60) state.buckets.delete(key);
  Charts.stackedBars($("chart-rate"), buckets, $("chart-rate-legend"));
}

// Bans and the allowlist -------------------------------------------------------------------------

async function refreshBans() {
  let data;
  try {
    data = await api("GET", "/api/v1/bans?limit=1000");
  } catch (e) {
    $("ban-count").textContent = `(${e.message})`;
    return;
  }
  const body = $("bans-table").tBodies[0];
  body.replaceChildren();
  for (const ban of data.bans) {
    const row = document.createElement("tr");
    row.dataset.network = ban.network;
    row.dataset.expires = ban.expires === null ? "" : String(ban.expires);
    cell(row, ban.network, "mono");
    cell(row, ban.source);
    cell(row, fmtExpiry(ban.expires), "expiry");
    cell(row, ban.offence);
    cell(row, ban.enforced ? "yes" : "NO", ban.enforced ? "" : "bad");
    cell(row, (ban.reasons || []).join("; "));
    const actions = document.createElement("td");
    actions.append(button("Unban", "secondary small", () => unban(ban.network)));
    row.append(actions);
    body.append(row);
  }
  $("ban-count").textContent = `(${data.bans.length} active${data.next_after ? ", first 1000 shown" : ""})`;
}

function refreshBanExpiries() {
  for (const row of $("bans-table").tBodies[0].rows) {
    const e = row.dataset.expires;
    row.querySelector(".expiry").textContent = fmtExpiry(e === "" ? null : Number(e));
  }
}

async function ban(ev) {
  ev.preventDefault();
  const network = $("ban-address").value.trim();
  const duration = $("ban-duration").value.trim() || "permanent";
  const reason = $("ban-reason").value.trim();
  try {
    const result = await api("POST", "/api/v1/bans", { network, duration, reason: reason || undefined });
    flash(`Banned ${result.ban.network} (${fmtExpiry(result.ban.expires)}).${result.warning ? " " + result.warning : ""}`, !!result.warning);
    $("ban-address").value = "";
    $("ban-reason").value = "";
    refreshBans();
  } catch (e) {
    flash(`Not banned: ${e.message}`, true);
  }
}

async function unban(network) {
  try {
    await api("DELETE", `/api/v1/bans/${network}`);
    flash(`Unbanned ${network}.`);
    refreshBans();
  } catch (e) {
    flash(`Not unbanned: ${e.message}`, true);
  }
}

async function refreshAllowlist() {
  let data;
  try {
    data = await api("GET", "/api/v1/allowlist");
  } catch (e) {
    return;
  }
  const body = $("allow-table").tBodies[0];
  body.replaceChildren();
  for (const rule of data.allowlist) {
    const row = document.createElement("tr");
    cell(row, rule.network, "mono");
    cell(row, rule.origin);
    cell(row, rule.reason);
    const actions = document.createElement("td");
    if (!rule.builtin) actions.append(button("Remove", "secondary small", () => unallow(rule.network)));
    row.append(actions);
    body.append(row);
  }
}

async function allow(ev) {
  ev.preventDefault();
  const network = $("allow-address").value.trim();
  const reason = $("allow-reason").value.trim();
  try {
    const result = await api("POST", "/api/v1/allowlist", { network, reason: reason || undefined });
    flash(`Allowed ${result.allow.network}.${result.warning ? " " + result.warning : ""}`, !!result.warning);
    $("allow-address").value = "";
    $("allow-reason").value = "";
    refreshAllowlist();
    refreshBans();
  } catch (e) {
    flash(`Not allowed: ${e.message}`, true);
  }
}

async function unallow(network) {
  try {
    await api("DELETE", `/api/v1/allowlist/${network}`);
    flash(`Removed ${network} from the allowlist.`);
    refreshAllowlist();
  } catch (e) {
    flash(`Not removed: ${e.message}`, true);
  }
}

// Peers and the license --------------------------------------------------------------------------

async function refreshPeers() {
  let data;
  try {
    data = await api("GET", "/api/v1/peers");
  } catch (e) {
    $("peers-note").textContent = e.message;
    $("peers-table").tBodies[0].replaceChildren();
    return;
  }
  const levels = data.levels ? Object.entries(data.levels).map(([l, n]) => `${l}: ${n}`).join(", ") : "";
  $("peers-note").textContent = data.peers.length ? levels : "No mesh peers yet.";
  const body = $("peers-table").tBodies[0];
  body.replaceChildren();
  for (const peer of data.peers) {
    const row = document.createElement("tr");
    cell(row, peer.id.slice(0, 16), "mono").title = peer.id;
    cell(row, peer.level, `level level-${peer.level}`);
    cell(row, peer.score);
    cell(row, fmtTime(peer.last_change));
    cell(row, peer.last_change_why);
    const td = document.createElement("td");
    const form = document.createElement("form");
    form.className = "inline-form";
    const points = document.createElement("input");
    points.type = "number";
    points.min = "1";
    points.max = "100";
    points.value = "10";
    points.className = "points";
    const reason = document.createElement("input");
    reason.placeholder = "reason";
    reason.required = true;
    const submit = document.createElement("button");
    submit.type = "submit";
    submit.textContent = "Penalize";
    submit.className = "danger small";
    form.append(points, reason, submit);
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      try {
        const result = await api("POST", `/api/v1/peers/${encodeURIComponent(peer.id)}/penalty`, {
          points: Number(points.value),
          reason: reason.value,
        });
        flash(`Peer ${peer.id.slice(0, 12)} is now ${result.peer.level} (score ${result.peer.score}).`);
        refreshPeers();
      } catch (e) {
        flash(`Not penalized: ${e.message}`, true);
      }
    });
    td.append(form);
    row.append(td);
    body.append(row);
  }
}

// The mesh -----------------------------------------------------------------------------------

function showMeshBadge(mesh) {
  const badge = $("mesh-badge");
  if (!mesh) {
    badge.textContent = "mesh —";
    badge.className = "badge";
    return;
  }
  const peers = mesh.peers || {};
  badge.textContent =
    mesh.state === "member" ? `mesh ${peers.active || 0}/${Math.max(0, mesh.members - 1)} up` : `mesh ${mesh.state}`;
  badge.className = `badge ${mesh.state === "member" && !peers.offline && !peers.demoted ? "on" : "warn"}`;
  badge.title = mesh.reason || "";
}

function fmtAgo(t) {
  if (t === null || t === undefined) return "—";
  const s = Math.max(0, Date.now() / 1000 - t);
  if (s < 120) return `${Math.round(s)} s ago`;
  if (s < 7200) return `${Math.round(s / 60)} min ago`;
  return `${Math.round(s / 3600)} h ago`;
}

function meshStateText(data) {
  const others = data.peers.filter((p) => !p.self);
  const up = others.filter((p) => p.state === "active").length;
  switch (data.state) {
    case "member":
      return `cluster ${data.cluster}, ${data.peers.length} members, ${up} of ${others.length} peers active`;
    case "unjoined":
      return "in no cluster yet: create a join token to found one (honeymesh mesh token create), or join one";
    case "removed":
      return `this node was removed from cluster ${data.cluster}`;
    default:
      return data.reason || "";
  }
}

function capability(cap) {
  if (!cap) return { text: "—", cls: "muted" };
  const parts = [];
  if (cap.schemas) parts.push(`schemas ${cap.schemas.join(", ")}`);
  if (cap.features) parts.push(`features ${cap.features.join(", ")}`);
  if (cap.demoted) parts.push("DEMOTED");
  return { text: parts.join("; ") || "—", cls: cap.demoted ? "cap-demoted" : "" };
}

async function refreshMesh() {
  let data;
  try {
    data = await api("GET", "/api/v1/mesh/peers");
  } catch (e) {
    $("mesh-state-name").textContent = "unavailable";
    $("mesh-state-name").className = "badge warn";
    $("mesh-state-text").textContent = e.message;
    $("mesh-table").tBodies[0].replaceChildren();
    $("mesh-peers").classList.add("hidden");
    return;
  }
  const name = $("mesh-state-name");
  name.textContent = data.state;
  name.className = `badge ${data.state === "member" ? "on" : "warn"}`;
  $("mesh-state-text").textContent = meshStateText(data);
  $("mesh-card").dataset.state = data.state;
  $("mesh-count").textContent = data.peers.length ? `(${data.peers.length} members)` : "";
  $("mesh-peers").classList.toggle("hidden", !data.peers.length);
  const body = $("mesh-table").tBodies[0];
  body.replaceChildren();
  for (const peer of data.peers) {
    const row = document.createElement("tr");
    row.dataset.node = peer.node_id;
    row.dataset.state = peer.state;
    const who = cell(row, `${peer.name} ${peer.node_id.slice(0, 12)}`, "mono");
    who.title = peer.node_id;
    cell(row, peer.self ? "this node" : peer.state, `peer-${peer.state}`);
    cell(row, peer.self ? "" : peer.level || "—", peer.level ? `level level-${peer.level}` : "muted");
    cell(row, peer.self || peer.score === null || peer.score === undefined ? "" : peer.score);
    cell(row, peer.self ? "" : peer.standing);
    cell(row, peer.self ? "" : fmtAgo(peer.last_frame));
    const cap = capability(peer.capability);
    cell(row, peer.self ? "" : cap.text, peer.self ? "" : cap.cls);
    cell(row, (peer.addresses || []).join(", "), "mono");
    body.append(row);
  }
}

async function refreshLicense() {
  let lic;
  try {
    lic = await api("GET", "/api/v1/license");
  } catch (e) {
    return;
  }
  const list = $("license-list");
  list.replaceChildren();
  const rows = [
    ["tier", lic.tier],
    ["why", lic.reason],
    ["features", (lic.features || []).join(", ") || "none"],
    ["expires", lic.expires_at || "—"],
    ["licensee", lic.license ? lic.license.licensee : "—"],
    ["sharing", lic.sharing ? lic.sharing.reason : "—"],
  ];
  for (const [k, v] of rows) {
    const dt = document.createElement("dt");
    dt.textContent = k;
    const dd = document.createElement("dd");
    dd.textContent = shown(v);
    list.append(dt, dd);
  }
}

// Wiring -----------------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  $("login-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    login($("token").value.trim());
  });
  $("logout").addEventListener("click", () => logout(""));
  $("ban-form").addEventListener("submit", ban);
  $("allow-form").addEventListener("submit", allow);
  $("mode-switch").addEventListener("click", askModeSwitch);
  $("mode-confirm-yes").addEventListener("click", switchMode);
  $("mode-confirm-no").addEventListener("click", () => $("mode-confirm").classList.add("hidden"));
  $("pause-events").addEventListener("click", () => {
    state.paused = !state.paused;
    $("pause-events").textContent = state.paused ? "Resume" : "Pause";
  });
  $("event-filter").addEventListener("input", () => {
    for (const row of $("events-table").tBodies[0].rows) applyFilter(row);
  });
  if (state.token) login(state.token);
});
