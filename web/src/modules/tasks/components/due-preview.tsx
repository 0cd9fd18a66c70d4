import { Text } from '@mantine/core';
import { useQuery } from 'urql';

import { errorMessage } from '@/app/graphql-errors';
import { TaskDuePreviewDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { Instant } from '@/modules/ui/time';

/**
 * "Due 20 Aug 2026, 10.00 WIB": the date the server would set for so many working days in the assignee's calendar
 * (the console does no date arithmetic of its own), with the days off it steps over.
 */
export function DuePreview({ agencyId, workingDays }: { agencyId: string | null; workingDays: number | string }) {
  const { m, f } = useI18n();
  const days = Number(workingDays);
  const valid = agencyId !== null && Number.isInteger(days) && days >= 1 && days <= 250;
  const [result] = useQuery({
    query: TaskDuePreviewDocument,
    variables: { assigneeAgencyId: agencyId ?? '', workingDays: valid ? days : 1 },
    pause: !valid,
    requestPolicy: 'network-only',
  });
  if (!valid) return null;
  const preview = result.data?.taskDuePreview;
  if (result.fetching && !preview) {
    return (
      <Text size="sm" c="dimmed" aria-live="polite">
        {m.duePreview.counting}
      </Text>
    );
  }
  if (result.error && !preview) {
    // E.g. an inactive agency: the same words createTask would answer with, before the form is sent.
    return (
      <Text size="sm" c="red" role="alert">
        {errorMessage(result.error, m)}
      </Text>
    );
  }
  if (!preview) return null;
  return (
    <div aria-live="polite">
      <Text size="sm">
        <b>{m.duePreview.due}</b> <Instant iso={preview.dueAt} zone={preview.timeZone} />
      </Text>
      <Text size="xs" c="dimmed">
        {f(m.duePreview.counted, { days: preview.workingDays, zone: preview.timeZone, country: preview.country })}
        {preview.daysOff.length > 0 && ` ${f(m.duePreview.skipped, { n: preview.daysOff.length })}`}
        {preview.holidays.length > 0 &&
          ` ${f(m.duePreview.holidays, { names: preview.holidays.map((holiday) => `${holiday.name} (${holiday.date})`).join(', ') })}`}
      </Text>
    </div>
  );
}
