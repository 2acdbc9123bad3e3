// The baseline: a bare Socket.IO server that only rebroadcasts each note to its room and
// acknowledges it, with no validation, no database and no authentication. For the reveal it
// starts its boards in the write phase (notes kept, not sent), and a phase change sends every
// note kept in one event.
// Usage: node --import tsx bench/realtime/baseline-server.ts PORT [write]
import { createServer } from "node:http";
import { Server } from "socket.io";

type Note = { id: string; text: string };
type Op = { type: "note.create"; noteId: string; text: string } | { type: "board.phase"; phase: string };

const http = createServer();
const io = new Server(http, { maxHttpBufferSize: 64 * 1024 });
const startPhase = process.argv[3] ?? "reveal";
const boards = new Map<string, { phase: string; notes: Note[] }>();
const boardOf = (id: string) => boards.get(id) ?? boards.set(id, { phase: startPhase, notes: [] }).get(id)!;
let seq = 0;
io.on("connection", (socket) => {
  socket.on("board:join", async ({ boardId }: { boardId: string }, ack: (r: unknown) => void) => {
    await socket.join(`board:${boardId}`);
    ack({ ok: true, data: { seq: 0 } });
  });
  socket.on("board:op", (env: { boardId: string; opId: string; op: Op }, ack: (r: unknown) => void) => {
    const board = boardOf(env.boardId);
    const base = { boardId: env.boardId, seq: ++seq, opId: env.opId };
    if (env.op.type === "board.phase") {
      board.phase = env.op.phase;
      io.to(`board:${env.boardId}`).emit("board:event", {
        ...base,
        type: "board.phase",
        data: { phase: board.phase, notes: board.notes },
      });
    } else {
      const note = { id: env.op.noteId, text: env.op.text };
      board.notes.push(note);
      if (board.phase !== "write")
        io.to(`board:${env.boardId}`).emit("board:event", { ...base, type: "note.create", data: { note } });
    }
    ack({ ok: true, data: { seq } });
  });
});
http.listen(Number(process.argv[2]), "127.0.0.1", () => process.stdout.write("ready\n"));
