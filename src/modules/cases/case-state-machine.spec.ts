import {
  CASE_TRANSITIONS,
  decideCaseTransition,
  FINAL_STATUSES,
  nextStatuses,
  requiresReason,
} from './case-state-machine';
import { JusticeStatus as S } from './case.enums';

/** The justice track as a list of the only legal from → to moves, written out independently. */
const MAIN_TRACK: [S, S][] = [
  [S.REPORTED, S.VERIFIED],
  [S.VERIFIED, S.INVESTIGATION],
  [S.INVESTIGATION, S.PROSECUTION],
  [S.PROSECUTION, S.TRIAL],
  [S.TRIAL, S.VERDICT],
  [S.VERDICT, S.CLOSED],
];
/** Moves that need a reason. */
const WITH_REASON: [S, S][] = [
  [S.REPORTED, S.NOT_TRAFFICKING],
  [S.VERIFIED, S.NOT_TRAFFICKING],
  [S.INVESTIGATION, S.INVESTIGATION_STOPPED],
  [S.INVESTIGATION_STOPPED, S.INVESTIGATION],
];

const isIn = (list: [S, S][], from: S, to: S) => list.some(([f, t]) => f === from && t === to);

describe('case state machine (justice track)', () => {
  for (const from of Object.values(S)) {
    for (const to of Object.values(S)) {
      const legal = isIn(MAIN_TRACK, from, to) || isIn(WITH_REASON, from, to);
      it(`${from} → ${to}: ${legal ? 'allowed' : 'refused'}`, () => {
        const sut = decideCaseTransition(from, to, 'a reason for the history');
        if (legal) expect(sut).toEqual({ to });
        else expect(sut).toMatchObject({ refused: { kind: 'ILLEGAL_TRANSITION' } });
      });
    }
  }

  it('has no transition the independent list does not know', () => {
    expect(CASE_TRANSITIONS).toHaveLength(MAIN_TRACK.length + WITH_REASON.length);
  });

  it('walks the main track without reasons', () => {
    for (const [from, to] of MAIN_TRACK) expect(decideCaseTransition(from, to)).toEqual({ to });
  });

  it('needs a reason for every side exit and for resuming a stopped investigation', () => {
    for (const [from, to] of WITH_REASON) {
      for (const reason of [undefined, null, '', '   ']) {
        expect(decideCaseTransition(from, to, reason)).toMatchObject({ refused: { kind: 'REASON_REQUIRED' } });
      }
      expect(decideCaseTransition(from, to, 'SP3: insufficient evidence')).toEqual({ to });
      expect(requiresReason(from, to)).toBe(true);
    }
    for (const [from, to] of MAIN_TRACK) expect(requiresReason(from, to)).toBe(false);
    expect(requiresReason(S.REPORTED, S.CLOSED)).toBe(false);
  });

  it('refuses skipping steps and moving backwards, naming what is allowed next', () => {
    expect(decideCaseTransition(S.REPORTED, S.TRIAL)).toEqual({
      refused: {
        kind: 'ILLEGAL_TRANSITION',
        message: 'A case that is REPORTED cannot move to TRIAL (allowed next: VERIFIED, NOT_TRAFFICKING).',
      },
    });
    expect(decideCaseTransition(S.TRIAL, S.INVESTIGATION)).toMatchObject({ refused: { kind: 'ILLEGAL_TRANSITION' } });
    expect(decideCaseTransition(S.VERIFIED, S.VERIFIED)).toMatchObject({ refused: { kind: 'ILLEGAL_TRANSITION' } });
  });

  it('keeps closed and not-trafficking cases final', () => {
    for (const status of FINAL_STATUSES) {
      expect(nextStatuses(status)).toEqual([]);
      expect(decideCaseTransition(status, S.REPORTED, 'reopen')).toMatchObject({
        refused: { kind: 'ILLEGAL_TRANSITION', message: expect.stringContaining('it is final') },
      });
    }
  });
});
