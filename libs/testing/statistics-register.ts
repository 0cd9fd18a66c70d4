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
  for (let start = 0; start < people.length; start += 2000) {
    const chunk = people.slice(start, start + 2000).map((person, index) => ({ ...person, idx: start + index }));
    await dataSource.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(idx int, status text, "identifiedOn" date, sex text,
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
       SELECT 'VCT-G' || upper(substr(md5(random()::text || idx), 1, 12)), cases.id, $2, $4,
              status::victim_identification_status, $2, "identifiedOn"::timestamptz, "identifiedOn", 'NOT_ASKED',
              'IDENTIFIED', sex::victim_sex, "ageBand"::victim_age_band, nationality, "originRegion", "rescueCountry",
              'generated for a test; never opened'
         FROM input LEFT JOIN cases ON cases.summary = 'generated:' || $5::text || ':' || input.idx`,
      [JSON.stringify(chunk), owner.agencyId, owner.unitId, owner.userId, `${owner.agencyId}:${start}`],
    );
  }
}
