import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { UserText } from "~/components/UserText";

/**
 * A list of names joined the way the reader's language joins an enumeration ("A, B, C",
 * "A, B et C", "A، وB، وC"), as the report does, each item isolated so a Latin name does not
 * pull the Arabic conjunction to its side.
 */
export function ListText({
  items,
  render,
  type = "unit",
}: {
  items: readonly string[];
  /** How one item is shown; by default as someone's own words (its language marked, isolated). */
  render?: (item: string, index: number) => ReactNode;
  type?: "conjunction" | "unit";
}) {
  const { i18n } = useTranslation();
  const parts = new Intl.ListFormat(i18n.language, { type, style: type === "unit" ? "short" : "long" }).formatToParts(
    items.map((_, i) => String(i)),
  );
  return (
    <>
      {parts.map((p, n) =>
        p.type === "element" ? (
          <Fragment key={n}>
            {render ? render(items[Number(p.value)]!, Number(p.value)) : <UserText text={items[Number(p.value)]!} />}
          </Fragment>
        ) : (
          <Fragment key={n}>{p.value}</Fragment>
        ),
      )}
    </>
  );
}
