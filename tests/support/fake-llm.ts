// A stand-in for an OpenAI-compatible chat endpoint (a local Ollama or vLLM), started by the
// tests on a free loopback port. It drafts from what it is sent, as a model would, and can be
// told to misbehave: answer late, fail, talk nonsense, or cite what it was not given.
import { type IncomingMessage, type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeMode = "ok" | "slow" | "error" | "garbage";
export type Received = { path: string; authorization: string | undefined; body: string };

type Payload = {
  themes?: { id: string; label: string; notes: { id: string; text: string }[] }[];
  facts?: { id: string }[];
  pairs?: unknown[];
};

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => resolve(body));
  });

/** What the fake model answers: grounded sentences, plus ones the grounding check must drop; the last theme left empty. */
function draft(payload: Payload, task: string) {
  const themes = payload.themes ?? [];
  if (task.startsWith("For each theme")) {
    const out: Record<string, { text: string; cites: string[] }[]> = {};
    themes.slice(0, -1).forEach((t) => {
      out[t.id] = [
        { text: `Model paragraph on ${t.label}, resting on its notes [${t.notes[0]!.id}].`, cites: [t.notes[0]!.id] },
        { text: "A claim that cites nothing.", cites: [] },
        { text: "A claim resting on a note nobody gave the model.", cites: ["n999999"] },
      ];
    });
    return { themes: out };
  }
  const first = themes[0]?.notes[0]?.id ?? "f-participation";
  return {
    summary: [
      { text: "Model summary of who took part.", cites: ["f-participation"] },
      { text: "Model summary of what they raised.", cites: [first] },
    ],
    takeaways: [
      { title: "Model takeaway", sentences: [{ text: "It was raised everywhere.", cites: [first] }] },
      { title: "Ungrounded takeaway", sentences: [{ text: "Nothing supports this.", cites: [] }] },
    ],
  };
}

export async function startFakeLlm(initial: FakeMode = "ok") {
  let mode: FakeMode = initial;
  const received: Received[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await read(req);
    received.push({ path: req.url ?? "", authorization: req.headers.authorization, body });
    if (mode === "slow") {
      // Longer than the writer's timeout; the socket is closed with the server.
      await new Promise((r) => setTimeout(r, 5_000));
    }
    if (mode === "error") {
      res.writeHead(500, { "content-type": "application/json" }).end('{"error":"model crashed"}');
      return;
    }
    const request = JSON.parse(body) as { messages: { role: string; content: string }[] };
    const user = request.messages.find((m) => m.role === "user")!.content;
    const [task, json] = [user.slice(0, user.indexOf("\n\n")), user.slice(user.indexOf("\n\n") + 2)];
    const content =
      mode === "garbage" ? "Sure! Here is your report: it went well." : JSON.stringify(draft(JSON.parse(json), task));
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        id: "x",
        object: "chat.completion",
        choices: [{ index: 0, message: { role: "assistant", content } }],
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    received,
    setMode: (m: FakeMode) => void (mode = m),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
