/**
 * A quick action goes through the same useChat as a question, so its answer lands in the conversation and the
 * person can ask a follow-up: a request whose body names an `action` is sent to /v1/actions/<id> instead.
 */
export function routeRequest(
  api: string,
  body: Record<string, unknown> | undefined,
): { api: string; body: Record<string, unknown> | undefined } {
  const action = body?.action;
  if (typeof action !== 'string' || !/^[a-z0-9-]{1,64}$/.test(action)) return { api, body };
  const { action: _, ...rest } = body!;
  return { api: `/v1/actions/${action}`, body: rest };
}
