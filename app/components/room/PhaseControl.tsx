import { useTranslation } from "react-i18next";
import { PHASES } from "../../../server/core/boards/constants";
import { ConfirmedChoice } from "./NoteMenu";

/** The board's phase, changed for everyone only when the facilitator confirms (never on an arrow key). */
export function PhaseControl({
  phase,
  onChange,
}: {
  phase: string;
  onChange: (phase: (typeof PHASES)[number]) => void;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmedChoice
      id="phase"
      label={t("board.phase")}
      value={phase}
      options={PHASES.map((p) => ({ value: p, label: t(`board.phases.${p}`) }))}
      confirmLabel={t("room.phase.apply")}
      onConfirm={(p) => onChange(p as (typeof PHASES)[number])}
    />
  );
}
