import { Navigate, useParams } from 'react-router';
import { useQuery } from 'urql';

import { FollowUpContactLookupDocument, RepatriationMilestoneLookupDocument } from '@/gql/graphql';
import { NotAvailable, QueryState } from '@/modules/ui/page';

/**
 * `/repatriation-milestones/<id>` (the links reminders and digests send): the milestone's operation, marked at its
 * row. The API answers milestones only with their operations, so the operation is found among those the user may
 * see; one the user may not see is "not available", as anything else is.
 */
export function MilestoneLinkPage() {
  const { id = '' } = useParams();
  const [result] = useQuery({ query: RepatriationMilestoneLookupDocument });
  return (
    <QueryState result={result}>
      {(data) => {
        const operation = data.repatriationOperations.edges.find(({ node }) =>
          node.milestones.some((milestone) => milestone.id === id),
        );
        return operation ? (
          <Navigate to={`/repatriation-operations/${operation.node.id}?milestone=${id}`} replace />
        ) : (
          <NotAvailable />
        );
      }}
    </QueryState>
  );
}

/** `/follow-up-contacts/<id>`: the contact's reintegration plan, marked at its row. */
export function FollowUpLinkPage() {
  const { id = '' } = useParams();
  const [result] = useQuery({ query: FollowUpContactLookupDocument });
  return (
    <QueryState result={result}>
      {(data) => {
        const contact = data.followUpContacts.edges.find(({ node }) => node.id === id);
        return contact ? (
          <Navigate to={`/reintegration-plans/${contact.node.planId}?contact=${id}`} replace />
        ) : (
          <NotAvailable />
        );
      }}
    </QueryState>
  );
}
