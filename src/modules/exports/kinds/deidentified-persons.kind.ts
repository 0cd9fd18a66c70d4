import { anonymise, planAnonymisation } from '../deidentified-persons/k-anonymity';
import { countCombinations, readPeople } from '../deidentified-persons/person-source';
import { QUASI_IDENTIFIERS, QuasiRecord, SUPPRESSED, UNKNOWN } from '../deidentified-persons/quasi-identifiers';
import { ExportFormat, ExportKind } from '../export.enums';
import { Cell } from '../writers/table-writer';
import { ExportKindDefinition } from './export-kind';

/** People read per page: a few hundred kilobytes in the worker at a time. */
export const PAGE_SIZE = 5_000;

/**
 * The columns, named as in the Human Trafficking Case Data Standard (HTCDS, as published in CTDC's global dataset),
 * plus provinceOfOrigin (Simpul's: the Kemendagri province code). Each is a quasi-identifier or follows from one.
 */
export const PERSON_COLUMNS = [
  'yearOfRegistration',
  'Datasource',
  'gender',
  'ageBroad',
  'majorityStatus',
  'citizenship',
  'provinceOfOrigin',
  'CountryOfExploitation',
  'typeOfExploitConcatenated',
] as const;

/** Which column carries which quasi-identifier (the k-anonymity test counts combinations of these). */
export const QUASI_IDENTIFIER_COLUMNS: Record<(typeof QUASI_IDENTIFIERS)[number], (typeof PERSON_COLUMNS)[number]> = {
  year: 'yearOfRegistration',
  sex: 'gender',
  ageBand: 'ageBroad',
  nationality: 'citizenship',
  originProvince: 'provinceOfOrigin',
  destinationCountry: 'CountryOfExploitation',
  exploitationType: 'typeOfExploitConcatenated',
};

export const DATASOURCE = 'Simpul GTPP-TPPO';

function majorityStatus(ageBroad: string): string {
  if (ageBroad === SUPPRESSED) return SUPPRESSED;
  if (ageBroad === UNKNOWN) return UNKNOWN;
  return ageBroad.startsWith('CHILD') ? 'Minor' : 'Adult';
}

function personRow(out: QuasiRecord): Cell[] {
  return [
    out.year,
    DATASOURCE,
    out.sex,
    out.ageBand,
    majorityStatus(out.ageBand),
    out.nationality,
    out.originProvince,
    out.destinationCountry,
    out.exploitationType,
  ];
}

/**
 * The de-identified person-level export: count the area's people by raw combination, choose the generalisation
 * and suppression that make every released combination hold at least k people (k-anonymity.ts), then stream the
 * people page by page, each row recoded to the chosen levels, rows of suppressed classes left out. Both passes read
 * one snapshot, so the counts are the rows'.
 */
export const DEIDENTIFIED_PERSONS_KIND: ExportKindDefinition = {
  kind: ExportKind.DEIDENTIFIED_PERSONS,
  formats: [ExportFormat.CSV, ExportFormat.XLSX],
  fileStem: 'simpul-deidentified-persons',
  usesK: true,
  requiresYear: false,
  async build({ snapshot, area, format, parameters, writer, progress }) {
    const k = parameters.k as number;
    const plan = planAnonymisation(await countCombinations(snapshot, area), k);
    const rowsTotal = plan.totalPeople - plan.suppressedPeople;
    await progress(0, rowsTotal);
    await writer.table('persons', PERSON_COLUMNS);
    let afterId: string | null = null;
    let written = 0;
    for (;;) {
      const page = await readPeople(snapshot, area, afterId, PAGE_SIZE);
      if (page.length === 0) break;
      afterId = page[page.length - 1].id;
      const rows: Cell[][] = [];
      for (const { id: _id, ...record } of page) {
        const out = anonymise(record, plan);
        if (out) rows.push(personRow(out));
      }
      await writer.rows(rows);
      written += rows.length;
      await progress(written, rowsTotal);
    }
    if (written !== rowsTotal) throw new Error(`wrote ${written} rows where the counts promised ${rowsTotal}`);
    if (format === ExportFormat.XLSX) {
      // A workbook can say how it was made on a sheet of its own; a CSV file holds one table (myExports says it).
      await writer.table('about', ['item', 'value']);
      await writer.rows([
        ['k', k],
        ['peopleInArea', plan.totalPeople],
        ['peopleSuppressed', plan.suppressedPeople],
        ...QUASI_IDENTIFIERS.map((qi): Cell[] => [
          `generalisationLevel.${QUASI_IDENTIFIER_COLUMNS[qi]}`,
          plan.levels[qi],
        ]),
      ]);
    }
    return {
      generalisation: { ...plan.levels },
      peopleInArea: plan.totalPeople,
      peopleSuppressed: plan.suppressedPeople,
    };
  },
};
