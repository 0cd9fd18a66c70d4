import { Anchor, Badge, Table, Tabs } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';

import { ReferralQueue, ReferralRowFragment, ReferralsDocument } from '@/gql/graphql';
import { useI18n } from '@/i18n/i18n';
import { Empty, PageTitle, QueryState } from '@/modules/ui/page';
import { Countdown, Instant } from '@/modules/ui/time';

/** Referrals awaiting our answer (most pressing first), received and sent, with respond-by countdowns. */
export default function ReferralsPage() {
  const { m } = useI18n();
  const [queue, setQueue] = useState<ReferralQueue>('AWAITING_MY_ANSWER');
  const [result, retry] = useQuery({ query: ReferralsDocument, variables: { queue } });
  return (
    <>
      <PageTitle title={m.referrals.title}>{m.referrals.title}</PageTitle>
      <Tabs value={queue} onChange={(value) => value && setQueue(value as ReferralQueue)} mb="md">
        <Tabs.List>
          <Tabs.Tab value="AWAITING_MY_ANSWER">{m.referrals.awaiting}</Tabs.Tab>
          <Tabs.Tab value="RECEIVED_BY_MY_AGENCY">{m.referrals.received}</Tabs.Tab>
          <Tabs.Tab value="SENT_BY_MY_AGENCY">{m.referrals.sent}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <QueryState result={result} retry={() => retry({ requestPolicy: 'network-only' })}>
        {(data) =>
          data.referrals.edges.length === 0 ? (
            <Empty>{m.referrals.none}</Empty>
          ) : (
            <ReferralTable referrals={data.referrals.edges.map(({ node }) => node)} />
          )
        }
      </QueryState>
    </>
  );
}

export function ReferralTable({ referrals }: { referrals: ReferralRowFragment[] }) {
  const { m } = useI18n();
  return (
    <div className="table-scroll" tabIndex={0}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{m.table.reference}</Table.Th>
            <Table.Th scope="col">{m.table.person}</Table.Th>
            <Table.Th scope="col">{m.table.service}</Table.Th>
            <Table.Th scope="col">{m.table.status}</Table.Th>
            <Table.Th scope="col">{m.table.respondBy}</Table.Th>
            <Table.Th scope="col">{m.table.from}</Table.Th>
            <Table.Th scope="col">{m.table.to}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {referrals.map((referral) => (
            <Table.Tr key={referral.id}>
              <Table.Td>
                <Anchor component={Link} to={`/referrals/${referral.id}`}>
                  {referral.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>{referral.victim?.code ?? '—'}</Table.Td>
              <Table.Td>{m.service[referral.service]}</Table.Td>
              <Table.Td>
                <Badge variant="light" tt="none">
                  {m.referralStatus[referral.status]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Instant iso={referral.respondBy} zone={referral.recipientAgency.timeZone} />
                <div>
                  <Countdown iso={referral.respondBy} done={referral.status !== 'PROPOSED'} />
                </div>
              </Table.Td>
              <Table.Td>{referral.fromAgency.acronym}</Table.Td>
              <Table.Td>{referral.recipientAgency.acronym}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
