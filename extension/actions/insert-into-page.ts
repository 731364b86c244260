import { browser } from 'wxt/browser';
import type { InsertRequest, InsertResult } from '../insert/types';
import { findPageTab } from '../lib/page-capture';

/**
 * Runs the insert script in the page beside the panel, on the person's click: set the request in the script's
 * isolated world, then inject the script that reads it (the same two-step pattern as capture).
 */
export async function insertIntoPage(request: InsertRequest): Promise<InsertResult> {
  const tab = await findPageTab();
  if (tab?.id === undefined) return { ok: false, reason: 'no-editor', message: 'No page to insert into.' };
  try {
    await browser.scripting.executeScript({
      target: { tabId: tab.id },
      func: (value: InsertRequest) => {
        (globalThis as { __besideInsertRequest?: InsertRequest }).__besideInsertRequest = value;
      },
      args: [request],
    });
    const [result] = await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/insert.js'] });
    const value = result?.result as InsertResult | undefined;
    if (!value || typeof value !== 'object' || typeof value.ok !== 'boolean') {
      return { ok: false, reason: 'failed', message: 'The page did not answer.' };
    }
    return value;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: 'failed',
      message: /cannot access|permission|host/i.test(message)
        ? 'Beside can’t reach this page. Click the Beside toolbar button on the page, then try again.'
        : `Could not insert: ${message}`,
    };
  }
}
