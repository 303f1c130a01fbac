// The real Cytoscape under another name, for cytoscape-shim.ts (aliased in bench/vite.config.ts).
declare module 'cytoscape-real' {
  import cytoscape from 'cytoscape';
  export default cytoscape;
}
