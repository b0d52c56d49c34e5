# Les mots propres de la fiche, en français. Chaque message du catalogue anglais (en.ftl)
# est aussi ici (tests/catalogues.rs) ; les mots du patient et du guide ne viennent jamais
# d'ici. Les guides intégrés restent en anglais : la fiche le dit (guide-in-english).

## Nombres et dates

decimal-mark = ,
date-long = { $day } { $month } { $year }
date-short = { $day } { $month } { $year }
date-day-month = { $day } { $month }
date-short-day-month = { $day } { $month }
date-month-year = { $month } { $year }
date-month-short-year = { $month } { $yy }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
month-short-1 = janv.
month-short-2 = févr.
month-short-3 = mars
month-short-4 = avr.
month-short-5 = mai
month-short-6 = juin
month-short-7 = juil.
month-short-8 = août
month-short-9 = sept.
month-short-10 = oct.
month-short-11 = nov.
month-short-12 = déc.
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
weekday-short-1 = lun.
weekday-short-2 = mar.
weekday-short-3 = mer.
weekday-short-4 = jeu.
weekday-short-5 = ven.
weekday-short-6 = sam.
weekday-short-7 = dim.
weekday-date = { $weekday } { $date }
date-time = { $date }, { $time }

## Sur chaque page

page-of = Page { $n } sur { $total }
footer = Fiche de consultation de { $name } · faite le { $date }
box-done = Fait :{" "}
box-not-done = Pas fait :{" "}

## La description du document

meta-title = Fiche de consultation : { $condition } - { $name }
meta-subject-day-clinic = { $condition } : consultation le { $day } à { $clinic }
meta-subject-day = { $condition } : consultation le { $day }
meta-subject-clinic = { $condition } : consultation à { $clinic }
meta-subject = { $condition } : notes pour la consultation
meta-keyword = fiche de consultation

## Un texte long coupé en page 1

continued-on-page = {" "}… (suite page { $page })
in-full-on-page = {" "}… (en entier page { $page })
in-full-on-page-after = {" "}(en entier page { $page })
go-to-page = Aller à la page { $page }

## Page 1 : le résumé pour le médecin

summary-heading = Résumé de la consultation pour le médecin : { $condition }
filled-in-by = Rempli par { $who } avant la consultation
filled-in-by-patient = Rempli par le patient avant la consultation
summary-note = { $by }, avec les mots du patient. Cette page est un résumé. Détails : pages { $from }–{ $to }.
label-patient = Patient
label-pregnant = Enceinte
pregnant-week = Oui, semaine { $week }
pregnant-no-week = Oui (semaine non indiquée)
pregnant-yes = Oui
label-visit = Consultation
label-speaks-best = Parle le mieux
label-needs = Besoins
age-at-visit-born = { $age } ans le jour de la consultation (naissance : { $born })
age-born = { $age } ans (naissance : { $born })
allergies-label = Allergies :{" "}
no-known-allergies = Aucune allergie connue (selon le patient)
allergies-not-stated = non indiquées (demandez au patient)
label-reason = Motif
not-answered = sans réponse
concerns-more = {"\u000A"}… et { $more } de plus, voir page { $page }
label-concerns = Inquiétudes
label-hopes-for = Attend
label-not-answered = Sans réponse
warning-signs = Signes d'alerte avec les mots du patient :
warning-sign = Signe d'alerte
told-emergency = invité à appeler le numéro d'urgence tout de suite
told-today = invité à voir un médecin aujourd'hui
told-appointment = invité à en parler à cette consultation
sign-place-reason = motif
sign-place-concern = inquiétude { $n }
sign-quote = {" "}({ $place }) : « { $quote } » ; { $told }
signs-more = {"\u000A"}… et { $more } de plus, dans les réponses à partir de la page { $page }
label-medicines = Médicaments
label-other-illnesses = Autres maladies
no-other-illnesses = aucune (selon le patient)
not-stated = non indiqué
label-diary = Journal
diary-details-on-page = { $diary } (détails page { $page })
no-medicines = Aucun médicament (selon le patient)
no-medicines-listed = Aucun médicament dans la liste
medicines-more = … et { $more } de plus, voir page { $page } (avec doses et notes)
medicines-all = Tous en entier, avec les doses, page { $page }
flag-words = cause possible
flag-told = patient invité à continuer ceux qui sont signalés
flagged-medicines = Signalés, { flag-words } : { $medicines }
flagged-mark = {" "}— { flag-words }
only-when-needed = (seulement en cas de besoin)

## Les détails

details-title = Fiche de consultation
details-subtitle = { $condition } : les détails
label-born = Naissance
born-at-visit = { $born } ({ $age ->
    [one] { $age } an
   *[other] { $age } ans
  } le jour de la consultation)
born-today = { $born } ({ $age ->
    [one] { $age } an
   *[other] { $age } ans
  })
label-sex = Sexe
label-what-helps-me = Ce qui m'aide
label-filled-in-by = Rempli par
label-allergies = Allergies
label-where = Où
label-doctor = Médecin
label-coming-with-me = M'accompagne
label-phone = Téléphone
label-language = Langue
label-in-an-emergency = En cas d'urgence
why-i-am-coming = Pourquoi je viens
what-worries-me = Ce qui m'inquiète, le plus important d'abord
what-i-hope = Ce que j'attends de cette consultation
my-answers = Mes réponses aux questions du médecin
medicines-in-table = Mes médicaments sont dans le tableau ci-dessous.
my-medicines = Mes médicaments
i-take-no-medicines = Je ne prends aucun médicament.
no-medicines-write = Aucun médicament dans la liste. Écrivez les médicaments, vitamines ou compléments que vous prenez :
medicine-note = Note { $letter } : { $class }.{" "}
medicine-may-add = {"\u000A"}Peut favoriser les crampes (note { $letter }) : continuez à le prendre ; demandez à votre médecin
column-medicine = Médicament
column-dose = Dose
column-how-often = Combien de fois
column-since = Depuis
column-what-for = Pour quoi / notes
my-health = Ma santé
other-illnesses = Autres maladies et problèmes de santé
no-other-illnesses-me = Je n'ai pas d'autre maladie.
allergies = Allergies
no-known-allergies-me = Aucune allergie connue : je n'en connais aucune.
allergies-write = Rien n'est écrit. Écrivez ici vos allergies, ou « aucune connue » si vous n'en avez pas :
other-notes = Autres notes

## La partie du patient

for-me-title = Pour moi
for-me-subtitle = Avant, pendant et après la consultation
before-i-leave-home = Avant de partir de chez moi
your-companion = la personne qui vous accompagne
checklist-default = Apporter cette fiche, mes médicaments ou leurs boîtes, et ma carte de santé.
seek-care = Quand se faire soigner vite
tier-emergency = Maintenant : appelez le numéro d'urgence
tier-today-booked = Aujourd'hui : voyez un médecin, n'attendez pas votre consultation
tier-today = Aujourd'hui : voyez un médecin
tier-appointment-booked = À votre consultation du { $day } : gardez-la, et dites-le au médecin
tier-appointment = Bientôt : prenez rendez-vous et dites-le au médecin
my-questions = Mes questions pour le médecin
other-questions = Autres questions
good-to-know = Bon à savoir
tests-heading = Examens que le médecin peut faire
after-heading = Après la consultation : mon plan
after-fill-in = Remplissez ceci avec le médecin ou l'infirmière avant de partir, ou demandez-leur de l'écrire.
after-thinks = Ce que le médecin pense que c'est
after-at-home = Que faire à la maison
after-changes = Changements de mes médicaments
column-start-stop = Commencer, arrêter ou changer ?
column-how-to-take = Comment le prendre
column-why = Pourquoi
after-tests = Examens demandés, et comment j'aurai les résultats
after-next = Mon prochain rendez-vous
after-whom = Qui appeler en cas de question
say-it-back = Redites-le :{" "}
say-it-back-text = J'ai redit le plan au médecin avec mes mots, et c'était juste.
about-heading = À propos de ce problème de santé
which-department = Quel service
departments-can-help = Selon la cause, ces services peuvent aider :
booked = Rendez-vous :{" "}
department-booked-inside = { $open }, rendez-vous pris)
department-booked = { $department } (rendez-vous pris)
departments-may-fit = Services qui peuvent convenir, d'après ce que j'ai écrit
guide-in-english = Les conseils du guide sur ces pages sont en anglais : ils n'ont pas encore été traduits.

## Le journal

diary-title-default = Mon journal des symptômes
chart-per-week = Crampes par semaine (les semaines commencent le lundi)
chart-per-year = Crampes par an
chart-per-month = Crampes par mois
chart-unit = crampes
label-cramps-logged = Crampes notées
diary-logged = { $count } { $count ->
    [one] note
   *[other] notes
  } du { $first } au { $last }
label-how-often = Combien de fois
label-severity = Intensité (de 0 à 10)
severity-average = moyenne { $mean }, la pire { $worst }
label-how-long = Durée
minutes-average = moyenne { $mean } minutes, la plus longue { $longest } minutes
label-most-often-in = Le plus souvent
place-of = { $place } ({ $n } sur { $count })
label-when-in-night = Quand dans la nuit
night-times = entre { $early } et { $late }, le plus souvent vers { $typical }
about-a-week = environ { $n } par semaine
about-a-month = environ { $n } par mois
less-than-monthly = moins d'une fois par mois
span-to = du { $first } au { $last }
diary-nights-logged = { $count } { $count ->
    [one] nuit notée
   *[other] nuits notées
  }, { $span }, { $often }
severity-usually = intensité le plus souvent { $typical } sur 10, la pire { $worst }
minutes-each = { $minutes } minutes chacune
minutes-range = de { $short } à { $long } minutes
mostly-in = surtout { $place } ({ $n } sur { $count })
usually-around = le plus souvent vers { $time }
column-night = Nuit
column-time = Heure
column-minutes = Minutes
column-where = Où
column-severity = Intensité
column-note = Note
grid-heading = { $title } : à remplir à la main
grid-instructions = Écrivez une ligne pour chaque crampe, dès que possible après. Intensité : 0 c'est aucune douleur, 10 la pire douleur imaginable. Apportez cette page à la consultation.
column-woke-me = M'a réveillé ?
column-leg-muscle = Jambe et muscle
column-severity-scale = Intensité 0–10
column-what-helped = Ce qui a aidé / déclencheur

## Le fichier de données qu'écrit `visitprep new` : ses notes, et les exemples dessous

intake-title = Données pour la consultation : { $guide }
intake-how = Remplissez ce que vous savez et laissez le reste. Les lignes qui commencent par # sont des notes et ne comptent pas : pour remplir une ligne, enlevez le # devant et changez l'exemple.
intake-how-text = Le texte va entre guillemets droits doubles. Les dates s'écrivent année-mois-jour, sans guillemets.
intake-check-file = Vérifier le fichier :
intake-make-sheet = Faire la fiche :
intake-this-file = CE-FICHIER
intake-name-to-replace = Votre nom
intake-guide = Le guide que suit ce fichier (`visitprep guides` les liste).
intake-name = Votre nom complet, comme sur votre carte d'assurance maladie.
intake-born = Date de naissance (votre âge en est tiré).
intake-sex = Sexe, comme vous le diriez au médecin.
intake-example-sex = femme
intake-pregnant = Êtes-vous enceinte ? true (oui) ou false (non).
intake-pregnancy-week = Si vous êtes enceinte : à quelle semaine de grossesse (de 1 à 45) ?
intake-phone = Votre numéro de téléphone.
intake-language = La langue dans laquelle vous préférez parler au médecin.
intake-example-language = français
intake-emergency-contact = Qui appeler en cas d'urgence, avec son numéro de téléphone.
intake-example-emergency-contact = Anne Exemple (fille), +44 7700 900123
intake-needs = Ce qui vous aide pendant la consultation, chaque chose entre guillemets, séparées par des virgules : lunettes, appareil auditif, interprète, fauteuil roulant, plus de temps. Cela figure sur la première page de la fiche.
intake-example-need-1 = lunettes de lecture
intake-example-need-2 = interprète : polonais
intake-filled-in-by = Si quelqu'un d'autre remplit ce fichier pour vous : son nom, et qui il est pour vous.
intake-example-filled-in-by = Anne Exemple (fille)
intake-when = Date et heure du rendez-vous (ou seulement la date : 2026-12-02).
intake-clinic = L'hôpital, la clinique ou le cabinet.
intake-example-clinic = Hôpital Saint-Louis
intake-department = Le service, ou le type de médecin.
intake-example-department = Neurologie
intake-doctor = Le nom du médecin, si vous le savez.
intake-example-doctor = Dr Élise Martin
intake-companion = Qui vient avec vous (nommé dans votre liste à faire).
intake-example-companion = Anne (fille)
intake-reason = En une ou deux phrases : pourquoi vous y allez.
intake-example-reason = Crampes douloureuses dans les mollets la nuit.
intake-concerns = Ce qui vous inquiète, le plus important d'abord, chaque chose entre guillemets, séparées par des virgules. Les trois premières figurent sur la première page de la fiche.
intake-example-concern-1 = Les crampes me réveillent chaque nuit.
intake-example-concern-2 = Est-ce que cela peut venir de mon diurétique ?
intake-goal = Ce que vous espérez de la consultation.
intake-example-goal = Dormir de nouveau toute la nuit.
intake-sheet-language = La langue des mots propres à la fiche : "en" (anglais), "es" (espagnol) ou "fr" (français). Si vous la laissez de côté, elle suit la langue que vous parlez le mieux quand la fiche l'a.
intake-answers = Vos réponses aux questions que le médecin posera sans doute. Une question que vous laissez de côté est imprimée avec des lignes pour écrire à la main. Pour plusieurs lignes, mettez trois guillemets :
intake-example-first-line = première ligne
intake-example-second-line = deuxième ligne
intake-only-in-pregnancy = (Posée seulement pendant la grossesse.)
intake-conditions = Vos autres maladies, chacune entre guillemets, séparées par des virgules.
intake-example-condition-1 = diabète de type 2
intake-example-condition-2 = tension trop haute
intake-allergies = Allergies, et ce qui se passe.
intake-example-allergy = pénicilline (plaques rouges)
intake-notes = Tout ce que le médecin devrait encore savoir.
intake-example-notes = Opération de la cataracte en 2022.
intake-no-known-allergies = Aucune allergie connue ? Dites-le, et laissez `allergies` de côté.
intake-no-medicines = Vous ne prenez aucun médicament ? Dites-le, et n'ajoutez pas de bloc de médicament.
intake-no-other-illnesses = Pas d'autre maladie ? Dites-le, et laissez `conditions` de côté.
intake-own = Vos propres questions pour le médecin, chacune entre guillemets, séparées par des virgules.
intake-example-own = Puis-je continuer à nager ?
intake-skip = La fiche imprime aussi ces questions. Pour en enlever une, mettez son id sous skip :
intake-done = Ce que vous avez déjà fait ; c'est imprimé coché. Les id :
intake-blocks = À partir d'ici, tout est une liste de blocs. Gardez-les à la fin du fichier : en TOML, une ligne après [[medications]] appartient à ce médicament.
intake-medicines-empty = Vos médicaments : copiez ces lignes une fois pour chaque médicament et enlevez le #.
intake-medicine-name = Le nom du médicament, comme sur la boîte.
intake-example-medicine-name = hydrochlorothiazide
intake-medicine-dose = Combien vous en prenez chaque fois.
intake-example-medicine-dose = 12,5 mg
intake-medicine-how-often = À quelle fréquence vous le prenez.
intake-example-medicine-how-often = chaque matin
intake-medicine-since = Depuis quand vous le prenez.
intake-medicine-reason = À quoi il sert.
intake-example-medicine-reason = la tension
intake-medicine-note = Autre chose à son sujet.
intake-medicine-as-needed = Pris seulement en cas de besoin ? Ajoutez alors :
intake-medicines-filled = Vos médicaments, un bloc [[medications]] pour chacun : name (nom), dose, how_often (fréquence), since (depuis, année-mois-jour), reason (à quoi il sert), note, et as_needed = true s'il est pris seulement en cas de besoin. Pour un autre médicament, ajoutez un autre bloc comme ceux-ci.
intake-diary-empty = Un journal : un bloc pour chaque nuit avec des symptômes.
intake-diary-night = La nuit, année-mois-jour.
intake-diary-at = L'heure du début.
intake-diary-minutes = Combien de temps cela a duré, en minutes.
intake-diary-where = À quel endroit du corps.
intake-example-diary-where = mollet droit
intake-diary-severity = Intensité de 0 (pas de douleur) à 10 (la pire douleur imaginable).
intake-diary-note = Autre chose sur cette nuit.
intake-example-diary-note = longue marche ce jour-là
intake-diary-filled = Votre journal, un bloc [[diary]] pour chaque nuit avec des symptômes : night (la nuit, année-mois-jour), at (l'heure, comme 03:10:00), minutes, where (où), severity (de 0, pas de douleur, à 10, la pire douleur imaginable), et note.
