import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * Time left until `endsAt` by the server's clock: `offsetMs` is how far the
 * server's clock is ahead of this device's, so every screen shows the same time.
 */
export function Countdown({ endsAt, offsetMs }: { endsAt: string; offsetMs: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now() + offsetMs);
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [offsetMs]);
  if (now === null) return null;
  const left = Math.max(0, Date.parse(endsAt) - now);
  const mm = Math.floor(left / 60_000);
  const ss = Math.floor((left % 60_000) / 1000);
  return (
    <p className="countdown" role="timer" aria-label={t("live.timeLeft")} data-testid="countdown">
      {left === 0 ? t("live.timeUp") : `${mm}:${String(ss).padStart(2, "0")}`}
    </p>
  );
}

export function formatLeft(endsAt: string | null, now: number) {
  if (!endsAt) return "—";
  const left = Math.max(0, Date.parse(endsAt) - now);
  return `${Math.floor(left / 60_000)}:${String(Math.floor((left % 60_000) / 1000)).padStart(2, "0")}`;
}
