import { randomBytes } from 'node:crypto';

import { DataSource } from 'typeorm';

/** One person of a generated register, as the statistics read it. */
export interface RegisterPerson {
  status: 'IDENTIFIED' | 'PRESUMED' | 'NOT_A_VICTIM';
  identifiedOn: string;
  sex: 'FEMALE' | 'MALE' | 'OTHER' | 'UNKNOWN';
  ageBand: string;
  nationality: string;
  originRegion: string | null;
  rescueCountry: string | null;
  /** The person's case, or none (then exploitation types are UNKNOWN). */
  kase: { exploitationTypes: string[]; destinations: string[] } | null;
  /**
   * Steps of the person's protection track after identification, in order (REPATRIATED, REINTEGRATED,
   * LOST_TO_FOLLOW_UP, RE_MIGRATED …), each with its event day, written as the track writes them.
   */
  steps?: { to: string; on: string }[];
}

export interface RegisterOwner {
  agencyId: string;
  unitId: string;
  userId: string;
}

/**
 * Writes people (each with a case of their own when `kase` is set) straight into the register in one statement, so
 * tests can load thousands of records quickly (the papers' 5,026 people). The sealed identity is a placeholder that
 * is never opened: figures never read identity.
 */
export async function insertRegister(
  dataSource: DataSource,
  owner: RegisterOwner,
  people: readonly RegisterPerson[],
): Promise<void> {
  const coded = people.map((person) => ({
    ...person,
    code: `VCT-G${randomBytes(6).toString('hex').toUpperCase()}`,
    protection: person.steps?.[person.steps.length - 1]?.to ?? 'IDENTIFIED',
  }));
  for (let start = 0; start < coded.length; start += 2000) {
    const chunk = coded.slice(start, start + 2000).map((person, index) => ({ ...person, idx: start + index }));
    await dataSource.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(idx int, code text, protection text, status text, "identifiedOn" date, sex text,
           "ageBand" text, nationality text, "originRegion" text, "rescueCountry" text, kase jsonb)),
       cases AS (
         INSERT INTO trafficking_case (lead_agency_id, unit_id, opened_by_user_id, origin_region_code,
                                       destination_countries, exploitation_types, intake_channel, status_changed_at,
                                       summary, reported_on)
         SELECT $2, $3, $4, "originRegion",
                ARRAY(SELECT jsonb_array_elements_text(kase->'destinations')),
                ARRAY(SELECT jsonb_array_elements_text(kase->'exploitationTypes'))::case_exploitation_type[],
                'POLICE', "identifiedOn"::timestamptz, 'generated:' || $5::text || ':' || idx, "identifiedOn"
           FROM input WHERE kase IS NOT NULL AND kase <> 'null'::jsonb
         RETURNING id, summary)
       INSERT INTO victim (code, case_id, owning_agency_id, registered_by_user_id, identification_status,
                           identified_by_agency_id, identified_at, identified_on, self_identification,
                           protection_status, sex, age_band, nationality, origin_region, rescue_country, identity_sealed)
       SELECT input.code, cases.id, $2, $4,
              status::victim_identification_status, $2, "identifiedOn"::timestamptz, "identifiedOn", 'NOT_ASKED',
              protection::victim_protection_status, sex::victim_sex, "ageBand"::victim_age_band, nationality, "originRegion", "rescueCountry",
              'generated for a test; never opened'
         FROM input LEFT JOIN cases ON cases.summary = 'generated:' || $5::text || ':' || input.idx`,
      [JSON.stringify(chunk), owner.agencyId, owner.unitId, owner.userId, `${owner.agencyId}:${start}`],
    );
  }
  if (coded.some((person) => person.steps?.length)) await insertSteps(dataSource, owner, coded);
}

/**
 * The protection steps of the people just inserted (by their codes), as victim_event rows of the kind the track
 * writes: { from, to } in the details, the event day apart.
 */
async function insertSteps(
  dataSource: DataSource,
  owner: RegisterOwner,
  people: readonly (RegisterPerson & { code: string })[],
): Promise<void> {
  const rows = people.flatMap((person) => {
    let from = 'IDENTIFIED';
    return (person.steps ?? []).map((step) => {
      const row = { code: person.code, from, to: step.to, on: step.on };
      from = step.to;
      return row;
    });
  });
  await dataSource.query(
    `INSERT INTO victim_event (victim_id, actor_user_id, acting_agency_id, kind, occurred_on, details)
     SELECT v.id, $2, $3, 'PROTECTION_STATUS_CHANGED', x."on", jsonb_build_object('from', x."from", 'to', x."to")
       FROM jsonb_to_recordset($1::jsonb) AS x(code text, "from" text, "to" text, "on" date)
       JOIN victim v ON v.code = x.code`,
    [JSON.stringify(rows), owner.userId, owner.agencyId],
  );
}
