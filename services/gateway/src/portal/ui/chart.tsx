import * as echarts from 'echarts';
import type { ReactNode } from 'react';

/**
 * Charts drawn on the server (echarts' SVG renderer), inlined into the page: no script in the browser, and the page's
 * Content Security Policy (no inline styles) holds, so the SVG carries presentation attributes only. Every chart has a
 * table with the same figures next to it (the chart is the picture, the table the figures for everyone).
 */

const NUMBER = new Intl.NumberFormat('nl-NL');
const COMPACT = new Intl.NumberFormat('nl-NL', { notation: 'compact', maximumFractionDigits: 1 });

/** Axis labels the Dutch way (60.000); `compact` for large amounts (73 mld.). */
export const dutchAxisLabel = (compact = false) => ({
  formatter: (value: number) => (compact ? COMPACT.format(value) : NUMBER.format(value)),
  color: '#1f2937',
});

/** The colours of the charts' series: contrast of at least 3:1 against white (WCAG 1.4.11). */
export const CHART_COLOURS = ['#154273', '#b3541e', '#39870c', '#6b2f8a', '#8a6d00'];

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/** The chart as an SVG document (a string), described by `label` for screen readers. */
export function renderChartSvg(option: echarts.EChartsCoreOption, label: string, size: ChartSize = { width: 640, height: 320 }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, color: CHART_COLOURS, textStyle: { fontFamily: 'sans-serif', color: '#1f2937' }, ...option });
    return withoutInlineStyles(chart.renderToSVGString(), label);
  } finally {
    chart.dispose();
  }
}

/**
 * The CSP (style-src 'self') refuses <style> elements and style attributes: the hover styles go (nothing to hover
 * without script), and each style attribute becomes the SVG presentation attributes it holds (font-size, fill, ...).
 */
export function withoutInlineStyles(svg: string, label: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/\sstyle="([^"]*)"/g, (_match, declarations: string) =>
      declarations
        .split(';')
        .map((declaration) => declaration.split(':').map((part) => part.trim()))
        .filter(([property, value]) => property && value && /^[a-z-]+$/.test(property))
        .map(([property, value]) => ` ${property}="${value.replace(/"/g, '&quot;')}"`)
        .join(''),
    )
    .replace(/\s(?:ecmeta_[a-z_]+|class|pointer-events)="[^"]*"/g, '')
    // Scales with the page: the viewBox keeps the proportions.
    .replace(/<svg width="\d+" height="\d+"/, '<svg width="100%"')
    .replace(/<svg\s/, `<svg role="img" aria-label="${escapeAttribute(label)}" focusable="false" `);
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A chart in a figure with its caption, and (as children) the table with the same figures. */
export function Chart({ caption, label, option, size, children }: { caption: string; label: string; option: echarts.EChartsCoreOption; size?: ChartSize; children?: ReactNode }) {
  return (
    <figure className="napl-chart">
      <figcaption className="utrecht-paragraph">
        <strong>{caption}</strong>
      </figcaption>
      <div className="napl-chart__image" dangerouslySetInnerHTML={{ __html: renderChartSvg(option, label, size) }} />
      {children}
    </figure>
  );
}
