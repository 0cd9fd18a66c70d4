import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';

import { ReintegrationPlanPageDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { FollowUpTable } from '@/modules/repatriation/components/follow-up-table';
import { Empty, PageTitle, QueryState } from '@/modules/ui/page';
import { Day } from '@/modules/ui/time';

/** A person's reintegration plan, by code: the needs and who answers each, the follow-up contacts and their outcomes. */
export default function ReintegrationPlanPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const { m, f } = useI18n();
  const [result, retry] = useQuery({ query: ReintegrationPlanPageDocument, variables: { id } });
  const refresh = () => retry({ requestPolicy: 'network-only' });
  return (
    <QueryState result={result} retry={refresh}>
      {({ reintegrationPlan: plan }) => (
        <Stack>
          <PageTitle title={f(m.rpt.planTitle, { code: plan.victimCode })}>
            {f(m.rpt.planTitle, { code: plan.victimCode })}
          </PageTitle>
          <Group gap="xs">
            <Badge tt="none">{m.reintegrationPlanStatus[plan.status]}</Badge>
          </Group>
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Text size="sm">
                <b>{m.rpt.returnedOn}:</b> <Day day={plan.returnedOn} /> · <b>{m.rpt.responsible}:</b>{' '}
                {plan.responsibleAgency.acronym}
              </Text>
              <Text size="sm">
                {f(m.rpt.unreachable, { n: String(plan.unreachableInRow), max: String(plan.lostAfterUnreachable) })}
              </Text>
              {plan.outcome && (
                <Text size="sm">
                  <b>{m.rpt.outcome}:</b> {plan.outcome} (<Day day={plan.outcomeOn} />)
                </Text>
              )}
              <Text size="sm">
                <Anchor component={Link} to={`/repatriation-operations/${plan.operationId}`}>
                  {m.rpt.operation}
                </Anchor>
              </Text>
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {m.rpt.needs}
            </Title>
            {plan.needs.length === 0 ? (
              <Empty>{m.rpt.noNeeds}</Empty>
            ) : (
              <div className="table-scroll" tabIndex={0} role="region" aria-label={m.rpt.needs}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{m.rpt.need}</Table.Th>
                      <Table.Th scope="col">{m.table.status}</Table.Th>
                      <Table.Th scope="col">{m.rpt.referral}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {plan.needs.map((need) => (
                      <Table.Tr key={need.id}>
                        <Table.Td>{m.reintegrationNeed[need.need]}</Table.Td>
                        <Table.Td>{m.reintegrationNeedStatus[need.status]}</Table.Td>
                        <Table.Td>
                          {need.referralId ? (
                            <Anchor component={Link} to={`/referrals/${need.referralId}`}>
                              {m.rpt.referral}
                            </Anchor>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            )}
          </Paper>
          <FollowUpTable plan={plan} focusId={search.get('contact') ?? undefined} onChanged={refresh} />
        </Stack>
      )}
    </QueryState>
  );
}
