import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';

import {
  AcceptReferralDocument,
  CompleteReferralDocument,
  DeclineReferralDocument,
  DiscontinueReferralDocument,
  ReferralAction,
  ReferralPageDocument,
  StartReferralServiceDocument,
  WithdrawReferralDocument,
} from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { DocumentsPanel } from '@/modules/documents/documents-panel';
import { ActionDialog, ReasonMode } from '@/modules/ui/action-dialog';
import { History } from '@/modules/ui/history';
import { PageTitle, QueryState } from '@/modules/ui/page';
import { Countdown, Instant } from '@/modules/ui/time';

type AnyMutation = TypedDocumentNode<unknown, { input: Record<string, unknown> }>;

const ACTIONS: Partial<
  Record<ReferralAction, { document: AnyMutation; reason: ReasonMode; field?: 'reason' | 'outcome' }>
> = {
  ACCEPT: { document: AcceptReferralDocument as AnyMutation, reason: 'none' },
  START_SERVICE: { document: StartReferralServiceDocument as AnyMutation, reason: 'none' },
  DECLINE: { document: DeclineReferralDocument as AnyMutation, reason: 'required', field: 'reason' },
  WITHDRAW: { document: WithdrawReferralDocument as AnyMutation, reason: 'required', field: 'reason' },
  DISCONTINUE: { document: DiscontinueReferralDocument as AnyMutation, reason: 'required', field: 'reason' },
  COMPLETE: { document: CompleteReferralDocument as AnyMutation, reason: 'required', field: 'outcome' },
};

/** One referral: respond-by countdown, history, and accept / decline / record service for the provider. */
export default function ReferralPage() {
  const { id = '' } = useParams();
  const { m, f } = useI18n();
  const client = useClient();
  const [result, reload] = useQuery({ query: ReferralPageDocument, variables: { id } });
  const [action, setAction] = useState<ReferralAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => reload({ requestPolicy: 'network-only' });
  return (
    <QueryState result={result} retry={refresh}>
      {({ referral }) => {
        const run = async (reason: string) => {
          const config = action && ACTIONS[action];
          if (!config || !action) return {};
          const input = {
            id: referral.id,
            expectedVersion: referral.version,
            ...(config.field ? { [config.field]: reason } : {}),
          };
          const outcome = await client.mutation(config.document, { input }).toPromise();
          if (!outcome.error) {
            setNotice(f(m.task.done, { action: m.actionsReferral[action] }));
            refresh();
          }
          return outcome;
        };
        const buttons = referral.availableActions.filter((name) => ACTIONS[name]);
        return (
          <Stack>
            <div>
              <PageTitle title={f(m.referrals.referralTitle, { reference: referral.reference })}>
                {f(m.referrals.referralTitle, { reference: referral.reference })}
              </PageTitle>
              <Group gap="xs">
                <Badge tt="none">{m.referralStatus[referral.status]}</Badge>
                <Badge tt="none" variant="outline">
                  {m.referralUrgency[referral.urgency]}
                </Badge>
                <Countdown iso={referral.respondBy} done={referral.status !== 'PROPOSED'} />
              </Group>
            </div>
            {notice && (
              <Alert
                color="green"
                role="status"
                withCloseButton
                closeButtonLabel={m.app.close}
                onClose={() => setNotice(null)}
              >
                {notice}
              </Alert>
            )}
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {m.task.actions}
              </Title>
              {buttons.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {m.task.noActions}
                </Text>
              ) : (
                <Group>
                  {buttons.map((name) => (
                    <Button
                      key={name}
                      variant={ACTIONS[name]?.reason === 'required' ? 'default' : 'filled'}
                      onClick={() => setAction(name)}
                    >
                      {m.actionsReferral[name]}
                    </Button>
                  ))}
                </Group>
              )}
            </Paper>
            <div className="two-col">
              <Paper withBorder p="md">
                <Stack gap="xs">
                  <Text size="sm">
                    <b>{m.table.person}:</b>{' '}
                    {referral.victim ? (
                      <Anchor component={Link} to={`/people/${referral.victim.id}`}>
                        {referral.victim.code}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Text>
                  <Text size="sm">
                    <b>{m.table.service}:</b> {m.service[referral.service]}
                  </Text>
                  <Text size="sm">
                    <b>{m.referrals.from}:</b> {referral.fromAgency.acronym}
                  </Text>
                  <Text size="sm">
                    <b>{m.referrals.to}:</b> {referral.recipientAgency.acronym}
                  </Text>
                  <Text size="sm" component="div">
                    <b>{m.table.respondBy}:</b>{' '}
                    <Instant iso={referral.respondBy} zone={referral.recipientAgency.timeZone} />
                  </Text>
                  {referral.capacityGapReason && (
                    <Text size="sm">
                      <b>{m.referrals.capacityGap}:</b> {referral.capacityGapReason}
                    </Text>
                  )}
                  {referral.statusReason && (
                    <Text size="sm">
                      <b>{m.referrals.statusReason}:</b> {referral.statusReason}
                    </Text>
                  )}
                  {referral.outcome && (
                    <Text size="sm">
                      <b>{m.referrals.outcome}:</b> {referral.outcome}
                    </Text>
                  )}
                </Stack>
              </Paper>
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="xs">
                  {m.task.history}
                </Title>
                <History entries={referral.history} statusLabels={m.referralStatus} actionLabels={m.actionsReferral} />
              </Paper>
            </div>
            <ActionDialog
              opened={action !== null}
              title={action ? `${m.actionsReferral[action]}: ${referral.reference}` : ''}
              reasonMode={action ? (ACTIONS[action]?.reason ?? 'none') : 'none'}
              reasonLabel={action === 'COMPLETE' ? m.referrals.outcome : undefined}
              onClose={() => setAction(null)}
              onSubmit={run}
              onConflict={refresh}
            />
            <DocumentsPanel parentKind="REFERRAL" parentId={id} />
          </Stack>
        );
      }}
    </QueryState>
  );
}
