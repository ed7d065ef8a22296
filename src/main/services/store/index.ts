export { openStore } from './project-store-impl';
export type { OpenStoreOptions, ProjectStore } from './project-store';
export { StoreError } from './store-error';
export type { StoreErrorCode, StoreIssue } from './store-error';
export { DATABASE_FILE } from './database';
export { MAX_REVISIONS } from './limits';
export { PROJECT_FILE_FORMAT, PROJECT_FILE_VERSION } from './project-file-format';
