import { Module } from '@nestjs/common';

import { AuthModule } from '@app/auth/auth.module';
import { CalendarsModule } from '@app/modules/calendars/calendars.module';
import { CasesModule } from '@app/modules/cases/cases.module';
import { CrossBorderModule } from '@app/modules/cross-border/cross-border.module';
import { DocumentsModule } from '@app/modules/documents/documents.module';
import { ReferralsModule } from '@app/modules/referrals/referrals.module';
import { TaskForcesModule } from '@app/modules/task-forces/task-forces.module';
import { TasksModule } from '@app/modules/tasks/tasks.module';
import { VictimsModule } from '@app/modules/victims/victims.module';

import { AssessNeedsCommand } from './commands/assess-needs.command';
import { CreateOperationCommand } from './commands/create-operation.command';
import { DepartAndArriveCommand } from './commands/depart-and-arrive.command';
import { HandoverService } from './commands/handover.service';
import { MilestonePlanner } from './commands/milestone-planner';
import { OperationPeople } from './commands/operation-people';
import { OperationPeopleCommand } from './commands/operation-people.command';
import { RecordFollowUpOutcomeCommand } from './commands/record-follow-up-outcome.command';
import { RecordMilestoneCommand } from './commands/record-milestone.command';
import { ReintegrationPlanner } from './commands/reintegration-planner';
import { FollowUpKind } from './follow-up.kind';
import { MilestoneKind } from './milestone.kind';
import { OperationKind } from './operation.kind';
import { RepatriationQueries } from './queries/repatriation-queries';
import {
  FollowUpResolver,
  MilestoneResolver,
  OperationPersonResolver,
  ReintegrationPlanResolver,
} from './repatriation-parts.resolver';
import { RepatriationDocumentParents } from './repatriation-document-parents';
import { RepatriationResolver } from './repatriation.resolver';
import { RepatriationService } from './repatriation.service';

/**
 * Repatriation operations with their milestones, per-person travel readiness, the handover to the home region and the
 * reintegration plans with their follow-up contacts. Operations, milestones and follow-ups are kinds of work item.
 */
@Module({
  imports: [
    AuthModule,
    CalendarsModule,
    CasesModule,
    VictimsModule,
    TasksModule,
    TaskForcesModule,
    CrossBorderModule,
    ReferralsModule,
    DocumentsModule,
  ],
  providers: [
    OperationKind,
    MilestoneKind,
    FollowUpKind,
    MilestonePlanner,
    OperationPeople,
    ReintegrationPlanner,
    HandoverService,
    CreateOperationCommand,
    RecordMilestoneCommand,
    DepartAndArriveCommand,
    OperationPeopleCommand,
    RecordFollowUpOutcomeCommand,
    AssessNeedsCommand,
    RepatriationQueries,
    RepatriationService,
    RepatriationResolver,
    MilestoneResolver,
    OperationPersonResolver,
    ReintegrationPlanResolver,
    FollowUpResolver,
    RepatriationDocumentParents,
  ],
  exports: [RepatriationService],
})
export class RepatriationModule {}
