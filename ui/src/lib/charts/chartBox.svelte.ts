// A chart's width and font size, kept current while it is shown: the width of its box (charts
// lay out in pixels) and the font size of one of its SVGs (bigger on the projector theme, for
// fitting labels), both read again whenever the box is resized.

export class ChartBox {
  width = $state(0);
  fontPx = $state(12.5);

  constructor(width: number) {
    this.width = width;
  }

  /** Watches `box` (call from an effect; returns the cleanup). `fontOf` is the element whose
   * computed font size the labels are fitted to. */
  observe(box: HTMLElement, fontOf: () => Element | undefined): () => void {
    if (typeof ResizeObserver === 'undefined') return () => {};
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w && w > 0) this.width = Math.round(w);
      const el = fontOf();
      const size = el ? parseFloat(getComputedStyle(el).fontSize) : NaN;
      if (Number.isFinite(size) && size > 0) this.fontPx = size;
    });
    observer.observe(box);
    return () => observer.disconnect();
  }
}
