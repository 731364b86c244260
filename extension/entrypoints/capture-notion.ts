import { defineCaptureScript } from '../capture/capture-script';
import { notion } from '../capture/sites/notion';

/** The capture of Notion pages (site-bundles.ts). */
export default defineCaptureScript('notion', [notion]);
