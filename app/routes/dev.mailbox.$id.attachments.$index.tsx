import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { asHttpError } from "~/utils/forms.server";
import { actorOf, requireUser } from "~/utils/session.server";

// Downloads an attachment of a dev-mailbox mail, e.g. a confirmation's .ics.
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  await requireUser(context, request);
  const mail = await context.core.devMailbox.get(await actorOf(context), params.id ?? "").catch(asHttpError);
  const a = mail.attachments[Number(params.index)];
  if (!a) throw json({ message: "No such attachment" }, { status: 404 });
  return new Response(a.content, {
    headers: {
      "Content-Type": a.contentType,
      "Content-Disposition": `attachment; filename="${a.filename.replace(/[^\w.-]/g, "_")}"`,
    },
  });
}
