import { Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';

import { AccountabilityDocument, AccountabilityQuery } from '@/gql/graphql';
import { labelOf, useI18n } from '@/i18n/i18n';
import { Empty, QueryState } from '@/modules/ui/page';
import { Instant } from '@/modules/ui/time';

type Data = AccountabilityQuery['accountability'];
type Group = Data['byAgency'][number];

const WEEKS = 4;

/**
 * For a unit's secretariat: the open and overdue work of its member agencies by agency, province and counterpart
 * country, each with a bar (overdue in red within open), and the response times per agency over the last weeks.
 */
export function AccountabilityPanel() {
  const { m, f } = useI18n();
  const [result, retry] = useQuery({ query: AccountabilityDocument, variables: { weeks: WEEKS } });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {m.accountability.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {m.accountability.intro}
      </Text>
      <QueryState result={result} retry={() => retry({ requestPolicy: 'network-only' })}>
        {(data) => {
          const a = data.accountability;
          return (
            <>
              <Text size="sm" fw={700}>
                {f(m.accountability.totalLine, { open: a.total.open, overdue: a.total.overdue })}
              </Text>
              <Text size="xs" c="dimmed" mb="sm">
                {m.accountability.computedAt} <Instant iso={a.computedAt} />.{' '}
                {f(m.accountability.kinds, {
                  kinds: a.kinds.map((kind) => labelOf(m.accountabilityKind, kind)).join(', '),
                })}
              </Text>
              <GroupTable title={m.accountability.byAgency} groups={a.byAgency} />
              <GroupTable title={m.accountability.byProvince} groups={a.byProvince} />
              <GroupTable title={m.accountability.byCountry} groups={a.byCounterpartCountry} />
              <Text size="xs" c="dimmed" className="hide-narrow">
                {m.accountability.barLegend}
              </Text>
              <ResponseTimes times={a.responseTimes} />
              <Trend weeks={a.trend} />
            </>
          );
        }}
      </QueryState>
    </Paper>
  );
}

function GroupTable({ title, groups }: { title: string; groups: Group[] }) {
  const { m, f } = useI18n();
  const max = Math.max(1, ...groups.map((group) => group.open));
  return (
    <>
      <Title order={3} size="h5" mt="md" mb="xs">
        {title}
      </Title>
      {groups.length === 0 ? (
        <Empty>{m.accountability.none}</Empty>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{m.accountability.name}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {m.accountability.open}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {m.accountability.overdue}
                </Table.Th>
                <Table.Th scope="col" className="hide-narrow" aria-hidden>
                  {' '}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.map((group) => (
                <Table.Tr key={group.key}>
                  <Table.Th scope="row">{group.key === 'NATIONAL' ? m.accountability.national : group.label}</Table.Th>
                  <Table.Td ta="right">{group.open}</Table.Td>
                  <Table.Td ta="right">{group.overdue}</Table.Td>
                  <Table.Td className="hide-narrow" miw={160}>
                    <div
                      className="bar"
                      aria-hidden
                      title={f(m.accountability.chartLabel, group)}
                      style={{ width: `${(group.open / max) * 100}%` }}
                    >
                      <div
                        className="bar-overdue"
                        style={{ width: `${group.open ? (group.overdue / group.open) * 100 : 0}%` }}
                      />
                    </div>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </>
  );
}

function ResponseTimes({ times }: { times: Data['responseTimes'] }) {
  const { m, f, tag } = useI18n();
  const hours = (value: number) => value.toLocaleString(tag, { maximumFractionDigits: 1 });
  return (
    <>
      <Title order={3} size="h5" mt="md" mb="xs">
        {m.accountability.responseTimes}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {f(m.accountability.responseIntro, { weeks: WEEKS })}
      </Text>
      {times.length === 0 ? (
        <Empty>{m.accountability.noResponses}</Empty>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={m.accountability.responseTimes}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{m.table.agency}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {m.accountability.median}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {m.accountability.p90}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {m.accountability.responses}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {times.map((time) => (
                <Table.Tr key={time.agencyCode}>
                  <Table.Th scope="row">{time.label}</Table.Th>
                  <Table.Td ta="right">{hours(time.medianHours)}</Table.Td>
                  <Table.Td ta="right">{hours(time.p90Hours)}</Table.Td>
                  <Table.Td ta="right">{time.responses}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </>
  );
}

function Trend({ weeks }: { weeks: Data['trend'] }) {
  const { m, f } = useI18n();
  return (
    <>
      <Title order={3} size="h5" mt="md" mb="xs">
        {m.accountability.trend}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {m.accountability.trendIntro}
      </Text>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={m.accountability.trend}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{m.accountability.weeksAgo}</Table.Th>
              <Table.Th scope="col" ta="right">
                {m.accountability.open}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {m.accountability.overdue}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {weeks.map((week) => (
              <Table.Tr key={week.weeksAgo}>
                <Table.Th scope="row">
                  {week.weeksAgo === 0 ? m.accountability.now : f(m.accountability.weeksAgoValue, { n: week.weeksAgo })}
                </Table.Th>
                <Table.Td ta="right">{week.open}</Table.Td>
                <Table.Td ta="right">{week.overdue}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </>
  );
}
