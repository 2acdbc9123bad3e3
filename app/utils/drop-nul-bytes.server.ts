import { Transform } from "node:stream";

/**
 * React 18.3's streaming renderer encodes into 2,048-byte views and, when a multi-byte
 * character does not fit at the end of one, flushes the whole view, unwritten zero bytes
 * included (facebook/react#24985; fixed by #26228, which 18.3.1 lacks: #31134). Browsers then
 * show "�" inside Arabic words and attributes. UTF-8 never uses a 0x00 byte inside a
 * multi-byte character and HTML has no use for U+0000 (user text is stripped of it at the
 * boundary), so dropping every zero byte restores exactly the text React meant to send.
 */
export function dropNulBytes() {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (chunk.indexOf(0) === -1) return done(null, chunk);
      const out = Buffer.allocUnsafe(chunk.length);
      let n = 0;
      for (const byte of chunk) if (byte !== 0) out[n++] = byte;
      done(null, out.subarray(0, n));
    },
  });
}
