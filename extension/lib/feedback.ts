import type { FeedbackRequest } from '../../shared/oversight';
import { checkServerUrl } from '../../shared/server-url';
import { authorizationHeader } from '../auth/client';
import { InsecureServerError } from './errors';
import { currentWorkerUrl } from './settings';

/** Sends a thumbs up or down to `POST /v1/feedback`; throws with the problem+json body when refused. */
export async function sendFeedback(feedback: FeedbackRequest): Promise<void> {
  const base = await currentWorkerUrl();
  const checked = checkServerUrl(base);
  if (!checked.ok) throw new InsecureServerError(checked.message);
  const response = await fetch(`${base}/v1/feedback`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(await authorizationHeader()) },
    body: JSON.stringify(feedback),
  });
  if (!response.ok) throw new Error(await response.text());
}
