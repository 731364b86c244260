/** A one-line progress bar on stderr (redrawn in place on a terminal, a line per 10 % otherwise). */
import type { Progress } from './upload';

export function progressBar(stream: NodeJS.WriteStream = process.stderr, width = 28): (progress: Progress) => void {
  let lastDecile = -1;
  return ({ done, total, source }) => {
    const ratio = total === 0 ? 1 : done / total;
    const filled = Math.round(ratio * width);
    const bar = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}`;
    if (stream.isTTY) {
      const name = source.length > 40 ? `…${source.slice(-39)}` : source;
      stream.write(`\r\x1b[2K${bar} ${name}${done === total ? '\n' : ''}`);
      return;
    }
    const decile = Math.floor(ratio * 10);
    if (decile !== lastDecile || done === total) {
      lastDecile = decile;
      stream.write(`${bar}\n`);
    }
  };
}
