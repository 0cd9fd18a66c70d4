import { Indicator } from './dto/indicator.dto';
import { IndicatorDefinition, INDICATORS } from './indicator-catalogue';
import { COORDINATION_SOURCES } from './sources/coordination.sources';
import { IndicatorSource } from './sources/indicator-source';
import { JUSTICE_SOURCES } from './sources/justice.sources';
import { PEOPLE_SOURCES } from './sources/people.sources';

/** Every indicator's SQL, by key (a spec checks each catalogue entry has one that serves its breakdowns). */
export const SOURCES: Readonly<Record<string, IndicatorSource>> = {
  ...PEOPLE_SOURCES,
  ...JUSTICE_SOURCES,
  ...COORDINATION_SOURCES,
};

export function findIndicator(key: string): IndicatorDefinition | undefined {
  return INDICATORS.find((indicator) => indicator.key === key);
}

/** The catalogue entry as the API shows it. */
export function toIndicator(definition: IndicatorDefinition): Indicator {
  const source = SOURCES[definition.key];
  return {
    ...definition,
    breakdowns: [...definition.breakdowns],
    multiValuedBreakdowns: definition.breakdowns.filter((breakdown) => source.columns[breakdown]?.array),
    sourceTables: [...definition.sourceTables],
  };
}
