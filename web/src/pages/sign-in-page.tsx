import { Alert, Button, Paper, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { FormEvent, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

import { Session, SessionError, signIn } from '@/app/session';
import { safeNext } from '@/app/App';
import { Locale, useI18n } from '@/i18n/i18n';

/** Sign-in: after it the user lands where the link they followed pointed (`?next=`), else on their home screen. */
export function SignInPage({
  onSignedIn,
  locale,
  setLocale,
}: {
  onSignedIn: (session: Session) => void;
  locale: Locale;
  setLocale: (locale: Locale) => void;
}) {
  const { m } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const params = new URLSearchParams(location.search);
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = `${m.signIn.title} · Simpul`;
  }, [m]);

  const notice = params.get('expired')
    ? m.signIn.expired
    : params.get('signedOut')
      ? m.signIn.signedOut
      : next
        ? m.signIn.afterLink
        : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const session = await signIn(email.trim(), password);
      setPassword('');
      onSignedIn(session);
      navigate(next ?? '/', { replace: true });
    } catch (error) {
      // Keep the e-mail typed; say what to do.
      setProblem(error instanceof SessionError && error.code !== 'UNKNOWN' ? m.signIn.failed : m.errors.network);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <Paper withBorder p="lg">
        <form onSubmit={submit}>
          <Stack>
            <Title order={1} size="h2">
              {m.signIn.title}
            </Title>
            <SegmentedControl
              size="xs"
              aria-label={m.app.language}
              value={locale}
              onChange={(value) => setLocale(value === 'EN' ? 'EN' : 'ID')}
              data={[
                { value: 'ID', label: m.languages.ID },
                { value: 'EN', label: m.languages.EN },
              ]}
            />
            {notice && (
              <Alert color="blue" role="status">
                {notice}
              </Alert>
            )}
            <TextInput
              label={m.signIn.email}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <PasswordInput
              label={m.signIn.password}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            {problem && (
              <Alert color="red" role="alert">
                {problem}
              </Alert>
            )}
            <Button type="submit" loading={busy}>
              {m.signIn.submit}
            </Button>
            <Text size="xs" c="dimmed">
              {m.signIn.sharedComputer}
            </Text>
          </Stack>
        </form>
      </Paper>
    </main>
  );
}
