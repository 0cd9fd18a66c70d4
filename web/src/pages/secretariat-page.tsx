import { Alert, Badge, Button, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useClient, useQuery } from 'urql';

import { OverdueTasksDocument, PossibleDuplicatesDocument, ResolveDuplicateDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { ExportsPanel } from '@/modules/exports/components/exports-panel';
import { AccountabilityPanel } from '@/modules/statistics/components/accountability-panel';
import { ActionDialog } from '@/modules/ui/action-dialog';
import { Empty, PageTitle, QueryState } from '@/modules/ui/page';
import { Instant } from '@/modules/ui/time';

/**
 * The secretariat's views from today's queries: overdue work by agency, possible duplicates to reconcile, and its
 * de-identified exports (an export-ready notification links to /secretariat/exports/<id>, highlighted there).
 */
export default function SecretariatPage() {
  const { m, f, locale } = useI18n();
  const { exportId } = useParams();
  const client = useClient();
  const [overdue, retryOverdue] = useQuery({ query: OverdueTasksDocument });
  const [duplicates, retryDuplicates] = useQuery({ query: PossibleDuplicatesDocument });
  const [resolving, setResolving] = useState<string | null>(null);
  return (
    <Stack>
      <PageTitle title={m.secretariat.title}>{m.secretariat.title}</PageTitle>
      <AccountabilityPanel />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {m.secretariat.overdueByAgency}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {m.secretariat.overdueIntro}
        </Text>
        <QueryState result={overdue} retry={() => retryOverdue({ requestPolicy: 'network-only' })}>
          {(data) => {
            const byAgency = new Map<string, { name: string; count: number }>();
            for (const { node } of data.tasks.edges) {
              const entry = byAgency.get(node.assigneeAgency.id) ?? {
                name: `${node.assigneeAgency.acronym} — ${locale === 'ID' ? node.assigneeAgency.nameId : node.assigneeAgency.nameEn}`,
                count: 0,
              };
              entry.count += 1;
              byAgency.set(node.assigneeAgency.id, entry);
            }
            const rows = [...byAgency.values()].sort((a, b) => b.count - a.count);
            const max = rows[0]?.count ?? 1;
            const overdueRequests = data.crossBorderRequests.edges.filter(
              ({ node }) => node.overdueStages.length > 0,
            ).length;
            return (
              <>
                {rows.length === 0 ? (
                  <Empty>{m.secretariat.noOverdue}</Empty>
                ) : (
                  <div className="table-scroll" tabIndex={0}>
                    <Table>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{m.table.agency}</Table.Th>
                          <Table.Th scope="col">{m.table.count}</Table.Th>
                          <Table.Th scope="col" className="hide-narrow" aria-hidden>
                            {' '}
                          </Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {rows.map((row) => (
                          <Table.Tr key={row.name}>
                            <Table.Td>{row.name}</Table.Td>
                            <Table.Td>{row.count}</Table.Td>
                            <Table.Td className="hide-narrow" miw={160}>
                              <Progress value={(row.count / max) * 100} color="red" aria-hidden />
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </div>
                )}
                <Text size="sm" mt="sm">
                  {f(m.secretariat.crossBorderOverdue, { count: overdueRequests })}
                </Text>
              </>
            );
          }}
        </QueryState>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {m.secretariat.duplicates}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {m.secretariat.duplicatesIntro}
        </Text>
        <QueryState result={duplicates} retry={() => retryDuplicates({ requestPolicy: 'network-only' })}>
          {(data) =>
            data.possibleDuplicates.length === 0 ? (
              <Empty>{m.secretariat.noDuplicates}</Empty>
            ) : (
              <div className="table-scroll" tabIndex={0}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{m.secretariat.matchedOn}</Table.Th>
                      <Table.Th scope="col">{m.table.created}</Table.Th>
                      <Table.Th scope="col">{m.table.status}</Table.Th>
                      <Table.Th scope="col"> </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.possibleDuplicates.map((flag) => (
                      <Table.Tr key={flag.id}>
                        <Table.Td>{m.duplicateMatch[flag.matchedOn]}</Table.Td>
                        <Table.Td>
                          <Instant iso={flag.createdAt} />
                        </Table.Td>
                        <Table.Td>
                          <Badge tt="none" variant="light">
                            {m.duplicateStatus[flag.status]}
                          </Badge>
                          {flag.resolutionNote && <Text size="xs">{flag.resolutionNote}</Text>}
                        </Table.Td>
                        <Table.Td>
                          {flag.status === 'OPEN' && (
                            <Button size="compact-sm" variant="light" onClick={() => setResolving(flag.id)}>
                              {m.secretariat.resolve}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            )
          }
        </QueryState>
      </Paper>
      {duplicates.error && <Alert color="red">{m.errors.forbidden}</Alert>}
      <ExportsPanel highlight={exportId} />
      <ActionDialog
        opened={resolving !== null}
        title={m.secretariat.resolve}
        reasonMode="required"
        reasonLabel={m.secretariat.resolutionNote}
        onClose={() => setResolving(null)}
        onSubmit={async (note) => {
          const outcome = await client
            .mutation(ResolveDuplicateDocument, { input: { id: resolving!, note } })
            .toPromise();
          if (!outcome.error) retryDuplicates({ requestPolicy: 'network-only' });
          return outcome;
        }}
      />
    </Stack>
  );
}
