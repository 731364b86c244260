import { browser } from 'wxt/browser';
import { checkInsertTarget, type DraftTarget } from '../insert/target';
import type { InsertRequest, InsertResult, PageInsertRequest } from '../insert/types';
import { t } from '../lib/i18n';

/**
 * Runs the insert script in the tab the draft was written for, on the person's click — never in whatever tab is
 * in front: if that tab is closed or shows another page, nothing is inserted anywhere. Sets the request in the
 * script's isolated world, then injects the script that reads it (the same two-step pattern as capture).
 */
export async function insertIntoPage(request: InsertRequest, target: DraftTarget | undefined): Promise<InsertResult> {
  const tab = target ? await browser.tabs.get(target.tabId).catch(() => undefined) : undefined;
  const check = checkInsertTarget(target, tab);
  if (!check.ok) return check;
  const { tabId, url } = check.target;
  try {
    const pageRequest: PageInsertRequest = { ...request, pageUrl: url };
    await browser.scripting.executeScript({
      target: { tabId },
      func: (value: PageInsertRequest) => {
        (globalThis as { __besideInsertRequest?: PageInsertRequest }).__besideInsertRequest = value;
      },
      args: [pageRequest],
    });
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      files: ['/insert.js'],
    });
    const value = result?.result as InsertResult | undefined;
    if (!value || typeof value !== 'object' || typeof value.ok !== 'boolean') {
      return { ok: false, reason: 'failed', message: t('insert.noAnswer') };
    }
    return value;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: 'failed',
      message: /cannot access|permission|host/i.test(message)
        ? t('insert.cannotReach')
        : t('insert.failed', { reason: message }),
    };
  }
}
