import { EntityManager } from 'typeorm';

import { ActivityRevisionKind, FundingSource } from '@app/modules/activities/activity.enums';
import { ActivityRevisionEntity } from '@app/modules/activities/activity-revision.entity';
import { ActivityEntity } from '@app/modules/activities/activity.entity';
import { participantCounts, UNKNOWN_PARTICIPANTS } from '@app/modules/activities/participants';
import { MeetingAttendanceEntity } from '@app/modules/meetings/meeting-attendance.entity';
import { MeetingDecisionEntity } from '@app/modules/meetings/meeting-decision.entity';
import { MeetingEntity } from '@app/modules/meetings/meeting.entity';
import { MinutesStatus } from '@app/modules/meetings/meeting.enums';
import { localInstant } from '@app/modules/meetings/meeting-time';

import { HISTORICAL_ACTIVITIES, HISTORICAL_MEETINGS } from './history-events';

/**
 * Loads the historical meetings and activities of history-events.ts in the caller's transaction, after the
 * reference data they name. Rows are matched by their natural keys (an activity by organiser, first day and title;
 * a meeting by unit, start and title; its attendance by agency, its decisions by number) and only missing ones are
 * inserted, so a second run changes nothing and corrections people made are kept. Nobody recorded them: the
 * recorder is empty and the source note says where each comes from.
 */
export async function seedHistory(manager: EntityManager, counts: Record<string, number>): Promise<void> {
  const ids = await codes(manager);
  const add = (label: string) => (counts[label] = (counts[label] ?? 0) + 1);

  for (const seed of HISTORICAL_ACTIVITIES) {
    const organiserAgencyId = ids.agency(seed.organiserCode);
    const key = { organiserAgencyId, startsOn: seed.startsOn, title: seed.title };
    if (await manager.existsBy(ActivityEntity, key)) continue;
    const activity = await manager.save(
      manager.create(ActivityEntity, {
        ...key,
        type: seed.type,
        pillar: seed.pillar,
        duty: seed.duty,
        endsOn: seed.endsOn,
        regionCode: seed.regionCode,
        country: 'ID',
        place: seed.place,
        online: false,
        supportingAgencyIds: seed.supportingCodes.map((code) => ids.agency(code)),
        otherPartners: seed.otherPartners,
        targetGroup: seed.targetGroup,
        ...(seed.participants === null ? UNKNOWN_PARTICIPANTS : participantCounts({ total: seed.participants })),
        materials: seed.materials,
        costIdr: null,
        fundingSource: FundingSource.NOT_RECORDED,
        fundingNote: null,
        source: seed.source,
        recordedByUserId: null,
      }),
    );
    await manager.insert(ActivityRevisionEntity, {
      activityId: activity.id,
      actorUserId: null,
      actingAgencyId: null,
      kind: ActivityRevisionKind.RECORDED,
      reason: 'Loaded from the sources as history.',
      changes: {},
    });
    add('historical activities');
  }

  for (const seed of HISTORICAL_MEETINGS) {
    const unitId = ids.unit(seed.unitCode);
    const startsAt = localInstant(seed.date, seed.startTime, seed.timeZone);
    if (!startsAt) throw new Error(`History: ${seed.date} ${seed.startTime} is not a time in ${seed.timeZone}`);
    let meeting = await manager.findOneBy(MeetingEntity, { unitId, startsAt, title: seed.title });
    if (!meeting) {
      meeting = await manager.save(
        manager.create(MeetingEntity, {
          unitId,
          type: seed.type,
          title: seed.title,
          startsAt,
          endsAt: null,
          timeZone: seed.timeZone,
          place: seed.place,
          online: false,
          agenda: seed.agenda,
          organiserAgencyId: ids.agency(seed.organiserCode),
          minutes: null,
          minutesStatus: MinutesStatus.NONE,
          costIdr: null,
          fundingSource: FundingSource.NOT_RECORDED,
          source: seed.source,
          recordedByUserId: null,
        }),
      );
      add('historical meetings');
    }
    for (const [position, entry] of seed.attendance.entries()) {
      const agencyId = ids.agency(entry.agencyCode);
      if (await manager.existsBy(MeetingAttendanceEntity, { meetingId: meeting.id, agencyId })) continue;
      await manager.insert(MeetingAttendanceEntity, {
        meetingId: meeting.id,
        agencyId,
        position,
        status: entry.status,
        people: entry.people,
        note: null,
      });
      add('historical attendance');
    }
    for (const [index, decision] of seed.decisions.entries()) {
      const number = index + 1;
      if (await manager.existsBy(MeetingDecisionEntity, { meetingId: meeting.id, number })) continue;
      await manager.insert(MeetingDecisionEntity, {
        meetingId: meeting.id,
        number,
        text: decision.text,
        pillar: decision.pillar,
        duty: decision.duty,
        agreementCommitmentId: decision.commitmentCode ? ids.commitment(decision.commitmentCode) : null,
        recordedByUserId: null,
      });
      add('historical decisions');
    }
  }
}

/** Ids of the agencies, units and commitments the history names, by code; an unknown code is a seed error. */
async function codes(manager: EntityManager) {
  const load = async (table: string): Promise<Map<string, string>> => {
    const rows: { id: string; code: string }[] = await manager.query(`SELECT id, code FROM ${table}`);
    return new Map(rows.map((row) => [row.code, row.id]));
  };
  const [agencies, units, commitments] = [
    await load('agency'),
    await load('task_force_unit'),
    await load('agreement_commitment'),
  ];
  const find = (map: Map<string, string>, what: string) => (code: string) => {
    const id = map.get(code);
    if (!id) throw new Error(`History refers to unknown ${what} ${code}`);
    return id;
  };
  return {
    agency: find(agencies, 'agency'),
    unit: find(units, 'task-force unit'),
    commitment: find(commitments, 'commitment'),
  };
}
