import { decide, Lifecycle } from '@app/workflow/lifecycle';

/**
 * The checks every declared lifecycle must pass, run by each kind's spec with its own list of legal moves written
 * out independently of the table: every (status, action, side) triple answers exactly as the list says, and the
 * table itself is sound (known statuses only, terminal statuses are left by nothing, every status is reachable).
 */
export function describeLifecycle<Status extends string, Action extends string, Side extends string>(
  lifecycle: Lifecycle<Status, Action, Side>,
  legalMoves: readonly (readonly [Status, Action, Status])[],
): void {
  const actions = Object.keys(lifecycle.transitions) as Action[];
  const sides = Object.keys(lifecycle.sideNames) as Side[];
  const legalTo = (from: Status, action: Action) =>
    legalMoves.find(([moveFrom, moveAction]) => moveFrom === from && moveAction === action)?.[2];

  describe(`the ${lifecycle.noun} lifecycle`, () => {
    for (const status of lifecycle.statuses) {
      it(`from ${status}: every action by every side is decided as the list of legal moves says`, () => {
        const wrong: string[] = [];
        for (const action of actions) {
          for (const side of sides) {
            const transition = lifecycle.transitions[action];
            const expected = side !== transition.by ? 'WRONG_SIDE' : (legalTo(status, action) ?? 'ILLEGAL_TRANSITION');
            const sut = decide(lifecycle, status, action, [side], 'a reason');
            const got = 'to' in sut ? sut.to : sut.refused.kind;
            if (got !== expected) wrong.push(`${action} by ${side}: ${got}, expected ${expected}`);
          }
        }
        expect(wrong).toEqual([]);
      });
    }

    it('lists every legal move in its table and no other', () => {
      const declared = actions.flatMap((action) =>
        lifecycle.transitions[action].from.map((from) => [from, action, lifecycle.transitions[action].to].join(' ')),
      );
      expect(declared.sort()).toEqual(legalMoves.map((move) => move.join(' ')).sort());
    });

    it('refuses a blank reason where one is required, and only there', () => {
      for (const action of actions) {
        const transition = lifecycle.transitions[action];
        for (const blank of [undefined, null, '', '   ']) {
          const sut = decide(lifecycle, transition.from[0], action, [transition.by], blank);
          if (transition.reasonRequired) expect(sut).toMatchObject({ refused: { kind: 'REASON_REQUIRED' } });
          else expect(sut).toEqual({ to: transition.to });
        }
      }
    });

    it('names only declared statuses, leaves no terminal status and reaches every status from the initial one', () => {
      const known = new Set<Status>(lifecycle.statuses);
      const named = [
        lifecycle.initial,
        ...lifecycle.open,
        ...lifecycle.terminal,
        ...actions.flatMap((action) => [...lifecycle.transitions[action].from, lifecycle.transitions[action].to]),
      ];
      expect(named.filter((status) => !known.has(status))).toEqual([]);
      const leavingTerminal = actions.filter((action) =>
        lifecycle.transitions[action].from.some((from) => lifecycle.terminal.includes(from)),
      );
      expect(leavingTerminal).toEqual([]);
      expect(lifecycle.open.filter((status) => lifecycle.terminal.includes(status))).toEqual([]);
      const reached = new Set<Status>([lifecycle.initial]);
      for (let grown = true; grown;) {
        grown = false;
        for (const action of actions) {
          const { from, to } = lifecycle.transitions[action];
          if (!reached.has(to) && from.some((status) => reached.has(status))) {
            reached.add(to);
            grown = true;
          }
        }
      }
      expect(lifecycle.statuses.filter((status) => !reached.has(status))).toEqual([]);
    });
  });
}
