import type { DigestContent } from './digest/digest-content';
import { frame } from './digest/digest-frame';
import { renderMjml } from './digest/digest-mjml';
import { renderText } from './digest/digest-text';

/** One weekly digest email: the subject, an MJML-built HTML part and a plain-text part with the same content. */
export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
}

/**
 * Renders one weekly coordination digest (DOMAIN.md section 6) in the recipient's language and time zone: the
 * subject with a short count, the HTML part built with MJML (tables and inline styles that common mail clients
 * render, 600 px wide, responsive below) and a plain-text part with the same content. Only what `content` carries
 * is shown (codes, acronyms, counts, instants, links), all of it escaped. Async because MJML 5 renders async.
 */
export async function renderDigest(content: DigestContent): Promise<RenderedDigest> {
  const f = frame(content);
  const slots: string[] = [];
  const layout = renderMjml(f, (html) => `@@simpul-slot-${slots.push(html) - 1}@@`);
  const compiled = await compiledLayout(layout, slots.length);
  const html = compiled.replace(SLOT_PATTERN, (_, index: string) => slots[Number(index)]);
  return { subject: f.subject, html, text: renderText(f) };
}

/** The digest's MJML rendered by MJML itself, without the slot trick (what renderDigest must equal). */
export async function renderDigestDirect(content: DigestContent): Promise<string> {
  return mjmlToHtml(renderMjml(frame(content), (html) => html));
}

/**
 * The slots: MJML copies the inside of mj-text, mj-table, mj-title and mj-preview into its output untouched, so
 * the layout is rendered with numbered markers in place of the content and the content is put in afterwards: MJML
 * (about 10 ms of CPU per digest, the bulk of a digest's cost at 50,000 recipients) then runs once per distinct
 * layout instead of once per person.
 */
const SLOT_PATTERN = /@@simpul-slot-(\d+)@@/g;
/** Distinct layouts (locale × which sections, groups and tables appear): a few dozen in practice. */
const LAYOUT_CACHE_SIZE = 500;
const layouts = new Map<string, string>();

async function compiledLayout(layout: string, slotCount: number): Promise<string> {
  const cached = layouts.get(layout);
  if (cached !== undefined) return cached;
  const html = await mjmlToHtml(layout);
  // Every piece of content must land somewhere (MJML also repeats the title, as the body's aria-label).
  const kept = new Set([...html.matchAll(SLOT_PATTERN)].map((match) => Number(match[1])));
  if (kept.size !== slotCount) throw new Error(`Digest layout: MJML kept ${kept.size} of ${slotCount} content slots.`);
  if (layouts.size >= LAYOUT_CACHE_SIZE) layouts.delete(layouts.keys().next().value as string);
  layouts.set(layout, html);
  return html;
}

async function mjmlToHtml(mjml: string): Promise<string> {
  // Loaded on the first digest, not at start: MJML takes 0.4 s to load, and the API never renders one.
  const { default: mjml2html } = await import('mjml');
  // 'strict' turns a malformed template into an error here instead of a broken email in someone's inbox.
  const { html } = await mjml2html(mjml, { validationLevel: 'strict', keepComments: false });
  return html;
}
