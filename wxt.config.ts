import { defineConfig } from 'wxt';
import { manifestCommands } from './extension/actions/entry-points';
import { extensionPagesCsp } from './extension/lib/content-security-policy';
import { KNOWN_SITE_PATTERNS } from './extension/site-access/known-sites';
import { minifyInjectedScript } from './scripts/build/minify-injected-script';

/**
 * The extension. Permissions stay minimal: page access only through `activeTab` when the person invokes
 * Beside, CRM sites only as optional host permissions they grant. The `e2e` mode adds 127.0.0.1 (and grants the
 * optional CRM hosts) because automation cannot click the toolbar button that grants activeTab; it is never shipped.
 */

/**
 * The public half of the extension's signing key. It fixes the Chrome extension id to
 * `hlgalnplmcnminpnbcdcmhedcjdkgmbf` in every build (unpacked, e2e, store), so the sign-in redirect URI registered at
 * the company's identity provider — `https://hlgalnplmcnminpnbcdcmhedcjdkgmbf.chromiumapp.org/oidc` — never changes.
 * The private key is not in the repository; no build needs it.
 */
/** The CRM sites: optional host permissions the person grants one site at a time from the panel. */
const CRM_HOSTS = [...KNOWN_SITE_PATTERNS];

const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1jZjWZjJuORkw2PyMxZaXGS3d2mBXcXpSrJsWgUlN9wWpddAm9F6IseqEj569agryGrseQLy8DggYeb6hnLHbFxolkImzEKSZNA5rr6rVhGrUbZ2UHCYlmLacvkjMAT5AN5gyA80/GsCzFhUSFH67J5TB5IBM3P9/ePsCEm+PHZu+g7tCcQZGWtwkl8KdSAISbuNG669hibMN/lxo9MOk5IcoX7f1gPeic2qA/MaJy43MGYeBzUQukcapCkmTb8CMnk7h9j9lMBV9ASoGmWodi8qTaAx5f4DHfGF3W+VOu6i++Id7P5Vz6DznSk9I3TNHflf4Ahd+Wpghl1x8NB1DQIDAQAB';

export default defineConfig({
  srcDir: 'extension',
  // Static files copied as they are: the managed-storage schema IT policies are checked against.
  publicDir: 'extension/public',
  // Localised words (extension/locales/<lang>.yml → _locales/<lang>/messages.json), following the browser language.
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  imports: false,
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  hooks: {
    // The capture scripts (capture.js, capture-<site>.js), one injected into every page Beside reads, are minified
    // once more (budget: 25 KB gzipped each).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entrypoint) => /^capture(-|$)/.test(entrypoint.name)))
        config.plugins = [...(config.plugins ?? []), minifyInjectedScript()];
    },
  },
  manifest: ({ browser, mode, command }) => ({
    name: '__MSG_manifest_name__',
    description: '__MSG_manifest_description__',
    default_locale: 'en',
    // `identity`: sign-in with the company's provider (launchWebAuthFlow); it grants no access to pages or accounts.
    permissions: ['activeTab', 'scripting', 'sidePanel', 'storage', 'contextMenus', 'identity'],
    optional_host_permissions: CRM_HOSTS,
    // Images only from the extension itself and data: — a remote image in an answer can never be loaded.
    content_security_policy: { extension_pages: extensionPagesCsp({ dev: command === 'serve' }) },
    // e2e: the fixture server, and the CRM hosts as if the person had granted them (routed to fixtures).
    ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*', ...CRM_HOSTS] } : {}),
    action: { default_title: '__MSG_manifest_openBeside__' },
    commands: {
      // Quick-action shortcuts come from the action registry, like the panel's buttons and the context menu.
      ...manifestCommands(),
      _execute_action: {
        suggested_key: { default: 'Alt+B', mac: 'Alt+B' },
        description: '__MSG_manifest_openBeside__',
      },
    },
    // Firefox reads managed settings from policies.json (3rdparty.Extensions["beside@beside.dev"]) by its add-on id.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'beside@beside.dev', strict_min_version: '120.0' } } }
      : { key: EXTENSION_PUBLIC_KEY, storage: { managed_schema: 'managed-schema.json' } }),
  }),
});
