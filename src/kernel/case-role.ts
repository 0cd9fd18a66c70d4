import { registerEnumType } from '@nestjs/graphql';

/**
 * What an agency does in a case it takes part in (DOMAIN.md section 3, CaseParticipant). Which agency may hold
 * which role is decided in the cases module (case-role-fit.ts); what each role may see of a person's identity,
 * with consent, is below. It sits in the kernel because the access rules (src/auth) and the cases module both
 * need it and the access rules may not import a domain module.
 */
export enum CaseRole {
  INVESTIGATION = 'INVESTIGATION',
  PROSECUTION = 'PROSECUTION',
  SOCIAL_REHABILITATION = 'SOCIAL_REHABILITATION',
  CONSULAR_PROTECTION = 'CONSULAR_PROTECTION',
  IMMIGRATION = 'IMMIGRATION',
  ATTACHE_POST = 'ATTACHE_POST',
  LABOUR_MIGRATION_PROTECTION = 'LABOUR_MIGRATION_PROTECTION',
  HEALTH = 'HEALTH',
  PROVIDER = 'PROVIDER',
  WITNESS_PROTECTION = 'WITNESS_PROTECTION',
  /** Coordinating the case without one of the roles above (a ministry or local government that opened it). */
  COORDINATION = 'COORDINATION',
}

/**
 * The consent purposes (victims' ConsentPurpose values) under which a participant in each role may see a person's
 * identity: consent must be in force for that participant agency and one of these purposes. A participant whose
 * role serves none of the purposes consented to sees the pseudonymous code only.
 */
export const IDENTITY_PURPOSES_BY_ROLE: Readonly<Record<CaseRole, readonly string[]>> = {
  INVESTIGATION: ['CASE_COORDINATION', 'LEGAL_PROCEEDINGS'],
  PROSECUTION: ['CASE_COORDINATION', 'LEGAL_PROCEEDINGS'],
  SOCIAL_REHABILITATION: ['CASE_COORDINATION', 'SERVICE_REFERRAL', 'FAMILY_TRACING'],
  CONSULAR_PROTECTION: ['CASE_COORDINATION', 'REPATRIATION', 'FAMILY_TRACING'],
  IMMIGRATION: ['REPATRIATION'],
  ATTACHE_POST: ['REPATRIATION'],
  LABOUR_MIGRATION_PROTECTION: ['CASE_COORDINATION', 'REPATRIATION'],
  HEALTH: ['SERVICE_REFERRAL'],
  PROVIDER: ['SERVICE_REFERRAL'],
  WITNESS_PROTECTION: ['LEGAL_PROCEEDINGS'],
  COORDINATION: ['CASE_COORDINATION'],
};

/** Roles that work the criminal side of a case: they see its suspects. */
export const LAW_ENFORCEMENT_ROLES: readonly CaseRole[] = [CaseRole.INVESTIGATION, CaseRole.PROSECUTION];

registerEnumType(CaseRole, {
  name: 'CaseRole',
  description: 'What an agency does in a case it takes part in.',
  valuesMap: {
    ATTACHE_POST: { description: 'An Indonesian attaché or mission post abroad (e.g. the immigration attaché).' },
    LABOUR_MIGRATION_PROTECTION: { description: 'Protection of migrant workers (BP2MI, Kemnaker).' },
    PROVIDER: { description: 'A service provider, partner or NGO serving the people of the case.' },
    COORDINATION: { description: 'Coordinating the case without a more specific role.' },
  },
});
