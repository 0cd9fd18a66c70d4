import { Alert, Checkbox, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useClient, useQuery } from 'urql';

import {
  NotificationChannel,
  NotificationKind,
  NotificationSettingsDocument,
  UpdateDigestDocument,
  UpdatePreferencesDocument,
} from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { PageTitle, QueryState } from '@/modules/ui/page';

/** Notification preferences per kind and channel, and the weekly digest subscription (the digest footer links here). */
export default function SettingsPage() {
  const { m } = useI18n();
  const client = useClient();
  const [result, reload] = useQuery({ query: NotificationSettingsDocument });
  const [saved, setSaved] = useState(false);
  const refresh = () => reload({ requestPolicy: 'network-only' });
  const change = async (kind: NotificationKind, channel: NotificationChannel, enabled: boolean) => {
    const outcome = await client
      .mutation(UpdatePreferencesDocument, { input: { changes: [{ kind, channel, enabled }] } })
      .toPromise();
    setSaved(!outcome.error);
    refresh();
  };
  const digest = async (subscribed: boolean) => {
    const outcome = await client.mutation(UpdateDigestDocument, { input: { subscribed } }).toPromise();
    setSaved(!outcome.error);
    refresh();
  };
  return (
    <>
      <PageTitle title={m.settings.title}>{m.settings.title}</PageTitle>
      <Text mb="md">{m.settings.intro}</Text>
      {saved && (
        <Alert
          color="green"
          role="status"
          mb="sm"
          withCloseButton
          closeButtonLabel={m.app.close}
          onClose={() => setSaved(false)}
        >
          {m.settings.saved}
        </Alert>
      )}
      <QueryState result={result} retry={refresh}>
        {(data) => (
          <Stack>
            <Paper withBorder p="md" id="digest">
              <Title order={2} size="h4" mb="xs">
                {m.settings.digestTitle}
              </Title>
              <Switch
                label={m.settings.digest}
                checked={data.myDigestSubscription.subscribed}
                onChange={(event) => void digest(event.currentTarget.checked)}
              />
            </Paper>
            <Paper withBorder p="md">
              <div className="table-scroll" tabIndex={0}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{m.table.kind}</Table.Th>
                      <Table.Th scope="col">{m.settings.inApp}</Table.Th>
                      <Table.Th scope="col">{m.settings.email}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.myNotificationPreferences.map((preference) => {
                      const label = m.notificationKind[preference.kind];
                      return (
                        <Table.Tr key={preference.kind}>
                          <Table.Td>{label}</Table.Td>
                          <Table.Td>
                            <Checkbox
                              aria-label={`${label}: ${m.settings.inApp}`}
                              checked={preference.inApp}
                              disabled={preference.critical}
                              onChange={(event) => void change(preference.kind, 'IN_APP', event.currentTarget.checked)}
                            />
                          </Table.Td>
                          <Table.Td>
                            <Checkbox
                              aria-label={`${label}: ${m.settings.email}`}
                              checked={preference.email}
                              disabled={preference.critical}
                              onChange={(event) => void change(preference.kind, 'EMAIL', event.currentTarget.checked)}
                            />
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </div>
            </Paper>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
