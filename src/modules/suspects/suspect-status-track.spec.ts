import { decideSuspectStep } from './suspect-status-track';
import { SuspectStatus as S } from './suspect.enums';

/** The legal steps, written out independently of the table. */
const LEGAL: [S, S][] = [
  [S.IDENTIFIED, S.NAMED_SUSPECT],
  [S.NAMED_SUSPECT, S.ARRESTED],
  [S.NAMED_SUSPECT, S.CHARGED],
  [S.NAMED_SUSPECT, S.RELEASED],
  [S.ARRESTED, S.CHARGED],
  [S.ARRESTED, S.RELEASED],
  [S.CHARGED, S.CONVICTED],
  [S.CHARGED, S.ACQUITTED],
  [S.RELEASED, S.ARRESTED],
];

describe('suspect status track', () => {
  for (const from of Object.values(S)) {
    for (const to of Object.values(S)) {
      const legal = LEGAL.some(([f, t]) => f === from && t === to);
      it(`${from} → ${to}: ${legal ? 'allowed' : 'refused'}`, () => {
        expect('to' in decideSuspectStep(from, to)).toBe(legal);
      });
    }
  }

  it('names what may come next, or that the track ended', () => {
    expect(decideSuspectStep(S.IDENTIFIED, S.CONVICTED)).toEqual({
      refused: 'A suspect who is IDENTIFIED cannot become CONVICTED (next: NAMED_SUSPECT).',
    });
    expect(decideSuspectStep(S.CONVICTED, S.RELEASED)).toEqual({
      refused: 'A suspect who is CONVICTED cannot become RELEASED (the track has ended).',
    });
  });
});
