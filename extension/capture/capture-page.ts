import type { PageContext, Selection } from '../../shared/page-context';
import { ArticleReaderMissing } from './article-reader';
import { cutText, fitToBudget } from './budget';
import { demoSiteUrl } from './demo-pages';
import { candidateDocuments, urlOf } from './dom/frames';
import { judgingGlyphs, loadsUndrawnGlyphs } from './dom/glyph-ink';
import { resetVisibility } from './dom/visibility';
import { queryFirstDeep, resetWalk } from './dom/walk';
import { readabilityExtractor } from './readability';
import { alsoOnPageHeading, remainingVisibleText } from './remaining-text';
import { joinParts, renderParts } from './render';
import { captureSelection } from './selection';
import { githubIssueTitle, type NeedsSiteScript, type SiteBundle, siteBundleAt } from './site-bundles';
import { type CaptureOptions, defaultCaptureOptions, type Extraction, maxCharsOf, type SiteExtractor } from './types';
import { visibleTextExtractor } from './visible-text';

interface Matched {
  extractorId: string;
  extraction: Extraction;
  url: URL;
}

/**
 * The strategies that fit any page, after the site extractors: Readability for articles, docs and help centers,
 * then the visible text of any other page. Selection capture skips them when it looks for a record to name.
 */
export const genericExtractors: readonly SiteExtractor[] = [readabilityExtractor, visibleTextExtractor];
export const genericExtractorIds: ReadonlySet<string> = new Set(genericExtractors.map((extractor) => extractor.id));

/** First extractor (in the given order) that matches a document and returns something; frames are tried too. */
function extract(
  extractors: readonly SiteExtractor[],
  documents: readonly Document[],
  topUrl: URL,
  options: CaptureOptions,
  siteOnly: boolean,
) {
  for (const extractor of extractors) {
    if (siteOnly && genericExtractorIds.has(extractor.id)) continue;
    for (const document of documents) {
      const url = urlOf(document) ?? topUrl;
      // A demo page of `npm run dev` is read as the site it imitates; the page keeps its real address.
      const siteUrl = demoSiteUrl(url) ?? url;
      try {
        if (!extractor.matches(siteUrl, document)) continue;
        const extraction = extractor.extract(document, siteUrl, options);
        if (extraction) return { extractorId: extractor.id, extraction, url } satisfies Matched;
      } catch (error) {
        // Not a failure: the page reads as an article and the reader is to be loaded first (article-reader.ts).
        if (error instanceof ArticleReaderMissing) throw error;
        // One extractor's failure must never break capture: fall through to the next one.
        console.warn(`[beside] extractor ${extractor.id} failed`, error);
      }
    }
  }
  return undefined;
}

function documentOf(url: URL, documents: readonly Document[]): Document | undefined {
  return documents.find((document) => (urlOf(document)?.href ?? url.href) === url.href) ?? documents[0];
}

/**
 * Typed parts first, then whatever else is visible in the extractor's scope that they did not already say, as
 * the lowest-priority section: the budget cuts it first and says so. The article reader's part is typed too: an app
 * page whose messages read like an article (a shared inbox) keeps its sidebar and lists. Only the visible-text
 * strategy already reads everything.
 */
function withRemainingText(extraction: Extraction, scope: Node | null | undefined, maxChars: number): Extraction {
  if (!scope) return extraction;
  const typed = joinParts(renderParts(extraction));
  // The budget gives the remaining text only what the typed part leaves. With none left, the typed part is cut
  // already (and says so); otherwise reading stops soon after the room is full, and the budget cuts and says so.
  const room = maxChars - typed.length;
  if (room <= 0) return extraction;
  const rest = remainingVisibleText(scope, typed, { notContent: extraction.notContent, maxChars: room });
  if (!rest) return extraction;
  return { ...extraction, sections: [...(extraction.sections ?? []), { heading: alsoOnPageHeading, markdown: rest }] };
}

function selectionContext(selection: Selection, extraction: Extraction | undefined): string | undefined {
  const owner = extraction?.record
    ? `${extraction.record.objectType}: ${extraction.record.name}`
    : extraction?.conversation?.subject;
  const parts = [owner, selection.context].filter((part): part is string => !!part);
  return parts.length > 0 ? parts.join(' › ').slice(0, 500) : undefined;
}

/**
 * The capture of a script that carries `siteExtractors` (tried in order, before the generic strategies). It runs in
 * the page (isolated world), read-only: picks the extractor, fits its output into the token budget by priority,
 * and returns the typed PageContext the panel shows and the worker reads.
 */
export function capturePageWith(bundle: SiteBundle | undefined, siteExtractors: readonly SiteExtractor[]) {
  const extractors = [...siteExtractors, ...genericExtractors];
  return (document: Document, options: CaptureOptions = defaultCaptureOptions): PageContext | NeedsSiteScript => {
    resetVisibility();
    resetWalk();
    try {
      const documents = candidateDocuments(document);
      const needed = neededSiteScript(documents, bundle);
      if (needed) return { needs: 'site-script', bundle: needed };
      const read = () => capturePage(extractors, document, documents, options);
      const undrawn = (text: string) => documents.some((candidate) => loadsUndrawnGlyphs(candidate, text));
      // A face that draws no plain letter (a ligature icon font, as mail apps load, or a blank one) would have every
      // capture read twice: each text's font is asked from the start.
      if (undrawn('aeinost')) return judgingGlyphs(read);
      const page = read();
      // A face the page loaded draws nothing for some character kept: read again, asking each text's font.
      if (!undrawn(`${page.markdown}${page.selection?.text ?? ''}`)) return page;
      resetVisibility();
      resetWalk();
      return judgingGlyphs(read);
    } finally {
      // What one capture learnt holds the page's elements: let them go with the capture, not at the next one.
      resetVisibility();
      resetWalk();
    }
  };
}

/**
 * The site script a page needs when it is not `bundle`: the first document (the top one, then same-origin frames)
 * that a site's address or markup claims decides. The panel chose by the tab's address already, so this is another
 * script only where the markup says so (GitHub's issue viewer on any host: GitHub Enterprise) or the frame asked
 * for is another page than the tab's (a selection made in a frame).
 */
function neededSiteScript(documents: readonly Document[], bundle: SiteBundle | undefined): SiteBundle | undefined {
  for (const document of documents) {
    const url = urlOf(document);
    const wanted = (url && siteBundleAt(url)) ?? (queryFirstDeep(document, githubIssueTitle) ? 'github' : undefined);
    if (wanted) return wanted === bundle ? undefined : wanted;
  }
  return undefined;
}

function capturePage(
  extractors: readonly SiteExtractor[],
  document: Document,
  documents: readonly Document[],
  options: CaptureOptions,
): PageContext {
  const topUrl = urlOf(document) ?? new URL('about:blank');
  const maxChars = maxCharsOf(options);
  const rawSelection = captureSelection(documents);

  if (options.selectionOnly) {
    const matched = rawSelection ? extract(extractors, documents, topUrl, options, true) : undefined;
    const selection = rawSelection && { ...rawSelection, context: selectionContext(rawSelection, matched?.extraction) };
    const text = selection ? cutText(selection.text, maxChars - 200) : '';
    const context = selection?.context ? `Context: ${selection.context}\n\n` : '';
    return {
      url: topUrl.href,
      title: document.title,
      site: matched?.extraction.site ?? 'selection',
      kind: matched?.extraction.kind ?? 'generic',
      markdown: selection ? `# Selection\n\n${context}${text}` : '',
      ...(selection ? { selection: { ...selection, text } } : {}),
      capturedAt: new Date().toISOString(),
      truncated: !!selection && text.length < selection.text.length,
    };
  }

  const matched = extract(extractors, documents, topUrl, options, false);
  const typed = matched && matched.extractorId !== visibleTextExtractor.id;
  const extraction: Extraction = withRemainingText(
    matched?.extraction ?? { title: document.title, site: 'generic', kind: 'generic' },
    typed ? (matched.extraction.scope ?? documentOf(matched.url, documents)?.body) : undefined,
    maxChars,
  );
  const fitted = fitToBudget(extraction, maxChars);
  const selection = rawSelection && { ...rawSelection, context: selectionContext(rawSelection, extraction) };
  return {
    url: (matched?.url ?? topUrl).href,
    title: extraction.title || document.title,
    site: extraction.site,
    kind: extraction.kind,
    markdown: fitted.markdown,
    ...(fitted.extraction.record ? { record: fitted.extraction.record } : {}),
    ...(fitted.extraction.conversation ? { conversation: fitted.extraction.conversation } : {}),
    ...(selection ? { selection } : {}),
    capturedAt: new Date().toISOString(),
    truncated: fitted.truncated,
  };
}
