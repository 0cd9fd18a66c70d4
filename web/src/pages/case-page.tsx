import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';

import { hasRole, useSession } from '@/app/session-context';
import { CasePageDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { CaseSuspects } from '@/modules/cases/components/case-suspects';
import { CaseTeam } from '@/modules/cases/components/case-team';
import { DocumentsPanel } from '@/modules/documents/documents-panel';
import { Empty, PageTitle, QueryState } from '@/modules/ui/page';

import { ReferralTable } from './referrals-page';

/** A case: what it is, its team, its people by code, its suspects and its people's referrals. */
export default function CasePage() {
  const { id = '' } = useParams();
  const { m, f, locale } = useI18n();
  const { session } = useSession();
  const [result, retry] = useQuery({ query: CasePageDocument, variables: { id } });
  const refresh = () => retry({ requestPolicy: 'network-only' });
  return (
    <QueryState result={result} retry={refresh}>
      {(data) => {
        const found = data.case;
        const mine = session.user.agencyId;
        // What the API allows anyway; the console only offers what would not be refused.
        const leads = found.leadAgencyId === mine;
        const canChangeTeam = (leads && !hasRole(session, 'COUNTERPART')) || hasRole(session, 'SECRETARIAT');
        const investigates = found.participants.some(
          (participant) =>
            participant.current &&
            participant.agency.id === mine &&
            (participant.role === 'INVESTIGATION' || participant.role === 'PROSECUTION'),
        );
        // Anyone who sees the case registers people into it (officers and liaisons).
        const canRegister = hasRole(session, 'CASE_OFFICER', 'LIAISON');
        return (
          <Stack>
            <PageTitle title={f(m.cases.caseTitle, { reference: found.reference })}>
              {f(m.cases.caseTitle, { reference: found.reference })}
            </PageTitle>
            <div>
              <Badge tt="none">{m.justiceStatus[found.status]}</Badge>
            </div>
            <Paper withBorder p="md">
              <Stack gap="xs">
                <Text size="sm">
                  <b>{m.cases.lead}:</b> {found.leadAgency.acronym}
                </Text>
                <Text size="sm">
                  <b>{m.cases.unit}:</b> {locale === 'ID' ? found.unit.nameId : found.unit.nameEn}
                </Text>
                <Text size="sm">
                  <b>{m.cases.exploitation}:</b>{' '}
                  {found.exploitationTypes.map((type) => m.exploitation[type]).join(', ')}
                </Text>
                <Text size="sm">
                  <b>{m.cases.destinations}:</b> {found.destinationCountries.join(', ') || '—'}
                </Text>
                {(found.rescuedOn || found.rescuePlace) && (
                  <Text size="sm">
                    <b>{m.caseTeam.rescue}:</b>{' '}
                    {[found.rescuedOn, found.rescuePlace, found.rescueCountry].filter(Boolean).join(', ')}
                  </Text>
                )}
                <Text size="sm">
                  <b>{m.cases.summary}:</b> {found.summary || '—'}
                </Text>
              </Stack>
            </Paper>
            <CaseTeam
              caseId={found.id}
              caseVersion={found.version}
              participants={found.participants}
              canChange={canChangeTeam}
              onChanged={refresh}
            />
            <Paper withBorder p="md">
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h4">
                  {m.cases.people}
                </Title>
                {canRegister && (
                  <Button component={Link} to={`/cases/${found.id}/register-group`} size="xs" variant="light">
                    {m.caseTeam.registerGroup}
                  </Button>
                )}
              </Group>
              {data.victims.edges.length === 0 ? (
                <Empty>{m.caseTeam.noPeople}</Empty>
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
            <CaseSuspects caseId={found.id} suspects={found.suspects} canRecord={investigates} onChanged={refresh} />
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {m.caseTeam.referrals}
              </Title>
              {found.referrals.length === 0 ? (
                <Empty>{m.referrals.none}</Empty>
              ) : (
                <ReferralTable referrals={found.referrals} />
              )}
            </Paper>
            <DocumentsPanel parentKind="CASE" parentId={found.id} />
          </Stack>
        );
      }}
    </QueryState>
  );
}
