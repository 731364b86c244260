import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../testing/pages';
import { textOf, toMarkdown } from './markdown';

const render = (body: string) =>
  toMarkdown(parsePage(`<html><body>${body}</body></html>`, 'https://example.com/').body);

describe('toMarkdown', () => {
  it('keeps headings, paragraphs, lists and nested lists', () => {
    expect(
      render('<h2>Plan</h2><p>Two  <b>steps</b>:</p><ol><li>Quote</li><li>Sign<ul><li>Legal</li></ul></li></ol>'),
    ).toBe('## Plan\n\nTwo **steps** :\n\n1. Quote\n2. Sign\n\n   - Legal');
  });

  it('marks h1 to h6 as headings of their level, and no other element', () => {
    expect(
      render('<h1>One</h1><h6>Six</h6><div><h7>Seven</h7></div><div><hgroup>Group</hgroup></div><header>Top</header>'),
    ).toBe('# One\n\n###### Six\n\nSeven\n\nGroup\n\nTop');
  });

  it('keeps a table cell on one line, its line breaks read as spaces', () => {
    expect(
      render('<table><tr><th>Name</th><th>Notes</th></tr><tr><td>Acme</td><td>first<br>second</td></tr></table>'),
    ).toBe('| Name | Notes |\n| --- | --- |\n| Acme | first second |');
  });

  it('renders data tables as GFM tables and reads layout tables as blocks', () => {
    expect(render('<table><tr><th>Product</th><th>Qty</th></tr><tr><td>Widget | Pro</td><td>3</td></tr></table>')).toBe(
      '| Product | Qty |\n| --- | --- |\n| Widget \\| Pro | 3 |',
    );
    expect(render('<table><tr><td><p>Only</p></td></tr><tr><td><p>column</p></td></tr></table>')).toBe(
      'Only\n\ncolumn',
    );
  });

  it('keeps code blocks verbatim with their language, and line breaks', () => {
    expect(render('<pre><code class="language-ts">const a = 1;\n  a++;</code></pre><p>one<br>two</p>')).toBe(
      '```ts\nconst a = 1;\n  a++;\n```\n\none\ntwo',
    );
  });

  it('reads the value a field shows after its label, never a draft in an unlabelled box or a secret', () => {
    const document = parsePage(
      `<html><body>
        <div><label for="caller">Caller</label><input id="caller" value="Abel Tuter"></div>
        <div><span id="cat">Category</span><select aria-labelledby="cat"><option>Software</option><option selected>Network</option></select></div>
        <div>Number <input readonly value="INC0010423"></div>
        <label>Description <textarea>VPN drops</textarea></label>
        <textarea placeholder="Add a reply">Draft: thanks Maria</textarea>
        <label>PIN <input type="password" value="1234"></label><label>Agree <input type="checkbox" checked></label>
      </body></html>`,
      'https://acme.service-now.com/incident.do',
    );
    const markdown = toMarkdown(document.body);
    for (const shown of ['Caller Abel Tuter', 'Category Network', 'Number INC0010423', 'Description VPN drops']) {
      expect(markdown).toContain(shown);
    }
    expect(markdown).not.toContain('Software');
    expect(markdown).not.toContain('Draft');
    expect(markdown).not.toContain('1234');
    expect(markdown).toMatch(/Agree$/);
  });

  it('leaves out an avatar’s initials before the name they stand for, and only those', () => {
    const document = parsePage(
      `<html><body>
        <p>Assignee <span class="avatar">PR</span><span>Priya Raman</span></p>
        <p>Owner <span class="avatar">DW</span> Dana Whitfield</p>
        <p>Filed by <span>JS</span> Jane Doe at 10 AM Alpha Meeting</p>
        <h4>Assignee</h4><div>PR</div><div>Priya Raman</div>
        <div>HQ</div><div>Head Office</div><div>UK</div><div>London</div>
        <p>Team PR Priya Raman Added</p>
      </body></html>`,
      'https://app.example.com/',
    );
    const markdown = toMarkdown(document.body);
    expect(markdown).toContain('Assignee Priya Raman');
    expect(markdown).toContain('Owner Dana Whitfield');
    expect(markdown).toContain('JS Jane Doe at 10 AM Alpha Meeting');
    // An avatar drawn as a block of its own, before the name in the next one.
    expect(markdown).toContain('Assignee\n\nPriya Raman');
    expect(markdown).toContain('Head Office\n\nUK\n\nLondon');
    expect(markdown).toContain('Team Priya Raman Added');
  });

  it('keeps a collapsible section’s title, a button inside its heading, where actions are dropped', () => {
    const document = parsePage(
      '<html><body><h3><button aria-expanded="true"><span>Upcoming &amp; Overdue</span></button></h3><p>Call Jane</p><button>Load more</button></body></html>',
      'https://acme.lightning.force.com/lightning/r/Lead/00Q/view',
    );
    expect(toMarkdown(document.body, { dropNavigation: true })).toBe('### Upcoming & Overdue\n\nCall Jane');
  });

  it('quotes blockquotes, skips images and form controls, and drops menus on request', () => {
    const document = parsePage(
      '<html><body><nav><a>Menu</a></nav><blockquote><p>Quoted</p></blockquote><img alt="x"><input value="v"><button>Save</button></body></html>',
      'https://example.com/',
    );
    expect(toMarkdown(document.body)).toBe('Menu\n\n> Quoted\n\nSave');
    expect(toMarkdown(document.body, { dropNavigation: true })).toBe('> Quoted');
  });

  it('keeps a button that shows the option chosen in a list, when it drops the other buttons', () => {
    const document = parsePage(
      '<html><body><div><span>Call outcome</span> <button aria-haspopup="listbox">Connected</button></div>' +
        '<div><span>Contacts</span> <button>+ Add</button></div><div><span>More</span> <button aria-haspopup="menu">Actions</button></div>' +
        '<div><button>Edit</button><button>Delete</button></div></body></html>',
      'https://example.com/',
    );
    const markdown = toMarkdown(document.body, { dropNavigation: true });
    expect(markdown).toContain('Call outcome Connected');
    for (const action of ['+ Add', 'Actions', 'Edit', 'Delete']) expect(markdown).not.toContain(action);
  });

  it('textOf gives one line of visible text', () => {
    const document = parsePage('<div><p>A</p><p>B <span hidden>C</span></p></div>', 'https://example.com/');
    expect(textOf(document.querySelector('div'))).toBe('A B');
  });
  it('stops walking once the block reader has enough, so the rest of a large page is never judged', () => {
    const document = parsePage(
      `<html><body>${Array.from({ length: 200 }, (_, index) => `<p>Paragraph ${index}</p>`).join('')}</body></html>`,
      'https://example.com/',
    );
    const judged: Element[] = [];
    const visibility = {
      isHidden: (element: Element) => {
        judged.push(element);
        return false;
      },
      hidesText: () => false,
      visibleTextOf: (node: Text) => node.nodeValue ?? '',
      isBlock: () => true,
    };
    const read: string[] = [];
    const markdown = toMarkdown(document.body, {
      visibility,
      onBlock: (block) => {
        read.push(block);
        return read.length < 3;
      },
    });
    expect(read).toEqual(['Paragraph 0', 'Paragraph 1', 'Paragraph 2']);
    expect(markdown).toBe('Paragraph 0\n\nParagraph 1\n\nParagraph 2');
    expect(judged.length).toBeLessThan(10);
    // Without a reader that stops, every paragraph is rendered.
    expect(toMarkdown(document.body, { visibility }).split('\n\n')).toHaveLength(200);
  });
});

describe('long runs of text', () => {
  /**
   * Time grows with the square of a run's length when each piece added reads the whole text gathered so far (a
   * regular expression on it, a trim): 20 times the run then takes about 400 times as long, instead of 20.
   */
  it('are gathered in time that grows with their length, not its square', () => {
    const page = (count: number) =>
      parsePage(
        `<html><body><div>${Array.from({ length: count }, (_, index) => `<span>word${index}</span> <a>x</a><br>`).join('')}</div></body></html>`,
        'https://example.com/',
      ).body;
    const small = page(2_000);
    const large = page(40_000);
    const time = (body: HTMLElement) => {
      const start = performance.now();
      const markdown = toMarkdown(body);
      return { ms: performance.now() - start, markdown };
    };
    time(small); // warm up
    // The fastest of three runs each: a ratio in one process, so a machine slow throughout changes nothing.
    const fastest = (body: HTMLElement) => Math.min(time(body).ms, time(body).ms, time(body).ms);
    expect(time(large).markdown.split('\n')).toHaveLength(40_000);
    // Linear is 20 times; quadratic is 400. The margin leaves room for a busy machine.
    expect(fastest(large) / fastest(small)).toBeLessThan(150);
  });
});

describe('pages larger than a call can take arguments', () => {
  it('renders a table of 150,000 rows', () => {
    const rows = '<tr><td>a</td><td>b</td></tr>'.repeat(150_000);
    const markdown = render(`<table>${rows}</table>`);
    expect(markdown.startsWith('| a | b |\n| --- | --- |\n| a | b |')).toBe(true);
  });
});

/** A visibility that judges everything shown and counts what it was asked about. */
function countingVisibility() {
  const asked = { elements: 0, texts: 0 };
  const visibility = {
    isHidden: () => {
      asked.elements++;
      return false;
    },
    hidesText: () => false,
    visibleTextOf: (node: Text) => {
      asked.texts++;
      return node.nodeValue ?? '';
    },
    isBlock: (element: Element) => !['span', 'b', 'a', 'td', 'th'].includes(element.localName),
  };
  return { asked, visibility };
}

describe('a walk that stops once it has more than the budget can keep (maxChars)', () => {
  const body = (html: string) => parsePage(`<html><body>${html}</body></html>`, 'https://example.com/').body;

  it('stops after the paragraph that passes the limit', () => {
    const page = body(Array.from({ length: 2_000 }, (_, index) => `<p>Paragraph ${index}</p>`).join(''));
    const { asked, visibility } = countingVisibility();
    const markdown = toMarkdown(page, { visibility, maxChars: 500 });
    expect(markdown.length).toBeGreaterThan(500);
    expect(markdown.length).toBeLessThan(600);
    expect(markdown.startsWith('Paragraph 0\n\nParagraph 1\n\n')).toBe(true);
    expect(asked.texts).toBeLessThan(60);
  });

  it('stops inside a long table, keeping its header and the rows before the limit', () => {
    const rows = Array.from({ length: 5_000 }, (_, index) => `<tr><td>Row ${index}</td><td>Open</td></tr>`).join('');
    const { asked, visibility } = countingVisibility();
    const markdown = toMarkdown(body(`<table><tr><th>Name</th><th>Status</th></tr>${rows}</table>`), {
      visibility,
      maxChars: 500,
    });
    expect(markdown.startsWith('| Name | Status |\n| --- | --- |\n| Row 0 | Open |\n| Row 1 | Open |')).toBe(true);
    expect(markdown.length).toBeGreaterThan(500);
    expect(markdown.length).toBeLessThan(600);
    expect(asked.texts).toBeLessThan(100);
  });

  it('stops inside a long list', () => {
    const items = Array.from({ length: 5_000 }, (_, index) => `<li>Item ${index}</li>`).join('');
    const { asked, visibility } = countingVisibility();
    const markdown = toMarkdown(body(`<ul>${items}</ul>`), { visibility, maxChars: 500 });
    expect(markdown.startsWith('- Item 0\n- Item 1\n')).toBe(true);
    expect(markdown.length).toBeGreaterThan(500);
    expect(asked.texts).toBeLessThan(100);
  });

  it('stops inside one long run of inline text', () => {
    const spans = Array.from({ length: 5_000 }, (_, index) => `<span>word${index} </span>`).join('');
    const { asked, visibility } = countingVisibility();
    const markdown = toMarkdown(body(`<div>${spans}</div>`), { visibility, maxChars: 500 });
    expect(markdown.length).toBeGreaterThan(500);
    expect(asked.texts).toBeLessThan(100);
  });

  it('stops inside a long code block', () => {
    const lines = Array.from({ length: 5_000 }, (_, index) => `<span>line</span> <b>${index}</b>\n`).join('');
    const { asked, visibility } = countingVisibility();
    const markdown = toMarkdown(body(`<pre><code class="language-log">${lines}</code></pre>`), {
      visibility,
      maxChars: 500,
    });
    expect(markdown.startsWith('```log\nline 0\nline 1\n')).toBe(true);
    expect(markdown.endsWith('\n```')).toBe(true);
    expect(markdown.length).toBeGreaterThan(500);
    expect(markdown.length).toBeLessThan(600);
    expect(asked.texts).toBeLessThan(300);
  });

  it('gives the whole page when it fits, and more than the limit when it does not (so the budget says it cut)', () => {
    const block = fc.oneof(
      fc.string({ minLength: 1, maxLength: 30 }).map((text) => `<p>${escapeHtml(text)}</p>`),
      fc
        .array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 12 })
        .map((items) => `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`),
      fc
        .array(fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 })), { minLength: 1, maxLength: 12 })
        .map(
          (rows) =>
            `<table>${rows.map(([a, b]) => `<tr><td>${escapeHtml(a)}</td><td>${escapeHtml(b)}</td></tr>`).join('')}</table>`,
        ),
      fc
        .array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 12 })
        .map((words) => `<div>${words.map((word) => `<span>${escapeHtml(word)}</span>`).join(' ')}</div>`),
      fc
        .array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 12 })
        .map((lines) => `<pre>${lines.map((line) => `<span>${escapeHtml(line)}</span>`).join('\n')}</pre>`),
      fc
        .array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 12 })
        .map((lines) => `<div>${lines.map((line) => `<span>${escapeHtml(line)}</span>`).join('<br>')}</div>`),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 25 }), fc.integer({ min: 1, max: 400 }), (blocks, maxChars) => {
        const page = body(blocks.join(''));
        const whole = toMarkdown(page);
        const capped = toMarkdown(page, { maxChars });
        if (whole.length <= maxChars) expect(capped).toBe(whole);
        else expect(capped.length).toBeGreaterThan(maxChars);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a layout table’s text once, also when its tables nest', () => {
    let table = '<table><tr><td><p>innermost</p></td></tr></table>';
    for (let depth = 0; depth < 6; depth++)
      table = `<table><tr><td>${table}</td><td><p>level ${depth}</p></td></tr></table>`;
    const { asked, visibility } = countingVisibility();
    const markdown = toMarkdown(body(table), { visibility });
    expect(markdown).toContain('innermost');
    expect(markdown).toContain('level 5');
    expect(asked.texts).toBe(7);
  });
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

describe('the block reader (onBlock)', () => {
  const page = (html: string) => parsePage(`<html><body>${html}</body></html>`, 'https://example.com/').body;

  it('receives a long table’s rows as they are read, and can stop inside it', () => {
    const rows = Array.from({ length: 1_000 }, (_, index) => `<tr><td>Row ${index}</td><td>Open</td></tr>`).join('');
    const read: string[] = [];
    const markdown = toMarkdown(page(`<p>Before</p><table>${rows}</table><p>After</p>`), {
      onBlock: (block) => {
        read.push(block);
        return read.length < 4;
      },
    });
    expect(read).toEqual(['Before', '| Row 0 | Open |', '| Row 1 | Open |', '| Row 2 | Open |']);
    expect(markdown).toBe('Before\n\n| Row 0 | Open |\n| --- | --- |\n| Row 1 | Open |\n| Row 2 | Open |');
  });

  it('receives a long list’s items as they are read', () => {
    const items = Array.from({ length: 1_000 }, (_, index) => `<li>Item ${index}</li>`).join('');
    const read: string[] = [];
    toMarkdown(page(`<ol>${items}</ol>`), {
      onBlock: (block) => {
        read.push(block);
        return read.length < 2;
      },
    });
    expect(read).toEqual(['1. Item 0', '2. Item 1']);
  });

  it('receives a long code block’s lines as they are read, and can stop inside it', () => {
    const lines = Array.from({ length: 1_000 }, (_, index) => `<span>line</span> ${index}\n`).join('');
    const read: string[] = [];
    const { asked, visibility } = countingVisibility();
    toMarkdown(page(`<p>Before</p><pre>${lines}</pre><p>After</p>`), {
      visibility,
      onBlock: (block) => {
        read.push(block);
        return read.length < 4;
      },
    });
    expect(read).toEqual(['Before', 'line 0', 'line 1', 'line 2']);
    expect(asked.texts).toBeLessThan(20);
  });

  it('receives the lines of a long run of text broken by <br> as they are read', () => {
    const lines = Array.from({ length: 1_000 }, (_, index) => `<span>Line</span> <a>${index}</a><br>`).join('');
    const read: string[] = [];
    const markdown = toMarkdown(page(`<div>${lines}</div><p>After</p>`), {
      onBlock: (block) => {
        read.push(block);
        return read.length < 3;
      },
    });
    expect(read).toEqual(['Line 0', 'Line 1', 'Line 2']);
    expect(markdown.startsWith('Line 0\nLine 1\nLine 2')).toBe(true);
    expect(markdown).not.toContain('After');
  });

  it('stops inside a line longer than maxLineChars, and the reader gets what was read of it', () => {
    const words = Array.from({ length: 5_000 }, (_, index) => `<span>word${index}</span>`).join(' ');
    const read: string[] = [];
    const { asked, visibility } = countingVisibility();
    const markdown = toMarkdown(page(`<p>Before</p><div>${words}</div><p>After</p>`), {
      visibility,
      maxLineChars: 500,
      onBlock: (block) => read.push(block) > 0,
    });
    expect(read).toHaveLength(2);
    expect(read[1]?.startsWith('word0 word1 word2')).toBe(true);
    expect(read[1]?.length).toBeGreaterThanOrEqual(500);
    expect(read[1]?.length).toBeLessThan(600);
    expect(markdown).toBe(read.join('\n\n'));
    expect(asked.texts).toBeLessThan(200);
  });

  it('changes nothing in the Markdown of a reader that reads it all', () => {
    const html =
      '<pre><code class="language-sh">npm  ci\n<span>npm</span> test\n\n</code></pre><div>AB <b>one</b><br> two<br><br><br>three</div>' +
      '<h2>Plan</h2><p>AB</p><table><tr><th>Name</th><th>Qty</th></tr><tr><td>Widget</td><td>3</td><td>x</td></tr></table>' +
      '<ul><li>One</li><li>Two<ul><li>Nested</li></ul></li></ul><blockquote><table><tr><td>a</td><td>b</td></tr></table></blockquote>';
    const read: string[] = [];
    const withReader = toMarkdown(page(html), { onBlock: (block) => read.push(block) > 0 });
    expect(withReader).toBe(toMarkdown(page(html)));
    expect(read.join('\n')).toContain('- Two');
    expect(read).toContain('npm test');
    expect(read).toContain('two');
  });
});
