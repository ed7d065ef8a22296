// plotly.js-dist-min is the prebuilt bundle of plotly.js; its API is the one @types/plotly.js
// describes.
declare module 'plotly.js-dist-min' {
  import type * as PlotlyApi from 'plotly.js';

  const Plotly: typeof PlotlyApi;
  export default Plotly;
}
