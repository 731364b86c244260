import { defineCaptureScript } from '../capture/capture-script';
import { jira } from '../capture/sites/jira';

/** The capture of Jira issues (site-bundles.ts). */
export default defineCaptureScript('jira', [jira]);
