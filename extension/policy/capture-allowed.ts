import { isCaptureBlocked } from '../../shared/capture-policy';
import { t } from '../lib/i18n';
import { serverConfig } from '../lib/server-config';
import { currentWorkerUrl, managedPolicy } from '../lib/settings';
import { captureBlocklist } from './effective-settings';
import { featuresOf } from './feature-switches';

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

/** Why a page may not be read: page reading is off for everyone, or this site is on the blocklist. */
export type CaptureRefusal = 'page-reading-off' | 'blocked';

/**
 * The organisation's whole word on reading pages (feature switch and blocklist) from one configuration read, so
 * the panel can ask for it while it is still finding the tab, instead of after.
 */
export async function capturePolicy(): Promise<(url: string) => CaptureRefusal | undefined> {
  const [config, policy] = await Promise.all([currentWorkerUrl().then(serverConfig), managedPolicy()]);
  const pageReading = featuresOf(config).pageCapture;
  const blocklist = captureBlocklist(config?.capture.blocked ?? [], policy);
  return (url) => (!pageReading ? 'page-reading-off' : isCaptureBlocked(url, blocklist) ? 'blocked' : undefined);
}
