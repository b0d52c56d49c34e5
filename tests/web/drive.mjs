// Drives `visitprep serve` in headless Chromium as a person would, for tests/serve.rs:
//   node drive.mjs COMMAND URL OUTDIR [ARG] [--no-js]
// and prints one JSON object with what it saw. The Rust test decides what is right.
//
// fill PLAN.json   fills the form from a plan, saves the answers and makes the sheet
// errors           posts a blank name, a date that is no date and an ambiguous one
// upload FILE      opens a saved intake or sheet and reads back every field
// axe SHOT.png     runs axe-core on the empty form and on one with problems; screenshots

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const [command, url, outdir, arg, ...flags] = process.argv.slice(2);
const javaScriptEnabled = !flags.includes('--no-js') && arg !== '--no-js';

// Without the background-networking flags Chromium tries to reach its own services, which
// a closed network refuses.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});

/** Clicks a submit button and waits for the page the server answers with. */
async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

/** Clicks a submit button whose answer is a file, and saves it as `name` in OUTDIR. */
async function download(page, selector, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = join(outdir, name);
  await file.saveAs(path);
  return { path, suggested: file.suggestedFilename() };
}

/** What the DOM says about a field: its problems, where they stand and what points at them. */
function describe(names) {
  return names.map((name) => {
    const el = document.querySelector(`[name="${name}"]`);
    if (!el) return { name, found: false };
    const wrap = el.closest('.field');
    const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    const errors = [...wrap.querySelectorAll('.error')].map((e) => ({
      text: e.textContent,
      referenced: ids.includes(e.id),
    }));
    const links = [...document.querySelectorAll('[role=alert] a')]
      .filter((a) => a.getAttribute('href') === `#${el.id}`)
      .map((a) => a.textContent);
    const readings = [...wrap.querySelectorAll('fieldset.readings input[type=radio]')].map((r) => ({
      value: r.value,
      label: document.querySelector(`label[for="${r.id}"]`).textContent,
    }));
    return {
      name,
      found: true,
      value: el.value,
      invalid: el.getAttribute('aria-invalid'),
      errors,
      links,
      readings,
    };
  });
}

const context = await browser.newContext({
  javaScriptEnabled,
  acceptDownloads: true,
  // axe is put into the page from outside: the page's own policy allows no such script.
  bypassCSP: command === 'axe',
  viewport: { width: 1000, height: 1400 },
});
const page = await context.newPage();
const result = { command, javaScriptEnabled };
try {
  await page.goto(url);
  result.scriptsRun = await page.evaluate(() => 'ran').catch(() => 'blocked');
  if (command === 'fill') {
    const plan = JSON.parse(readFileSync(arg, 'utf8'));
    for (const [list, rows] of Object.entries(plan.rows)) {
      for (let n = Number(await page.locator(`[name="rows.${list}"]`).inputValue()); n < rows; n++) {
        await submit(page, `button[value="add:${list}"]`);
      }
    }
    for (const [name, value] of plan.fields) {
      await page.fill(`[name="${name}"]`, value);
    }
    for (const name of plan.ticks) {
      await page.check(`[name="${name}"]`);
    }
    for (const name of plan.unticks) {
      await page.uncheck(`[name="${name}"]`);
    }
    result.saved = await download(page, 'button[value="save"]', 'saved.toml');
    result.sheet = await download(page, 'button[value="sheet"]', 'sheet.pdf');
  } else if (command === 'errors') {
    await page.fill('[name="patient.name"]', '');
    await page.fill('[name="patient.born"]', '32 March 1950');
    await page.fill('[name="visit.when"]', '04/05/2026');
    await page.fill('[name="medications[0].dose"]', '5 mg');
    await submit(page, 'button[value="check"]');
    const names = ['patient.name', 'patient.born', 'visit.when', 'medications[0].name'];
    result.first = await page.evaluate(describe, names);
    result.title = await page.title();
    // The person picks one reading of the ambiguous date, and writes the missing parts.
    await page.check('[name="reading.visit.when"][value="2026-04-05"]');
    await page.fill('[name="patient.name"]', 'Ann Example');
    await page.fill('[name="patient.born"]', '30 March 1950');
    await page.fill('[name="medications[0].name"]', 'metformin');
    await submit(page, 'button[value="check"]');
    result.second = await page.evaluate(describe, names);
    result.status = await page.locator('[role=status]').textContent().catch(() => null);
    result.alerts = await page.locator('[role=alert]').count();
  } else if (command === 'upload') {
    await page.setInputFiles('#f-file', arg);
    await submit(page, 'button[value="upload"]');
    result.status = await page.locator('[role=status]').textContent().catch(() => null);
    result.alerts = await page.locator('[role=alert]').allTextContents();
    result.values = await page.$$eval('#intake input[type=text], #intake textarea, #intake select', (els) =>
      els.filter((e) => e.value !== '').map((e) => [e.name, e.value]));
    result.ticked = await page.$$eval('#intake input[type=checkbox]:checked', (els) => els.map((e) => e.name));
    if (result.alerts.length === 0) {
      result.saved = await download(page, 'button[value="save"]', 'saved.toml');
    }
  } else if (command === 'axe') {
    const axe = require.resolve('axe-core/axe.min.js');
    const check = async () => {
      await page.addScriptTag({ path: axe });
      return page.evaluate(async () => {
        const found = await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        });
        return {
          passes: found.passes.length,
          violations: found.violations.map((v) => ({
            id: v.id,
            help: v.help,
            nodes: v.nodes.map((n) => n.target.join(' ')),
          })),
        };
      });
    };
    result.empty = await check();
    await page.screenshot({ path: arg });
    result.fontSize = await page.evaluate(() => getComputedStyle(document.body).fontSize);
    await page.fill('[name="patient.born"]', '04/05/1950');
    await submit(page, 'button[value="check"]');
    result.withProblems = await check();
    result.lang = await page.evaluate(() => document.documentElement.lang);
    result.title = await page.title();
    await page.screenshot({ path: join(outdir, 'problems.png'), fullPage: false });
  } else {
    throw new Error(`unknown command ${command}`);
  }
  result.ok = true;
} catch (e) {
  result.ok = false;
  result.error = String(e && e.stack ? e.stack : e);
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
