// The offline writer's sentences, in each report language: the wording of a secretariat's
// report, filled with a theme's figures and its participants' own examples.

type Kind = "challenges" | "barriers" | "opportunities" | "actions";
const KINDS = ["challenges", "barriers", "opportunities", "actions"];
const kindOf = (category: string): Kind | null => (KINDS.includes(category) ? (category as Kind) : null);

export type Phrases = {
  /** "a, b and c" */
  list(items: string[]): string;
  /** Where a theme was raised: all rooms, some rooms, this room, the plenary. */
  where(p: { rooms: string[]; total: number; own: boolean }): string;
  /** How it was raised: "as a barrier", or under an organiser's own category. */
  as(category: string, categoryName: string): string;
  /** A category as a short noun, for lists: "barrier". */
  noun(category: string, categoryName: string): string;
  groups(named: string[], total: number): string;
  breadth(p: { where: string; as: string; notes: number; groups: string; votes: number }): string;
  examples(items: string[]): string;
  further(n: number): string;
  mostVoted(p: { room: string | null }): string;
  wayForward(example: string): string;
  othersIntro(where: string, items: string[]): string;
  othersFurther(n: number): string;
  everyRoomTitle(label: string): string;
  everyRoom(p: { rooms: number; as: string; groups: number; totalGroups: number }): string;
  pairTitle(label: string, problemNoun: string): string;
  pair(p: {
    problem: string;
    as: string;
    solution: string;
    solutionKind: "opportunities" | "actions" | "other";
  }): string;
  priorityTitle(label: string): string;
  priority(votes: number): string;
  sharedTitle(label: string): string;
  shared(p: { groups: number; totalGroups: number; as: string }): string;
  summaryParticipation(p: {
    date: string;
    registered: number;
    attended: number;
    organisations: number;
    countries: number;
  }): string;
  summaryProgramme(p: { speakers: number; rooms: string[] }): string;
  summaryThemes(labels: string[]): string;
  summaryPair(p: { problem: string; solution: string }): string;
  /** No count: the secretariat accepts or drops proposals after the summary is drafted. */
  summaryActions(): string;
};

const listFormat = (locale: string) => {
  const f = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
  return (items: string[]) => f.format(items);
};

const en: Phrases = {
  list: listFormat("en-GB"),
  where: ({ rooms, total, own }) =>
    own
      ? "In this room"
      : rooms.length === 0
        ? "In the plenary"
        : rooms.length === total && total > 1
          ? total === 2
            ? "In both rooms"
            : total === 3
              ? "In all three rooms"
              : `In all ${total} rooms`
          : `In ${en.list(rooms)}`,
  as: (c, name) =>
    kindOf(c)
      ? {
          challenges: "as a challenge",
          barriers: "as a barrier",
          opportunities: "as an opportunity",
          actions: "as an action to take",
        }[kindOf(c)!]
      : `under “${name}”`,
  noun: (c, name) =>
    kindOf(c)
      ? { challenges: "challenge", barriers: "barrier", opportunities: "opportunity", actions: "action" }[kindOf(c)!]
      : name,
  groups: (named, total) =>
    named.length === 0
      ? "participants"
      : named.length === 1
        ? `one stakeholder group (${named[0]})`
        : named.length === total && total > 2
          ? `every stakeholder group taking part (${en.list(named)})`
          : `${named.length} stakeholder groups (${en.list(named)})`,
  breadth: ({ where, as, notes, groups, votes }) =>
    `${where}, participants raised this ${as}, in ${notes === 1 ? "one note" : `${notes} notes`} from ${groups}${votes ? `, with ${votes === 1 ? "one vote" : `${votes} votes`}` : ""}.`,
  examples: (items) =>
    `Among the contributions: ${items.length > 2 ? `${items.slice(0, -1).join("; ")}; and ${items.at(-1)}` : items.join("; and ")}.`,
  further: (n) => (n === 1 ? "One further note made a related point." : `${n} further notes made related points.`),
  mostVoted: ({ room }) =>
    room
      ? `It drew more votes than any other theme in ${room}.`
      : "It drew more votes than any other theme across the rooms.",
  wayForward: (example) => `On the same subject, participants also pointed to a way forward: ${example}.`,
  othersIntro: (where, items) => `${where}, participants also raised: ${items.join("; ")}.`,
  othersFurther: (n) =>
    n === 1 ? "One further note raised another point." : `${n} further notes raised other points.`,
  everyRoomTitle: (label) => `${label}: raised in every room`,
  everyRoom: ({ rooms, as, groups, totalGroups }) =>
    `Participants in all ${rooms === 3 ? "three" : rooms === 2 ? "both" : rooms} rooms raised this ${as}, from ${groups === totalGroups ? "every stakeholder group taking part" : `${groups} of the ${totalGroups} stakeholder groups taking part`}.`,
  pairTitle: (label, noun) => `${label}: a ${noun} with a way forward`,
  pair: ({ problem, as, solution, solutionKind }) =>
    `Participants described ${problem} ${as}, and on the same subject ${solutionKind === "actions" ? "proposed" : solutionKind === "opportunities" ? "saw an opportunity in" : "pointed to"} ${solution}.`,
  priorityTitle: (label) => `${label}: the participants' priority`,
  priority: (votes) => `With ${votes} votes, it drew more support in the vote than any other theme.`,
  sharedTitle: (label) => `${label}: shared across stakeholder groups`,
  shared: ({ groups, totalGroups, as }) =>
    `${groups === totalGroups ? "Every stakeholder group taking part" : `${groups} of the ${totalGroups} stakeholder groups taking part`} raised it ${as}.`,
  summaryParticipation: ({ date, registered, attended, organisations, countries }) =>
    `On ${date}, ${attended ? `${attended} of the ${registered} registered participants` : `${registered} participants`}, from ${organisations} organisations in ${countries} ${countries === 1 ? "country" : "countries"}, took part in this dialogue.`,
  summaryProgramme: ({ speakers, rooms }) =>
    `${speakers ? `After a panel of ${speakers === 1 ? "one speaker" : `${speakers} speakers`}, participants` : "Participants"} worked in ${rooms.length === 1 ? `one breakout room (${rooms[0]})` : `${rooms.length} breakout rooms: ${en.list(rooms)}`}.`,
  summaryThemes: (labels) => `Across the rooms, they returned most often to these themes: ${labels.join("; ")}.`,
  summaryPair: ({ problem, solution }) =>
    `Where they named a barrier, such as ${problem}, they also saw a way forward on the same subject, such as ${solution}.`,
  summaryActions: () =>
    "The Way forward section sets out the action items drawn from the discussion, with who takes each forward.",
};

const fr: Phrases = {
  list: listFormat("fr"),
  where: ({ rooms, total, own }) =>
    own
      ? "Dans cette salle"
      : rooms.length === 0
        ? "En plénière"
        : rooms.length === total && total > 1
          ? total === 2
            ? "Dans les deux salles"
            : total === 3
              ? "Dans les trois salles"
              : `Dans les ${total} salles`
          : `Dans ${fr.list(rooms)}`,
  as: (c, name) =>
    kindOf(c)
      ? {
          challenges: "comme un défi",
          barriers: "comme un obstacle",
          opportunities: "comme une opportunité",
          actions: "comme une action à mener",
        }[kindOf(c)!]
      : `sous « ${name} »`,
  noun: (c, name) =>
    kindOf(c)
      ? { challenges: "défi", barriers: "obstacle", opportunities: "opportunité", actions: "action" }[kindOf(c)!]
      : name,
  groups: (named, total) =>
    named.length === 0
      ? "des participant·es"
      : named.length === 1
        ? `un groupe d'acteurs (${named[0]})`
        : named.length === total && total > 2
          ? `tous les groupes d'acteurs présents (${fr.list(named)})`
          : `${named.length} groupes d'acteurs (${fr.list(named)})`,
  breadth: ({ where, as, notes, groups, votes }) =>
    `${where}, les participant·es ont soulevé ce point ${as}, dans ${notes === 1 ? "une note" : `${notes} notes`} venant de ${groups}${votes ? `, avec ${votes === 1 ? "un vote" : `${votes} votes`}` : ""}.`,
  examples: (items) =>
    `Parmi les contributions : ${items.length > 1 ? `${items.slice(0, -1).join(" ; ")} ; et ${items.at(-1)}` : items[0]}.`,
  further: (n) =>
    n === 1 ? "Une autre note allait dans le même sens." : `${n} autres notes allaient dans le même sens.`,
  mostVoted: ({ room }) =>
    room
      ? `C'est le thème qui a recueilli le plus de votes dans ${room}.`
      : "C'est le thème qui a recueilli le plus de votes, toutes salles confondues.",
  wayForward: (example) => `Sur le même sujet, les participant·es ont aussi indiqué une piste : ${example}.`,
  othersIntro: (where, items) => `${where}, les participant·es ont aussi soulevé : ${items.join(" ; ")}.`,
  othersFurther: (n) =>
    n === 1 ? "Une autre note portait sur un autre point." : `${n} autres notes portaient sur d'autres points.`,
  everyRoomTitle: (label) => `${label} : un point soulevé dans toutes les salles`,
  everyRoom: ({ rooms, as, groups, totalGroups }) =>
    `Les participant·es des ${rooms === 2 ? "deux" : rooms === 3 ? "trois" : rooms} salles ont soulevé ce point ${as}, ${groups === totalGroups ? "dans tous les groupes d'acteurs présents" : `dans ${groups} des ${totalGroups} groupes d'acteurs présents`}.`,
  pairTitle: (label, noun) => `${label} : un ${noun} et une piste pour le lever`,
  pair: ({ problem, as, solution, solutionKind }) =>
    `Les participant·es ont décrit ${problem} ${as} et, sur le même sujet, ${solutionKind === "actions" ? "ont proposé :" : solutionKind === "opportunities" ? "ont vu une opportunité :" : "ont indiqué une piste :"} ${solution}.`,
  priorityTitle: (label) => `${label} : la priorité des participant·es`,
  priority: (votes) => `Avec ${votes} votes, c'est le thème qui a recueilli le plus de soutien lors du vote.`,
  sharedTitle: (label) => `${label} : un point partagé par les groupes d'acteurs`,
  shared: ({ groups, totalGroups, as }) =>
    `${groups === totalGroups ? "Tous les groupes d'acteurs présents l'ont soulevé" : `${groups} des ${totalGroups} groupes d'acteurs présents l'ont soulevé`} ${as}.`,
  summaryParticipation: ({ date, registered, attended, organisations, countries }) =>
    `Le ${date}, ${attended ? `${attended} des ${registered} participant·es inscrit·es` : `${registered} participant·es`}, venant de ${organisations} organisations dans ${countries} pays, ont pris part à ce dialogue.`,
  summaryProgramme: ({ speakers, rooms }) =>
    `${speakers ? `Après un panel de ${speakers === 1 ? "une intervenante ou un intervenant" : `${speakers} intervenant·es`}, les participant·es` : "Les participant·es"} ont travaillé dans ${rooms.length === 1 ? `une salle de sous-groupe (${rooms[0]})` : `${rooms.length} salles de sous-groupe : ${fr.list(rooms)}`}.`,
  summaryThemes: (labels) =>
    `D'une salle à l'autre, ils sont revenus le plus souvent à ces thèmes : ${labels.join(" ; ")}.`,
  summaryPair: ({ problem, solution }) =>
    `Là où ils ont nommé un obstacle, comme ${problem}, ils ont aussi vu une piste sur le même sujet, comme ${solution}.`,
  summaryActions: () => "La section Perspectives présente les actions issues des échanges, et qui porte chacune.",
};

const es: Phrases = {
  list: listFormat("es"),
  where: ({ rooms, total, own }) =>
    own
      ? "En esta sala"
      : rooms.length === 0
        ? "En el plenario"
        : rooms.length === total && total > 1
          ? total === 2
            ? "En las dos salas"
            : total === 3
              ? "En las tres salas"
              : `En las ${total} salas`
          : `En ${es.list(rooms)}`,
  as: (c, name) =>
    kindOf(c)
      ? {
          challenges: "como un desafío",
          barriers: "como una barrera",
          opportunities: "como una oportunidad",
          actions: "como una acción a emprender",
        }[kindOf(c)!]
      : `en «${name}»`,
  noun: (c, name) =>
    kindOf(c)
      ? { challenges: "desafío", barriers: "barrera", opportunities: "oportunidad", actions: "acción" }[kindOf(c)!]
      : name,
  groups: (named, total) =>
    named.length === 0
      ? "participantes"
      : named.length === 1
        ? `un grupo de actores (${named[0]})`
        : named.length === total && total > 2
          ? `todos los grupos de actores presentes (${es.list(named)})`
          : `${named.length} grupos de actores (${es.list(named)})`,
  breadth: ({ where, as, notes, groups, votes }) =>
    `${where}, las personas participantes plantearon este punto ${as}, en ${notes === 1 ? "una nota" : `${notes} notas`} de ${groups}${votes ? `, con ${votes === 1 ? "un voto" : `${votes} votos`}` : ""}.`,
  examples: (items) =>
    `Entre las aportaciones: ${items.length > 1 ? `${items.slice(0, -1).join("; ")}; y ${items.at(-1)}` : items[0]}.`,
  further: (n) => (n === 1 ? "Otra nota iba en el mismo sentido." : `Otras ${n} notas iban en el mismo sentido.`),
  mostVoted: ({ room }) =>
    room ? `Fue el tema más votado en ${room}.` : "Fue el tema más votado en el conjunto de las salas.",
  wayForward: (example) => `Sobre el mismo tema, las personas participantes también señalaron una salida: ${example}.`,
  othersIntro: (where, items) => `${where}, las personas participantes también plantearon: ${items.join("; ")}.`,
  othersFurther: (n) => (n === 1 ? "Otra nota planteó otro punto." : `Otras ${n} notas plantearon otros puntos.`),
  everyRoomTitle: (label) => `${label}: planteado en todas las salas`,
  everyRoom: ({ rooms, as, groups, totalGroups }) =>
    `Las personas participantes de las ${rooms === 2 ? "dos" : rooms === 3 ? "tres" : rooms} salas plantearon este punto ${as}, ${groups === totalGroups ? "desde todos los grupos de actores presentes" : `desde ${groups} de los ${totalGroups} grupos de actores presentes`}.`,
  pairTitle: (label, noun) =>
    `${label}: ${noun === "acción" || noun === "barrera" || noun === "oportunidad" ? "una" : "un"} ${noun} con una salida`,
  pair: ({ problem, as, solution, solutionKind }) =>
    `Las personas participantes describieron ${problem} ${as} y, sobre el mismo tema, ${solutionKind === "actions" ? "propusieron:" : solutionKind === "opportunities" ? "vieron una oportunidad:" : "señalaron una salida:"} ${solution}.`,
  priorityTitle: (label) => `${label}: la prioridad de las personas participantes`,
  priority: (votes) => `Con ${votes} votos, fue el tema que más apoyo recibió en la votación.`,
  sharedTitle: (label) => `${label}: compartido por los grupos de actores`,
  shared: ({ groups, totalGroups, as }) =>
    `${groups === totalGroups ? "Todos los grupos de actores presentes lo plantearon" : `${groups} de los ${totalGroups} grupos de actores presentes lo plantearon`} ${as}.`,
  summaryParticipation: ({ date, registered, attended, organisations, countries }) =>
    `El ${date}, ${attended ? `${attended} de las ${registered} personas inscritas` : `${registered} participantes`}, de ${organisations} organizaciones en ${countries} ${countries === 1 ? "país" : "países"}, participaron en este diálogo.`,
  summaryProgramme: ({ speakers, rooms }) =>
    `${speakers ? `Tras un panel de ${speakers === 1 ? "una persona ponente" : `${speakers} ponentes`}, las personas participantes` : "Las personas participantes"} trabajaron en ${rooms.length === 1 ? `una sala de trabajo (${rooms[0]})` : `${rooms.length} salas de trabajo: ${es.list(rooms)}`}.`,
  summaryThemes: (labels) => `En todas las salas, volvieron con mayor frecuencia a estos temas: ${labels.join("; ")}.`,
  summaryPair: ({ problem, solution }) =>
    `Donde señalaron una barrera, como ${problem}, también vieron una salida sobre el mismo tema, como ${solution}.`,
  summaryActions: () =>
    "La sección Próximos pasos recoge las acciones surgidas del debate y quién se encarga de cada una.",
};

const ar: Phrases = {
  list: listFormat("ar"),
  where: ({ rooms, total, own }) =>
    own
      ? "في هذه الغرفة"
      : rooms.length === 0
        ? "في الجلسة العامة"
        : rooms.length === total && total > 1
          ? total === 2
            ? "في الغرفتين كلتيهما"
            : total === 3
              ? "في الغرف الثلاث"
              : `في الغرف الـ${total} كلها`
          : `في ${ar.list(rooms)}`,
  as: (c, name) =>
    kindOf(c)
      ? {
          challenges: "بوصفها تحديًا",
          barriers: "بوصفها عائقًا",
          opportunities: "بوصفها فرصة",
          actions: "بوصفها إجراءً ينبغي اتخاذه",
        }[kindOf(c)!]
      : `ضمن «${name}»`,
  noun: (c, name) =>
    kindOf(c) ? { challenges: "تحدٍّ", barriers: "عائق", opportunities: "فرصة", actions: "إجراء" }[kindOf(c)!] : name,
  groups: (named, total) =>
    named.length === 0
      ? "المشاركين"
      : named.length === 1
        ? `فئة واحدة من أصحاب المصلحة (${named[0]})`
        : named.length === total && total > 2
          ? `كل فئات أصحاب المصلحة الحاضرة (${ar.list(named)})`
          : `${named.length} فئات من أصحاب المصلحة (${ar.list(named)})`,
  breadth: ({ where, as, notes, groups, votes }) =>
    `${where}، طرح المشاركون هذه المسألة ${as}، في ${notes === 1 ? "ملاحظة واحدة" : `${notes} ملاحظات`} من ${groups}${votes ? `، ونالت ${votes === 1 ? "صوتًا واحدًا" : `${votes} أصوات`}` : ""}.`,
  examples: (items) =>
    `ومن بين المساهمات: ${items.length > 1 ? `${items.slice(0, -1).join("؛ ")}؛ و${items.at(-1)}` : items[0]}.`,
  further: (n) => (n === 1 ? "وذهبت ملاحظة أخرى في الاتجاه نفسه." : `وذهبت ${n} ملاحظات أخرى في الاتجاه نفسه.`),
  mostVoted: ({ room }) =>
    room
      ? `وكانت المسألة الأكثر حصولًا على الأصوات في ${room}.`
      : "وكانت المسألة الأكثر حصولًا على الأصوات في مجمل الغرف.",
  wayForward: (example) => `وفي الموضوع نفسه، أشار المشاركون أيضًا إلى سبيل للمضي قدمًا: ${example}.`,
  othersIntro: (where, items) => `${where}، طرح المشاركون أيضًا: ${items.join("؛ ")}.`,
  othersFurther: (n) => (n === 1 ? "وتناولت ملاحظة أخرى مسألة مختلفة." : `وتناولت ${n} ملاحظات أخرى مسائل مختلفة.`),
  everyRoomTitle: (label) => `${label}: مسألة طُرحت في كل الغرف`,
  everyRoom: ({ rooms, as, groups, totalGroups }) =>
    `طرح المشاركون في الغرف ${rooms === 2 ? "الاثنتين" : rooms === 3 ? "الثلاث" : `الـ${rooms}`} هذه المسألة ${as}، ${groups === totalGroups ? "من كل فئات أصحاب المصلحة الحاضرة" : `من ${groups} من أصل ${totalGroups} فئات من أصحاب المصلحة الحاضرة`}.`,
  pairTitle: (label, noun) => `${label}: ${noun} وسبيل لتجاوزه`,
  pair: ({ problem, as, solution, solutionKind }) =>
    `وصف المشاركون ${problem} ${as}، و${solutionKind === "actions" ? "اقترحوا في الموضوع نفسه:" : solutionKind === "opportunities" ? "رأوا في الموضوع نفسه فرصة:" : "أشاروا في الموضوع نفسه إلى سبيل:"} ${solution}.`,
  priorityTitle: (label) => `${label}: أولوية المشاركين`,
  priority: (votes) => `بحصولها على ${votes} أصوات، نالت هذه المسألة أكبر قدر من التأييد في التصويت.`,
  sharedTitle: (label) => `${label}: مسألة مشتركة بين فئات أصحاب المصلحة`,
  shared: ({ groups, totalGroups, as }) =>
    `${groups === totalGroups ? "طرحتها كل فئات أصحاب المصلحة الحاضرة" : `طرحتها ${groups} من أصل ${totalGroups} فئات من أصحاب المصلحة الحاضرة`} ${as}.`,
  summaryParticipation: ({ date, registered, attended, organisations, countries }) =>
    `في ${date}، شارك في هذا الحوار ${attended ? `${attended} من أصل ${registered} مشاركًا مسجلًا` : `${registered} مشاركًا`}، من ${organisations} منظمة في ${countries} بلدًا.`,
  summaryProgramme: ({ speakers, rooms }) =>
    `${speakers ? `بعد حلقة نقاش ضمّت ${speakers === 1 ? "متحدثًا واحدًا" : `${speakers} متحدثين`}، عمل المشاركون` : "عمل المشاركون"} في ${rooms.length === 1 ? `غرفة عمل واحدة (${rooms[0]})` : `${rooms.length} غرف عمل: ${ar.list(rooms)}`}.`,
  summaryThemes: (labels) => `وفي مختلف الغرف، عادوا أكثر ما عادوا إلى هذه المسائل: ${labels.join("؛ ")}.`,
  summaryPair: ({ problem, solution }) =>
    `وحيثما سمّوا عائقًا، مثل ${problem}، رأوا أيضًا سبيلًا للمضي قدمًا في الموضوع نفسه، مثل ${solution}.`,
  summaryActions: () => "ويعرض قسم الخطوات المقبلة الإجراءات المستخلصة من النقاش، ومن يتولى كلًّا منها.",
};

const catalogue: Record<string, Phrases> = { en, fr, es, ar };
export const phrases = (locale: string): Phrases => catalogue[locale] ?? en;
