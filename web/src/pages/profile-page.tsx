import { Alert, Button, Paper, PasswordInput, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useQuery } from 'urql';

import { changePassword, SessionError } from '@/app/session';
import { useSession } from '@/app/session-context';
import { MeDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { PageTitle, QueryState } from '@/modules/ui/page';

export default function ProfilePage() {
  const { m, f } = useI18n();
  const { session, setSession, locale, setLocale } = useSession();
  const [result, retry] = useQuery({ query: MeDocument });
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    try {
      const renewed = await changePassword(session.csrfToken, current, next);
      setCurrent('');
      setNext('');
      setProblem(null);
      setDone(true);
      setSession(renewed);
    } catch (error) {
      setProblem(error instanceof SessionError ? error.message : m.errors.network);
    }
  };

  return (
    <>
      <PageTitle title={m.profile.title}>{m.profile.title}</PageTitle>
      <QueryState result={result} retry={() => retry({ requestPolicy: 'network-only' })}>
        {({ me }) => (
          <Stack maw={560}>
            <Paper withBorder p="md">
              <Stack gap="xs">
                <Text size="sm">
                  <b>{m.profile.name}:</b> {me.displayName} ({me.email})
                </Text>
                <Text size="sm">
                  <b>{m.profile.agency}:</b> {me.agency.acronym} —{' '}
                  {locale === 'ID' ? me.agency.nameId : me.agency.nameEn}
                </Text>
                <Text size="sm">
                  <b>{m.profile.roles}:</b> {me.roles.map((role) => m.role[role]).join(', ')}
                </Text>
                <Text size="sm">
                  <b>{m.profile.timeZone}:</b> {me.timeZone}
                </Text>
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs" id="language-title">
                {m.profile.language}
              </Title>
              <SegmentedControl
                aria-labelledby="language-title"
                value={locale}
                onChange={(value) => setLocale(value === 'EN' ? 'EN' : 'ID')}
                data={[
                  { value: 'ID', label: m.languages.ID },
                  { value: 'EN', label: m.languages.EN },
                ]}
              />
              <Text size="xs" c="dimmed" mt="xs">
                {f(m.profile.languageNote, { locale: m.languages[me.locale] })}
              </Text>
            </Paper>
            <Paper withBorder p="md">
              <form onSubmit={submit}>
                <Stack>
                  <Title order={2} size="h4">
                    {m.profile.password}
                  </Title>
                  <PasswordInput
                    label={m.profile.currentPassword}
                    autoComplete="current-password"
                    required
                    value={current}
                    onChange={(event) => setCurrent(event.currentTarget.value)}
                  />
                  <PasswordInput
                    label={m.profile.newPassword}
                    description={m.profile.newPasswordHint}
                    autoComplete="new-password"
                    required
                    value={next}
                    onChange={(event) => setNext(event.currentTarget.value)}
                  />
                  {problem && (
                    <Alert color="red" role="alert">
                      {problem}
                    </Alert>
                  )}
                  {done && (
                    <Alert color="green" role="status">
                      {m.profile.passwordChanged}
                    </Alert>
                  )}
                  <div>
                    <Button type="submit">{m.profile.password}</Button>
                  </div>
                </Stack>
              </form>
            </Paper>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
