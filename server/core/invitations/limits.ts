// Shared with the upload form, which enforces the same limit before parsing.
export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;
