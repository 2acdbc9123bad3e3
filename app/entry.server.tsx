import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer, isRouteErrorResponse } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { dropNulBytes } from "./utils/drop-nul-bytes.server";
import { NonceContext } from "./utils/nonce";
import { RequestIdContext } from "./utils/request-id";

const ABORT_DELAY = 5_000;

/** Logs unexpected errors with the request id the error page shows; users never see a stack. */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  // A request Remix itself answered with a 4xx (a data request for a route that does not exist): not our error.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  const ctx = context as Partial<AppLoadContext>;
  const detail = error instanceof Error ? error.stack : String(error);
  if (ctx.core) ctx.core.log.error("request failed", { requestId: ctx.requestId, url: request.url, error: detail });
  else console.error(detail);
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Bots get the whole page at once; people get it streamed as soon as the shell is ready.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={loadContext.cspNonce}>
        <RequestIdContext.Provider value={loadContext.requestId ?? null}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
        </RequestIdContext.Provider>
      </NonceContext.Provider>,
      {
        nonce: loadContext.cspNonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = dropNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
