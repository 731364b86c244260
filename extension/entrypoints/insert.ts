import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { insertDraft } from '../insert/insert-draft';
import type { InsertRequest } from '../insert/types';

/**
 * Injected on demand when the person clicks "Insert into page" (never before); its return value is the
 * InsertResult. The panel sets the request on the isolated world's global just before injecting this file.
 */
export default defineUnlistedScript(() => {
  const scope = globalThis as { __besideInsertRequest?: InsertRequest };
  const request = scope.__besideInsertRequest;
  delete scope.__besideInsertRequest;
  if (!request) return { ok: false, reason: 'failed', message: 'Nothing to insert.' };
  return insertDraft(document, request);
});
