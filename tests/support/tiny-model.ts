import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import onnxProto, { type onnx as Onnx } from "onnx-proto";

const { onnx } = onnxProto;

/**
 * A sentence-embedding model small enough to build in a test, in the layout
 * transformers.js reads (onnx/model.onnx beside tokenizer.json,
 * tokenizer_config.json and config.json). Its one real operation is a lookup
 * in an embedding table whose rows the test chooses: after mean pooling and
 * normalisation, a text's vector points where its words' rows point, so a
 * test decides which notes the model finds alike. `slow` adds that many
 * square matrix products after the lookup, to make inference really slow.
 */
export type TinyModel = { words: Record<string, number[]>; slow?: number };

const SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"];

export function writeTinyModel(folder: string, model: TinyModel): string {
  const words = Object.keys(model.words);
  const dim = model.words[words[0]!]!.length;
  const vocab = [...SPECIALS, ...words];
  const table = new Float32Array(vocab.length * dim);
  words.forEach((w, i) => table.set(model.words[w]!, (SPECIALS.length + i) * dim));

  const nodes: Onnx.INodeProto[] = [
    { opType: "Gather", input: ["embeddings", "input_ids"], output: [model.slow ? "h0" : "last_hidden_state"] },
  ];
  const initializer: Onnx.ITensorProto[] = [
    { name: "embeddings", dataType: onnx.TensorProto.DataType.FLOAT, dims: [vocab.length, dim], rawData: bytes(table) },
  ];
  if (model.slow) {
    // The identity matrix keeps the geometry; the products only cost time.
    const eye = new Float32Array(dim * dim);
    for (let d = 0; d < dim; d++) eye[d * dim + d] = 1;
    initializer.push({ name: "eye", dataType: onnx.TensorProto.DataType.FLOAT, dims: [dim, dim], rawData: bytes(eye) });
    for (let s = 0; s < model.slow; s++)
      nodes.push({
        opType: "MatMul",
        input: [`h${s}`, "eye"],
        output: [s === model.slow - 1 ? "last_hidden_state" : `h${s + 1}`],
      });
  }
  const tensor = (name: string, type: number, shape: (string | number)[]): Onnx.IValueInfoProto => ({
    name,
    type: {
      tensorType: {
        elemType: type,
        shape: { dim: shape.map((d) => (typeof d === "string" ? { dimParam: d } : { dimValue: d })) },
      },
    },
  });
  const INT64 = onnx.TensorProto.DataType.INT64;
  const proto = onnx.ModelProto.encode({
    irVersion: 8,
    opsetImport: [{ domain: "", version: 17 }],
    producerName: "plenary-tests",
    graph: {
      name: "tiny-sentence-embedder",
      node: nodes,
      initializer,
      input: [tensor("input_ids", INT64, ["batch", "seq"]), tensor("attention_mask", INT64, ["batch", "seq"])],
      output: [tensor("last_hidden_state", onnx.TensorProto.DataType.FLOAT, ["batch", "seq", dim])],
    },
  }).finish();

  mkdirSync(path.join(folder, "onnx"), { recursive: true });
  writeFileSync(path.join(folder, "onnx", "model.onnx"), proto);
  const id = (t: string) => vocab.indexOf(t);
  const special = (t: string) => ({ SpecialToken: { id: t, type_id: 0 } });
  writeFileSync(
    path.join(folder, "tokenizer.json"),
    JSON.stringify({
      version: "1.0",
      truncation: null,
      padding: null,
      added_tokens: SPECIALS.map((content) => ({
        id: id(content),
        content,
        single_word: false,
        lstrip: false,
        rstrip: false,
        normalized: false,
        special: true,
      })),
      normalizer: {
        type: "BertNormalizer",
        clean_text: true,
        handle_chinese_chars: true,
        strip_accents: null,
        lowercase: true,
      },
      pre_tokenizer: { type: "BertPreTokenizer" },
      post_processor: {
        type: "TemplateProcessing",
        single: [special("[CLS]"), { Sequence: { id: "A", type_id: 0 } }, special("[SEP]")],
        pair: [
          special("[CLS]"),
          { Sequence: { id: "A", type_id: 0 } },
          special("[SEP]"),
          { Sequence: { id: "B", type_id: 1 } },
          special("[SEP]"),
        ],
        special_tokens: Object.fromEntries(["[CLS]", "[SEP]"].map((t) => [t, { id: t, ids: [id(t)], tokens: [t] }])),
      },
      decoder: { type: "WordPiece", prefix: "##", cleanup: true },
      model: {
        type: "WordPiece",
        unk_token: "[UNK]",
        continuing_subword_prefix: "##",
        max_input_chars_per_word: 100,
        vocab: Object.fromEntries(vocab.map((t, i) => [t, i])),
      },
    }),
  );
  writeFileSync(
    path.join(folder, "tokenizer_config.json"),
    JSON.stringify({
      tokenizer_class: "BertTokenizer",
      do_lower_case: true,
      model_max_length: 128,
      cls_token: "[CLS]",
      sep_token: "[SEP]",
      pad_token: "[PAD]",
      unk_token: "[UNK]",
    }),
  );
  writeFileSync(
    path.join(folder, "config.json"),
    JSON.stringify({ model_type: "bert", architectures: ["BertModel"], hidden_size: dim, vocab_size: vocab.length }),
  );
  return folder;
}

const bytes = (a: Float32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
