import { generic } from './generic';
import { gmail } from './gmail';
import { salesforce } from './salesforce';
import type { ReplyEditor } from './types';
import { zendesk } from './zendesk';

/** Reply editors in priority order: the apps we know by their DOM, then the generic fallback. */
export const replyEditors: readonly ReplyEditor[] = [gmail, zendesk, salesforce, generic];
