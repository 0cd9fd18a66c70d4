import { applyDecorators, SetMetadata } from '@nestjs/common';

import { Role } from '@app/kernel/role.enum';

export const ACCESS_METADATA = 'simpul:access';

export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

/** Anyone may call this, logged in or not (login, health). */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);

/** Any logged-in user may call this; record-level checks still apply in the service. */
export const Authenticated = () => SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies AccessRule);

/** Only users holding one of these roles may call this. */
export const Allow = (...roles: [Role, ...Role[]]) =>
  applyDecorators(SetMetadata(ACCESS_METADATA, { kind: 'roles', roles } satisfies AccessRule));
