/**
 * The demo event's own words in its other working languages (French, Spanish, Arabic), as the
 * organisers give them on the Translations page. Indexed like EVENT, AGENDA and ROOMS.
 */
export const EVENT_TRANSLATIONS = {
  fr: {
    title: "Villes accueillantes : la voix des femmes migrantes dans les décisions locales",
    description: `Une séance de travail du **Réseau des villes accueillantes** avec des agences des Nations unies, la société civile, des associations dirigées par des personnes migrantes et des chercheuses et chercheurs.

C'est en ville que les femmes migrantes cherchent un médecin, une place à l'école, un emploi, une protection contre la violence et une voix dans les décisions qui façonnent leur vie. Trop souvent, on les consulte en dernier, ou pas du tout.

Au cours de cette séance, nous allons :

- entendre comment quatre villes et agences associent les femmes migrantes à la planification locale ;
- cartographier, dans trois salles de travail mixtes, les **défis, obstacles et opportunités** dans l'accès aux services et à la justice, au travail décent et à la participation ;
- convenir d'actions dont les villes, les agences et la société civile rendront compte.

Les salles de travail se tiennent sous la règle de Chatham House. L'interprétation est assurée en anglais, en français, en espagnol et en arabe. Une salle est animée par des femmes et réservée aux participantes qui l'ont demandé à l'inscription.`,
  },
  es: {
    title: "Ciudades de acogida: la voz de las mujeres migrantes en las decisiones locales",
    description: `Una sesión de trabajo de la **Red de Ciudades de Acogida** con agencias de las Naciones Unidas, sociedad civil, asociaciones lideradas por personas migrantes e investigadoras e investigadores.

Las ciudades son donde las mujeres migrantes buscan un médico, una plaza escolar, un empleo, protección frente a la violencia y voz en las decisiones que dan forma a sus vidas. Con demasiada frecuencia se las consulta en último lugar, o nunca.

En esta sesión vamos a:

- escuchar cómo cuatro ciudades y agencias incorporan a las mujeres migrantes en la planificación local;
- identificar, en tres salas mixtas, los **desafíos, barreras y oportunidades** en el acceso a los servicios y a la justicia, al trabajo decente y a la participación;
- acordar acciones sobre las que ciudades, agencias y sociedad civil informarán.

Las salas de trabajo se rigen por la regla de Chatham House. Hay interpretación al inglés, francés, español y árabe. Una sala está facilitada por mujeres y reservada a las participantes que lo solicitaron al inscribirse.`,
  },
  ar: {
    title: "مدن الترحيب: أصوات النساء المهاجرات في صنع القرار المحلي",
    description: `جلسة عمل تنظمها **شبكة مدن الترحيب** مع وكالات الأمم المتحدة والمجتمع المدني والجمعيات التي يقودها مهاجرون والباحثات والباحثين.

في المدن تبحث النساء المهاجرات عن طبيب ومقعد دراسي وعمل وحماية من العنف وعن صوت في القرارات التي تشكّل حياتهن. وكثيرًا ما يُستشَرن في آخر المطاف، أو لا يُستشَرن على الإطلاق.

في هذه الجلسة سوف:

- نستمع إلى تجارب أربع مدن ووكالات في إشراك النساء المهاجرات في التخطيط المحلي؛
- نرسم، في ثلاث غرف عمل مختلطة، **التحديات والعوائق والفرص** في الوصول إلى الخدمات والعدالة والعمل اللائق والمشاركة؛
- نتفق على إجراءات تقدّم المدن والوكالات والمجتمع المدني تقارير عنها.

تُعقد غرف العمل وفق قاعدة تشاتام هاوس. تتوفر الترجمة الفورية بالإنجليزية والفرنسية والإسبانية والعربية. إحدى الغرف تيسّرها نساء وهي مخصصة للمشاركات اللواتي طلبن ذلك عند التسجيل.`,
  },
};

/** One entry per agenda item, in AGENDA's order. */
export const AGENDA_TRANSLATIONS: Record<"fr" | "es" | "ar", { title: string; description: string }>[] = [
  {
    fr: {
      title: "Accueil et objectifs de la séance",
      description: "Pourquoi ce dialogue, comment nous allons travailler ensemble, et la règle de Chatham House.",
    },
    es: {
      title: "Bienvenida y propósito de la sesión",
      description: "Por qué este diálogo, cómo trabajaremos juntas y juntos, y la regla de Chatham House.",
    },
    ar: {
      title: "الترحيب والغاية من الجلسة",
      description: "لماذا هذا الحوار، وكيف سنعمل معًا، وقاعدة تشاتام هاوس.",
    },
  },
  {
    fr: {
      title: "Table ronde : ce que les villes ont appris en écoutant les femmes migrantes",
      description: "Quatre courtes interventions, puis les questions des participantes et participants.",
    },
    es: {
      title: "Panel: lo que las ciudades aprendieron escuchando a las mujeres migrantes",
      description: "Cuatro intervenciones breves y, después, preguntas de las y los participantes.",
    },
    ar: {
      title: "حلقة نقاش: ما تعلّمته المدن من الإصغاء إلى النساء المهاجرات",
      description: "أربع مداخلات قصيرة، تليها أسئلة المشاركات والمشاركين.",
    },
  },
  {
    fr: {
      title: "Salles de travail : défis, obstacles et opportunités",
      description: "Trois salles mixtes, chacune avec une question directrice et un tableau en direct.",
    },
    es: {
      title: "Salas de trabajo: desafíos, barreras y oportunidades",
      description: "Tres salas mixtas, cada una con una pregunta guía y un tablero en directo.",
    },
    ar: {
      title: "غرف العمل: التحديات والعوائق والفرص",
      description: "ثلاث غرف مختلطة، لكل منها سؤال توجيهي ولوحة مباشرة.",
    },
  },
  {
    fr: {
      title: "Restitution des salles",
      description:
        "La ou le rapporteur de chaque salle présente les principaux regroupements ; discussion des actions.",
    },
    es: {
      title: "Puesta en común de las salas",
      description: "La persona relatora de cada sala presenta los principales grupos; debate sobre las acciones.",
    },
    ar: {
      title: "عرض نتائج الغرف",
      description: "يعرض مقرر كل غرفة أهم المجموعات، ثم نناقش الإجراءات.",
    },
  },
  {
    fr: {
      title: "Actions et prochaines étapes",
      description: "Ce à quoi nous nous engageons, qui assure le suivi, et quand nous nous retrouvons.",
    },
    es: {
      title: "Acciones y próximos pasos",
      description: "A qué nos comprometemos, quién hace el seguimiento y cuándo volvemos a reunirnos.",
    },
    ar: {
      title: "الإجراءات والخطوات التالية",
      description: "ما نلتزم به، ومن يتابع، ومتى نلتقي مجددًا.",
    },
  },
];

export const ROUND_TRANSLATIONS = {
  fr: { title: "Défis, obstacles et opportunités" },
  es: { title: "Desafíos, barreras y oportunidades" },
  ar: { title: "التحديات والعوائق والفرص" },
};

/** One entry per room, in ROOMS's order. */
export const ROOM_TRANSLATIONS: Record<"fr" | "es" | "ar", { name: string; questions: string }>[] = [
  {
    fr: {
      name: "Salle A : services et justice",
      questions:
        "Qu'est-ce qui empêche les femmes migrantes d'accéder aux services de santé, sociaux et juridiques et à la justice auxquels elles ont droit, et qu'est-ce qui a fonctionné ?",
    },
    es: {
      name: "Sala A: servicios y justicia",
      questions:
        "¿Qué impide a las mujeres migrantes llegar a los servicios sanitarios, sociales y jurídicos y a la justicia a los que tienen derecho, y qué ha funcionado?",
    },
    ar: {
      name: "الغرفة أ: الخدمات والعدالة",
      questions:
        "ما الذي يمنع النساء المهاجرات من الوصول إلى الخدمات الصحية والاجتماعية والقانونية وإلى العدالة التي يحق لهن الحصول عليها، وما الذي نجح؟",
    },
  },
  {
    fr: {
      name: "Salle B : travail décent et revenus",
      questions:
        "Qu'est-ce qui tient les femmes migrantes à l'écart d'un travail décent dans nos villes, et qu'est-ce qui pourrait changer cela ?",
    },
    es: {
      name: "Sala B: trabajo decente e ingresos",
      questions: "¿Qué aleja a las mujeres migrantes del trabajo decente en nuestras ciudades, y qué podría cambiarlo?",
    },
    ar: {
      name: "الغرفة ب: العمل اللائق والدخل",
      questions: "ما الذي يُبعد النساء المهاجرات عن العمل اللائق في مدننا، وما الذي يمكن أن يغيّر ذلك؟",
    },
  },
  {
    fr: {
      name: "Salle C : voix et participation (salle réservée aux femmes)",
      questions:
        "Comment les femmes migrantes peuvent-elles prendre part aux décisions locales qui les concernent, en sécurité et avec une influence réelle ?",
    },
    es: {
      name: "Sala C: voz y participación (sala solo para mujeres)",
      questions:
        "¿Cómo pueden las mujeres migrantes participar en las decisiones locales que les afectan, de forma segura y con una influencia real?",
    },
    ar: {
      name: "الغرفة ج: الصوت والمشاركة (غرفة للنساء فقط)",
      questions: "كيف يمكن للنساء المهاجرات المشاركة في القرارات المحلية التي تمسّهن، بأمان وبتأثير حقيقي؟",
    },
  },
];
