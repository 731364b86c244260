import { defineCaptureScript } from '../capture/capture-script';
import { zendesk } from '../capture/sites/zendesk';

/** The capture of Zendesk tickets (site-bundles.ts). */
export default defineCaptureScript('zendesk', [zendesk]);
