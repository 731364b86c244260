/*
 * Mozilla Readability's `isProbablyReaderable` (Readability-readerable.js, @mozilla/readability 0.6), as an ES
 * module. Copyright (c) 2010 Arc90 Inc; licensed under the Apache License, Version 2.0
 * (http://www.apache.org/licenses/LICENSE-2.0). The package ships it as CommonJS only, and the interop helpers a
 * bundle needs for that cost the capture script more than this whole port: the capture script, injected into every
 * page read, has a 25 KB budget. Same rules and thresholds; capture passes its own visibility judge.
 */
const unlikelyCandidates =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const okMaybeItsACandidate = /and|article|body|column|content|main|shadow/i;

export interface ReaderableOptions {
  /** Text length a block needs to count (Readability's default: 140). */
  minContentLength: number;
  /** Score the counted blocks must reach together (Readability's default: 20). */
  minScore: number;
  isVisible: (element: Element) => boolean;
}

/** Whether Readability is likely to find an article in the document, without parsing all of it. */
export function isProbablyReaderable(document: Document, options: ReaderableOptions): boolean {
  const blocks = new Set<Element>(document.querySelectorAll('p, pre, article'));
  // Articles written as <div>s of sentences separated by <br>s.
  for (const br of document.querySelectorAll('div > br')) if (br.parentElement) blocks.add(br.parentElement);
  let score = 0;
  for (const block of blocks) {
    const matchString = `${block.className} ${block.id}`;
    if (unlikelyCandidates.test(matchString) && !okMaybeItsACandidate.test(matchString)) continue;
    if (block.matches('li p')) continue;
    const length = block.textContent?.trim().length ?? 0;
    if (length < options.minContentLength) continue;
    // Asked last (the package asks first; the answer is the same): with layout it is the costly question.
    if (!options.isVisible(block)) continue;
    score += Math.sqrt(length - options.minContentLength);
    if (score > options.minScore) return true;
  }
  return false;
}
