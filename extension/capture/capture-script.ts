import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ArticleReaderMissing, needsArticleReader } from './article-reader';
import { capturePageWith } from './capture-page';
import { type SiteBundle, scriptName } from './site-bundles';
import { type CaptureOptions, defaultCaptureOptions, type SiteExtractor } from './types';

type CaptureGlobals = {
  __besideCaptureOptions?: CaptureOptions;
  __besideCapturePage?: (options: CaptureOptions) => unknown;
  __besideCaptureBundle?: string;
};

/**
 * A capture script the panel injects on demand (`capture.js`, `capture-<site>.js`); its return value is the
 * PageContext. It leaves its entry point, and which script it is, in the extension's isolated world (which the
 * page's own scripts cannot reach), so the next capture of this document is one call instead of a second injection
 * and parse, as long as the page still wants this script.
 */
export function defineCaptureScript(bundle: SiteBundle | undefined, siteExtractors: readonly SiteExtractor[]) {
  return defineUnlistedScript(() => {
    const globals = globalThis as CaptureGlobals;
    const capturePage = capturePageWith(bundle, siteExtractors);
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
    globals.__besideCaptureBundle = scriptName(bundle);
    return capture(globals.__besideCaptureOptions ?? defaultCaptureOptions);
  });
}
