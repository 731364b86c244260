import { blankFontFace } from './support/blank-font';
import { solidPngUrl } from './support/solid-png';

const whitePng = solidPngUrl([255, 255, 255, 255]);
const whiteSvg = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" preserveAspectRatio="none"><rect width="1" height="1" fill="white"/></svg>')}`;

/**
 * Ways of putting text on a page that the person cannot see, each as markup around a marker that must never be
 * captured (`hidden`) and a neighbour the person does see that must be (`seen`), so a filter that hides too much
 * fails as surely as one that hides too little. `controls` are visible-but-unusual layouts that must be kept.
 */
export interface Trick {
  id: string;
  html: (hidden: string, seen: string) => string;
  /**
   * Placed far below the fold in its own `content-visibility: auto` block, whose rendering Chromium skips until the
   * person scrolls there: the same rules must hold in it, although its placeholder size is not where its text ends.
   */
  skippedLayout?: boolean;
}

export const tricks: Trick[] = [
  { id: 'display-none-rule', html: (h, s) => `<p>${s}</p><p class="gone">${h}</p>` },
  { id: 'visibility-hidden', html: (h, s) => `<p>${s}</p><p style="visibility:hidden">${h}</p>` },
  {
    id: 'visibility-collapse',
    html: (h, s) => `<table><tr><td>${s}</td></tr><tr style="visibility:collapse"><td>${h}</td></tr></table>`,
  },
  { id: 'hidden-attribute', html: (h, s) => `<p>${s}</p><p hidden>${h}</p>` },
  { id: 'aria-hidden', html: (h, s) => `<p>${s}</p><div aria-hidden="true"><p>${h}</p></div>` },
  { id: 'opacity-zero', html: (h, s) => `<p>${s}</p><p style="opacity:0">${h}</p>` },
  {
    id: 'opacity-accumulated',
    html: (h, s) => `<p>${s}</p><div style="opacity:.3"><div style="opacity:.25"><p>${h}</p></div></div>`,
  },
  { id: 'filter-opacity', html: (h, s) => `<p>${s}</p><p style="filter:opacity(0.03)">${h}</p>` },
  { id: 'content-visibility-hidden', html: (h, s) => `<p>${s}</p><div style="content-visibility:hidden">${h}</div>` },
  { id: 'scale-zero', html: (h, s) => `<p>${s}</p><p style="transform:scale(0)">${h}</p>` },
  {
    id: 'scale-tiny',
    html: (h, s) => `<p>${s}</p><div style="transform:scale(0.1);transform-origin:0 0"><p>${h}</p></div>`,
  },
  { id: 'translate-offscreen', html: (h, s) => `<p>${s}</p><p style="transform:translateX(-30000px)">${h}</p>` },
  { id: 'relative-offset', html: (h, s) => `<p>${s}</p><p style="position:relative;left:-30000px">${h}</p>` },
  { id: 'absolute-left', html: (h, s) => `<p>${s}</p><div style="position:absolute;left:-10000px">${h}</div>` },
  { id: 'absolute-top', html: (h, s) => `<p>${s}</p><div style="position:absolute;top:-10000px">${h}</div>` },
  {
    id: 'clip-rect',
    html: (h, s) => `<p>${s}</p><span style="position:absolute;clip:rect(0 0 0 0)">${h}</span>`,
  },
  { id: 'clip-path-inset', html: (h, s) => `<p>${s}</p><p style="clip-path:inset(50%)">${h}</p>` },
  { id: 'clip-path-circle', html: (h, s) => `<p>${s}</p><p style="clip-path:circle(0)">${h}</p>` },
  {
    id: 'one-pixel-box',
    html: (h, s) =>
      `<p>${s}</p><div style="position:relative"><span style="position:absolute;width:1px;height:1px;overflow:hidden;white-space:nowrap">${h}</span></div>`,
  },
  { id: 'height-zero-overflow', html: (h, s) => `<p>${s}</p><div style="height:0;overflow:hidden"><p>${h}</p></div>` },
  { id: 'max-height-zero', html: (h, s) => `<p>${s}</p><div style="max-height:0;overflow:hidden"><p>${h}</p></div>` },
  {
    id: 'outside-clip-rect',
    html: (h, s) =>
      `<div style="height:3em;overflow:hidden"><p style="margin:0">${s}</p><p style="margin-top:400px">${h}</p></div>`,
  },
  {
    id: 'cover-z-index',
    html: (h, s) =>
      `<div style="position:relative"><p>${h}</p><div style="position:absolute;inset:0;background:#fff;z-index:2"></div></div><p>${s}</p>`,
  },
  {
    id: 'cover-later-sibling',
    html: (h, s) =>
      `<p>${s}</p><div style="position:relative;padding:4px"><span>${h}</span><b style="position:absolute;left:0;top:0;right:0;bottom:0;background:rgb(255,255,255)"></b></div>`,
  },
  {
    // Lightning-style markup: the cover lives in the component's shadow root, over the component's own text.
    id: 'cover-in-shadow-root',
    html: (h, s) =>
      `<p>${s}</p><div><template shadowrootmode="open"><div style="position:relative"><p>${h}</p><div style="position:absolute;inset:0;background:#fff;z-index:2"></div></div></template></div>`,
  },
  {
    // A cover from a shadow root laid over light-DOM text.
    id: 'cover-from-shadow-host',
    html: (h, s) =>
      `<p>${s}</p><div style="position:relative"><p>${h}</p><div style="position:absolute;inset:0;z-index:3"><template shadowrootmode="open"><div style="position:absolute;inset:0;background:#fff"></div></template></div></div>`,
  },
  { id: 'details-bare-text', html: (h, s) => `<details><summary>${s}</summary>${h}</details>` },
  { id: 'details-paragraph', html: (h, s) => `<details><summary>${s}</summary><p>${h}</p></details>` },
  { id: 'closed-dialog', html: (h, s) => `<p>${s}</p><dialog>${h}</dialog>` },
  { id: 'text-fill-transparent', html: (h, s) => `<p>${s}</p><p style="-webkit-text-fill-color:transparent">${h}</p>` },
  { id: 'color-transparent', html: (h, s) => `<p>${s}</p><p style="color:transparent">${h}</p>` },
  { id: 'white-on-white', html: (h, s) => `<p>${s}</p><p style="color:#ffffff">${h}</p>` },
  { id: 'near-equal-color', html: (h, s) => `<p>${s}</p><p style="color:#f7f7f7">${h}</p>` },
  {
    id: 'same-color-variables',
    html: (h, s) =>
      `<div style="--ink:#1f3b57;background:var(--ink);padding:4px"><p style="color:#fff">${s}</p><p style="color:var(--ink)">${h}</p></div>`,
  },
  {
    id: 'gradient-background',
    html: (h, s) =>
      `<div style="background:linear-gradient(90deg,#0b3d91,#0d3f93);padding:4px"><p style="color:#fff">${s}</p><p style="color:#0c3e92">${h}</p></div>`,
  },
  {
    id: 'dark-on-dark',
    html: (h, s) =>
      `<div style="background:#111;padding:4px"><p style="color:#eee">${s}</p><p style="color:#161616">${h}</p></div>`,
  },
  { id: 'tiny-font', html: (h, s) => `<p>${s}</p><p style="font-size:2px">${h}</p>` },
  { id: 'font-size-zero', html: (h, s) => `<p>${s}</p><div style="font-size:0"><span>${h}</span></div>` },
  { id: 'text-indent', html: (h, s) => `<p>${s}</p><p style="text-indent:-9999px">${h}</p>` },
  { id: 'pre-hidden-span', html: (h, s) => `<pre>${s}\n<span style="opacity:0">${h}</span></pre>` },
  { id: 'pre-white', html: (h, s) => `<p>${s}</p><pre style="color:#fff">${h}</pre>` },
  { id: 'blur', html: (h, s) => `<p>${s}</p><p style="filter:blur(8px)">${h}</p>` },
  {
    id: 'blend-mode',
    html: (h, s) =>
      `<div style="background:#fff;isolation:isolate"><p>${s}</p><p style="color:#000;mix-blend-mode:screen">${h}</p></div>`,
  },
  // An atomic inline box (inline-block) is transformed like any block: scaled to nothing, it shows nothing.
  {
    id: 'inline-block-scale-zero',
    html: (h, s) => `<p>${s}</p><p><span style="display:inline-block;transform:scale(0)">${h}</span></p>`,
  },
  { id: 'fixed-clip-rect', html: (h, s) => `<p>${s}</p><span style="position:fixed;clip:rect(0 0 0 0)">${h}</span>` },
  { id: 'contain-paint-empty', html: (h, s) => `<p>${s}</p><div style="contain:paint;height:0"><p>${h}</p></div>` },
  { id: 'noscript', html: (h, s) => `<p>${s}</p><noscript>${h}</noscript>` },
  { id: 'template', html: (h, s) => `<p>${s}</p><template><p>${h}</p></template>` },
  {
    id: 'shadow-opacity',
    html: (h, s) => `<div><template shadowrootmode="open"><p>${s}</p><p style="opacity:0">${h}</p></template></div>`,
  },
  {
    id: 'shadow-same-color',
    html: (h, s) =>
      `<div><template shadowrootmode="open"><style>.ink{color:#fff}</style><p>${s}</p><p class="ink">${h}</p></template></div>`,
  },
  // Text that is a shadow root's own child, as lightning-formatted-text renders a value: it is drawn with its host's
  // style, and judged by it (it has no parent element of its own). Both leaked: found on an unseen Lightning record.
  {
    id: 'shadow-root-text-visibility-hidden',
    html: (h, s) =>
      `<p>${s}</p><div style="visibility:hidden"><x-value><template shadowrootmode="open">${h}</template></x-value></div>`,
  },
  {
    id: 'shadow-root-text-white',
    html: (h, s) =>
      `<p>${s}</p><div style="color:#fff"><x-value><template shadowrootmode="open">${h}</template></x-value></div>`,
  },
  // Light text slotted under a white wrapper inside the host's shadow tree: it inherits from the slot, not its parent.
  {
    id: 'slotted-text-under-white-wrapper',
    html: (h, s) =>
      `<p>${s}</p><x-card><template shadowrootmode="open"><div style="color:#fff"><slot></slot></div></template>${h}</x-card>`,
  },
  // Found by a second round of tricks written without looking at the judge: clip-path shapes other than the three
  // above, masks, frames too small or too far to show their page, a face turned away, a layer under its parent's
  // background, and colours written in the newer CSS colour spaces (which computed style keeps as written).
  { id: 'clip-path-inset-side', html: (h, s) => `<p>${s}</p><p style="clip-path:inset(0 100% 0 0)">${h}</p>` },
  { id: 'clip-path-inset-bottom', html: (h, s) => `<p>${s}</p><p style="clip-path:inset(0 0 100% 0)">${h}</p>` },
  { id: 'clip-path-inset-px', html: (h, s) => `<p>${s}</p><p style="clip-path:inset(0 0 0 5000px)">${h}</p>` },
  { id: 'clip-path-path', html: (h, s) => `<p>${s}</p><p style="clip-path:path('M0 0')">${h}</p>` },
  { id: 'clip-path-rect', html: (h, s) => `<p>${s}</p><p style="clip-path:rect(0 0 0 0)">${h}</p>` },
  { id: 'clip-path-xywh', html: (h, s) => `<p>${s}</p><p style="clip-path:xywh(0 0 0 0)">${h}</p>` },
  {
    id: 'clip-path-polygon-elsewhere',
    html: (h, s) => `<p>${s}</p><p style="clip-path:polygon(-900px -900px,-899px -900px,-899px -899px)">${h}</p>`,
  },
  {
    id: 'clip-path-ellipse-tiny',
    html: (h, s) => `<p>${s}</p><p style="clip-path:ellipse(0.4px 20px at 0 0)">${h}</p>`,
  },
  {
    id: 'mask-transparent',
    html: (h, s) =>
      `<p>${s}</p><p style="-webkit-mask-image:linear-gradient(transparent,transparent);mask-image:linear-gradient(transparent,transparent)">${h}</p>`,
  },
  {
    id: 'mask-size-zero',
    html: (h, s) =>
      `<p>${s}</p><div style="mask-image:linear-gradient(#000,#000);mask-size:0 0;mask-repeat:no-repeat"><p>${h}</p></div>`,
  },
  {
    id: 'iframe-zero-size',
    html: (h, s) => `<p>${s}</p><iframe style="width:0;height:0;border:0" srcdoc="<p>${h}</p>"></iframe>`,
  },
  {
    id: 'iframe-one-pixel',
    html: (h, s) => `<p>${s}</p><iframe width="1" height="1" style="border:0" srcdoc="<p>${h}</p>"></iframe>`,
  },
  {
    id: 'iframe-off-page',
    html: (h, s) => `<p>${s}</p><iframe style="position:absolute;left:-5000px" srcdoc="<p>${h}</p>"></iframe>`,
  },
  {
    id: 'backface-turned-away',
    html: (h, s) => `<p>${s}</p><p style="transform:rotateY(180deg);backface-visibility:hidden">${h}</p>`,
  },
  {
    id: 'under-parent-background',
    html: (h, s) => `<p>${s}</p><div style="background:#fff"><p style="position:relative;z-index:-1">${h}</p></div>`,
  },
  { id: 'oklch-white', html: (h, s) => `<p>${s}</p><p style="color:oklch(100% 0 0)">${h}</p>` },
  {
    id: 'color-mix-near-background',
    html: (h, s) =>
      `<div style="background:rgb(250,250,250)"><p>${s}</p><p style="color:color-mix(in srgb, rgb(250,250,250) 97%, black)">${h}</p></div>`,
  },
  {
    id: 'display-p3-on-p3',
    html: (h, s) =>
      `<div style="background:color(display-p3 0.2 0.3 0.8)"><p style="color:#fff">${s}</p><p style="color:color(display-p3 0.2 0.3 0.8)">${h}</p></div>`,
  },
  // Fixed boxes belong to the viewport: one placed outside it is never on screen, however far the page scrolls.
  {
    id: 'fixed-below-viewport',
    html: (h, s) => `<p>${s}</p><div style="position:fixed;top:3000px;left:0">${h}</div>`,
  },
  {
    id: 'fixed-right-of-viewport',
    html: (h, s) => `<p>${s}</p><div style="position:fixed;top:0;left:5000px">${h}</div>`,
  },
  // Colour filters change the ink (and the element's own background) before it reaches the screen.
  { id: 'filter-brightness', html: (h, s) => `<p>${s}</p><p style="color:#333;filter:brightness(100)">${h}</p>` },
  {
    id: 'filter-contrast-zero',
    html: (h, s) => `<p>${s}</p><p style="background:#000;color:#fff;filter:contrast(0)">${h}</p>`,
  },
  { id: 'filter-invert', html: (h, s) => `<p>${s}</p><p style="filter:invert(1)">${h}</p>` },
  {
    id: 'filter-on-ancestor',
    html: (h, s) =>
      `<div style="background:#000;padding:4px"><p style="color:#fff">${s}</p><div style="filter:brightness(0)"><p style="color:#fff">${h}</p></div></div>`,
  },
  {
    id: 'background-clip-text-same-color',
    html: (h, s) =>
      `<p>${s}</p><p style="background:#fff;-webkit-background-clip:text;background-clip:text;color:transparent">${h}</p>`,
  },
  // A sheet drawn by a pseudo-element of the paragraph's own positioned box, or of a positioned wrapper.
  {
    id: 'pseudo-element-cover',
    html: (h, s) =>
      `<style>.pseudo-cover{position:relative}.pseudo-cover::after{content:"";position:absolute;inset:0;background:#fff}</style><p>${s}</p><p class="pseudo-cover">${h}</p>`,
  },
  {
    id: 'pseudo-element-cover-on-wrapper',
    html: (h, s) =>
      `<style>.pseudo-wrap{position:relative}.pseudo-wrap::before{content:"";position:absolute;top:0;left:0;width:100%;height:100%;background:#fff}</style><p>${s}</p><div class="pseudo-wrap"><p>${h}</p></div>`,
  },
  // Before a scrolling box's start (pulled up by a negative margin): no scrolling reaches it.
  {
    id: 'before-scroll-origin',
    html: (h, s) => `<div style="height:100px;overflow:auto"><p>${s}</p><p style="margin-top:-400px">${h}</p></div>`,
  },
  // From a review of the judge with tricks of its own.
  {
    id: 'sliver-of-a-line',
    html: (h, s) => `<p>${s}</p><div style="width:3px;overflow:hidden;white-space:nowrap">${h}</div>`,
  },
  {
    id: 'clip-rect-sliver',
    html: (h, s) =>
      `<p>${s}</p><div style="position:relative;height:30px"><span style="position:absolute;clip:rect(0,4px,30px,0)">${h}</span></div>`,
  },
  { id: 'second-summary', html: (h, s) => `<details><summary>${s}</summary><summary>${h}</summary></details>` },
  {
    id: 'white-outline-on-white',
    html: (h, s) => `<p>${s}</p><p style="color:transparent;-webkit-text-stroke:1px #fff">${h}</p>`,
  },
  // Text a box's overflow clips away, below a first line that shows: one element, several lines.
  {
    id: 'clipped-after-a-visible-line',
    html: (h, s) => `<div style="height:1.3em;line-height:1.3em;overflow:hidden">${s}<br>${h}</div>`,
  },
  {
    id: 'clipped-wrapped-line',
    html: (h, s) =>
      `<div style="width:220px;height:1.3em;line-height:1.3em;overflow:hidden">${s} ${'and the rest of this sentence '.repeat(2)}${h}</div>`,
  },
  // The end of one line a box cuts off at its side, with no ellipsis to say more follows (see ellipsis-cell).
  {
    id: 'no-wrap-tail-cut-off',
    html: (h, s) =>
      `<div style="width:400px;white-space:nowrap;overflow:hidden">${s} then a run of words past the edge ${h}</div>`,
  },
  {
    id: 'line-clamped',
    html: (h, s) =>
      `<p style="display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:1;overflow:hidden;width:220px">${s}<br>${h}</p>`,
  },
  // An outline only rescues text its fill would hide when the outline itself stands out.
  {
    id: 'white-on-white-near-white-outline',
    html: (h, s) => `<p>${s}</p><p style="color:#fff;-webkit-text-stroke:1px #fdfdfd">${h}</p>`,
  },
  // A dark box below the text does not make white text readable when a white background lies between them.
  {
    id: 'white-card-over-dark-layer',
    html: (h, s) =>
      `<p>${s}</p><div style="position:relative"><div style="position:absolute;inset:0;background:#000;z-index:-1"></div><div style="background:#fff"><p style="color:#fff">${h}</p></div></div>`,
  },
  {
    id: 'white-on-white-overlay',
    html: (h, s) =>
      `<p>${s}</p><div style="position:relative"><div style="position:absolute;inset:0;background:#fff"></div><p style="position:relative;color:#fff">${h}</p></div>`,
  },
  // Covers painted by something other than a background: a box-shadow cast around a small box (the shadow is not
  // drawn under the box itself, so the text lies beside it), the bands of a thick border, an inset shadow filling a
  // dark box with white.
  {
    id: 'box-shadow-cast-beside',
    html: (h, s) =>
      `<p>${s}</p><div style="position:relative;overflow:clip"><p style="margin:0;padding-left:40px">${h}</p><i style="position:absolute;left:0;top:0;width:20px;height:20px;box-shadow:0 0 2px 2000px #fff"></i></div>`,
  },
  {
    id: 'border-band-cover',
    html: (h, s) =>
      `<p>${s}</p><div style="position:relative"><p style="margin:0">${h}</p><span style="position:absolute;left:0;top:0;right:0;height:20px;border-top:3em solid #fff"></span></div>`,
  },
  {
    id: 'inset-shadow-fills-box',
    html: (h, s) =>
      `<p>${s}</p><div style="background:#111;box-shadow:inset 0 0 0 60px #fff;color:#fff;padding:4px">${h}</div>`,
  },
  {
    // An outline is painted after the in-flow content around it: a thick one from the block above covers the next.
    id: 'outline-from-block-above',
    html: (h, s) =>
      `<p>${s}</p><div style="overflow:clip"><div style="height:1px;outline:40px solid #fff;outline-offset:-2px"></div><p style="margin:0">${h}</p></div>`,
  },
  {
    // A backdrop filter that makes every colour under it white: a sheet, although nothing is painted on it.
    id: 'backdrop-filter-to-white',
    html: (h, s) =>
      `<p>${s}</p><div style="position:relative"><p style="margin:0">${h}</p><div style="position:absolute;inset:0;backdrop-filter:grayscale(1) contrast(0) brightness(3);pointer-events:none"></div></div>`,
  },
  {
    id: 'perspective-function-behind-viewer',
    html: (h, s) => `<p>${s}</p><p style="transform:perspective(100px) translateZ(150px)">${h}</p>`,
  },
  {
    id: 'mask-luminance-dark',
    html: (h, s) =>
      `<p>${s}</p><div style="mask-image:linear-gradient(#111,#050505);mask-mode:luminance"><p>${h}</p></div>`,
  },
  {
    id: 'mask-placed-below',
    html: (h, s) =>
      `<p>${s}</p><div style="mask:linear-gradient(#000,#000) no-repeat 0 -500px/100% 100%"><p>${h}</p></div>`,
  },
  // The same tricks inside a block whose rendering is skipped (content-visibility: auto, far below the fold).
  {
    id: 'skipped-height-zero',
    skippedLayout: true,
    html: (h, s) => `<p>${s}</p><div style="height:0;overflow:hidden"><p>${h}</p></div>`,
  },
  {
    id: 'skipped-max-height-zero',
    skippedLayout: true,
    html: (h, s) => `<p>${s}</p><div style="max-height:0;overflow:hidden"><p>${h}</p></div>`,
  },
  {
    id: 'skipped-width-zero',
    skippedLayout: true,
    html: (h, s) => `<p>${s}</p><div style="width:0;overflow:hidden;white-space:nowrap"><p>${h}</p></div>`,
  },
  {
    id: 'skipped-covered',
    skippedLayout: true,
    html: (h, s) =>
      `<p>${s}</p><div style="position:relative"><p style="margin:0">${h}</p><div style="position:absolute;inset:0;background:#fff"></div></div>`,
  },
  {
    id: 'skipped-off-left',
    skippedLayout: true,
    html: (h, s) => `<p>${s}</p><div style="position:absolute;left:-9999px"><p>${h}</p></div>`,
  },
  // A field's value is text the page draws too (read-only fields are read): judged by the control's own style and place.
  {
    id: 'input-transparent-value',
    html: (h, s) => `<p>${s}</p><input readonly value="${h}" style="color:transparent">`,
  },
  {
    id: 'input-fill-transparent-value',
    html: (h, s) => `<p>${s}</p><input readonly value="${h}" style="-webkit-text-fill-color:transparent">`,
  },
  { id: 'input-tiny-value', html: (h, s) => `<p>${s}</p><input readonly value="${h}" style="font-size:1px">` },
  {
    id: 'textarea-background-colour',
    html: (h, s) => `<p>${s}</p><textarea readonly style="color:#fff;background:#fff;border:0">${h}</textarea>`,
  },
  {
    id: 'input-covered',
    html: (h, s) =>
      `<p>${s}</p><div style="position:relative"><input readonly value="${h}"><div style="position:absolute;inset:0;background:#fff"></div></div>`,
  },
  { id: 'input-type-hidden', html: (h, s) => `<p>${s}</p><input type="hidden" value="${h}">` },
  { id: 'input-password', html: (h, s) => `<p>${s}</p><input type="password" value="${h}">` },
  // Only the option chosen shows in a closed list.
  { id: 'select-other-option', html: (h, s) => `<select><option>${s}</option><option>${h}</option></select>` },
  {
    id: 'input-zero-width',
    html: (h, s) => `<p>${s}</p><input readonly value="${h}" style="width:0;padding:0;border:0">`,
  },
  // Grid items paint whole, in order, like inline blocks: a later one laid in the same cell covers the earlier one.
  {
    id: 'grid-item-over-earlier',
    html: (h, s) =>
      `<p>${s}</p><div style="display:grid"><p style="grid-area:1/1;margin:0">${h}</p><div style="grid-area:1/1;background:#fff;pointer-events:none"></div></div>`,
  },
  {
    id: 'col-visibility-collapse',
    html: (h, s) =>
      `<table><colgroup><col><col span="2" style="visibility:collapse"></colgroup><tr><td colspan="1">${s}</td><td>x</td><td>${h}</td></tr></table>`,
  },
  {
    id: 'details-content-pseudo',
    html: (h, s) =>
      `<style>.quiet::details-content{opacity:0}</style><details open class="quiet"><summary>${s}</summary>${h}<p>${h}</p></details>`,
  },
  // An SVG <clipPath> the box refers to, whose only shape lies outside the box.
  {
    id: 'clip-path-url-outside',
    html: (h, s) =>
      `<svg width="0" height="0" style="position:absolute"><clipPath id="away" clipPathUnits="objectBoundingBox"><rect x="2" y="0" width="1" height="1"/></clipPath></svg><p>${s}</p><div style="clip-path:url(#away)"><p style="margin:0">${h}</p></div>`,
  },
  {
    id: 'clip-path-url-empty',
    html: (h, s) =>
      `<svg width="0" height="0" style="position:absolute"><clipPath id="nothing"></clipPath></svg><p>${s}</p><p style="clip-path:url(#nothing)">${h}</p>`,
  },
  // An opaque image laid over the text: a picture is painted over what it covers, as a background would be.
  {
    id: 'image-cover',
    html: (h, s) =>
      `<p>${s}</p><div style="position:relative"><p style="margin:0">${h}</p><img alt="" src="${whitePng}" style="position:absolute;left:0;top:0;width:100%;height:100%"></div>`,
  },
  {
    id: 'image-cover-svg-pointer-through',
    html: (h, s) =>
      `<p>${s}</p><div style="position:relative"><p style="margin:0">${h}</p><img alt="" src="${whiteSvg}" style="position:absolute;inset:0;width:100%;height:100%;pointer-events:none"></div>`,
  },
  // An inline SVG paints no background of its own, but its solid shapes cover like one.
  {
    id: 'inline-svg-cover',
    html: (h, s) =>
      `<p>${s}</p><div style="position:relative"><p style="margin:0">${h}</p><svg style="position:absolute;inset:0" width="100%" height="100%"><rect width="100%" height="100%" fill="#fff"/></svg></div>`,
  },
  // A canvas is a picture the page draws: painted white, it hides what it is laid over.
  {
    id: 'canvas-cover',
    html: (h, s) =>
      `<p>${s}</p><div style="position:relative"><p style="margin:0">${h}</p><canvas width="400" height="40" style="position:absolute;inset:0;width:100%;height:100%"></canvas><script>{const c=document.currentScript.previousElementSibling.getContext('2d');c.fillStyle='#fff';c.fillRect(0,0,400,40)}</script></div>`,
  },
  {
    id: 'image-cover-below-the-fold',
    html: (h, s) =>
      `<p>${s}</p><div style="position:relative;margin-top:2400px"><p style="margin:0">${h}</p><img alt="" src="${whitePng}" style="position:absolute;inset:0;width:100%;height:100%"></div>`,
  },
  // An SVG filter, referred to by `filter: url()`, that takes away the alpha: an opacity of 0 the opacity property
  // does not show. By a transfer table, a linear transfer, a colour matrix, and two transfers in a row.
  {
    id: 'svg-filter-alpha-table',
    html: (h, s) =>
      `<svg width="0" height="0" style="position:absolute"><filter id="alpha-table"><feComponentTransfer><feFuncA type="table" tableValues="0 0"/></feComponentTransfer></filter></svg><p>${s}</p><div style="filter:url(#alpha-table)"><p>${h}</p></div>`,
  },
  {
    id: 'svg-filter-alpha-linear',
    html: (h, s) =>
      `<svg width="0" height="0" style="position:absolute"><filter id="alpha-linear"><feComponentTransfer><feFuncA type="linear" slope="0.02" intercept="0"/></feComponentTransfer></filter></svg><p>${s}</p><p style="filter:url(#alpha-linear)">${h}</p>`,
  },
  {
    id: 'svg-filter-alpha-matrix',
    html: (h, s) =>
      `<svg width="0" height="0" style="position:absolute"><filter id="alpha-matrix"><feColorMatrix type="matrix" values="1 0 0 0 0  0 1 0 0 0  0 0 1 0 0  0 0 0 0 0"/></filter></svg><p>${s}</p><p style="filter:url(#alpha-matrix)">${h}</p>`,
  },
  {
    id: 'svg-filter-alpha-chain',
    html: (h, s) =>
      `<svg width="0" height="0" style="position:absolute"><filter id="alpha-chain"><feComponentTransfer><feFuncA type="linear" slope="0.15"/></feComponentTransfer><feComponentTransfer><feFuncA type="linear" slope="0.15"/></feComponentTransfer></filter></svg><p>${s}</p><p style="filter:url(#alpha-chain)">${h}</p>`,
  },
  // A web font whose glyphs draw nothing: full size, colour and place, and no pixel.
  {
    id: 'blank-glyphs-in-a-span',
    html: (h, s) =>
      `<style>${blankFontFace('Blank Glyphs')}</style><p>${s} <span style="font-family:'Blank Glyphs',sans-serif">${h}</span></p>`,
  },
  {
    id: 'blank-glyphs-field-value',
    html: (h, s) => `<p>${s}</p><input readonly value="${h}" style="font-family:'Blank Glyphs',sans-serif">`,
  },
  // A line-through as thick as the glyphs are tall is a bar painted over them (the redaction look), whatever its
  // colour; it is drawn over the text of every in-flow descendant too.
  {
    id: 'line-through-bar',
    html: (h, s) => `<p>${s}</p><p style="text-decoration:line-through 1em #111">${h}</p>`,
  },
  {
    id: 'line-through-bar-from-the-block',
    html: (h, s) => `<p>${s}</p><p style="text-decoration:line-through 0.8em #fff"><span><b>${h}</b></span></p>`,
  },
  { id: 'text-security-discs', html: (h, s) => `<p>${s}</p><p style="-webkit-text-security:disc">${h}</p>` },
  // Transparent glyphs whose only shadow is cast far off, where nothing of it is read beside the text.
  {
    id: 'shadow-drawn-far-away',
    html: (h, s) => `<p>${s}</p><p style="color:transparent;text-shadow:-9999px 0 0 #000">${h}</p>`,
  },
  {
    id: 'blurred-shadow-drawn-text',
    html: (h, s) => `<p>${s}</p><p style="color:transparent;text-shadow:0 0 12px #000">${h}</p>`,
  },
  // The individual transform properties (CSS Transforms 2) place a box as `transform` does.
  {
    id: 'rotate-property-turned-away',
    html: (h, s) => `<p>${s}</p><p style="rotate:y 180deg;backface-visibility:hidden">${h}</p>`,
  },
  {
    id: 'translate-property-behind-viewer',
    html: (h, s) => `<p>${s}</p><div style="perspective:200px"><p style="translate:0 0 300px">${h}</p></div>`,
  },
  // Sheared so far that each glyph is a slanted streak: the box keeps its area, the text its rectangle.
  { id: 'skewed-flat', html: (h, s) => `<p>${s}</p><p style="transform:skewX(85deg);width:20em">${h}</p>` },
];

/** Unusual but visible: each must reach the model. */
export const controls: Trick[] = [
  { id: 'display-contents', html: (_, s) => `<div style="display:contents"><p>${s}</p></div>` },
  { id: 'inert', html: (_, s) => `<div inert><p>${s}</p></div>` },
  {
    id: 'visible-inside-hidden',
    html: (_, s) => `<div style="visibility:hidden"><p style="visibility:visible">${s}</p></div>`,
  },
  { id: 'light-grey', html: (_, s) => `<p style="color:#999">${s}</p>` },
  { id: 'translucent-ink', html: (_, s) => `<p style="color:rgba(0,0,0,.6)">${s}</p>` },
  {
    id: 'white-on-dark',
    html: (_, s) => `<div style="background:#222;padding:4px"><p style="color:#fff">${s}</p></div>`,
  },
  {
    id: 'scroll-container',
    html: (_, s) =>
      `<div style="height:3em;overflow:auto"><p style="margin:0">scroll</p><p style="margin-top:300px">${s}</p></div>`,
  },
  {
    id: 'positioned-card',
    html: (_, s) => `<div style="position:relative;background:#fff;z-index:1;padding:4px"><p>${s}</p></div>`,
  },
  {
    id: 'cover-below-text',
    html: (_, s) =>
      `<div style="position:relative"><p>${s}</p><div style="position:absolute;inset:0;background:#eee;z-index:-1"></div></div>`,
  },
  { id: 'rotated', html: (_, s) => `<p style="transform:rotate(90deg);width:20em">${s}</p>` },
  { id: 'small-print', html: (_, s) => `<p style="font-size:10px">${s}</p>` },
  // Properties that do not apply to the box they are set on hide nothing (CSS Transforms, Overflow, Masking,
  // Containment): a plain inline span is not transformable, clipped or contained; `clip` needs absolute position;
  // an element with `display: contents` has no box to clip with.
  { id: 'inline-scale-ignored', html: (_, s) => `<p><span style="transform:scale(0)">${s}</span></p>` },
  {
    id: 'inline-overflow-ignored',
    html: (_, s) => `<p><span style="overflow:hidden;width:0;height:0">${s}</span></p>`,
  },
  {
    id: 'inline-content-visibility-ignored',
    html: (_, s) => `<p><span style="content-visibility:hidden">${s}</span></p>`,
  },
  { id: 'static-clip-ignored', html: (_, s) => `<p style="clip:rect(0 0 0 0)">${s}</p>` },
  {
    id: 'contents-overflow-ignored',
    html: (_, s) => `<div style="display:contents;overflow:hidden"><p>${s}</p></div>`,
  },
  // White glyphs under a dark outline a fifth of their size wide: the outline is what shows, and it reads.
  {
    id: 'thick-dark-outline-on-white-fill',
    html: (_, s) => `<p style="color:#fff;-webkit-text-stroke:4px #111;font-size:20px">${s}</p>`,
  },
  // No box, so no opacity, filter or mask either (found by tricks written without looking at the judge).
  {
    id: 'contents-opacity-ignored',
    html: (_, s) => `<div style="display:contents;opacity:0;filter:opacity(0);height:0"><p>${s}</p></div>`,
  },
  // Shapes, masks, frames and colours that leave the text on screen.
  { id: 'clip-path-partial', html: (_, s) => `<p style="clip-path:inset(0 0 0 0 round 4px)">${s}</p>` },
  { id: 'clip-path-circle-large', html: (_, s) => `<p style="clip-path:circle(200% at 50% 50%)">${s}</p>` },
  { id: 'mask-opaque', html: (_, s) => `<p style="mask-image:linear-gradient(#000,rgba(0,0,0,.6))">${s}</p>` },
  {
    id: 'iframe-readable',
    html: (_, s) => `<iframe style="width:400px;height:80px;border:0" srcdoc="<p>${s}</p>"></iframe>`,
  },
  { id: 'mirrored', html: (_, s) => `<p style="transform:rotateY(180deg)">${s}</p>` },
  // Decorations that leave the glyphs readable, and text a block's decoration does not reach (an inline block).
  { id: 'struck-through-price', html: (_, s) => `<p style="text-decoration:line-through">${s}</p>` },
  { id: 'thick-underline', html: (_, s) => `<p style="text-decoration:underline 0.3em #111">${s}</p>` },
  {
    id: 'line-through-bar-skips-inline-block',
    html: (_, s) =>
      `<p style="text-decoration:line-through 1em #111">&nbsp;<span style="display:inline-block">${s}</span></p>`,
  },
  { id: 'soft-shadow-drawn-text', html: (_, s) => `<p style="color:transparent;text-shadow:0 0 2px #000">${s}</p>` },
  {
    id: 'inline-svg-outline-and-defs-over-text',
    html: (_, s) =>
      `<div style="position:relative"><p style="margin:0">${s}</p><svg style="position:absolute;inset:0" width="100%" height="100%"><defs><rect id="sheet" width="100%" height="100%" fill="#fff"/></defs><mask id="fade"><rect width="100%" height="100%" fill="#fff"/></mask><rect width="100%" height="100%" fill="none" stroke="#111"/></svg></div>`,
  },
  { id: 'shadow-drawn-beside', html: (_, s) => `<p style="color:transparent;text-shadow:4px 3px 0 #000">${s}</p>` },
  {
    id: 'canvas-clear-over-text',
    html: (_, s) =>
      `<div style="position:relative"><p style="margin:0">${s}</p><canvas width="400" height="40" style="position:absolute;inset:0;width:100%;height:100%"></canvas><script>{const c=document.currentScript.previousElementSibling.getContext('2d');c.fillStyle='#fff';c.fillRect(0,0,400,4)}</script></div>`,
  },
  { id: 'rotate-property-mirrored', html: (_, s) => `<p style="rotate:y 180deg">${s}</p>` },
  { id: 'skewed-italic', html: (_, s) => `<p style="transform:skewX(-20deg)">${s}</p>` },
  {
    id: 'negative-layer-no-background',
    html: (_, s) => `<div><p style="position:relative;z-index:-1">${s}</p></div>`,
  },
  {
    id: 'white-on-oklch-dark',
    html: (_, s) => `<div style="background:oklch(21% 0.034 264.665);padding:4px"><p style="color:#fff">${s}</p></div>`,
  },
  {
    id: 'oklch-ink',
    html: (_, s) => `<p style="color:oklch(44.6% 0.043 257.281)">${s}</p>`,
  },
  {
    id: 'fade-out-overlay',
    html: (_, s) =>
      `<style>.fade{position:relative}.fade::after{content:"";position:absolute;inset:0;background:linear-gradient(rgba(255,255,255,0),#fff)}</style><p class="fade">${s}</p>`,
  },
  {
    id: 'pseudo-backdrop-below',
    html: (_, s) =>
      `<style>.backdrop{position:relative;z-index:0}.backdrop::before{content:"";position:absolute;inset:0;background:#eee;z-index:-1}</style><p class="backdrop">${s}</p>`,
  },
  {
    id: 'pseudo-under-positioned-text',
    html: (_, s) =>
      `<style>.card{position:relative}.card::after{content:"";position:absolute;inset:0;background:#eee}.card span{position:relative;z-index:1}</style><p class="card"><span>${s}</span></p>`,
  },
  {
    id: 'fixed-drawer-scrolls',
    html: (_, s) =>
      `<div style="position:fixed;top:0;right:0;width:200px;height:100px;overflow:auto"><div style="height:3000px"></div><p>${s}</p></div>`,
  },
  {
    id: 'fixed-in-transformed-box',
    html: (_, s) =>
      `<div style="transform:translateX(0);height:40px"><div style="position:fixed;top:2000px;left:0">${s}</div></div>`,
  },
  {
    id: 'negative-layer-in-flex-item',
    html: (_, s) =>
      `<div style="display:flex"><div style="background:#fff;z-index:1"><p style="position:relative;z-index:-1">${s}</p></div></div>`,
  },
  {
    id: 'skipped-card-clips-overflow',
    skippedLayout: true,
    html: (_, s) => `<div style="overflow:hidden;border:1px solid #ccc;padding:4px"><p>${s}</p></div>`,
  },
  {
    id: 'skipped-positioned-card',
    skippedLayout: true,
    html: (_, s) => `<div style="position:relative;background:#fff;z-index:1"><p>${s}</p></div>`,
  },
  // Text inside a box that scrolls is reached by scrolling it, wherever the page ends and whatever clips the box.
  {
    id: 'scroller-beyond-page',
    html: (_, s) => `<div style="height:200px;overflow:auto"><div style="height:12000px"></div><p>${s}</p></div>`,
  },
  {
    id: 'app-shell-scroller',
    html: (_, s) =>
      `<div style="height:300px;overflow:hidden;display:flex"><div style="overflow:auto;flex:1"><div style="height:12000px"></div><p>${s}</p></div></div>`,
  },
  {
    id: 'chat-pane-opens-at-end',
    html: (_, s) =>
      `<div style="height:100px;overflow:auto;display:flex;flex-direction:column-reverse"><div><p>${s}</p><div style="height:12000px"></div><p>Latest message</p></div></div>`,
  },
  {
    id: 'right-to-left-scroller',
    html: (_, s) =>
      `<div dir="rtl" style="width:300px;overflow-x:auto;white-space:nowrap"><span style="display:inline-block;width:5000px">Start</span><span>${s}</span></div>`,
  },
  {
    id: 'clip-path-lower-half',
    html: (_, s) => `<p style="clip-path:inset(50% 0 0 0)">First line<br>${s}</p>`,
  },
  { id: 'outlined-text', html: (_, s) => `<p style="color:#fff;-webkit-text-stroke:1px #000">${s}</p>` },
  // A line clamp or a fixed height that shows several lines keeps every line it shows, wrapped or broken.
  {
    id: 'clamped-to-three-lines',
    html: (_, s) =>
      `<p style="display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden;width:220px">${'words '.repeat(6)}${s} more words to wrap</p>`,
  },
  {
    id: 'last-lines-below-a-clipped-one',
    html: (_, s) =>
      `<p style="width:220px;line-height:20px;clip-path:inset(20px 0 0 0)">${'words '.repeat(12)}${s} and a last few words</p>`,
  },
  // A line cut at its side keeps its start, on the right in right-to-left text; a box that scrolls keeps it all.
  {
    id: 'right-to-left-line-cut-at-its-end',
    html: (_, s) =>
      `<div dir="rtl" style="width:420px;white-space:nowrap;overflow:hidden">${s} ${'שלום עולם '.repeat(12)}</div>`,
  },
  {
    id: 'long-line-in-a-sideways-scroller',
    html: (_, s) =>
      `<div style="width:160px;white-space:nowrap;overflow-x:auto">${'a long line of words '.repeat(4)}${s}</div>`,
  },
  {
    id: 'second-line-of-a-two-line-box',
    html: (_, s) => `<div style="height:2.6em;line-height:1.3em;overflow:hidden">First line<br>${s}</div>`,
  },
  // Transparent glyphs drawn by a dark shadow read, whatever colour a thin outline has.
  {
    id: 'shadow-drawn-text-with-white-outline',
    html: (_, s) => `<p style="color:transparent;-webkit-text-stroke:1px #fff;text-shadow:0 0 0 #000">${s}</p>`,
  },
  {
    id: 'dark-surface-with-sheen',
    html: (_, s) =>
      `<div style="background-color:#121212;background-image:linear-gradient(rgba(255,255,255,.05),rgba(255,255,255,.05));color:#fff"><p>${s}</p></div>`,
  },
  {
    id: 'light-gradient-overlay',
    html: (_, s) =>
      `<div style="position:relative"><p>${s}</p><div style="position:absolute;inset:0;background:linear-gradient(rgba(255,255,255,0),rgba(255,255,255,.3))"></div></div>`,
  },
  {
    id: 'collapsed-menu-over-text',
    html: (_, s) =>
      `<div style="position:relative"><p>${s}</p><div style="position:absolute;inset:0 0 auto 0;height:0;overflow:hidden"><div style="position:absolute;top:0;left:0;right:0;height:100px;background:#fff">Menu</div></div></div>`,
  },
  {
    // An ellipsis says the text goes on (the full value is a hover or a click away): the whole value is kept.
    id: 'ellipsis-cell',
    html: (_, s) =>
      `<div style="width:90px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis">${s} and a long tail</div>`,
  },
  // A value rendered as a shadow root's own text, white on its host's dark badge: judged by the host's style.
  {
    id: 'shadow-root-text-on-dark-badge',
    html: (_, s) =>
      `<span style="background:#0b5cab;color:#fff;padding:2px 6px"><x-value><template shadowrootmode="open">${s}</template></x-value></span>`,
  },
  // Light text slotted under a dark wrapper in the host's shadow tree, white by the wrapper's colour.
  {
    id: 'slotted-text-on-dark-wrapper',
    html: (_, s) =>
      `<x-card><template shadowrootmode="open"><div style="background:#1b1b1b;color:#fff;padding:4px"><slot></slot></div></template>${s}</x-card>`,
  },
  // White text drawn on a dark box that is not its ancestor.
  {
    id: 'white-on-dark-overlay',
    html: (_, s) =>
      `<div style="position:relative"><div style="position:absolute;inset:0;background:#1e293b"></div><p style="position:relative;color:#fff">${s}</p></div>`,
  },
  {
    id: 'badge-painted-by-pseudo-element',
    html: (_, s) =>
      `<style>.pill{position:relative;z-index:0;color:#fff;padding:2px 6px}.pill::before{content:"";position:absolute;inset:0;background:#c00;z-index:-1;border-radius:8px}</style><p><span class="pill">${s}</span></p>`,
  },
  {
    id: 'skipped-tall-block',
    skippedLayout: true,
    html: (_, s) => `${Array.from({ length: 12 }, (_, index) => `<p>Paragraph ${index + 1}</p>`).join('')}<p>${s}</p>`,
  },
  {
    id: 'gradient-text',
    html: (_, s) =>
      `<p style="background:linear-gradient(90deg,#c00,#00c);-webkit-background-clip:text;background-clip:text;color:transparent">${s}</p>`,
  },
  {
    id: 'fixed-in-viewport',
    html: (_, s) => `<div style="position:fixed;bottom:0;right:0;background:#fff">${s}</div>`,
  },
  {
    id: 'inverted-dark-card',
    html: (_, s) => `<div style="filter:invert(1);background:#fff"><p style="color:#000">${s}</p></div>`,
  },
  { id: 'dimmed', html: (_, s) => `<p style="filter:brightness(0.8) grayscale(1)">${s}</p>` },
  {
    id: 'shadow-drawn-text',
    html: (_, s) => `<p style="color:transparent;text-shadow:0 0 0 #000">${s}</p>`,
  },
  // The box a shadow is cast around shows its own text: an outer shadow is never painted under its box.
  {
    id: 'text-inside-shadow-caster',
    html: (_, s) =>
      `<div style="position:relative;overflow:clip"><p style="margin:0;position:relative">${s}</p><span style="position:absolute;inset:0;box-shadow:0 0 0 3000px #fff"></span></div>`,
  },
  { id: 'card-shadow', html: (_, s) => `<p style="position:relative;box-shadow:0 2px 12px #999">${s}</p>` },
  {
    id: 'text-inside-thick-frame',
    html: (_, s) => `<div style="position:relative;border:24px solid #fff;width:fit-content">${s}</div>`,
  },
  // A positioned box paints over the outline of a block before it; an outline never covers its own box.
  {
    id: 'positioned-text-over-outline',
    html: (_, s) =>
      `<div style="overflow:clip"><div style="height:1px;outline:40px solid #fff"></div><p style="margin:0;position:relative">${s}</p></div>`,
  },
  {
    id: 'text-inside-thick-outline',
    html: (_, s) => `<p style="outline:12px solid #123;outline-offset:6px;margin:24px;color:#111">${s}</p>`,
  },
  {
    id: 'backdrop-filter-dims',
    html: (_, s) =>
      `<div style="position:relative"><p style="margin:0">${s}</p><div style="position:absolute;inset:0;backdrop-filter:brightness(0.9)"></div></div>`,
  },
  {
    id: 'translate-toward-viewer',
    html: (_, s) =>
      `<div style="perspective:400px;width:300px;margin-left:100px"><p style="transform:translateZ(40px)">${s}</p></div>`,
  },
  {
    id: 'hidden-attribute-shown-by-the-page',
    html: (_, s) => `<style>.shown[hidden]{display:flex}</style><div hidden class="shown"><span>${s}</span></div>`,
  },
  {
    id: 'white-on-dark-inset-fill',
    html: (_, s) => `<div style="background:#fff;box-shadow:inset 0 0 0 100vmax #123;color:#fff">${s}</div>`,
  },
  {
    id: 'inset-shadow-ring',
    html: (_, s) => `<div style="background:#fff;box-shadow:inset 0 0 0 3px #000;padding:8px;color:#111">${s}</div>`,
  },
  {
    id: 'mask-luminance-white',
    html: (_, s) => `<p style="mask-image:linear-gradient(#fff,#eee);mask-mode:luminance">${s}</p>`,
  },
  {
    id: 'mask-on-left-half',
    html: (_, s) => `<p style="mask:linear-gradient(#000,#000) no-repeat 0 0/50% 100%">${s}</p>`,
  },
  // What a form shows in its fields: a value read only, one being edited, a list's chosen option, a text area.
  {
    id: 'input-readonly-value',
    html: (_, s) => `<label for="caller">Caller</label> <input id="caller" readonly value="${s}">`,
  },
  {
    id: 'input-search-value',
    html: (_, s) =>
      `<span id="caller-label">Caller</span> <input type="search" role="combobox" aria-labelledby="caller-label" value="${s}">`,
  },
  {
    id: 'select-chosen-option',
    html: (h, s) => `<select><option>${h}</option><option selected>${s}</option></select>`,
  },
  { id: 'textarea-value', html: (_, s) => `<label>Description <textarea rows="2">${s}</textarea></label>` },
  // The earlier grid item is the opaque one: the text in the later item is painted over it.
  {
    id: 'grid-item-over-opaque-earlier',
    html: (_, s) =>
      `<div style="display:grid"><div style="grid-area:1/1;background:#fff;pointer-events:none"></div><p style="grid-area:1/1;margin:0">${s}</p></div>`,
  },
  // A positioned child of the earlier item is painted above the later item.
  {
    id: 'grid-item-positioned-text',
    html: (_, s) =>
      `<div style="display:grid"><div style="grid-area:1/1"><p style="position:relative;margin:0">${s}</p></div><div style="grid-area:1/1;background:#fff;pointer-events:none"></div></div>`,
  },
  // The cell after a collapsed column, where a column span before it moves it on.
  {
    id: 'cell-after-collapsed-column',
    html: (h, s) =>
      `<table><colgroup><col><col style="visibility:collapse"><col></colgroup><tr><td>a</td><td>${h}</td><td>${s}</td></tr><tr><td colspan="2">b</td><td>${s}</td></tr></table>`,
  },
  // An SVG <clipPath> that lets the whole box through, in the box's units or in pixels.
  {
    id: 'clip-path-url-whole-box',
    html: (_, s) =>
      `<svg width="0" height="0" style="position:absolute"><clipPath id="whole" clipPathUnits="objectBoundingBox"><rect x="0" y="0" width="1" height="1"/></clipPath><clipPath id="pixels"><circle cx="200" cy="20" r="400"/></clipPath></svg><p style="clip-path:url(#whole)">${s}</p><p style="clip-path:url(#pixels)">${s}</p>`,
  },
  // Images over text that still let it be read: a translucent watermark, an icon beside a word, a picture behind
  // the text, one whose image failed to load, and a letterboxed one that leaves the text's band uncovered.
  {
    id: 'image-watermark-translucent',
    html: (_, s) =>
      `<div style="position:relative"><p style="margin:0">${s}</p><img alt="" src="${solidPngUrl([200, 200, 200, 60])}" style="position:absolute;inset:0;width:100%;height:100%"></div>`,
  },
  {
    id: 'image-icon-over-part',
    html: (_, s) =>
      `<div style="position:relative"><p style="margin:0">${s} and more words after it</p><img alt="" src="${whitePng}" style="position:absolute;left:0;top:0;width:16px;height:16px"></div>`,
  },
  {
    id: 'image-behind-text',
    html: (_, s) =>
      `<div style="position:relative;z-index:0"><p style="margin:0;color:#111">${s}</p><img alt="" src="${whitePng}" style="position:absolute;inset:0;width:100%;height:100%;z-index:-1"></div>`,
  },
  {
    id: 'image-broken',
    html: (_, s) =>
      `<div style="position:relative"><p style="margin:0">${s}</p><img alt="" src="data:image/png;base64,bm90IGFuIGltYWdl" style="position:absolute;inset:0;width:100%;height:100%"></div>`,
  },
  {
    id: 'image-letterboxed',
    html: (_, s) =>
      `<div style="position:relative;height:120px"><p style="margin:0">${s}</p><img alt="" src="${whitePng}" style="position:absolute;inset:0;width:100%;height:100%;object-fit:contain;object-position:right"></div>`,
  },
  // SVG filters that leave the text drawn: alpha unchanged, a colour matrix that keeps alpha, a light blur, a
  // filter that adds an opaque flood behind the text (the chain is not read: kept), and a reference to no filter.
  {
    id: 'svg-filter-keeps-alpha',
    html: (_, s) =>
      `<svg width="0" height="0" style="position:absolute"><filter id="keeps-alpha"><feComponentTransfer><feFuncA type="identity"/><feFuncR type="linear" slope="0.5"/></feComponentTransfer><feColorMatrix type="saturate" values="0.2"/><feColorMatrix type="matrix" values="1 0 0 0 0  0 1 0 0 0  0 0 1 0 0  0 0 0 1 0"/><feGaussianBlur stdDeviation="0.3"/></filter></svg><p style="filter:url(#keeps-alpha)">${s}</p>`,
  },
  {
    id: 'svg-filter-flood-behind',
    html: (_, s) =>
      `<svg width="0" height="0" style="position:absolute"><filter id="flood-behind"><feFlood flood-color="#ffd" result="paper"/><feComponentTransfer in="SourceGraphic" result="text"><feFuncA type="table" tableValues="0 0"/></feComponentTransfer><feMerge><feMergeNode in="paper"/><feMergeNode in="SourceGraphic"/></feMerge></filter></svg><p style="filter:url(#flood-behind)">${s}</p>`,
  },
  {
    id: 'svg-filter-missing',
    html: (_, s) => `<p style="filter:url(#no-such-filter)">${s}</p>`,
  },
  // The face covers digits only: letters fall back to a font that draws them.
  {
    id: 'web-font-outside-its-range',
    html: (_, s) =>
      `<style>${blankFontFace('Blank Digits', 'U+30-39')}</style><p style="font-family:'Blank Digits',sans-serif">${s} 42</p>`,
  },
];

export const hiddenMarker = (trick: Trick) => `leak-${trick.id}-x`;
export const seenMarker = (trick: Trick) => `seen-${trick.id}-x`;

/** One page holding every trick and control, each in its own section. */
export function hiddenTextPage(): string {
  const section = (trick: Trick) =>
    `<section data-trick="${trick.id}">${trick.html(hiddenMarker(trick), seenMarker(trick))}</section>`;
  const all = [...tricks, ...controls];
  const sections = all
    .filter((trick) => !trick.skippedLayout)
    .map(section)
    .join('\n');
  const skipped = all
    .filter((trick) => trick.skippedLayout)
    .map((trick) => `<div style="content-visibility:auto;contain-intrinsic-size:auto 40px">${section(trick)}</div>`)
    .join('\n');
  // The last control sits far below the fold in a content-visibility:auto block, whose layout Chromium skips.
  const later =
    '<div style="content-visibility:auto;contain-intrinsic-size:auto 40px"><p>seen-skipped-layout-x</p></div>';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Release notes</title>
<style>body{font:16px/1.4 sans-serif;margin:16px} section{margin:12px 0} .gone{display:none}</style></head>
<body><main><h1>Release notes</h1>${sections}<div style="height:4000px"></div>${later}${skipped}</main></body></html>`;
}

export const skippedLayoutMarker = 'seen-skipped-layout-x';
