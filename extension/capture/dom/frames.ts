import { visibilityOf } from './visibility';

/**
 * Documents to try, the top one first: some apps render the real page inside a same-origin iframe (Salesforce
 * Classic inside Lightning, some Zendesk views). Cross-origin frames throw or return null and are skipped.
 */
export function candidateDocuments(document: Document, depth = 2): Document[] {
  const documents = [document];
  if (depth === 0) return documents;
  for (const frame of Array.from(document.querySelectorAll('iframe, frame'))) {
    if (visibilityOf(document).isHidden(frame)) continue;
    let inner: Document | null = null;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null;
    }
    if (inner?.body) documents.push(...candidateDocuments(inner, depth - 1));
  }
  return documents;
}

/** The URL of a document, with a fallback for DOMs that have no location (parsed fixtures). */
export function urlOf(document: Document, fallback?: string): URL | undefined {
  const href = document.location?.href ?? fallback;
  try {
    return href && href !== 'about:blank' && href !== 'about:srcdoc' ? new URL(href) : undefined;
  } catch {
    return undefined;
  }
}
