/** A help-center article (read by Readability): setting up SSO, matching knowledge-samples/support/sso-setup.md. */
export const articlePage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Set up single sign-on (SAML) – Northwind Help Center</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#1f2933;line-height:1.5}.demo-banner{background:#fff4ce;padding:6px 12px;font-size:13px}
header,footer{background:#0b3954;color:#fff;padding:12px 24px}article{max-width:720px;margin:24px auto;padding:0 24px}</style></head>
<body>
<div class="demo-banner">Beside demo page: an imitation of a help-center article (fictional data).</div>
<header><strong>Northwind Help Center</strong> · Beacon</header>
<nav aria-label="Breadcrumb" style="padding:8px 24px"><a href="#">Help Center</a> › <a href="#">Account and security</a></nav>
<main>
<article>
  <h1>Set up single sign-on (SAML)</h1>
  <p><em>Updated November 2026 · 4 min read</em></p>
  <p>Single sign-on (SSO) with SAML 2.0 lets your team sign in to Beacon with your identity provider, such as Okta,
  Microsoft Entra ID or Google Workspace. SSO is available on the Enterprise plan.</p>
  <h2>Before you start</h2>
  <ul>
    <li>You need the Beacon admin role and an administrator of your identity provider.</li>
    <li>Keep one admin account that signs in with a password until SSO works for everyone.</li>
  </ul>
  <h2>Configure your identity provider</h2>
  <ol>
    <li>Create a SAML application in your identity provider.</li>
    <li>Set the ACS URL to the one shown in Beacon under Settings → Security → SSO; it depends on your data region (EU or US).</li>
    <li>Set the audience (entity ID) to the value shown on the same page. An "audience mismatch" error means the entity ID in your identity provider does not match it.</li>
    <li>Map the email attribute to the user's email address.</li>
  </ol>
  <h2>Turn on SSO in Beacon</h2>
  <p>Paste your identity provider's metadata URL, test the sign-in with one account, then turn on "Require SSO".
  Users who are signed in stay signed in until their session ends.</p>
  <h2>Still stuck?</h2>
  <p>Contact support with the time of a failed sign-in and your identity provider's name; we answer Enterprise
  tickets within 4 business hours.</p>
</article>
</main>
<footer>© 2026 Northwind Analytics (fictional)</footer>
</body></html>`;
