/**
 * The order the side panel starts in. At opening its one thread has two jobs: ask the page beside it for its
 * content (find the tab, check the policy, then the page works in its own process) and load the interface (React and
 * the App, the largest evaluation of the opening). Evaluating the interface first would hold up the few short steps
 * before the page can start working, so the page is asked first and the interface loads while the page works; the
 * chip shows when both are done (see `PageBeside`: the interface's first render shows a read that already ended).
 */

/** The longest the interface waits for the page to be asked (a policy that must come from the network, say). */
export const INTERFACE_WAITS_AT_MOST_MS = 100;

export interface OpeningRead {
  /** Resolves once the page has been asked for its content. */
  asked: Promise<void>;
  /** Settles when the read ends, whether or not it asked the page (refused, no access, another read took over). */
  ended: Promise<unknown>;
}

/**
 * Resolves when the interface may start loading: once the opening's read has asked the page, or has ended without
 * asking (there is nothing left to wait for), or after `waitAtMostMs` — whichever comes first. Never rejects.
 */
export function interfaceMayLoad(read: OpeningRead, waitAtMostMs = INTERFACE_WAITS_AT_MOST_MS): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, waitAtMostMs);
    const go = () => {
      clearTimeout(timer);
      resolve();
    };
    read.asked.then(go, go);
    read.ended.then(go, go);
  });
}
