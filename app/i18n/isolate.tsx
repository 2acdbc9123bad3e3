import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

// Marks that cannot occur in a translation: a value's place in the translated sentence.
const OPEN = "\uE000";
const CLOSE = "\uE001";

/**
 * `t` for sentences that carry someone's words ("Reserved: {{who}}", "Signed in as {{name}}"):
 * each string value is set in a <bdi>, so an English name keeps its place and punctuation in an
 * Arabic sentence and the other way round. Numbers (counts, for plurals) and React nodes pass as they are.
 */
export function useIsolatedT() {
  const { t } = useTranslation();
  return (key: string, values: Record<string, string | number | ReactNode> = {}): ReactNode => {
    const nodes: ReactNode[] = [];
    const marked: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(values)) {
      if (typeof value === "number") marked[name] = value;
      else {
        marked[name] = `${OPEN}${nodes.length}${CLOSE}`;
        nodes.push(typeof value === "string" ? <bdi>{value}</bdi> : value);
      }
    }
    const text = t(key, marked) as string;
    return text
      .split(new RegExp(`${OPEN}(\\d+)${CLOSE}`))
      .map((part, i) =>
        i % 2 === 1 ? (
          <Fragment key={i}>{nodes[Number(part)]}</Fragment>
        ) : part ? (
          <Fragment key={i}>{part}</Fragment>
        ) : null,
      );
  };
}
