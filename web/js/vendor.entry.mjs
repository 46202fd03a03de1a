// The third-party libraries the page uses, bundled by scripts/build-web.sh (esbuild) into
// web/vendor/vendor.mjs (git-ignored): uPlot (charts), Papa Parse (CSV), d3 scales (colours).
export { default as uPlot } from 'uplot';
export { default as Papa } from 'papaparse';
export { scaleLinear } from 'd3-scale';
export { schemeTableau10, interpolateRdBu } from 'd3-scale-chromatic';
