/**
 * The sites a person can let Beside read without a toolbar click: the manifest's `optional_host_permissions`, and
 * the list the panel checks before offering "Always let Beside read <site>". One list, so the offer can never ask for
 * a site the manifest does not declare (Chrome would refuse the request).
 */
export const KNOWN_SITE_PATTERNS = [
  'https://*.salesforce.com/*',
  'https://*.lightning.force.com/*',
  'https://*.zendesk.com/*',
  'https://mail.google.com/*',
  'https://*.atlassian.net/*',
  'https://app.hubspot.com/*',
] as const;
