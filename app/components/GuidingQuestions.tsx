import { useTranslation } from "react-i18next";
import { UserText } from "~/components/UserText";

/** A room's guiding questions (the round's for every room, then its own), as a list people can read aloud. */
export function GuidingQuestions({
  questions,
  id = "questions-heading",
  level = 2,
}: {
  questions: string[];
  id?: string;
  /** The heading's level where the list sits (a room card's heading is already an h3). */
  level?: 2 | 3 | 4;
}) {
  const { t } = useTranslation();
  if (!questions.length) return null;
  const Heading = `h${level}` as const;
  return (
    <section aria-labelledby={id} className="question" data-testid="guiding-questions">
      <Heading id={id}>{questions.length === 1 ? t("live.question") : t("organise.questions.heading")}</Heading>
      {questions.length === 1 ? (
        <UserText as="p" text={questions[0]!} />
      ) : (
        <ol>
          {questions.map((q, i) => (
            <UserText as="li" key={i} text={q} />
          ))}
        </ol>
      )}
    </section>
  );
}
