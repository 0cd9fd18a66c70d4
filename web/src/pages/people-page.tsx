import { Anchor, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';

import { PeopleDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { Empty, PageTitle, QueryState } from '@/modules/ui/page';

/** People by pseudonymous code: no name is searched, shown or put in an address here. */
export default function PeoplePage() {
  const { m } = useI18n();
  const [typed, setTyped] = useState('');
  const [code, setCode] = useState<string | undefined>(undefined);
  const [result, retry] = useQuery({ query: PeopleDocument, variables: { code } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCode(typed.trim() || undefined);
  };
  return (
    <>
      <PageTitle title={m.people.title}>{m.people.title}</PageTitle>
      <Text mb="sm">{m.people.intro}</Text>
      <form onSubmit={submit}>
        <Group align="flex-end" mb="md">
          <TextInput
            label={m.people.codeSearch}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
          />
          <Button type="submit">{m.app.search}</Button>
        </Group>
      </form>
      <QueryState result={result} retry={() => retry({ requestPolicy: 'network-only' })}>
        {(data) =>
          data.victims.edges.length === 0 ? (
            <Empty>{m.people.none}</Empty>
          ) : (
            <div className="table-scroll" tabIndex={0}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{m.table.code}</Table.Th>
                    <Table.Th scope="col">{m.people.sex}</Table.Th>
                    <Table.Th scope="col">{m.people.ageBand}</Table.Th>
                    <Table.Th scope="col">{m.people.protection}</Table.Th>
                    <Table.Th scope="col">{m.people.owner}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.victims.edges.map(({ node }) => (
                    <Table.Tr key={node.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/people/${node.id}`}>
                          {node.code}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{m.sex[node.sex]}</Table.Td>
                      <Table.Td>{m.ageBand[node.ageBand]}</Table.Td>
                      <Table.Td>{m.protection[node.protectionStatus]}</Table.Td>
                      <Table.Td>{node.owningAgency.acronym}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          )
        }
      </QueryState>
    </>
  );
}
