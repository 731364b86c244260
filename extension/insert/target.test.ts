import { describe, expect, it } from 'vitest';
import { insertDraftIntoPage } from './insert-draft';
import { checkInsertTarget, isSamePage, targetChangedMessage, targetClosedMessage } from './target';
import { parse } from './testing';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox';
const target = { tabId: 7, url: GMAIL };

describe('checkInsertTarget: the draft goes into the tab it was written for, or nowhere', () => {
  it('allows the same page, whatever its fragment or query became', () => {
    expect(checkInsertTarget(target, { url: GMAIL })).toEqual({ ok: true, target });
    expect(checkInsertTarget(target, { url: 'https://mail.google.com/mail/u/0/#inbox?compose=new' })).toEqual({
      ok: true,
      target,
    });
    expect(checkInsertTarget(target, { url: 'https://mail.google.com/mail/u/0/?tab=rm#inbox' })).toEqual({
      ok: true,
      target,
    });
  });

  it('refuses when the tab is gone', () => {
    expect(checkInsertTarget(target, undefined)).toEqual({
      ok: false,
      reason: 'target-closed',
      message: targetClosedMessage(),
    });
  });

  it('refuses a draft bound to no tab', () => {
    expect(checkInsertTarget(undefined, { url: GMAIL })).toMatchObject({ ok: false, reason: 'target-closed' });
  });

  it('refuses when the tab navigated to another path, origin or scheme, or its address can no longer be read', () => {
    for (const url of [
      'https://mail.google.com/mail/u/1/#inbox',
      'https://acme.zendesk.com/mail/u/0/',
      'http://mail.google.com/mail/u/0/',
      'https://mail.google.com:8443/mail/u/0/',
      undefined,
      '',
      'not a url',
    ]) {
      expect(checkInsertTarget(target, { url }), String(url)).toEqual({
        ok: false,
        reason: 'target-changed',
        message: targetChangedMessage(),
      });
    }
  });

  it('says so in words next to the button', () => {
    expect(targetClosedMessage()).toContain('The page this draft was written for is no longer open');
    expect(targetChangedMessage()).toContain('The page this draft was written for has changed');
  });
});

describe('isSamePage', () => {
  it('compares origin and path only', () => {
    expect(isSamePage('https://a.example/x?y=1#z', 'https://a.example/x')).toBe(true);
    expect(isSamePage('https://a.example/x', 'https://a.example/x/')).toBe(false);
    expect(isSamePage('https://a.example/x', 'https://b.example/x')).toBe(false);
  });

  it('never matches pages without an origin', () => {
    expect(isSamePage('data:text/html,hi', 'data:text/html,hi')).toBe(false);
    expect(isSamePage('about:blank', 'about:blank')).toBe(false);
    expect(isSamePage('file:///tmp/a.html#x', 'file:///tmp/a.html')).toBe(true);
    expect(isSamePage('file:///tmp/a.html', 'file:///tmp/b.html')).toBe(false);
  });
});

describe('insertDraftIntoPage: the injected script checks the page it runs in', () => {
  const page = () => parse('<textarea id="reply"></textarea>');

  it('inserts into the page the draft was written for, whatever its fragment', () => {
    const document = page();
    const result = insertDraftIntoPage(document, `${GMAIL}?compose=new`, { body: 'Hello', pageUrl: GMAIL });
    expect(result).toMatchObject({ ok: true });
    expect(document.querySelector<HTMLTextAreaElement>('#reply')!.value).toBe('Hello');
  });

  it('inserts nothing into a page the tab navigated to after the panel looked', () => {
    const document = page();
    const result = insertDraftIntoPage(document, 'https://acme.zendesk.com/agent/tickets/1', {
      body: 'Hello',
      pageUrl: GMAIL,
    });
    expect(result).toEqual({ ok: false, reason: 'target-changed', message: targetChangedMessage() });
    expect(document.querySelector<HTMLTextAreaElement>('#reply')!.value).toBe('');
  });
});
