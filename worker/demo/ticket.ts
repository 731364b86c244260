/**
 * A Zendesk ticket in the agent workspace's markup (ticket fields, conversation log with public replies and an
 * internal note): an Initech analyst cannot sign in with SSO. The help center answers it (knowledge-samples/support).
 */
export const ticketPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Ticket: SSO login fails with "invalid audience" – Northwind Support – Zendesk</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#2f3941}.demo-banner{background:#fff4ce;padding:6px 12px;font-size:13px}
main{display:flex;gap:16px;padding:12px}section{min-width:220px}label{display:block;font-size:12px;color:#68737d;margin-top:8px}
article{border-bottom:1px solid #d8dcde;padding:8px 0}.internal-note{background:#fff6e0}</style></head>
<body>
<div class="demo-banner">Beside demo page: an imitation of a Zendesk ticket (fictional data).</div>
<div id="root" data-garden-id="chrome.chrome">
  <nav data-test-id="navbar" aria-label="Main navigation"><a href="#" data-test-id="navbar-views">Views</a> · <a href="#" data-test-id="navbar-customers">Customers</a></nav>
  <main data-garden-id="chrome.main">
    <div data-ticket-id="4821" class="ember-view workspace">
      <div data-test-id="ticket-pane" class="ticket-pane" style="display:flex;gap:16px">
        <section data-test-id="ticket-form-panel" aria-label="Ticket properties">
          <div data-test-id="ticket-system-field-requester"><label>Requester</label>
            <div data-test-id="ticket-system-field-requester-select"><span>Priya Shah</span></div></div>
          <div data-test-id="ticket-system-field-assignee"><label>Assignee*</label>
            <div data-test-id="ticket-system-field-assignee-select"><span>Support / Alex Moreau</span></div></div>
          <div data-test-id="ticket-fields-tags"><label>Tags</label>
            <div data-test-id="ticket-fields-tags-select"><span data-test-id="ticket-tag">sso</span> <span data-test-id="ticket-tag">saml</span></div></div>
          <div data-test-id="ticket-system-field-type"><label>Type</label>
            <div data-test-id="ticket-system-field-type-select"><button data-test-id="ticket-form-field-dropdown-button">Problem</button></div></div>
          <div data-test-id="ticket-system-field-priority"><label>Priority</label>
            <div data-test-id="ticket-system-field-priority-select"><button data-test-id="ticket-form-field-dropdown-button">High</button></div></div>
          <div data-test-id="ticket-form-field-dropdown-field-360011223344"><label>Plan</label>
            <button data-test-id="ticket-form-field-dropdown-button">Enterprise</button></div>
        </section>
        <div data-test-id="ticket-main" class="ticket-main">
          <div data-test-id="omni-header">
            <input data-test-id="omni-header-subject" aria-label="Subject" value="SSO login fails with &quot;invalid audience&quot;" size="48">
            <span data-test-id="ticket-status-tag" class="status-open">Open</span>
          </div>
          <div data-test-id="omni-log-container" role="log" aria-label="Conversation">
            <article data-test-id="omni-log-comment-item" aria-label="Comment by Priya Shah">
              <div data-test-id="omni-log-item-header">
                <span data-test-id="omni-log-item-sender"><strong>Priya Shah</strong></span>
                <span data-test-id="omni-log-item-via">via Email</span>
                <time data-test-id="timestamp-relative" datetime="2026-11-24T09:14:00Z" title="Tuesday, 24 November 2026 09:14">Nov 24 09:14</time>
              </div>
              <div data-test-id="omni-log-item-message"><div data-test-id="omni-log-message-content"><div class="zd-comment" dir="auto">
                <p>Hello,</p>
                <p>We switched Beacon to SSO with Okta this morning. Our analysts now get "SAML response invalid: audience mismatch" when they sign in, and nobody can reach the dashboards.</p>
                <p>Which audience and ACS URL should we enter in Okta?</p>
                <p>Thanks,<br>Priya</p>
              </div></div></div>
            </article>
            <article data-test-id="omni-log-comment-item" class="internal-note" aria-label="Internal note by Alex Moreau">
              <div data-test-id="omni-log-item-header">
                <span data-test-id="omni-log-item-sender"><strong>Alex Moreau</strong></span>
                <span data-test-id="omni-log-internal-note-tag">Internal note</span>
                <time data-test-id="timestamp-relative" datetime="2026-11-24T09:40:00Z">Nov 24 09:40</time>
              </div>
              <div data-test-id="omni-log-item-message"><div data-test-id="omni-log-message-content"><div class="zd-comment" dir="auto">
                <p>Initech is on Enterprise, so SSO is included. Their Okta app probably still has the EU entity ID.</p>
              </div></div></div>
            </article>
          </div>
          <div data-test-id="omnicomposer-rich-text-ckeditor" class="ck-editor" style="margin-top:12px">
            <div class="ck-editor__editable" contenteditable="true" role="textbox" aria-label="Public reply" style="border:1px solid #d8dcde;min-height:80px;padding:8px"></div>
          </div>
        </div>
      </div>
    </div>
  </main>
</div>
</body></html>`;
