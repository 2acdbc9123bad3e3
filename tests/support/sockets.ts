import { io as ioClient, type Socket } from "socket.io-client";
import { PROTOCOL_VERSION } from "../../server/core/contract/version";

/** A raw socket to a spawned server as the person whose session `cookie` holds: no retries, so a dead server is seen. */
export function connectOnce(url: string, cookie: string): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    const s = ioClient(url, {
      transports: ["websocket"],
      auth: { protocol: PROTOCOL_VERSION },
      extraHeaders: { cookie },
      reconnection: false,
    });
    s.once("connect", () => resolve(s));
    s.once("connect_error", reject);
  });
}
