// Small canvas charts for the dashboard: no library, nothing from the internet.
"use strict";

const Charts = (() => {
  const AXIS = "#8a94a6";
  const GRID = "#2a3140";
  const TEXT = "#d7dce5";
  const FONT = "12px system-ui, sans-serif";

  function colorFor(name) {
    let h = 0;
    for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
    return `hsl(${h % 360}, 65%, 58%)`;
  }

  function prepare(canvas) {
    const ctx = canvas.getContext("2d");
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.font = FONT;
    return ctx;
  }

  function niceMax(v) {
    if (v <= 0) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 5, 10]) if (v <= m * p) return m * p;
    return 10 * p;
  }

  function axes(ctx, canvas, left, bottom, max, unit) {
    const w = canvas.width, h = canvas.height;
    ctx.strokeStyle = GRID;
    ctx.fillStyle = AXIS;
    for (let i = 0; i <= 4; i++) {
      const y = bottom - ((bottom - 10) * i) / 4;
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(w - 8, y);
      ctx.stroke();
      ctx.fillText(String(Math.round((max * i) / 4 * 100) / 100) + (unit || ""), 4, y + 4);
    }
    return { w, h };
  }

  function empty(ctx, canvas, text) {
    ctx.fillStyle = AXIS;
    ctx.fillText(text, 16, canvas.height / 2);
  }

  // buckets: [{start, counts: {type: n}}] oldest first
  function stackedBars(canvas, buckets, legendEl) {
    const ctx = prepare(canvas);
    const types = new Set();
    let max = 0;
    for (const b of buckets) {
      let total = 0;
      for (const [t, n] of Object.entries(b.counts)) { types.add(t); total += n; }
      max = Math.max(max, total);
    }
    if (legendEl) {
      legendEl.replaceChildren();
      for (const t of [...types].sort()) {
        const item = document.createElement("span");
        const swatch = document.createElement("i");
        swatch.style.background = colorFor(t);
        item.append(swatch, document.createTextNode(t));
        legendEl.append(item);
      }
    }
    if (!buckets.length || max === 0) return empty(ctx, canvas, "no events in this window");
    max = niceMax(max);
    const left = 44, bottom = canvas.height - 20;
    axes(ctx, canvas, left, bottom, max, "");
    const slot = (canvas.width - left - 8) / buckets.length;
    buckets.forEach((b, i) => {
      let y = bottom;
      for (const t of [...types].sort()) {
        const n = b.counts[t] || 0;
        if (!n) continue;
        const hgt = ((bottom - 10) * n) / max;
        ctx.fillStyle = colorFor(t);
        ctx.fillRect(left + i * slot + 1, y - hgt, Math.max(slot - 2, 1), hgt);
        y -= hgt;
      }
    });
    ctx.fillStyle = AXIS;
    const first = new Date(buckets[0].start * 1000), last = new Date(buckets[buckets.length - 1].start * 1000);
    ctx.fillText(first.toLocaleTimeString(), left, canvas.height - 4);
    const label = last.toLocaleTimeString();
    ctx.fillText(label, canvas.width - 8 - ctx.measureText(label).width, canvas.height - 4);
  }

  // points: [{t, v}] oldest first
  function line(canvas, points, unit, emptyText) {
    const ctx = prepare(canvas);
    if (points.length < 2) return empty(ctx, canvas, emptyText || "collecting…");
    const max = niceMax(Math.max(...points.map((p) => p.v)));
    const left = 52, bottom = canvas.height - 20;
    axes(ctx, canvas, left, bottom, max, unit);
    const t0 = points[0].t, t1 = points[points.length - 1].t || t0 + 1;
    const x = (t) => left + ((canvas.width - left - 8) * (t - t0)) / Math.max(t1 - t0, 1);
    const y = (v) => bottom - ((bottom - 10) * v) / max;
    ctx.strokeStyle = "#f26b5b";
    ctx.lineWidth = 2;
    ctx.beginPath();
    points.forEach((p, i) => (i ? ctx.lineTo(x(p.t), y(p.v)) : ctx.moveTo(x(p.t), y(p.v))));
    ctx.stroke();
    ctx.lineWidth = 1;
  }

  // items: [{label, value}] largest first
  function hbars(canvas, items) {
    const ctx = prepare(canvas);
    if (!items.length) return empty(ctx, canvas, "nothing yet");
    const max = Math.max(...items.map((i) => i.value));
    const rows = Math.min(items.length, 8);
    const rowH = Math.min(26, (canvas.height - 8) / rows);
    const labelW = 230;
    items.slice(0, rows).forEach((item, i) => {
      const y = 4 + i * rowH;
      ctx.fillStyle = TEXT;
      let label = item.label;
      while (ctx.measureText(label).width > labelW - 8 && label.length > 4) label = label.slice(0, -2);
      if (label !== item.label) label += "…";
      ctx.fillText(label, 4, y + rowH / 2 + 4);
      const wdt = ((canvas.width - labelW - 48) * item.value) / max;
      ctx.fillStyle = colorFor(item.label);
      ctx.fillRect(labelW, y + 3, Math.max(wdt, 2), rowH - 6);
      ctx.fillStyle = AXIS;
      ctx.fillText(String(item.value), labelW + wdt + 6, y + rowH / 2 + 4);
    });
  }

  return { stackedBars, line, hbars, colorFor };
})();
