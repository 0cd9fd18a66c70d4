import { FieldProblem } from '@app/kernel/domain.exception';
import { rowRefusal } from '@app/modules/group-operations/row-problems';

import { VictimErrorReason, VictimException } from '../victim.exception';

export { inOrder } from '@app/modules/group-operations/row-problems';

/** The victim register's refusal of a group with invalid rows (nothing written; every row and field named). */
export function groupInvalid(problems: FieldProblem[], rows: number, verb: string): VictimException {
  const refusal = rowRefusal(problems, rows, verb);
  return new VictimException(VictimErrorReason.GROUP_INVALID, refusal.message, refusal.field).withProblems(
    refusal.problems,
  );
}
