import { decideProtectionStep } from './protection-track';
import { ProtectionStatus as P } from './victim.enums';

describe('protection track', () => {
  it('follows the track abroad and at home, skipping steps that do not apply', () => {
    const abroad = [
      P.IDENTIFIED,
      P.IN_SHELTER_ABROAD,
      P.AWAITING_REPATRIATION,
      P.REPATRIATED,
      P.IN_REHABILITATION,
      P.REINTEGRATED,
    ];
    for (let i = 1; i < abroad.length; i++)
      expect(decideProtectionStep(abroad[i - 1], abroad[i])).toEqual({ to: abroad[i] });
    expect(decideProtectionStep(P.IDENTIFIED, P.IN_REHABILITATION)).toEqual({ to: P.IN_REHABILITATION });
  });

  it('refuses going back or past the end, and asks a reason for exits and resumptions', () => {
    expect(decideProtectionStep(P.REPATRIATED, P.IN_SHELTER_ABROAD)).toMatchObject({ refused: 'ILLEGAL_TRANSITION' });
    expect(decideProtectionStep(P.REINTEGRATED, P.LOST_TO_FOLLOW_UP)).toMatchObject({ refused: 'ILLEGAL_TRANSITION' });
    expect(decideProtectionStep(P.IN_SHELTER_ABROAD, P.LOST_TO_FOLLOW_UP)).toMatchObject({
      refused: 'REASON_REQUIRED',
    });
    expect(decideProtectionStep(P.IN_SHELTER_ABROAD, P.LOST_TO_FOLLOW_UP, 'Left the shelter')).toEqual({
      to: P.LOST_TO_FOLLOW_UP,
    });
    expect(decideProtectionStep(P.LOST_TO_FOLLOW_UP, P.IN_REHABILITATION, 'Found in Indramayu')).toEqual({
      to: P.IN_REHABILITATION,
    });
    expect(decideProtectionStep(P.RE_MIGRATED, P.IN_REHABILITATION, 'x')).toMatchObject({
      refused: 'ILLEGAL_TRANSITION',
    });
  });
});
