import { defineCaptureScript } from '../capture/capture-script';
import { salesforceClassic } from '../capture/sites/salesforce-classic';
import { salesforceLightning } from '../capture/sites/salesforce-lightning';

/** The capture of Salesforce Lightning and Classic records (site-bundles.ts). */
export default defineCaptureScript('salesforce', [salesforceLightning, salesforceClassic]);
