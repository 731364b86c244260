/**
 * Large pages built from the same markup as the hand-written fixtures, for the budget tests and the capture
 * benchmark: a Zendesk ticket with many messages and a Lightning record page padded to a target size with the
 * related lists, timeline entries and hidden cached records that make real Lightning pages heavy.
 */

const words =
  'export report customer pipeline renewal quote timeout region plant widget legal invoice schedule review update'.split(
    ' ',
  );

function sentence(seed: number, length: number): string {
  return Array.from({ length }, (_, index) => words[(seed * 7 + index * 3) % words.length]).join(' ');
}

function ticketMessage(index: number): string {
  const internal = index % 5 === 3;
  const author = index % 2 === 0 ? 'Maria Gonzalez' : internal ? 'Ana Lima' : 'Sam Patel';
  const minutes = String(index % 60).padStart(2, '0');
  const day = String(1 + (Math.floor(index / 24) % 28)).padStart(2, '0');
  return `<article data-test-id="omni-log-comment-item" aria-label="${internal ? 'Internal note by' : 'Comment by'} ${author}">
  <div data-test-id="omni-log-item-header"><span data-test-id="omni-log-item-sender"><strong>${author}</strong></span>${
    internal ? '<span data-test-id="omni-log-internal-note-tag">Internal note</span>' : ''
  }<time data-test-id="timestamp-relative" datetime="2026-10-${day}T${String(index % 24).padStart(2, '0')}:${minutes}:00Z">Oct ${day}</time></div>
  <div data-test-id="omni-log-item-message"><div data-test-id="omni-log-message-content"><div class="zd-comment"><p>Message ${index + 1}: ${sentence(index, 40)}.</p><p>${sentence(index + 1, 25)}.</p></div></div></div>
</article>`;
}

/** A Zendesk Agent Workspace ticket with `count` messages (every fifth one an internal note). */
export function generatedTicket(count: number): string {
  const messages = Array.from({ length: count }, (_, index) => ticketMessage(index)).join('\n');
  return `<!--{"url":"https://acme-support.zendesk.com/agent/tickets/5100"}-->
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Ticket: Nightly sync keeps failing – Zendesk</title>
<style>.sc-hidden{display:none}</style></head>
<body>
<nav data-test-id="navbar"><a>Views</a><a>Customers</a><a>Organizations</a><a>Reporting</a></nav>
<main>
<div data-ticket-id="5100">
  <section data-test-id="ticket-form-panel">
    <div data-test-id="ticket-system-field-requester"><label>Requester</label><span>Maria Gonzalez</span></div>
    <div data-test-id="ticket-system-field-priority"><label>Priority</label><button>Urgent</button></div>
    <div data-test-id="ticket-system-field-type"><label>Type</label><button>Incident</button></div>
  </section>
  <input data-test-id="omni-header-subject" value="Nightly sync keeps failing">
  <span data-test-id="ticket-status-tag">Pending</span>
  <div data-test-id="omni-log-container" role="log">
${messages}
  </div>
</div>
</main>
</body></html>`;
}

function detailItem(label: string, value: string): string {
  return `<records-record-layout-item field-label="${label}"><div class="slds-form-element"><span class="slds-form-element__label"><span class="test-id__field-label">${label}</span></span><div class="slds-form-element__control"><span class="test-id__field-value slds-form-element__static"><slot><lightning-formatted-text>${value}</lightning-formatted-text></slot></span><button class="slds-button"><span class="slds-assistive-text">Edit ${label}</span></button></div></div></records-record-layout-item>`;
}

function relatedRow(index: number): string {
  return `<tr><th scope="row"><a>Widget ${index}</a></th><td>${index * 3}</td><td>$${index * 10}.00</td><td>${sentence(index, 6)}</td></tr>`;
}

function timelineItem(index: number): string {
  return `<li><div class="slds-timeline__item_expandable slds-timeline__item_call"><h3 class="slds-timeline__title"><a class="subjectLink">Call ${index}: ${sentence(index, 5)}</a></h3><p class="slds-timeline__date">Oct ${1 + (index % 28)}</p><article class="slds-timeline__item_details" style="display:none">${sentence(index, 30)}</article></div></li>`;
}

/**
 * A Lightning Opportunity page of roughly `targetBytes`: the visible record has 40 fields, 6 related lists of
 * 30 rows and a 60-entry timeline; the rest of the weight is hidden cached records (as Lightning keeps them).
 * With `longListRows`, the visible record's last related list has that many rows more (an account's contacts).
 */
export function generatedLightningPage(targetBytes: number, longListRows = 0): string {
  const fields = Array.from({ length: 40 }, (_, index) =>
    detailItem(
      index === 0 ? 'Stage' : index === 1 ? 'Amount' : `Field ${index}`,
      index === 0 ? 'Negotiation/Review' : index === 1 ? '$120,000.00' : sentence(index, 4),
    ),
  ).join('');
  const related = Array.from(
    { length: 6 },
    (_, list) =>
      `<lst-related-list-single-container><article class="slds-card"><h2 class="slds-card__header-title"><span title="List ${list}">List ${list}</span><span title="(30)">(30)</span></h2><table><thead><tr><th aria-label="Product">Product</th><th aria-label="Quantity">Quantity</th><th aria-label="Price">Price</th><th aria-label="Notes">Notes</th></tr></thead><tbody>${Array.from({ length: 30 }, (_, row) => relatedRow(row)).join('')}</tbody></table></article></lst-related-list-single-container>`,
  ).join('');
  const timeline = `<ul class="slds-timeline">${Array.from({ length: 60 }, (_, index) => timelineItem(index)).join('')}</ul>`;
  const longList = Array.from({ length: longListRows }, (_, row) => relatedRow(30 + row)).join('');
  const lastListEnd = related.lastIndexOf('</tbody>');
  const visibleRelated = `${related.slice(0, lastListEnd)}${longList}${related.slice(lastListEnd)}`;
  const visible = `<div class="oneContent active"><one-record-home-flexipage2><records-highlights2><h1><div class="entityNameTitle">Opportunity</div><slot name="primaryField"><lightning-formatted-text>Acme Corp - 200 Widgets</lightning-formatted-text></slot></h1><records-highlights-details-item><p class="slds-text-title" title="Account Name">Account Name</p><p class="fieldComponent">Acme Corp</p></records-highlights-details-item></records-highlights2><records-record-layout-section>${fields}</records-record-layout-section>${visibleRelated}${timeline}</one-record-home-flexipage2></div>`;
  const head = `<!--{"url":"https://acme-corp.lightning.force.com/lightning/r/Opportunity/0065g00000XyZabAAF/view"}-->
<!DOCTYPE html><html><head><meta charset="utf-8"><title>Acme Corp - 200 Widgets | Salesforce</title>
<style>.slds-assistive-text{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}</style></head><body>
<nav role="navigation"><a>Home</a><a>Opportunities</a><a>Accounts</a></nav><div class="oneCenterStage">`;
  const cached: string[] = [];
  let size = head.length + visible.length;
  for (let index = 0; size < targetBytes; index++) {
    const hidden = `<div class="oneContent" style="display:none"><records-highlights2><h1><slot name="primaryField">Cached record ${index}</slot></h1></records-highlights2><records-record-layout-section>${fields}</records-record-layout-section>${related}</div>`;
    cached.push(hidden);
    size += hidden.length;
  }
  return `${head}${cached.join('')}${visible}</div></body></html>`;
}

/**
 * A report on a site capture knows nothing of (read by the generic strategy): a heading, a filter line and a table
 * of `rows` rows of five columns, far more than a budget keeps, as an export or a long list view shows them.
 */
export function generatedReport(rows: number): string {
  const body = Array.from(
    { length: rows },
    (_, index) =>
      `<tr><td>ORD-${100_000 + index}</td><td>${sentence(index, 3)}</td><td>${1 + (index % 28)} Oct 2026</td><td>${(index * 37) % 1000}.00 EUR</td><td>${index % 3 === 0 ? 'Shipped' : 'Open'}</td></tr>`,
  ).join('\n');
  return `<!--{"url":"https://reports.example.com/orders?quarter=Q4"}-->
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Orders, Q4 – Reports</title></head>
<body>
<h1>Orders, Q4</h1>
<p>All regions · ${rows} orders</p>
<table><thead><tr><th>Order</th><th>Items</th><th>Date</th><th>Amount</th><th>Status</th></tr></thead>
<tbody>
${body}
</tbody></table>
</body></html>`;
}
