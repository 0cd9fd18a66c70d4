/** Minimal GraphQL-over-HTTP calls for the benchmarks (the same requests a browser would send). */
export async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL error: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data as T;
}

export async function login(url: string, email: string, password: string): Promise<string> {
  const data = await graphql<{ login: { accessToken: string } }>(
    url,
    'mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: { email, password } },
  );
  return data.login.accessToken;
}

/** The liaison's home screen: the first 50 open tasks of their agency, with both agencies. */
export const WORK_QUEUE_QUERY = `query WorkQueue {
  myWorkQueue(first: 50) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id reference title status priority dueAt overdue
      assigningAgency { id code acronym nameId }
      assigneeAgency { id code acronym nameId }
    } }
  }
}`;
