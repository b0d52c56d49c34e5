# Les mots du formulaire web de `visitprep serve`. Les exemples des aides
# (`form-example-*`) doivent être des dates et des heures que le programme lit dans cette langue.

form-title = Préparer votre consultation
form-page-title = Préparer votre consultation : { $guide }
form-page-title-problems = Vérifiez vos réponses : Préparer votre consultation : { $guide }
form-summary-title = { $count ->
    [one] Vérifiez { $count } réponse
   *[other] Vérifiez { $count } réponses
}
form-summary-item = { $label } : { $message }
form-intro = Remplissez ce que vous savez et laissez le reste : une réponse vide est imprimée avec des lignes pour écrire à la main. Ce que vous tapez reste sur cet ordinateur et n'est envoyé nulle part. Rien n'est gardé quand cette fenêtre est fermée : enregistrez donc vos réponses si vous voulez y revenir.
form-continue-title = Reprendre là où vous en étiez
form-file-label = Vos réponses enregistrées, ou une feuille de consultation faite avant
form-file-hint = Un fichier enregistré avec « Enregistrer mes réponses » (qui finit par .toml), ou une feuille de consultation (qui finit par .pdf). Il remplace ce qui est sur cette page.
form-open-file = Ouvrir ce fichier
form-check-bar = Vous pouvez vérifier vos réponses à tout moment.
form-check = Vérifier mes réponses
form-guide-title = L'objet de la consultation
form-guide-label = Le sujet de la feuille
form-guide-hint = Les questions plus bas changent avec lui.
form-guide-show = Afficher les questions de ce sujet
form-guide-untranslated = Les questions du sujet « { $guide } » ne sont pas encore traduites en français : elles sont donc en anglais.
form-make-sheet = Faire ma feuille de consultation
form-make-sheet-hint = La feuille s'ouvre en fichier PDF, prête à imprimer.
form-save = Enregistrer mes réponses
form-save-hint = Enregistre un fichier que vous pourrez rouvrir ici plus tard, ou donner à visitprep.
form-problem = Problème :
form-note = À noter :
form-which-date = De quelle date parlez-vous ?
form-move-up = Monter
form-remove = Retirer

# Exemples des aides.
form-example-born = 14 mars 1956
form-example-since = 1er mai 2024
form-example-night = 3 novembre 2026
form-example-time = 2h40
form-example-visit = 2 décembre 2026 à 9h30
# Une date réécrite dans une case, telle que le programme la relit.
form-date-with-weekday = { $weekday } { $date }
form-date-at-time = { $date } à { $time }

form-about = À propos de vous
form-name-label = Vos nom et prénom
form-name-hint = Comme sur votre carte d'assurance maladie.
form-born-label = Date de naissance
form-born-hint = Comme vous l'écrivez d'habitude, par exemple { $example }.
form-sex-label = Sexe
form-sex-hint = Comme vous le diriez au médecin, par exemple femme.
form-pregnant-label = Je suis enceinte
form-pregnant-hint = Cochez cette case si vous êtes enceinte en ce moment : la feuille aura alors les questions et les conseils pour la grossesse.
form-week-label = Si vous êtes enceinte : à quelle semaine de grossesse êtes-vous ?
form-week-hint = Un nombre entier de 1 à 45.
form-phone-label = Votre numéro de téléphone
form-phone-hint = Par exemple +33 1 23 45 67 89.

form-answers-title = Les questions que le médecin vous posera sans doute
form-answers-intro = Répondez avec vos propres mots. Une question laissée vide est imprimée avec des lignes pour écrire à la main.
form-only-if-pregnant = Seulement si vous êtes enceinte.

form-medicines = Vos médicaments
form-medicines-hint = Un médicament à la fois, comme il est écrit sur la boîte. Laissez une ligne vide si vous n'en avez pas besoin.
form-medicine-n = Médicament { $n }
form-remove-medicine = Retirer le médicament { $n }
form-add-medicine = Ajouter un autre médicament
form-med-name-label = Nom du médicament
form-med-name-hint = Comme il est écrit sur la boîte.
form-med-dose-label = Combien à chaque fois
form-med-dose-hint = Par exemple 12,5 mg.
form-med-often-label = À quelle fréquence
form-med-often-hint = Par exemple tous les matins.
form-med-since-label = Pris depuis
form-med-since-hint = La date à laquelle vous avez commencé, par exemple { $example }.
form-med-reason-label = À quoi il sert
form-med-note-label = Autre chose à son sujet
form-med-as-needed = Je le prends seulement quand j'en ai besoin

form-diary-title = Mon journal des symptômes
form-diary-hint = Une ligne pour chaque nuit avec des symptômes.
form-night-n = Nuit { $n }
form-remove-night = Retirer la nuit { $n }
form-add-night = Ajouter une autre nuit
form-night-label = La nuit
form-night-hint = Par exemple { $example }.
form-at-label = L'heure à laquelle cela a commencé
form-at-hint = Par exemple { $example }.
form-minutes-label = Combien de temps cela a duré, en minutes
form-where-label = À quel endroit du corps
form-where-hint = Par exemple le mollet droit.
form-severity-label = À quel point c'était fort, de 0 à 10
form-severity-hint = 0, c'est aucune douleur ; 10, c'est la pire douleur que vous puissiez imaginer.
form-night-note-label = Autre chose sur cette nuit

form-own-title = Vos propres questions
form-own-legend = Vos propres questions pour le médecin
form-own-hint = Une question dans chaque case. Chacune est imprimée avec de la place pour la réponse.
form-question-n = Question { $n }
form-add-question = Ajouter une autre question
form-suggested-legend = Les questions proposées par la feuille
form-suggested-hint = La feuille imprime aussi ces questions, pour que vous les posiez. Décochez celles que vous ne voulez pas.

form-visit-title = La consultation
form-when-label = Date de la consultation
form-when-hint = Avec l'heure si vous la connaissez, par exemple { $example }.
form-clinic-label = Cabinet, clinique ou hôpital
form-clinic-hint = Par exemple Hôpital Saint-Louis.
form-department-label = Service
form-department-hint = Ou le type de médecin, par exemple Neurologie.
form-doctor-label = Le nom du médecin
form-doctor-hint = Si vous le connaissez.
form-reason-label = Pourquoi y allez-vous ?
form-reason-hint = En une ou deux phrases, par exemple : Des crampes douloureuses dans les mollets la nuit.

form-health-title = Allergies, autres maladies et les personnes qui vous accompagnent
form-allergies-legend = Allergies
form-allergies-hint = À des médicaments, des aliments ou autre chose, avec ce qui se passe, par exemple pénicilline (boutons). Écrivez aucune si vous n'en avez pas.
form-allergy-n = Allergie { $n }
form-add-allergy = Ajouter une autre allergie
form-conditions-legend = Autres maladies
form-conditions-hint = Les maladies pour lesquelles vous êtes soigné, par exemple de la tension.
form-illness-n = Maladie { $n }
form-add-illness = Ajouter une autre maladie
form-health-notes-label = Autre chose que le médecin devrait savoir
form-health-notes-hint = Par exemple une opération que vous avez eue.
form-companion-label = Qui vient avec vous ?
form-companion-hint = Par exemple ma fille Anne. Laissez vide si personne ne vient.
form-emergency-label = Une personne à appeler en cas d'urgence
form-emergency-hint = Son nom et son numéro de téléphone.
form-language-label = La langue que vous parlez le mieux
form-language-hint = Au cas où le médecin ne la parle pas.
form-needs-legend = Ce qui vous aide à prendre part à la consultation
form-needs-hint = Par exemple des lunettes pour lire, un appareil auditif, un interprète, un fauteuil roulant, plus de temps.
form-need-n = Besoin { $n }
form-add-need = Ajouter un autre besoin
form-filled-by-label = Si vous remplissez ceci pour quelqu'un d'autre : votre nom, et qui vous êtes pour cette personne
form-filled-by-hint = Par exemple Anne Exemple (fille). Laissez vide si c'est pour vous.

form-matters-title = Ce qui compte le plus pour vous
form-concerns-legend = Qu'est-ce qui vous inquiète le plus ?
form-concerns-hint = Une inquiétude dans chaque case, la plus importante d'abord : les trois premières vont sur la première page de la feuille. Utilisez Monter pour changer l'ordre.
form-worry-n = Inquiétude { $n }
form-add-worry = Ajouter une autre inquiétude
form-goal-label = Qu'attendez-vous de la consultation ?
form-goal-hint = Par exemple : Dormir de nouveau toute la nuit.

form-checklist-title = Se préparer
form-checklist-legend = Ce que vous avez déjà fait
form-checklist-hint = Ce qui est coché est imprimé coché sur la feuille.
form-your-companion = la personne qui vous accompagne

form-sheet-title = Votre feuille
form-paper-legend = Format du papier
form-paper-a4 = A4
form-paper-letter = Lettre US
form-print-legend = Taille des caractères
form-print-normal = Normale
form-print-large = Gros caractères
form-print-x-large = Très gros caractères
form-diary-page = Ajouter une page de journal vide à remplir à la main

# Ce que la page dit en haut.
form-not-saved = Vos réponses ne sont pas encore enregistrées : regardez d'abord les réponses signalées.
form-no-mistakes = Aucune erreur trouvée. Vous pouvez faire votre feuille de consultation maintenant.
form-topic-unusable = Le sujet n'a pas pu être utilisé : { $error }
form-sheet-failed = La feuille n'a pas pu être faite : { $error }
form-page-failed = La page n'a pas pu être faite : { $error }
form-guide-problem = Le guide a un problème : { $message }
form-choose-file = Choisissez d'abord un fichier, puis appuyez sur « Ouvrir ce fichier ».
form-the-file = le fichier
form-not-opened = { $file } n'a pas pu être ouvert : { $why }
form-filled-in = Vos réponses de { $file } sont remplies ci-dessous. Vérifiez-les, puis faites votre feuille de consultation.
form-file-problem = { $file } : { $message }
form-file-problem-at = { $file } (ligne { $line }, colonne { $column }) : { $message }
form-pdf-not-sheet = c'est un PDF, mais pas une feuille de consultation dont on peut lire les réponses ({ $error })
form-pdf-no-answers = c'est un PDF sans réponses à l'intérieur : seule une feuille faite par visitprep en contient
form-file-too-large = il fait plus de 1 Mio, trop pour être des réponses enregistrées
form-not-text = ce n'est ni un fichier texte de réponses enregistrées (.toml) ni une feuille de consultation (.pdf)

# Ce qui est dit à côté d'une case.
form-read-as = « { $text } » a été lu comme { $date }. Vérifiez que c'est juste.
form-two-dates = « { $text } » peut se lire comme deux dates. Laquelle voulez-vous dire ?
form-not-time = « { $text } » n'est pas une heure. Écrivez-la comme 3h10, 03:10 ou 15h10.
form-not-week = « { $text } » n'est pas un nombre. Écrivez la semaine, de 1 à 45.
form-not-severity = « { $text } » n'est pas un nombre. Écrivez un nombre entier de 0 à 10.
form-not-minutes = « { $text } » n'est pas un nombre de minutes. Écrivez un nombre, par exemple 4.
form-night-missing = Écrivez de quelle nuit il s'agit, par exemple { $example }.

# Les courtes pages du serveur lui-même.
form-refused-title = Pas possible
form-refused-host = Cette adresse appartient à un autre nom. Ouvrez l'adresse affichée par visitprep serve.
form-refused-secret = Il n'y a pas de page ici. Ouvrez l'adresse entière affichée par visitprep serve, avec sa longue partie secrète.
form-refused-origin = Les réponses ne sont acceptées que depuis le formulaire de cette page.
form-refused-no-page = Il n'y a pas de page ici.
form-refused-too-large = Cela fait plus de { $kb } Ko, trop pour être des réponses enregistrées ou une feuille faite ici. Si c'est une de vos feuilles, sortez-en les réponses avec `visitprep extract FEUILLE.pdf` et ouvrez ce fichier.
form-refused-unreadable = Le formulaire n'a pas pu être lu : { $error }.
form-refused-not-multipart = Les réponses sont acceptées telles que le formulaire de la page les envoie (multipart/form-data).
form-back = Retour au formulaire
form-back-more = (le bouton Retour de votre navigateur garde ce que vous avez tapé)

# What `visitprep serve` says on the terminal.
serve-open = le formulaire est ouvert à l'adresse ci-dessus, pour cet ordinateur seulement
serve-how = ouvrez-la dans votre navigateur ; appuyez sur Ctrl+C ici pour arrêter. Rien n'est gardé après l'arrêt : enregistrez vos réponses depuis la page
serve-no-browser = impossible d'ouvrir le navigateur ({ $error }) ; ouvrez l'adresse vous-même
serve-reply-failed = une réponse n'a pas pu être envoyée : { $error }
serve-stopped = arrêté : le formulaire est fermé, et rien n'en a été gardé
