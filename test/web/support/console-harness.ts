/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Browser, chromium, Page } from 'playwright-core';

import { Role } from '@app/kernel/role.enum';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { freePort } from '@libs/testing/free-port';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { TestApp } from '@libs/testing/test-app';
import { TestWorker } from '@libs/testing/test-worker';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..', '..');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const SCREENSHOTS = process.env.WEB_SCREENSHOTS_DIR ?? join(ROOT, '.data', 'screenshots', 'web');

/** The two widths every screen must work at: a small phone and a 1366×768 laptop. */
export const WIDTHS = [
  { width: 1366, height: 768 },
  { width: 360, height: 740 },
] as const;

export interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * The real API (listening on a port), a worker, an SMTP sink and Debian's Chromium, on a database of their own:
 * what the console's browser suites drive. Pages record every console error, so a blocked inline style or script
 * (the strict CSP) fails the suite.
 */
export class ConsoleHarness {
  readonly problems: string[] = [];

  private constructor(
    readonly env: IsolatedEnvironment,
    readonly sink: SmtpSink,
    readonly api: TestApp,
    readonly worker: TestWorker,
    readonly browser: Browser,
    readonly baseUrl: string,
    readonly factories: Factories,
  ) {}

  static async start(): Promise<ConsoleHarness> {
    if (!existsSync(join(ROOT, 'web', 'dist', 'index.html'))) {
      throw new Error('web/dist is missing: run `npm run build` first (CI builds before npm test).');
    }
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is missing at ${CHROMIUM}; install it with: apt-get install -y chromium`);
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    const env = await isolatedEnvironment();
    const sink = await SmtpSink.start();
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const settings = { ...env.env, SMTP_URL: sink.url, PUBLIC_URL: baseUrl, JOB_BACKOFF_MS: '200' };
    const api = await TestApp.start(settings);
    await api.app.listen(port, '127.0.0.1');
    const worker = await TestWorker.start(settings);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    return new ConsoleHarness(env, sink, api, worker, browser, baseUrl, new Factories(api));
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.worker?.stop();
    await this.api?.stop();
    await this.sink?.stop();
    await this.env?.drop();
  }

  async agencyId(code: string): Promise<string> {
    const rows = await this.api.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]);
    if (!rows[0]) throw new Error(`No seeded agency ${code}`);
    return rows[0].id;
  }

  /** A user of a seeded agency, with TEST_PASSWORD. */
  async user(roles: Role[], agencyCode: string): Promise<{ id: string; email: string; token: () => Promise<string> }> {
    const user = await this.factories.user(roles, { agencyId: await this.agencyId(agencyCode) });
    return { id: user.id, email: user.email, token: () => this.api.login(user.email, TEST_PASSWORD) };
  }

  /** A fresh browser profile (no cookies) at laptop size. */
  async page(): Promise<Page> {
    const context = await this.browser.newContext({ viewport: WIDTHS[0], locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await context.newPage();
    page.on('console', (message) => {
      // Bull Board (/admin/queues) is a separate application; its page asks a public CDN for a web font.
      if (page.url().startsWith(`${this.baseUrl}/admin/queues`)) return;
      if (message.type() === 'error') this.problems.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.problems.push(`${page.url()}: ${error.message}`));
    return page;
  }

  /** Signs in on the sign-in page the browser is on (or opens it), in Bahasa Indonesia. */
  async signIn(page: Page, email: string): Promise<void> {
    // A page already in the console is on its way to the sign-in page (keeping where it pointed); else open it.
    if (page.url().startsWith(this.baseUrl)) await page.waitForURL(/\/sign-in/);
    else await page.goto(`${this.baseUrl}/sign-in`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }

  /**
   * One screen, checked as a user would meet it: at 1366 and 360 px wide nothing runs off the side, axe finds no
   * serious or critical problem, and a screenshot is kept (.data/screenshots/web, or WEB_SCREENSHOTS_DIR).
   */
  async check(page: Page, name: string): Promise<void> {
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.mouse.move(0, 0); // no hover state left from the last click
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect({ screen: name, width: size.width, overflow }).toEqual({ screen: name, width: size.width, overflow: 0 });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.width}.png`), fullPage: true });
      expect({ screen: name, width: size.width, violations: await this.axe(page) }).toEqual({
        screen: name,
        width: size.width,
        violations: [],
      });
    }
    await page.setViewportSize(WIDTHS[0]);
  }

  /** axe-core from node_modules, evaluated through the debugging protocol (the page's CSP stays in force). */
  async axe(page: Page): Promise<Violation[]> {
    await page.evaluate(`${AXE};0`);
    return page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: Document,
              options: object,
            ) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => ({
          id: violation.id,
          impact: violation.impact,
          help: violation.help,
          nodes: violation.nodes.map((node) => node.target.join(' ')),
        }));
    });
  }

  /** Moves committed outbox rows to the queues and waits until the worker has sent what they cause. */
  async deliver(): Promise<void> {
    await this.worker.relay();
    await this.worker.drain();
  }

  /** The link into the console that the latest mail to `email` carries for `path` (e.g. /tasks/). */
  linkIn(email: string, path: string): string | undefined {
    const escaped = this.baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`${escaped}${path}[0-9a-f-]{36}`);
    for (const mail of [...this.sink.received].reverse()) {
      if (!mail.to.includes(email)) continue;
      const found = pattern.exec(mail.body);
      if (found) return found[0];
    }
    return undefined;
  }
}
