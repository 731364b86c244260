import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureFile, siteBundleIds } from '../../extension/capture/site-bundles';

const root = resolve(import.meta.dirname, '../..');
const manifest = (folder: string) =>
  JSON.parse(readFileSync(resolve(root, '.output', folder, 'manifest.json'), 'utf8'));

describe('built extensions', () => {
  it('ships Chrome MV3 with only the minimal permissions and no host access', () => {
    const chrome = manifest('chrome-mv3');
    expect(chrome.manifest_version).toBe(3);
    // `identity` is for company sign-in (launchWebAuthFlow): it opens the provider's page, and reads nothing.
    expect([...chrome.permissions].sort()).toEqual([
      'activeTab',
      'contextMenus',
      'identity',
      'scripting',
      'sidePanel',
      'storage',
    ]);
    expect(chrome.host_permissions ?? []).toEqual([]);
    expect(JSON.stringify(chrome)).not.toContain('<all_urls>');
    expect(chrome.side_panel.default_path).toBe('sidepanel.html');
    expect(chrome.commands._execute_action.suggested_key.default).toBe('Alt+B');
  });

  it('names and describes itself in the browser language (English by default, French)', () => {
    for (const folder of ['chrome-mv3', 'firefox-mv3']) {
      const built = manifest(folder);
      expect(built.default_locale, folder).toBe('en');
      expect(built.name, folder).toBe('__MSG_manifest_name__');
      expect(built.description, folder).toBe('__MSG_manifest_description__');
      const messages = (language: string) =>
        JSON.parse(readFileSync(resolve(root, '.output', folder, '_locales', language, 'messages.json'), 'utf8'));
      expect(messages('en').manifest_description.message, folder).toContain('company assistant');
      expect(messages('fr').manifest_description.message, folder).toContain('assistant d’entreprise');
    }
  });

  it('limits its own pages: images only from the extension and data:, scripts only its own, requests to https or this computer', () => {
    for (const folder of ['chrome-mv3', 'firefox-mv3']) {
      const policy: string = manifest(folder).content_security_policy.extension_pages;
      const directives = Object.fromEntries(
        policy.split(';').map((directive) => {
          const [name, ...sources] = directive.trim().split(/\s+/);
          return [name, sources];
        }),
      );
      expect(directives['img-src'], folder).toEqual(["'self'", 'data:']);
      expect(directives['default-src'], folder).toEqual(["'self'"]);
      expect(directives['script-src'], folder).toEqual(["'self'"]);
      expect(directives['object-src'], folder).toEqual(["'none'"]);
      expect(directives['connect-src'], folder).toEqual([
        "'self'",
        'https:',
        'http://127.0.0.1:*',
        'http://localhost:*',
        'http://[::1]:*',
      ]);
      expect(policy, folder).not.toContain('unsafe');
    }
  });

  it('has the fixed extension id the sign-in redirect URI is registered with, and a managed-storage schema', async () => {
    const { createHash } = await import('node:crypto');
    for (const folder of ['chrome-mv3', 'chrome-mv3-e2e']) {
      const built = manifest(folder);
      // Chrome's id: the first 16 bytes of SHA-256 over the public key, each hex digit written as a letter a–p.
      const digest = createHash('sha256').update(Buffer.from(built.key, 'base64')).digest('hex').slice(0, 32);
      const id = [...digest].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
      expect(id).toBe('hlgalnplmcnminpnbcdcmhedcjdkgmbf');
      const schema = JSON.parse(readFileSync(resolve(root, '.output', folder, built.storage.managed_schema), 'utf8'));
      expect(Object.keys(schema.properties).sort()).toEqual([
        'captureBlocklist',
        'defaultLanguage',
        'defaultTheme',
        'lockedSettings',
        'serverUrl',
      ]);
    }
    expect(manifest('firefox-mv3').key).toBeUndefined();
  });

  it('builds for Firefox (MV3) with a fixed add-on id and a sidebar', () => {
    const firefox = manifest('firefox-mv3');
    expect(firefox.manifest_version).toBe(3);
    expect(firefox.browser_specific_settings.gecko.id).toBe('beside@beside.dev');
    expect(firefox.sidebar_action.default_panel).toBe('sidepanel.html');
  });

  it('keeps the side panel JavaScript within 200 KB gzipped', async () => {
    const { gzipSync } = await import('node:zlib');
    const html = readFileSync(resolve(root, '.output/chrome-mv3/sidepanel.html'), 'utf8');
    const scripts = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((match) => match[1] as string);
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce(
      (total, file) => total + gzipSync(readFileSync(resolve(root, '.output/chrome-mv3', file))).length,
      0,
    );
    expect(gzipped).toBeLessThan(200 * 1024);
  });

  it('keeps each capture script (one is injected into every page read) within 25 KB gzipped', async () => {
    const { gzipSync } = await import('node:zlib');
    const scripts = [undefined, ...siteBundleIds].map(captureFile);
    for (const file of scripts) {
      const capture = readFileSync(resolve(root, `.output/chrome-mv3${file}`));
      expect(gzipSync(capture).length, file).toBeLessThan(25 * 1024);
    }
    // Nothing else of the name: a script the panel never asks for would ship unmeasured.
    const built = readdirSync(resolve(root, '.output/chrome-mv3')).filter((name) => /^capture.*\.js$/.test(name));
    expect(built.map((name) => `/${name}`).sort()).toEqual([...scripts].sort());
  });
});
