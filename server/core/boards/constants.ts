// Shared with the browser, which must not pull zod in for three constants.
export const PHASES = ["write", "reveal", "group", "vote", "discuss", "closed"] as const;
export type Phase = (typeof PHASES)[number];
export const REACTIONS = ["👍", "❤️", "💡", "❗", "❓"] as const;
export const MAX_NOTE = 500;
