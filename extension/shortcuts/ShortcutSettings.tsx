import { t } from '../lib/i18n';
import { OPEN_PANEL_COMMAND, openShortcutSettings } from './commands';
import { useBrowserCommands } from './useBrowserCommands';
import './shortcuts.css';

/**
 * The options page's keyboard shortcuts: every command with the key Chrome really assigned ("Not set" otherwise), and
 * the way to Chrome's shortcuts page, where keys are set.
 */
export function ShortcutSettings() {
  const { commands } = useBrowserCommands();
  return (
    <section className="options__section" aria-labelledby="shortcuts-title" data-testid="shortcut-settings">
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      {commands && commands.length > 0 && (
        <table className="shortcuts">
          <tbody>
            {commands.map((command) => (
              <tr key={command.name} data-command={command.name}>
                <th scope="row">
                  {command.name === OPEN_PANEL_COMMAND || !command.description
                    ? t('manifest.openBeside')
                    : command.description}
                </th>
                <td>
                  {command.shortcut ? (
                    <kbd>{command.shortcut}</kbd>
                  ) : (
                    <span className="muted">{t('shortcuts.notSet')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">{t('shortcuts.hint')}</p>
      <button type="button" className="button button--secondary" onClick={() => void openShortcutSettings()}>
        {t('shortcuts.change')}
      </button>
    </section>
  );
}
