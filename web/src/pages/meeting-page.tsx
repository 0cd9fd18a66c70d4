import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useQuery } from 'urql';

import { hasRole, useSession } from '@/app/session-context';
import { MeetingPageDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { MeetingAttendance } from '@/modules/meetings/components/meeting-attendance';
import { MeetingDecisions } from '@/modules/meetings/components/meeting-decisions';
import { MeetingMinutes } from '@/modules/meetings/components/meeting-minutes';
import { Empty, PageTitle, QueryState } from '@/modules/ui/page';
import { Instant } from '@/modules/ui/time';

/** A meeting: when and where, its agenda, attendance, minutes, decisions with action items and what it carried over. */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const { m, f, locale, tag } = useI18n();
  const { session } = useSession();
  const [result, retry] = useQuery({ query: MeetingPageDocument, variables: { id } });
  const refresh = () => retry({ requestPolicy: 'network-only' });
  return (
    <QueryState result={result} retry={refresh}>
      {(data) => {
        const meeting = data.meeting;
        // The organiser's liaisons, secretariat and attachés record; so does the unit's secretariat.
        const canRecord =
          hasRole(session, 'SECRETARIAT') ||
          (hasRole(session, 'LIAISON', 'ATTACHE') && meeting.organiserAgencyId === session.user.agencyId);
        return (
          <Stack>
            <PageTitle title={f(m.meetings.meetingTitle, { reference: meeting.reference })}>
              {f(m.meetings.meetingTitle, { reference: meeting.reference })}: {meeting.title}
            </PageTitle>
            <Group gap="xs">
              <Badge tt="none">{m.meetingType[meeting.type]}</Badge>
              <Badge tt="none" variant={meeting.held ? 'light' : 'filled'} color={meeting.held ? 'gray' : 'teal'}>
                {meeting.held ? m.meetings.held : m.meetings.upcoming}
              </Badge>
            </Group>
            <Paper withBorder p="md">
              <Stack gap="xs">
                <Text size="sm">
                  <b>{m.meetings.when}:</b> <Instant iso={meeting.startsAt} zone={meeting.timeZone} />
                  {meeting.endsAt && (
                    <>
                      {' – '}
                      <Instant iso={meeting.endsAt} zone={meeting.timeZone} />
                    </>
                  )}
                </Text>
                <Text size="sm">
                  <b>{m.meetings.unit}:</b> {locale === 'ID' ? meeting.unit.nameId : meeting.unit.nameEn} ·{' '}
                  <b>{m.meetings.organiser}:</b> {meeting.organiserAgency.acronym}
                </Text>
                <Text size="sm">
                  <b>{m.meetings.place}:</b> {meeting.place || '—'}
                  {meeting.online && ` · ${m.meetings.online}`}
                </Text>
                <Text size="sm">
                  <b>{m.meetings.cost}:</b>{' '}
                  {meeting.costIdr != null
                    ? new Intl.NumberFormat(tag, {
                        style: 'currency',
                        currency: 'IDR',
                        maximumFractionDigits: 0,
                      }).format(meeting.costIdr)
                    : '—'}{' '}
                  · <b>{m.meetings.funding}:</b> {m.fundingSource[meeting.fundingSource]}
                </Text>
                {meeting.source && (
                  <Text size="sm">
                    <b>{m.meetings.source}:</b> {meeting.source}
                  </Text>
                )}
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {m.meetings.agenda}
              </Title>
              {meeting.agenda.length === 0 ? (
                <Empty>{m.meetings.noAgenda}</Empty>
              ) : (
                <List type="ordered">
                  {meeting.agenda.map((item, index) => (
                    <List.Item key={index}>{item}</List.Item>
                  ))}
                </List>
              )}
            </Paper>
            <MeetingAttendance meeting={meeting} canRecord={canRecord} onSaved={refresh} />
            <MeetingMinutes meeting={meeting} canRecord={canRecord} onSaved={refresh} />
            <MeetingDecisions meeting={meeting} canRecord={canRecord} onChanged={refresh} />
          </Stack>
        );
      }}
    </QueryState>
  );
}
