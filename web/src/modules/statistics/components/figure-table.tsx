import { Table, Text, VisuallyHidden } from '@mantine/core';

import { StatisticsBreakdown, StatisticsQuery } from '@/gql/graphql';
import type { Messages } from '@/i18n/id';
import { useI18n } from '@/i18n/i18n';

type Result = StatisticsQuery['statistics'];
type Figure = Result['total'];

/** One figure as shown: the value in the reader's number format, or a marked dot when it is suppressed. */
export function FigureValue({ figure }: { figure: Figure | undefined }) {
  const { m, tag } = useI18n();
  if (!figure) return <>0</>;
  if (figure.suppressed) {
    return (
      <span title={m.statistics.suppressed}>
        <span aria-hidden>•</span>
        <VisuallyHidden>{m.statistics.suppressed}</VisuallyHidden>
      </span>
    );
  }
  return <>{(figure.value ?? 0).toLocaleString(tag)}</>;
}

/** The labels of a breakdown's keys where they are values the console already names (others show as they are). */
function keyLabels(m: Messages, breakdown: StatisticsBreakdown | undefined): Record<string, string> | null {
  switch (breakdown) {
    case 'PILLAR':
      return m.pillar;
    case 'DUTY':
      return m.duty;
    case 'SERVICE':
      return m.service;
    case 'EXPLOITATION_TYPE':
      return m.exploitation;
    case 'SEX':
      return m.sex;
    case 'AGE_BAND':
      return m.ageBand;
    case 'MEETING_TYPE':
      return m.meetingType;
    case 'TARGET_GROUP':
      return m.targetGroup;
    case 'ACTIVITY_TYPE':
      return m.activityType;
    default:
      return null;
  }
}

/**
 * The figures as a table: one breakdown gives a row per key and the total; two give rows by the first, columns by the
 * second, with the subtotals of each and the total in the last row and column.
 */
export function FigureTable({ result }: { result: Result }) {
  const { m, f, locale } = useI18n();
  const [rowsBy, columnsBy] = result.breakdowns;
  const rowMargin = result.margins.find((margin) => margin.breakdown === rowsBy)?.figures ?? [];
  const columnMargin = columnsBy
    ? (result.margins.find((margin) => margin.breakdown === columnsBy)?.figures ?? [])
    : [];
  const rowLabels = keyLabels(m, rowsBy);
  const columnLabels = keyLabels(m, columnsBy);
  const label = (labels: Record<string, string> | null, key: string) => (labels && labels[key] ? labels[key] : key);
  const cell = (row: string, column: string) =>
    result.cells.find((candidate) => candidate.keys[0] === row && candidate.keys[1] === column);
  const caption = f(m.statistics.tableCaption, {
    indicator: locale === 'ID' ? result.indicator.nameId : result.indicator.nameEn,
    period: `${result.from} – ${result.to}`,
    breakdowns: result.breakdowns.map((b) => m.statisticsBreakdown[b]).join(' × '),
  });
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <Table withTableBorder withColumnBorders>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                {m.statisticsBreakdown[rowsBy]}
                {columnsBy && ` \\ ${m.statisticsBreakdown[columnsBy]}`}
              </Table.Th>
              {columnsBy ? (
                columnMargin.map((figure) => (
                  <Table.Th scope="col" key={figure.keys[0]} ta="right">
                    {label(columnLabels, figure.keys[0])}
                  </Table.Th>
                ))
              ) : (
                <Table.Th scope="col" ta="right">
                  {m.statistics.figure}
                </Table.Th>
              )}
              {columnsBy && (
                <Table.Th scope="col" ta="right">
                  {m.statistics.total}
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rowMargin.map((rowFigure) => (
              <Table.Tr key={rowFigure.keys[0]}>
                <Table.Th scope="row">{label(rowLabels, rowFigure.keys[0])}</Table.Th>
                {columnsBy &&
                  columnMargin.map((columnFigure) => (
                    <Table.Td key={columnFigure.keys[0]} ta="right">
                      <FigureValue figure={cell(rowFigure.keys[0], columnFigure.keys[0])} />
                    </Table.Td>
                  ))}
                <Table.Td ta="right">
                  <FigureValue figure={rowFigure} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{m.statistics.total}</Table.Th>
              {columnsBy &&
                columnMargin.map((figure) => (
                  <Table.Td key={figure.keys[0]} ta="right" fw={700}>
                    <FigureValue figure={figure} />
                  </Table.Td>
                ))}
              <Table.Td ta="right" fw={700}>
                <FigureValue figure={result.total} />
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </div>
      {result.suppressionThreshold !== null && result.suppressionThreshold !== undefined && (
        <Text size="xs" c="dimmed" mt="xs">
          {f(m.statistics.suppressedNote, { threshold: result.suppressionThreshold })}
        </Text>
      )}
      {result.margins
        .filter((margin) => margin.multiValued)
        .map((margin) => (
          <Text size="xs" c="dimmed" mt="xs" key={margin.breakdown}>
            {f(m.statistics.multiValuedNote, { breakdown: m.statisticsBreakdown[margin.breakdown] })}
          </Text>
        ))}
    </>
  );
}
