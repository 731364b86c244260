import { defineConfig } from 'wxt';
import { manifestCommands } from './extension/actions/entry-points';
import { extensionPagesCsp } from './extension/lib/content-security-policy';

/**
 * The extension. Permissions stay minimal: page access only through `activeTab` when the person invokes
 * Beside, CRM sites only as optional host permissions they grant. The `e2e` mode adds 127.0.0.1 (and grants the
 * optional CRM hosts) because automation cannot click the toolbar button that grants activeTab; it is never shipped.
 */
const CRM_HOSTS = [
  'https://*.salesforce.com/*',
  'https://*.lightning.force.com/*',
  'https://*.zendesk.com/*',
  'https://mail.google.com/*',
  'https://*.atlassian.net/*',
  'https://app.hubspot.com/*',
];

export default defineConfig({
  srcDir: 'extension',
  modules: ['@wxt-dev/module-react'],
  imports: false,
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  manifest: ({ browser, mode, command }) => ({
    name: 'Beside',
    description: 'Your company assistant beside Salesforce, Zendesk, Gmail and your help center.',
    permissions: ['activeTab', 'scripting', 'sidePanel', 'storage', 'contextMenus'],
    optional_host_permissions: CRM_HOSTS,
    // Images only from the extension itself and data: — a remote image in an answer can never be loaded.
    content_security_policy: { extension_pages: extensionPagesCsp({ dev: command === 'serve' }) },
    // e2e: the fixture server, and the CRM hosts as if the person had granted them (routed to fixtures).
    ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*', ...CRM_HOSTS] } : {}),
    action: { default_title: 'Open Beside' },
    commands: {
      // Quick-action shortcuts come from the action registry, like the panel's buttons and the context menu.
      ...manifestCommands(),
      _execute_action: {
        suggested_key: { default: 'Alt+B', mac: 'Alt+B' },
        description: 'Open Beside',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'beside@beside.dev', strict_min_version: '120.0' } } }
      : {}),
  }),
});
