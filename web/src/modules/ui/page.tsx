import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { ReactNode, useEffect } from 'react';
import { Link } from 'react-router';

import { errorKind, errorMessage } from '@/app/graphql-errors';
import { useI18n } from '@/i18n/i18n';

/** The page's heading and the browser title (reference codes only, never a person's identity). */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  useEffect(() => {
    document.title = `${title} · Simpul`;
  }, [title]);
  return (
    <Title order={1} size="h2" mb="sm">
      {children}
    </Title>
  );
}

export function Loading() {
  const { m } = useI18n();
  return (
    <Center py="xl" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <Text ml="sm">{m.app.loading}</Text>
    </Center>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" py="md">
      {children}
    </Text>
  );
}

/** "Not available to you": the same for an item that does not exist and one the user may not see. */
export function NotAvailable() {
  const { m } = useI18n();
  useEffect(() => {
    document.title = `${m.notAvailable.title} · Simpul`;
  }, [m]);
  return (
    <Stack maw={640} py="lg">
      <Title order={1} size="h2">
        {m.notAvailable.title}
      </Title>
      <Text>{m.notAvailable.body}</Text>
      <div>
        <Button component={Link} to="/">
          {m.notAvailable.home}
        </Button>
      </div>
    </Stack>
  );
}

export function ErrorNotice({ error, onRetry }: { error: CombinedError; onRetry?: () => void }) {
  const { m } = useI18n();
  return (
    <Alert color="red" role="alert" my="sm">
      <Text size="sm">{errorMessage(error, m)}</Text>
      {onRetry && (
        <Button mt="xs" size="xs" variant="light" onClick={onRetry}>
          {m.app.retry}
        </Button>
      )}
    </Alert>
  );
}

/** Loading, "not available", an error or the content, for one query's result. */
export function QueryState<T>({
  result,
  retry,
  children,
}: {
  result: { data?: T; fetching: boolean; error?: CombinedError };
  retry?: () => void;
  children: (data: T) => ReactNode;
}) {
  const kind = errorKind(result.error);
  if (kind === 'NOT_FOUND' || kind === 'FORBIDDEN') return <NotAvailable />;
  if (result.data) return <>{children(result.data)}</>;
  if (result.error) return <ErrorNotice error={result.error} onRetry={retry} />;
  return <Loading />;
}
