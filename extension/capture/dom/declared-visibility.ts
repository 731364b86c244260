import { parseColor, type Rgba } from './color';
import { blend, gradientColors, over, unreadableAgainst } from './contrast';
import { type Declarations, DeclaredStyles } from './css-rules';
import { asComputed, colorInBackground } from './declared-colors';
import { svgFilterOpacity } from './svg-filter';
import {
  blockTags,
  clipsOverflow,
  clipsToNothing,
  filterEffects,
  MemoisedVisibility,
  maskOpacity,
  minimumFontPx,
  minimumOpacity,
  offscreenPx,
  parentOf,
  scaledToNothing,
  unreadableBlurPx,
} from './visibility-rules';

/** px value of a CSS length; em/rem/% relative to `base`; undefined when unknown (auto, calc…). */
function lengthPx(value: string | undefined, base = 16): number | undefined {
  if (!value) return undefined;
  const match = value.trim().match(/^(-?[\d.]+)(px|em|rem|pt|%|)$/);
  if (!match) return undefined;
  const number = Number.parseFloat(match[1] ?? '');
  switch (match[2]) {
    case 'em':
      return number * base;
    case 'rem':
      return number * 16;
    case 'pt':
      return (number * 4) / 3;
    case '%':
      return (number / 100) * base;
    default:
      return number;
  }
}

/** The largest translation out to the left or top in a `transform` (translate, translateX/Y, translate3d). */
function translatedAway(transform: string | undefined): boolean {
  if (!transform) return false;
  for (const match of transform.matchAll(/translate(?:3d|x|y)?\(([^)]*)\)/g)) {
    for (const part of (match[1] ?? '').split(',')) {
      const px = lengthPx(part.trim());
      if (px !== undefined && Math.abs(px) >= offscreenPx * 2) return true;
    }
  }
  return false;
}

/**
 * No layout engine (linkedom in unit tests, any DOM without `getComputedStyle`): the layout judge's rules applied
 * to the declared style — inline `style` and the page's `<style>` rules — with inheritance, `var()` and opacity
 * accumulation done by hand. It can't know geometry, so it decides only what the declarations alone say.
 */
export class DeclaredVisibility extends MemoisedVisibility {
  private readonly declared = new WeakMap<Element, Declarations>();
  private readonly fontSizes = new WeakMap<Element, number>();
  private readonly opacities = new WeakMap<Element, number>();
  private readonly styles: DeclaredStyles;

  constructor(document: Document) {
    super();
    this.styles = new DeclaredStyles(document);
  }

  private style(element: Element): Declarations {
    let style = this.declared.get(element);
    if (!style) {
      style = this.styles.of(element);
      this.declared.set(element, style);
    }
    return style;
  }

  /** A declared value with `var(--x, fallback)` resolved against the custom properties in scope. */
  private value(element: Element, property: string): string | undefined {
    const raw = this.style(element).get(property);
    return raw?.includes('var(') ? this.resolve(element, raw, 0) : raw;
  }

  private resolve(element: Element, value: string, depth: number): string | undefined {
    if (depth > 8) return undefined; // a cycle of variables
    return value.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^)]*))?\)/g, (_, name: string, fallback?: string) => {
      const found = this.inherited(element, name);
      const resolved = found?.includes('var(') ? this.resolve(element, found, depth + 1) : found;
      return resolved ?? fallback?.trim() ?? '';
    });
  }

  isBlock(element: Element): boolean {
    const display = this.style(element).get('display');
    return display ? /^(block|flex|grid|list-item|table|flow-root)/.test(display) : blockTags.has(element.localName);
  }

  /** Own opacity times `filter: opacity()` times every ancestor's. */
  private opacity(element: Element | null): number {
    if (!element) return 1;
    const known = this.opacities.get(element);
    if (known !== undefined) return known;
    const own = Number.parseFloat(this.value(element, 'opacity') ?? '1');
    const filter = this.value(element, 'filter');
    const result =
      (Number.isFinite(own) ? own : 1) *
      filterEffects(filter).opacity *
      (filter?.includes('url(') ? svgFilterOpacity(element, filter) : 1) *
      maskOpacity(
        asComputed(this.value(element, 'mask-image') ?? this.value(element, '-webkit-mask-image')),
        this.value(element, 'mask-size') ?? this.value(element, '-webkit-mask-size'),
      ) *
      this.opacity(parentOf(element));
    this.opacities.set(element, result);
    return result;
  }

  protected hidesBox(element: Element): boolean {
    const style = this.style(element);
    if (style.size === 0) return false;
    const value = (property: string) => this.value(element, property);
    // visibility is judged on text (unreadableText): a child may set it back to visible.
    if (value('display') === 'none') return true;
    if (value('content-visibility') === 'hidden') return true;
    if (this.opacity(element) < minimumOpacity) return true;
    if (filterEffects(value('filter')).blurPx >= unreadableBlurPx) return true;
    if (clipsToNothing(value('clip'), value('clip-path')) || scaledToNothing(value('transform'))) return true;
    if (translatedAway(value('transform'))) return true;
    const overflow = value('overflow') ?? value('overflow-x') ?? value('overflow-y');
    const width = lengthPx(value('width'));
    const height = lengthPx(value('height'));
    const maxWidth = lengthPx(value('max-width'));
    const maxHeight = lengthPx(value('max-height'));
    const flat = (size: number | undefined) => size !== undefined && size <= 1;
    if (clipsOverflow(overflow) && (flat(width) || flat(height) || flat(maxWidth) || flat(maxHeight))) return true;
    const position = value('position');
    if (position === 'absolute' || position === 'fixed' || position === 'relative') {
      const left = lengthPx(value('left')) ?? 0;
      const top = lengthPx(value('top')) ?? 0;
      const right = lengthPx(value('right')) ?? 0;
      if (left <= -offscreenPx || top <= -offscreenPx || Math.abs(right) >= offscreenPx * 2) return true;
    }
    return false;
  }

  private inherited(element: Element, property: string): string | undefined {
    for (let current: Element | null = element; current; current = parentOf(current)) {
      const value = this.style(current).get(property);
      if (value !== undefined && value !== 'inherit') return value;
    }
    return undefined;
  }

  private inheritedValue(element: Element, property: string): string | undefined {
    for (let current: Element | null = element; current; current = parentOf(current)) {
      const value = this.value(current, property);
      if (value !== undefined && value !== 'inherit') return value;
    }
    return undefined;
  }

  private fontSize(element: Element | null): number {
    if (!element) return 16;
    const known = this.fontSizes.get(element);
    if (known !== undefined) return known;
    const parentSize = this.fontSize(parentOf(element));
    const size = lengthPx(this.value(element, 'font-size'), parentSize) ?? parentSize;
    this.fontSizes.set(element, size);
    return size;
  }

  /** The colours behind the text: the nearest opaque fill or every stop of the nearest gradient; none = an image. */
  private backgrounds(element: Element): Rgba[] | undefined {
    for (let current: Element | null = element; current; current = parentOf(current)) {
      const shorthand = this.value(current, 'background');
      if (shorthand?.includes('url(')) return undefined;
      if (shorthand?.includes('gradient(')) {
        const stops = gradientColors(asComputed(shorthand) ?? '');
        if (stops) return stops.map((stop) => over(stop, [255, 255, 255, 1]));
      }
      const color = parseColor(asComputed(this.value(current, 'background-color'))) ?? colorInBackground(shorthand);
      if (color && color[3] > 0.5) return [over(color, [255, 255, 255, 1])];
    }
    return [[255, 255, 255, 1]];
  }

  protected unreadableText(element: Element): boolean {
    const visibility = this.inheritedValue(element, 'visibility');
    if (visibility === 'hidden' || visibility === 'collapse') return true;
    if (this.fontSize(element) < minimumFontPx) return true;
    const indent = lengthPx(this.inheritedValue(element, 'text-indent'));
    if (indent !== undefined && indent <= -offscreenPx) return true;
    const fill = parseColor(asComputed(this.inheritedValue(element, '-webkit-text-fill-color')));
    const color = fill ?? parseColor(asComputed(this.inheritedValue(element, 'color')));
    if (!color) return false;
    const opacity = color[3] * this.opacity(element);
    if (opacity < minimumOpacity) return true;
    const backgrounds = this.backgrounds(element);
    if (!backgrounds) return false;
    const blendMode = this.value(element, 'mix-blend-mode');
    const painted = backgrounds.map((background) =>
      over(blendMode ? blend(blendMode, color, background) : color, background, this.opacity(element)),
    );
    return painted.every((paint, index) => unreadableAgainst(paint, [backgrounds[index] as Rgba]));
  }
}
