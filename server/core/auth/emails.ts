import type { MailMessage } from "../mail/mailer";
import { type EmailLocale, emailLocale } from "../registration/emails";

type Kind = "confirmSignUp" | "accountExists" | "resetPassword" | "signInLink";
type Ctx = { to: string; name: string; link: string; signInUrl: string; minutes: number };
type Words = {
  hello: (name: string) => string;
  subject: Record<Kind, string>;
  body: Record<Kind, (c: Ctx) => string[]>;
};

/** Account emails in the language the person used on the form; links are inserted as they are. */
const WORDS: Record<EmailLocale, Words> = {
  en: {
    hello: (n) => `Hello ${n},`,
    subject: {
      confirmSignUp: "Confirm your email to create your Plenary account",
      accountExists: "You already have a Plenary account",
      resetPassword: "Reset your Plenary password",
      signInLink: "Your Plenary sign-in link",
    },
    body: {
      confirmSignUp: (c) => [
        `Open this link within ${c.minutes / 60} hours to confirm your email and create your account:`,
        "",
        c.link,
        "",
        "If you did not ask for an account, ignore this email: nothing is created.",
      ],
      accountExists: (c) => [
        "Someone (hopefully you) tried to create a Plenary account with this email address, but you already have one.",
        "",
        `Sign in: ${c.signInUrl}`,
        `Forgot your password? Choose a new one: ${c.link}`,
        "",
        "If this was not you, ignore this email: your account is unchanged.",
      ],
      resetPassword: (c) => [
        `Someone (hopefully you) asked to reset your Plenary password. Open this link within ${c.minutes} minutes to choose a new one:`,
        "",
        c.link,
        "",
        "If you did not ask for this, ignore this email: your password stays as it is.",
      ],
      signInLink: (c) => [
        `Someone (hopefully you) asked for a link to sign in to Plenary. Open it within ${c.minutes} minutes; it works once:`,
        "",
        c.link,
        "",
        "If you did not ask for this, ignore this email: nobody can sign in without the link.",
      ],
    },
  },
  fr: {
    hello: (n) => `Bonjour ${n},`,
    subject: {
      confirmSignUp: "Confirmez votre adresse pour créer votre compte Plenary",
      accountExists: "Vous avez déjà un compte Plenary",
      resetPassword: "Réinitialisez votre mot de passe Plenary",
      signInLink: "Votre lien de connexion à Plenary",
    },
    body: {
      confirmSignUp: (c) => [
        `Ouvrez ce lien dans les ${c.minutes / 60} heures pour confirmer votre adresse et créer votre compte :`,
        "",
        c.link,
        "",
        "Si vous n'avez pas demandé de compte, ignorez ce message : rien n'est créé.",
      ],
      accountExists: (c) => [
        "Quelqu'un (vous, sans doute) a essayé de créer un compte Plenary avec cette adresse, mais vous en avez déjà un.",
        "",
        `Se connecter : ${c.signInUrl}`,
        `Mot de passe oublié ? Choisissez-en un nouveau : ${c.link}`,
        "",
        "Si ce n'était pas vous, ignorez ce message : votre compte ne change pas.",
      ],
      resetPassword: (c) => [
        `Quelqu'un (vous, sans doute) a demandé à réinitialiser votre mot de passe Plenary. Ouvrez ce lien dans les ${c.minutes} minutes pour en choisir un nouveau :`,
        "",
        c.link,
        "",
        "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste le même.",
      ],
      signInLink: (c) => [
        `Quelqu'un (vous, sans doute) a demandé un lien pour se connecter à Plenary. Ouvrez-le dans les ${c.minutes} minutes ; il ne sert qu'une fois :`,
        "",
        c.link,
        "",
        "Si vous n'avez rien demandé, ignorez ce message : personne ne peut se connecter sans ce lien.",
      ],
    },
  },
  es: {
    hello: (n) => `Hola, ${n}:`,
    subject: {
      confirmSignUp: "Confirme su correo para crear su cuenta de Plenary",
      accountExists: "Ya tiene una cuenta de Plenary",
      resetPassword: "Restablezca su contraseña de Plenary",
      signInLink: "Su enlace para iniciar sesión en Plenary",
    },
    body: {
      confirmSignUp: (c) => [
        `Abra este enlace en las próximas ${c.minutes / 60} horas para confirmar su correo y crear su cuenta:`,
        "",
        c.link,
        "",
        "Si no pidió una cuenta, ignore este correo: no se crea nada.",
      ],
      accountExists: (c) => [
        "Alguien (seguramente usted) intentó crear una cuenta de Plenary con esta dirección, pero ya tiene una.",
        "",
        `Iniciar sesión: ${c.signInUrl}`,
        `¿Olvidó su contraseña? Elija una nueva: ${c.link}`,
        "",
        "Si no fue usted, ignore este correo: su cuenta no cambia.",
      ],
      resetPassword: (c) => [
        `Alguien (seguramente usted) pidió restablecer su contraseña de Plenary. Abra este enlace en los próximos ${c.minutes} minutos para elegir una nueva:`,
        "",
        c.link,
        "",
        "Si no lo pidió, ignore este correo: su contraseña sigue igual.",
      ],
      signInLink: (c) => [
        `Alguien (seguramente usted) pidió un enlace para iniciar sesión en Plenary. Ábralo en los próximos ${c.minutes} minutos; sirve una sola vez:`,
        "",
        c.link,
        "",
        "Si no lo pidió, ignore este correo: nadie puede iniciar sesión sin el enlace.",
      ],
    },
  },
  ar: {
    hello: (n) => `مرحبًا ${n}،`,
    subject: {
      confirmSignUp: "أكِّد بريدك الإلكتروني لإنشاء حسابك في Plenary",
      accountExists: "لديك حساب في Plenary بالفعل",
      resetPassword: "أعد تعيين كلمة مرورك في Plenary",
      signInLink: "رابط تسجيل دخولك إلى Plenary",
    },
    body: {
      confirmSignUp: (c) => [
        `افتح هذا الرابط خلال ${c.minutes / 60} ساعة لتأكيد بريدك الإلكتروني وإنشاء حسابك:`,
        "",
        c.link,
        "",
        "إذا لم تطلب إنشاء حساب، فتجاهل هذه الرسالة: لن يُنشأ شيء.",
      ],
      accountExists: (c) => [
        "حاول أحدهم (أنت على الأرجح) إنشاء حساب في Plenary بهذا العنوان، لكن لديك حسابًا بالفعل.",
        "",
        `تسجيل الدخول: ${c.signInUrl}`,
        `نسيت كلمة المرور؟ اختر كلمة جديدة: ${c.link}`,
        "",
        "إذا لم تكن أنت، فتجاهل هذه الرسالة: حسابك لم يتغير.",
      ],
      resetPassword: (c) => [
        `طلب أحدهم (أنت على الأرجح) إعادة تعيين كلمة مرورك في Plenary. افتح هذا الرابط خلال ${c.minutes} دقيقة لاختيار كلمة جديدة:`,
        "",
        c.link,
        "",
        "إذا لم تطلب ذلك، فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.",
      ],
      signInLink: (c) => [
        `طلب أحدهم (أنت على الأرجح) رابطًا لتسجيل الدخول إلى Plenary. افتحه خلال ${c.minutes} دقيقة؛ يعمل مرة واحدة فقط:`,
        "",
        c.link,
        "",
        "إذا لم تطلب ذلك، فتجاهل هذه الرسالة: لا يمكن لأحد تسجيل الدخول دون الرابط.",
      ],
    },
  },
};

export function accountEmail(kind: Kind, c: Ctx, locale: string | null | undefined): MailMessage {
  const w = WORDS[emailLocale(locale)];
  return {
    to: c.to,
    subject: w.subject[kind],
    text: [w.hello(c.name), "", ...w.body[kind](c), "", "Plenary", ""].join("\n"),
  };
}
