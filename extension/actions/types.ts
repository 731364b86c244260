import type { ActionSpec } from '../../shared/actions';
import type { PageContext } from '../../shared/page-context';

export type MenuContext = 'selection' | 'page' | 'editable' | 'link';

/** The extension's half of a quick action (the shared half, ids and kinds, is in shared/actions.ts). */
export interface ExtensionAction extends ActionSpec {
  /** One text symbol (not an emoji: those need a colour-emoji font, which many Linux and headless setups lack). */
  icon: string;
  /** Context-menu contexts the action appears in; none = not in the menu. */
  menu?: readonly MenuContext[];
  /** In the browser's language (the shared `label` is the English one, for logs and the worker). */
  readonly label: string;
  /**
   * A browser command (chrome://extensions/shortcuts); `description` is a manifest message (`__MSG_…__`), since
   * Chrome shows it in its own shortcuts page in the browser's language. Chrome accepts at most four suggested keys per
   * extension including Alt+B for the panel, so some actions have a command without a suggested key.
   */
  shortcut?: { key?: string; description: string };
  /**
   * The person's side of the conversation, shown as their message ("Summarize this page"). Our own words
   * only: the user turn sits outside the delimited page block, so nothing captured from the page goes here.
   */
  request(page: PageContext): string;
}
