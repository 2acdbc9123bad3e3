import { useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";

/**
 * After an in-app navigation the new page's main heading takes focus (else <main>), as a full
 * page load would put a screen reader at the top of the new page: without it, focus stays on
 * the link just followed, which is gone, and drops to <body>. Only a new path counts: a form
 * that reloads its own page (filters, a failed submit) keeps focus where the person was.
 */
export function useFocusOnNavigation() {
  const { pathname, hash } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (pathname === previous.current) return;
    previous.current = pathname;
    if (hash) return; // the browser goes to the anchor
    const heading = document.querySelector<HTMLElement>("main h1");
    const target = heading ?? document.getElementById("main");
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
  }, [pathname, hash]);
}
