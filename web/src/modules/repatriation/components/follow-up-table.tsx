import { Badge, Button, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';

import { useSession } from '@/app/session-context';
import { FollowUpOutcome, RecordFollowUpOutcomeDocument, ReintegrationPlanPageQuery } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { ActionDialog } from '@/modules/ui/action-dialog';
import { Empty } from '@/modules/ui/page';
import { Countdown, Day } from '@/modules/ui/time';

type Plan = ReintegrationPlanPageQuery['reintegrationPlan'];
type Contact = Plan['followUps'][number];

/** The actions that record an outcome, and the outcome each records. */
const OUTCOME_OF: Record<string, FollowUpOutcome> = {
  RECORD_MET: 'MET',
  RECORD_NOT_REACHED: 'NOT_REACHED',
  RECORD_DECLINED: 'DECLINED',
  RECORD_MOVED: 'MOVED',
  RECORD_RE_MIGRATED: 'RE_MIGRATED',
};

/** A plan's follow-up contacts in order, with their outcomes; "record outcome" where the lifecycle offers it. */
export function FollowUpTable({ plan, focusId, onChanged }: { plan: Plan; focusId?: string; onChanged: () => void }) {
  const { m, f } = useI18n();
  const [recording, setRecording] = useState<Contact | null>(null);
  const { session } = useSession();
  // Today in the user's own zone (the day it happened where they are), not in UTC.
  const [day, setDay] = useState(() =>
    new Intl.DateTimeFormat('en-CA', { timeZone: session.user.timeZone }).format(new Date()),
  );
  const [outcome, setOutcome] = useState<FollowUpOutcome | null>(null);
  const [, record] = useMutation(RecordFollowUpOutcomeDocument);
  const offered = (contact: Contact) =>
    contact.availableActions.filter((action) => action in OUTCOME_OF).map((action) => OUTCOME_OF[action]);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {m.rpt.followUps}
      </Title>
      {plan.followUps.length === 0 ? (
        <Empty>{m.rpt.noFollowUps}</Empty>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={m.rpt.followUps}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{m.table.reference}</Table.Th>
                <Table.Th scope="col">{m.rpt.scheduled}</Table.Th>
                <Table.Th scope="col">{m.rpt.outcome}</Table.Th>
                <Table.Th scope="col">{m.rpt.recordOutcome}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.followUps.map((contact) => (
                <Table.Tr
                  key={contact.id}
                  id={`contact-${contact.id}`}
                  aria-current={contact.id === focusId ? 'true' : undefined}
                  bg={contact.id === focusId ? '#fff3bf' : undefined}
                >
                  <Table.Td>
                    {contact.reference}
                    <Text size="xs" c="dimmed">
                      {f(m.rpt.months, { n: String(contact.monthsAfterReturn) })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Day day={contact.scheduledOn} />
                    <div>
                      <Countdown iso={contact.dueAt} done={contact.status !== 'SCHEDULED'} />
                    </div>
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      size="sm"
                      tt="none"
                      variant={contact.status === 'MET' ? 'filled' : 'light'}
                      color={contact.status === 'MET' ? 'teal' : 'gray'}
                    >
                      {m.followUpStatus[contact.status]}
                    </Badge>
                    {contact.contactedOn && (
                      <Text size="xs">
                        {m.rpt.contacted}: <Day day={contact.contactedOn} />
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {offered(contact).length > 0 && (
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={`${m.rpt.recordOutcome}: ${contact.reference}`}
                        onClick={() => {
                          setOutcome(null);
                          setRecording(contact);
                        }}
                      >
                        {m.rpt.recordOutcome}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <ActionDialog
        opened={recording !== null}
        title={recording ? f(m.rpt.outcomeTitle, { reference: recording.reference }) : ''}
        reasonMode="none"
        onClose={() => setRecording(null)}
        onConflict={onChanged}
        onSubmit={async () => {
          if (!recording || !outcome) return {};
          const result = await record({
            input: {
              id: recording.id,
              victimId: plan.victimId,
              outcome,
              contactedOn: day,
              expectedVersion: recording.version,
            },
          });
          if (!result.error) onChanged();
          return result;
        }}
      >
        <Select
          label={m.rpt.outcomeLabel}
          required
          value={outcome}
          onChange={(value) => setOutcome(value as FollowUpOutcome | null)}
          data={(recording ? offered(recording) : []).map((value) => ({ value, label: m.followUpOutcome[value] }))}
          data-autofocus
        />
        <TextInput
          type="date"
          label={m.rpt.contactedOn}
          required
          value={day}
          onChange={(event) => setDay(event.currentTarget.value)}
        />
      </ActionDialog>
    </Paper>
  );
}
