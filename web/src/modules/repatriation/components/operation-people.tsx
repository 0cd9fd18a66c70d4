import { Badge, Paper, Table, Text, Title } from '@mantine/core';

import { RepatriationOperationPageQuery } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { Empty } from '@/modules/ui/page';
import { Day } from '@/modules/ui/time';

type Operation = RepatriationOperationPageQuery['repatriationOperation'];

/** The people on an operation by code (never a name), each with whether they may leave and what still blocks it. */
export function OperationPeople({ operation }: { operation: Operation }) {
  const { m, f } = useI18n();
  const readiness = new Map(operation.readiness.map((r) => [r.victimCode, r]));
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {m.rpt.people}
      </Title>
      {operation.people.length === 0 ? (
        <Empty>{m.rpt.noPeople}</Empty>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={m.rpt.people}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{m.rpt.code}</Table.Th>
                <Table.Th scope="col">{m.table.status}</Table.Th>
                <Table.Th scope="col">{m.rpt.readiness}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {operation.people.map((person) => {
                const ready = readiness.get(person.victimCode);
                return (
                  <Table.Tr key={person.id}>
                    <Table.Td>{person.victimCode}</Table.Td>
                    <Table.Td>
                      {person.onboard
                        ? m.rpt.onboard
                        : person.arrived
                          ? m.rpt.arrivedWith
                          : person.leftOn && (
                              <>
                                {f(m.rpt.left, { day: '' })}
                                <Day day={person.leftOn} />
                              </>
                            )}
                    </Table.Td>
                    <Table.Td>
                      {ready && (
                        <>
                          <Badge
                            size="sm"
                            tt="none"
                            variant={ready.ready ? 'filled' : 'light'}
                            color={ready.ready ? 'teal' : 'orange'}
                          >
                            {ready.ready ? m.rpt.ready : m.rpt.notReady}
                          </Badge>
                          {ready.blocking.length > 0 && (
                            <Text size="xs">
                              {f(m.rpt.blocking, {
                                steps: ready.blocking.map((step) => m.milestoneType[step]).join(', '),
                              })}
                            </Text>
                          )}
                        </>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Paper>
  );
}
