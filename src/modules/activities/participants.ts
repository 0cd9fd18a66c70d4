import { ActivityErrorReason, ActivityException } from './activity.exception';

/** Participants of an activity as given: a total, and optionally how it splits by sex and by age band. */
export interface ParticipantsGiven {
  total: number;
  bySex?: { female?: number; male?: number; notRecorded?: number } | null;
  byAgeBand?: {
    under18?: number;
    from18To24?: number;
    from25To59?: number;
    from60?: number;
    notRecorded?: number;
  } | null;
}

/** The counts as stored: every breakdown adds up to the total (all zero when the total is not known). */
export interface ParticipantCounts {
  participantsTotal: number | null;
  participantsFemale: number;
  participantsMale: number;
  participantsSexNotRecorded: number;
  participantsUnder18: number;
  participants18To24: number;
  participants25To59: number;
  participants60Plus: number;
  participantsAgeNotRecorded: number;
}

export const UNKNOWN_PARTICIPANTS: ParticipantCounts = {
  participantsTotal: null,
  participantsFemale: 0,
  participantsMale: 0,
  participantsSexNotRecorded: 0,
  participantsUnder18: 0,
  participants18To24: 0,
  participants25To59: 0,
  participants60Plus: 0,
  participantsAgeNotRecorded: 0,
};

/**
 * Checks that each breakdown given adds up to the total and returns the counts to store. A breakdown not given
 * is "not recorded" as a whole (211 participants, sex not recorded), so the figures still add up; a breakdown
 * given must add up exactly, or the error names it and shows the sum.
 */
export function participantCounts(given: ParticipantsGiven | null | undefined): ParticipantCounts {
  if (!given) return { ...UNKNOWN_PARTICIPANTS };
  const { total } = given;
  const sex = given.bySex
    ? { female: given.bySex.female ?? 0, male: given.bySex.male ?? 0, notRecorded: given.bySex.notRecorded ?? 0 }
    : { female: 0, male: 0, notRecorded: total };
  const age = given.byAgeBand
    ? {
        under18: given.byAgeBand.under18 ?? 0,
        from18To24: given.byAgeBand.from18To24 ?? 0,
        from25To59: given.byAgeBand.from25To59 ?? 0,
        from60: given.byAgeBand.from60 ?? 0,
        notRecorded: given.byAgeBand.notRecorded ?? 0,
      }
    : { under18: 0, from18To24: 0, from25To59: 0, from60: 0, notRecorded: total };
  requireSum('participants.bySex', sex, total);
  requireSum('participants.byAgeBand', age, total);
  return {
    participantsTotal: total,
    participantsFemale: sex.female,
    participantsMale: sex.male,
    participantsSexNotRecorded: sex.notRecorded,
    participantsUnder18: age.under18,
    participants18To24: age.from18To24,
    participants25To59: age.from25To59,
    participants60Plus: age.from60,
    participantsAgeNotRecorded: age.notRecorded,
  };
}

function requireSum(field: string, parts: Record<string, number>, total: number): void {
  const sum = Object.values(parts).reduce((a, b) => a + b, 0);
  if (sum === total) return;
  const terms = Object.entries(parts)
    .map(([name, n]) => `${name} ${n}`)
    .join(' + ');
  throw new ActivityException(
    ActivityErrorReason.PARTICIPANTS_DO_NOT_ADD_UP,
    `${field}: ${terms} = ${sum}, not the total of ${total}; the counts must add up (put the rest under notRecorded).`,
    field,
  );
}
