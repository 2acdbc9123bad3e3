import { z } from "zod";
import { emailSchema, nameSchema, passwordSchema } from "../validate";
import { zm } from "../i18n/zod-messages";

export const signUpInput = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema });
export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, zm("auth.passwordRequired")).max(200),
});
export const resetRequestInput = z.object({ email: emailSchema });
export const resetInput = z.object({
  token: z.string().min(10, zm("auth.resetLinkInvalid")).max(200),
  password: passwordSchema,
});
export const signInLinkInput = z.object({ email: emailSchema });
