import { ReactNode } from 'react';
import { Table, Title } from '@mantine/core';

import { StatisticsQuery } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { Instant } from '@/modules/ui/time';

/** Where a figure comes from: the indicator, the period, the filters, whose records, and when it was computed. */
export function Provenance({ result }: { result: StatisticsQuery['statistics'] }) {
  const { m, locale } = useI18n();
  const rows: [string, ReactNode][] = [
    [
      m.statistics.indicator,
      `${locale === 'ID' ? result.indicator.nameId : result.indicator.nameEn} (${result.indicator.key})`,
    ],
    [m.statistics.period, `${result.from} – ${result.to}`],
    [
      m.statistics.filters,
      result.filters.length === 0
        ? m.statistics.noFilters
        : result.filters
            .map((filter) => `${m.statisticsBreakdown[filter.breakdown]}: ${filter.values.join(', ')}`)
            .join('; '),
    ],
    [m.statistics.scope, m.statisticsScope[result.scope]],
    [m.statistics.computedAt, <Instant key="at" iso={result.computedAt} />],
  ];
  return (
    <>
      <Title order={3} size="h5" mt="md" mb="xs">
        {m.statistics.provenance}
      </Title>
      <Table variant="vertical" withTableBorder>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w={180}>
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
