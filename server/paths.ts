import path from "node:path";

/** The repository root, wherever the process was started from. */
export const ROOT_DIR = path.resolve(import.meta.dirname, "..");
