import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';

import { RepatriationOperationPageDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { MilestoneTable } from '@/modules/repatriation/components/milestone-table';
import { OperationPeople } from '@/modules/repatriation/components/operation-people';
import { Empty, PageTitle, QueryState } from '@/modules/ui/page';
import { Day } from '@/modules/ui/time';

/**
 * A repatriation operation: where it stands, its route and days (planned and actual), the agency on each side, its
 * people by code with their readiness, its milestones and the reintegration plans of its people. A milestone link
 * (`?milestone=<id>`) marks and scrolls to that milestone's row.
 */
export default function RepatriationOperationPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const focusId = search.get('milestone') ?? undefined;
  const { m, f } = useI18n();
  const [result, retry] = useQuery({ query: RepatriationOperationPageDocument, variables: { id } });
  const refresh = () => retry({ requestPolicy: 'network-only' });
  const loaded = Boolean(result.data);
  useEffect(() => {
    if (loaded && focusId) document.getElementById(`milestone-${focusId}`)?.scrollIntoView({ block: 'center' });
  }, [loaded, focusId]);
  return (
    <QueryState result={result} retry={refresh}>
      {({ repatriationOperation: operation }) => (
        <Stack>
          <PageTitle title={f(m.rpt.operationTitle, { reference: operation.reference })}>
            {f(m.rpt.operationTitle, { reference: operation.reference })}
          </PageTitle>
          <Group gap="xs">
            <Badge tt="none">{m.operationStatus[operation.status]}</Badge>
          </Group>
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Text size="sm">
                <b>{m.rpt.route}:</b> {operation.route} · <b>{m.rpt.from}:</b> {operation.fromCountry}
              </Text>
              <Group align="flex-start" gap="xl">
                <Text size="sm" component="div">
                  <b>{m.rpt.departure}</b>
                  <br />
                  {m.rpt.planned}: <Day day={operation.plannedDepartureOn} />
                  <br />
                  {m.rpt.actual}: <Day day={operation.departedOn} />
                  <br />
                  {m.rpt.place}: {operation.departurePlace ?? '—'}
                </Text>
                <Text size="sm" component="div">
                  <b>{m.rpt.arrival}</b>
                  <br />
                  {m.rpt.planned}: <Day day={operation.plannedArrivalOn} />
                  <br />
                  {m.rpt.actual}: <Day day={operation.arrivedOn} />
                  <br />
                  {m.rpt.place}: {operation.arrivalPlace ?? '—'}
                </Text>
              </Group>
              <Text size="sm">
                <b>{m.rpt.started}:</b> <Day day={operation.startedOn} /> · <b>{m.rpt.headcount}:</b>{' '}
                {operation.headcount}
                {operation.flightOrCrossing && (
                  <>
                    {' '}
                    · <b>{m.rpt.flight}:</b> {operation.flightOrCrossing}
                  </>
                )}
              </Text>
              <Text size="sm">
                <b>{m.rpt.sending}:</b> {operation.sendingAgency.acronym} · <b>{m.rpt.receiving}:</b>{' '}
                {operation.receivingAgency.acronym}
              </Text>
              {operation.source && (
                <Text size="sm">
                  <b>{m.rpt.source}:</b> {operation.source}
                </Text>
              )}
            </Stack>
          </Paper>
          <OperationPeople operation={operation} />
          <MilestoneTable milestones={operation.milestones} focusId={focusId} onChanged={refresh} />
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {m.rpt.plans}
            </Title>
            {operation.reintegrationPlans.length === 0 ? (
              <Empty>{m.rpt.noPlans}</Empty>
            ) : (
              <List>
                {operation.reintegrationPlans.map((plan) => (
                  <List.Item key={plan.id}>
                    <Anchor component={Link} to={`/reintegration-plans/${plan.id}`}>
                      {f(m.rpt.openPlan, { code: plan.victimCode })}
                    </Anchor>{' '}
                    · {m.reintegrationPlanStatus[plan.status]}
                  </List.Item>
                ))}
              </List>
            )}
          </Paper>
        </Stack>
      )}
    </QueryState>
  );
}
