import { defineCaptureScript } from '../capture/capture-script';
import { reddit } from '../capture/sites/reddit';

/** The capture of Reddit threads (site-bundles.ts). */
export default defineCaptureScript('reddit', [reddit]);
