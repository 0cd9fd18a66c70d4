import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum TaskErrorReason {
  TASK_NOT_FOUND = 'TASK_NOT_FOUND',
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  WRONG_SIDE = 'WRONG_SIDE',
  REASON_REQUIRED = 'REASON_REQUIRED',
  DUE_IN_PAST = 'DUE_IN_PAST',
  DUE_REQUIRED = 'DUE_REQUIRED',
  ASSIGNEE_AGENCY_INVALID = 'ASSIGNEE_AGENCY_INVALID',
  ASSIGNEE_USER_INVALID = 'ASSIGNEE_USER_INVALID',
  SELF_ASSIGNMENT = 'SELF_ASSIGNMENT',
  LINK_NOT_FOUND = 'LINK_NOT_FOUND',
  TASK_VERSION_CONFLICT = 'TASK_VERSION_CONFLICT',
  /** A case or person to link that the caller cannot see: answered exactly as one that does not exist. */
  LINKED_RECORD_NOT_FOUND = 'LINKED_RECORD_NOT_FOUND',
  /** A person linked to a case-linked task who is not of that case. */
  LINK_INVALID = 'LINK_INVALID',
  /** A case-linked task for an agency outside the case team: add it (addAssigneeToCase) or choose another. */
  ASSIGNEE_NOT_IN_CASE = 'ASSIGNEE_NOT_IN_CASE',
}

const KIND: Record<TaskErrorReason, ErrorKind> = {
  TASK_NOT_FOUND: ErrorKind.NOT_FOUND,
  // The task's current state conflicts with the request (often: someone else acted first).
  ILLEGAL_TRANSITION: ErrorKind.CONFLICT,
  WRONG_SIDE: ErrorKind.FORBIDDEN,
  REASON_REQUIRED: ErrorKind.BAD_USER_INPUT,
  DUE_IN_PAST: ErrorKind.BAD_USER_INPUT,
  DUE_REQUIRED: ErrorKind.BAD_USER_INPUT,
  ASSIGNEE_AGENCY_INVALID: ErrorKind.BAD_USER_INPUT,
  ASSIGNEE_USER_INVALID: ErrorKind.BAD_USER_INPUT,
  SELF_ASSIGNMENT: ErrorKind.BAD_USER_INPUT,
  LINK_NOT_FOUND: ErrorKind.BAD_USER_INPUT,
  TASK_VERSION_CONFLICT: ErrorKind.CONFLICT,
  LINKED_RECORD_NOT_FOUND: ErrorKind.NOT_FOUND,
  LINK_INVALID: ErrorKind.BAD_USER_INPUT,
  ASSIGNEE_NOT_IN_CASE: ErrorKind.BAD_USER_INPUT,
};

export class TaskException extends DomainException<TaskErrorReason> {
  constructor(reason: TaskErrorReason, message: string, field?: string) {
    super(KIND[reason], reason, message, field);
  }

  static notFound(id: string): TaskException {
    return new TaskException(TaskErrorReason.TASK_NOT_FOUND, `Task ${id} was not found.`);
  }
}
