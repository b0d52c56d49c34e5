# What `visitprep check` says about an intake file, in French.

## What check says once the file is read

check-valid = { $file } : valide (guide : { $guide })
check-valid-with-warnings =
    { $count ->
        [one] { $file } : valide, avec 1 avertissement (guide : { $guide })
       *[other] { $file } : valide, avec { $count } avertissements (guide : { $guide })
    }
check-note = remarque : { $note }
check-guide-unreviewed =
    { $count ->
        [one] remarque : le guide n'est pas relu : 1 de ses phrases ne dit pas d'où elle vient (`source`) (voir `visitprep guides { $guide } --sources`)
       *[other] remarque : le guide n'est pas relu : { $count } de ses phrases ne disent pas d'où elles viennent (`source`) (voir `visitprep guides { $guide } --sources`)
    }
check-guide-untranslated = remarque : le guide `{ $guide }` n'est pas traduit en français : ses questions et sa liste de choses à faire sont en anglais
check-many-concerns = attention : `visit.concerns` contient { $count } préoccupations ; seules les trois premières sont sur la première page de la fiche (toutes sont dans les détails) : mettez la plus importante en premier
check-all-answered = toutes les questions ont une réponse
check-unanswered =
    { $count ->
        [one] 1 question sans réponse (imprimée avec des lignes pour écrire) :
       *[other] { $count } questions sans réponse (imprimées avec des lignes pour écrire) :
    }
check-checklist-open =
    { $count ->
        [one] 1 chose à faire pas encore faite :
       *[other] { $count } choses à faire pas encore faites :
    }
your-companion = la personne qui vous accompagne

## The guide the intake names

guide-unknown = il n'y a pas de guide `{ $guide }`
guide-no-file = il n'y a pas de fichier de guide `{ $guide }`
guide-unknown-label = ce n'est pas un des guides fournis
guide-no-file-label = pas de fichier de ce nom dans le dossier du fichier
guide-unknown-help = les guides fournis sont : { $guides } ; un fichier de guide s'écrit avec son chemin, depuis le dossier de ce fichier
guide-unusable-help = indiquez un fichier .toml de guide, depuis le dossier de ce fichier, ou un des guides fournis
did-you-mean = vouliez-vous dire `{ $name }` ?
guide-not-a-file =
    { $kind ->
        [folder] le guide `{ $guide }` est un dossier, pas un fichier de guide
        [pipe] le guide `{ $guide }` est un tube nommé (FIFO), pas un fichier de guide
        [device] le guide `{ $guide }` est un périphérique, pas un fichier de guide
        [socket] le guide `{ $guide }` est une socket, pas un fichier de guide
        [file] le guide `{ $guide }` n'est pas un fichier de guide
       *[other] le guide `{ $guide }` n'est pas un fichier ordinaire, ni un fichier de guide
    }

## The words around each problem, as the report prints it

level-error = erreur
level-warning = attention
level-help = aide
report-field = { $message } (champ `{ $field }`)

## The line after the problems: how many, and what was not done

problems-in-intake =
    { $errors ->
        [one] erreur : 1 problème
       *[other] erreur : { $errors } problèmes
    }{ $warnings ->
        [0] {""}
        [one] {" "}(et 1 avertissement)
       *[other] {" "}(et { $warnings } avertissements)
    } dans le fichier ; { $outcome }
problems-in-guide =
    { $errors ->
        [one] erreur : 1 problème
       *[other] erreur : { $errors } problèmes
    }{ $warnings ->
        [0] {""}
        [one] {" "}(et 1 avertissement)
       *[other] {" "}(et { $warnings } avertissements)
    } dans le guide ; { $outcome }
new-writes-one = aide : `{ $command }` en crée un à remplir
check-outcome = corrigez-le, puis relancez check
render-outcome = rien n'a été écrit
render-outcome-batch = aucune feuille n'a été écrite pour { $intake }

## Dates and numbers that cannot be right, or are unlikely

date-out-of-range = { $date } ne peut pas être juste : les dates doivent être entre { $first } et { $last }
date-out-of-range-label = vérifiez l'année
date-out-of-range-help = écrivez la date sous la forme année-mois-jour, avec les quatre chiffres de l'année
too-old =
    { $on ->
        [visit] le patient aurait { $age } ans le jour du rendez-vous ; personne n'a plus de { $oldest } ans
       *[today] le patient aurait { $age } ans aujourd'hui ; personne n'a plus de { $oldest } ans
    }
too-old-label = vérifiez l'année de naissance
too-old-help = écrivez la date de naissance sous la forme année-mois-jour, par exemple 1956-03-14
born-in-future = la date de naissance { $born } est après aujourd'hui ({ $today })
born-in-future-label = dans le futur
born-in-future-help = vérifiez l'année de naissance
pregnancy-age = une grossesse à { $age } ans est peu probable ; vérifiez `patient.born` et `patient.pregnant`
pregnancy-age-label =
    { $on ->
        [visit] { $age } ans le jour du rendez-vous
       *[today] { $age } ans aujourd'hui
    }
pregnancy-age-help = si les deux sont justes, il n'y a rien à changer : la fiche les imprime tels qu'ils sont écrits
night-before-birth = la nuit { $night } du journal est avant la date de naissance ({ $born })
night-before-birth-label = avant `patient.born`
night-before-birth-help = vérifiez l'année de la nuit et celle de `born`
minutes-over-a-day = { $minutes } minutes, c'est plus d'une journée (1440 minutes) pour une seule crampe
minutes-over-a-day-label = au plus 1440
minutes-over-a-day-help = écrivez combien de temps a duré cette fois-ci, en minutes, par exemple 2 ou 0.5 (avec un point)
night-after-visit = la nuit { $night } du journal ({ $date }) est après le rendez-vous ({ $visit })
night-after-visit-label = après `visit.when`
night-after-visit-help = vérifiez l'année et le mois de la nuit et du rendez-vous
since-after-visit = le médicament { $medication } est pris depuis le { $since }, après le rendez-vous ({ $visit })
since-after-visit-label = après `visit.when`
since-after-visit-help = vérifiez l'année et le mois de `since` et du rendez-vous
visit-far-ahead = le rendez-vous ({ $visit }) est dans plus d'un an (aujourd'hui : { $today })
visit-far-ahead-label = dans plus d'un an
visit-far-ahead-help = vérifiez l'année du rendez-vous ; si elle est juste, il n'y a rien à changer

## A file not yet filled in, and warning signs in the patient's words

name-from-template = `patient.name` dit encore « { $name } », comme dans le modèle
name-from-template-label = pas rempli
name-from-template-help = écrivez le nom du patient comme sur la carte d'assurance maladie
sign-emergency = appelez tout de suite le numéro d'urgence
sign-today = faites-vous examiner par un médecin aujourd'hui
sign-appointment = dites-le au médecin lors du rendez-vous
sign-unnamed = un signe d'alerte
sign-found = `{ $field }` décrit un signe d'alerte ({ $sign }) : « { $words } » : { $how_soon }

## The patient, the visit and the answers

name-blank = le nom du patient est vide
name-blank-label = écrivez un nom ici
name-blank-help = le médecin doit savoir à qui est cette fiche : name = "Marie Exemple"
pregnancy-week-impossible = la semaine de grossesse { $week } n'est pas possible
pregnancy-week-impossible-label = doit être de 1 à 45
pregnancy-week-impossible-help = écrivez la semaine de grossesse où vous en êtes, un nombre entier de 1 à 45
pregnancy-week-not-pregnant = une semaine de grossesse est donnée, mais `pregnant` n'est pas true
pregnancy-week-not-pregnant-help = ajoutez `pregnant = true` dans [patient], ou enlevez `pregnancy_week`
visit-before-birth = le rendez-vous ({ $visit }) est avant la date de naissance ({ $born })
visit-before-birth-label = avant `patient.born`
visit-before-birth-help = vérifiez l'année du rendez-vous et celle de `born`
sheet-language-unknown = la fiche ne peut pas être imprimée en « { $language } »
sheet-language-unknown-label = la fiche n'a pas cette langue
sheet-language-unknown-help = écrivez "fr" (français), "en" (anglais) ou "es" (espagnol)
not-a-question = `{ $id }` n'est pas une question du guide `{ $guide }`
not-a-question-label = cette question n'existe pas
question-ids-are = les questions sont : { $ids }
rename-to = remplacez-le par `{ $name }`
not-an-id =
    { $of ->
        [question] `{ $id }` n'est pas une des questions pour vous de ce guide
       *[checklist] `{ $id }` n'est pas une chose à faire de ce guide
    }
not-an-id-label = n'existe pas
ids-are = les noms possibles sont : { $ids }

## Lists that may say "none", medicines and the diary

none-allergies = aucune allergie connue
none-illnesses = aucune autre maladie
none-medicines = aucun médicament
none-read-as = `{ $field }` dit « { $item } » : compris comme { $meaning } (`{ $flag } = true`), pas comme quelque chose qui s'appelle « { $item } »
none-but-listed = `{ $flag }` est true, mais `{ $list }` contient « { $item } » ; la fiche imprime ce qui est dans la liste
none-but-listed-label = dit qu'il n'y en a aucun
none-but-listed-help = enlevez `{ $flag } = true`, ou videz la liste : le médecin doit savoir ce qui est juste
none-but-flag-false = `{ $list }` dit aucun, mais `{ $flag } = false` ; la fiche imprime « non indiqué »
none-but-flag-false-label = dit que ce n'est pas connu
none-but-flag-false-help = écrivez `{ $flag } = true`, ou enlevez « aucun » de la liste
medication-blank = le médicament { $medication } n'a pas de nom
medication-blank-help = écrivez le nom du médicament comme sur la boîte, ou enlevez cette entrée [[medications]]
medication-no-dose = le médicament { $medication } (« { $name } ») n'a pas de dose
medication-no-dose-label = combien à chaque fois ?
medication-no-dose-help = ajoutez combien vous en prenez à chaque fois, comme sur la boîte ou l'étiquette de la pharmacie : dose = "12.5 mg"
minutes-not-positive = une crampe ne peut pas durer { $minutes } minutes
minutes-not-positive-label = doit être plus de 0
minutes-not-positive-help = écrivez combien de temps a duré la crampe, en minutes, par exemple 2 ou 0.5 (avec un point)
severity-off-scale = l'intensité { $severity } est hors de l'échelle de 0 à 10
severity-off-scale-label = doit être de 0 à 10
severity-off-scale-help = 0, c'est aucune douleur, et 10 la pire douleur que vous puissiez imaginer

## Values of the wrong kind, and what is missing

missing = `{ $field }` manque
missing-guide-help = ajoutez `guide = "nocturnal-leg-cramps"` (ou `general`) en première ligne
missing-patient-help = ajoutez une table [patient] avec au moins `name = "Votre nom"`
missing-name-help = ajoutez `name = "Votre nom"` dans [patient], comme sur la carte d'assurance maladie
missing-medication-name-help = ajoutez `name = ...` dans cette entrée de médicaments : le nom du médicament, comme sur la boîte
missing-night-help = ajoutez `night = ...` dans cette entrée du journal : la date de la nuit, par exemple 2026-11-20
wrong-kind = cette valeur n'est pas du bon type : c'est { $found }, il faut { $expected }
wrong-kind-label = mauvais type de valeur
number-too-large = le nombre est bien trop grand : il faut un nombre entier
kind-text = le texte { $value }
kind-whole = le nombre entier `{ $value }`
kind-decimal = le nombre décimal `{ $value }`
kind-datetime = la date ou l'heure `{ $value }`
kind-list = une liste
kind-table = une table
expected-text = un texte entre guillemets
expected-list = une liste entre crochets
expected-flag = true ou false
expected-whole = un nombre entier
expected-number = un nombre
expected-date = une date, comme 1956-03-14
expected-visit = une date, ou une date et une heure
expected-table = une table, comme [{ $key }] avec ses clés en dessous
expected-entries = un bloc [[{ $key }]] pour chacun, avec ses clés en dessous
expected-entry = un bloc [[{ $key }]] avec ses clés en dessous
type-date = `{ $key }` est une date : sans guillemets sous la forme année-mois-jour (2024-05-01), ou entre guillemets comme vous l'écrivez ("1 May 2024")
type-when = `when` est une date, ou une date et une heure : 2026-12-02T09:30:00 sans guillemets, ou "2 December 2026 at 9:30am"
type-at = `at` est une heure : 03:10:00 sans guillemets, ou "3:10am"
type-severity = `severity` est un nombre entier de 0 (rien) à 10 (le pire), sans guillemets
type-minutes = `minutes` est un nombre sans guillemets, comme 4 ou 2.5
type-pregnancy-week = `pregnancy_week` est un nombre entier de 1 à 45, sans guillemets
type-flag = `{ $key }` est true ou false, sans guillemets
type-table = `{ $key }` est une table : une ligne [{ $key }], puis ses clés en dessous
type-entries = chaque entrée commence par une ligne [[{ $key }]], puis ses clés en dessous
type-list = `{ $key }` est une liste entre crochets : { $key } = ["premier", "deuxième"]
type-text = `{ $key }` est un texte entre guillemets droits : { $key } = "..."

## TOML that cannot be read, and keys the intake format does not have

toml-syntax = le fichier n'est pas du TOML valide et ne peut pas être lu ; le lecteur TOML dit, en anglais : « { $message } »
toml-too-deep = les clés sont imbriquées sur trop de niveaux (plus de { $levels })
toml-too-deep-help = un fichier de données a besoin d'au plus deux niveaux, comme [patient] puis name = "..."
toml-text-help = un texte s'écrit entre guillemets droits sur une seule ligne : clé = "texte" ; pour plusieurs lignes, mettez trois guillemets """ ... """
toml-other-help = consultez la description du fichier de données dans le README
toml-twice-at-top = `{ $key }` apparaît deux fois en haut du fichier, hors des tables
toml-twice-in = `{ $key }` apparaît deux fois dans [{ $table }]
toml-twice-label = deuxième fois
toml-twice-help = chaque clé ne peut apparaître qu'une fois par table : supprimez l'une des deux, ou réunissez-les
toml-no-such-day = { $written } n'est pas un jour qui existe : { $why }
days-in-month = { $month } { $year } a { $days } jours
toml-not-a-date = { $written } n'est pas une date ou une heure valide ; le lecteur TOML dit, en anglais : « { $message } »
toml-not-a-date-label = pas une date ou une heure qui existe
toml-not-a-date-help = écrivez les dates sous la forme année-mois-jour (1956-03-14) et les heures comme 09:30:00, sans guillemets ; vérifiez que ce jour existe dans ce mois
unknown-field = champ inconnu `{ $field }`
unknown-field-landed = ceci est tombé dans la dernière entrée [[{ $table }]]
unknown-field-landed-help = en TOML, chaque clé écrite après une ligne [[{ $table }]] appartient à cette entrée jusqu'à la ligne [table] suivante ; placez `{ $field }` au-dessus de la première ligne [[{ $table }]], dans [{ $home }]
unknown-field-landed-top-help = en TOML, chaque clé écrite après une ligne [[{ $table }]] appartient à cette entrée jusqu'à la ligne [table] suivante ; placez `{ $field }` au-dessus de la première ligne [[{ $table }]], en haut du fichier
unknown-field-rename = remplacez `{ $field }` par `{ $name }`
unknown-field-label = ne fait pas partie du format du fichier de données
unknown-field-none-help = supprimez-le, ou consultez la description du fichier de données dans le README
unknown-field-known = les champs connus ici sont : { $fields }

## Control characters in a text

control-character = le texte contient un caractère de contrôle, { $name }
control-character-label = { $code } ici
control-character-help = enlevez-le : les caractères de contrôle sont des commandes du clavier, pas du texte (une touche flèche pressée en écrivant laisse ESC [ D) ; retapez les mots
control-nul = NUL (nul)
control-bel = BEL (sonnerie)
control-bs = BS (retour arrière)
control-vt = VT (tabulation verticale)
control-ff = FF (saut de page)
control-cr = CR (un retour chariot sans saut de ligne)
control-esc = ESC (échappement, ce qu'envoient les touches flèches)
control-del = DEL (suppression)
control-csi = CSI (début d'une séquence de contrôle)
control-c0 = un caractère de contrôle C0
control-c1 = un caractère de contrôle C1

## Dates and times that cannot be read

month-name =
    { $month ->
        [1] janvier
        [2] février
        [3] mars
        [4] avril
        [5] mai
        [6] juin
        [7] juillet
        [8] août
        [9] septembre
        [10] octobre
        [11] novembre
       *[12] décembre
    }
weekday =
    { $day ->
        [1] lundi
        [2] mardi
        [3] mercredi
        [4] jeudi
        [5] vendredi
        [6] samedi
       *[7] dimanche
    }
day-in-words = { $day } { $month } { $year }
weekday-and-day = { $day }
day-and-time = { $day } à { $time }
date-only = `{ $field }` doit être une date seulement
date-only-label = une date sans heure
date-only-help = écrivez-la sous la forme année-mois-jour, sans guillemets : 2024-05-01
not-a-real-date = { $date } n'est pas une date qui existe
not-a-real-date-label = ce jour n'est pas dans le calendrier
not-a-real-date-help = vérifiez le jour et le mois : année-mois-jour, comme 1956-03-14
two-ways = « { $written } » se lit de deux façons : { $one } ou { $other } ?
two-ways-label = le jour et le mois peuvent être inversés
two-ways-help = écrivez le mois en lettres, comme « { $one } », ou année-mois-jour sans guillemets
unreadable-date-label = ce n'est pas une date lisible
unreadable-date-help = écrivez une date sous la forme année-mois-jour sans guillemets : 1950-04-04
visit-form = `visit.when` doit être une date, ou une date et une heure, sans fuseau horaire
visit-form-help = écrivez 2026-12-02 ou 2026-12-02T09:30:00 sans guillemets et sans fuseau horaire
unreadable-time = « { $written } » n'est pas une heure lisible
unreadable-time-label = ce n'est pas une heure
unreadable-time-help = écrivez l'heure comme 03:10:00 sans guillemets, ou "3:10am"
time-only = `{ $field }` doit être une heure de la journée
time-only-help = écrivez l'heure sans guillemets, comme 03:10:00
date-none = Il n'y a aucune date.
date-wrong-weekday = Le { $date } est un { $weekday }, pas un { $named } : vérifiez la date, s'il vous plaît.
visit-time-may-follow = { $problem } Une heure peut suivre, comme 2026-12-10T09:30:00.
date-unreadable = « { $written } » n'est pas une date que je sais lire ; écrivez-la sous la forme 1950-04-04.
date-no-such-day = « { $written } » n'est pas un jour du calendrier : { $month } { $year } n'a pas de jour { $day }.
date-no-such-month = « { $written } » n'est pas un jour du calendrier : il n'y a pas de mois { $month }.
date-year-in-full = « { $written } » doit avoir l'année complète, en quatre chiffres, comme 1950-04-04.
date-neither-way = « { $written } » n'est pas un jour du calendrier, ni en lisant le jour d'abord, ni le mois d'abord.
date-counts-from-today = « { $text } » se compte à partir d'aujourd'hui, et un fichier enregistré ne sait pas quel jour on est ; écrivez la date elle-même, comme 1950-04-04.
date-out-of-calendar = Cette date est hors du calendrier.

## A file that cannot be read as text

file-folder = c'est un dossier, pas un fichier de données
file-folder-help = indiquez le fichier .toml
file-too-large = le fichier fait plus de 1 Mio ; un fichier de données fait au plus 1 Mio
file-too-large-help = est-ce le bon fichier ? Un fichier de données est un texte court
file-not-found = le fichier est introuvable
file-not-found-help = vérifiez le nom du fichier et le dossier où il se trouve
file-unreadable = impossible de lire le fichier : { $error }
file-unreadable-help = vérifiez les droits d'accès au fichier
file-not-utf8 = le fichier n'est pas du texte UTF-8 (octet incorrect à la ligne { $line }, colonne { $column })
file-not-utf8-help = enregistrez le fichier en texte UTF-8 dans votre éditeur (« Enregistrer sous » → encodage UTF-8)
