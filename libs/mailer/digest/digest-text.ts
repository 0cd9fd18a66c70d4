import { Frame } from './digest-frame';

/** The plain-text part: the same content as the HTML, one line per entry, links on their own lines. */
export function renderText(f: Frame): string {
  const lines: string[] = [f.title, '', f.greeting, f.intro, ''];
  if (f.counts) lines.push(f.counts, '');
  if (f.emptyNote) lines.push(f.emptyNote, '');
  for (const section of f.sections) {
    lines.push(section.title.toUpperCase(), '');
    for (const group of section.groups) {
      if (group.title) lines.push(`${group.title}:`);
      for (const entry of group.entries) {
        const head = [entry.code, entry.flag ? `[${entry.flag}]` : undefined].filter(Boolean).join(' ');
        lines.push(`- ${head}: ${entry.details.join(' · ')}`);
        if (entry.link) lines.push(`  ${entry.link}`);
      }
      lines.push('');
    }
    if (section.table) {
      const numbers = section.table.head.slice(1);
      section.table.rows.forEach(([name, ...values], index) => {
        const breakdown = numbers.slice(0, -1).map((h, i) => `${h.toLowerCase()} ${values[i]}`);
        lines.push(
          `${index + 1}. ${name}: ${numbers.at(-1)?.toLowerCase()} ${values.at(-1)} (${breakdown.join(', ')})`,
        );
      });
      lines.push('');
    }
  }
  lines.push('--', f.footer, f.footerPrivacy, `${f.preferences.label}: ${f.preferences.href}`, '');
  return lines.join('\n');
}
