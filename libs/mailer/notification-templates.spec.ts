import { countryName, formatInstant, NotificationTemplateKind, renderNotification } from './notification-templates';

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

describe('cross-border request templates', () => {
  const request = {
    reference: 'CBR-000042',
    link: 'https://simpul.example/cross-border-requests/1',
    preferencesLink: 'https://simpul.example/settings/notifications',
    dueAt: '2026-11-30T00:53:00Z',
    direction: 'OUTGOING',
    country: 'KH',
    category: 'TRAVEL_DOCUMENT_VERIFICATION',
    urgency: 'NORMAL',
    counterpartAgency: 'GDI Cambodia',
    homeAgency: 'Ditjen Imigrasi',
    filingAgency: 'Atase Imigrasi Phnom Penh',
    actingAgency: 'GDI Cambodia',
  };
  const kinds: NotificationTemplateKind[] = [
    'CROSS_BORDER_SUBMITTED',
    'CROSS_BORDER_ACKNOWLEDGED',
    'CROSS_BORDER_ANSWERED',
    'CROSS_BORDER_REFUSED',
    'CROSS_BORDER_STAGE_OVERDUE',
    'CROSS_BORDER_FORMAL_CHANNEL_PROPOSED',
    'CROSS_BORDER_UPDATED',
  ];

  it('asks the counterpart to acknowledge by the deadline, in the reader’s language and time zone', () => {
    const en = renderNotification('CROSS_BORDER_SUBMITTED', 'en', 'Asia/Phnom_Penh', { ...request, urgency: 'URGENT' });
    expect(en.subject).toBe('[Simpul] New cross-border request for your agency: CBR-000042 (urgent)');
    expect(en.summary).toBe(
      'Cross-border request CBR-000042 from Ditjen Imigrasi to GDI Cambodia (Cambodia) asks for travel document ' +
        'verification; it is to be acknowledged by Mon 30 Nov 2026 07:53 (Asia/Phnom_Penh).',
    );
    expect(en.text).toContain('Filed by Atase Imigrasi Phnom Penh on behalf of Ditjen Imigrasi. Urgency: urgent.');
    expect(en.html).toContain('href="https://simpul.example/cross-border-requests/1"');
    const id = renderNotification('CROSS_BORDER_SUBMITTED', 'id', 'Asia/Kuala_Lumpur', request);
    expect(id.subject).toBe('[Simpul] Permintaan lintas batas baru untuk instansi Anda: CBR-000042');
    expect(id.summary).toBe(
      'Permintaan lintas batas CBR-000042 dari Ditjen Imigrasi kepada GDI Cambodia (Kamboja) meminta verifikasi ' +
        'dokumen perjalanan; penerimaannya dikonfirmasi paling lambat Sen 30 Nov 2026 08:53 (Asia/Kuala_Lumpur).',
    );
    expect(id.text).toContain('Urgensi: biasa.');
  });

  it('tells the requesting side each answer of the counterpart, pointing to Simpul for answers and grounds', () => {
    const acknowledged = renderNotification('CROSS_BORDER_ACKNOWLEDGED', 'en', 'Asia/Jakarta', request);
    expect(acknowledged.subject).toBe('[Simpul] Cross-border request CBR-000042 was acknowledged');
    expect(acknowledged.text).toContain(
      'GDI Cambodia acknowledged request CBR-000042 (travel document verification, GDI Cambodia, Cambodia).',
    );
    expect(acknowledged.text).toContain(
      'A decision (accept or refuse) is due by Mon 30 Nov 2026 07:53 (Asia/Jakarta).',
    );

    const { dueAt: _none, ...noDeadline } = request;
    const answered = renderNotification('CROSS_BORDER_ANSWERED', 'id', 'Asia/Jakarta', noDeadline);
    expect(answered.subject).toBe('[Simpul] Permintaan lintas batas CBR-000042 telah dijawab');
    expect(answered.summary).toBe(
      'GDI Cambodia menjawab permintaan CBR-000042 (verifikasi dokumen perjalanan, GDI Cambodia, Kamboja) secara ' +
        'lengkap. Buka Simpul untuk membaca jawabannya.',
    );
    expect(answered.text).not.toMatch(/sebagian|partial/);

    const partial = renderNotification('CROSS_BORDER_ANSWERED', 'en', 'Asia/Jakarta', { ...request, partial: 'true' });
    expect(partial.subject).toBe('[Simpul] Cross-border request CBR-000042 was partially answered');
    expect(partial.summary).toBe(
      'GDI Cambodia sent a partial answer to request CBR-000042 (travel document verification, GDI Cambodia, ' +
        'Cambodia). Open it in Simpul to read it.',
    );
    expect(partial.text).toContain('The rest is due by Mon 30 Nov 2026 07:53 (Asia/Jakarta).');
    expect(
      renderNotification('CROSS_BORDER_ANSWERED', 'id', 'Asia/Jakarta', { ...request, partial: 'true' }).subject,
    ).toBe('[Simpul] Permintaan lintas batas CBR-000042 dijawab sebagian');

    const refused = renderNotification('CROSS_BORDER_REFUSED', 'id', 'Asia/Jakarta', {
      ...request,
      category: 'LOCATE_RESCUE',
    });
    expect(refused.subject).toBe('[Simpul] Permintaan lintas batas CBR-000042 ditolak');
    expect(refused.summary).toBe(
      'GDI Cambodia menolak permintaan CBR-000042 (pencarian dan penyelamatan, GDI Cambodia, Kamboja). ' +
        'Buka Simpul untuk melihat alasannya dan menentukan tindak lanjut.',
    );
  });

  it('names the home agency as the one to move on an incoming request', () => {
    const incoming = { ...request, direction: 'INCOMING', counterpartAgency: 'PDRM', country: 'MY' };
    const submitted = renderNotification('CROSS_BORDER_SUBMITTED', 'en', 'Asia/Jakarta', incoming);
    expect(submitted.summary).toContain('CBR-000042 from PDRM (Malaysia) to Ditjen Imigrasi asks for');
    expect(submitted.text).not.toContain('Filed by');
    expect(renderNotification('CROSS_BORDER_ACKNOWLEDGED', 'en', 'Asia/Jakarta', incoming).summary).toBe(
      'Ditjen Imigrasi acknowledged request CBR-000042 (travel document verification, PDRM, Malaysia).',
    );
  });

  it('says which stage is overdue or extended, with its deadline', () => {
    const overdue = renderNotification('CROSS_BORDER_STAGE_OVERDUE', 'en', 'Asia/Jakarta', {
      ...request,
      stage: 'DECIDE',
    });
    expect(overdue.subject).toBe('[Simpul] Cross-border request CBR-000042: the decision stage is overdue');
    expect(overdue.text).toContain(
      'The decision stage of request CBR-000042 (travel document verification, GDI Cambodia, Cambodia) was due ' +
        'Mon 30 Nov 2026 07:53 (Asia/Jakarta) and has not been completed.',
    );
    expect(overdue.text).toContain('Follow it up with GDI Cambodia, or extend the deadline in Simpul.');
    const terlambat = renderNotification('CROSS_BORDER_STAGE_OVERDUE', 'id', 'Asia/Jakarta', {
      ...request,
      stage: 'ACKNOWLEDGE',
    });
    expect(terlambat.subject).toBe(
      '[Simpul] Permintaan lintas batas CBR-000042: tahap konfirmasi penerimaan terlambat',
    );

    const extended = renderNotification('CROSS_BORDER_UPDATED', 'id', 'Asia/Makassar', {
      ...request,
      stage: 'EXECUTE',
      status: 'ACCEPTED',
      deadlineExtended: 'true',
    });
    expect(extended.subject).toBe(
      '[Simpul] Permintaan lintas batas CBR-000042: tenggat tahap pelaksanaan diperpanjang',
    );
    expect(extended.summary).toBe(
      'Tenggat tahap pelaksanaan permintaan CBR-000042 (verifikasi dokumen perjalanan, GDI Cambodia, Kamboja) ' +
        'diperpanjang hingga Sen 30 Nov 2026 08:53 (Asia/Makassar). Buka Simpul untuk melihat alasannya.',
    );
  });

  it('tells other changes as a change of status, with the next deadline when there is one', () => {
    const accepted = renderNotification('CROSS_BORDER_UPDATED', 'en', 'Asia/Jakarta', {
      ...request,
      stage: 'EXECUTE',
      status: 'ACCEPTED',
    });
    expect(accepted.subject).toBe('[Simpul] Cross-border request CBR-000042: status changed to accepted');
    expect(accepted.text).toContain(
      'Request CBR-000042 (travel document verification, GDI Cambodia, Cambodia) is now accepted.',
    );
    expect(accepted.text).toContain('Next deadline (execution): Mon 30 Nov 2026 07:53 (Asia/Jakarta).');
    const { dueAt: _none, ...noDeadline } = request;
    const withdrawn = renderNotification('CROSS_BORDER_UPDATED', 'id', 'Asia/Jakarta', {
      ...noDeadline,
      status: 'WITHDRAWN',
    });
    expect(withdrawn.subject).toBe(
      '[Simpul] Permintaan lintas batas CBR-000042: status berubah menjadi ditarik kembali',
    );
    expect(withdrawn.text).not.toContain('Tenggat berikutnya');
    expect(
      renderNotification('CROSS_BORDER_UPDATED', 'en', 'Asia/Jakarta', { ...noDeadline, status: 'LAPSED' }).summary,
    ).toBe('Request CBR-000042 (travel document verification, GDI Cambodia, Cambodia) is now lapsed.');
  });

  it('proposes the formal channel by the new request’s reference', () => {
    const en = renderNotification('CROSS_BORDER_FORMAL_CHANNEL_PROPOSED', 'en', 'Asia/Jakarta', {
      ...request,
      formalReference: 'CBR-000043',
    });
    expect(en.subject).toBe('[Simpul] Formal channel proposed for cross-border request CBR-000042');
    expect(en.summary).toBe(
      'Request CBR-000042 (travel document verification, GDI Cambodia, Cambodia) lapsed on its informal channel. ' +
        'Simpul proposes sending it through the formal channel (mutual legal assistance) as CBR-000043.',
    );
    const id = renderNotification('CROSS_BORDER_FORMAL_CHANNEL_PROPOSED', 'id', 'Asia/Jakarta', {
      ...request,
      formalReference: 'CBR-000043',
    });
    expect(id.subject).toBe('[Simpul] Jalur resmi diusulkan untuk permintaan lintas batas CBR-000042');
    expect(id.text).toContain('melalui jalur resmi (bantuan hukum timbal balik) sebagai CBR-000043.');
  });

  it('has a text in both languages for every cross-border kind, each with the reference, agency, country and link', () => {
    for (const kind of kinds) {
      for (const locale of ['id', 'en'] as const) {
        const mail = renderNotification(kind, locale, 'Asia/Jakarta', {
          ...request,
          stage: 'EXECUTE',
          status: 'CLOSED',
        });
        expect(mail.subject).toContain('CBR-000042');
        expect(mail.text).toContain('GDI Cambodia');
        expect(mail.text).toContain(locale === 'id' ? 'Kamboja' : 'Cambodia');
        expect(mail.text).toContain(request.link);
        expect(mail.html).toContain(`<html lang="${locale}">`);
        expect(mail.text).not.toContain('undefined');
      }
    }
  });

  it('shows codes it has no label for as they are, and a dash for what is missing', () => {
    const mail = renderNotification('CROSS_BORDER_REFUSED', 'en', 'Asia/Jakarta', {
      reference: 'CBR-000042',
      link: request.link,
      preferencesLink: request.preferencesLink,
      category: 'SEARCH_WARRANT',
    });
    expect(mail.summary).toBe(
      '- refused request CBR-000042 (SEARCH_WARRANT, -, -). Open it in Simpul to see the grounds and decide what follows.',
    );
    expect(countryName('MY', 'id')).toBe('Malaysia');
    expect(countryName('KH', 'en')).toBe('Cambodia');
    expect(countryName('Sihanoukville', 'en')).toBe('-');
  });
});

describe('shared casework notices', () => {
  const base = {
    link: 'https://simpul.example/cases/1',
    preferencesLink: 'https://simpul.example/settings/notifications',
  };

  it('tells the assigning side that its task is overdue, with the due instant in the reader’s zone', () => {
    const mail = renderNotification('TASK_OVERDUE', 'en', 'Asia/Jakarta', {
      ...base,
      reference: 'TSK-000042',
      dueAt: '2026-11-30T00:53:00Z',
      assigningAgency: 'Kemlu',
      assigneeAgency: 'Ditjen Imigrasi',
    });
    expect(mail.subject).toBe('[Simpul] Task TSK-000042 is past its due date');
    expect(mail.summary).toBe(
      'Task TSK-000042, which Kemlu assigned to Ditjen Imigrasi, was due Mon 30 Nov 2026 07:53 (Asia/Jakarta) and is still open.',
    );
    expect(renderNotification('TASK_OVERDUE', 'id', 'Asia/Jakarta', { ...base, reference: 'TSK-000042' }).subject).toBe(
      '[Simpul] Tugas TSK-000042 melewati tenggat',
    );
  });

  it('tells an agency it joined, left or now leads a case, by reference and role only', () => {
    const params = { ...base, reference: 'CASE-000007', assigneeAgency: 'Kemensos', actingAgency: 'Bareskrim Polri' };
    const added = renderNotification('CASE_TEAM_CHANGED', 'en', 'Asia/Jakarta', {
      ...params,
      status: 'ADDED',
      caseRole: 'SOCIAL_REHABILITATION',
    });
    expect(added.summary).toBe(
      'Bareskrim Polri added Kemensos to the team of case CASE-000007 (social rehabilitation). Open it to see its people by code.',
    );
    expect(renderNotification('CASE_TEAM_CHANGED', 'id', 'Asia/Jakarta', { ...params, status: 'ENDED' }).subject).toBe(
      '[Simpul] Instansi Anda keluar dari kasus CASE-000007',
    );
    expect(renderNotification('CASE_TEAM_CHANGED', 'en', 'Asia/Jakarta', { ...params, status: 'LEAD' }).subject).toBe(
      '[Simpul] Your agency now leads case CASE-000007',
    );
  });
});
