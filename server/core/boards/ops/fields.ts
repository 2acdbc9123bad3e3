import { z } from "zod";
import { stripControls } from "../../forms";
import { MAX_NOTE } from "../constants";
import { zm } from "../../i18n/zod-messages";

/** The fields several operations share, checked the same way wherever they appear. */
export const id = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[\w-]+$/, zm("boards.idFormat"));

export const noteText = z
  .string()
  .transform(stripControls)
  .pipe(
    z
      .string()
      .trim()
      .min(1, zm("boards.writeFirst"))
      .max(MAX_NOTE, zm("boards.noteTooLong", { max: MAX_NOTE })),
  );

export const clusterLabel = z
  .string()
  .transform(stripControls)
  .pipe(z.string().trim().min(1, zm("boards.clusterName")).max(120));

export const category = z.string().trim().min(1).max(60);
