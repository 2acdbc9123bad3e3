/**
 * The realtime protocol's version. A browser tab keeps the code it loaded, so a tab opened
 * before a deployment talks to the new server with yesterday's shapes: it sends this number
 * in the Socket.IO handshake (`auth`), and a server speaking another version refuses the
 * connection with PROTOCOL_MISMATCH, which the page shows as "reload to update".
 *
 * Raise it whenever a payload of ./events.ts changes in a way an older client would misread.
 */
export const PROTOCOL_VERSION = 2;

/** What a client sends in the Socket.IO handshake's `auth`. */
export type HandshakeAuth = { protocol: number };

/** The `data.code` of the connect error a server answers an outdated (or unversioned) client with. */
export const PROTOCOL_MISMATCH = "protocol_mismatch";

/** The connect error's `data`, read by the client to tell "reload to update" from a passing failure. */
export type HandshakeRefusal = { code: typeof PROTOCOL_MISMATCH; serverProtocol: number };

export const isHandshakeRefusal = (data: unknown): data is HandshakeRefusal =>
  typeof data === "object" && data !== null && (data as { code?: unknown }).code === PROTOCOL_MISMATCH;
