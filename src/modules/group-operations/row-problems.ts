import { FieldProblem } from '@app/kernel/domain.exception';

/** The refusal of a group operation with invalid rows, for the module's own exception to carry. */
export interface RowRefusal {
  message: string;
  /** The first problem's field. */
  field: string;
  /** Every problem, each message naming its row and field. */
  problems: FieldProblem[];
}

/**
 * Describes the invalid rows of a group operation, of which nothing was written: the message names every row and
 * field, `field` the first, `problems` all of them (clients read them as `extensions.problems`).
 */
export function rowRefusal(problems: FieldProblem[], rows: number, verb: string): RowRefusal {
  const rowOf = (problem: FieldProblem) => problem.field.split('.').slice(0, 2).join('.');
  const labelled = problems.map((problem) => ({
    field: problem.field,
    message: problem.message.startsWith(rowOf(problem)) ? problem.message : `${problem.field}: ${problem.message}`,
  }));
  const failing = new Set(problems.map(rowOf)).size;
  return {
    message: `${failing} of ${rows} rows cannot be ${verb}, so nothing was. ${labelled.map((p) => p.message).join(' ')}`,
    field: problems[0].field,
    problems: labelled,
  };
}

/** Records in the order of `ids` (a replay answers like the first call). */
export function inOrder<T extends { id: string }>(ids: string[], records: T[]): T[] {
  const byId = new Map(records.map((record) => [record.id, record]));
  return ids.map((id) => byId.get(id)).filter((record): record is T => record !== undefined);
}
