import { Anchor, Badge, Button, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useClient, useQuery } from 'urql';

import { MarkReadDocument, NotificationsDocument, UnreadCountDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { Empty, PageTitle, QueryState } from '@/modules/ui/page';
import { Instant } from '@/modules/ui/time';

const SUBJECT_PATH: Record<string, string> = {
  Task: 'tasks',
  Referral: 'referrals',
  CrossBorderRequest: 'cross-border-requests',
};

export default function NotificationsPage() {
  const { m } = useI18n();
  const client = useClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [result, reload] = useQuery({ query: NotificationsDocument, variables: { unreadOnly } });
  const refresh = () => {
    reload({ requestPolicy: 'network-only' });
    void client.query(UnreadCountDocument, {}, { requestPolicy: 'network-only' }).toPromise();
  };
  const mark = async (input: { ids?: string[]; all?: boolean }) => {
    await client.mutation(MarkReadDocument, { input }).toPromise();
    refresh();
  };
  return (
    <>
      <PageTitle title={m.notifications.title}>{m.notifications.title}</PageTitle>
      <Group mb="md">
        <Switch
          label={m.notifications.unreadOnly}
          checked={unreadOnly}
          onChange={(event) => setUnreadOnly(event.currentTarget.checked)}
        />
        <Button variant="light" size="xs" onClick={() => void mark({ all: true })}>
          {m.notifications.markAll}
        </Button>
      </Group>
      <QueryState result={result} retry={refresh}>
        {(data) =>
          data.myNotifications.edges.length === 0 ? (
            <Empty>{m.notifications.none}</Empty>
          ) : (
            <Stack gap="xs">
              {data.myNotifications.edges.map(({ node }) => {
                const path = SUBJECT_PATH[node.subjectType];
                return (
                  <Paper key={node.id} withBorder p="sm">
                    <Group justify="space-between" align="flex-start" wrap="wrap">
                      <div>
                        <Group gap="xs">
                          {!node.readAt && (
                            <Badge color="blue" size="sm" tt="none">
                              {m.notifications.unread}
                            </Badge>
                          )}
                          {node.critical && (
                            <Badge color="red" size="sm" tt="none">
                              {m.notifications.critical}
                            </Badge>
                          )}
                          <Text fw={600} size="sm">
                            {m.notificationKind[node.kind]}
                          </Text>
                        </Group>
                        <Text size="sm">
                          {path ? (
                            <Anchor
                              component={Link}
                              to={`/${path}/${node.subjectId}`}
                              onClick={() => !node.readAt && void mark({ ids: [node.id] })}
                            >
                              {node.reference}
                            </Anchor>
                          ) : (
                            node.reference
                          )}{' '}
                          — {node.message}
                        </Text>
                        <Text size="xs" c="dimmed">
                          <Instant iso={node.createdAt} /> · {m.deliveryStatus[node.deliveryStatus]}
                        </Text>
                      </div>
                      {!node.readAt && (
                        <Button size="compact-xs" variant="default" onClick={() => void mark({ ids: [node.id] })}>
                          {m.notifications.markRead}
                        </Button>
                      )}
                    </Group>
                  </Paper>
                );
              })}
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}
