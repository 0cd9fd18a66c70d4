/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A small, mail-client-safe HTML frame (inline styles only) around paragraphs and one call to action. */
export function simpleEmailHtml(opts: {
  lang: string;
  title: string;
  paragraphs: string[];
  action?: { label: string; href: string };
  footer: string;
}): string {
  const p = (text: string) =>
    `<p style="margin:0 0 12px 0;font-size:15px;line-height:1.5;color:#1f2933">${escapeHtml(text)}</p>`;
  const action = opts.action
    ? `<p style="margin:16px 0"><a href="${escapeHtml(opts.action.href)}" style="background:#0b5cab;color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none;font-size:15px">${escapeHtml(opts.action.label)}</a></p>`
    : '';
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(opts.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(opts.title)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif">',
    '<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff">',
    `<h1 style="font-size:18px;margin:0 0 16px 0;color:#0b2545">${escapeHtml(opts.title)}</h1>`,
    ...opts.paragraphs.map(p),
    action,
    `<hr style="border:none;border-top:1px solid #d9e2ec;margin:24px 0 12px 0"><p style="font-size:12px;line-height:1.4;color:#627d98;margin:0">${escapeHtml(opts.footer)}</p>`,
    '</div></body></html>',
  ].join('\n');
}
