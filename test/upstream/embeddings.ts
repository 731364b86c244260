/**
 * Deterministic embeddings that still behave like embeddings: feature hashing of word unigrams and
 * bigrams into a fixed number of signed dimensions, L2-normalised. Texts that share (stemmed) words get
 * a higher cosine than texts that do not, which is all retrieval tests need — and it is fast enough to
 * embed a 10,000-chunk knowledge base in a benchmark.
 */

export const DEFAULT_EMBEDDING_DIMENSIONS = 256;
/** OpenAI's own ceilings: 2,048 inputs per call, 3,072 dimensions (text-embedding-3-large). */
export const MAX_EMBEDDING_INPUTS = 2048;
export const MAX_EMBEDDING_DIMENSIONS = 3072;

const UNIGRAM_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.5;

// Deliberately light: only words that carry no topic, so short queries keep their meaning.
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have how i if in into is it its ' +
    'me my of on or our so than that the their them then there these they this to us was we were what when ' +
    'where which who why will with would you your'
  ).split(' '),
);

/** Crude suffix stripping so "pricing", "prices" and "price" meet at "pric"; not a real stemmer. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  // "running" → "runn" → "run"; keep ll/ss/zz, which are usually part of the root ("billing" → "bill").
  if (w.length > 3 && /([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Lower-cased, stop-word-free, stemmed word tokens. */
export function tokenize(text: string): string[] {
  const words =
    text
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const tokens: string[] = [];
  for (const word of words) {
    if (!STOP_WORDS.has(word)) tokens.push(stem(word));
  }
  return tokens;
}

/** FNV-1a over UTF-16 code units, then murmur3's finaliser so low and high bits are both well mixed. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function addFeature(vector: Float64Array, feature: string, weight: number): void {
  const h = hash32(feature);
  // The lowest bit picks the sign, the rest the slot: signed hashing keeps collisions from adding up.
  const sign = h & 1 ? -1 : 1;
  const slot = (h >>> 1) % vector.length;
  vector[slot]! += sign * weight;
}

export function embedText(text: string, dimensions: number = DEFAULT_EMBEDDING_DIMENSIONS): number[] {
  const vector = new Float64Array(dimensions);
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    addFeature(vector, tokens[i]!, UNIGRAM_WEIGHT);
    // The space cannot occur inside a token, so bigram features never collide with unigram ones by name.
    if (i > 0) addFeature(vector, `${tokens[i - 1]} ${tokens[i]}`, BIGRAM_WEIGHT);
  }
  // An empty or all-stop-word text still gets a unit vector, so cosine similarity never divides by zero.
  if (tokens.length === 0) addFeature(vector, '\u0000empty', UNIGRAM_WEIGHT);
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  return Array.from(vector, (value) => value / norm);
}

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/** Rough token count (OpenAI averages ~4 characters per token); only used to fill `usage`. */
export function approximateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

// ---- The /v1/embeddings request ---------------------------------------------------------------

export type EmbeddingsResult = { ok: true; body: unknown } | { ok: false; message: string };

const isNumberArray = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'number');

/** `input` may be a string, strings, a token array or token arrays; token ids are embedded as their digits. */
function readInputs(input: unknown): string[] | string {
  if (typeof input === 'string') return [input];
  if (isNumberArray(input) && input.length > 0) return [input.join(' ')];
  if (!Array.isArray(input) || input.length === 0) return "'input' must be a non-empty string or array";
  const texts: string[] = [];
  for (const item of input) {
    if (typeof item === 'string') texts.push(item);
    else if (isNumberArray(item)) texts.push(item.join(' '));
    else return "'input' must contain only strings or only arrays of token ids";
  }
  if (texts.length > MAX_EMBEDDING_INPUTS) return `'input' must have at most ${MAX_EMBEDDING_INPUTS} items`;
  return texts;
}

/** Float32 little-endian, base64: what OpenAI returns for `encoding_format: "base64"` (the openai SDK's default). */
function toBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}

export function createEmbeddingsResponse(body: unknown, defaultDimensions: number): EmbeddingsResult {
  if (!body || typeof body !== 'object') return { ok: false, message: 'Request body must be a JSON object' };
  const request = body as Record<string, unknown>;
  const inputs = readInputs(request.input);
  if (typeof inputs === 'string') return { ok: false, message: inputs };
  const dimensions = request.dimensions ?? defaultDimensions;
  if (typeof dimensions !== 'number' || !Number.isInteger(dimensions) || dimensions < 1) {
    return { ok: false, message: `'dimensions' must be an integer between 1 and ${MAX_EMBEDDING_DIMENSIONS}` };
  }
  if (dimensions > MAX_EMBEDDING_DIMENSIONS) {
    return { ok: false, message: `'dimensions' must be an integer between 1 and ${MAX_EMBEDDING_DIMENSIONS}` };
  }
  const base64 = request.encoding_format === 'base64';
  const tokens = inputs.reduce((sum, text) => sum + approximateTokens(text), 0);
  return {
    ok: true,
    body: {
      object: 'list',
      data: inputs.map((text, index) => {
        const vector = embedText(text, dimensions);
        return { object: 'embedding', index, embedding: base64 ? toBase64(vector) : vector };
      }),
      model: typeof request.model === 'string' ? request.model : 'text-embedding-3-small',
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    },
  };
}
