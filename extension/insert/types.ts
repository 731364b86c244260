/** What the panel asks the injected script to put into the page. */
export interface InsertRequest {
  /** Filled only into an empty subject field of a composer that has one (Gmail compose, Salesforce email). */
  subject?: string;
  body: string;
}

/** What the panel hands the injected script: the request, and the address of the page the draft was written for. */
export interface PageInsertRequest extends InsertRequest {
  /** The script inserts nothing unless the page it runs in is still this page (extension/insert/target.ts). */
  pageUrl: string;
}

export type InsertResult =
  | { ok: true; editor: string; label: string; subject: boolean }
  | { ok: false; reason: 'no-editor' | 'failed' | 'target-closed' | 'target-changed'; message: string };

export interface EditorTarget {
  /** The element the app really edits: its contenteditable or, in plain-text mode, its textarea. */
  body: HTMLElement;
  subject?: HTMLInputElement;
  /** What the person will see it called: "Gmail compose", "Zendesk internal note"… */
  label: string;
}

/**
 * One reply editor per file, like the capture extractors: `find` looks for the editor in the DOM (not the URL,
 * so a custom domain or a saved page works too) and returns undefined for "not on this page".
 */
export interface ReplyEditor {
  id: string;
  find(document: Document): EditorTarget | undefined;
}
