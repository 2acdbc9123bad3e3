// Content of the demo dialogue: written for Plenary, in the vocabulary of the
// field documents (city networks, UN agencies, migrant-led associations...).

export const DEMO_PASSWORD = "plenary-demo-2026";

export const DEMO_LOGINS = [
  {
    email: "organiser@plenary.demo",
    name: "Amina Haddad",
    role: "organiser",
    organisation: "Cities of Welcome Network",
    category: "city_network",
    city: "Brussels",
    country: "BE",
  },
  {
    email: "facilitator@plenary.demo",
    name: "Lucía Fernández",
    role: "facilitator",
    organisation: "Ajuntament de Barcelona",
    category: "local_government",
    city: "Barcelona",
    country: "ES",
  },
  {
    email: "rapporteur@plenary.demo",
    name: "Kwame Mensah",
    role: "rapporteur",
    organisation: "University of Ghana, Centre for Migration Studies",
    category: "academia",
    city: "Accra",
    country: "GH",
  },
  {
    email: "secretariat@plenary.demo",
    name: "Sofia Marques",
    role: "secretariat",
    organisation: "UN Network on Migration Secretariat",
    category: "international_org",
    city: "Lisbon",
    country: "PT",
  },
  {
    email: "participant@plenary.demo",
    name: "Leila Ben Salem",
    role: "participant",
    organisation: "Association des Femmes Migrantes de Tunis",
    category: "migrant_led",
    city: "Tunis",
    country: "TN",
  },
] as const;

/**
 * The demo instance's platform administrator: not part of the dialogue (running the
 * instance opens no event), and reads the dev mailbox while no SMTP server is set.
 */
export const DEMO_ADMIN = { email: "admin@plenary.demo", name: "Instance Administrator" } as const;

// The demo uses the stakeholder categories every new event starts with.
export { DEFAULT_CATEGORIES as CATEGORIES } from "../core/events/schemas";

export const CITIES: [string, string, string][] = [
  ["Barcelona", "ES", "es"],
  ["Tunis", "TN", "fr"],
  ["São Paulo", "BR", "pt"],
  ["Amman", "JO", "ar"],
  ["Montréal", "CA", "fr"],
  ["Mexico City", "MX", "es"],
  ["Lisbon", "PT", "pt"],
  ["Athens", "GR", "en"],
  ["Milan", "IT", "en"],
  ["Bristol", "GB", "en"],
  ["Dakar", "SN", "fr"],
  ["Accra", "GH", "en"],
  ["Nairobi", "KE", "en"],
  ["Kampala", "UG", "en"],
  ["Beirut", "LB", "ar"],
  ["Istanbul", "TR", "en"],
  ["Berlin", "DE", "en"],
  ["Brussels", "BE", "fr"],
  ["Lyon", "FR", "fr"],
  ["Bogotá", "CO", "es"],
  ["Quito", "EC", "es"],
  ["San José", "CR", "es"],
  ["Guatemala City", "GT", "es"],
  ["Dhaka", "BD", "en"],
  ["Manila", "PH", "en"],
];

export const FIRST_NAMES = [
  "Fatima",
  "Maria",
  "Aisha",
  "Ana",
  "Nour",
  "Grace",
  "Camila",
  "Mariam",
  "Joana",
  "Yasmin",
  "Esther",
  "Valentina",
  "Salma",
  "Ines",
  "Rania",
  "Chloé",
  "Adwoa",
  "Hana",
  "Daniela",
  "Zeynep",
  "Priya",
  "Lina",
  "Olga",
  "Akosua",
  "Carmen",
  "Thandiwe",
  "Paola",
  "Rim",
  "Youssef",
  "Carlos",
  "Omar",
  "João",
  "Samuel",
  "Diego",
  "Karim",
  "Tomás",
  "Emeka",
  "Ahmed",
  "Luis",
  "Mehmet",
  "David",
  "Rafael",
];
export const LAST_NAMES = [
  "Abdallah",
  "Silva",
  "Okafor",
  "García",
  "Haddad",
  "Mensah",
  "Rodríguez",
  "Nasser",
  "Costa",
  "Diallo",
  "Moreno",
  "Kaya",
  "Achieng",
  "Hernández",
  "Benali",
  "Papadopoulos",
  "Rahman",
  "Santos",
  "Ndiaye",
  "Torres",
  "Khalil",
  "Owusu",
  "Reyes",
  "Schmidt",
  "Dubois",
  "Martínez",
  "Mwangi",
  "Yilmaz",
  "Pereira",
  "Salazar",
  "Hakimi",
  "Nakato",
  "Aguilar",
  "Cruz",
  "Mahmoud",
  "Ferreira",
];

export const INTERNATIONAL_ORGS = ["IOM", "UNHCR", "UN Women", "UN-Habitat", "ILO", "UNDP", "UNICEF", "OHCHR"];
export const CITY_NETWORKS = [
  "Cities of Welcome Network",
  "Mayors Migration Council",
  "Eurocities",
  "UCLG",
  "Metropolis",
];

export function organisationFor(category: string, city: string, country: string, i: number): string {
  switch (category) {
    case "local_government":
      return `City of ${city}`;
    case "national_government":
      return `Ministry of Social Affairs (${country})`;
    case "international_org":
      return `${INTERNATIONAL_ORGS[i % INTERNATIONAL_ORGS.length]} ${city} office`;
    case "civil_society":
      return [`${city} Women's Rights Centre`, `Legal Aid ${city}`, `${city} Refugee Support`][i % 3]!;
    case "migrant_led":
      return [
        `${city} Migrant Women's Association`,
        `Diaspora Mothers ${city}`,
        `Domestic Workers' Collective of ${city}`,
      ][i % 3]!;
    case "academia":
      return `University of ${city}`;
    case "city_network":
      return CITY_NETWORKS[i % CITY_NETWORKS.length]!;
    case "private_sector":
      return `${city} Chamber of Commerce`;
    default:
      return `Independent (${city})`;
  }
}

export const EVENT = {
  slug: "migrant-women-local-decision-making",
  title: "Cities of Welcome: migrant women's voices in local decision-making",
  description: `A working session of the **Cities of Welcome Network** with UN agencies, civil society, migrant-led associations and researchers.

Cities are where migrant women look for a doctor, a school place, a job, protection from violence and a say in decisions that shape their lives. Too often they are consulted last, or not at all.

In this session we will:

- hear how four cities and agencies bring migrant women into local planning;
- map, in three mixed breakout rooms, the **challenges, barriers and opportunities** in access to services and justice, decent work, and participation;
- agree on action items that cities, agencies and civil society will report back on.

The breakout rooms are held under the Chatham House rule. Interpretation is available in English, French, Spanish and Arabic. One room is facilitated by and reserved for women participants who asked for it at registration.`,
  timezone: "Europe/Brussels",
  languages: ["en", "fr", "es", "ar"],
  partners: ["IOM", "UN Women", "UCLG", "Mayors Migration Council"],
  organisations: ["Cities of Welcome Network", "UN Network on Migration"],
};

export const AGENDA = [
  {
    kind: "opening",
    title: "Welcome and purpose of the session",
    minutes: 15,
    description: "Why this dialogue, how we will work together, and the Chatham House rule.",
  },
  {
    kind: "panel",
    title: "Panel: what cities learned by listening to migrant women",
    minutes: 45,
    description: "Four short contributions, then questions from participants.",
    speakers: [
      { name: "Lucía Fernández", title: "Head of Migrant Inclusion", organisation: "Ajuntament de Barcelona" },
      { name: "Rania Khalil", title: "Gender and Migration Specialist", organisation: "UN Women Arab States" },
      { name: "Mariam Ndiaye", title: "Coordinator", organisation: "Dakar Migrant Women's Association" },
      { name: "Dr Camila Reyes", title: "Researcher", organisation: "University of São Paulo" },
    ],
  },
  {
    kind: "breakout",
    title: "Breakout round: challenges, barriers and opportunities",
    minutes: 60,
    description: "Three mixed rooms, each with a guiding question and a live board.",
  },
  {
    kind: "plenary",
    title: "Report-back from the rooms",
    minutes: 40,
    description: "Each room's rapporteur presents the main clusters; discussion of actions.",
  },
  {
    kind: "closing",
    title: "Action items and next steps",
    minutes: 20,
    description: "What we commit to, who follows up, and when we meet again.",
  },
];

export const ROOMS = [
  {
    name: "Room A: services and justice",
    question:
      "What stops migrant women from reaching the health, social and legal services and the justice they are entitled to, and what has worked?",
    notes: [
      ["challenges", "Fear of being reported to immigration authorities when going to the police"],
      ["challenges", "Women with irregular status avoid hospitals except for emergencies"],
      ["barriers", "No interpreters at the front desk of social services"],
      ["barriers", "Forms only in the national language, and online only"],
      ["barriers", "Mistrust of authorities after bad experiences in transit countries"],
      ["barriers", "Childcare: appointments during school hours are impossible for single mothers"],
      ["challenges", "Domestic violence survivors lose their residence permit if they leave the partner"],
      ["opportunities", "Firewall between service providers and immigration enforcement, as some cities adopted"],
      ["opportunities", "Cultural mediators from migrant communities working inside clinics"],
      ["opportunities", "Municipal ID card accepted by all city services"],
      ["actions", "Map which city services share data with immigration authorities and publish it"],
      ["actions", "Train front-desk staff on gender-based violence referral"],
      ["barriers", "Legal aid offices have months-long waiting lists"],
    ],
  },
  {
    name: "Room B: decent work and income",
    question: "What keeps migrant women out of decent work in our cities, and what could change it?",
    notes: [
      ["challenges", "Domestic workers isolated in private homes, exposed to abuse by employers"],
      ["challenges", "Diplomas from abroad are not recognised, nurses work as cleaners"],
      ["barriers", "Work permits tied to one employer"],
      ["barriers", "No affordable childcare during language courses"],
      ["barriers", "Language courses only at beginner level, nothing for professionals"],
      ["challenges", "Informal work without contracts or social protection"],
      ["opportunities", "Fast-track recognition of qualifications for health workers"],
      ["opportunities", "Women's cooperatives supported by city procurement"],
      ["opportunities", "Mentoring programmes with local businesses"],
      ["actions", "City to include migrant-women-led cooperatives in public procurement"],
      ["actions", "Create a one-stop desk for recognition of foreign diplomas"],
      ["barriers", "Discrimination in hiring because of headscarf or accent"],
    ],
  },
  {
    name: "Room C: voice and participation (women-only room)",
    question: "How can migrant women take part in local decisions that affect them, safely and with real influence?",
    notes: [
      ["challenges", "Consultations happen in the evening when women care for children"],
      ["challenges", "Women speak less in mixed meetings dominated by male community leaders"],
      ["barriers", "No childcare or transport costs covered for participants"],
      ["barriers", "Migrant councils have no budget and no formal role"],
      ["barriers", "Fear of speaking publicly when status is insecure"],
      ["opportunities", "Women-only dialogue spaces, small groups, with trusted facilitators"],
      ["opportunities", "Participatory budgeting with a share reserved for migrant women's proposals"],
      ["opportunities", "Online participation in several languages"],
      ["actions", "Pay participants for their time and cover childcare in all consultations"],
      ["actions", "Give the migrant council a formal seat in the city's social affairs committee"],
      ["challenges", "Decisions are taken before consultation and women feel used"],
    ],
  },
];
