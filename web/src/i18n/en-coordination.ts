import type { Messages } from './id';
import type { idCoordination } from './id-coordination';

// English for the due-date preview, coordination meetings, activities and the administrator's editing.
export const enCoordination: Pick<Messages, keyof typeof idCoordination> = {
  duePreview: {
    counting: 'Counting the due date…',
    due: 'Due:',
    counted: "{days} working days in the assignee's calendar ({zone}, {country} holidays).",
    skipped: 'Steps over {n} days off (weekends and holidays).',
    holidays: 'Public holidays: {names}.',
  },
};
