import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useClient, useQuery } from 'urql';

import { errorMessage } from '@/app/graphql-errors';
import {
  FundingSource,
  MeetingAgenciesDocument,
  MeetingType,
  MeetingUnitsDocument,
  ScheduleMeetingDocument,
} from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { PageTitle } from '@/modules/ui/page';

/** The zones meetings are held in: Indonesia's three, Cambodia's and Malaysia's. */
const ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'Asia/Phnom_Penh', 'Asia/Kuala_Lumpur'];

/** Convene a meeting of a unit: date and times in the unit's zone (or another), place, agenda, invitations. */
export default function NewMeetingPage() {
  const { m, locale } = useI18n();
  const client = useClient();
  const navigate = useNavigate();
  const [units] = useQuery({ query: MeetingUnitsDocument });
  const [agencies] = useQuery({ query: MeetingAgenciesDocument });
  const [unitId, setUnitId] = useState<string | null>(null);
  const [type, setType] = useState<MeetingType>('COORDINATION');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [startTime, setStartTime] = useState('');
  const [endTime, setEndTime] = useState('');
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [place, setPlace] = useState('');
  const [online, setOnline] = useState(false);
  const [agenda, setAgenda] = useState('');
  const [invited, setInvited] = useState<string[]>([]);
  const [cost, setCost] = useState<number | string>('');
  const [funding, setFunding] = useState<FundingSource>('APBN');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unitOptions = (units.data?.taskForceUnits.edges ?? []).map(({ node }) => ({
    value: node.id,
    label: `${node.code} — ${locale === 'ID' ? node.nameId : node.nameEn} (${node.timeZone})`,
  }));
  const agencyOptions = (agencies.data?.agencies.edges ?? []).map(({ node }) => ({
    value: node.id,
    label: `${node.acronym} — ${locale === 'ID' ? node.nameId : node.nameEn}`,
  }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!unitId || !title.trim() || !date || !startTime) return setProblem(m.errors.required);
    setBusy(true);
    const outcome = await client
      .mutation(ScheduleMeetingDocument, {
        input: {
          unitId,
          type,
          title: title.trim(),
          date,
          startTime,
          endTime: endTime || undefined,
          timeZone: timeZone ?? undefined,
          place: place.trim() || undefined,
          online,
          agenda: agenda
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
          invitedAgencyIds: invited,
          costIdr: cost === '' ? undefined : Number(cost),
          fundingSource: funding,
        },
      })
      .toPromise();
    setBusy(false);
    // What was typed stays in the form on a refusal.
    if (outcome.error || !outcome.data)
      return setProblem(outcome.error ? errorMessage(outcome.error, m) : m.errors.network);
    navigate(`/meetings/${outcome.data.scheduleMeeting.id}`);
  };

  return (
    <>
      <PageTitle title={m.meetings.newTitle}>{m.meetings.newTitle}</PageTitle>
      <Text mb="md">{m.meetings.newIntro}</Text>
      <form onSubmit={submit} noValidate>
        <Stack maw={720}>
          <Select label={m.meetings.unit} required searchable value={unitId} onChange={setUnitId} data={unitOptions} />
          <div className="form-row">
            <Select
              label={m.meetings.type}
              value={type}
              allowDeselect={false}
              onChange={(value) => value && setType(value as MeetingType)}
              data={Object.entries(m.meetingType).map(([value, label]) => ({ value, label }))}
            />
            <Select label={m.meetings.timeZone} clearable value={timeZone} onChange={setTimeZone} data={ZONES} />
          </div>
          <TextInput
            label={m.meetings.titleLabel}
            required
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
          />
          <div className="form-row">
            <TextInput
              type="date"
              label={m.meetings.date}
              required
              value={date}
              onChange={(event) => setDate(event.currentTarget.value)}
            />
            <TextInput
              type="time"
              label={m.meetings.startTime}
              required
              value={startTime}
              onChange={(event) => setStartTime(event.currentTarget.value)}
            />
            <TextInput
              type="time"
              label={m.meetings.endTime}
              value={endTime}
              onChange={(event) => setEndTime(event.currentTarget.value)}
            />
          </div>
          <TextInput label={m.meetings.place} value={place} onChange={(event) => setPlace(event.currentTarget.value)} />
          <Checkbox
            label={m.meetings.online}
            checked={online}
            onChange={(event) => setOnline(event.currentTarget.checked)}
          />
          <Textarea
            label={m.meetings.agenda}
            description={m.meetings.agendaHint}
            autosize
            minRows={3}
            value={agenda}
            onChange={(event) => setAgenda(event.currentTarget.value)}
          />
          <MultiSelect
            label={m.meetings.invited}
            searchable
            value={invited}
            onChange={setInvited}
            data={agencyOptions}
          />
          <div className="form-row">
            <NumberInput
              label={m.meetings.costIdr}
              min={0}
              value={cost}
              onChange={setCost}
              thousandSeparator="."
              decimalSeparator=","
            />
            <Select
              label={m.meetings.funding}
              value={funding}
              allowDeselect={false}
              onChange={(value) => value && setFunding(value as FundingSource)}
              data={Object.entries(m.fundingSource).map(([value, label]) => ({ value, label }))}
            />
          </div>
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={busy}>
              {m.meetings.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
