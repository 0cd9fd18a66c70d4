import { QueryFailedError } from 'typeorm';

import { MalformedJobError } from './job-errors';
import { isTransientFailure, TransientDeliveryError } from './job-failures';

const smtp = (responseCode: number | undefined, code: string, message = 'Mail command failed') =>
  Object.assign(new Error(message), { responseCode, code });
const pg = (code: string | undefined, message: string) =>
  new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), code ? { code } : {}));

describe('which job failures pass by themselves', () => {
  it('retries what an outage causes: PostgreSQL, Redis or the mail server away or busy', () => {
    const transient = [
      pg('57P01', 'terminating connection due to administrator command'),
      pg('57P03', 'the database system is starting up'),
      pg('40001', 'could not serialize access due to concurrent update'),
      pg('40P01', 'deadlock detected'),
      pg('08006', 'connection failure'),
      pg(undefined, 'Connection terminated unexpectedly'),
      new Error(
        'Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore.',
      ),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('Connection is closed.'),
      smtp(451, 'EENVELOPE', '451 4.3.0 Mail server temporarily unavailable'),
      smtp(421, 'EPROTOCOL'),
      smtp(undefined, 'ESOCKET', 'connect ECONNREFUSED 127.0.0.1:2525'),
      smtp(undefined, 'ECONNECTION', 'Connection closed unexpectedly'),
      smtp(undefined, 'ETIMEDOUT', 'Greeting never received'),
      new TransientDeliveryError('the lease ran out'),
    ];
    expect(transient.map((error) => [error.message, isTransientFailure(error)])).toEqual(
      transient.map((error) => [error.message, true]),
    );
  });

  it('fails at once what retrying cannot mend: a refused recipient or message, a malformed payload, a bug', () => {
    const permanent = [
      smtp(550, 'EENVELOPE', "Can't send mail - all recipients were rejected: 550 5.1.1 Mailbox unavailable"),
      smtp(554, 'EMESSAGE', 'Message failed: 554 5.6.0 Message rejected'),
      smtp(undefined, 'EENVELOPE', 'No recipients defined'),
      new MalformedJobError('notification.email', 'notificationId must be a uuid'),
      pg('23502', 'null value in column "reference" violates not-null constraint'),
      new TypeError("Cannot read properties of undefined (reading 'subject')"),
      'a string thrown by mistake',
    ];
    expect(permanent.map((error) => isTransientFailure(error))).toEqual(permanent.map(() => false));
  });
});
