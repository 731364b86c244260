import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Emoji and pictographs render as empty boxes where the person's system has no emoji font (Linux desktops,
// kiosks): the panel and the console draw icons as inline SVG (extension/ui/icons.tsx) or say it in words.
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx$/.test(entry.name) ? [path] : [];
  });
}

describe('icons of the panel and the console', () => {
  it('draws no emoji or pictograph glyph in any component', () => {
    const roots = ['extension', 'admin'].map((folder) => join(import.meta.dirname, '..', folder));
    const offenders = roots.flatMap(sources).flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, index) => (PICTOGRAPH.test(line) ? [`${path}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});
