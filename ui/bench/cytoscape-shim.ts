// Stands in for `cytoscape` in the benchmark build only (bench/vite.config.ts aliases it), so
// the unchanged MapCanvas can be run with Cytoscape's WebGL renderer: `?renderer=webgl` adds
// `renderer: { name: 'canvas', webgl: true }` (Cytoscape ≥ 3.31) to every instance.
import type cytoscapeType from 'cytoscape';
import real from 'cytoscape-real';

const webgl = typeof location !== 'undefined' && new URLSearchParams(location.search).get('renderer') === 'webgl';

const wrapped = ((options?: cytoscapeType.CytoscapeOptions) =>
  real(webgl && options?.container ? ({ ...options, renderer: { name: 'canvas', webgl: true } } as cytoscapeType.CytoscapeOptions) : options)) as typeof cytoscapeType;
Object.assign(wrapped, real);

export default wrapped;
