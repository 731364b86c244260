import { describe, expect, it } from 'vitest';
import { cosineSimilarity, createEmbeddingsResponse, embedText, stem, tokenize } from './embeddings';

const norm = (v: number[]) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));

describe('embedText', () => {
  it('is deterministic and L2-normalised', () => {
    const a = embedText('How do refunds work for annual plans?', 256);
    const b = embedText('How do refunds work for annual plans?', 256);
    expect(a).toEqual(b);
    expect(a).toHaveLength(256);
    expect(norm(a)).toBeCloseTo(1, 10);
  });

  it('honours the requested dimensions', () => {
    expect(embedText('hello world', 8)).toHaveLength(8);
    expect(embedText('hello world', 1536)).toHaveLength(1536);
  });

  it('gives a unit vector even for empty or stop-word-only text', () => {
    expect(norm(embedText('', 64))).toBeCloseTo(1, 10);
    expect(norm(embedText('the and of', 64))).toBeCloseTo(1, 10);
  });

  it('ranks texts sharing words above unrelated texts', () => {
    const query = embedText('What is the pricing of the enterprise plan?');
    const related = embedText('Enterprise plan prices start at $50 per seat.');
    const unrelated = embedText('Reset your password from the login screen.');
    expect(cosineSimilarity(query, related)).toBeGreaterThan(cosineSimilarity(query, unrelated) + 0.2);
  });

  it('finds the right document among several', () => {
    const docs = [
      'Refunds are issued within 30 days of purchase.',
      'Our office is closed on public holidays.',
      'Two-factor authentication protects your account.',
      'Shipping takes three to five business days.',
    ];
    const query = embedText('how long do I have to get a refund');
    const scores = docs.map((doc) => cosineSimilarity(query, embedText(doc)));
    expect(scores.indexOf(Math.max(...scores))).toBe(0);
  });

  it('is case-insensitive and ignores punctuation', () => {
    expect(embedText('Billing Address!')).toEqual(embedText('billing address'));
  });

  it('embeds 10,000 short texts quickly', () => {
    const started = performance.now();
    for (let i = 0; i < 10_000; i++)
      embedText(`Chunk ${i} about billing, refunds and account settings number ${i % 97}`);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('tokenize and stem', () => {
  it('drops stop words and strips common suffixes', () => {
    expect(tokenize('The prices of the plans')).toEqual(['pric', 'plan']);
    expect(stem('pricing')).toBe(stem('price'));
    expect(stem('policies')).toBe('policy');
    expect(stem('running')).toBe('run');
    expect(stem('billing')).toBe('bill');
  });
});

describe('createEmbeddingsResponse', () => {
  it('embeds string arrays in order with usage', () => {
    const result = createEmbeddingsResponse({ model: 'm', input: ['a cat', 'a dog'] }, 32);
    if (!result.ok) throw new Error(result.message);
    const body = result.body as { data: { index: number; embedding: number[] }[]; model: string; usage: unknown };
    expect(body.model).toBe('m');
    expect(body.data.map((d) => d.index)).toEqual([0, 1]);
    expect(body.data[0]!.embedding).toEqual(embedText('a cat', 32));
    expect(body.usage).toEqual({ prompt_tokens: 4, total_tokens: 4 });
  });

  it('treats token arrays as their joined numbers', () => {
    const single = createEmbeddingsResponse({ input: [1, 2, 3] }, 16);
    const many = createEmbeddingsResponse({ input: [[1, 2, 3], [4]] }, 16);
    if (!single.ok || !many.ok) throw new Error('expected success');
    const first = (r: unknown) => (r as { data: { embedding: number[] }[] }).data[0]!.embedding;
    expect(first(single.body)).toEqual(embedText('1 2 3', 16));
    expect(first(many.body)).toEqual(embedText('1 2 3', 16));
    expect((many.body as { data: unknown[] }).data).toHaveLength(2);
  });

  it('returns base64 float32 vectors when asked', () => {
    const result = createEmbeddingsResponse({ input: 'hello', encoding_format: 'base64', dimensions: 4 }, 16);
    if (!result.ok) throw new Error(result.message);
    const encoded = (result.body as { data: { embedding: string }[] }).data[0]!.embedding;
    // Copy out of Node's shared buffer pool, whose offset need not be 4-byte aligned.
    const bytes = new Uint8Array(Buffer.from(encoded, 'base64'));
    const decoded = Array.from(new Float32Array(bytes.buffer));
    expect(decoded).toHaveLength(4);
    const expected = embedText('hello', 4);
    for (const [i, value] of decoded.entries()) expect(value).toBeCloseTo(expected[i]!, 6);
  });

  it('rejects bad input and dimensions', () => {
    expect(createEmbeddingsResponse({}, 16).ok).toBe(false);
    expect(createEmbeddingsResponse({ input: [] }, 16).ok).toBe(false);
    expect(createEmbeddingsResponse({ input: ['ok', 3] }, 16).ok).toBe(false);
    expect(createEmbeddingsResponse({ input: 'x', dimensions: 0 }, 16).ok).toBe(false);
    expect(createEmbeddingsResponse({ input: 'x', dimensions: 5000 }, 16).ok).toBe(false);
    expect(createEmbeddingsResponse({ input: Array(2049).fill('x') }, 16).ok).toBe(false);
  });
});
