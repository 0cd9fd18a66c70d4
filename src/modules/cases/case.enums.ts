import { registerEnumType } from '@nestjs/graphql';

/**
 * Where a case stands on the justice track (DOMAIN.md section 3). Transitions between these live in
 * case-state-machine.ts and nowhere else.
 */
export enum JusticeStatus {
  REPORTED = 'REPORTED',
  VERIFIED = 'VERIFIED',
  INVESTIGATION = 'INVESTIGATION',
  PROSECUTION = 'PROSECUTION',
  TRIAL = 'TRIAL',
  VERDICT = 'VERDICT',
  CLOSED = 'CLOSED',
  /** Side exit: on verification the facts are not trafficking (another offence, or none). */
  NOT_TRAFFICKING = 'NOT_TRAFFICKING',
  /** Side exit: the police stopped the investigation (SP3, Surat Perintah Penghentian Penyidikan). */
  INVESTIGATION_STOPPED = 'INVESTIGATION_STOPPED',
}

/**
 * Forms of exploitation, after the Human Trafficking Case Data Standard (HTCDS), plus forced criminality for
 * the online-scam compounds the task force deals with most (Cambodia, Myanmar, Laos).
 */
export enum ExploitationType {
  SEXUAL_EXPLOITATION = 'SEXUAL_EXPLOITATION',
  FORCED_LABOUR = 'FORCED_LABOUR',
  DOMESTIC_SERVITUDE = 'DOMESTIC_SERVITUDE',
  FORCED_MARRIAGE = 'FORCED_MARRIAGE',
  SLAVERY_OR_SIMILAR_PRACTICES = 'SLAVERY_OR_SIMILAR_PRACTICES',
  ORGAN_REMOVAL = 'ORGAN_REMOVAL',
  FORCED_BEGGING = 'FORCED_BEGGING',
  FORCED_CRIMINALITY = 'FORCED_CRIMINALITY',
  CHILD_SOLDIERING = 'CHILD_SOLDIERING',
  OTHER = 'OTHER',
}

/** How the victims were recruited: the platform or the person who made the first contact. */
export enum RecruitmentChannel {
  FACEBOOK = 'FACEBOOK',
  WHATSAPP = 'WHATSAPP',
  TELEGRAM = 'TELEGRAM',
  TIKTOK = 'TIKTOK',
  INSTAGRAM = 'INSTAGRAM',
  LINKEDIN = 'LINKEDIN',
  OTHER_ONLINE = 'OTHER_ONLINE',
  IN_PERSON = 'IN_PERSON',
  RELATIVE_OR_FRIEND = 'RELATIVE_OR_FRIEND',
  /** A local broker or field sponsor (calo, sponsor lapangan), not a licensed agency. */
  INFORMAL_BROKER = 'INFORMAL_BROKER',
  RECRUITMENT_AGENCY = 'RECRUITMENT_AGENCY',
  OTHER = 'OTHER',
}

/** How the victims were kept under control (after the HTCDS / CTDC control methods). */
export enum MeansOfControl {
  DEBT_BONDAGE = 'DEBT_BONDAGE',
  DOCUMENT_CONFISCATION = 'DOCUMENT_CONFISCATION',
  WITHHELD_WAGES = 'WITHHELD_WAGES',
  PHYSICAL_VIOLENCE = 'PHYSICAL_VIOLENCE',
  SEXUAL_VIOLENCE = 'SEXUAL_VIOLENCE',
  THREATS = 'THREATS',
  THREAT_OF_LAW_ENFORCEMENT = 'THREAT_OF_LAW_ENFORCEMENT',
  PSYCHOLOGICAL_ABUSE = 'PSYCHOLOGICAL_ABUSE',
  ISOLATION = 'ISOLATION',
  RESTRICTED_MOVEMENT = 'RESTRICTED_MOVEMENT',
  FALSE_PROMISES = 'FALSE_PROMISES',
  SUBSTANCE_DEPENDENCY = 'SUBSTANCE_DEPENDENCY',
  WITHHELD_NECESSITIES = 'WITHHELD_NECESSITIES',
  EXCESSIVE_WORKING_HOURS = 'EXCESSIVE_WORKING_HOURS',
  OTHER = 'OTHER',
}

/** How the case reached the task force (DOMAIN.md section 9; there is no hotline integration). */
export enum IntakeChannel {
  HOTLINE = 'HOTLINE',
  EMBASSY = 'EMBASSY',
  POLICE = 'POLICE',
  NGO = 'NGO',
  FAMILY = 'FAMILY',
  SOCIAL_MEDIA = 'SOCIAL_MEDIA',
  COUNTERPART = 'COUNTERPART',
  OTHER = 'OTHER',
}

registerEnumType(JusticeStatus, {
  name: 'JusticeStatus',
  description: 'Where a case stands on the justice track.',
  valuesMap: {
    REPORTED: { description: 'Reported to the task force; not yet checked.' },
    VERIFIED: { description: 'Checked: the facts point to trafficking.' },
    INVESTIGATION: { description: 'Under police investigation (penyidikan).' },
    PROSECUTION: { description: 'Dossier accepted by the prosecutor (P21) and being prosecuted.' },
    TRIAL: { description: 'Before the court.' },
    VERDICT: { description: 'The court has ruled.' },
    CLOSED: { description: 'Closed after the verdict (final, or appeals exhausted).' },
    NOT_TRAFFICKING: { description: 'Side exit: verification found no trafficking.' },
    INVESTIGATION_STOPPED: { description: 'Side exit: the investigation was stopped (SP3).' },
  },
});
registerEnumType(ExploitationType, {
  name: 'ExploitationType',
  description: 'A form of exploitation (Human Trafficking Case Data Standard, plus forced criminality).',
  valuesMap: {
    FORCED_CRIMINALITY: { description: 'Forced to commit crimes, e.g. online scams in compounds.' },
    CHILD_SOLDIERING: { description: 'Recruitment or use in armed forces or armed groups.' },
  },
});
registerEnumType(RecruitmentChannel, {
  name: 'RecruitmentChannel',
  description: 'How victims were recruited: the platform or person that made the first contact.',
  valuesMap: {
    OTHER_ONLINE: { description: 'Another website, app or online job board.' },
    INFORMAL_BROKER: { description: 'A local broker or field sponsor (calo), not a licensed agency.' },
    RECRUITMENT_AGENCY: { description: 'A placement or recruitment company (licensed or posing as one).' },
  },
});
registerEnumType(MeansOfControl, { name: 'MeansOfControl', description: 'How victims were kept under control.' });
registerEnumType(IntakeChannel, { name: 'IntakeChannel', description: 'How the case reached the task force.' });
