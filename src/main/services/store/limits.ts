/** How much the store keeps and accepts. */

/** Revisions kept per project; older ones are pruned, except those a run was trained on. */
export const MAX_REVISIONS = 200;

export const MAX_NAME_LENGTH = 200;
/** The same bound as a graph document's metadata.description. */
export const MAX_DESCRIPTION_LENGTH = 20_000;

/** A graph document as stored JSON (10,000 nodes with long labels fit). */
export const MAX_GRAPH_JSON_LENGTH = 20 * 1024 * 1024;
/** Training settings as stored JSON. */
export const MAX_SETTINGS_JSON_LENGTH = 1024 * 1024;
/** The canvas thumbnail, a PNG data URL (the API allows 256 KB of PNG). */
export const MAX_THUMBNAIL_LENGTH = 350_000;
export const THUMBNAIL_PREFIX = 'data:image/png;base64,';

/** A project file to import or export, and everything inside it once unzipped. */
export const MAX_PROJECT_FILE_BYTES = 150 * 1024 * 1024;
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;
