import { Locale, Role } from '@app/kernel/role.enum';

/**
 * One demo account per role, and one for each agency the shared-casework journeys need, for the zero-setup
 * development default only. The password is public (README): these accounts must never exist on a real
 * deployment, and `seed:demo` refuses NODE_ENV=production.
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
  // The agencies the shared-casework journeys need (Poipet 2023, Sibu 2016): see the README table.
  {
    email: 'liaison.imigrasi@demo.simpul.id',
    displayName: 'Demo Liaison Ditjen Imigrasi',
    agencyCode: 'DITJEN-IMIGRASI',
    roles: [Role.LIAISON],
    locale: Locale.ID,
  },
  {
    email: 'officer.rspolri@demo.simpul.id',
    displayName: 'Demo Case Officer RS Polri (hospital)',
    agencyCode: 'RS-POLRI',
    roles: [Role.CASE_OFFICER],
    locale: Locale.ID,
  },
  {
    email: 'officer.dinsos-ntt@demo.simpul.id',
    displayName: 'Demo Case Officer Dinsos NTT',
    agencyCode: 'DINSOS-NTT',
    roles: [Role.CASE_OFFICER],
    locale: Locale.ID,
  },
  {
    email: 'officer.kbri-kl@demo.simpul.id',
    displayName: 'Demo Embassy Officer KBRI Kuala Lumpur',
    agencyCode: 'KBRI-KUL',
    roles: [Role.CASE_OFFICER],
    locale: Locale.ID,
  },
  {
    email: 'counterpart.my@demo.simpul.id',
    displayName: 'Demo Counterpart (Royal Malaysia Police)',
    agencyCode: 'MY-PDRM',
    roles: [Role.COUNTERPART],
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
