import { createParamDecorator, ExecutionContext } from '@nestjs/common';

import { RequestException } from '@app/kernel/domain.exception';
import { requestHolder } from '@app/graphql/graphql-context';

import { Actor } from './actor';

/** The authenticated actor of the request; only valid on operations that are not @Public(). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const { holder } = requestHolder(context);
  if (!holder.actor) throw RequestException.unauthenticated();
  return holder.actor;
});
