import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { insertDraftIntoPage } from '../insert/insert-draft';
import type { InsertResult, PageInsertRequest } from '../insert/types';
import { t } from '../lib/i18n';

/**
 * Injected on demand when the person clicks "Insert into page" (never before); its return value is the
 * InsertResult. The panel sets the request on the isolated world's global just before injecting this file.
 */
export default defineUnlistedScript((): InsertResult => {
  const scope = globalThis as { __besideInsertRequest?: PageInsertRequest };
  const request = scope.__besideInsertRequest;
  delete scope.__besideInsertRequest;
  if (!request) return { ok: false, reason: 'failed', message: t('insert.nothing') };
  return insertDraftIntoPage(document, location.href, request);
});
