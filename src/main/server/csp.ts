/**
 * The page's Content-Security-Policy, sent as a header. It repeats the meta tag in
 * src/renderer/index.html (a test keeps the two equal) and adds what only a header can say:
 * no other site may frame the page that holds the session token. `connect-src` falls back to
 * `default-src 'self'`, which admits the same-origin WebSocket (ws: counts as 'self' in CSP 3).
 */
export const RENDERER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

export const CSP_HEADER = `${RENDERER_CSP}; frame-ancestors 'none'`;
