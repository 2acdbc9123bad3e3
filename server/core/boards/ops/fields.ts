import { z } from "zod";
import { stripControls } from "../../forms";
import { MAX_NOTE } from "../constants";

/** The fields several operations share, checked the same way wherever they appear. */
export const id = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[\w-]+$/, "Ids are letters, digits, - and _.");

export const noteText = z
  .string()
  .transform(stripControls)
  .pipe(z.string().trim().min(1, "Write something first.").max(MAX_NOTE, `Notes are at most ${MAX_NOTE} characters.`));

export const clusterLabel = z
  .string()
  .transform(stripControls)
  .pipe(z.string().trim().min(1, "Give the cluster a name.").max(120, "At most 120 characters."));

export const category = z.string().trim().min(1).max(60);
