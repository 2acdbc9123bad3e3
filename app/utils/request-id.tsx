import { createContext, useContext, useState } from "react";

/**
 * The request id of the page being rendered, so an error page can show the
 * reference that is also in the server log. The server provides it through
 * context; the browser reads back what the server rendered.
 */
export const RequestIdContext = createContext<string | null>(null);

export function useRequestId(): string | null {
  const fromServer = useContext(RequestIdContext);
  const [fromDom] = useState<string | null>(() =>
    typeof document === "undefined"
      ? null
      : (document.querySelector("meta[name=request-id]")?.getAttribute("content") ?? null),
  );
  return fromServer ?? fromDom;
}

export function RequestIdMeta() {
  const id = useRequestId();
  return id ? <meta name="request-id" content={id} /> : null;
}
