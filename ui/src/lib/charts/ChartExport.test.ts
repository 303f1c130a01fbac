// The chart export menu: SVG and PNG 1×/2×/4× through the backend's save dialog, the saved path
// shown, nothing shown when the dialog is cancelled, the menu closing on Escape or outside.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/locale.svelte';
import ChartExport from './ChartExport.svelte';

const { exportFile, svgToPng } = vi.hoisted(() => ({
  exportFile: vi.fn<(format: string, name: string, data: string) => Promise<string | null>>(),
  svgToPng: vi.fn<(svg: string, frame: { x: number; y: number; w: number; h: number }, scale: number) => Promise<string>>(),
}));
vi.mock('../api', () => ({ api: { exportFile } }));
vi.mock('../map/exportSvg', () => ({ svgToPng }));

function chart(): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 300 120');
  const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
  text.textContent = 'Northwind';
  svg.appendChild(text);
  document.body.appendChild(svg);
  return svg;
}

beforeEach(() => {
  i18n.set('en');
  exportFile.mockReset();
  svgToPng.mockReset();
});
afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

describe('chart export menu', () => {
  it('saves an SVG and shows where', async () => {
    const svg = chart();
    exportFile.mockResolvedValue('/home/me/Pareto.svg');
    render(ChartExport, { svg: () => svg, fileStem: 'Pareto: 2025/06' });
    expect(screen.queryByTestId('chart-export-svg')).toBeNull();
    await fireEvent.click(screen.getByTestId('chart-export'));
    expect(screen.getByTestId('chart-export').getAttribute('aria-expanded')).toBe('true');
    await fireEvent.click(screen.getByTestId('chart-export-svg'));
    await waitFor(() => expect(exportFile).toHaveBeenCalledTimes(1));
    const [format, name, data] = exportFile.mock.calls[0]!;
    expect(format).toBe('svg');
    expect(name).toBe('Pareto 2025 06.svg');
    expect(data).toContain('<text>Northwind</text>');
    expect(data).toContain('viewBox="0 0 300 120"');
    expect((await screen.findByTestId('chart-export-notice')).textContent).toContain('Saved /home/me/Pareto.svg');
    expect(screen.queryByTestId('chart-export-svg')).toBeNull();
  });

  it.each([1, 2, 4])('saves a PNG at %i×', async (scale) => {
    const svg = chart();
    svgToPng.mockResolvedValue('iVBORw0KGgo=');
    exportFile.mockResolvedValue(null); // cancelled: nothing to tell
    render(ChartExport, { svg: () => svg, fileStem: 'nine-box' });
    await fireEvent.click(screen.getByTestId('chart-export'));
    await fireEvent.click(screen.getByTestId(`chart-export-png${scale}`));
    await waitFor(() => expect(exportFile).toHaveBeenCalledWith('png', 'nine-box.png', 'iVBORw0KGgo='));
    const [svgText, frame, s] = svgToPng.mock.calls[0]!;
    expect(svgText).toContain('Northwind');
    expect(frame).toEqual({ x: 0, y: 0, w: 300, h: 120 });
    expect(s).toBe(scale);
    expect(screen.queryByTestId('chart-export-notice')).toBeNull();
  });

  it('closes the menu on Escape and on a click elsewhere', async () => {
    const svg = chart();
    render(ChartExport, { svg: () => svg, fileStem: 'x' });
    await fireEvent.click(screen.getByTestId('chart-export'));
    await fireEvent.keyDown(screen.getByTestId('chart-export-svg'), { key: 'Escape' });
    expect(screen.queryByTestId('chart-export-svg')).toBeNull();
    await fireEvent.click(screen.getByTestId('chart-export'));
    await fireEvent.click(document.body);
    expect(screen.queryByTestId('chart-export-svg')).toBeNull();
  });
});
