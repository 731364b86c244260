import { defineCaptureScript } from '../capture/capture-script';

/** The capture of any page no site script reads (site-bundles.ts): the generic strategies only. */
export default defineCaptureScript(undefined, []);
