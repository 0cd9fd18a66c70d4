import { Button, Group, MultiSelect, PasswordInput, Select, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useClient } from 'urql';

import {
  AdminUsersQuery,
  Locale,
  ResetUserPasswordDocument,
  Role,
  UnlockLoginDocument,
  UpdateUserDocument,
} from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { ActionDialog } from '@/modules/ui/action-dialog';

import { zoneOptions } from './zones';

type User = AdminUsersQuery['users']['edges'][number]['node'];

/** An account's name, roles, e-mail language and zone; a new password handed over in person; sign-in locks lifted. */
export function UserEditor({ user, onSaved }: { user: User; onSaved: () => void }) {
  const { m, f } = useI18n();
  const client = useClient();
  const [open, setOpen] = useState<'edit' | 'password' | 'unlock' | null>(null);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [locale, setLocale] = useState<Locale>(user.locale);
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const [password, setPassword] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setOpen(null);
  return (
    <>
      <Group gap={4} wrap="nowrap">
        <Button
          size="compact-xs"
          variant="default"
          onClick={() => {
            // The form opens on the account as it stands now (the list refreshes after every change).
            setDisplayName(user.displayName);
            setRoles(user.roles);
            setLocale(user.locale);
            setTimeZone(user.timeZone);
            setOpen('edit');
          }}
        >
          {m.adminEdit.edit}
          <VisuallyHidden> {user.email}</VisuallyHidden>
        </Button>
        <Button size="compact-xs" variant="default" onClick={() => setOpen('password')}>
          {m.adminEdit.resetPassword}
          <VisuallyHidden> {user.email}</VisuallyHidden>
        </Button>
        <Button size="compact-xs" variant="default" onClick={() => setOpen('unlock')}>
          {m.adminEdit.unlock}
          <VisuallyHidden> {user.email}</VisuallyHidden>
        </Button>
      </Group>
      {notice && (
        <Text span size="xs" role="status" display="block">
          {notice}
        </Text>
      )}
      <ActionDialog
        opened={open === 'edit'}
        title={`${m.adminEdit.editUser}: ${user.email}`}
        reasonMode="none"
        onClose={close}
        onSubmit={async () => {
          const outcome = await client
            .mutation(UpdateUserDocument, {
              input: { id: user.id, displayName: displayName.trim(), roles: roles as Role[], locale, timeZone },
            })
            .toPromise();
          if (!outcome.error) onSaved();
          return outcome;
        }}
      >
        <TextInput label={m.table.name} value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} />
        <MultiSelect
          label={m.table.role}
          value={roles}
          onChange={setRoles}
          data={Object.entries(m.role).map(([value, label]) => ({ value, label }))}
        />
        <Select
          label={m.adminEdit.emailLanguage}
          value={locale}
          allowDeselect={false}
          onChange={(value) => value && setLocale(value as Locale)}
          data={Object.entries(m.languages).map(([value, label]) => ({ value, label }))}
        />
        <Select
          label={m.table.timeZone}
          value={timeZone}
          allowDeselect={false}
          onChange={(value) => value && setTimeZone(value)}
          data={zoneOptions(user.timeZone)}
        />
      </ActionDialog>
      <ActionDialog
        opened={open === 'password'}
        title={`${m.adminEdit.resetPassword}: ${user.email}`}
        reasonMode="none"
        onClose={close}
        onSubmit={async () => {
          const outcome = await client
            .mutation(ResetUserPasswordDocument, { input: { userId: user.id, newPassword: password } })
            .toPromise();
          if (!outcome.error) {
            setPassword('');
            setNotice(f(m.adminEdit.passwordReset, { email: user.email }));
          }
          return outcome;
        }}
      >
        <PasswordInput
          label={m.profile.newPassword}
          description={m.profile.newPasswordHint}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
      </ActionDialog>
      <ActionDialog
        opened={open === 'unlock'}
        title={`${m.adminEdit.unlock}: ${user.email}`}
        reasonMode="none"
        onClose={close}
        onSubmit={async () => {
          const outcome = await client.mutation(UnlockLoginDocument, { input: { userId: user.id } }).toPromise();
          if (!outcome.error) setNotice(f(m.adminEdit.unlocked, { email: user.email }));
          return outcome;
        }}
      >
        {m.adminEdit.unlockNote}
      </ActionDialog>
    </>
  );
}
