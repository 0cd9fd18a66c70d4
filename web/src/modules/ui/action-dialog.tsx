import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { FormEvent, ReactNode, useState } from 'react';

import { errorKind, errorMessage } from '@/app/graphql-errors';
import { useI18n } from '@/i18n/i18n';

export type ReasonMode = 'required' | 'optional' | 'none';

/**
 * Confirms one action, asking for a reason where the lifecycle requires one. A failed submit keeps what was typed
 * and says why in the user's language; a version conflict reloads the item (onConflict) and says so.
 */
export function ActionDialog({
  opened,
  title,
  reasonMode,
  reasonLabel,
  onClose,
  onSubmit,
  onConflict,
  children,
}: {
  opened: boolean;
  title: string;
  reasonMode: ReasonMode;
  reasonLabel?: string;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<{ error?: CombinedError }>;
  onConflict?: () => void;
  children?: ReactNode;
}) {
  const { m } = useI18n();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reasonMode === 'required' && !reason.trim()) {
      setProblem(m.errors.reasonRequired);
      return;
    }
    setBusy(true);
    const result = await onSubmit(reason.trim());
    setBusy(false);
    if (result.error) {
      setProblem(errorMessage(result.error, m));
      if (errorKind(result.error) === 'CONFLICT') onConflict?.();
      return;
    }
    setReason('');
    setProblem(null);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {children}
          {reasonMode !== 'none' && (
            <Textarea
              label={reasonLabel ?? (reasonMode === 'required' ? m.task.reason : m.task.note)}
              required={reasonMode === 'required'}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              autosize
              minRows={3}
              data-autofocus
            />
          )}
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {m.app.cancel}
            </Button>
            <Button type="submit" loading={busy}>
              {m.app.confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
