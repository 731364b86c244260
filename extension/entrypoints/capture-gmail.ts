import { defineCaptureScript } from '../capture/capture-script';
import { gmail } from '../capture/sites/gmail';

/** The capture of Gmail threads and inbox lists (site-bundles.ts). */
export default defineCaptureScript('gmail', [gmail]);
