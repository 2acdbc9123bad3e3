import { createContext, useContext, type ReactNode } from "react";
import { partProps } from "~/utils/content-language";

/** The working languages of the event a page shows (its main one first): what people's words there are likely in. */
const ContentLanguages = createContext<readonly string[]>([]);

export function ContentLanguagesProvider({
  languages,
  children,
}: {
  languages: readonly string[];
  children: ReactNode;
}) {
  return <ContentLanguages.Provider value={languages}>{children}</ContentLanguages.Provider>;
}

export const useContentLanguages = () => useContext(ContentLanguages);

type Tag = "bdi" | "span" | "p" | "h1" | "h2" | "h3" | "h4" | "strong" | "li" | "div" | "blockquote";

/**
 * Words someone typed (a title, a note, a name), shown inside the interface: marked with their
 * language when it can be told (WCAG 3.1.2) and isolated, so an English phrase on an Arabic page
 * keeps its punctuation where it was written. Inline by default (`<bdi>`).
 */
export function UserText({
  text,
  as: Tag = "bdi",
  languages,
  className,
  id,
  children,
  testId,
}: {
  text: string;
  as?: Tag;
  languages?: readonly string[];
  className?: string;
  id?: string;
  /** What to show when it is more than the text itself (the text still decides the language). */
  children?: ReactNode;
  testId?: string;
}) {
  const fromPage = useContentLanguages();
  return (
    <Tag {...partProps(text, languages ?? fromPage)} className={className} id={id} data-testid={testId}>
      {children ?? text}
    </Tag>
  );
}
