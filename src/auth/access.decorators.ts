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

export const BROWSER_REQUEST_METADATA = 'simpul:browser-request';

/**
 * What else a route accepts from the web console's cookie session besides a JSON POST with the CSRF token
 * (browser-session.ts): `download`, a GET the browser makes by itself when the user follows a link (no header can be
 * added to it); `upload`, a multipart POST, still with the CSRF token. Reads and uploads only, never for changes a
 * cross-site page could trigger.
 */
export type BrowserRequest = 'download' | 'upload';
export const AcceptsBrowser = (request: BrowserRequest) => SetMetadata(BROWSER_REQUEST_METADATA, request);
