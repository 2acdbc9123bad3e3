import { describe, expect, it } from "vitest";
import {
  averageLinkage,
  cut,
  silhouette,
  silhouettesByK,
  similarityMatrix,
} from "../../server/core/clustering/agglomerate";
import { adjustedRand } from "../../server/core/clustering/ari";
import { endpointOf } from "../../server/core/clustering/embeddings";
import { labelGroups } from "../../server/core/clustering/labels";
import { placeNotes, suggestByVectors } from "../../server/core/clustering/suggest";
import { analyse, detectLanguage, stem, words } from "../../server/core/clustering/text";

const unit = (...xs: number[]) => {
  const v = Float32Array.from(xs);
  const n = Math.hypot(...xs);
  return v.map((x) => x / n);
};

describe("text analysis", () => {
  it("splits words in any script, drops French elisions and keeps accents", () => {
    expect(words("L'accès aux services, c'est « difficile » !")).toEqual([
      "accès",
      "aux",
      "services",
      "est",
      "difficile",
    ]);
    expect(words("مشاركة النساء")).toEqual(["مشاركة", "النساء"]);
    expect(words("🙂🙂 !!! ...")).toEqual([]);
  });

  it("recognises English, French and Spanish notes by their stop words", () => {
    expect(detectLanguage(words("Les femmes ne connaissent pas leurs droits"))).toBe("fr");
    expect(detectLanguage(words("Las mujeres no conocen sus derechos en la ciudad"))).toBe("es");
    expect(detectLanguage(words("Women do not know their rights"))).toBe("en");
  });

  it("stems each language with its own stemmer and removes its stop words", () => {
    expect(stem("travailleuses", "fr")).toBe(stem("travailleuse", "fr"));
    expect(stem("trabajadoras", "es")).toBe(stem("trabajadora", "es"));
    const a = analyse("The mothers cannot attend the courses");
    expect(a.content).toEqual(["mothers", "attend", "courses"]);
    expect(a.stems).toEqual(["mother", "attend", "cours"]);
  });
});

describe("agglomeration", () => {
  const rows = [
    unit(1, 0.1, 0),
    unit(1, 0, 0.1),
    unit(0.9, 0.1, 0.1),
    unit(0, 1, 0.1),
    unit(0.1, 1, 0),
    unit(0, 0.1, 1),
  ];
  const S = similarityMatrix(rows);

  it("merges the most similar notes first and cuts into any number of clusters", () => {
    const merges = averageLinkage(S, rows.length);
    expect(merges).toHaveLength(rows.length - 1);
    expect(merges.map((m) => m.similarity)).toEqual([...merges.map((m) => m.similarity)].sort((a, b) => b - a));
    expect([...cut(merges, rows.length, 3)]).toEqual([0, 0, 0, 1, 1, 2]);
    expect(new Set(cut(merges, rows.length, 1)).size).toBe(1);
    expect(new Set(cut(merges, rows.length, 6)).size).toBe(6);
  });

  it("scores a natural cut above an arbitrary one by silhouette", () => {
    const merges = averageLinkage(S, rows.length);
    expect(silhouette(S, rows.length, cut(merges, rows.length, 3), 3)).toBeGreaterThan(
      silhouette(S, rows.length, Int32Array.from([0, 1, 0, 1, 0, 1]), 2),
    );
  });

  // Deterministic pseudo-random rows: half sparse (like lexical features), half dense (like embeddings).
  const randomRows = (n: number, width: number, sparse: boolean) => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    return Array.from({ length: n }, () => {
      const v = Float32Array.from({ length: width }, () => (sparse && rand() < 0.8 ? 0 : rand() - 0.3));
      const norm = Math.hypot(...v) || 1;
      return v.map((x) => x / norm);
    });
  };

  it("computes the same similarities for sparse and dense rows as a plain dot product", () => {
    for (const sparse of [true, false]) {
      const rs = randomRows(30, 40, sparse);
      const M = similarityMatrix(rs);
      for (let i = 0; i < rs.length; i++)
        for (let j = 0; j < rs.length; j++) {
          const dot = i === j ? 1 : rs[i]!.reduce((t, x, d) => t + x * rs[j]![d]!, 0);
          expect(M[i * rs.length + j]).toBeCloseTo(dot, 5);
        }
    }
  });

  it("scores every cut at once exactly as the silhouette of each cut", () => {
    const rs = randomRows(60, 12, false);
    const M = similarityMatrix(rs);
    const merges = averageLinkage(M, rs.length);
    const scores = silhouettesByK(M, rs.length, merges, 15);
    for (let k = 2; k <= 15; k++)
      expect(scores[k]).toBeCloseTo(silhouette(M, rs.length, cut(merges, rs.length, k), k), 9);
  });
});

describe("labels and choices", () => {
  it("names a group by a phrase its notes share and the rest of the board does not", () => {
    const notes = [
      "No childcare during language courses",
      "Childcare places are missing at the job centre",
      "Mothers need childcare places",
      "Employers refuse the headscarf",
      "Employers ignore foreign diplomas",
    ].map(analyse);
    const [care, work] = labelGroups(
      [
        [0, 1, 2],
        [3, 4],
      ],
      notes,
      null,
    );
    expect(care).toMatch(/childcare/i);
    expect(care!.split(" ").length).toBeGreaterThanOrEqual(2);
    expect(work).not.toBe(care);
    expect(work!.split(" ").length).toBeGreaterThanOrEqual(2);
  });

  it("leaves notes without content, and notes that fit nowhere, unclustered", () => {
    const ids = ["a", "b", "c", "d"];
    const rows = [unit(1, 0, 0), unit(0.95, 0.05, 0), new Float32Array(3), unit(0, 0, 1)];
    const r = suggestByVectors(ids, rows, ["x a", "x b", "", "y"].map(analyse), null, { k: 2 });
    expect(r.clusters).toHaveLength(1);
    expect(r.clusters[0]).toMatchObject({ noteIds: ["a", "b"], size: 2 });
    expect(r.unclustered.sort()).toEqual(["c", "d"]);
  });

  it("places a note in the clearly closest cluster and leaves weak or ambiguous matches alone", () => {
    const clusters = [
      { id: "x", rows: [unit(1, 0, 0), unit(1, 0, 0)] },
      { id: "y", rows: [unit(0, 1, 0)] },
    ];
    const placed = placeNotes(clusters, [
      { id: "clear", row: unit(1, 0.05, 0) },
      { id: "between", row: unit(1, 1, 0) },
      { id: "elsewhere", row: unit(0, 0, 1) },
    ]);
    expect(placed).toEqual([{ noteId: "clear", clusterId: "x", confidence: expect.any(Number) }]);
    expect(placed[0]!.confidence).toBeGreaterThan(0.9);
  });
});

describe("adjusted Rand index", () => {
  it("is 1 for the same grouping under other names and about 0 for unrelated ones", () => {
    expect(adjustedRand(["a", "a", "b", "b"], ["x", "x", "y", "y"])).toBe(1);
    expect(adjustedRand(["a", "b", "a", "b"], ["x", "x", "y", "y"])).toBeLessThan(0);
    expect(() => adjustedRand(["a"], [])).toThrow();
  });
});

describe("embeddings endpoint", () => {
  it("accepts a base URL, a /v1 URL or the full endpoint", () => {
    expect(endpointOf("http://localhost:11434")).toBe("http://localhost:11434/v1/embeddings");
    expect(endpointOf("http://localhost:11434/v1/")).toBe("http://localhost:11434/v1/embeddings");
    expect(endpointOf("http://h/v1/embeddings")).toBe("http://h/v1/embeddings");
  });
});
