import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { capturePage } from '../capture/capture-page';
import { type CaptureOptions, defaultCaptureOptions } from '../capture/types';

/** Injected on demand by the panel; its return value is the PageContext. */
export default defineUnlistedScript(() => {
  const options = (globalThis as { __besideCaptureOptions?: CaptureOptions }).__besideCaptureOptions;
  return capturePage(document, options ?? defaultCaptureOptions);
});
