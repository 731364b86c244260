/**
 * Whether a page may be captured under the capture blocklist (CAPTURE_BLOCKLIST, served in /v1/config and
 * pushed by managed storage). Patterns are validated by `CapturePattern` in shared/config.ts.
 */
export function matchesCapturePattern(pageUrl: string, pattern: string): boolean {
  const url = URL.parse(pageUrl);
  if (!url) return false;
  const slash = pattern.indexOf('/');
  const hostPattern = (slash === -1 ? pattern : pattern.slice(0, slash)).toLowerCase();
  const pathPrefix = slash === -1 ? '' : pattern.slice(slash);
  // "hr.example.com." is the same site as "hr.example.com" (a fully qualified name): it must not slip past.
  const hostname = url.hostname.replace(/\.+$/, '');
  const host = url.port && hostPattern.includes(':') ? `${hostname}:${url.port}` : hostname;
  const hostMatches = hostPattern.startsWith('*.')
    ? host === hostPattern.slice(2) || host.endsWith(hostPattern.slice(1))
    : host === hostPattern;
  if (!hostMatches) return false;
  if (!pathPrefix) return true;
  // "/payroll" blocks /payroll and /payroll/…, not /payrolls.
  return (
    url.pathname === pathPrefix || url.pathname.startsWith(pathPrefix.endsWith('/') ? pathPrefix : `${pathPrefix}/`)
  );
}

export function isCaptureBlocked(pageUrl: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => matchesCapturePattern(pageUrl, pattern));
}
