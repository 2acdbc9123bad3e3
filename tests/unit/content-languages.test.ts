import { describe, expect, it } from "vitest";
import { liveStateIn, liveTranslations } from "../../server/core/breakouts/live-languages";
import { questionsIn } from "../../server/core/breakouts/questions";
import { contentLanguage, inLanguage, linesInLanguage } from "../../server/core/content/languages";

describe("which language a reader gets an event's content in", () => {
  it("is theirs when it is a working language, else the event's first", () => {
    expect(contentLanguage("fr", ["en", "fr", "es"])).toBe("fr");
    expect(contentLanguage("ar", ["en", "fr", "es"])).toBe("en");
    expect(contentLanguage("es", ["fr", "es"])).toBe("es");
    expect(contentLanguage("en", ["fr", "es"])).toBe("fr");
    // Regional tags and capitals read as their language; no reader or no languages fall back sensibly.
    expect(contentLanguage("fr-CA", ["en", "fr"])).toBe("fr");
    expect(contentLanguage("ES", ["en", "es"])).toBe("es");
    expect(contentLanguage(null, ["es", "en"])).toBe("es");
    expect(contentLanguage("fr", [])).toBe("en");
  });
});

describe("a record in a language", () => {
  const item = { id: "x", title: "Welcome", description: "Why we meet", position: 3 };
  const tr = { fr: { title: "Bienvenue", description: "  " }, es: { title: "Bienvenida", position: "9" } };

  it("takes each translated field given, and the original for the others", () => {
    expect(inLanguage(item, tr, "fr", ["title", "description"])).toEqual({ ...item, title: "Bienvenue" });
    expect(inLanguage(item, tr, "ar", ["title", "description"])).toBe(item);
    expect(inLanguage(item, JSON.stringify(tr), "fr", ["title"]).title).toBe("Bienvenue");
  });

  it("never changes a field that is not translatable, whatever the stored JSON says", () => {
    expect(inLanguage(item, tr, "es", ["title"])).toEqual({ ...item, title: "Bienvenida" });
  });

  it("reads malformed stored translations as none, and an empty field as not translated", () => {
    for (const bad of ["", "not json", "[]", '{"fr": "x"}', '{"fr": {"title": 3}}', "null"])
      expect(inLanguage(item, bad, "fr", ["title", "description"])).toBe(item);
    expect(inLanguage(item, '{"fr": {"title": "T", "description": ""}}', "fr", ["title", "description"])).toEqual({
      ...item,
      title: "T",
    });
  });

  it("translates lists as a whole, one item per line", () => {
    const tr2 = { fr: { questions: "Quoi ?\n\n  Comment ?  " } };
    expect(linesInLanguage(["What?", "How?", "Who?"], tr2, "fr")).toEqual(["Quoi ?", "Comment ?"]);
    expect(linesInLanguage(["What?"], tr2, "es")).toEqual(["What?"]);
  });

  it("gives a room the round's questions then its own, each in the language where given", () => {
    const round = {
      questionsJson: '["For every room?"]',
      translationsJson: '{"fr": {"questions": "Pour chaque salle ?"}}',
    };
    const room = { question: "Ours?", translationsJson: "{}" };
    expect(questionsIn(round, room, "fr")).toEqual(["Pour chaque salle ?", "Ours?"]);
    expect(questionsIn(round, room, "en")).toEqual(["For every room?", "Ours?"]);
    expect(
      questionsIn({ questionsJson: "[]", translationsJson: "{}" }, { question: "", translationsJson: "{}" }, "fr"),
    ).toEqual([]);
  });
});

describe("the live screen in the reader's language", () => {
  const round = { title: "Barriers", questionsJson: "[]", translationsJson: '{"ar": {"title": "العوائق"}}' };
  const rooms = [
    {
      id: "r1",
      name: "Room A",
      question: "What stops you?",
      translationsJson: '{"ar": {"name": "الغرفة أ", "questions": "ما الذي يمنعك؟"}}',
    },
  ];
  const state = {
    languages: ["en", "fr", "ar"],
    translated: liveTranslations(["en", "fr", "ar"], round, rooms),
    round: { id: "x", title: "Barriers" },
    room: { id: "r1", name: "Room A", questions: ["What stops you?"], boardId: "b" },
    choices: null,
  };

  it("carries every other working language's texts, and the page picks its own", () => {
    expect(Object.keys(state.translated)).toEqual(["fr", "ar"]);
    const ar = liveStateIn(state, "ar");
    expect(ar.round?.title).toBe("العوائق");
    expect(ar.room).toEqual({ id: "r1", name: "الغرفة أ", questions: ["ما الذي يمنعك؟"], boardId: "b" });
    // French has no translation yet: the original stays; a language the event does not work in reads the first.
    expect(liveStateIn(state, "fr").room?.name).toBe("Room A");
    expect(liveStateIn(state, "es")).toBe(state);
  });
});
