import { describe, expect, it } from 'vitest';
import { capturePageWith } from './capture-page';
import { extractorsByBundle } from './registry';
import { captureFile, isNeedsSiteScript, scriptName, siteBundleAt, siteBundleIds } from './site-bundles';
import { loadPage, sharedPage } from './testing/pages';

const at = (address: string) => siteBundleAt(new URL(address));

describe('the capture script for a page', () => {
  it('is chosen from the address, each site by its own hosts and paths', () => {
    expect(at('https://acme.lightning.force.com/lightning/r/Opportunity/006/view')).toBe('salesforce');
    expect(at('https://acme.my.salesforce.com/0015g00000AbCdE')).toBe('salesforce');
    expect(at('https://acme--c.vf.force.com/apex/Page')).toBe('salesforce');
    expect(at('https://acme.zendesk.com/agent/tickets/4821')).toBe('zendesk');
    // Broad on purpose: a Zendesk view that is not a ticket gets the same script, which reads it generically.
    expect(at('https://acme.zendesk.com/agent/dashboard')).toBe('zendesk');
    expect(at('https://acme.freshdesk.com/a/tickets/12')).toBe('freshdesk');
    expect(at('https://app-eu1.hubspot.com/contacts/1/record/0-3/2')).toBe('hubspot');
    expect(at('https://mail.google.com/mail/u/0/#inbox')).toBe('gmail');
    // Atlassian hosts both: the wiki's paths are Confluence's, the rest Jira's.
    expect(at('https://acme.atlassian.net/wiki/spaces/ENG/pages/1/Runbook')).toBe('confluence');
    expect(at('https://acme.atlassian.net/browse/OPS-12')).toBe('jira');
    expect(at('https://wiki.acme.internal/display/ENG/Runbook')).toBe('confluence');
    expect(at('https://www.notion.so/acme/Plan-123')).toBe('notion');
    expect(at('https://old.reddit.com/r/sysadmin/comments/1/x/')).toBe('reddit');
    expect(at('https://github.com/acme/app/pull/482')).toBe('github');
    expect(at('https://en.wikipedia.org/wiki/Side_panel')).toBeUndefined();
    // Look-alikes are not the site.
    expect(at('https://zendesk.com.evil.example/agent/tickets/1')).toBeUndefined();
    expect(at('https://mail.google.com.evil.example/')).toBeUndefined();
  });

  it('reads a demo page of `npm run dev` as the site it imitates, only on this computer', () => {
    expect(at('http://127.0.0.1:8787/demo/zendesk/agent/tickets/4821')).toBe('zendesk');
    expect(at('http://localhost:8787/demo/salesforce/lightning/r/Opportunity/006/view')).toBe('salesforce');
    expect(at('https://beside.example/demo/zendesk/agent/tickets/4821')).toBeUndefined();
  });

  it('names one file per site script, and one for every other page', () => {
    expect(captureFile(undefined)).toBe('/capture.js');
    expect(captureFile('zendesk')).toBe('/capture-zendesk.js');
    expect(new Set(siteBundleIds.map(captureFile)).size).toBe(siteBundleIds.length);
    expect(scriptName(undefined)).toBe('generic');
    expect(siteBundleIds).not.toContain('generic');
  });
});

describe('a capture script on a page another script should read', () => {
  it('asks for the GitHub script where GitHub’s issue viewer is on another host (GitHub Enterprise)', () => {
    const issue = sharedPage('defuddle/general--github.com-issue-56.html');
    const enterprise = () => loadPage(issue, 'https://git.acme.internal/platform/app/issues/56');
    expect(at('https://git.acme.internal/platform/app/issues/56')).toBeUndefined();
    const asked = capturePageWith(undefined, [])(enterprise());
    expect(isNeedsSiteScript(asked) && asked.bundle).toBe('github');
    const read = capturePageWith('github', extractorsByBundle.github)(enterprise());
    expect(isNeedsSiteScript(read)).toBe(false);
    expect(read).toMatchObject({ site: 'github', kind: 'ticket' });
  });

  it('asks for the script of the address when it is not that one (a page that moved on in the same tab)', () => {
    const page = loadPage(
      sharedPage('defuddle/general--github.com-issue-56.html'),
      'https://acme.zendesk.com/agent/tickets/1',
    );
    const asked = capturePageWith('salesforce', extractorsByBundle.salesforce)(page);
    expect(isNeedsSiteScript(asked) && asked.bundle).toBe('zendesk');
  });

  it('accepts only a known script in an answer that asks for one', () => {
    expect(isNeedsSiteScript({ needs: 'site-script', bundle: 'zendesk' })).toBe(true);
    expect(isNeedsSiteScript({ needs: 'site-script', bundle: '../../evil' })).toBe(false);
    expect(isNeedsSiteScript({ needs: 'article-reader' })).toBe(false);
    expect(isNeedsSiteScript(null)).toBe(false);
  });
});
