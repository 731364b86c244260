import { describe, expect, it } from 'vitest';
import { chunkMarkdown, chunkPlainText, splitBody, splitSections } from './chunk';
import { htmlToMarkdown } from './to-markdown';

const options = { targetChars: 200, maxChars: 300, overlapChars: 60 };

describe('splitSections', () => {
  it('cuts at headings and keeps the heading path', () => {
    const sections = splitSections(
      [
        '# Refunds',
        'Intro text.',
        '## Eligibility',
        'Within 30 days.',
        '### Exceptions',
        'Annual plans.',
        '## How to ask',
        'Email us.',
      ].join('\n\n'),
    );
    expect(sections.map((section) => [section.heading, section.body])).toEqual([
      ['Refunds', 'Intro text.'],
      ['Refunds › Eligibility', 'Within 30 days.'],
      ['Refunds › Eligibility › Exceptions', 'Annual plans.'],
      ['Refunds › How to ask', 'Email us.'],
    ]);
  });

  it('ignores # lines inside fenced code, front matter and empty sections', () => {
    const sections = splitSections(
      ['---', 'title: x', '---', '# A', '## B', '```sh', '# not a heading', '```'].join('\n'),
    );
    expect(sections).toHaveLength(1);
    expect(sections[0]?.heading).toBe('A › B');
    expect(sections[0]?.body).toContain('# not a heading');
  });

  it('keeps text before the first heading with an empty heading', () => {
    expect(splitSections('Plain text only.')).toEqual([{ index: 0, heading: '', body: 'Plain text only.' }]);
  });
});

describe('splitBody', () => {
  it('keeps a short section whole', () => {
    expect(splitBody('Short.', options)).toEqual(['Short.']);
  });

  it('splits a long section at paragraph and sentence boundaries, with overlap', () => {
    const sentences = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} talks about topic ${i}.`);
    const body = [
      sentences.slice(0, 10).join(' '),
      sentences.slice(10, 20).join(' '),
      sentences.slice(20).join(' '),
    ].join('\n\n');
    const chunks = splitBody(body, options);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(options.maxChars);
    // Every sentence survives, and each chunk after the first starts with the end of the previous one.
    for (const sentence of sentences) expect(chunks.some((chunk) => chunk.includes(sentence))).toBe(true);
    for (let i = 1; i < chunks.length; i++) {
      const firstSentence = (chunks[i] as string).split(/(?<=\.)\s/)[0] as string;
      expect(chunks[i - 1]).toContain(firstSentence);
    }
  });

  it('cuts a single endless sentence at word boundaries', () => {
    const chunks = splitBody('word '.repeat(400).trim(), options);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) expect(chunk).toMatch(/^word(\s+word)*$/);
  });
});

describe('chunkMarkdown', () => {
  it('numbers chunks and marks their section', () => {
    const long = Array.from({ length: 20 }, (_, i) => `Fact ${i} about the enterprise plan pricing.`).join(' ');
    const chunks = chunkMarkdown(`# Pricing\n\n${long}\n\n# Refunds\n\nWithin 30 days.`, options);
    expect(chunks.map((chunk) => chunk.position)).toEqual(chunks.map((_, i) => i));
    const refund = chunks.at(-1);
    expect(refund).toMatchObject({ heading: 'Refunds', text: 'Within 30 days.' });
    expect(new Set(chunks.slice(0, -1).map((chunk) => chunk.section))).toEqual(new Set([0]));
    expect(refund?.section).toBe(1);
  });
});

describe('chunkPlainText', () => {
  it('never reads "# " lines as headings: a one-line "# …" text is a passage, not an empty document', () => {
    expect(chunkPlainText('# Example usage')).toEqual([
      { position: 0, section: 0, heading: '', text: '# Example usage' },
    ]);
    const code = '# Install the SDK\npip install anthropic\n\n# Then call it\nclient = Anthropic()';
    expect(chunkPlainText(code)).toEqual([{ position: 0, section: 0, heading: '', text: code }]);
  });

  it('keeps front-matter-like lines and splits long text by length only', () => {
    expect(chunkPlainText('---\nnot: front matter\n---\nbody')[0]?.text).toBe('---\nnot: front matter\n---\nbody');
    const long = Array.from({ length: 12 }, (_, n) => `# ${n} Sentence number ${n} of a long note.`).join('\n\n');
    const chunks = chunkPlainText(long, options);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((chunk) => chunk.heading === '' && chunk.section === 0)).toBe(true);
    expect(chunks.map((chunk) => chunk.position)).toEqual(chunks.map((_, index) => index));
    expect(chunkPlainText('  \n ')).toEqual([]);
  });
});

describe('htmlToMarkdown', () => {
  it('keeps headings and text, drops scripts, styles and tags, decodes entities', () => {
    const markdown = htmlToMarkdown(
      '<html><head><title>t</title><style>p{}</style></head><body><nav>Menu</nav><h1>SSO &amp; SAML</h1>' +
        '<p>Set up <b>single sign-on</b>.</p><script>alert(1)</script><h2>Okta</h2><ul><li>One</li><li>Two&nbsp;&#8211; three</li></ul></body></html>',
    );
    expect(markdown).toBe('# SSO & SAML\n\nSet up single sign-on.\n\n## Okta\n\n- One\n- Two – three');
  });
});
