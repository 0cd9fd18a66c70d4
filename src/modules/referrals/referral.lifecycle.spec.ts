import { describeLifecycle } from '@libs/testing/lifecycle-conformance';

import { ReferralAction as A, ReferralStatus as S } from './referral.enums';
import { REFERRAL_LIFECYCLE } from './referral.lifecycle';

/** The only legal (from, action) → to moves, written out independently of the table. */
describeLifecycle(REFERRAL_LIFECYCLE, [
  [S.PROPOSED, A.ACCEPT, S.ACCEPTED],
  [S.PROPOSED, A.DECLINE, S.DECLINED],
  [S.PROPOSED, A.EXPIRE, S.EXPIRED],
  [S.PROPOSED, A.WITHDRAW, S.WITHDRAWN],
  [S.ACCEPTED, A.WITHDRAW, S.WITHDRAWN],
  [S.ACCEPTED, A.START_SERVICE, S.IN_SERVICE],
  [S.IN_SERVICE, A.COMPLETE, S.COMPLETED],
  [S.IN_SERVICE, A.DISCONTINUE, S.DISCONTINUED],
]);
