import { defineCaptureScript } from '../capture/capture-script';
import { hubspot } from '../capture/sites/hubspot';

/** The capture of HubSpot records (site-bundles.ts). */
export default defineCaptureScript('hubspot', [hubspot]);
