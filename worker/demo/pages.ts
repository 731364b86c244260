import { articlePage } from './article';
import { opportunityPage } from './opportunity';
import { threadPage } from './thread';
import { ticketPage } from './ticket';

/**
 * The demo pages `npm run dev` serves under /demo/: one fictional customer story around Northwind Analytics (the
 * company of knowledge-samples/). Each path imitates the site it stands for after `/demo/<site>/`, so the
 * extension reads it with that site's extractor (extension/capture/demo-pages.ts).
 */
export interface DemoPage {
  path: string;
  /** What the quick start calls it. */
  name: string;
  html: string;
}

export const demoPages: readonly DemoPage[] = [
  {
    path: '/demo/salesforce/lightning/r/Opportunity/006DM00000GLBX01/view',
    name: 'Salesforce opportunity: Globex Logistics renewal',
    html: opportunityPage,
  },
  { path: '/demo/zendesk/agent/tickets/4821', name: 'Zendesk ticket: SSO login fails', html: ticketPage },
  { path: '/demo/gmail/mail/u/0/', name: 'Gmail thread: three-year quote', html: threadPage },
  { path: '/demo/help/articles/sso-setup', name: 'Help-center article: set up SSO', html: articlePage },
];

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

export function demoIndex(): string {
  const links = demoPages
    .map((page) => `<li><a href="${escapeHtml(page.path)}">${escapeHtml(page.name)}</a></li>`)
    .join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Beside demo pages</title>
<style>body{font-family:system-ui,sans-serif;max-width:640px;margin:40px auto;line-height:1.6}</style></head>
<body><h1>Beside demo pages</h1>
<p>Imitations of the tools Beside works beside, with fictional data that matches the sample knowledge base
(Northwind Analytics). Open one, then open the Beside panel.</p>
<ul>${links}</ul></body></html>`;
}
