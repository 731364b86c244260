import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ArticleReaderMissing, needsArticleReader } from '../capture/article-reader';
import { capturePage } from '../capture/capture-page';
import { type CaptureOptions, defaultCaptureOptions } from '../capture/types';

type CaptureGlobals = {
  __besideCaptureOptions?: CaptureOptions;
  __besideCapturePage?: (options: CaptureOptions) => unknown;
};

/**
 * Injected on demand by the panel; its return value is the PageContext. It leaves its entry point in the
 * extension's isolated world (which the page's own scripts cannot reach), so the next capture of this document is
 * one call instead of a second injection and parse.
 */
export default defineUnlistedScript(() => {
  const globals = globalThis as CaptureGlobals;
  // An article page asks for the reader (a second file) instead of answering; the panel injects it and asks again.
  const capture = (options: CaptureOptions) => {
    try {
      return capturePage(document, options);
    } catch (error) {
      if (error instanceof ArticleReaderMissing) return needsArticleReader;
      throw error;
    }
  };
  globals.__besideCapturePage = capture;
  return capture(globals.__besideCaptureOptions ?? defaultCaptureOptions);
});
