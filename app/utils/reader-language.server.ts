import type { AppLoadContext } from "@remix-run/node";
import { resolveLocale } from "./locale.server";

/**
 * The language this request's page is shown in, decided as the root layout decides it, so a
 * loader can ask the core for the organisers' words in that language (content/languages.ts).
 */
export async function readerLanguage(context: AppLoadContext, request: Request): Promise<string> {
  const [user, settings] = await Promise.all([context.user(), context.core.platform.settings()]);
  return resolveLocale(request, user, settings.languages);
}
