// Edit-to-result latency in a real browser (issue 13), measured with the page's own clock.
//
//   node bench/browser/latency.js BASE [EDITS]
//
// For each scenario it makes EDITS edits, one after another, and for each takes, with
// performance.now() in the page:
//   - from the last input event of the edit (its last key, or the slider's step) to the
//     htmx:afterSettle of the answer that carries the edited value (the summary then shows the new
//     result): what the person waits for. Typing includes the explorer's 150 ms pause after the
//     last key, by design; a slider sends at once.
//   - from the request leaving (htmx:configRequest) to that settle: the round trip and the morph.
// It prints p50 and p95 of both per scenario. Headless Debian Chromium (/usr/bin/chromium, or
// $CHROMIUM), driven by playwright-core; loopback only.
const { chromium } = require("playwright-core");

const BASE = process.argv[2] || "http://127.0.0.1:7171";
const EDITS = Number(process.argv[3] || 200);

const weatherCounts = "/mi?x=Weather&y=Forecast&xl=Rain&xl=Sun&yl=Forecast+rain&yl=Forecast+sun&p=0.36,0.04;0.12,0.48&kind=counts&base=2";
// The load test's 32 x 32 table: 1 + (7i + 13j) mod 20, plus 40 on the diagonal.
const rows = [];
for (let i = 0; i < 32; i++) {
  const r = [];
  for (let j = 0; j < 32; j++) r.push(1 + (7 * i + 13 * j) % 20 + (i === j ? 40 : 0));
  rows.push(r.join(","));
}
const table32 = "/mi?x=Row&y=Column&p=" + rows.join(";") + "&kind=counts&base=2";

// name, page, field edited, what an edit types (i = its number), element that shows the result
const SCENARIOS = [
  { name: "weather table, typing", path: weatherCounts, field: "#c-1-1", value: i => "0." + (10 + (i % 80)), result: "#mi-value" },
  { name: "32 x 32 table, typing", path: table32, field: "#c-5-7", value: i => String(1 + (i % 50)), result: "#mi-value" },
  { name: "attention example, typing", path: "/attention", field: "#q-0", value: i => "1, 0, 1, " + (i % 10) / 10, result: "#att-entropy-now" },
  { name: "lesson's explorer, typing", path: "/", before: "input[name=kind][value=counts]", field: "#c-1-1", value: i => "0." + (10 + (i % 80)), result: "#mi-value" },
  { name: "weather table, dependence slider", path: "/mi", field: "#dep-slider", slider: true, result: "#mi-value" },
];

// Installed in every page: timestamps of the last input, of each request, of each settle.
const PROBE = () => {
  window.__lat = { input: 0, sent: new Map(), done: [] };
  document.addEventListener("input", () => { window.__lat.input = performance.now(); }, true);
  document.addEventListener("htmx:configRequest", e => {
    const field = document.querySelector(window.__field);
    window.__lat.sent.set(e.detail.xhr || e.detail.elt, { at: performance.now(), value: field ? field.value : null, input: window.__lat.input });
  });
  document.addEventListener("htmx:beforeRequest", e => {
    // configRequest has no xhr yet in htmx 2: key the request by its xhr from here on.
    const s = window.__lat.sent.get(e.detail.elt);
    if (s) { window.__lat.sent.delete(e.detail.elt); window.__lat.sent.set(e.detail.xhr, s); }
  });
  document.addEventListener("htmx:afterSettle", e => {
    const s = window.__lat.sent.get(e.detail.xhr);
    if (!s) return;
    window.__lat.done.push({ value: s.value, input: s.input, sent: s.at, settled: performance.now() });
  });
};

function pct(list, p) {
  const a = [...list].sort((x, y) => x - y);
  return a[Math.min(a.length - 1, Math.ceil((p / 100) * a.length) - 1)];
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const lines = [];
  for (const s of SCENARIOS) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(PROBE);
    await page.goto(BASE + s.path);
    await page.evaluate(f => { window.__field = f; }, s.field);
    if (s.before) {
      await page.click(s.before);
      await page.waitForFunction(() => window.__lat.done.length > 0);
    }
    const waits = [];
    const trips = [];
    await page.focus(s.field);
    for (let i = 0; i < EDITS; i++) {
      const before = await page.evaluate(() => window.__lat.done.length);
      let expect;
      if (s.slider) {
        await page.keyboard.press(i % 40 < 20 ? "ArrowLeft" : "ArrowRight");
        expect = await page.$eval(s.field, e => e.value);
      } else {
        expect = s.value(i);
        if (expect === await page.$eval(s.field, e => e.value)) expect = s.value(i + 1);
        await page.keyboard.press("Control+a");
        await page.keyboard.type(expect, { delay: 15 });
      }
      // The answer to the request that carried this edit's value.
      const r = await page.waitForFunction(([n, v]) => {
        const d = window.__lat.done.slice(n).find(x => x.value === v);
        return d || false;
      }, [before, expect], { timeout: 15000 });
      const d = await r.jsonValue();
      waits.push(d.settled - d.input);
      trips.push(d.settled - d.sent);
      await page.waitForTimeout(20);
    }
    const shown = await page.$eval(s.result, e => e.textContent.trim());
    lines.push([s.name, EDITS, pct(waits, 50), pct(waits, 95), pct(trips, 50), pct(trips, 95), shown]);
    await page.close();
  }
  await browser.close();
  console.log("Edit-to-result latency in headless Chromium " + (await chromium.name()) + ", " + new Date().toISOString().slice(0, 16) + "Z, " + BASE);
  console.log(["scenario".padEnd(34), "edits", "last input -> settled p50", "p95", "request -> settled p50", "p95", "  shown at the end"].join("  "));
  for (const l of lines) {
    console.log([l[0].padEnd(34), String(l[1]).padStart(5), (l[2].toFixed(1) + " ms").padStart(25), (l[3].toFixed(1) + " ms").padStart(8),
      (l[4].toFixed(1) + " ms").padStart(22), (l[5].toFixed(1) + " ms").padStart(8), "  " + l[6]].join("  "));
  }
})().catch(e => { console.error(e); process.exit(1); });
