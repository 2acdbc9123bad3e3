// The baseline: a bare Socket.IO server that only rebroadcasts each note to its room and
// acknowledges it, with no validation, no database and no authentication.
// Usage: node --import tsx bench/realtime/baseline-server.ts PORT
import { createServer } from "node:http";
import { Server } from "socket.io";

const http = createServer();
const io = new Server(http, { maxHttpBufferSize: 64 * 1024 });
io.on("connection", (socket) => {
  socket.on("board:join", async ({ boardId }: { boardId: string }, ack: (r: unknown) => void) => {
    await socket.join(`board:${boardId}`);
    ack({ ok: true, data: { seq: 0 } });
  });
  let seq = 0;
  socket.on(
    "board:op",
    (env: { boardId: string; opId: string; op: { noteId: string; text: string } }, ack: (r: unknown) => void) => {
      io.to(`board:${env.boardId}`).emit("board:event", {
        boardId: env.boardId,
        seq: ++seq,
        opId: env.opId,
        type: "note.create",
        data: { note: { id: env.op.noteId, text: env.op.text } },
      });
      ack({ ok: true, data: { seq } });
    },
  );
});
http.listen(Number(process.argv[2]), "127.0.0.1", () => process.stdout.write("ready\n"));
