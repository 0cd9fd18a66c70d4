import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useClient, useQuery } from 'urql';

import { errorMessage } from '@/app/graphql-errors';
import {
  ActivityType,
  FundingSource,
  MeetingAgenciesDocument,
  RecordActivityDocument,
  TargetGroup,
  TaskForceDuty,
  TaskPillar,
} from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { PageTitle } from '@/modules/ui/page';

type Count = number | string;
const SEX = ['female', 'male', 'notRecorded'] as const;
const AGE = ['under18', 'from18To24', 'from25To59', 'from60', 'notRecorded'] as const;

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
const count = (value: Count) => (value === '' ? undefined : Number(value));

/** Record an activity the user's agency organised; the breakdowns of the participants must add up (the API says which). */
export default function NewActivityPage() {
  const { m, locale } = useI18n();
  const client = useClient();
  const navigate = useNavigate();
  const [agencies] = useQuery({ query: MeetingAgenciesDocument });
  const [title, setTitle] = useState('');
  const [type, setType] = useState<ActivityType>('SOCIALISATION');
  const [pillar, setPillar] = useState<TaskPillar>('PREVENTION');
  const [duty, setDuty] = useState<TaskForceDuty | null>(null);
  const [targetGroup, setTargetGroup] = useState<TargetGroup>('COMMUNITIES');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [regionCode, setRegionCode] = useState('');
  const [country, setCountry] = useState('ID');
  const [place, setPlace] = useState('');
  const [online, setOnline] = useState(false);
  const [total, setTotal] = useState<Count>('');
  const [bySex, setBySex] = useState<Record<(typeof SEX)[number], Count>>({ female: '', male: '', notRecorded: '' });
  const [byAge, setByAge] = useState<Record<(typeof AGE)[number], Count>>({
    under18: '',
    from18To24: '',
    from25To59: '',
    from60: '',
    notRecorded: '',
  });
  const [materials, setMaterials] = useState('');
  const [supporting, setSupporting] = useState<string[]>([]);
  const [otherPartners, setOtherPartners] = useState('');
  const [cost, setCost] = useState<Count>('');
  const [funding, setFunding] = useState<FundingSource>('APBN');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const agencyOptions = (agencies.data?.agencies.edges ?? []).map(({ node }) => ({
    value: node.id,
    label: `${node.acronym} — ${locale === 'ID' ? node.nameId : node.nameEn}`,
  }));
  const anySex = SEX.some((key) => bySex[key] !== '');
  const anyAge = AGE.some((key) => byAge[key] !== '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim() || !startsOn) return setProblem(m.errors.required);
    setBusy(true);
    const outcome = await client
      .mutation(RecordActivityDocument, {
        input: {
          title: title.trim(),
          type,
          pillar,
          duty: duty ?? undefined,
          targetGroup,
          startsOn,
          endsOn: endsOn || undefined,
          regionCode: regionCode.trim() || undefined,
          country: country.trim().toUpperCase() || undefined,
          place: place.trim() || undefined,
          online,
          participants:
            total === ''
              ? undefined
              : {
                  total: Number(total),
                  bySex: anySex ? Object.fromEntries(SEX.map((key) => [key, count(bySex[key]) ?? 0])) : undefined,
                  byAgeBand: anyAge ? Object.fromEntries(AGE.map((key) => [key, count(byAge[key]) ?? 0])) : undefined,
                },
          materials: lines(materials),
          supportingAgencyIds: supporting,
          otherPartners: lines(otherPartners),
          costIdr: count(cost),
          fundingSource: funding,
        },
      })
      .toPromise();
    setBusy(false);
    // A refusal (e.g. "participants.bySex adds up to 180, not 211") keeps everything typed.
    if (outcome.error || !outcome.data)
      return setProblem(outcome.error ? errorMessage(outcome.error, m) : m.errors.network);
    navigate(`/activities/${outcome.data.recordActivity.id}`);
  };

  const numberField = (label: string, value: Count, set: (value: Count) => void) => (
    <NumberInput key={label} label={label} min={0} allowDecimal={false} value={value} onChange={set} />
  );

  return (
    <>
      <PageTitle title={m.activities.newTitle}>{m.activities.newTitle}</PageTitle>
      <Text mb="md">{m.activities.newIntro}</Text>
      <form onSubmit={submit} noValidate>
        <Stack maw={760}>
          <TextInput
            label={m.activities.titleLabel}
            required
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
          />
          <div className="form-row">
            <Select
              label={m.activities.type}
              value={type}
              allowDeselect={false}
              onChange={(value) => value && setType(value as ActivityType)}
              data={Object.entries(m.activityType).map(([value, label]) => ({ value, label }))}
            />
            <Select
              label={m.activities.pillar}
              value={pillar}
              allowDeselect={false}
              onChange={(value) => value && setPillar(value as TaskPillar)}
              data={Object.entries(m.pillar).map(([value, label]) => ({ value, label }))}
            />
          </div>
          <div className="form-row">
            <Select
              label={m.activities.duty}
              clearable
              value={duty}
              onChange={(value) => setDuty(value as TaskForceDuty | null)}
              data={Object.entries(m.duty).map(([value, label]) => ({ value, label }))}
            />
            <Select
              label={m.activities.targetGroup}
              value={targetGroup}
              allowDeselect={false}
              onChange={(value) => value && setTargetGroup(value as TargetGroup)}
              data={Object.entries(m.targetGroup).map(([value, label]) => ({ value, label }))}
            />
          </div>
          <div className="form-row">
            <TextInput
              type="date"
              label={m.activities.startsOn}
              required
              value={startsOn}
              onChange={(event) => setStartsOn(event.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={m.activities.endsOn}
              value={endsOn}
              onChange={(event) => setEndsOn(event.currentTarget.value)}
            />
          </div>
          <div className="form-row">
            <TextInput
              label={m.activities.regionCode}
              value={regionCode}
              onChange={(event) => setRegionCode(event.currentTarget.value)}
            />
            <TextInput
              label={m.activities.country}
              maxLength={2}
              value={country}
              onChange={(event) => setCountry(event.currentTarget.value)}
            />
            <TextInput
              label={m.activities.place}
              value={place}
              onChange={(event) => setPlace(event.currentTarget.value)}
            />
          </div>
          <Checkbox
            label={m.activities.online}
            checked={online}
            onChange={(event) => setOnline(event.currentTarget.checked)}
          />
          <Paper withBorder p="sm" role="group" aria-labelledby="participants-title">
            <Title order={2} size="h5" id="participants-title" mb="xs">
              {m.activities.participants}
            </Title>
            <Stack gap="xs">
              <NumberInput
                label={m.activities.total}
                min={0}
                allowDecimal={false}
                maw={240}
                value={total}
                onChange={setTotal}
              />
              <Text size="sm" fw={600}>
                {m.activities.bySex}
              </Text>
              <div className="form-row">
                {SEX.map((key) =>
                  numberField(`${m.activities[key]} (${m.activities.bySex.toLowerCase()})`, bySex[key], (value) =>
                    setBySex((current) => ({ ...current, [key]: value })),
                  ),
                )}
              </div>
              <Text size="sm" fw={600}>
                {m.activities.byAgeBand}
              </Text>
              <div className="form-row">
                {AGE.map((key) =>
                  numberField(`${m.activities[key]} (${m.activities.byAgeBand.toLowerCase()})`, byAge[key], (value) =>
                    setByAge((current) => ({ ...current, [key]: value })),
                  ),
                )}
              </div>
            </Stack>
          </Paper>
          <Textarea
            label={m.activities.materials}
            description={m.activities.materialsHint}
            autosize
            minRows={2}
            value={materials}
            onChange={(event) => setMaterials(event.currentTarget.value)}
          />
          <MultiSelect
            label={m.activities.partners}
            searchable
            value={supporting}
            onChange={setSupporting}
            data={agencyOptions}
          />
          <Textarea
            label={m.activities.otherPartners}
            description={m.activities.materialsHint}
            autosize
            minRows={1}
            value={otherPartners}
            onChange={(event) => setOtherPartners(event.currentTarget.value)}
          />
          <div className="form-row">
            <NumberInput
              label={m.activities.costIdr}
              min={0}
              value={cost}
              onChange={setCost}
              thousandSeparator="."
              decimalSeparator=","
            />
            <Select
              label={m.activities.funding}
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
              {m.activities.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
