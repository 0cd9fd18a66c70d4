import { escapeHtml } from '../html';

import { Entry, Frame, Section } from './digest-frame';

/**
 * Puts a piece of content (already escaped HTML) into the MJML: the content itself, or a numbered marker in its
 * place (see compiledLayout in digest-template.ts).
 */
export type Slot = (html: string) => string;

const COLOR = {
  ink: '#1f2933',
  muted: '#52606d',
  faint: '#627d98',
  brand: '#0b2545',
  link: '#0b5cab',
  alert: '#b42318',
  rule: '#d9e2ec',
  page: '#f4f6f8',
};

/** MJML for one section; every text node is escaped, links are attributes of escaped values. */
function sectionMjml(section: Section, slot: Slot): string {
  const e = escapeHtml;
  const entryHtml = (entry: Entry) => {
    const code = entry.link
      ? `<a href="${e(entry.link)}" style="color:${COLOR.link};font-weight:bold;text-decoration:underline">${e(entry.code)}</a>`
      : `<strong>${e(entry.code)}</strong>`;
    const flag = entry.flag ? ` <span style="color:${COLOR.alert};font-weight:bold">${e(entry.flag)}</span>` : '';
    const details = `<span style="color:${COLOR.muted}">${entry.details.map(e).join(' &middot; ')}</span>`;
    return `<div style="margin:0 0 10px 0">${code}${flag}<br />${details}</div>`;
  };
  const parts = [
    `<mj-divider border-color="${COLOR.rule}" border-width="1px" padding="8px 24px 12px 24px" />`,
    `<mj-text font-size="16px" font-weight="bold" color="${COLOR.brand}" padding="0 24px 8px 24px">${slot(e(section.title))}</mj-text>`,
  ];
  for (const group of section.groups) {
    const title = group.title
      ? `<div style="margin:4px 0 6px 0;font-weight:bold;color:${COLOR.ink}">${e(group.title)}</div>`
      : '';
    parts.push(`<mj-text>${slot(title + group.entries.map(entryHtml).join(''))}</mj-text>`);
  }
  if (section.table) {
    // Words break only between words: MJML's columns break anywhere (word-break:break-word), which on a narrow phone
    // squeezed the figures' columns until their headers split mid-word ("Tuga s").
    const cell = (value: string, i: number, tag: 'th' | 'td') =>
      `<${tag} style="padding:6px 4px;border-bottom:1px solid ${COLOR.rule};word-break:normal;text-align:${i === 0 ? 'left' : 'right'}${tag === 'th' ? ';color:' + COLOR.muted : ''}">${e(value)}</${tag}>`;
    const head = `<tr>${section.table.head.map((h, i) => cell(h, i, 'th')).join('')}</tr>`;
    const rows = section.table.rows.map((row) => `<tr>${row.map((v, i) => cell(v, i, 'td')).join('')}</tr>`);
    parts.push(
      `<mj-table font-size="14px" color="${COLOR.ink}" padding="0 24px 12px 24px">${slot(head + rows.join(''))}</mj-table>`,
    );
  }
  return `<mj-section><mj-column>${parts.join('')}</mj-column></mj-section>`;
}

export function renderMjml(f: Frame, slot: Slot): string {
  const e = escapeHtml;
  const paragraph = (text: string, extra = '') => `<mj-text${extra}>${slot(e(text))}</mj-text>`;
  return [
    `<mjml lang="${f.locale}" dir="ltr">`,
    '<mj-head>',
    `<mj-title>${slot(e(f.subject))}</mj-title>`,
    `<mj-preview>${slot(e(f.preview))}</mj-preview>`,
    '<mj-attributes>',
    '<mj-all font-family="Arial, Helvetica, sans-serif" />',
    `<mj-text font-size="14px" line-height="1.5" color="${COLOR.ink}" padding="0 24px 8px 24px" />`,
    '<mj-section background-color="#ffffff" padding="0" />',
    '</mj-attributes>',
    '</mj-head>',
    `<mj-body background-color="${COLOR.page}" width="600px">`,
    `<mj-section background-color="${COLOR.brand}" padding="14px 0"><mj-column>`,
    `<mj-text color="#ffffff" font-size="15px" font-weight="bold" padding="0 24px">Simpul &middot; GTPP-TPPO</mj-text>`,
    '</mj-column></mj-section>',
    '<mj-section padding="20px 0 4px 0"><mj-column>',
    paragraph(f.title, ` font-size="20px" font-weight="bold" color="${COLOR.brand}" padding="0 24px 12px 24px"`),
    `<mj-text>${slot(`${e(f.greeting)}<br />${e(f.intro)}`)}</mj-text>`,
    ...(f.counts ? [paragraph(f.counts, ` color="${COLOR.muted}"`)] : []),
    ...(f.emptyNote
      ? [
          paragraph(
            f.emptyNote,
            ` font-size="15px" container-background-color="#eef6ee" padding="12px 24px" color="${COLOR.ink}"`,
          ),
        ]
      : []),
    '</mj-column></mj-section>',
    ...f.sections.map((section) => sectionMjml(section, slot)),
    '<mj-section padding="0 0 16px 0"><mj-column><mj-spacer height="8px" /></mj-column></mj-section>',
    '<mj-section background-color="transparent" padding="16px 0"><mj-column>',
    `<mj-text font-size="12px" line-height="1.4" color="${COLOR.faint}">${slot(`${e(f.footer)} ${e(f.footerPrivacy)}`)}</mj-text>`,
    `<mj-text font-size="12px" line-height="1.4" color="${COLOR.faint}">${slot(`<a href="${e(f.preferences.href)}" style="color:${COLOR.link}">${e(f.preferences.label)}</a>`)}</mj-text>`,
    '</mj-column></mj-section>',
    '</mj-body>',
    '</mjml>',
  ].join('\n');
}
