import { Anchor, Badge, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';

import { CasePageDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { DocumentsPanel } from '@/modules/documents/documents-panel';
import { Empty, PageTitle, QueryState } from '@/modules/ui/page';

export default function CasePage() {
  const { id = '' } = useParams();
  const { m, f, locale } = useI18n();
  const [result, retry] = useQuery({ query: CasePageDocument, variables: { id } });
  return (
    <QueryState result={result} retry={() => retry({ requestPolicy: 'network-only' })}>
      {(data) => (
        <Stack>
          <PageTitle title={f(m.cases.caseTitle, { reference: data.case.reference })}>
            {f(m.cases.caseTitle, { reference: data.case.reference })}
          </PageTitle>
          <div>
            <Badge tt="none">{m.justiceStatus[data.case.status]}</Badge>
          </div>
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Text size="sm">
                <b>{m.cases.lead}:</b> {data.case.leadAgency.acronym}
              </Text>
              <Text size="sm">
                <b>{m.cases.unit}:</b> {locale === 'ID' ? data.case.unit.nameId : data.case.unit.nameEn}
              </Text>
              <Text size="sm">
                <b>{m.cases.exploitation}:</b>{' '}
                {data.case.exploitationTypes.map((type) => m.exploitation[type]).join(', ')}
              </Text>
              <Text size="sm">
                <b>{m.cases.destinations}:</b> {data.case.destinationCountries.join(', ') || '—'}
              </Text>
              <Text size="sm">
                <b>{m.cases.summary}:</b> {data.case.summary || '—'}
              </Text>
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {m.cases.people}
            </Title>
            {data.victims.edges.length === 0 ? (
              <Empty>{m.app.empty}</Empty>
            ) : (
              <List>
                {data.victims.edges.map(({ node }) => (
                  <List.Item key={node.id}>
                    <Anchor component={Link} to={`/people/${node.id}`}>
                      {node.code}
                    </Anchor>{' '}
                    — {m.protection[node.protectionStatus]}
                  </List.Item>
                ))}
              </List>
            )}
          </Paper>
          <DocumentsPanel parentKind="CASE" parentId={id} />
        </Stack>
      )}
    </QueryState>
  );
}
