import type express from "express";
import { MAX_IMPORT_BYTES } from "../core/invitations/limits";

/**
 * Every form action takes at most this much. The largest form, a report
 * section of 50,000 characters, is at most 450 KB percent-encoded (three
 * UTF-8 bytes a character, three characters a byte).
 */
export const FORM_BODY_BYTES = 512 * 1024;

/** Routes that take more than a form: uploads, with their own limit plus room for the multipart envelope. */
export const UPLOAD_ROUTES: { path: RegExp; bytes: number; what: string }[] = [
  { path: /^\/events\/[^/]+\/manage\/team\/?$/, bytes: MAX_IMPORT_BYTES + 64 * 1024, what: "invitation list (CSV)" },
];

export const limitFor = (path: string) => UPLOAD_ROUTES.find((r) => r.path.test(path))?.bytes ?? FORM_BODY_BYTES;

/** A refused body up to this size is read and discarded (never kept); beyond it the connection closes. */
const DRAIN_AT_MOST = 8 * 1024 * 1024;

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);
const WITH_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Checks a request body before anything reads it: its size against the
 * route's limit from Content-Length (413; a body of unknown length is refused
 * with 411, which no browser form sends), and its type (415 unless a form:
 * URL-encoded, or multipart with a boundary). Without this, a JSON body made
 * every action answer 500 and a 30 MB body was read into memory whole.
 */
export function bodyGuard(): express.RequestHandler {
  return (req, res, next) => {
    if (!WITH_BODY.has(req.method)) return next();
    // The answer goes out at once, before the body is read. A body of reasonable size is then read and
    // thrown away, so the client (still sending it) receives the answer rather than a reset connection;
    // a larger one is not worth the bandwidth, and the connection is closed.
    const refuse = (status: number, message: string, length = Infinity) => {
      if (length > DRAIN_AT_MOST) res.set("Connection", "close");
      res.status(status).type("text/plain").send(message);
    };
    const declared = req.headers["content-length"];
    if (declared === undefined) {
      if (req.headers["transfer-encoding"]) return refuse(411, "Send the form with its length (Content-Length).");
      return next(); // no body at all
    }
    const length = Number(declared);
    if (!Number.isSafeInteger(length) || length < 0) return refuse(400, "This request's length is not a number.");
    const limit = limitFor(req.path);
    if (length > limit)
      return refuse(413, `This request is too large: at most ${Math.floor(limit / 1024)} KB can be sent here.`, length);
    if (length === 0) return next();
    const [type, ...params] = (req.headers["content-type"] ?? "").split(";").map((s) => s.trim().toLowerCase());
    if (!type || !FORM_TYPES.has(type))
      return refuse(415, "This address takes forms only (URL-encoded or multipart/form-data).", length);
    if (type === "multipart/form-data" && !params.some((p) => /^boundary=.+/.test(p)))
      return refuse(400, "This multipart form has no boundary.", length);
    // An action may answer without reading the body (a redirect to sign in): the rest is then read and
    // thrown away, or the connection would stall and the client's next request on it be reset.
    res.on("finish", () => {
      if (req.complete) return;
      req.removeAllListeners("data");
      req.resume();
    });
    next();
  };
}
