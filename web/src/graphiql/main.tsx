// The GraphiQL playground, bundled from the installed graphiql package (no CDN): served at /graphiql outside
// production. Send "Authorization: Bearer <token>" in the headers tab (login mutation) to act as a user.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';

import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';

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
    defaultHeaders={'{\n  "Authorization": "Bearer <accessToken from the login mutation>"\n}'}
  />,
);
