import {
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AccessibleDndContext } from "~/components/DndAnnouncer";

/**
 * Drag people between rooms with a mouse, touch or the keyboard (focus a
 * person, Space to pick up, arrows to move, Space to drop), with spoken
 * announcements in the reader's language, naming people and rooms, in a
 * polite live region. `onMove` receives the person and the room ("" = no room).
 */
export function RoomDnd({
  children,
  names,
  rooms,
  onMove,
}: {
  children: ReactNode;
  names: Record<string, string>;
  rooms: Record<string, string>;
  onMove: (userId: string, roomId: string) => void;
}) {
  const { t } = useTranslation();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );
  const over = (id: string | number | undefined) => (id === undefined ? "" : (rooms[String(id)] ?? ""));
  const announcements: Announcements = {
    onDragStart: ({ active }) => t("dnd.people.picked", { name: names[String(active.id)] }),
    onDragOver: ({ active, over: o }) =>
      o
        ? t("dnd.people.over", { name: names[String(active.id)], room: over(o.id) })
        : t("dnd.people.nowhere", { name: names[String(active.id)] }),
    onDragEnd: ({ active, over: o }) =>
      o
        ? t("dnd.people.dropped", { name: names[String(active.id)], room: over(o.id) })
        : t("dnd.people.cancelled", { name: names[String(active.id)] }),
    onDragCancel: ({ active }) => t("dnd.people.cancelled", { name: names[String(active.id)] }),
  };
  const onDragEnd = (e: DragEndEvent) => {
    if (!e.over) return;
    const roomId = String(e.over.id);
    if (e.active.data.current?.roomId === roomId) return;
    onMove(String(e.active.id), roomId === "unassigned" ? "" : roomId);
  };
  return (
    <AccessibleDndContext
      id="room-dnd"
      sensors={sensors}
      onDragEnd={onDragEnd}
      instructions={t("dnd.people.instructions")}
      announcements={announcements}
    >
      {children}
    </AccessibleDndContext>
  );
}

export function DroppableRoom({ id, children, className }: { id: string; children: ReactNode; className?: string }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <div ref={setNodeRef} className={`${className ?? ""} ${isOver ? "drop-over" : ""}`}>
      {children}
    </div>
  );
}

export function DraggablePerson({ id, roomId, label }: { id: string; roomId: string; label: ReactNode }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id,
    data: { roomId },
    attributes: { roleDescription: t("dnd.role.person") },
  });
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined;
  return (
    <button
      type="button"
      ref={setNodeRef}
      style={style}
      className={`person-chip ${isDragging ? "dragging" : ""}`}
      {...listeners}
      {...attributes}
    >
      {label}
    </button>
  );
}
