/**
 * Finds the documents to ingest: Markdown, HTML and text files in a folder (recursively) or one file, a
 * web page, or every page of a sitemap. Each becomes a `DocumentInput` with a stable id, so running the
 * same ingest again updates documents instead of duplicating them.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import type { DocumentInput } from '../../shared/knowledge';
import { HostPolicy } from './hosts';

export interface Collected {
  /** Where it came from (a path or URL), for progress and error lines. */
  source: string;
  document?: DocumentInput;
  error?: string;
}

const EXTENSIONS: Record<string, 'markdown' | 'html' | 'text'> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdx': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.txt': 'text',
};

const MAX_SITEMAP_PAGES = 5_000;

function humanize(name: string): string {
  const words = name
    .replace(/\.[^.]+$/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function decode(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** Front matter `title:`/`url:`, else the first `# heading`, else `<title>`/`<h1>`, else the file name. */
export function titleAndUrl(content: string, kind: 'markdown' | 'html' | 'text', fallback: string) {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(content)?.[1] ?? '';
  const field = (name: string) =>
    new RegExp(`^${name}:\\s*["']?(.+?)["']?\\s*$`, 'm').exec(front)?.[1]?.trim() || undefined;
  let title = field('title');
  if (!title && kind === 'markdown') title = /^#\s+(.+?)\s*#*\s*$/m.exec(content)?.[1];
  if (!title && kind === 'html') {
    const raw =
      /<title[^>]*>([\s\S]*?)<\/title>/i.exec(content)?.[1] ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(content)?.[1];
    title = raw
      ? decode(raw.replace(/<[^>]+>/g, ''))
          .replace(/\s+/g, ' ')
          .trim()
      : undefined;
  }
  const url = field('url');
  return { title: (title || fallback).slice(0, 500), url: url && /^https?:\/\//.test(url) ? url : undefined };
}

function documentFrom(options: {
  id: string;
  space: string;
  content: string;
  kind: 'markdown' | 'html' | 'text';
  fallbackTitle: string;
  url?: string;
  updatedAt?: string;
}): DocumentInput {
  const { title, url } = titleAndUrl(options.content, options.kind, options.fallbackTitle);
  const link = options.url ?? url;
  return {
    id: options.id,
    title,
    space: options.space,
    [options.kind]: options.content,
    ...(link ? { url: link } : {}),
    ...(options.updatedAt ? { updatedAt: options.updatedAt } : {}),
  } as DocumentInput;
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && EXTENSIONS[extname(entry.name).toLowerCase()] !== undefined)
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !path.split(sep).some((part) => part.startsWith('.') || part === 'node_modules'))
    .sort();
}

async function fromFile(path: string, root: string, space: string): Promise<Collected> {
  try {
    const kind = EXTENSIONS[extname(path).toLowerCase()] ?? 'text';
    const [content, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    const relativePath = relative(root, path).split(sep).join('/') || basename(path);
    return {
      source: path,
      document: documentFrom({
        id: `${space}/${relativePath.replace(/\.[^./]+$/, '')}`,
        space,
        content,
        kind,
        fallbackTitle: humanize(basename(path)),
        updatedAt: info.mtime.toISOString(),
      }),
    };
  } catch (error) {
    return { source: path, error: (error as Error).message };
  }
}

async function fromUrl(url: string, space: string, hosts: HostPolicy): Promise<Collected> {
  if (!hosts.allows(url)) return { source: url, error: hosts.refusal(url) };
  try {
    const response = await hosts.fetch(url, { headers: { Accept: 'text/html, text/markdown, text/plain;q=0.9' } });
    if (!response.ok) return { source: url, error: `HTTP ${response.status} fetching the page` };
    const type = response.headers.get('Content-Type') ?? '';
    const content = await response.text();
    const kind = /markdown/.test(type) ? 'markdown' : /text\/plain/.test(type) ? 'text' : 'html';
    return {
      source: url,
      document: documentFrom({ id: url, space, content, kind, fallbackTitle: url, url }),
    };
  } catch (error) {
    return { source: url, error: (error as Error).message };
  }
}

/**
 * The page URLs of a sitemap (following one level of sitemap index), or undefined when `text` is no sitemap.
 * Pages on other hosts are kept (and refused one by one, so the summary names them); nested sitemaps on
 * other hosts are skipped with a warning.
 */
async function sitemapUrls(text: string, hosts: HostPolicy, depth = 0): Promise<string[] | undefined> {
  if (!/<(urlset|sitemapindex)\b/i.test(text)) return undefined;
  const locations = [...text.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/gi)].map((match) => decode(match[1] as string));
  if (!/<sitemapindex\b/i.test(text)) return locations.slice(0, MAX_SITEMAP_PAGES);
  if (depth > 0) return [];
  const pages: string[] = [];
  for (const location of locations) {
    const response = await hosts.fetch(location).catch((error: Error) => {
      console.warn(`Skipped sitemap ${error.message}`);
      return undefined;
    });
    if (!response?.ok) continue;
    pages.push(...((await sitemapUrls(await response.text(), hosts, depth + 1)) ?? []));
    if (pages.length >= MAX_SITEMAP_PAGES) break;
  }
  return pages.slice(0, MAX_SITEMAP_PAGES);
}

export interface CollectOptions {
  /** Hosts besides the source URL's own that pages, sitemaps and redirects may be on (`--allow-host`). */
  allowHosts?: readonly string[];
  fetchImpl?: typeof fetch;
}

/** Expands a source into the documents it holds; per-item problems are returned, not thrown. */
export async function collectDocuments(
  source: string,
  space: string,
  options: CollectOptions = {},
): Promise<Collected[]> {
  if (/^https?:\/\//i.test(source)) {
    if (!URL.canParse(source)) return [{ source, error: 'Not a valid URL.' }];
    const hosts = new HostPolicy(source, options.allowHosts, options.fetchImpl);
    const response = await hosts.fetch(source).catch((error: Error) => error);
    if (response instanceof Error) return [{ source, error: response.message }];
    if (!response.ok) return [{ source, error: `HTTP ${response.status} fetching ${source}` }];
    const text = await response.text();
    const pages = await sitemapUrls(text, hosts);
    if (!pages) {
      const type = response.headers.get('Content-Type') ?? '';
      const kind = /markdown/.test(type) ? 'markdown' : /text\/plain/.test(type) ? 'text' : 'html';
      return [
        {
          source,
          document: documentFrom({ id: source, space, content: text, kind, fallbackTitle: source, url: source }),
        },
      ];
    }
    const collected: Collected[] = [];
    for (const page of pages) collected.push(await fromUrl(page, space, hosts));
    return collected;
  }
  const info = await stat(source).catch(() => undefined);
  if (!info) return [{ source, error: 'No such file or folder.' }];
  if (info.isFile()) return [await fromFile(source, join(source, '..'), space)];
  const files = await filesUnder(source);
  if (files.length === 0) return [{ source, error: 'No .md, .html or .txt files in this folder.' }];
  return Promise.all(files.map((file) => fromFile(file, source, space)));
}
