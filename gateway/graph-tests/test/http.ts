/** A response of the gateway as a test reads it: the status, the headers that matter, the JSON body. */
export interface RawResponse {
  status: number;
  contentType: string | null;
  requestId: string | null;
  body: unknown;
}

/** Sends any request to the gateway, however malformed, and reads the answer as JSON (failing on HTML). */
export async function send(url: string, init: RequestInit = {}): Promise<RawResponse> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), requestId: response.headers.get('x-request-id'), body: JSON.parse(text) };
}
