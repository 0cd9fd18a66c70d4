import { TextInput } from '@mantine/core';

/**
 * A date and time, typed or picked with the browser's own control (Mantine's TextInput with the native
 * datetime-local type): keyboard- and screen-reader-friendly on every device, nothing extra to download. The value
 * is read in the browser's zone and sent as an instant; every display of it shows the zone (modules/ui/time.tsx).
 */
export function DateTimeField({
  label,
  value,
  onChange,
  required,
  min,
  max,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  min?: Date;
  max?: Date;
}) {
  const local = (date?: Date) =>
    date ? new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16) : undefined;
  return (
    <TextInput
      type="datetime-local"
      label={label}
      required={required}
      value={value}
      min={local(min)}
      max={local(max)}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

/** The instant a datetime-local value names (in the browser's zone), or undefined when empty. */
export function instantOf(value: string): string | undefined {
  return value ? new Date(value).toISOString() : undefined;
}
