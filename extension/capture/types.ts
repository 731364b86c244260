import type { Conversation, PageKind, RecordSummary } from '../../shared/page-context';

/** What the panel asks capture to do; passed into the injected script before it runs. */
export interface CaptureOptions {
  /** Upper bound of tokens the captured Markdown may use (≈ 4 characters a token). */
  tokenBudget: number;
  /** Capture only the current selection (and the nearest heading/record for context). */
  selectionOnly?: boolean;
}

export const defaultCaptureOptions: CaptureOptions = { tokenBudget: 6_000 };

/** The characters of Markdown a capture may give: about 4 a token, and room for a header at least. */
export const maxCharsOf = (options: CaptureOptions): number => Math.max(200, options.tokenBudget * 4);

/** Free-form Markdown beside the typed parts: a description, an article body, a comment list. */
export interface MarkdownSection {
  heading?: string;
  markdown: string;
}

/**
 * What an extractor returns: typed parts plus free-form sections, most important first. capturePage renders
 * them to Markdown within the budget and adds url, capturedAt and the bookkeeping.
 */
export interface Extraction {
  title: string;
  site: string;
  kind: PageKind;
  record?: RecordSummary;
  conversation?: Conversation;
  sections?: MarkdownSection[];
  /**
   * Where the page's remaining visible text is read after the typed part (the record or ticket being shown, not
   * the app's menus and utility bars); the whole document body when the extractor does not say.
   */
  scope?: Element;
  /**
   * Subtrees (a CSS selector) the remaining text leaves out: what the typed part stands for on purpose (a message
   * body read without its quoted history) and the app's own chrome (global toolbars, a comment editor's hints).
   */
  notContent?: string;
}

/**
 * One site (or one generic strategy) per file, refined-github style: a cheap `matches` on URL/DOM, and
 * `extract`, which reads the document without modifying it and returns undefined for "not on this page".
 */
export interface SiteExtractor {
  id: string;
  matches(url: URL, document: Document): boolean;
  extract(document: Document, url: URL, options: CaptureOptions): Extraction | undefined;
}
