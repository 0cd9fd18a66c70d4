import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { Browser, chromium } from 'playwright-core';
import { PNG } from 'pngjs';

import type { DigestContent } from '@app/modules/digests/digest-content';
import { renderDigest, RenderedDigest, withEncodedBodies } from '@libs/mailer';

/**
 * The weekly digest as a recipient gets it: a real MIME message (composed by nodemailer, parsed back by
 * mailparser) and its HTML part drawn by a real browser engine, with the screenshots kept under
 * .data/screenshots for a person to look at.
 */

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '..', '.data', 'screenshots');
const base = 'https://simpul.example';
type Locale = 'id' | 'en';

function fullDigest(locale: Locale): DigestContent {
  return {
    recipient: {
      userId: '7d0c4bb6-5f1c-4d0b-9a57-1f2a3b4c5d6e',
      displayName: 'Rina Wulandari',
      locale,
      timeZone: 'Asia/Jakarta',
      agencyId: '3c9e0a1b-2d3e-4f50-8a6b-7c8d9e0f1a2b',
      agencyAcronym: 'Polri',
      audiences: ['LIAISON', 'SECRETARIAT', 'ATTACHE'],
    },
    week: { isoWeek: '2026-W48', start: '2026-11-22T17:00:00.000Z', end: '2026-11-29T17:00:00.000Z' },
    preferencesLink: `${base}/settings/digest`,
    sections: {
      dueSoon: [
        {
          kind: 'TASK',
          reference: 'TSK-000101',
          link: `${base}/tasks/101`,
          counterpartAgency: 'Kemlu',
          dueAt: '2026-11-25T03:00:00Z',
          status: 'IN_PROGRESS',
        },
        {
          kind: 'TASK',
          reference: 'TSK-000102',
          link: `${base}/tasks/102`,
          counterpartAgency: 'KemenPPPA',
          dueAt: '2026-11-27T08:30:00Z',
          status: 'ACKNOWLEDGED',
        },
        {
          kind: 'REFERRAL',
          reference: 'REF-000202',
          link: `${base}/referrals/202`,
          counterpartAgency: 'Kemensos',
          dueAt: '2026-11-26T03:00:00Z',
          status: 'ACCEPTED',
        },
      ],
      overdue: [
        {
          kind: 'TASK',
          reference: 'TSK-000090',
          link: `${base}/tasks/90`,
          counterpartAgency: 'Kemlu',
          dueAt: '2026-11-18T03:00:00Z',
          daysOverdue: 5,
        },
        {
          kind: 'CROSS_BORDER_REQUEST',
          reference: 'XBR-000008',
          link: `${base}/cross-border/8`,
          counterpartAgency: 'GDI',
          dueAt: '2026-11-20T03:00:00Z',
          daysOverdue: 3,
        },
      ],
      overdueByOthers: [
        {
          kind: 'TASK',
          reference: 'TSK-000077',
          link: `${base}/tasks/77`,
          counterpartAgency: 'Ditjen Imigrasi',
          dueAt: '2026-11-20T03:00:00Z',
          daysOverdue: 3,
        },
      ],
      referralsAwaiting: [
        {
          reference: 'REF-000300',
          link: `${base}/referrals/300`,
          fromAgency: 'Kemensos',
          service: 'SHELTER',
          urgency: 'HIGH',
          respondBy: '2026-11-24T09:00:00Z',
        },
        {
          reference: 'REF-000301',
          link: `${base}/referrals/301`,
          fromAgency: 'IOM',
          service: 'MEDICAL',
          urgency: 'EMERGENCY',
          respondBy: '2026-11-23T09:00:00Z',
        },
      ],
      crossBorder: [
        {
          country: 'KH',
          requests: [
            {
              reference: 'XBR-000011',
              link: `${base}/cross-border/11`,
              counterpartAgency: 'GDI',
              status: 'SUBMITTED',
              openStage: 'ACKNOWLEDGE',
              daysOutstanding: 9,
              overdue: true,
            },
            {
              reference: 'XBR-000012',
              link: `${base}/cross-border/12`,
              counterpartAgency: 'GDI',
              status: 'ACCEPTED',
              openStage: 'EXECUTE',
              daysOutstanding: 20,
              overdue: false,
            },
          ],
        },
        {
          country: 'MY',
          requests: [
            {
              reference: 'XBR-000020',
              link: `${base}/cross-border/20`,
              counterpartAgency: 'JIM',
              status: 'ACKNOWLEDGED',
              openStage: 'DECIDE',
              daysOutstanding: 4,
              overdue: false,
            },
          ],
        },
      ],
      escalations: [
        {
          kind: 'TASK',
          reference: 'TSK-000090',
          link: `${base}/tasks/90`,
          rungKey: 'supervisor',
          firedAt: '2026-11-20T03:00:00Z',
        },
        {
          kind: 'CROSS_BORDER_REQUEST',
          reference: 'XBR-000008',
          link: `${base}/cross-border/8`,
          rungKey: 'due',
          firedAt: '2026-11-20T03:00:00Z',
        },
      ],
      stalledCommitments: [
        {
          code: 'MOU-KH-2019-C3',
          instrumentCode: 'MOU-KH-2019',
          ownerAgency: 'Polri',
          lastActivityAt: '2026-08-01T03:00:00Z',
        },
        { code: 'ACTIP-ART-9', instrumentCode: 'ACTIP', ownerAgency: null, lastActivityAt: null },
      ],
      agencyRanking: [
        { agency: 'Kemlu', overdueTasks: 3, overdueReferrals: 1, overdueRequests: 1, total: 5 },
        { agency: 'Ditjen Imigrasi', overdueTasks: 2, overdueReferrals: 0, overdueRequests: 1, total: 3 },
        { agency: 'Polri', overdueTasks: 1, overdueReferrals: 0, overdueRequests: 0, total: 1 },
      ],
      actionItemsDue: [],
      actionItemsByAgency: [],
      repatriationMoves: [],
      followUpsDue: [],
    },
    counts: {
      thisWeek: { tasksOpened: 4, tasksCompleted: 1, overdueNow: 3, escalationsFired: 2 },
      lastWeek: { tasksOpened: 2, tasksCompleted: 3, overdueNow: 1, escalationsFired: 0 },
    },
  };
}

function emptyDigest(locale: Locale): DigestContent {
  const full = fullDigest(locale);
  const zero = { tasksOpened: 0, tasksCompleted: 0, overdueNow: 0, escalationsFired: 0 };
  return {
    ...full,
    sections: {
      dueSoon: [],
      overdue: [],
      overdueByOthers: [],
      referralsAwaiting: [],
      crossBorder: [],
      escalations: [],
      stalledCommitments: [],
      agencyRanking: [],
      actionItemsDue: [],
      actionItemsByAgency: [],
      repatriationMoves: [],
      followUpsDue: [],
    },
    counts: { thisWeek: { ...zero }, lastWeek: { ...zero } },
  };
}

/**
 * The rendered mail as it leaves Simpul: one MIME message, its bodies encoded as both transports encode them
 * (withEncodedBodies, our quoted-printable), so the parsing and the screenshots below read what the mail server gets.
 */
function compose(rendered: RenderedDigest): Promise<Buffer> {
  return new MailComposer(
    withEncodedBodies({
      from: 'Simpul GTPP-TPPO <no-reply@simpul.local>',
      to: 'rina@polri.example',
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId: '<digest-test@digest.simpul>',
    }),
  )
    .compile()
    .build();
}

/** Share of pixels that are not white, and of dark "ink" pixels (text, the header bar), in a decoded PNG. */
function measure(png: PNG): { nonWhite: number; ink: number } {
  let nonWhite = 0;
  let ink = 0;
  const pixels = png.width * png.height;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
    if (r < 250 || g < 250 || b < 250) nonWhite++;
    if (0.2126 * r + 0.7152 * g + 0.0722 * b < 128) ink++;
  }
  return { nonWhite: nonWhite / pixels, ink: ink / pixels };
}

const locales: Locale[] = ['id', 'en'];

describe('weekly digest rendering', () => {
  const rendered = new Map<string, RenderedDigest>();
  const key = (locale: Locale, variant: 'full' | 'empty') => `${locale}-${variant}`;

  beforeAll(async () => {
    for (const locale of locales) {
      rendered.set(key(locale, 'full'), await renderDigest(fullDigest(locale)));
      rendered.set(key(locale, 'empty'), await renderDigest(emptyDigest(locale)));
    }
  });

  describe('as a MIME message', () => {
    it.each(locales)(
      '[%s] carries a text and an HTML part, in the reader’s language, with the subject intact',
      async (locale) => {
        for (const variant of ['full', 'empty'] as const) {
          const sut = rendered.get(key(locale, variant))!;
          const raw = await compose(sut);
          const parsed = await simpleParser(raw);

          expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
          expect(parsed.subject).toBe(sut.subject);
          expect(parsed.subject).toMatch(
            locale === 'id' ? /^\[Simpul\] Ringkasan mingguan 2026-W48: / : /^\[Simpul\] Weekly digest 2026-W48: /,
          );
          expect(parsed.text?.trim()).toBe(sut.text.trim());
          expect(parsed.html).toEqual(expect.any(String));
          expect(parsed.html).toContain(`<html lang="${locale}"`);
          expect(parsed.html).toContain(locale === 'id' ? 'Halo Rina Wulandari,' : 'Hello Rina Wulandari,');
          // Decoded, the HTML part is the rendered digest itself, byte for byte but for line endings.
          expect((parsed.html as string).replace(/\r\n/g, '\n')).toBe(sut.html.replace(/\r\n/g, '\n'));
        }
      },
    );

    it('keeps the deep links and the preferences link in both parts after the round trip', async () => {
      const sut = rendered.get(key('en', 'full'))!;
      const parsed = await simpleParser(await compose(sut));
      for (const link of [
        `${base}/tasks/90`,
        `${base}/referrals/301`,
        `${base}/cross-border/20`,
        `${base}/settings/digest`,
      ]) {
        expect(parsed.text).toContain(link);
        expect(parsed.html).toContain(`href="${link}"`);
      }
      expect(parsed.subject).toBe('[Simpul] Weekly digest 2026-W48: 2 overdue, 3 due soon, 2 awaiting your answer');
      expect((await simpleParser(await compose(rendered.get(key('id', 'empty'))!))).subject).toBe(
        '[Simpul] Ringkasan mingguan 2026-W48: tidak ada yang tertunda',
      );
    });
  });

  describe('in Chromium', () => {
    let browser: Browser | undefined;

    beforeAll(async () => {
      if (!existsSync(CHROMIUM)) {
        throw new Error(
          `Chromium is missing at ${CHROMIUM}; the digest screenshots need it. Install it with: apt-get install -y chromium`,
        );
      }
      mkdirSync(SCREENSHOTS, { recursive: true });
      // Playwright starts the browser on a fresh temporary profile of its own and removes it on close.
      browser = await chromium.launch({
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
    });

    afterAll(async () => {
      await browser?.close();
    });

    /**
     * Draws one rendered digest 640 px wide and, given a name, saves the full-page screenshot under
     * .data/screenshots and decodes it.
     */
    async function draw(html: string, name?: string): Promise<{ png?: PNG; pageHeight: number; requests: string[] }> {
      // A short viewport, so that the full-page screenshot is as tall as the email and no taller.
      const page = await browser!.newPage({ viewport: { width: 640, height: 200 } });
      const requests: string[] = [];
      // Mail clients block remote content by default: the digest must not need any, so every fetch is refused.
      await page.route('**/*', (route) => {
        requests.push(route.request().url());
        return route.abort();
      });
      try {
        await page.setContent(html, { waitUntil: 'load' });
        // A string, because the project compiles without the DOM library; it runs in the page.
        const pageHeight = Number(await page.evaluate('document.documentElement.scrollHeight'));
        if (!name) return { pageHeight, requests };
        const buffer = await page.screenshot({ fullPage: true, type: 'png' });
        writeFileSync(join(SCREENSHOTS, `${name}.png`), buffer);
        return { png: PNG.sync.read(buffer), pageHeight, requests };
      } finally {
        await page.close();
      }
    }

    async function screenshot(
      name: string,
      html: string,
    ): Promise<{ png: PNG; pageHeight: number; requests: string[] }> {
      const { png, ...rest } = await draw(html, name);
      return { png: png!, ...rest };
    }

    it.each(locales)('[%s] draws the full digest as a page 640 px wide with visible content', async (locale) => {
      const { png, pageHeight, requests } = await screenshot(
        `digest-${locale}`,
        rendered.get(key(locale, 'full'))!.html,
      );
      const { nonWhite, ink } = measure(png);
      console.log(
        `digest-${locale}.png: ${png.width}x${png.height}, non-white ${(nonWhite * 100).toFixed(1)}%, ink ${(ink * 100).toFixed(2)}%`,
      );

      expect(png.width).toBe(640);
      expect(png.height).toBe(pageHeight);
      expect(png.height).toBeGreaterThan(800);
      expect(png.height).toBeLessThan(6000);
      expect(nonWhite).toBeGreaterThan(0.1);
      expect(ink).toBeGreaterThan(0.02);
      expect(requests).toEqual([]);
    });

    it.each(locales)(
      '[%s] on a 360 px phone: no word of the ranking table split, nothing wider than the screen',
      async (locale) => {
        const page = await browser!.newPage({ viewport: { width: 360, height: 640 } });
        await page.route('**/*', (route) => route.abort());
        try {
          await page.setContent(rendered.get(key(locale, 'full'))!.html, { waitUntil: 'load' });
          // Each word of the table's headers drawn on one line (a word split across lines has two boxes; after a hyphen it may break). A string: it runs
          // in the page, and the project compiles without the DOM library.
          const layout = JSON.parse(
            String(
              await page.evaluate(`JSON.stringify((() => {
              const split = [];
              const headers = document.querySelectorAll('th').length;
              for (const cell of document.querySelectorAll('th')) {
                const text = cell.firstChild;
                if (!text || text.nodeType !== 3) continue;
                for (const word of text.data.matchAll(/[^\\s-]+/g)) {
                  const range = document.createRange();
                  range.setStart(text, word.index);
                  range.setEnd(text, word.index + word[0].length);
                  if (range.getClientRects().length > 1) split.push(word[0]);
                }
              }
              return { headers, split, width: document.documentElement.scrollWidth };
            })())`),
            ),
          ) as { headers: number; split: string[]; width: number };
          expect(layout.headers).toBeGreaterThanOrEqual(5);
          expect(layout.split).toEqual([]);
          expect(layout.width).toBeLessThanOrEqual(360);
        } finally {
          await page.close();
        }
      },
    );

    it.each(locales)('[%s] draws the "nothing pending" digest shorter than the full one', async (locale) => {
      const { png, requests } = await screenshot(`digest-${locale}-empty`, rendered.get(key(locale, 'empty'))!.html);
      const full = await draw(rendered.get(key(locale, 'full'))!.html);
      const { nonWhite, ink } = measure(png);
      console.log(
        `digest-${locale}-empty.png: ${png.width}x${png.height}, non-white ${(nonWhite * 100).toFixed(1)}%, ink ${(ink * 100).toFixed(2)}%`,
      );

      expect(png.width).toBe(640);
      expect(png.height).toBeLessThan(1500);
      expect(png.height).toBeLessThan(full.pageHeight);
      expect(nonWhite).toBeGreaterThan(0.1);
      expect(ink).toBeGreaterThan(0.02);
      expect(requests).toEqual([]);
    });
  });
});
