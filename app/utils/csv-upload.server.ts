import {
  MaxPartSizeExceededError,
  json,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { type Message, msg } from "../../server/core/i18n/message";
import { MAX_IMPORT_BYTES } from "../../server/core/invitations/limits";

const CSV_TYPES = ["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel", ""];

const refuse = (status: number, message: Message) =>
  json({ ok: false as const, message, fieldErrors: { file: [message] }, values: {} }, { status });

/**
 * A CSV file posted as multipart form data, read within the import limit before anything parses it.
 * Returns the form and the file's text, or the response that says what is wrong with the upload.
 */
export async function readCsvUpload(request: Request) {
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }),
    );
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError)
      return {
        error: refuse(413, msg("csv.tooLarge")),
      };
    // A body that says it is multipart but is not: the sender's error.
    return { error: refuse(400, msg("csv.unreadable")) };
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { error: refuse(400, msg("csv.chooseFile")) };
  if (!CSV_TYPES.includes(file.type) && !file.name.toLowerCase().endsWith(".csv"))
    return { error: refuse(415, msg("csv.csvOnly")) };
  return { form, text: await file.text() };
}
