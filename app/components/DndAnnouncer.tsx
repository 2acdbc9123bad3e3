import { DndContext, useDndMonitor, type Announcements, type DndContextProps } from "@dnd-kit/core";
import { useRef, useState, type ReactNode } from "react";

/** dnd-kit's own live region is assertive (it interrupts whatever is being read): ours says nothing there. */
const SILENT_ANNOUNCEMENTS: Announcements = {
  onDragStart: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
};

/**
 * Says what a drag does, in the reader's language and in words (a person, a note, a room),
 * in a polite live region: each step waits for the screen reader to finish the last one.
 */
function PoliteDndAnnouncer({ announcements }: { announcements: Announcements }) {
  const [message, setMessage] = useState("");
  const fresh = useRef(false);
  const say = (m: string | undefined) => setMessage(m ?? "");
  useDndMonitor({
    onDragStart: (e) => {
      fresh.current = true;
      say(announcements.onDragStart(e));
    },
    // Where the item sits as it is picked up follows at once: said after "picked up", not instead of it.
    onDragOver: (e) => {
      const m = announcements.onDragOver?.(e);
      if (fresh.current) setMessage((prev) => (m ? `${prev} ${m}` : prev));
      else say(m);
      fresh.current = false;
    },
    onDragEnd: (e) => say(announcements.onDragEnd?.(e)),
    onDragCancel: (e) => say(announcements.onDragCancel?.(e)),
  });
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="dnd-announcer">
      {message}
    </p>
  );
}

/**
 * A drag-and-drop area whose instructions and announcements are the reader's language and said
 * politely (PoliteDndAnnouncer). `id` is fixed, so dnd-kit's ARIA ids match on server and client.
 */
export function AccessibleDndContext({
  id,
  sensors,
  onDragEnd,
  instructions,
  announcements,
  children,
}: {
  id: string;
  sensors: DndContextProps["sensors"];
  onDragEnd: DndContextProps["onDragEnd"];
  instructions: string;
  announcements: Announcements;
  children: ReactNode;
}) {
  return (
    <DndContext
      id={id}
      sensors={sensors}
      onDragEnd={onDragEnd}
      accessibility={{ announcements: SILENT_ANNOUNCEMENTS, screenReaderInstructions: { draggable: instructions } }}
    >
      <PoliteDndAnnouncer announcements={announcements} />
      {children}
    </DndContext>
  );
}
