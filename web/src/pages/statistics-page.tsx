import { Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';

import { IndicatorsDocument, StatisticsBreakdown, StatisticsDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { FigureTable } from '@/modules/statistics/components/figure-table';
import { Provenance } from '@/modules/statistics/components/provenance';
import { Empty, PageTitle, QueryState } from '@/modules/ui/page';

const NONE = '-';

/**
 * Figures of the indicator catalogue for every role the statistics query allows: an indicator, a calendar year and
 * one or two of the breakdowns it allows, shown as a table with totals, suppressed cells marked, and where the
 * figures come from (indicator, period, filters, scope, computed at).
 */
export default function StatisticsPage() {
  const { m, f, locale, tag } = useI18n();
  const thisYear = new Date().getFullYear();
  const [indicatorKey, setIndicatorKey] = useState<string | null>(null);
  const [year, setYear] = useState(String(thisYear));
  const [first, setFirst] = useState<StatisticsBreakdown | null>(null);
  const [second, setSecond] = useState<StatisticsBreakdown | null>(null);
  const [filterBy, setFilterBy] = useState<StatisticsBreakdown | null>(null);
  const [filterText, setFilterText] = useState('');
  const [filterValues] = useDebouncedValue(filterText, 400);
  const [catalogue, retryCatalogue] = useQuery({ query: IndicatorsDocument });

  const indicators = useMemo(
    () =>
      [...(catalogue.data?.indicators ?? [])]
        .map((indicator) => ({ ...indicator, name: locale === 'ID' ? indicator.nameId : indicator.nameEn }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [catalogue.data, locale],
  );
  const indicator = indicators.find((candidate) => candidate.key === indicatorKey);
  const breakdowns = useMemo(
    () => [first, second].filter((b): b is StatisticsBreakdown => b !== null),
    [first, second],
  );
  const [result, retryResult] = useQuery({
    query: StatisticsDocument,
    variables: {
      indicator: indicatorKey ?? '',
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      breakdowns,
      filters: filters(filterBy, filterValues),
    },
    pause: !indicator || breakdowns.length === 0,
  });

  const chooseIndicator = (key: string | null) => {
    setIndicatorKey(key);
    const allowed = indicators.find((candidate) => candidate.key === key)?.breakdowns ?? [];
    setFirst((current) => (current && allowed.includes(current) ? current : (allowed[0] ?? null)));
    setSecond((current) => (current && allowed.includes(current) ? current : null));
    setFilterBy((current) => (current && allowed.includes(current) ? current : null));
  };
  const breakdownOptions = (exclude: StatisticsBreakdown | null) =>
    (indicator?.breakdowns ?? [])
      .filter((b) => b !== exclude)
      .map((value) => ({ value, label: m.statisticsBreakdown[value] }));

  return (
    <Stack>
      <PageTitle title={m.statistics.title}>{m.statistics.title}</PageTitle>
      <Text size="sm" c="dimmed">
        {m.statistics.intro}
      </Text>
      <QueryState result={catalogue} retry={() => retryCatalogue({ requestPolicy: 'network-only' })}>
        {() => (
          <Paper withBorder p="md">
            <Group align="flex-end" gap="md" wrap="wrap">
              <Select
                label={m.statistics.indicator}
                placeholder={m.statistics.chooseIndicator}
                searchable
                className="stat-field stat-field-wide"
                value={indicatorKey}
                onChange={chooseIndicator}
                data={indicators.map((candidate) => ({ value: candidate.key, label: candidate.name }))}
              />
              <Select
                label={m.statistics.year}
                className="stat-field"
                allowDeselect={false}
                value={year}
                onChange={(value) => value && setYear(value)}
                data={Array.from({ length: 11 }, (_, i) => String(thisYear - i))}
              />
              <Select
                label={m.statistics.breakdown}
                className="stat-field"
                disabled={!indicator}
                allowDeselect={false}
                value={first}
                onChange={(value) => {
                  setFirst(value as StatisticsBreakdown | null);
                  if (value === second) setSecond(null);
                }}
                data={breakdownOptions(null)}
              />
              <Select
                label={m.statistics.secondBreakdown}
                className="stat-field"
                disabled={!indicator}
                allowDeselect={false}
                value={second ?? NONE}
                onChange={(value) => setSecond(!value || value === NONE ? null : (value as StatisticsBreakdown))}
                data={[{ value: NONE, label: m.statistics.none }, ...breakdownOptions(first)]}
              />
              <Select
                label={m.statistics.filterBy}
                className="stat-field"
                disabled={!indicator}
                allowDeselect={false}
                value={filterBy ?? NONE}
                onChange={(value) => setFilterBy(!value || value === NONE ? null : (value as StatisticsBreakdown))}
                data={[{ value: NONE, label: m.statistics.noFilter }, ...breakdownOptions(null)]}
              />
              {filterBy && (
                <TextInput
                  label={m.statistics.filterValues}
                  description={m.statistics.filterHint}
                  className="stat-field"
                  value={filterText}
                  onChange={(event) => setFilterText(event.currentTarget.value)}
                />
              )}
            </Group>
            {indicator && (
              <Text size="sm" mt="sm">
                <b>{m.statistics.definition}:</b> {indicator.definition}
              </Text>
            )}
          </Paper>
        )}
      </QueryState>
      {!indicator || breakdowns.length === 0 ? (
        <Empty>{m.statistics.chooseFirst}</Empty>
      ) : (
        <QueryState result={result} retry={() => retryResult({ requestPolicy: 'network-only' })}>
          {(data) => (
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {locale === 'ID' ? data.statistics.indicator.nameId : data.statistics.indicator.nameEn}
              </Title>
              <Text fw={700} mb="sm" aria-live="polite">
                {f(m.statistics.totalLine, {
                  value: data.statistics.total.suppressed
                    ? '•'
                    : (data.statistics.total.value ?? 0).toLocaleString(tag),
                })}
              </Text>
              <FigureTable result={data.statistics} />
              <Provenance result={data.statistics} />
            </Paper>
          )}
        </QueryState>
      )}
    </Stack>
  );
}

/** The filter as the query takes it: the breakdown and its values, comma-separated (none when either is empty). */
function filters(by: StatisticsBreakdown | null, text: string) {
  const values = text
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  return by && values.length > 0 ? [{ breakdown: by, values }] : undefined;
}
