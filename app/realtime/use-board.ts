import { useEffect, useMemo, useRef, useState } from "react";
import type { Operation } from "../../server/core/boards/ops";
import { BoardClient, type PendingOp, type Rejection } from "./board-client";
import { type BoardState, applyEvent, fromSnapshot } from "./board-state";
import { getSocket } from "./socket.client";

type Snapshot = {
  board: { id: string; seq: number; phase: string; locked: boolean; timerEndsAt: string | null; gather?: string[] };
  notes: (BoardState["notes"][string] & { mine: boolean })[];
  clusters: BoardState["clusters"][string][];
  myVotes: Record<string, number>;
};

/** Who is on the board: names, or under the Chatham House rule only how many (for participants). */
type Presence = { count: number; people: { userId: string; name: string }[] };

/**
 * A live board in React: the server snapshot, then events in sequence
 * order; operations go through BoardClient, which keeps them (in
 * localStorage) until the server acknowledges them.
 */
export function useBoard(snapshot: Snapshot, onReset: () => void) {
  const [state, setState] = useState(() => fromSnapshot(snapshot));
  const [pending, setPending] = useState<PendingOp[]>([]);
  const [rejections, setRejections] = useState<Rejection[]>([]);
  const [notices, setNotices] = useState<string[]>([]);
  const [presence, setPresence] = useState<Presence>({ count: 0, people: [] });
  const [slowDown, setSlowDown] = useState(0);
  const [myVotes, setMyVotes] = useState(snapshot.myVotes);
  const [mine, setMine] = useState(() => new Set(snapshot.notes.filter((n) => n.mine).map((n) => n.id)));
  const client = useRef<BoardClient | null>(null);
  const boardId = snapshot.board.id;

  // A fresh snapshot (after a reset or a revalidation) replaces the state.
  useEffect(() => {
    setState(fromSnapshot(snapshot));
    setMyVotes(snapshot.myVotes);
    client.current?.rebase(snapshot.board.seq);
  }, [snapshot]);

  useEffect(() => {
    let cancelled = false;
    let dispose = () => {};
    void getSocket().then((socket) => {
      if (cancelled) return;
      const c = new BoardClient(
        socket,
        boardId,
        snapshot.board.seq,
        {
          onEvent: (e) => setState((s) => applyEvent(s, e)),
          onReset,
          onReject: (r) => {
            setRejections((prev) => [...prev.slice(-4), r]);
            // An edit on an older version: show the note as it is now, for the person to redo their change on it.
            const latest = r.latest?.note;
            if (latest)
              setState((st) => ({ ...st, notes: { ...st.notes, [latest.id]: { ...st.notes[latest.id], ...latest } } }));
          },
          onPending: setPending,
          onSlowDown: (ms) => {
            setSlowDown(ms);
            setTimeout(() => setSlowDown(0), ms);
          },
        },
        typeof localStorage === "undefined" ? null : localStorage,
      );
      client.current = c;
      setPending(c.unacknowledged);
      const onPresence = (p: Presence & { boardId: string }) =>
        p.boardId === boardId && setPresence({ count: p.count, people: p.people });
      const onNotice = (n: { boardId: string; message: string }) =>
        n.boardId === boardId && setNotices((prev) => [...prev.slice(-4), n.message]);
      socket.on("board:presence", onPresence);
      socket.on("board:notice", onNotice);
      dispose = () => {
        c.dispose();
        socket.off("board:presence", onPresence);
        socket.off("board:notice", onNotice);
        void socket.emitWithAck("board:leave", { boardId }).catch(() => {});
      };
    });
    return () => {
      cancelled = true;
      dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [boardId]);

  const send = useMemo(
    () => (op: Operation) => {
      if (op.type === "note.create") setMine((m) => new Set(m).add(op.noteId));
      if (op.type === "vote.set") setMyVotes((v) => ({ ...v, [op.noteId]: op.dots }));
      client.current?.send(op);
    },
    [],
  );

  // Notes this person created that the server has not confirmed yet show as "sending".
  const notes = useMemo(() => {
    const out = { ...state.notes };
    for (const p of pending) {
      if (p.op.type !== "note.create" || out[p.op.noteId]) continue;
      out[p.op.noteId] = {
        id: p.op.noteId,
        category: p.op.category,
        text: p.op.text,
        authorLabel: "…",
        authorCategory: "",
        clusterId: null,
        hidden: false,
        version: 1,
        votes: 0,
        reactions: {},
        comments: [],
        originRoom: null,
        createdAt: new Date().toISOString(),
        pending: true,
      };
    }
    return out;
  }, [state.notes, pending]);

  return { state: { ...state, notes }, send, pending, rejections, notices, presence, slowDown, myVotes, mine };
}
