import { describe, expect, it } from 'vitest';
import { isCaptureBlocked, matchesCapturePattern } from './capture-policy';
import { CapturePattern } from './config';

describe('capture blocklist patterns', () => {
  it('match a host exactly, a wildcard host with its subdomains, and a path prefix on segment boundaries', () => {
    expect(matchesCapturePattern('https://mail.example.com/inbox', 'mail.example.com')).toBe(true);
    expect(matchesCapturePattern('https://evilmail.example.com/', 'mail.example.com')).toBe(false);
    expect(matchesCapturePattern('https://a.hr.example.com/x', '*.hr.example.com')).toBe(true);
    expect(matchesCapturePattern('https://hr.example.com/x', '*.hr.example.com')).toBe(true);
    expect(matchesCapturePattern('https://notthehr.example.com/x', '*.hr.example.com')).toBe(false);
    expect(matchesCapturePattern('https://workday.example/payroll', 'workday.example/payroll')).toBe(true);
    expect(matchesCapturePattern('https://workday.example/payroll/2026', 'workday.example/payroll')).toBe(true);
    expect(matchesCapturePattern('https://workday.example/payrolls', 'workday.example/payroll')).toBe(false);
    expect(matchesCapturePattern('not a url', 'example.com')).toBe(false);
    expect(isCaptureBlocked('https://mail.example.com/', ['other.example', 'mail.example.com'])).toBe(true);
    expect(isCaptureBlocked('https://mail.example.com/', [])).toBe(false);
  });

  it('see through a fully qualified host name with a trailing dot', () => {
    expect(matchesCapturePattern('https://hr.example.com./people', 'hr.example.com')).toBe(true);
    expect(matchesCapturePattern('https://a.hr.example.com./x', '*.hr.example.com')).toBe(true);
    expect(matchesCapturePattern('https://workday.example./payroll/1', 'workday.example/payroll')).toBe(true);
  });

  it('accept hosts, wildcards and paths, and refuse schemes, spaces and commas', () => {
    for (const good of ['mail.example.com', '*.hr.example.com', 'workday.example/payroll', 'localhost:8080']) {
      expect(CapturePattern.safeParse(good).success, good).toBe(true);
    }
    for (const bad of ['https://mail.example.com', 'mail example.com', 'a,b', '*', '**.example.com', '']) {
      expect(CapturePattern.safeParse(bad).success, bad).toBe(false);
    }
  });
});
