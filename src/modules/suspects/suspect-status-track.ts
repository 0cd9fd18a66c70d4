import { SuspectStatus } from './suspect.enums';

const S = SuspectStatus;

/**
 * The criminal process of a suspect, in one table: IDENTIFIED → NAMED_SUSPECT → ARRESTED → CHARGED → CONVICTED or
 * ACQUITTED. A named suspect may be charged without arrest; a named or arrested suspect may be RELEASED (no charge),
 * and a released one arrested again. A verdict ends the track.
 */
export const SUSPECT_STEPS: Readonly<Record<SuspectStatus, readonly SuspectStatus[]>> = {
  IDENTIFIED: [S.NAMED_SUSPECT],
  NAMED_SUSPECT: [S.ARRESTED, S.CHARGED, S.RELEASED],
  ARRESTED: [S.CHARGED, S.RELEASED],
  CHARGED: [S.CONVICTED, S.ACQUITTED],
  RELEASED: [S.ARRESTED],
  CONVICTED: [],
  ACQUITTED: [],
};

/** The new status, or why the step is not allowed. */
export function decideSuspectStep(from: SuspectStatus, to: SuspectStatus): { to: SuspectStatus } | { refused: string } {
  const next = SUSPECT_STEPS[from];
  if (next.includes(to)) return { to };
  return {
    refused: `A suspect who is ${from} cannot become ${to} (${next.length > 0 ? `next: ${next.join(', ')}` : 'the track has ended'}).`,
  };
}
