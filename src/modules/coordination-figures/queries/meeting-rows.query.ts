import { EntityManager } from 'typeorm';

import { Period } from '../figures-period';

/** What the meeting indicators need of one meeting held. */
export interface MeetingRow {
  id: string;
  year: string;
  type: string;
  unitId: string;
  unitCode: string;
  unitRegionCode: string | null;
  level: string;
  costIdr: number | null;
  fundingSource: string;
}

/** Meetings held (started by `now`) on a day of the period in their own time zone, of one unit or of all. */
export async function readHeldMeetings(
  manager: EntityManager,
  period: Period,
  now: Date,
  unitId?: string,
): Promise<MeetingRow[]> {
  const rows: (Omit<MeetingRow, 'costIdr'> & { costIdr: string | null })[] = await manager.query(
    `SELECT m.id, extract(year FROM (m.starts_at AT TIME ZONE m.time_zone))::int::text AS year,
            m.type::text AS type, m.unit_id AS "unitId", u.code AS "unitCode",
            u.region_code AS "unitRegionCode", u.level::text AS level,
            m.cost_idr AS "costIdr", m.funding_source::text AS "fundingSource"
       FROM meeting m JOIN task_force_unit u ON u.id = m.unit_id
      WHERE (m.starts_at AT TIME ZONE m.time_zone)::date BETWEEN $1::date AND $2::date
        AND m.starts_at <= $3 AND ($4::uuid IS NULL OR m.unit_id = $4::uuid)
      ORDER BY m.starts_at, m.number`,
    [period.from, period.to, now, unitId ?? null],
  );
  return rows.map((row) => ({ ...row, costIdr: row.costIdr === null ? null : Number(row.costIdr) }));
}

/** One agency on the attendance list of one of the meetings. */
export interface InvitationRow {
  meetingId: string;
  agencyId: string;
  agencyCode: string;
  status: string;
}

export function readInvitations(manager: EntityManager, meetingIds: string[]): Promise<InvitationRow[]> {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return manager.query(
    `SELECT a.meeting_id AS "meetingId", a.agency_id AS "agencyId", g.code AS "agencyCode", a.status::text AS status
       FROM meeting_attendance a JOIN agency g ON g.id = a.agency_id
      WHERE a.meeting_id = ANY($1::uuid[]) ORDER BY a.meeting_id, a.position`,
    [meetingIds],
  );
}
