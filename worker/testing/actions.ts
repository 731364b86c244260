import type { ActionId } from '../../shared/actions';
import { call, jsonInit, readUIStream, textOf, userMessage } from './support';

/**
 * The instructions an action really sent to the model: the test upstream's `[[echo-system]]` answers with
 * the system prompt it received, so this proves what crossed the wire, not what a function returned.
 */
export async function instructionsSent(id: ActionId, body: Record<string, unknown>): Promise<string> {
  const response = await call(
    `/v1/actions/${id}`,
    jsonInit({ ...body, messages: [userMessage('[[echo-system]] go')] }),
  );
  if (response.status !== 200) throw new Error(`POST /v1/actions/${id} → ${response.status}: ${await response.text()}`);
  return textOf(await readUIStream(response));
}
