import { defineCaptureScript } from '../capture/capture-script';
import { github } from '../capture/sites/github';

/** The capture of GitHub issues and pull requests (site-bundles.ts). */
export default defineCaptureScript('github', [github]);
