/** Images are read at this size at most: enough to tell an opaque picture from one with see-through parts. */
const sampleSize = 32;

/** A picture on the page: an image, or a canvas the page draws on (read the same way, never drawn on). */
export type Picture = HTMLImageElement | HTMLCanvasElement;

/**
 * Whether a picture paints every point of its box: loaded, and every pixel at least `opaque` (alpha, 0–1), read
 * through a small canvas of our own.
 * A picture with see-through parts (a logo, a watermark, a chart) or one still loading, broken or from another
 * origin (its pixels cannot be read) is not: text under it is kept.
 */
export function paintsWholeBox(image: Picture, opaque: number): boolean {
  const { complete, naturalWidth, naturalHeight } = image as HTMLImageElement;
  if (complete === false || typeof OffscreenCanvas !== 'function') return false;
  // An SVG without a size of its own answers 0, a canvas nothing: it is drawn at the sample size.
  const width = Math.min(sampleSize, naturalWidth || sampleSize);
  const height = Math.min(sampleSize, naturalHeight || sampleSize);
  try {
    const context = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    if (!context) return false;
    context.drawImage(image, 0, 0, width, height);
    const { data } = context.getImageData(0, 0, width, height);
    const minimum = opaque * 255;
    for (let alpha = 3; alpha < data.length; alpha += 4) if ((data[alpha] ?? 0) < minimum) return false;
    return true;
  } catch {
    // A broken image cannot be drawn; one from another origin taints the canvas, which then cannot be read.
    return false;
  }
}
