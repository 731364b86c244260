import { documentsDeep } from './walk';

/**
 * Documents to try, the top one first: some apps render the real page inside a same-origin iframe (Salesforce
 * Classic inside Lightning, some Zendesk views), also inside shadow roots. Cross-origin frames are skipped.
 */
export function candidateDocuments(document: Document, depth = 2): Document[] {
  return documentsDeep(document, depth);
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
