import { registerEnumType } from '@nestjs/graphql';

/** Where a task stands. Transitions between these live in task-state-machine.ts and nowhere else. */
export enum TaskStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  IN_PROGRESS = 'IN_PROGRESS',
  BLOCKED = 'BLOCKED',
  DONE = 'DONE',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
  REOPENED = 'REOPENED',
}

/** IOM's 3P + Partnership pillars. */
export enum TaskPillar {
  PREVENTION = 'PREVENTION',
  PROTECTION = 'PROTECTION',
  PROSECUTION = 'PROSECUTION',
  PARTNERSHIP = 'PARTNERSHIP',
}

/** The five duties of the task force (Perpres 69/2008). */
export enum TaskForceDuty {
  COORDINATION = 'COORDINATION',
  TRAINING_AND_COOPERATION = 'TRAINING_AND_COOPERATION',
  VICTIM_MONITORING = 'VICTIM_MONITORING',
  LEGAL_DEVELOPMENT = 'LEGAL_DEVELOPMENT',
  REPORTING_AND_EVALUATION = 'REPORTING_AND_EVALUATION',
}

export enum TaskPriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}

/** What someone can do to a task; each is one mutation. */
export enum TaskAction {
  ACKNOWLEDGE = 'ACKNOWLEDGE',
  DECLINE = 'DECLINE',
  START = 'START',
  BLOCK = 'BLOCK',
  UNBLOCK = 'UNBLOCK',
  COMPLETE = 'COMPLETE',
  CANCEL = 'CANCEL',
  REOPEN = 'REOPEN',
  REASSIGN = 'REASSIGN',
}

/** Which side of a task an action belongs to. */
export enum TaskSide {
  ASSIGNER = 'ASSIGNER',
  ASSIGNEE = 'ASSIGNEE',
}

registerEnumType(TaskStatus, { name: 'TaskStatus', description: 'Where a task stands.' });
registerEnumType(TaskPillar, { name: 'TaskPillar', description: 'The 3P + Partnership pillar the task serves.' });
registerEnumType(TaskForceDuty, { name: 'TaskForceDuty', description: 'The task-force duty the task serves.' });
registerEnumType(TaskPriority, { name: 'TaskPriority', description: 'How urgent the task is.' });
registerEnumType(TaskAction, { name: 'TaskAction', description: 'A transition of a task.' });
