import { Button, Group, Select, TextInput, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useClient } from 'urql';

import { AdminAgenciesQuery, DeactivateAgencyDocument, UpdateAgencyDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { ActionDialog } from '@/modules/ui/action-dialog';

import { zoneOptions } from './zones';

type Agency = AdminAgenciesQuery['agencies']['edges'][number]['node'];

/** Edit an agency's names, acronym and time zone (a changed zone moves only deadlines set from now on), or deactivate it. */
export function AgencyEditor({ agency, onSaved }: { agency: Agency; onSaved: () => void }) {
  const { m } = useI18n();
  const client = useClient();
  const [editing, setEditing] = useState(false);
  const [deactivating, setDeactivating] = useState(false);
  const [acronym, setAcronym] = useState(agency.acronym);
  const [nameId, setNameId] = useState(agency.nameId);
  const [nameEn, setNameEn] = useState(agency.nameEn);
  const [timeZone, setTimeZone] = useState(agency.timeZone);
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="compact-xs"
        variant="default"
        onClick={() => {
          setAcronym(agency.acronym);
          setNameId(agency.nameId);
          setNameEn(agency.nameEn);
          setTimeZone(agency.timeZone);
          setEditing(true);
        }}
      >
        {m.adminEdit.edit}
        <VisuallyHidden> {agency.acronym}</VisuallyHidden>
      </Button>
      {agency.active && (
        <Button size="compact-xs" variant="default" onClick={() => setDeactivating(true)}>
          {m.admin.deactivate}
          <VisuallyHidden> {agency.acronym}</VisuallyHidden>
        </Button>
      )}
      <ActionDialog
        opened={editing}
        title={`${m.adminEdit.editAgency}: ${agency.acronym}`}
        reasonMode="none"
        onClose={() => setEditing(false)}
        onConflict={onSaved}
        onSubmit={async () => {
          const outcome = await client
            .mutation(UpdateAgencyDocument, {
              input: {
                id: agency.id,
                expectedVersion: agency.version,
                acronym: acronym.trim(),
                nameId: nameId.trim(),
                nameEn: nameEn.trim(),
                timeZone,
              },
            })
            .toPromise();
          if (!outcome.error) onSaved();
          return outcome;
        }}
      >
        <TextInput label={m.adminEdit.acronym} value={acronym} onChange={(e) => setAcronym(e.currentTarget.value)} />
        <TextInput label={m.adminEdit.nameId} value={nameId} onChange={(e) => setNameId(e.currentTarget.value)} />
        <TextInput label={m.adminEdit.nameEn} value={nameEn} onChange={(e) => setNameEn(e.currentTarget.value)} />
        <Select
          label={m.table.timeZone}
          description={m.adminEdit.zoneNote}
          value={timeZone}
          allowDeselect={false}
          onChange={(value) => value && setTimeZone(value)}
          data={zoneOptions(agency.timeZone)}
        />
      </ActionDialog>
      <ActionDialog
        opened={deactivating}
        title={`${m.admin.deactivate}: ${agency.acronym}`}
        reasonMode="required"
        onClose={() => setDeactivating(false)}
        onSubmit={async (reason) => {
          const outcome = await client
            .mutation(DeactivateAgencyDocument, { input: { id: agency.id, reason } })
            .toPromise();
          if (!outcome.error) onSaved();
          return outcome;
        }}
      />
    </Group>
  );
}
