import { ProtectionStatus } from './victim.enums';

const P = ProtectionStatus;

/** Exits from the track; each needs a reason. */
const EXITS = [P.LOST_TO_FOLLOW_UP, P.RE_MIGRATED, P.DECLINED_ASSISTANCE] as const;

/**
 * The protection track (DOMAIN.md section 3), in one table: IDENTIFIED → IN_SHELTER_ABROAD →
 * AWAITING_REPATRIATION → REPATRIATED → IN_REHABILITATION → REINTEGRATED, skipping steps that do not apply
 * (someone identified at home is not repatriated). From any open step a person may be LOST_TO_FOLLOW_UP,
 * RE_MIGRATE or DECLINE_ASSISTANCE (with a reason); someone found again, or who changes their mind, resumes in
 * rehabilitation (with a reason). REINTEGRATED and RE_MIGRATED end the track.
 */
const FORWARD: Readonly<Record<ProtectionStatus, readonly ProtectionStatus[]>> = {
  IDENTIFIED: [P.IN_SHELTER_ABROAD, P.AWAITING_REPATRIATION, P.REPATRIATED, P.IN_REHABILITATION],
  IN_SHELTER_ABROAD: [P.AWAITING_REPATRIATION],
  AWAITING_REPATRIATION: [P.REPATRIATED],
  REPATRIATED: [P.IN_REHABILITATION, P.REINTEGRATED],
  IN_REHABILITATION: [P.REINTEGRATED],
  REINTEGRATED: [],
  LOST_TO_FOLLOW_UP: [P.IN_REHABILITATION],
  RE_MIGRATED: [],
  DECLINED_ASSISTANCE: [P.IN_REHABILITATION],
};

export function decideProtectionStep(
  from: ProtectionStatus,
  to: ProtectionStatus,
  reason?: string | null,
): { to: ProtectionStatus } | { refused: 'ILLEGAL_TRANSITION' | 'REASON_REQUIRED'; message: string } {
  const isExit = (EXITS as readonly ProtectionStatus[]).includes(to);
  const open = FORWARD[from].length > 0 && !(EXITS as readonly ProtectionStatus[]).includes(from);
  const allowed = FORWARD[from].includes(to) || (isExit && open);
  if (!allowed) {
    const next = [...FORWARD[from], ...(open ? EXITS : [])];
    return {
      refused: 'ILLEGAL_TRANSITION',
      message: `A person who is ${from} cannot move to ${to} (${next.length > 0 ? `next: ${next.join(', ')}` : 'the track has ended'}).`,
    };
  }
  const resuming = (EXITS as readonly ProtectionStatus[]).includes(from);
  if ((isExit || resuming) && !reason?.trim()) {
    return { refused: 'REASON_REQUIRED', message: `A reason is required to move a person to ${to}.` };
  }
  return { to };
}
