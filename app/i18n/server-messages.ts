// The messages the domain core answers with most often on participants' paths, in each
// language. The core speaks English; the page shows the person's language when a
// translation exists here, and the English message otherwise.
type Catalogue = Record<string, string>;

const fr: Catalogue = {
  // Translations of the organisers' words (issue 22).
  "Choose one of the event's other working languages.":
    "Choisissez l'une des autres langues de travail de l'événement.",
  // Instance and organisers' paths (issue 17).
  "This account has been disabled. Contact the administrator of this Plenary.":
    "Ce compte a été désactivé. Contactez l'administrateur de ce Plenary.",
  "This sign-in link has expired or was already used. Ask for a new one on the sign-in page.":
    "Ce lien de connexion a expiré ou a déjà servi. Demandez-en un nouveau sur la page de connexion.",
  "Confirm that this person agreed to their data being recorded.":
    "Confirmez que cette personne a accepté l'enregistrement de ses données.",
  "Confirm that everyone in the file agreed to their data being recorded.":
    "Confirmez que toutes les personnes du fichier ont accepté l'enregistrement de leurs données.",
  "This person is already registered for this event.": "Cette personne est déjà inscrite à cet événement.",
  "This confirmation link has expired or was already used. Sign in, or sign up again.":
    "Ce lien de confirmation a expiré ou a déjà servi. Connectez-vous, ou inscrivez-vous à nouveau.",
  "A cluster cannot be merged into itself.": "Un groupe ne peut pas être fusionné avec lui-même.",
  "An account with this email already exists. Sign in, or reset your password.":
    "Un compte existe déjà avec cette adresse. Connectez-vous ou réinitialisez votre mot de passe.",
  "An account with this email already exists.": "Un compte existe déjà avec cette adresse.",
  "At most 120 characters.": "120 caractères au plus.",
  "At most 60 characters.": "60 caractères au plus.",
  "Choose a country.": "Choisissez un pays.",
  "Choose a language.": "Choisissez une langue.",
  "Choose an option.": "Choisissez une option.",
  "Choose at least one option.": "Choisissez au moins une option.",
  "Choose from the options given.": "Choisissez parmi les options proposées.",
  "Choose the kind of organisation you represent.": "Choisissez le type d'organisation que vous représentez.",
  "Comments are at most 200 characters.": "Les commentaires font 200 caractères au plus.",
  "Email is required.": "L'adresse e-mail est obligatoire.",
  "Email is too long.": "L'adresse e-mail est trop longue.",
  "Email or password is incorrect.": "Adresse e-mail ou mot de passe incorrect.",
  "Enter a valid email address.": "Saisissez une adresse e-mail valide.",
  "Enter your city.": "Saisissez votre ville.",
  "Enter your organisation (or “independent”).": "Saisissez votre organisation (ou « indépendant·e »).",
  "Give the cluster a name.": "Donnez un nom au groupe.",
  "Name is required.": "Le nom est obligatoire.",
  "Name is too long.": "Le nom est trop long.",
  "Only facilitators can do this.": "Seule la facilitation peut faire cela.",
  "Password is required.": "Le mot de passe est obligatoire.",
  "Please correct the highlighted fields.": "Veuillez corriger les champs signalés.",
  "Registration is not open for this event.": "Les inscriptions ne sont pas ouvertes pour cet événement.",
  "Someone changed this note while you were editing it. Here is the latest version; apply your change again if it still makes sense.":
    "Quelqu'un a modifié cette note pendant que vous l'éditiez. Voici la dernière version ; refaites votre modification si elle a encore du sens.",
  "The facilitator has locked this board for now.": "La facilitation a verrouillé ce tableau pour le moment.",
  "This board is closed: it can be read, not changed.": "Ce tableau est fermé : on peut le lire, pas le modifier.",
  "This board is read-only for you.": "Ce tableau est en lecture seule pour vous.",
  "This board operation is not valid.": "Cette opération sur le tableau n'est pas valide.",
  "This event has ended.": "Cet événement est terminé.",
  "This event was cancelled, so registration is closed.": "Cet événement a été annulé : les inscriptions sont closes.",
  "This note is hidden.": "Cette note est masquée.",
  "This question needs an answer.": "Cette question demande une réponse.",
  "This reset link has expired or was already used. Ask for a new one.":
    "Ce lien de réinitialisation a expiré ou a déjà servi. Demandez-en un nouveau.",
  "Use at least 10 characters.": "Utilisez au moins 10 caractères.",
  "Use at most 200 characters.": "Utilisez 200 caractères au plus.",
  "Voting is open only during the vote phase.": "Le vote n'est ouvert que pendant la phase de vote.",
  "Write something first.": "Écrivez d'abord quelque chose.",
  "You can only delete your own notes.": "Vous ne pouvez supprimer que vos propres notes.",
  "You can only edit your own notes.": "Vous ne pouvez modifier que vos propres notes.",
  "You need to agree to the processing of your data to register.":
    "Pour vous inscrire, vous devez accepter le traitement de vos données.",
};

const es: Catalogue = {
  // Translations of the organisers' words (issue 22).
  "Choose one of the event's other working languages.": "Elija uno de los otros idiomas de trabajo del evento.",
  // Instance and organisers' paths (issue 17).
  "This account has been disabled. Contact the administrator of this Plenary.":
    "Esta cuenta ha sido desactivada. Contacte con el administrador de este Plenary.",
  "This sign-in link has expired or was already used. Ask for a new one on the sign-in page.":
    "Este enlace para iniciar sesión caducó o ya se usó. Pida uno nuevo en la página de inicio de sesión.",
  "Confirm that this person agreed to their data being recorded.":
    "Confirme que esta persona aceptó que se registren sus datos.",
  "Confirm that everyone in the file agreed to their data being recorded.":
    "Confirme que todas las personas del archivo aceptaron que se registren sus datos.",
  "This person is already registered for this event.": "Esta persona ya está inscrita en este evento.",
  "This confirmation link has expired or was already used. Sign in, or sign up again.":
    "Este enlace de confirmación ha caducado o ya se usó. Inicie sesión o regístrese de nuevo.",
  "A cluster cannot be merged into itself.": "Un grupo no puede fusionarse consigo mismo.",
  "An account with this email already exists. Sign in, or reset your password.":
    "Ya existe una cuenta con este correo. Inicie sesión o restablezca su contraseña.",
  "An account with this email already exists.": "Ya existe una cuenta con este correo.",
  "At most 120 characters.": "Como máximo 120 caracteres.",
  "At most 60 characters.": "Como máximo 60 caracteres.",
  "Choose a country.": "Elija un país.",
  "Choose a language.": "Elija un idioma.",
  "Choose an option.": "Elija una opción.",
  "Choose at least one option.": "Elija al menos una opción.",
  "Choose from the options given.": "Elija entre las opciones ofrecidas.",
  "Choose the kind of organisation you represent.": "Elija el tipo de organización que representa.",
  "Comments are at most 200 characters.": "Los comentarios tienen como máximo 200 caracteres.",
  "Email is required.": "El correo es obligatorio.",
  "Email is too long.": "El correo es demasiado largo.",
  "Email or password is incorrect.": "El correo o la contraseña no son correctos.",
  "Enter a valid email address.": "Escriba un correo válido.",
  "Enter your city.": "Escriba su ciudad.",
  "Enter your organisation (or “independent”).": "Escriba su organización (o «independiente»).",
  "Give the cluster a name.": "Ponga un nombre al grupo.",
  "Name is required.": "El nombre es obligatorio.",
  "Name is too long.": "El nombre es demasiado largo.",
  "Only facilitators can do this.": "Solo la facilitación puede hacer esto.",
  "Password is required.": "La contraseña es obligatoria.",
  "Please correct the highlighted fields.": "Corrija los campos señalados.",
  "Registration is not open for this event.": "La inscripción no está abierta para este evento.",
  "Someone changed this note while you were editing it. Here is the latest version; apply your change again if it still makes sense.":
    "Alguien cambió esta nota mientras la editaba. Esta es la última versión; vuelva a aplicar su cambio si todavía tiene sentido.",
  "The facilitator has locked this board for now.": "La facilitación ha bloqueado este tablero por ahora.",
  "This board is closed: it can be read, not changed.": "Este tablero está cerrado: se puede leer, no cambiar.",
  "This board is read-only for you.": "Este tablero es de solo lectura para usted.",
  "This board operation is not valid.": "Esta operación en el tablero no es válida.",
  "This event has ended.": "Este evento ha terminado.",
  "This event was cancelled, so registration is closed.":
    "Este evento se canceló, así que la inscripción está cerrada.",
  "This note is hidden.": "Esta nota está oculta.",
  "This question needs an answer.": "Esta pregunta necesita una respuesta.",
  "This reset link has expired or was already used. Ask for a new one.":
    "Este enlace ha caducado o ya se usó. Pida uno nuevo.",
  "Use at least 10 characters.": "Use al menos 10 caracteres.",
  "Use at most 200 characters.": "Use como máximo 200 caracteres.",
  "Voting is open only during the vote phase.": "Solo se puede votar durante la fase de votación.",
  "Write something first.": "Escriba algo primero.",
  "You can only delete your own notes.": "Solo puede borrar sus propias notas.",
  "You can only edit your own notes.": "Solo puede editar sus propias notas.",
  "You need to agree to the processing of your data to register.":
    "Para inscribirse debe aceptar el tratamiento de sus datos.",
};

const ar: Catalogue = {
  // Translations of the organisers' words (issue 22).
  "Choose one of the event's other working languages.": "اختر إحدى لغات العمل الأخرى للفعالية.",
  // Instance and organisers' paths (issue 17).
  "This account has been disabled. Contact the administrator of this Plenary.":
    "عُطِّل هذا الحساب. تواصل مع مسؤول نسخة Plenary هذه.",
  "This sign-in link has expired or was already used. Ask for a new one on the sign-in page.":
    "انتهت صلاحية رابط تسجيل الدخول هذا أو سبق استخدامه. اطلب رابطًا جديدًا من صفحة تسجيل الدخول.",
  "Confirm that this person agreed to their data being recorded.": "أكِّد أن هذا الشخص وافق على تسجيل بياناته.",
  "Confirm that everyone in the file agreed to their data being recorded.":
    "أكِّد أن كل من في الملف وافق على تسجيل بياناته.",
  "This person is already registered for this event.": "هذا الشخص مسجَّل بالفعل في هذه الفعالية.",
  "This confirmation link has expired or was already used. Sign in, or sign up again.":
    "انتهت صلاحية رابط التأكيد هذا أو سبق استخدامه. سجّل الدخول، أو أنشئ حسابًا من جديد.",
  "A cluster cannot be merged into itself.": "لا يمكن دمج مجموعة في نفسها.",
  "An account with this email already exists. Sign in, or reset your password.":
    "يوجد حساب بهذا البريد. سجّل الدخول أو أعد تعيين كلمة المرور.",
  "An account with this email already exists.": "يوجد حساب بهذا البريد بالفعل.",
  "At most 120 characters.": "120 حرفًا كحد أقصى.",
  "At most 60 characters.": "60 حرفًا كحد أقصى.",
  "Choose a country.": "اختر بلدًا.",
  "Choose a language.": "اختر لغة.",
  "Choose an option.": "اختر خيارًا.",
  "Choose at least one option.": "اختر خيارًا واحدًا على الأقل.",
  "Choose from the options given.": "اختر من الخيارات المتاحة.",
  "Choose the kind of organisation you represent.": "اختر نوع المنظمة التي تمثلها.",
  "Comments are at most 200 characters.": "التعليقات 200 حرف كحد أقصى.",
  "Email is required.": "البريد الإلكتروني مطلوب.",
  "Email is too long.": "البريد الإلكتروني طويل جدًا.",
  "Email or password is incorrect.": "البريد الإلكتروني أو كلمة المرور غير صحيحة.",
  "Enter a valid email address.": "أدخل بريدًا إلكترونيًا صالحًا.",
  "Enter your city.": "أدخل مدينتك.",
  "Enter your organisation (or “independent”).": "أدخل منظمتك (أو «مستقل»).",
  "Give the cluster a name.": "أعطِ المجموعة اسمًا.",
  "Name is required.": "الاسم مطلوب.",
  "Name is too long.": "الاسم طويل جدًا.",
  "Only facilitators can do this.": "لا يمكن إلا للميسرين القيام بذلك.",
  "Password is required.": "كلمة المرور مطلوبة.",
  "Please correct the highlighted fields.": "يرجى تصحيح الحقول المشار إليها.",
  "Registration is not open for this event.": "التسجيل غير مفتوح لهذه الفعالية.",
  "Someone changed this note while you were editing it. Here is the latest version; apply your change again if it still makes sense.":
    "غيّر أحدهم هذه الملاحظة أثناء تعديلك لها. هذه أحدث نسخة؛ أعد تطبيق تعديلك إن كان لا يزال مناسبًا.",
  "The facilitator has locked this board for now.": "أقفل الميسِّر هذه اللوحة مؤقتًا.",
  "This board is closed: it can be read, not changed.": "هذه اللوحة مغلقة: يمكن قراءتها لا تغييرها.",
  "This board is read-only for you.": "هذه اللوحة للقراءة فقط بالنسبة لك.",
  "This board operation is not valid.": "هذه العملية على اللوحة غير صالحة.",
  "This event has ended.": "انتهت هذه الفعالية.",
  "This event was cancelled, so registration is closed.": "أُلغيت هذه الفعالية، لذا أُغلق التسجيل.",
  "This note is hidden.": "هذه الملاحظة مخفية.",
  "This question needs an answer.": "هذا السؤال يحتاج إلى إجابة.",
  "This reset link has expired or was already used. Ask for a new one.":
    "انتهت صلاحية رابط إعادة التعيين أو استُخدم من قبل. اطلب رابطًا جديدًا.",
  "Use at least 10 characters.": "استخدم 10 أحرف على الأقل.",
  "Use at most 200 characters.": "استخدم 200 حرف كحد أقصى.",
  "Voting is open only during the vote phase.": "التصويت متاح فقط خلال مرحلة التصويت.",
  "Write something first.": "اكتب شيئًا أولًا.",
  "You can only delete your own notes.": "يمكنك حذف ملاحظاتك فقط.",
  "You can only edit your own notes.": "يمكنك تعديل ملاحظاتك فقط.",
  "You need to agree to the processing of your data to register.": "يجب أن توافق على معالجة بياناتك لتتمكن من التسجيل.",
};

export const SERVER_MESSAGES: Record<string, Catalogue> = { en: {}, fr, es, ar };
