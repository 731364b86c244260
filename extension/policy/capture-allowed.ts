import { isCaptureBlocked } from '../../shared/capture-policy';
import { t } from '../lib/i18n';
import { serverConfig } from '../lib/server-config';
import { currentWorkerUrl, managedPolicy } from '../lib/settings';
import { captureBlocklist } from './effective-settings';

/** What the panel says instead of reading a page the organisation has put off limits. */
export const captureBlockedMessage = (): string => t('capture.blocked');

/**
 * Whether the organisation forbids reading this address: the server's `capture.blocked` (CAPTURE_BLOCKLIST) joined
 * with the managed policy's `captureBlocklist`. Checked before every capture and before a selection leaves the page.
 */
export async function isCaptureForbidden(url: string | undefined): Promise<boolean> {
  if (!url) return false;
  const [config, policy] = await Promise.all([currentWorkerUrl().then(serverConfig), managedPolicy()]);
  return isCaptureBlocked(url, captureBlocklist(config?.capture.blocked ?? [], policy));
}
