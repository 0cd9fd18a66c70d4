import { AgencyActionItems, AgencyAttendance } from './dto/figures.dto';
import { Timeliness } from './indicator-catalogue';

/** Per agency, how it took part in the meetings it was invited to; the most invited first. */
export function perAgencyAttendance(
  rows: { agencyId: string; agencyCode: string; attendance: string }[],
): AgencyAttendance[] {
  const codes = new Map(rows.map((row) => [row.agencyId, row.agencyCode]));
  const byAgency = new Map<string, AgencyAttendance>();
  for (const row of rows) {
    const agency = byAgency.get(row.agencyId) ?? {
      agencyId: row.agencyId,
      invited: 0,
      present: 0,
      represented: 0,
      absentWithNotice: 0,
      absent: 0,
      notRecorded: 0,
      attendanceRate: null,
    };
    agency.invited += 1;
    if (row.attendance === 'PRESENT') agency.present += 1;
    else if (row.attendance === 'REPRESENTED') agency.represented += 1;
    else if (row.attendance === 'ABSENT_WITH_NOTICE') agency.absentWithNotice += 1;
    else if (row.attendance === 'ABSENT') agency.absent += 1;
    else agency.notRecorded += 1;
    byAgency.set(row.agencyId, agency);
  }
  return [...byAgency.values()]
    .map((agency) => {
      const recorded = agency.invited - agency.notRecorded;
      return { ...agency, attendanceRate: recorded > 0 ? (agency.present + agency.represented) / recorded : null };
    })
    .sort((a, b) => b.invited - a.invited || byCode(codes, a.agencyId, b.agencyId));
}

/** Per owner agency, its action items due in the period by timeliness; the most late first. */
export function perAgencyActionItems(
  rows: { ownerAgencyId: string; ownerAgencyCode: string; timeliness: Timeliness }[],
): AgencyActionItems[] {
  const codes = new Map(rows.map((row) => [row.ownerAgencyId, row.ownerAgencyCode]));
  const byAgency = new Map<string, AgencyActionItems>();
  for (const row of rows) {
    const agency = byAgency.get(row.ownerAgencyId) ?? {
      agencyId: row.ownerAgencyId,
      due: 0,
      onTime: 0,
      late: 0,
      notYetDue: 0,
      withdrawn: 0,
      onTimeRate: null,
    };
    agency.due += 1;
    if (row.timeliness === Timeliness.ON_TIME) agency.onTime += 1;
    else if (row.timeliness === Timeliness.LATE) agency.late += 1;
    else if (row.timeliness === Timeliness.NOT_YET_DUE) agency.notYetDue += 1;
    else agency.withdrawn += 1;
    byAgency.set(row.ownerAgencyId, agency);
  }
  return [...byAgency.values()]
    .map((agency) => {
      const judged = agency.onTime + agency.late;
      return { ...agency, onTimeRate: judged > 0 ? agency.onTime / judged : null };
    })
    .sort((a, b) => b.late - a.late || b.due - a.due || byCode(codes, a.agencyId, b.agencyId));
}

/** Ties go by the agencies' codes, so the order is the same on every read. */
function byCode(codes: Map<string, string>, a: string, b: string): number {
  return (codes.get(a) ?? a).localeCompare(codes.get(b) ?? b);
}
