import { defineCaptureScript } from '../capture/capture-script';
import { confluence } from '../capture/sites/confluence';

/** The capture of Confluence pages (site-bundles.ts). */
export default defineCaptureScript('confluence', [confluence]);
