import { Alert, Badge, Button, Group, Paper, Progress, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useClient, useQuery } from 'urql';

import { useSession } from '@/app/session-context';
import { ExportFormat, MyExportsDocument, RequestExportDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { Empty, QueryState } from '@/modules/ui/page';
import { Instant } from '@/modules/ui/time';

/**
 * The secretariat's de-identified exports: ask for one (CSV or XLSX), follow its progress, download it with the
 * session (a POST with the CSRF header: the file never has a URL of its own a link could open), until it expires.
 */
export function ExportsPanel({ highlight }: { highlight?: string }) {
  const { m, f } = useI18n();
  const { session } = useSession();
  const client = useClient();
  const [result, retry] = useQuery({ query: MyExportsDocument, requestPolicy: 'cache-and-network' });
  const [problem, setProblem] = useState<string | null>(null);
  const running = result.data?.myExports.edges.some(({ node }) => ['QUEUED', 'RUNNING'].includes(node.status));
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => retry({ requestPolicy: 'network-only' }), 2_000);
    return () => clearInterval(timer);
  }, [running, retry]);

  const request = async (format: ExportFormat) => {
    setProblem(null);
    const outcome = await client
      .mutation(RequestExportDocument, { input: { kind: 'DEIDENTIFIED_PERSONS', format } })
      .toPromise();
    if (outcome.error) setProblem(outcome.error.graphQLErrors[0]?.message ?? m.errors.forbidden);
    retry({ requestPolicy: 'network-only' });
  };
  const download = async (id: string, fileName: string) => {
    setProblem(null);
    const response = await fetch(`/exports/${id}/file`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: '{}',
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { message?: string };
      setProblem(body.message ?? response.statusText);
      retry({ requestPolicy: 'network-only' });
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {m.exports.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {m.exports.intro}
      </Text>
      <Group mb="sm">
        <Button size="compact-sm" variant="light" onClick={() => void request('CSV')}>
          {m.exports.requestCsv}
        </Button>
        <Button size="compact-sm" variant="light" onClick={() => void request('XLSX')}>
          {m.exports.requestXlsx}
        </Button>
      </Group>
      {problem && (
        <Alert color="red" mb="sm" role="alert">
          {problem}
        </Alert>
      )}
      <QueryState result={result} retry={() => retry({ requestPolicy: 'network-only' })}>
        {(data) =>
          data.myExports.edges.length === 0 ? (
            <Empty>{m.exports.none}</Empty>
          ) : (
            <div className="table-scroll" tabIndex={0}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{m.table.created}</Table.Th>
                    <Table.Th scope="col">{m.exports.file}</Table.Th>
                    <Table.Th scope="col">{m.table.status}</Table.Th>
                    <Table.Th scope="col"> </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.myExports.edges.map(({ node }) => (
                    <Table.Tr key={node.id} bg={node.id === highlight ? 'var(--mantine-color-blue-light)' : undefined}>
                      <Table.Td>
                        <Instant iso={node.createdAt} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {node.format} · {node.unitCode} · k = {node.k}
                        </Text>
                        {node.status === 'READY' && (
                          <Text size="xs" c="dimmed">
                            {f(m.exports.rows, { rows: node.rowsWritten, suppressed: node.peopleSuppressed ?? 0 })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge tt="none" variant="light" color={node.status === 'FAILED' ? 'red' : undefined}>
                          {m.exportStatus[node.status]}
                        </Badge>
                        {node.status === 'RUNNING' && (
                          <Progress value={node.progressPercent} mt={4} aria-label={m.exportStatus.RUNNING} />
                        )}
                        {node.status === 'READY' && node.expiresAt && (
                          <Text size="xs">
                            {m.exports.expires} <Instant iso={node.expiresAt} />
                          </Text>
                        )}
                        {node.failure && <Text size="xs">{node.failure}</Text>}
                      </Table.Td>
                      <Table.Td>
                        {node.status === 'READY' && node.fileName && (
                          <Button
                            size="compact-sm"
                            onClick={() => void download(node.id, node.fileName!)}
                            aria-label={`${m.exports.download} ${node.fileName}`}
                          >
                            {m.exports.download}
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
  );
}
