/// <reference types="vite/client" />
/**
 * The shared sales-call transcripts (../shared/data/conversations/sales-calls, MIT, LLM-written), read at
 * test time and never copied into the repository. Vite resolves the glob when the test is bundled for workerd
 * (which has no file system); an absent folder gives an empty glob, which `salesCall` reports plainly.
 */
const transcripts = import.meta.glob<string>('../../../shared/data/conversations/sales-calls/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export function salesCall(name: string): string {
  const entry = Object.entries(transcripts).find(([path]) => path.endsWith(`/${name}.md`));
  if (!entry) {
    throw new Error(
      `The shared sales-call transcripts are missing: expected ../shared/data/conversations/sales-calls/${name}.md ` +
        `next to the project (see /work/shared/data/README.md). Found: ${Object.keys(transcripts).length} transcripts.`,
    );
  }
  return entry[1];
}
