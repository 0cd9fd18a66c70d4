import { Alert, Anchor, Button, FileInput, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useQuery } from 'urql';

import { errorKind } from '@/app/graphql-errors';
import { useSession } from '@/app/session-context';
import { DocumentKind, DocumentParentKind, DocumentsPanelDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { Empty, ErrorNotice, Loading } from '@/modules/ui/page';
import { Instant } from '@/modules/ui/time';

const KINDS: DocumentKind[] = [
  'LETTER',
  'INTERVIEW_REPORT',
  'TRAVEL_DOCUMENT',
  'MEDICAL_CLEARANCE',
  'COUNTERPART_ANSWER',
  'OTHER',
];

/** What the upload route answers when it refuses (src/modules/documents/document.exception.ts). */
type UploadRefusal = { code?: string; reason?: string; field?: string; message?: string };

function size(bytes: number, tag: string): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString(tag, { maximumFractionDigits: 0 })} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString(tag, { maximumFractionDigits: 1 })} MB`;
}

/**
 * The documents of a record: a list with download links (the browser sends the session cookie; every download is
 * audited) and an upload form. Shown only to those who may reach them: for anyone else the API answers "not found"
 * and the panel says documents are not available, the same whether there are any or not.
 */
export function DocumentsPanel({ parentKind, parentId }: { parentKind: DocumentParentKind; parentId: string }) {
  const { m, f, tag } = useI18n();
  const { session } = useSession();
  const [result, refetch] = useQuery({ query: DocumentsPanelDocument, variables: { parentKind, parentId } });
  const [kind, setKind] = useState<DocumentKind>('LETTER');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const refusalText = (refusal: UploadRefusal): string => {
    const known = refusal.reason && (m.documents.refusals as Record<string, string>)[refusal.reason];
    return known ?? f(m.errors.badInput, { message: refusal.message ?? '' });
  };

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setNotice({ ok: false, text: m.documents.refusals.FILE_MISSING });
      return;
    }
    setBusy(true);
    setNotice(null);
    try {
      const form = new FormData();
      form.append('parentKind', parentKind);
      form.append('parentId', parentId);
      form.append('kind', kind);
      form.append('file', file);
      const response = await fetch('/documents', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'x-csrf-token': session.csrfToken, accept: 'application/json' },
        body: form,
      });
      if (response.status === 201) {
        const saved = (await response.json()) as { fileName: string };
        setNotice({ ok: true, text: f(m.documents.uploaded, { name: saved.fileName }) });
        setFile(null);
        refetch({ requestPolicy: 'network-only' });
      } else {
        setNotice({ ok: false, text: refusalText((await response.json().catch(() => ({}))) as UploadRefusal) });
      }
    } catch {
      setNotice({ ok: false, text: m.errors.network });
    } finally {
      setBusy(false);
    }
  };

  const hidden = errorKind(result.error) === 'NOT_FOUND';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`documents-${parentId}`}>
      <Title order={2} size="h4" mb="xs" id={`documents-${parentId}`}>
        {m.documents.title}
      </Title>
      {hidden ? (
        <Empty>{m.documents.notAvailable}</Empty>
      ) : result.error && !result.data ? (
        <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !result.data ? (
        <Loading />
      ) : (
        <Stack>
          {result.data.documents.edges.length === 0 ? (
            <Empty>{m.documents.none}</Empty>
          ) : (
            <Table.ScrollContainer minWidth={480}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{m.documents.file}</Table.Th>
                    <Table.Th>{m.documents.kind}</Table.Th>
                    <Table.Th>{m.documents.size}</Table.Th>
                    <Table.Th>{m.documents.uploadedAt}</Table.Th>
                    <Table.Th>{m.documents.uploadedBy}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.data.documents.edges.map(({ node }) => (
                    <Table.Tr key={node.id}>
                      <Table.Td>
                        <Anchor href={node.downloadPath} download={node.fileName}>
                          {node.fileName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{m.documentKind[node.kind]}</Table.Td>
                      <Table.Td>{size(node.sizeBytes, tag)}</Table.Td>
                      <Table.Td>
                        <Instant iso={node.uploadedAt} />
                      </Table.Td>
                      <Table.Td>{node.uploadedByAgency.acronym}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <form onSubmit={(event) => void upload(event)}>
            <Group align="flex-end" wrap="wrap">
              <Select
                label={m.documents.kind}
                data={KINDS.map((value) => ({ value, label: m.documentKind[value] }))}
                value={kind}
                onChange={(value) => value && setKind(value as DocumentKind)}
                allowDeselect={false}
              />
              <FileInput
                label={m.documents.file}
                description={m.documents.accepted}
                value={file}
                onChange={setFile}
                accept=".pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx"
                clearable
                miw={220}
              />
              <Button type="submit" loading={busy}>
                {m.documents.upload}
              </Button>
            </Group>
          </form>
          {notice && (
            <Alert color={notice.ok ? 'green' : 'red'} role={notice.ok ? 'status' : 'alert'}>
              <Text size="sm">{notice.text}</Text>
            </Alert>
          )}
        </Stack>
      )}
    </Paper>
  );
}
