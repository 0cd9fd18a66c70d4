import {
  classKey,
  generalise,
  GeneralisationLevels,
  NO_GENERALISATION,
  QUASI_IDENTIFIERS,
  QuasiIdentifier,
  QuasiRecord,
  TOP_LEVEL,
} from './quasi-identifiers';

/** How many people share one raw combination of quasi-identifiers (what the register's GROUP BY returns). */
export interface QuasiCombination {
  record: QuasiRecord;
  count: number;
}

/** What the export does to reach k: the level of each quasi-identifier, and which classes it leaves out. */
export interface AnonymisationPlan {
  k: number;
  levels: GeneralisationLevels;
  /** Keys (classKey of the generalised record) of the classes with fewer than k people: their rows are left out. */
  suppressedClasses: ReadonlySet<string>;
  totalPeople: number;
  suppressedPeople: number;
}

/**
 * At most this share of the people may be left out before one more quasi-identifier is generalised. Generalising
 * costs every row some detail; suppressing costs a few rows all of it. Five percent is the usual budget (Sweeney's
 * Datafly and ARX both default near it).
 */
export const MAX_SUPPRESSION_SHARE = 0.05;

/**
 * Chooses the generalisation for k-anonymity, then the suppression (Datafly's greedy order): while more than
 * MAX_SUPPRESSION_SHARE of the people sit in classes smaller than k, generalise the quasi-identifier with the most
 * distinct values by one level; then leave out every class still smaller than k. Each output class then holds at
 * least k people. Works on counts only (one row per raw combination), never on people.
 */
export function planAnonymisation(combinations: readonly QuasiCombination[], k: number): AnonymisationPlan {
  const totalPeople = combinations.reduce((sum, c) => sum + c.count, 0);
  const levels: GeneralisationLevels = { ...NO_GENERALISATION };
  for (;;) {
    const classes = classSizes(combinations, levels);
    const small = [...classes.values()].filter((size) => size < k).reduce((sum, size) => sum + size, 0);
    const next = small > totalPeople * MAX_SUPPRESSION_SHARE ? widestQuasiIdentifier(combinations, levels) : null;
    if (!next) {
      const suppressedClasses = new Set([...classes].filter(([, size]) => size < k).map(([key]) => key));
      return { k, levels, suppressedClasses, totalPeople, suppressedPeople: small };
    }
    levels[next] += 1;
  }
}

/** Class sizes under `levels`, by class key. */
export function classSizes(
  combinations: readonly QuasiCombination[],
  levels: GeneralisationLevels,
): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const { record, count } of combinations) {
    const key = classKey(generalise(record, levels));
    sizes.set(key, (sizes.get(key) ?? 0) + count);
  }
  return sizes;
}

/** The quasi-identifier with the most distinct values that can still be generalised, or null when none can. */
function widestQuasiIdentifier(
  combinations: readonly QuasiCombination[],
  levels: GeneralisationLevels,
): QuasiIdentifier | null {
  let best: QuasiIdentifier | null = null;
  let bestDistinct = 0;
  for (const qi of QUASI_IDENTIFIERS) {
    if (levels[qi] >= TOP_LEVEL[qi]) continue;
    const distinct = new Set(combinations.map(({ record }) => generalise(record, levels)[qi])).size;
    if (distinct > bestDistinct) {
      best = qi;
      bestDistinct = distinct;
    }
  }
  return best;
}

/** The record as it goes out, or null when its class is suppressed. */
export function anonymise(record: QuasiRecord, plan: AnonymisationPlan): QuasiRecord | null {
  const out = generalise(record, plan.levels);
  return plan.suppressedClasses.has(classKey(out)) ? null : out;
}
