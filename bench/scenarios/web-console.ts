import { existsSync } from 'node:fs';

import { chromium, Page } from 'playwright-core';

import { BenchDataset } from '../dataset/dataset.types';
import { BenchEnv } from '../support/bench-env';
import { percentile, round } from '../support/stats';

import { startApiSession } from './work-queue';

const CHROMIUM = '/usr/bin/chromium';
const RUNS = 5;

export interface WebConsoleResult {
  /** JavaScript the browser downloads to show the page, as sent (compressed: gzip or brotli, as it asks), in KB (1,000 bytes). */
  signInJsKB: number;
  workQueueJsKB: number;
  /** Stylesheets of the same first load, compressed, in KB. */
  cssKB: number;
  /** From navigation start until the work queue's rows (or its empty state) are on screen, CPU throttled 4×. */
  workQueueInteractiveMs: number;
  workQueueInteractiveRunsMs: number[];
  cpuThrottle: number;
}

/**
 * F. The web console in Debian's Chromium against the benchmark's API over loopback: how much JavaScript the
 * sign-in page and the work queue load (goal ≤ 250 KB compressed), and how long the work queue takes to show the
 * benchmark liaison's queue with the CPU slowed 4× (goal ≤ 1.5 s).
 */
export async function webConsole(env: BenchEnv, dataset: BenchDataset): Promise<WebConsoleResult> {
  if (!existsSync(CHROMIUM)) throw new Error(`F needs Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  const session = await startApiSession(env, dataset, 'api-web');
  const base = session.url.replace(/\/graphql$/, '');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const fresh = async () => (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();

    const signIn = await fresh();
    const signInBytes = await transferred(signIn, () => signIn.goto(`${base}/sign-in`, { waitUntil: 'networkidle' }));

    // A signed-in browser with nothing cached: the cookie session, then a cold load of the work queue.
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const response = await context.request.post(`${base}/auth/session`, {
      headers: { 'content-type': 'application/json' },
      data: { email: dataset.liaison.email, password: dataset.password },
    });
    if (!response.ok()) throw new Error(`F: sign-in failed (${response.status()})`);
    const first = await context.newPage();
    const queueBytes = await transferred(first, async () => {
      await first.goto(`${base}/work-queue`);
      await shown(first);
    });
    await first.close();

    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`${base}/work-queue`);
      await shown(page);
      runs.push(round(await page.evaluate(() => performance.now()), 0));
      await page.close();
    }
    env.log(`F: work queue shown in ${runs.join(', ')} ms (CPU 4× slower)`);
    return {
      signInJsKB: round(signInBytes.js / 1000, 1),
      workQueueJsKB: round(queueBytes.js / 1000, 1),
      cssKB: round(queueBytes.css / 1000, 1),
      workQueueInteractiveMs: percentile(runs, 50),
      workQueueInteractiveRunsMs: runs,
      cpuThrottle: 4,
    };
  } finally {
    await browser.close();
    await session.api.stop();
  }
}

/** The queue's rows or its empty state, i.e. the data is on screen and the page answers input. */
async function shown(page: Page): Promise<void> {
  await page.locator('main table tbody tr, main :text("Tidak ada tugas terbuka")').first().waitFor({ timeout: 60_000 });
}

async function transferred(page: Page, load: () => Promise<unknown>): Promise<{ js: number; css: number }> {
  const sizes: Promise<{ type: string; bytes: number }>[] = [];
  page.on('requestfinished', (request) => {
    const type = request.resourceType();
    if (type === 'script' || type === 'stylesheet') {
      sizes.push(request.sizes().then((size) => ({ type, bytes: size.responseBodySize })));
    }
  });
  await load();
  await page.waitForLoadState('networkidle');
  const all = await Promise.all(sizes);
  const sum = (type: string) =>
    all.filter((entry) => entry.type === type).reduce((total, entry) => total + entry.bytes, 0);
  return { js: sum('script'), css: sum('stylesheet') };
}
