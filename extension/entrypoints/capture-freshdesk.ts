import { defineCaptureScript } from '../capture/capture-script';
import { freshdesk } from '../capture/sites/freshdesk';

/** The capture of Freshdesk tickets (site-bundles.ts). */
export default defineCaptureScript('freshdesk', [freshdesk]);
