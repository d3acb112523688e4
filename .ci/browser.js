// Loads an exported posting and the careers page in headless Chromium and
// checks what a job seeker sees; see browser.sh. Exits non-zero on any failure.
//
//   node browser.js OUT_DIR POSTING_PAGE [SCREENSHOT_DIR]
//
// JOBPOST_PRINTED: more pages (separated by `:`) that must print on one or two
// A4 and Letter pages, as the posting must.
"use strict";
const path = require("path");
const puppeteer = require("puppeteer-core");

const [out, postingPage, shots] = process.argv.slice(2);
const viewports = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
}

const url = (file) => "file://" + path.resolve(file);

// The element's box lies inside the first viewport (no scrolling needed).
async function inFirstScreen(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  }, selector);
}

const noSideways = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

const visibleRows = (page) =>
  page.$$eval(".jobs tbody tr", (rows) => rows.filter((r) => r.getClientRects().length > 0).length);

async function posting(page, vp) {
  await page.goto(url(postingPage), { waitUntil: "load" });
  check(await noSideways(page), `${vp.name}: posting has no horizontal scroll`);
  check(await inFirstScreen(page, ".intro .button"), `${vp.name}: Apply button is in the first screen`);
  check(await inFirstScreen(page, ".facts .pay"), `${vp.name}: pay is in the first screen`);
  if (shots) await page.screenshot({ path: path.join(shots, `posting-${vp.name}.png`) });
}

async function index(page, vp) {
  await page.goto(url(path.join(out, "index.html")), { waitUntil: "load" });
  check(await noSideways(page), `${vp.name}: index has no horizontal scroll`);
  const total = await page.$$eval(".jobs tbody tr", (rows) => rows.length);
  check(total > 1 && (await visibleRows(page)) === total, `${vp.name}: all ${total} rows are visible`);
  check(await page.$eval("#search", (f) => !f.hidden), `${vp.name}: the search box shows`);
  if (shots) await page.screenshot({ path: path.join(shots, `index-${vp.name}.png`) });
  // Type the first word of one title; only rows containing it stay.
  const word = await page.$eval(".jobs tbody tr:last-child th a", (a) => a.textContent.split(" ")[0]);
  await page.type("#q", word);
  const shown = await page.$$eval(".jobs tbody tr", (rows, w) =>
    rows.filter((r) => r.getClientRects().length > 0).map((r) => r.textContent.toLowerCase().includes(w.toLowerCase())), word);
  check(shown.length > 0 && shown.length < total && shown.every(Boolean),
    `${vp.name}: typing "${word}" leaves ${shown.length} of ${total} rows, each matching`);
  await page.$eval("#q", (q) => { q.value = ""; q.dispatchEvent(new Event("input", { bubbles: true })); });
  // A filter: the first workplace on offer.
  const option = await page.$eval("#f-workplace", (s) => (s.options[1] || {}).value || "");
  if (option) {
    await page.select("#f-workplace", option);
    const ok = await page.$$eval(".jobs tbody tr", (rows, o) =>
      rows.filter((r) => r.getClientRects().length > 0).every((r) => r.dataset.workplace === o), option);
    check(ok && (await visibleRows(page)) < total, `${vp.name}: the workplace filter "${option}" shows only those rows`);
  }
}

async function withoutScript(browser) {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setViewport({ width: 390, height: 844 });
  await page.goto(url(path.join(out, "index.html")), { waitUntil: "load" });
  const total = await page.$$eval(".jobs tbody tr", (rows) => rows.length);
  check(total > 1 && (await visibleRows(page)) === total, `scripts off: all ${total} rows are visible`);
  check(await page.$eval("#search", (f) => f.getClientRects().length === 0), "scripts off: the search box, which needs them, is hidden");
  await page.close();
}

// Pages in a PDF: each page object is `/Type /Page` (the tree is `/Pages`).
const pageCount = (pdf) => (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g) || []).length;

// Prints `file` in A4 and Letter: one or two pages each.
async function printed(browser, file, name) {
  const page = await browser.newPage();
  await page.goto(url(file), { waitUntil: "load" });
  for (const format of ["A4", "Letter"]) {
    const pdf = Buffer.from(await page.pdf({ format, printBackground: true }));
    const n = pageCount(pdf);
    check(n >= 1 && n <= 2, `print: ${name} takes ${n} ${format} page(s), one or two expected`);
    if (shots && format === "A4" && file === postingPage) require("fs").writeFileSync(path.join(shots, "posting.pdf"), pdf);
  }
  await page.close();
}

async function print(browser) {
  await printed(browser, postingPage, "the posting");
  const more = (process.env.JOBPOST_PRINTED || "").split(":").filter(Boolean);
  for (const file of more) await printed(browser, file, path.basename(file));
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    userDataDir: process.env.JOBPOST_PROFILE,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"],
  });
  try {
    for (const vp of viewports) {
      const page = await browser.newPage();
      await page.setViewport({ width: vp.width, height: vp.height });
      await posting(page, vp);
      await index(page, vp);
      await page.close();
    }
    if (shots) {
      const page = await browser.newPage();
      await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
      await page.setViewport({ width: 390, height: 844 });
      await page.goto(url(postingPage), { waitUntil: "load" });
      await page.screenshot({ path: path.join(shots, "posting-phone-dark.png") });
      await page.close();
    }
    await withoutScript(browser);
    await print(browser);
  } finally {
    await browser.close();
  }
  console.log(failures ? `${failures} check(s) failed` : "browser: all checks passed");
  process.exit(failures ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });
