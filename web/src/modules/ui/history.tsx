import { Text } from '@mantine/core';

import { labelOf, useI18n } from '@/i18n/i18n';

import { Instant } from './time';

interface HistoryEntry {
  id: string;
  kind: string;
  action?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  occurredAt: string;
}

/** A work item's history, oldest first: what happened, the move between statuses, and the reason given. */
export function History({
  entries,
  statusLabels,
  actionLabels,
}: {
  entries: readonly HistoryEntry[];
  statusLabels: Record<string, string>;
  actionLabels: Record<string, string>;
}) {
  const { m } = useI18n();
  return (
    <ol className="history-list">
      {entries.map((entry) => (
        <li key={entry.id}>
          <Text size="sm" fw={600} span>
            {entry.action ? labelOf(actionLabels, entry.action) : labelOf(m.historyKind, entry.kind)}
          </Text>
          {entry.fromStatus && entry.toStatus && (
            <Text size="sm" span>
              {' '}
              ({labelOf(statusLabels, entry.fromStatus)} → {labelOf(statusLabels, entry.toStatus)})
            </Text>
          )}
          <Text size="xs" c="dimmed">
            <Instant iso={entry.occurredAt} />
          </Text>
          {entry.reason && <Text size="sm">“{entry.reason}”</Text>}
        </li>
      ))}
    </ol>
  );
}
