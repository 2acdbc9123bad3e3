/**
 * The board's icons, drawn as SVG so they show the same in every browser: emoji need a colour
 * font that many machines lack (they showed as empty boxes). Decorative: the button that holds
 * an icon carries the accessible name.
 */
const PATHS = {
  more: "M12 5.5v.01M12 12v.01M12 18.5v.01",
  edit: "M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4",
  trash: "M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6",
  comment: "M4 5h16v11H9l-5 4V5z",
  eye: "M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z",
  eyeOff: "M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM4 4l16 16",
  move: "M4 12h11M11 8l4 4-4 4M19 4v16",
  grip: "M9 6v.01M15 6v.01M9 12v.01M15 12v.01M9 18v.01M15 18v.01",
  plus: "M12 5v14M5 12h14",
  minus: "M5 12h14",
  check: "M5 12l5 5 9-10",
  close: "M6 6l12 12M18 6L6 18",
  thumbsUp: "M7 10v10H4V10h3zm0 0l4-7c1.5 0 2.5 1 2 3l-1 4h6c1 0 2 1 1.7 2.2l-1.6 6c-.3 1-1 1.8-2.1 1.8H7",
  heart:
    "M12 20s-7-4.4-9-9c-1.3-3 .7-6 3.8-6 2 0 3.2 1.2 4.2 2.5C13 6.2 14.2 5 16.2 5c3.1 0 5.1 3 3.8 6-2 4.6-8 9-8 9z",
  bulb: "M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.3 1 2.1h5c0-.8.4-1.6 1-2.1A6 6 0 0 0 12 3z",
  alert: "M12 4v11M12 19v.5",
  question: "M9 9a3 3 0 1 1 4 2.8c-.7.3-1 1-1 1.7V15M12 19v.5",
  merge: "M6 4v5a5 5 0 0 0 5 5h7M15 11l3 3-3 3M6 20v-6",
  split: "M12 20v-7M12 13L6 5M12 13l6-8M4 7l2-2 2 2M16 7l2-2 2 2",
  flag: "M5 21V4h11l-2 4 2 4H5",
  screen: "M3 4h18v12H3zM8 20h8M12 16v4",
  sparkle: "M12 3v4M12 17v4M3 12h4M17 12h4M6 6l2.5 2.5M15.5 15.5L18 18M18 6l-2.5 2.5M8.5 15.5L6 18",
  undo: "M9 14L4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3",
} as const;

export type IconName = keyof typeof PATHS;

/** The reactions a note can get, by the emoji the board protocol stores, drawn as icons. */
export const REACTION_ICONS: Record<string, { icon: IconName; key: string }> = {
  "👍": { icon: "thumbsUp", key: "agree" },
  "❤️": { icon: "heart", key: "support" },
  "💡": { icon: "bulb", key: "idea" },
  "❗": { icon: "alert", key: "important" },
  "❓": { icon: "question", key: "question" },
};

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
