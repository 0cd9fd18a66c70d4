import { Navigate, useParams } from 'react-router';
import { useQuery } from 'urql';

import { FollowUpContactLookupDocument, RepatriationMilestoneLookupDocument } from '@/gql/graphql';
import { QueryState } from '@/modules/ui/page';

/**
 * `/repatriation-milestones/<id>` (the links reminders and digests send): the milestone's operation, marked at its
 * row. A milestone the user may not see is "not available", as anything else is (the API answers NOT_FOUND).
 */
export function MilestoneLinkPage() {
  const { id = '' } = useParams();
  const [result] = useQuery({ query: RepatriationMilestoneLookupDocument, variables: { id } });
  return (
    <QueryState result={result}>
      {(data) => (
        <Navigate to={`/repatriation-operations/${data.repatriationMilestone.operationId}?milestone=${id}`} replace />
      )}
    </QueryState>
  );
}

/** `/follow-up-contacts/<id>`: the contact's reintegration plan, marked at its row. */
export function FollowUpLinkPage() {
  const { id = '' } = useParams();
  const [result] = useQuery({ query: FollowUpContactLookupDocument, variables: { id } });
  return (
    <QueryState result={result}>
      {(data) => <Navigate to={`/reintegration-plans/${data.followUpContact.planId}?contact=${id}`} replace />}
    </QueryState>
  );
}
