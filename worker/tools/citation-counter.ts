/** Numbers passages across one answer: a passage found twice keeps its number, new ones continue the count. */
export class CitationCounter {
  private readonly byChunk = new Map<string, string>();
  constructor(private next: number) {}
  label(chunkId: string): string {
    let label = this.byChunk.get(chunkId);
    if (!label) {
      label = String(this.next++);
      this.byChunk.set(chunkId, label);
    }
    return label;
  }
}
