import { z } from 'zod';

/** Company knowledge: what the search and document routes take and give, and how sources reach the panel. */

export const knowledgeLimits = {
  maxQueryChars: 2_000,
  maxK: 50,
  defaultK: 8,
  /** Document content; the request body limit (1 MB) applies too. */
  maxContentChars: 900_000,
} as const;

export const SpaceName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'A space is 1–64 characters: a-z, 0-9, "_" and "-".');

/** Any printable text without control characters: a path, a URL or a CMS id. */
export const DocumentId = z
  .string()
  .min(1)
  .max(300)
  .refine((id) => !/\p{Cc}/u.test(id), 'A document id cannot contain control characters.');

const HttpUrl = z
  .string()
  .max(2_000)
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'Must be an http(s) URL.');

const Content = z.string().min(1).max(knowledgeLimits.maxContentChars);

export const DocumentInput = z
  .object({
    id: DocumentId,
    title: z.string().trim().min(1).max(500),
    url: HttpUrl.optional(),
    space: SpaceName,
    markdown: Content.optional(),
    html: Content.optional(),
    text: Content.optional(),
    updatedAt: z.iso.datetime({ offset: true }).optional(),
    /**
     * Allows moving a document that already exists in another space. Without it such a request is refused
     * (409 document_space_conflict): a space is a permission boundary, so crossing it must be deliberate.
     */
    move: z.boolean().optional(),
  })
  .refine((input) => [input.markdown, input.html, input.text].filter((value) => value !== undefined).length === 1, {
    message: 'Send exactly one of markdown, html or text.',
    path: ['markdown'],
  });
export type DocumentInput = z.infer<typeof DocumentInput>;

export const IngestResult = z.object({
  id: z.string(),
  space: z.string(),
  /** `unchanged`: same content and embedding model as stored; nothing was written. */
  status: z.enum(['created', 'updated', 'unchanged']),
  chunks: z.number().int(),
  /** False when no embedding model is configured: the document is found by keyword search only. */
  embedded: z.boolean(),
});
export type IngestResult = z.infer<typeof IngestResult>;

export const DocumentSummary = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  space: z.string(),
  chunks: z.number().int(),
  contentHash: z.string(),
  embeddingModel: z.string(),
  updatedAt: z.string().nullable(),
  ingestedAt: z.string(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const ListDocumentsQuery = z.object({
  space: SpaceName.optional(),
  /** The last id of the previous page. */
  after: DocumentId.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ListDocumentsResponse = z.object({
  documents: z.array(DocumentSummary),
  /** Pass as `after` for the next page; absent on the last page. */
  next: z.string().optional(),
});
export type ListDocumentsResponse = z.infer<typeof ListDocumentsResponse>;

export const DeleteResult = z.object({ id: z.string(), deleted: z.literal(true), chunks: z.number().int() });
export type DeleteResult = z.infer<typeof DeleteResult>;

export const RetrievalMode = z.enum(['hybrid', 'keyword', 'vector']);
export type RetrievalMode = z.infer<typeof RetrievalMode>;

export const SearchRequest = z.object({
  query: z.string().trim().min(1).max(knowledgeLimits.maxQueryChars),
  k: z.number().int().min(1).max(knowledgeLimits.maxK).default(knowledgeLimits.defaultK),
  /** Narrows the caller's spaces; spaces the caller cannot read are ignored, never added. */
  spaces: z.array(SpaceName).min(1).max(50).optional(),
  /** For evaluation: one side of the hybrid only. */
  mode: RetrievalMode.default('hybrid'),
});
export type SearchRequest = z.infer<typeof SearchRequest>;

export const SearchResult = z.object({
  documentId: z.string(),
  chunkId: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  space: z.string(),
  heading: z.string(),
  text: z.string(),
  score: z.number(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const SearchResponse = z.object({
  results: z.array(SearchResult),
  /** The mode actually used: `keyword` when no embedding model is available. */
  mode: RetrievalMode,
  /** Why results may be weaker than usual (e.g. keyword-only), in words for a person. */
  notice: z.string().optional(),
  /** True when part of retrieval failed (the embedding model or the vector index): keyword results only. */
  degraded: z.boolean().optional(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

/**
 * A citation target as the panel receives it, in the `beside` provider metadata of an AI SDK
 * `source-url` / `source-document` part or in a `search_knowledge` tool result. `label` is what the
 * answer cites: "1", "2", … for company knowledge, "P" for the page the person is looking at.
 */
export const CitedSource = z.object({
  label: z.string().regex(/^(?:P|[1-9]\d{0,2})$/),
  kind: z.enum(['knowledge', 'page']),
  title: z.string(),
  url: z.string().nullable(),
  space: z.string().optional(),
  heading: z.string().optional(),
  /** The passage the model was given (shortened for display). */
  text: z.string(),
  documentId: z.string().optional(),
});
export type CitedSource = z.infer<typeof CitedSource>;

/** The output of the `search_knowledge` tool: numbered passages the answer may cite. */
export const SearchKnowledgeOutput = z.object({
  passages: z.array(CitedSource),
  notice: z.string().optional(),
});
export type SearchKnowledgeOutput = z.infer<typeof SearchKnowledgeOutput>;

export const PAGE_SOURCE_LABEL = 'P';
export const NO_AI_ANSWER_LABEL = 'No AI answer available — here is what the knowledge base says:';
