import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { assignedKeys, type BrowserCommand, browserCommands } from './commands';

type CommandEvent = { addListener(listener: () => void): void; removeListener(listener: () => void): void };

/**
 * The extension's commands with their assigned keys, read again whenever the page regains focus: Chrome has no event
 * for a key changed in chrome://extensions/shortcuts, and the person comes back from that page to this one.
 */
export function useBrowserCommands(): { commands: BrowserCommand[] | undefined; keys: ReadonlyMap<string, string> } {
  const [commands, setCommands] = useState<BrowserCommand[] | undefined>(undefined);
  useEffect(() => {
    let active = true;
    const load = () => {
      browserCommands().then(
        (next) => active && setCommands(next),
        () => active && setCommands([]),
      );
    };
    load();
    const onVisible = () => document.visibilityState === 'visible' && load();
    window.addEventListener('focus', load);
    document.addEventListener('visibilitychange', onVisible);
    // Firefox tells when a key changes.
    const changed = (browser.commands as unknown as { onChanged?: CommandEvent }).onChanged;
    changed?.addListener(load);
    return () => {
      active = false;
      window.removeEventListener('focus', load);
      document.removeEventListener('visibilitychange', onVisible);
      changed?.removeListener(load);
    };
  }, []);
  const keys = useMemo(() => assignedKeys(commands ?? []), [commands]);
  return { commands, keys };
}
