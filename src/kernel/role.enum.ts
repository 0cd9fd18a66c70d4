import { registerEnumType } from '@nestjs/graphql';

/** What a person does in the task force (DOMAIN.md section 2). A user may hold several. */
export enum Role {
  ADMINISTRATOR = 'ADMINISTRATOR',
  LIAISON = 'LIAISON',
  SUPERVISOR = 'SUPERVISOR',
  CASE_OFFICER = 'CASE_OFFICER',
  ATTACHE = 'ATTACHE',
  SECRETARIAT = 'SECRETARIAT',
  COUNTERPART = 'COUNTERPART',
  PARTNER = 'PARTNER',
  AUDITOR = 'AUDITOR',
}

export enum Locale {
  ID = 'id',
  EN = 'en',
}

registerEnumType(Role, { name: 'Role', description: 'A role a user holds in the task force.' });
registerEnumType(Locale, { name: 'Locale', description: 'Language of emails and messages (id default, en).' });
