import { formatInstant, renderNotification } from './notification-templates';

const params = {
  reference: 'TSK-000042',
  link: 'https://simpul.example/tasks/1',
  preferencesLink: 'https://simpul.example/settings/notifications',
  dueAt: '2026-11-30T00:53:00Z',
  assigningAgency: 'Kemlu',
  assigneeAgency: 'Ditjen Imigrasi',
  targetRole: 'AGENCY_SUPERVISOR',
};

describe('notification templates', () => {
  it('writes Bahasa Indonesia and English, with the deadline in the reader’s time zone', () => {
    const id = renderNotification('ESCALATION', 'id', 'Asia/Jakarta', params);
    expect(id.subject).toBe('[Simpul] Eskalasi: TSK-000042 melewati tenggat');
    expect(id.text).toContain('Anda menerima pesan ini sebagai atasan instansi.');
    expect(id.text).toContain('Sen 30 Nov 2026 07:53 (Asia/Jakarta)');
    const en = renderNotification('ESCALATION', 'en', 'Asia/Makassar', params);
    expect(en.subject).toBe('[Simpul] Escalation: TSK-000042 is past its deadline');
    expect(en.text).toContain("You receive this as the agency's supervisor.");
    expect(en.text).toContain('Mon 30 Nov 2026 08:53 (Asia/Makassar)');
  });

  it('has a plain-text and an HTML part, with the link and a way to change preferences', () => {
    const mail = renderNotification('TASK_ASSIGNED', 'en', 'Asia/Jakarta', params);
    expect(mail.text).toContain(`Open TSK-000042 in Simpul: ${params.link}`);
    expect(mail.text).toContain(params.preferencesLink);
    expect(mail.html).toContain(`href="${params.link}"`);
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.summary).toBe(
      'Kemlu asks Ditjen Imigrasi to carry out task TSK-000042, due Mon 30 Nov 2026 07:53 (Asia/Jakarta).',
    );
  });

  it('escapes what it puts into HTML', () => {
    const mail = renderNotification('TASK_COMPLETED', 'en', 'Asia/Jakarta', {
      ...params,
      assigneeAgency: '<script>alert(1)</script>',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
  });

  it('shows a dash for a missing or unreadable instant', () => {
    expect(formatInstant(undefined, 'en', 'Asia/Jakarta')).toBe('-');
    expect(formatInstant('not a date', 'id', 'Asia/Jakarta')).toBe('-');
  });
});
