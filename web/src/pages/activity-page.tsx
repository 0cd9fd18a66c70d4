import { Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useQuery } from 'urql';

import { ActivityPageDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { PageTitle, QueryState } from '@/modules/ui/page';
import { Day, Instant } from '@/modules/ui/time';

/** One activity: what, when, where, who took part (breakdowns that add up), cost, and its history of corrections. */
export default function ActivityPage() {
  const { id = '' } = useParams();
  const { m, f, tag } = useI18n();
  const [result, retry] = useQuery({ query: ActivityPageDocument, variables: { id } });
  return (
    <QueryState result={result} retry={() => retry({ requestPolicy: 'network-only' })}>
      {(data) => {
        const activity = data.activity;
        const people = activity.participants;
        return (
          <Stack>
            <PageTitle title={f(m.activities.activityTitle, { reference: activity.reference })}>
              {f(m.activities.activityTitle, { reference: activity.reference })}: {activity.title}
            </PageTitle>
            <Group gap="xs">
              <Badge tt="none">{m.activityType[activity.type]}</Badge>
              <Badge tt="none" variant="light">
                {m.pillar[activity.pillar]}
              </Badge>
            </Group>
            <Paper withBorder p="md">
              <Stack gap="xs">
                <Text size="sm">
                  <b>{m.activities.dates}:</b> <Day day={activity.startsOn} />
                  {activity.endsOn !== activity.startsOn && (
                    <>
                      {' – '}
                      <Day day={activity.endsOn} />
                    </>
                  )}
                </Text>
                {activity.recordedLate && (
                  <Text size="xs" c="dimmed">
                    {m.activities.late}
                  </Text>
                )}
                <Text size="sm">
                  <b>{m.activities.region}:</b> {activity.regionCode ?? '—'} ({activity.country}) ·{' '}
                  <b>{m.activities.place}:</b> {activity.place || '—'}
                  {activity.online && ` · ${m.activities.online}`}
                </Text>
                <Text size="sm">
                  <b>{m.activities.duty}:</b> {m.duty[activity.duty]} · <b>{m.activities.targetGroup}:</b>{' '}
                  {m.targetGroup[activity.targetGroup]}
                </Text>
                <Text size="sm">
                  <b>{m.activities.organiser}:</b> {activity.organiserAgency.acronym} · <b>{m.activities.partners}:</b>{' '}
                  {[...activity.supportingAgencies.map((agency) => agency.acronym), ...activity.otherPartners].join(
                    ', ',
                  ) || '—'}
                </Text>
                <Text size="sm">
                  <b>{m.activities.cost}:</b>{' '}
                  {activity.costIdr != null
                    ? new Intl.NumberFormat(tag, {
                        style: 'currency',
                        currency: 'IDR',
                        maximumFractionDigits: 0,
                      }).format(activity.costIdr)
                    : '—'}{' '}
                  · <b>{m.activities.funding}:</b> {m.fundingSource[activity.fundingSource]}
                  {activity.fundingNote ? ` (${activity.fundingNote})` : ''}
                </Text>
                {activity.materials.length > 0 && (
                  <Text size="sm">
                    <b>{m.activities.materials}:</b> {activity.materials.join('; ')}
                  </Text>
                )}
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {m.activities.participants}
              </Title>
              {!people ? (
                <Text size="sm">{m.activities.notRecorded}</Text>
              ) : (
                <div className="table-scroll" tabIndex={0} role="region" aria-label={m.activities.participants}>
                  <Table>
                    <Table.Tbody>
                      <Table.Tr>
                        <Table.Th scope="row">{m.activities.total}</Table.Th>
                        <Table.Td>{people.total}</Table.Td>
                      </Table.Tr>
                      <Table.Tr>
                        <Table.Th scope="row">{m.activities.bySex}</Table.Th>
                        <Table.Td>
                          {m.activities.female} {people.bySex.female} · {m.activities.male} {people.bySex.male} ·{' '}
                          {m.activities.notRecorded} {people.bySex.notRecorded}
                        </Table.Td>
                      </Table.Tr>
                      <Table.Tr>
                        <Table.Th scope="row">{m.activities.byAgeBand}</Table.Th>
                        <Table.Td>
                          {m.activities.under18} {people.byAgeBand.under18} · {m.activities.from18To24}{' '}
                          {people.byAgeBand.from18To24} · {m.activities.from25To59} {people.byAgeBand.from25To59} ·{' '}
                          {m.activities.from60} {people.byAgeBand.from60} · {m.activities.notRecorded}{' '}
                          {people.byAgeBand.notRecorded}
                        </Table.Td>
                      </Table.Tr>
                    </Table.Tbody>
                  </Table>
                </div>
              )}
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {m.activities.history}
              </Title>
              <List>
                {activity.history.map((entry) => (
                  <List.Item key={entry.id}>
                    {m.activityRevisionKind[entry.kind]} — <Instant iso={entry.occurredAt} />
                    {entry.reason ? ` — “${entry.reason}”` : ''}
                  </List.Item>
                ))}
              </List>
            </Paper>
          </Stack>
        );
      }}
    </QueryState>
  );
}
