import { Global, Module } from '@nestjs/common';

import { WorkItemHistory } from './history/work-item-history';
import { WorkItemChanges } from './work-item-changes';
import { WorkItemEscalations } from './work-item-escalations';
import { WorkItemStore } from './work-item-store';

/**
 * The work-item kernel: one way to load, change, record and escalate every kind of work between parties. Global:
 * each kind's module declares its kind and uses these; see docs/architecture.md for a worked example.
 */
@Global()
@Module({
  providers: [WorkItemHistory, WorkItemStore, WorkItemChanges, WorkItemEscalations],
  exports: [WorkItemHistory, WorkItemStore, WorkItemChanges, WorkItemEscalations],
})
export class WorkflowModule {}
