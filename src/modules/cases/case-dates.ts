import { dayIn, eventDateProblem } from '@app/kernel/event-date';
import { FieldProblem } from '@app/kernel/domain.exception';

import { CaseEntity } from './case.entity';

type CaseDates = Partial<Pick<CaseEntity, 'reportedOn' | 'exploitationFrom' | 'exploitationTo' | 'rescuedOn'>>;

/**
 * Why a case's event dates cannot be stored, or null: none may lie in the future (in the actor's calendar), and the
 * exploitation period must not end before it begins nor the rescue come before it began.
 */
export function caseDatesProblem(dates: CaseDates, now: Date, timeZone: string): FieldProblem | null {
  const today = dayIn(now, timeZone);
  const from = dates.exploitationFrom ? { day: dates.exploitationFrom, what: 'the start of the exploitation' } : null;
  const checks: [keyof CaseDates, string | null | undefined, (typeof from)[]][] = [
    ['reportedOn', dates.reportedOn, []],
    ['exploitationFrom', dates.exploitationFrom, []],
    ['exploitationTo', dates.exploitationTo, [from]],
    ['rescuedOn', dates.rescuedOn, [from]],
  ];
  for (const [field, day, earliest] of checks) {
    const problem = day ? eventDateProblem(day, today, earliest) : null;
    if (problem) return { field, message: `${field}: ${problem}` };
  }
  return null;
}
