import { LOCALES, type Locale, localeOr } from "../i18n/locales";
import { DateTime } from "luxon";
import type { MailMessage } from "../mail/mailer";

type EventInfo = {
  title: string;
  slug: string;
  timezone: string;
  startsAt: Date;
  endsAt: Date;
  format: string;
  venue: string | null;
};
type Ctx = {
  event: EventInfo;
  name: string;
  to: string;
  manageUrl: string;
  eventUrl: string;
  loginUrl?: string;
  ics?: string;
};
type Kind = "confirmed" | "waitlisted" | "pending" | "promoted" | "rejected" | "cancelled";

export const EMAIL_LOCALES = LOCALES;
export type EmailLocale = Locale;
export const emailLocale = (l: string | null | undefined): EmailLocale => localeOr(l);

/** The words of registration emails in each language; the event's own title and times are inserted as they are. */
type Words = {
  hello: (name: string) => string;
  when: string;
  where: string;
  manage: string;
  eventPage: string;
  signIn: string;
  online: string;
  subject: Record<Kind, (title: string) => string>;
  body: {
    confirmed: (t: string) => string;
    waitlisted: (t: string, position: number) => string;
    pending: (t: string) => string;
    promoted: (t: string) => string;
    rejected: (t: string) => string;
    cancelled: (t: string, url: string) => string;
  };
  calendarNote: string;
  promotedNote: string;
};

const WORDS: Record<EmailLocale, Words> = {
  en: {
    hello: (n) => `Hello ${n},`,
    when: "When",
    where: "Where",
    manage: "View, change or cancel your registration",
    eventPage: "Event page",
    signIn: "Sign in to Plenary without a password (valid 7 days)",
    online: "Online",
    subject: {
      confirmed: (t) => `You are registered: ${t}`,
      waitlisted: (t) => `You are on the waitlist: ${t}`,
      pending: (t) => `Registration received: ${t}`,
      promoted: (t) => `A place opened for you: ${t}`,
      rejected: (t) => `About your registration: ${t}`,
      cancelled: (t) => `Registration cancelled: ${t}`,
    },
    body: {
      confirmed: (t) => `Your place at "${t}" is confirmed.`,
      waitlisted: (t, p) =>
        `"${t}" is full, so you are on the waitlist, in position ${p}. If a place opens, you will get it automatically and we will email you.`,
      pending: (t) =>
        `Thank you for registering for "${t}". The organisers review registrations to keep a balanced mix of participants; you will hear from us soon.`,
      promoted: (t) => `Good news: a place opened at "${t}" and it is yours. Your registration is now confirmed.`,
      rejected: (t) => `Thank you for your interest in "${t}". The organisers could not offer you a place this time.`,
      cancelled: (t, url) =>
        `Your registration for "${t}" is cancelled. You can register again from the event page while registration is open: ${url}`,
    },
    calendarNote: "The attached calendar file adds it to your calendar in the right timezone.",
    promotedNote:
      "The attached calendar file adds it to your calendar. If you can no longer come, please cancel so someone else can take the place.",
  },
  fr: {
    hello: (n) => `Bonjour ${n},`,
    when: "Quand",
    where: "Où",
    manage: "Voir, modifier ou annuler votre inscription",
    eventPage: "Page de l'événement",
    signIn: "Se connecter à Plenary sans mot de passe (valable 7 jours)",
    online: "En ligne",
    subject: {
      confirmed: (t) => `Vous êtes inscrit·e : ${t}`,
      waitlisted: (t) => `Vous êtes sur la liste d'attente : ${t}`,
      pending: (t) => `Inscription reçue : ${t}`,
      promoted: (t) => `Une place s'est libérée pour vous : ${t}`,
      rejected: (t) => `Au sujet de votre inscription : ${t}`,
      cancelled: (t) => `Inscription annulée : ${t}`,
    },
    body: {
      confirmed: (t) => `Votre place à « ${t} » est confirmée.`,
      waitlisted: (t, p) =>
        `« ${t} » est complet : vous êtes sur la liste d'attente, en position ${p}. Si une place se libère, elle vous sera attribuée automatiquement et nous vous écrirons.`,
      pending: (t) =>
        `Merci de votre inscription à « ${t} ». Les organisateurs examinent les inscriptions pour garder un bon équilibre entre participant·es ; vous aurez de nos nouvelles bientôt.`,
      promoted: (t) =>
        `Bonne nouvelle : une place s'est libérée à « ${t} » et elle est pour vous. Votre inscription est confirmée.`,
      rejected: (t) =>
        `Merci de votre intérêt pour « ${t} ». Les organisateurs n'ont pas pu vous offrir de place cette fois-ci.`,
      cancelled: (t, url) =>
        `Votre inscription à « ${t} » est annulée. Vous pouvez vous réinscrire depuis la page de l'événement tant que les inscriptions sont ouvertes : ${url}`,
    },
    calendarNote: "Le fichier d'agenda joint l'ajoute à votre agenda dans le bon fuseau horaire.",
    promotedNote:
      "Le fichier d'agenda joint l'ajoute à votre agenda. Si vous ne pouvez plus venir, merci d'annuler pour libérer la place.",
  },
  es: {
    hello: (n) => `Hola, ${n}:`,
    when: "Cuándo",
    where: "Dónde",
    manage: "Ver, cambiar o cancelar su inscripción",
    eventPage: "Página del evento",
    signIn: "Entrar en Plenary sin contraseña (válido 7 días)",
    online: "En línea",
    subject: {
      confirmed: (t) => `Está inscrito/a: ${t}`,
      waitlisted: (t) => `Está en la lista de espera: ${t}`,
      pending: (t) => `Inscripción recibida: ${t}`,
      promoted: (t) => `Se liberó una plaza para usted: ${t}`,
      rejected: (t) => `Sobre su inscripción: ${t}`,
      cancelled: (t) => `Inscripción cancelada: ${t}`,
    },
    body: {
      confirmed: (t) => `Su plaza en «${t}» está confirmada.`,
      waitlisted: (t, p) =>
        `«${t}» está completo, así que está en la lista de espera, en la posición ${p}. Si se libera una plaza, será suya automáticamente y le escribiremos.`,
      pending: (t) =>
        `Gracias por inscribirse en «${t}». La organización revisa las inscripciones para mantener un equilibrio entre participantes; pronto tendrá noticias.`,
      promoted: (t) => `Buenas noticias: se liberó una plaza en «${t}» y es suya. Su inscripción está confirmada.`,
      rejected: (t) => `Gracias por su interés en «${t}». Esta vez la organización no ha podido ofrecerle una plaza.`,
      cancelled: (t, url) =>
        `Su inscripción en «${t}» está cancelada. Puede volver a inscribirse desde la página del evento mientras la inscripción esté abierta: ${url}`,
    },
    calendarNote: "El archivo de calendario adjunto lo añade a su calendario en la zona horaria correcta.",
    promotedNote:
      "El archivo de calendario adjunto lo añade a su calendario. Si ya no puede venir, cancele para que otra persona ocupe la plaza.",
  },
  ar: {
    hello: (n) => `مرحبًا ${n}،`,
    when: "الموعد",
    where: "المكان",
    manage: "عرض تسجيلك أو تغييره أو إلغاؤه",
    eventPage: "صفحة الفعالية",
    signIn: "تسجيل الدخول إلى Plenary دون كلمة مرور (صالح 7 أيام)",
    online: "عبر الإنترنت",
    subject: {
      confirmed: (t) => `تم تسجيلك: ${t}`,
      waitlisted: (t) => `أنت على قائمة الانتظار: ${t}`,
      pending: (t) => `استلمنا تسجيلك: ${t}`,
      promoted: (t) => `توفّر مقعد لك: ${t}`,
      rejected: (t) => `بخصوص تسجيلك: ${t}`,
      cancelled: (t) => `أُلغي التسجيل: ${t}`,
    },
    body: {
      confirmed: (t) => `تأكد مقعدك في «${t}».`,
      waitlisted: (t, p) =>
        `«${t}» ممتلئة، لذا أنت على قائمة الانتظار في المرتبة ${p}. إذا توفر مقعد فسيكون لك تلقائيًا وسنراسلك.`,
      pending: (t) =>
        `شكرًا لتسجيلك في «${t}». يراجع المنظمون التسجيلات للحفاظ على تنوع متوازن بين المشاركين؛ وسنتواصل معك قريبًا.`,
      promoted: (t) => `خبر سار: توفر مقعد في «${t}» وهو لك. تسجيلك مؤكد الآن.`,
      rejected: (t) => `شكرًا لاهتمامك بـ«${t}». لم يتمكن المنظمون من توفير مقعد لك هذه المرة.`,
      cancelled: (t, url) =>
        `أُلغي تسجيلك في «${t}». يمكنك التسجيل من جديد من صفحة الفعالية ما دام التسجيل مفتوحًا: ${url}`,
    },
    calendarNote: "يضيف ملف التقويم المرفق الفعالية إلى تقويمك بالمنطقة الزمنية الصحيحة.",
    promotedNote:
      "يضيف ملف التقويم المرفق الفعالية إلى تقويمك. إذا لم تعد تستطيع الحضور، يرجى الإلغاء ليأخذ غيرك المقعد.",
  },
};

const when = (e: EventInfo, locale: EmailLocale) => {
  const s = DateTime.fromJSDate(e.startsAt, { zone: e.timezone }).setLocale(locale);
  const end = DateTime.fromJSDate(e.endsAt, { zone: e.timezone }).setLocale(locale);
  return `${s.toLocaleString(DateTime.DATE_HUGE)}, ${s.toFormat("HH:mm")}–${end.toFormat(s.hasSame(end, "day") ? "HH:mm" : "d LLLL HH:mm")} (${e.timezone}, ${s.toFormat("ZZZZ")})`;
};

const calendar = (c: Ctx): MailMessage["attachments"] =>
  c.ics
    ? [{ filename: `${c.event.slug}.ics`, content: c.ics, contentType: "text/calendar; charset=utf-8; method=PUBLISH" }]
    : [];

/** Registration emails in the recipient's language (their preferred language at registration). */
export function registrationEmail(kind: Kind, c: Ctx & { position?: number }, locale: string): MailMessage {
  const lang = emailLocale(locale);
  const w = WORDS[lang];
  const t = c.event.title;
  const whenLine = `${w.when}: ${when(c.event, lang)}`;
  const whereLine = c.event.venue ? `${w.where}: ${c.event.venue}` : "";
  const footer = [
    "",
    `${w.manage}: ${c.manageUrl}`,
    `${w.eventPage}: ${c.eventUrl}`,
    ...(c.loginUrl ? [`${w.signIn}: ${c.loginUrl}`] : []),
    "",
    "Plenary",
  ].join("\n");
  const lines: Record<Kind, string[]> = {
    confirmed: [w.body.confirmed(t), "", whenLine, whereLine, "", w.calendarNote, footer],
    waitlisted: [w.body.waitlisted(t, c.position ?? 0), "", whenLine, footer],
    pending: [w.body.pending(t), "", whenLine, footer],
    promoted: [w.body.promoted(t), "", whenLine, "", w.promotedNote, footer],
    rejected: [w.body.rejected(t), "", "Plenary"],
    cancelled: [w.body.cancelled(t, c.eventUrl), "", "Plenary"],
  };
  return {
    to: c.to,
    subject: w.subject[kind](t),
    text: [w.hello(c.name), "", ...lines[kind].filter((l, i, all) => l !== "" || all[i - 1] !== "")].join("\n"),
    ...(kind === "confirmed" || kind === "promoted" ? { attachments: calendar(c) } : {}),
  };
}

/** The words an .ics file carries beyond the event's own title. */
export const icsLocation = (format: string, locale: string) =>
  format === "online" ? WORDS[emailLocale(locale)].online : null;
