import { Locale, Role } from '@app/kernel/role.enum';

/**
 * One demo account per role, for the zero-setup development default only. The password is public (README):
 * these accounts must never exist on a real deployment, and `seed:demo` refuses NODE_ENV=production.
 */
export const DEMO_PASSWORD = 'Simpul-demo-2026!';

export interface DemoUserSeed {
  email: string;
  displayName: string;
  agencyCode: string;
  roles: Role[];
  locale: Locale;
}

export const DEMO_USERS: DemoUserSeed[] = [
  {
    email: 'admin@demo.simpul.id',
    displayName: 'Demo Administrator',
    agencyCode: 'POLRI',
    roles: [Role.ADMINISTRATOR],
    locale: Locale.EN,
  },
  {
    email: 'liaison.polri@demo.simpul.id',
    displayName: 'Demo Liaison Polri',
    agencyCode: 'POLRI',
    roles: [Role.LIAISON],
    locale: Locale.ID,
  },
  {
    email: 'liaison.kemlu@demo.simpul.id',
    displayName: 'Demo Liaison Kemlu',
    agencyCode: 'KEMLU',
    roles: [Role.LIAISON],
    locale: Locale.EN,
  },
  {
    email: 'supervisor.polri@demo.simpul.id',
    displayName: 'Demo Supervisor Polri',
    agencyCode: 'POLRI',
    roles: [Role.SUPERVISOR],
    locale: Locale.ID,
  },
  {
    email: 'officer.kemensos@demo.simpul.id',
    displayName: 'Demo Case Officer Kemensos',
    agencyCode: 'KEMENSOS',
    roles: [Role.CASE_OFFICER],
    locale: Locale.ID,
  },
  {
    email: 'attache.phnompenh@demo.simpul.id',
    displayName: 'Demo Immigration Attaché',
    agencyCode: 'ATASE-IMIGRASI-PNH',
    roles: [Role.ATTACHE],
    locale: Locale.ID,
  },
  {
    email: 'secretariat@demo.simpul.id',
    displayName: 'Demo Secretariat GTPP',
    agencyCode: 'POLRI',
    roles: [Role.SECRETARIAT],
    locale: Locale.ID,
  },
  {
    email: 'counterpart.kh@demo.simpul.id',
    displayName: 'Demo Counterpart (Cambodia)',
    agencyCode: 'KH-GDI',
    roles: [Role.COUNTERPART],
    locale: Locale.EN,
  },
  {
    email: 'partner.iom@demo.simpul.id',
    displayName: 'Demo Partner IOM',
    agencyCode: 'IOM',
    roles: [Role.PARTNER],
    locale: Locale.EN,
  },
  {
    email: 'auditor@demo.simpul.id',
    displayName: 'Demo Auditor',
    agencyCode: 'KEMENKO-POLHUKAM',
    roles: [Role.AUDITOR],
    locale: Locale.ID,
  },
];
