// The GraphiQL playground, bundled from the installed graphiql package (no CDN): served at /graphiql outside
// production. Send "Authorization: Bearer <token>" in the headers tab (login mutation) to act as a user.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';

import { GraphiQL } from 'graphiql';
import { buildSchema } from 'graphql';
import { createRoot } from 'react-dom/client';

// The committed schema (kept equal to the code by the schema test): no introspection round trip, which the
// API's depth limit would refuse, and the docs work even where introspection is off.
import sdl from '../../../schema.gql?raw';

const schema = buildSchema(sdl);

const fetcher = async (params: unknown, options?: { headers?: Record<string, string> }) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(options?.headers ?? {}) },
    body: JSON.stringify(params),
  });
  return response.json();
};

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL
    fetcher={fetcher}
    schema={schema}
    defaultHeaders={'{\n  "Authorization": "Bearer <accessToken from the login mutation>"\n}'}
  />,
);
