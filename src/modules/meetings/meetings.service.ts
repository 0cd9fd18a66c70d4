import { Injectable } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { Connection } from '@app/graphql/pagination';

import { CloseActionItemCommand } from './commands/close-action-item.command';
import { RecordAttendanceCommand } from './commands/record-attendance.command';
import { RecordDecisionCommand } from './commands/record-decision.command';
import { RecordMinutesCommand } from './commands/record-minutes.command';
import { ScheduleMeetingCommand } from './commands/schedule-meeting.command';
import { ActionItem, OpenActionItemConnection } from './dto/action-item.dto';
import { CloseActionItemInput, RecordDecisionInput } from './dto/decision.inputs';
import { MeetingsArgs, OpenActionItemsArgs } from './dto/meeting.args';
import { RecordAttendanceInput, RecordMinutesInput, ScheduleMeetingInput } from './dto/meeting.inputs';
import { MeetingAttendanceEntity } from './meeting-attendance.entity';
import { MeetingDecisionEntity } from './meeting-decision.entity';
import { MeetingEntity } from './meeting.entity';
import { ActionItemQueries } from './queries/action-item-queries.service';
import { MeetingQueries } from './queries/meeting-queries.service';

/**
 * Coordination meetings, their decisions and action items: one entry point per use case, each in its own file
 * under commands/ and queries/ (the resolvers and the test factories call these).
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly meetings: MeetingQueries,
    private readonly actionItems: ActionItemQueries,
    private readonly scheduling: ScheduleMeetingCommand,
    private readonly attendance: RecordAttendanceCommand,
    private readonly deciding: RecordDecisionCommand,
    private readonly closing: CloseActionItemCommand,
    private readonly minuting: RecordMinutesCommand,
  ) {}

  findVisible(actor: Actor, id: string): Promise<MeetingEntity> {
    return this.meetings.findVisible(actor, id);
  }

  list(actor: Actor, args: MeetingsArgs): Promise<Connection<MeetingEntity>> {
    return this.meetings.list(actor, args);
  }

  openActionItems(actor: Actor, args: OpenActionItemsArgs): Promise<OpenActionItemConnection> {
    return this.actionItems.open(actor, args);
  }

  findActionItem(actor: Actor, id: string): Promise<ActionItem> {
    return this.actionItems.findVisible(actor, id);
  }

  decisionsOf(meetingIds: readonly string[]): Promise<Map<string, MeetingDecisionEntity[]>> {
    return this.meetings.decisionsOf(meetingIds);
  }

  attendanceOf(meetingIds: readonly string[]): Promise<Map<string, MeetingAttendanceEntity[]>> {
    return this.meetings.attendanceOf(meetingIds);
  }

  actionItemsOf(decisionIds: readonly string[]): Promise<Map<string, ActionItem[]>> {
    return this.actionItems.ofDecisions(decisionIds);
  }

  carriedOver(actor: Actor, meetingIds: readonly string[]): Promise<Map<string, ActionItem[]>> {
    return this.actionItems.carriedOver(actor, meetingIds);
  }

  scheduleMeeting(actor: Actor, input: ScheduleMeetingInput): Promise<MeetingEntity> {
    return this.scheduling.execute(actor, input);
  }

  recordAttendance(actor: Actor, input: RecordAttendanceInput): Promise<MeetingEntity> {
    return this.attendance.execute(actor, input);
  }

  recordDecision(actor: Actor, input: RecordDecisionInput): Promise<MeetingDecisionEntity> {
    return this.deciding.execute(actor, input);
  }

  closeActionItem(actor: Actor, input: CloseActionItemInput): Promise<ActionItem> {
    return this.closing.execute(actor, input);
  }

  recordMinutes(actor: Actor, input: RecordMinutesInput): Promise<MeetingEntity> {
    return this.minuting.execute(actor, input);
  }
}
