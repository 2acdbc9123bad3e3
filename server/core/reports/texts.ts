import { defaultCategoryName } from "../boards/category-names";

/** The fixed words of a report, per language; generated sections are built from these and the event's data. */
export type ReportTexts = typeof en;

const en = {
  sections: {
    cover: "Cover",
    introduction: "Introduction",
    participation: "Participation",
    programme: "Programme",
    findings: "Findings",
    takeaways: "Key takeaways",
    actions: "Action items",
    quotes: "Quotes",
    resources: "Resources",
  },
  summaryReport: "Summary report",
  organisedBy: "Organised by",
  partners: "Partners",
  date: "Date",
  format: "Format",
  formats: { online: "online", hybrid: "hybrid (online and in person)", in_person: "in person" } as Record<
    string,
    string
  >,
  venue: "Venue",
  languages: "Languages",
  chathamHouse:
    "The dialogue was held under the Chatham House rule: participants are free to use the information received, but neither the identity nor the affiliation of the speakers may be revealed. Quotes are attributed to stakeholder groups only.",
  noDescription: "The organisers did not describe the purpose of this session.",
  noParticipants: "No one registered for this session, so there are no participation figures.",
  participationSummary: (p: {
    registered: number;
    attended: number;
    organisations: number;
    countries: number;
    cities: number;
  }): string =>
    `${p.registered} participants registered${p.attended ? ` and ${p.attended} attended` : ""}, from ${p.organisations} organisations in ${p.cities} cities and ${p.countries} countries.`,
  stakeholderGroup: "Stakeholder group",
  participants: "Participants",
  country: "Country",
  cities: "Cities",
  noAgenda: "No programme was recorded for this session.",
  time: "Time",
  item: "Item",
  speakers: "Speakers",
  question: "Question",
  acrossRooms: "Across the rooms",
  noBoards: "No breakout boards were used in this session, so there are no findings to report.",
  noNotes: "No notes were posted on this board.",
  notesCount: (n: number): string => (n === 1 ? "1 note" : `${n} notes`),
  votesCount: (n: number): string => (n === 1 ? "1 vote" : `${n} votes`),
  raisedIn: (rooms: string[], total: number): string =>
    rooms.length === 0
      ? ""
      : rooms.length === total && total > 1
        ? total === 3
          ? "raised in all three rooms"
          : `raised in all ${total} rooms`
        : rooms.length === 1
          ? `raised in ${rooms[0]}`
          : `raised in ${rooms.length} rooms`,
  automatic: "grouped automatically",
  noTakeaways: "There are no clusters of notes yet to draw takeaways from.",
  strongest: (category: string, items: string): string => `**${category}**: ${items}.`,
  noActions: "No action items were recorded.",
  what: "What",
  owner: "Owner",
  due: "Due",
  status: "Status",
  from: "From",
  statuses: {
    proposed: "proposed",
    agreed: "agreed",
    in_progress: "in progress",
    done: "done",
    dropped: "dropped",
  } as Record<string, string>,
  noQuotes: "No participant consented to be quoted, so this report contains no quotes.",
  noResources: "No resources were added.",
  categoryNames: (key: string): string => defaultCategoryName("en", key) ?? key[0]!.toUpperCase() + key.slice(1),
  labels: { version: "Version", draft: "Draft for review", changeNote: "Change note" },
  chartTitle: "Participants by stakeholder group",
  csvHeader: ["What", "Owner", "Due", "Status", "From cluster", "Latest progress"] as string[],
};

const fr: ReportTexts = {
  sections: {
    cover: "Couverture",
    introduction: "Introduction",
    participation: "Participation",
    programme: "Programme",
    findings: "Constats",
    takeaways: "Points clés",
    actions: "Actions",
    quotes: "Citations",
    resources: "Ressources",
  },
  summaryReport: "Rapport de synthèse",
  organisedBy: "Organisé par",
  partners: "Partenaires",
  date: "Date",
  format: "Format",
  formats: { online: "en ligne", hybrid: "hybride (en ligne et en présentiel)", in_person: "en présentiel" },
  venue: "Lieu",
  languages: "Langues",
  chathamHouse:
    "Le dialogue s'est tenu sous la règle de Chatham House : les participant·es peuvent utiliser les informations reçues, mais ni l'identité ni l'affiliation des intervenant·es ne peuvent être révélées. Les citations sont attribuées à des groupes d'acteurs seulement.",
  noDescription: "Les organisateurs n'ont pas décrit l'objet de cette séance.",
  noParticipants: "Personne ne s'est inscrit à cette séance : il n'y a donc pas de chiffres de participation.",
  participationSummary: (p) =>
    `${p.registered} participant·es inscrit·es${p.attended ? `, dont ${p.attended} présent·es` : ""}, venant de ${p.organisations} organisations dans ${p.cities} villes et ${p.countries} pays.`,
  stakeholderGroup: "Groupe d'acteurs",
  participants: "Participant·es",
  country: "Pays",
  cities: "Villes",
  noAgenda: "Aucun programme n'a été enregistré pour cette séance.",
  time: "Heure",
  item: "Point",
  speakers: "Intervenant·es",
  question: "Question",
  acrossRooms: "Toutes salles confondues",
  noBoards: "Aucun tableau de sous-groupe n'a été utilisé pendant cette séance : il n'y a donc pas de constats.",
  noNotes: "Aucune note n'a été publiée sur ce tableau.",
  notesCount: (n) => (n === 1 ? "1 note" : `${n} notes`),
  votesCount: (n) => (n === 1 ? "1 vote" : `${n} votes`),
  raisedIn: (rooms, total) =>
    rooms.length === 0
      ? ""
      : rooms.length === total && total > 1
        ? total === 3
          ? "soulevé dans les trois salles"
          : `soulevé dans les ${total} salles`
        : rooms.length === 1
          ? `soulevé dans ${rooms[0]}`
          : `soulevé dans ${rooms.length} salles`,
  automatic: "regroupé automatiquement",
  noTakeaways: "Il n'y a pas encore de groupes de notes dont tirer des points clés.",
  strongest: (category, items) => `**${category}** : ${items}.`,
  noActions: "Aucune action n'a été enregistrée.",
  what: "Quoi",
  owner: "Responsable",
  due: "Échéance",
  status: "Statut",
  from: "Origine",
  statuses: {
    proposed: "proposée",
    agreed: "convenue",
    in_progress: "en cours",
    done: "réalisée",
    dropped: "abandonnée",
  },
  noQuotes: "Aucun·e participant·e n'a accepté d'être cité·e : ce rapport ne contient donc pas de citation.",
  noResources: "Aucune ressource n'a été ajoutée.",
  categoryNames: (key) => defaultCategoryName("fr", key) ?? key,
  labels: { version: "Version", draft: "Brouillon pour relecture", changeNote: "Note de modification" },
  chartTitle: "Participant·es par groupe d'acteurs",
  csvHeader: ["Quoi", "Responsable", "Échéance", "Statut", "Groupe d'origine", "Dernier avancement"],
};

const es: ReportTexts = {
  sections: {
    cover: "Portada",
    introduction: "Introducción",
    participation: "Participación",
    programme: "Programa",
    findings: "Hallazgos",
    takeaways: "Conclusiones clave",
    actions: "Acciones",
    quotes: "Citas",
    resources: "Recursos",
  },
  summaryReport: "Informe de síntesis",
  organisedBy: "Organizado por",
  partners: "Socios",
  date: "Fecha",
  format: "Formato",
  formats: { online: "en línea", hybrid: "híbrido (en línea y presencial)", in_person: "presencial" },
  venue: "Lugar",
  languages: "Idiomas",
  chathamHouse:
    "El diálogo se celebró bajo la regla de Chatham House: las personas participantes pueden usar la información recibida, pero no revelar la identidad ni la afiliación de quien habló. Las citas se atribuyen solo a grupos de actores.",
  noDescription: "La organización no describió el propósito de esta sesión.",
  noParticipants: "Nadie se inscribió en esta sesión, así que no hay cifras de participación.",
  participationSummary: (p) =>
    `${p.registered} participantes inscritos${p.attended ? ` y ${p.attended} asistentes` : ""}, de ${p.organisations} organizaciones en ${p.cities} ciudades y ${p.countries} países.`,
  stakeholderGroup: "Grupo de actores",
  participants: "Participantes",
  country: "País",
  cities: "Ciudades",
  noAgenda: "No se registró un programa para esta sesión.",
  time: "Hora",
  item: "Punto",
  speakers: "Ponentes",
  question: "Pregunta",
  acrossRooms: "En todas las salas",
  noBoards: "En esta sesión no se usaron tableros de grupos de trabajo, así que no hay hallazgos que informar.",
  noNotes: "No se publicaron notas en este tablero.",
  notesCount: (n) => (n === 1 ? "1 nota" : `${n} notas`),
  votesCount: (n) => (n === 1 ? "1 voto" : `${n} votos`),
  raisedIn: (rooms, total) =>
    rooms.length === 0
      ? ""
      : rooms.length === total && total > 1
        ? total === 3
          ? "planteado en las tres salas"
          : `planteado en las ${total} salas`
        : rooms.length === 1
          ? `planteado en ${rooms[0]}`
          : `planteado en ${rooms.length} salas`,
  automatic: "agrupado automáticamente",
  noTakeaways: "Todavía no hay grupos de notas de los que sacar conclusiones.",
  strongest: (category, items) => `**${category}**: ${items}.`,
  noActions: "No se registraron acciones.",
  what: "Qué",
  owner: "Responsable",
  due: "Fecha límite",
  status: "Estado",
  from: "Origen",
  statuses: {
    proposed: "propuesta",
    agreed: "acordada",
    in_progress: "en curso",
    done: "hecha",
    dropped: "descartada",
  },
  noQuotes: "Ninguna persona participante aceptó ser citada, así que este informe no contiene citas.",
  noResources: "No se añadieron recursos.",
  categoryNames: (key) => defaultCategoryName("es", key) ?? key,
  labels: { version: "Versión", draft: "Borrador para revisión", changeNote: "Nota de cambios" },
  chartTitle: "Participantes por grupo de actores",
  csvHeader: ["Qué", "Responsable", "Fecha límite", "Estado", "Grupo de origen", "Último avance"],
};

const ar: ReportTexts = {
  sections: {
    cover: "الغلاف",
    introduction: "مقدمة",
    participation: "المشاركة",
    programme: "البرنامج",
    findings: "النتائج",
    takeaways: "أبرز الخلاصات",
    actions: "الإجراءات",
    quotes: "اقتباسات",
    resources: "الموارد",
  },
  summaryReport: "تقرير موجز",
  organisedBy: "تنظيم",
  partners: "الشركاء",
  date: "التاريخ",
  format: "الصيغة",
  formats: { online: "عبر الإنترنت", hybrid: "مختلط (عبر الإنترنت وحضوريًا)", in_person: "حضوري" },
  venue: "المكان",
  languages: "اللغات",
  chathamHouse:
    "عُقد الحوار وفق قاعدة تشاتام هاوس: يجوز للمشاركين استخدام المعلومات التي حصلوا عليها، ولكن لا يجوز الكشف عن هوية المتحدثين ولا انتمائهم. تُنسب الاقتباسات إلى فئات أصحاب المصلحة فقط.",
  noDescription: "لم يصف المنظمون الغرض من هذه الجلسة.",
  noParticipants: "لم يسجّل أحد في هذه الجلسة، لذا لا توجد أرقام عن المشاركة.",
  participationSummary: (p) =>
    `سجّل ${p.registered} مشاركًا${p.attended ? ` وحضر ${p.attended}` : ""}، من ${p.organisations} منظمة في ${p.cities} مدينة و${p.countries} بلدًا.`,
  stakeholderGroup: "فئة أصحاب المصلحة",
  participants: "المشاركون",
  country: "البلد",
  cities: "المدن",
  noAgenda: "لم يُسجَّل برنامج لهذه الجلسة.",
  time: "الوقت",
  item: "البند",
  speakers: "المتحدثون",
  question: "السؤال",
  acrossRooms: "في كل الغرف",
  noBoards: "لم تُستخدم لوحات مجموعات العمل في هذه الجلسة، لذا لا توجد نتائج.",
  noNotes: "لم تُنشر أي ملاحظات على هذه اللوحة.",
  notesCount: (n) => (n === 1 ? "ملاحظة واحدة" : `${n} ملاحظات`),
  votesCount: (n) => (n === 1 ? "صوت واحد" : `${n} أصوات`),
  raisedIn: (rooms, total) =>
    rooms.length === 0
      ? ""
      : rooms.length === total && total > 1
        ? total === 3
          ? "طُرح في الغرف الثلاث"
          : `طُرح في الغرف الـ${total}`
        : rooms.length === 1
          ? `طُرح في ${rooms[0]}`
          : `طُرح في ${rooms.length} غرف`,
  automatic: "جُمِّع تلقائيًا",
  noTakeaways: "لا توجد بعد مجموعات ملاحظات تُستخلص منها الخلاصات.",
  strongest: (category, items) => `**${category}**: ${items}.`,
  noActions: "لم تُسجَّل أي إجراءات.",
  what: "ماذا",
  owner: "المسؤول",
  due: "الموعد النهائي",
  status: "الحالة",
  from: "المصدر",
  statuses: { proposed: "مقترح", agreed: "متفق عليه", in_progress: "قيد التنفيذ", done: "منجز", dropped: "متروك" },
  noQuotes: "لم يوافق أي مشارك على الاقتباس منه، لذا لا يتضمن هذا التقرير اقتباسات.",
  noResources: "لم تُضف أي موارد.",
  categoryNames: (key) => defaultCategoryName("ar", key) ?? key,
  labels: { version: "النسخة", draft: "مسودة للمراجعة", changeNote: "ملاحظة التغيير" },
  chartTitle: "المشاركون حسب فئة أصحاب المصلحة",
  csvHeader: ["ماذا", "المسؤول", "الموعد النهائي", "الحالة", "المجموعة المصدر", "آخر تقدّم"],
};

const catalogue: Record<string, ReportTexts> = { en, fr, es, ar };

export const REPORT_LOCALES = ["en", "fr", "es", "ar"] as const;
export const reportTexts = (locale: string): ReportTexts => catalogue[locale] ?? en;
export const registerReportTexts = (locale: string, texts: ReportTexts) => void (catalogue[locale] = texts);
