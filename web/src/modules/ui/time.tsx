import { Badge, Text } from '@mantine/core';

import { formatDay, formatDistance, formatInstant, otherZoneTime } from '@/app/format';
import { useSession } from '@/app/session-context';
import { useI18n } from '@/i18n/i18n';

/** An instant in the reader's zone (zone shown), and in the responsible party's zone when its clock differs. */
export function Instant({ iso, zone }: { iso: string | null | undefined; zone?: string }) {
  const { tag, m, f } = useI18n();
  const { session } = useSession();
  const mine = session.user.timeZone;
  if (!iso) return <>—</>;
  const other = otherZoneTime(iso, tag, mine, zone);
  return (
    <span>
      <time dateTime={iso}>{formatInstant(iso, tag, mine)}</time>
      {other && (
        <Text span size="xs" c="dimmed" display="block">
          {f(m.time.responsibleZone, { time: other })}
        </Text>
      )}
    </span>
  );
}

/** "overdue by 2 days" in red, or "in 5 hours", from the deadline and now. */
export function Countdown({ iso, done }: { iso: string | null | undefined; done?: boolean }) {
  const { tag, m, f } = useI18n();
  if (!iso || done) return null;
  const left = new Date(iso).getTime() - Date.now();
  const text = f(left < 0 ? m.time.overdueBy : m.time.dueIn, { duration: formatDistance(left, tag) });
  return (
    <Badge color={left < 0 ? 'red' : left < 86400000 ? 'orange' : 'gray'} variant="light" tt="none">
      {text}
    </Badge>
  );
}

/** A calendar day (YYYY-MM-DD) in the reader's way of writing dates, machine-readable underneath. */
export function Day({ day }: { day: string | null | undefined }) {
  const { tag } = useI18n();
  if (!day) return <>—</>;
  return <time dateTime={day}>{formatDay(day, tag)}</time>;
}
