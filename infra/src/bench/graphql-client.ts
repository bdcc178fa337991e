/** One GraphQL operation over HTTP, as a front-end client sends it. */
export interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

export interface GraphError {
  message: string;
  extensions?: Record<string, unknown>;
}

export interface GraphResponse {
  status: number;
  data: Record<string, unknown> | null;
  errors: GraphError[];
}

export async function postGraphQL(url: string, operation: Operation, headers: Record<string, string>): Promise<GraphResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(operation),
  });
  const text = await response.text();
  let body: { data?: Record<string, unknown> | null; errors?: GraphError[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return { status: response.status, data: null, errors: [{ message: `not a GraphQL response: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, data: body.data ?? null, errors: body.errors ?? [] };
}
