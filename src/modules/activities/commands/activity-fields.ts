import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { AgenciesService } from '@app/modules/agencies/agencies.service';

import { ActivityEntity } from '../activity.entity';
import { ActivityErrorReason, ActivityException } from '../activity.exception';
import { RecordActivityInput } from '../dto/activity.inputs';
import { participantCounts } from '../participants';

/** The fields the history and the audit trail compare. */
export const ACTIVITY_FIELDS: (keyof ActivityEntity)[] = [
  'title',
  'type',
  'pillar',
  'duty',
  'startsOn',
  'endsOn',
  'regionCode',
  'country',
  'place',
  'online',
  'supportingAgencyIds',
  'otherPartners',
  'targetGroup',
  'participantsTotal',
  'participantsFemale',
  'participantsMale',
  'participantsSexNotRecorded',
  'participantsUnder18',
  'participants18To24',
  'participants25To59',
  'participants60Plus',
  'participantsAgeNotRecorded',
  'materials',
  'costIdr',
  'fundingSource',
  'fundingNote',
  'source',
];

/** What a recording gives, or the part of a correction that changes. */
export type ActivityGiven = Partial<Omit<RecordActivityInput, 'participants'>> &
  Pick<RecordActivityInput, 'participants'>;

/**
 * Applies what a recording or a correction gives to an activity, checking what the edge cannot: the dates (not
 * ending before they start, not in the future), the participant counts (each breakdown adds up), the supporting
 * agencies. Each refusal names its field; nothing is written until every check passes.
 */
@Injectable()
export class ActivityFields {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly clock: Clock,
  ) {}

  async apply(manager: EntityManager, actor: Actor, activity: ActivityEntity, given: ActivityGiven): Promise<void> {
    const trimmed = (value: string | undefined) => (value === undefined ? undefined : value.trim() || null);
    if (given.title !== undefined) activity.title = given.title.trim();
    if (given.type !== undefined) activity.type = given.type;
    if (given.pillar !== undefined) activity.pillar = given.pillar;
    if (given.duty !== undefined) activity.duty = given.duty;
    if (given.startsOn !== undefined) activity.startsOn = given.startsOn;
    if (given.endsOn !== undefined) activity.endsOn = given.endsOn;
    if (given.regionCode !== undefined) activity.regionCode = given.regionCode;
    if (given.country !== undefined) activity.country = given.country;
    if (given.place !== undefined) activity.place = trimmed(given.place) ?? null;
    if (given.online !== undefined) activity.online = given.online;
    if (given.otherPartners !== undefined) activity.otherPartners = clean(given.otherPartners);
    if (given.targetGroup !== undefined) activity.targetGroup = given.targetGroup;
    if (given.materials !== undefined) activity.materials = clean(given.materials);
    if (given.costIdr !== undefined) activity.costIdr = given.costIdr;
    if (given.fundingSource !== undefined) activity.fundingSource = given.fundingSource;
    if (given.fundingNote !== undefined) activity.fundingNote = trimmed(given.fundingNote) ?? null;
    if (given.source !== undefined) activity.source = trimmed(given.source) ?? null;
    if (given.participants !== undefined) Object.assign(activity, participantCounts(given.participants));
    if (given.supportingAgencyIds !== undefined) {
      activity.supportingAgencyIds = await this.supporting(manager, activity, given.supportingAgencyIds);
    }
    this.checkDates(actor, activity);
  }

  private checkDates(actor: Actor, activity: ActivityEntity): void {
    if (activity.endsOn < activity.startsOn) {
      throw new ActivityException(
        ActivityErrorReason.DATES_INVALID,
        `endsOn: ${activity.endsOn} is before startsOn ${activity.startsOn}.`,
        'endsOn',
      );
    }
    // Activities are records of what happened: one that has not started is not an activity yet.
    const today = DateTime.fromJSDate(this.clock.now(), { zone: actor.timeZone }).toISODate() as string;
    if (activity.startsOn > today) {
      throw new ActivityException(
        ActivityErrorReason.DATES_INVALID,
        `startsOn: ${activity.startsOn} is after today (${today}); record an activity once it has taken place.`,
        'startsOn',
      );
    }
  }

  /** Existing agencies other than the organiser, each once. */
  private async supporting(manager: EntityManager, activity: ActivityEntity, ids: string[]): Promise<string[]> {
    const result: string[] = [];
    for (const [index, id] of ids.entries()) {
      if (id === activity.organiserAgencyId || result.includes(id)) continue;
      if (!(await this.agencies.exists(id, manager))) {
        throw new ActivityException(
          ActivityErrorReason.AGENCY_INVALID,
          `supportingAgencyIds.${index}: agency ${id} was not found.`,
          `supportingAgencyIds.${index}`,
        );
      }
      result.push(id);
    }
    return result;
  }
}

function clean(values: string[]): string[] {
  return values.map((value) => value.trim()).filter((value) => value.length > 0);
}
