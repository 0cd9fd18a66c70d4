import { formatInstant, NotificationTemplateKind, renderNotification } from './notification-templates';

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

describe('referral templates', () => {
  const referral = {
    reference: 'REF-000042',
    link: 'https://simpul.example/referrals/1',
    preferencesLink: 'https://simpul.example/settings/notifications',
    dueAt: '2026-11-30T00:53:00Z',
    assigningAgency: 'Kemensos',
    assigneeAgency: 'IOM',
    actingAgency: 'IOM',
    victimCode: 'VCT-7K3QX9MB',
    service: 'MEDICAL',
    urgency: 'EMERGENCY',
  };
  const kinds: NotificationTemplateKind[] = [
    'REFERRAL_PROPOSED',
    'REFERRAL_ACCEPTED',
    'REFERRAL_DECLINED',
    'REFERRAL_EXPIRED',
    'REFERRAL_WITHDRAWN',
    'REFERRAL_COMPLETED',
    'REFERRAL_DISCONTINUED',
  ];

  it('asks the provider to answer by the respond-by instant, in the reader’s language and time zone', () => {
    const id = renderNotification('REFERRAL_PROPOSED', 'id', 'Asia/Makassar', referral);
    expect(id.subject).toBe('[Simpul] Rujukan baru untuk instansi Anda: REF-000042 (urgensi darurat)');
    expect(id.summary).toBe(
      'Kemensos merujuk VCT-7K3QX9MB ke IOM untuk layanan kesehatan (rujukan REF-000042); ' +
        'mohon terima atau tolak sebelum Sen 30 Nov 2026 08:53 (Asia/Makassar).',
    );
    expect(id.text).toContain('Urgensi: darurat.');
    const en = renderNotification('REFERRAL_PROPOSED', 'en', 'Asia/Jakarta', { ...referral, urgency: 'NORMAL' });
    expect(en.subject).toBe('[Simpul] New referral for your agency: REF-000042');
    expect(en.summary).toBe(
      'Kemensos refers VCT-7K3QX9MB to IOM for medical care (referral REF-000042); ' +
        'please accept or decline by Mon 30 Nov 2026 07:53 (Asia/Jakarta).',
    );
    expect(en.html).toContain('href="https://simpul.example/referrals/1"');
  });

  it('tells the outcome with codes and acronyms, pointing to Simpul for reasons and outcomes', () => {
    expect(renderNotification('REFERRAL_ACCEPTED', 'en', 'Asia/Jakarta', referral).summary).toBe(
      'IOM accepted referral REF-000042: medical care for VCT-7K3QX9MB.',
    );
    const declined = renderNotification('REFERRAL_DECLINED', 'id', 'Asia/Jakarta', { ...referral, service: 'SHELTER' });
    expect(declined.subject).toBe('[Simpul] Rujukan REF-000042 ditolak');
    expect(declined.summary).toBe(
      'IOM menolak rujukan REF-000042 (rumah aman untuk VCT-7K3QX9MB). ' +
        'Buka rujukan untuk melihat alasannya dan merujuk VCT-7K3QX9MB ke penyedia layanan lain.',
    );
    const expired = renderNotification('REFERRAL_EXPIRED', 'en', 'Asia/Jayapura', referral);
    expect(expired.subject).toBe('[Simpul] Referral REF-000042 expired without an answer');
    expect(expired.text).toContain(
      'IOM did not answer referral REF-000042 (medical care for VCT-7K3QX9MB) by Mon 30 Nov 2026 09:53',
    );
    expect(renderNotification('REFERRAL_WITHDRAWN', 'id', 'Asia/Jakarta', referral).subject).toBe(
      '[Simpul] Rujukan REF-000042 ditarik kembali',
    );
    expect(renderNotification('REFERRAL_COMPLETED', 'en', 'Asia/Jakarta', referral).subject).toBe(
      '[Simpul] Referral REF-000042 is complete',
    );
    expect(renderNotification('REFERRAL_DISCONTINUED', 'id', 'Asia/Jakarta', referral).summary).toContain(
      'IOM menghentikan layanan kesehatan untuk VCT-7K3QX9MB',
    );
  });

  it('has a text in both languages for every referral kind, each with the codes and the link', () => {
    for (const kind of kinds) {
      for (const locale of ['id', 'en'] as const) {
        const mail = renderNotification(kind, locale, 'Asia/Jakarta', referral);
        expect(mail.subject).toContain('REF-000042');
        expect(mail.text).toContain('VCT-7K3QX9MB');
        expect(mail.text).toContain(referral.link);
        expect(mail.html).toContain(`<html lang="${locale}">`);
      }
    }
  });

  it('shows a service it has no label for as its code', () => {
    const mail = renderNotification('REFERRAL_ACCEPTED', 'en', 'Asia/Jakarta', { ...referral, service: 'RESTITUTION' });
    expect(mail.summary).toBe('IOM accepted referral REF-000042: RESTITUTION for VCT-7K3QX9MB.');
  });
});

describe('reminders and escalations for any item with a deadline', () => {
  it('name the item by its code, not as a task', () => {
    const taskReminder = renderNotification('DEADLINE_REMINDER', 'en', 'Asia/Jakarta', params);
    expect(taskReminder.subject).toBe('[Simpul] Reminder: TSK-000042 is due Mon 30 Nov 2026 07:53 (Asia/Jakarta)');
    expect(taskReminder.summary).toBe(
      'TSK-000042 for Ditjen Imigrasi is due Mon 30 Nov 2026 07:53 (Asia/Jakarta) and is still open.',
    );
    const referralParams = { ...params, reference: 'REF-000042', assigneeAgency: 'IOM' };
    const indonesian = renderNotification('DEADLINE_REMINDER', 'id', 'Asia/Jakarta', referralParams);
    expect(indonesian.summary).toBe(
      'REF-000042 untuk IOM jatuh tempo Sen 30 Nov 2026 07:53 (Asia/Jakarta) dan belum selesai.',
    );
    for (const mail of [taskReminder, indonesian]) {
      expect(mail.text).not.toMatch(/\bTask\b|\bTugas\b/);
    }
  });

  it('add the person’s code and the service when the item has them', () => {
    const escalation = renderNotification('ESCALATION', 'en', 'Asia/Jakarta', {
      ...params,
      reference: 'REF-000042',
      assigneeAgency: 'IOM',
      victimCode: 'VCT-7K3QX9MB',
      service: 'PSYCHOSOCIAL',
    });
    expect(escalation.subject).toBe('[Simpul] Escalation: REF-000042 is past its deadline');
    expect(escalation.text).toContain(
      'REF-000042 (IOM) was due Mon 30 Nov 2026 07:53 (Asia/Jakarta) and is still open.',
    );
    expect(escalation.text).toContain('About: VCT-7K3QX9MB, psychosocial support.');
    const indonesian = renderNotification('ESCALATION', 'id', 'Asia/Jakarta', {
      ...params,
      reference: 'REF-000042',
      victimCode: 'VCT-7K3QX9MB',
      service: 'PSYCHOSOCIAL',
    });
    expect(indonesian.subject).toBe('[Simpul] Eskalasi: REF-000042 melewati tenggat');
    expect(indonesian.text).toContain('Perihal: VCT-7K3QX9MB, pendampingan psikososial.');
  });
});
