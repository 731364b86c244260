import { DefaultChatTransport, type UIMessage } from 'ai';
import { checkServerUrl } from '../../shared/server-url';
import { InsecureServerError } from './errors';
import { routeRequest } from './route-request';
import { normaliseWorkerUrl, tokenSetting, workerUrlSetting } from './settings';

/**
 * The transport useChat talks through: settings are read on every request so a token pasted in the options
 * page applies to the next question without reloading the panel.
 */
export function createChatTransport(path = '/v1/chat') {
  return new DefaultChatTransport<UIMessage>({
    api: path,
    headers: async (): Promise<Record<string, string>> => {
      const token = await tokenSetting.getValue();
      return token ? { Authorization: `Bearer ${token}` } : {};
    },
    // Quick actions share this transport (and so the conversation): route-request.ts sends them to their route.
    prepareSendMessagesRequest: ({ api, id, messages, body, trigger, messageId }) => {
      const routed = routeRequest(api, body);
      return { api: routed.api, body: { ...routed.body, id, messages, trigger, messageId } };
    },
    fetch: async (input, init) => {
      const base = normaliseWorkerUrl(await workerUrlSetting.getValue());
      // An address stored before the options page checked it must not receive the token in clear text either.
      const checked = checkServerUrl(base);
      if (!checked.ok) throw new InsecureServerError(checked.message);
      const url = typeof input === 'string' && input.startsWith('/') ? `${base}${input}` : input;
      return fetch(url, init);
    },
  });
}
