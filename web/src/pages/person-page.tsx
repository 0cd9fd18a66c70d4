import { Alert, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';

import { formatInstant } from '@/app/format';
import { errorMessage } from '@/app/graphql-errors';
import { hasRole, useSession } from '@/app/session-context';
import {
  AgencyChoicesDocument,
  ConsentMethod,
  ConsentPurpose,
  PersonDocument,
  ProposeReferralDocument,
  ProvidersDocument,
  RecordConsentDocument,
  ReferralService,
  RevealIdentityDocument,
  RevealIdentityQuery,
  RevokeConsentDocument,
} from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { DocumentsPanel } from '@/modules/documents/documents-panel';
import { ActionDialog } from '@/modules/ui/action-dialog';
import { Empty, PageTitle, QueryState } from '@/modules/ui/page';
import { Instant } from '@/modules/ui/time';

import { ReferralTable } from './referrals-page';

/**
 * A person by code. The identity is fetched only when the user asks for it (the server audits that read), kept in
 * this page's memory only, never in the address, the title or the cache.
 */
export default function PersonPage() {
  const { id = '' } = useParams();
  const { m, f, tag } = useI18n();
  const { session } = useSession();
  const client = useClient();
  const [result, reload] = useQuery({ query: PersonDocument, variables: { id } });
  const [identity, setIdentity] = useState<NonNullable<RevealIdentityQuery['victim']['identity']> | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = () => reload({ requestPolicy: 'network-only' });

  const reveal = async () => {
    setConfirming(false);
    const outcome = await client.query(RevealIdentityDocument, { id }, { requestPolicy: 'network-only' }).toPromise();
    if (outcome.error) setProblem(errorMessage(outcome.error, m));
    else setIdentity(outcome.data?.victim.identity ?? null);
  };

  return (
    <QueryState result={result} retry={refresh}>
      {(data) => {
        const person = data.victim;
        const owner =
          person.owningAgency.id === session.user.agencyId && hasRole(session, 'CASE_OFFICER', 'LIAISON', 'SUPERVISOR');
        return (
          <Stack>
            <PageTitle title={f(m.people.personTitle, { code: person.code })}>
              {f(m.people.personTitle, { code: person.code })}
            </PageTitle>
            <Paper withBorder p="md">
              <Stack gap="xs">
                <Text size="sm">
                  <b>{m.people.sex}:</b> {m.sex[person.sex]} · <b>{m.people.ageBand}:</b> {m.ageBand[person.ageBand]} ·{' '}
                  <b>{m.people.nationality}:</b> {person.nationality}
                </Text>
                <Text size="sm">
                  <b>{m.people.protection}:</b> {m.protection[person.protectionStatus]} ·{' '}
                  <b>{m.people.identification}:</b> {m.identification[person.identificationStatus]}
                </Text>
                <Text size="sm">
                  <b>{m.people.owner}:</b> {person.owningAgency.acronym}
                </Text>
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {m.people.identity}
              </Title>
              {!person.canSeeIdentity ? (
                <Text size="sm" c="dimmed">
                  {m.people.noIdentityAccess}
                </Text>
              ) : identity ? (
                <Stack gap={4}>
                  <Alert color="yellow" role="status">
                    {m.people.revealed}
                  </Alert>
                  <Text size="sm">
                    <b>{m.people.fullName}:</b> {identity.fullName}
                  </Text>
                  <Text size="sm">
                    <b>{m.people.dateOfBirth}:</b> {identity.dateOfBirth ?? '—'}
                  </Text>
                  <Text size="sm">
                    <b>{m.people.nationalId}:</b> {identity.nationalIdNumber ?? '—'}
                  </Text>
                  <Text size="sm">
                    <b>{m.people.passport}:</b> {identity.passportNumber ?? '—'}
                  </Text>
                  <Text size="sm">
                    <b>{m.people.contact}:</b> {identity.contact ?? '—'}
                  </Text>
                  <Group>
                    <Button variant="default" size="xs" onClick={() => setIdentity(null)}>
                      {m.people.hide}
                    </Button>
                  </Group>
                </Stack>
              ) : (
                <Stack gap="xs">
                  <Text size="sm">{m.people.revealNote}</Text>
                  <Group>
                    <Button color="red" onClick={() => setConfirming(true)}>
                      {m.people.reveal}
                    </Button>
                  </Group>
                </Stack>
              )}
              {problem && (
                <Alert color="red" role="alert" mt="sm">
                  {problem}
                </Alert>
              )}
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {m.people.consents}
              </Title>
              {person.consents.length === 0 ? (
                <Empty>{m.people.noConsents}</Empty>
              ) : (
                <div className="table-scroll" tabIndex={0}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{m.people.recipient}</Table.Th>
                        <Table.Th scope="col">{m.people.purpose}</Table.Th>
                        <Table.Th scope="col">{m.people.method}</Table.Th>
                        <Table.Th scope="col">{m.people.givenAt}</Table.Th>
                        <Table.Th scope="col">{m.table.status}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {person.consents.map((consent) => (
                        <Table.Tr key={consent.id}>
                          <Table.Td>{consent.recipientAgency.acronym}</Table.Td>
                          <Table.Td>{m.consentPurpose[consent.purpose]}</Table.Td>
                          <Table.Td>{m.consentMethod[consent.method]}</Table.Td>
                          <Table.Td>
                            <Instant iso={consent.givenAt} />
                          </Table.Td>
                          <Table.Td>
                            {consent.revokedAt ? (
                              <Badge color="gray" tt="none">
                                {f(m.people.revoked, {
                                  time: formatInstant(consent.revokedAt, tag, session.user.timeZone),
                                })}
                              </Badge>
                            ) : (
                              <Group gap="xs">
                                <Badge color="green" tt="none">
                                  {m.people.inForce}
                                </Badge>
                                {owner && (
                                  <Button size="compact-xs" variant="default" onClick={() => setRevoking(consent.id)}>
                                    {m.people.revoke}
                                  </Button>
                                )}
                              </Group>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </div>
              )}
              {owner && <ConsentForm victimId={person.id} onSaved={refresh} />}
            </Paper>
            {owner && <ReferralForm victimId={person.id} />}
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {m.people.referrals}
              </Title>
              {data.referrals.edges.length === 0 ? (
                <Empty>{m.referrals.none}</Empty>
              ) : (
                <ReferralTable referrals={data.referrals.edges.map(({ node }) => node)} />
              )}
            </Paper>
            <Modal opened={confirming} onClose={() => setConfirming(false)} title={m.people.reveal} centered>
              <Stack>
                <Text>{m.people.revealConfirm}</Text>
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setConfirming(false)}>
                    {m.app.cancel}
                  </Button>
                  <Button color="red" onClick={() => void reveal()}>
                    {m.people.reveal}
                  </Button>
                </Group>
              </Stack>
            </Modal>
            <ActionDialog
              opened={revoking !== null}
              title={m.people.revoke}
              reasonMode="required"
              reasonLabel={m.people.revokeReason}
              onClose={() => setRevoking(null)}
              onSubmit={async (reason) => {
                const outcome = await client
                  .mutation(RevokeConsentDocument, { input: { id: revoking!, reason } })
                  .toPromise();
                if (!outcome.error) refresh();
                return outcome;
              }}
            />
            <DocumentsPanel parentKind="VICTIM" parentId={id} />
          </Stack>
        );
      }}
    </QueryState>
  );
}

function ConsentForm({ victimId, onSaved }: { victimId: string; onSaved: () => void }) {
  const { m } = useI18n();
  const client = useClient();
  const [agencies] = useQuery({ query: AgencyChoicesDocument, variables: {} });
  const [recipient, setRecipient] = useState<string | null>(null);
  const [purpose, setPurpose] = useState<ConsentPurpose>('SERVICE_REFERRAL');
  const [method, setMethod] = useState<ConsentMethod>('WRITTEN_SIGNED');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!recipient) return setProblem(m.errors.required);
    const outcome = await client
      .mutation(RecordConsentDocument, { input: { victimId, recipientAgencyId: recipient, purpose, method } })
      .toPromise();
    if (outcome.error) return setProblem(errorMessage(outcome.error, m));
    setProblem(null);
    onSaved();
  };
  return (
    <form onSubmit={submit}>
      <Title order={3} size="h5" mt="md" mb="xs">
        {m.people.addConsent}
      </Title>
      <Group align="flex-end">
        <Select
          label={m.people.recipient}
          searchable
          value={recipient}
          onChange={setRecipient}
          data={(agencies.data?.agencies.edges ?? []).map(({ node }) => ({ value: node.id, label: node.acronym }))}
        />
        <Select
          label={m.people.purpose}
          value={purpose}
          allowDeselect={false}
          onChange={(value) => value && setPurpose(value as ConsentPurpose)}
          data={Object.entries(m.consentPurpose).map(([value, label]) => ({ value, label }))}
        />
        <Select
          label={m.people.method}
          value={method}
          allowDeselect={false}
          onChange={(value) => value && setMethod(value as ConsentMethod)}
          data={Object.entries(m.consentMethod).map(([value, label]) => ({ value, label }))}
        />
        <Button type="submit">{m.people.addConsent}</Button>
      </Group>
      {problem && (
        <Alert color="red" role="alert" mt="xs">
          {problem}
        </Alert>
      )}
    </form>
  );
}

function ReferralForm({ victimId }: { victimId: string }) {
  const { m } = useI18n();
  const client = useClient();
  const navigate = useNavigate();
  const [service, setService] = useState<ReferralService>('MEDICAL');
  const [providers] = useQuery({ query: ProvidersDocument, variables: { capability: service } });
  const [provider, setProvider] = useState<string | null>(null);
  const [capacityGap, setCapacityGap] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!provider) return setProblem(m.errors.required);
    const outcome = await client
      .mutation(ProposeReferralDocument, {
        input: { victimId, recipientAgencyId: provider, service, capacityGapReason: capacityGap.trim() || undefined },
      })
      .toPromise();
    if (outcome.error || !outcome.data)
      return setProblem(outcome.error ? errorMessage(outcome.error, m) : m.errors.network);
    navigate(`/referrals/${outcome.data.proposeReferral.id}`);
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit}>
        <Title order={2} size="h4" mb="xs">
          {m.referrals.newTitle}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {m.referrals.needsConsent}
        </Text>
        <Group align="flex-end">
          <Select
            label={m.table.service}
            value={service}
            allowDeselect={false}
            onChange={(value) => {
              if (value) setService(value as ReferralService);
              setProvider(null);
            }}
            data={Object.entries(m.service).map(([value, label]) => ({ value, label }))}
          />
          <Select
            label={m.referrals.provider}
            searchable
            value={provider}
            onChange={setProvider}
            data={(providers.data?.providers.edges ?? []).map(({ node }) => ({ value: node.id, label: node.acronym }))}
          />
          <Button type="submit">{m.referrals.submit}</Button>
        </Group>
        <TextInput
          mt="xs"
          label={m.referrals.capacityGap}
          description={m.referrals.capacityGapHint}
          value={capacityGap}
          onChange={(event) => setCapacityGap(event.currentTarget.value)}
        />
        {problem && (
          <Alert color="red" role="alert" mt="xs">
            {problem}
          </Alert>
        )}
      </form>
    </Paper>
  );
}
