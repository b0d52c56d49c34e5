# The interview's words in French: its questions, hints, read-back and answers it understands.
# Written for an older person, as "vous", with the space French sets before : ? and !.

## The start

intro-title = Préparer votre consultation : { $guide }
intro-how = Répondez à chaque question, puis appuyez sur la touche Entrée. Pour passer une question, appuyez sur Entrée sans rien écrire : la feuille aura des lignes pour écrire la réponse à la main. À la fin, vous verrez toutes vos réponses et pourrez en changer avant que rien ne soit enregistré.
intro-keys = Les flèches déplacent le curseur sur la ligne ; la flèche vers le haut rappelle une réponse déjà donnée. Pour arrêter sans rien enregistrer, appuyez sur Ctrl+C.
intro-guide-in-english = Les questions de ce guide ne sont pas encore traduites en français : elles vous sont posées en anglais.

## The parts of the interview, each under its heading

part-about-you = À propos de vous
part-doctor =
    { $count ->
        [one] La question que le médecin vous posera sans doute
       *[other] Les { $count } questions que le médecin vous posera sans doute
    }
part-doctor-how = Répondez avec vos propres mots, sur une seule ligne.
part-medicines = Vos médicaments
part-medicines-how = Un médicament à la fois, comme sur la boîte : le nom, la dose et quand vous le prenez, sur une ligne (par exemple : Doliprane 1000 mg trois fois par jour). Quand vous avez fini, appuyez sur Entrée sans rien écrire. Si vous n'en prenez aucun, écrivez « aucun ».
part-own-questions = Vos questions pour le médecin
part-own-questions-how = Une question à la fois. Quand vous avez fini, appuyez sur Entrée sans rien écrire.
part-visit = La consultation
part-people = Allergies, autres maladies, et qui vous accompagne
part-what-matters = Ce qui compte le plus pour vous

## The questions about the patient and the visit

ask-name = Votre nom complet :
name-placeholder = (Enregistré comme « { $placeholder } » : écrivez votre nom dans le fichier plus tard.)
ask-born = Date de naissance (par exemple : 14 mars 1956) :
ask-sex = Votre sexe (femme, homme, ou avec vos mots ; Entrée pour passer) :
ask-pregnant = Êtes-vous enceinte ? (oui/non ; Entrée pour passer)
ask-pregnancy-week = À quelle semaine de grossesse êtes-vous ? (de 1 à 45 ; Entrée pour passer)
not-a-week = « { $text } » n'est pas une semaine de grossesse : écrivez un nombre entier de 1 à 45.
ask-phone = Votre numéro de téléphone (Entrée pour passer) :
ask-visit = Date de la consultation, avec l'heure si vous la connaissez (par exemple : 10 décembre 2026 à 9h30) :
ask-clinic = Cabinet, clinique ou hôpital (par exemple : Hôpital Saint-Louis) :
ask-department = Service (par exemple : Neurologie) :
ask-reason = Pourquoi allez-vous à la consultation, en une ou deux phrases ? (par exemple : Crampes douloureuses dans les mollets la nuit.)
allergies-how = Allergies à des médicaments, à des aliments ou à autre chose, une à la fois, avec ce qui se passe (par exemple : pénicilline (boutons)). Quand vous avez fini, appuyez sur Entrée sans rien écrire. Si vous n'en avez aucune, écrivez « aucune ».
illnesses-how = Les autres maladies pour lesquelles on vous soigne, une à la fois (par exemple : tension trop haute). Si vous n'en avez aucune, écrivez « aucune ».
ask-companion = Qui vient avec vous ? (par exemple : ma fille Anne ; Entrée si personne) :
ask-emergency-contact = Une personne à appeler en cas d'urgence, avec son numéro (Entrée pour passer) :
ask-language = La langue que vous parlez le mieux, si le médecin ne la parle peut-être pas (Entrée pour passer) :
needs-how = Ce qui vous aide pendant la consultation, une chose à la fois (par exemple : lunettes de lecture, appareil auditif, interprète, fauteuil roulant). Quand vous avez fini, appuyez sur Entrée sans rien écrire.
ask-filled-in-by = Si vous remplissez ceci pour une autre personne : votre nom, et qui vous êtes pour elle (par exemple : Anne Exemple (sa fille) ; Entrée si c'est pour vous) :
concerns-how = Qu'est-ce qui vous inquiète le plus dans votre problème de santé ? Une inquiétude à la fois, la plus importante d'abord (les trois premières vont sur la première page de la feuille). Quand vous avez fini, appuyez sur Entrée sans rien écrire.
ask-goal = Qu'attendez-vous de la consultation ? (par exemple : Dormir de nouveau toute la nuit.)
hint-medicines-asked-after = Après ces questions, on vous demandera vos médicaments, un par un.

## Lists: one item a question, numbered

list-item = { $what } { $n } (Entrée quand vous avez fini) :
list-item-again = { $what } { $n } (Entrée pour l'enlever) :
item-medicine = Médicament
item-question = Question
item-allergy = Allergie
item-illness = Maladie
item-need = Aide
item-worry = Inquiétude

## One medicine

medicine-name = Nom :
medicine-dose = Dose :
medicine-how-often = Quand :
medicine-not-given = (pas donné)
medicine-right = Est-ce bien cela ? (oui/non)
ask-dose = Dose (par exemple : 500 mg) :
ask-how-often = Quand vous le prenez (par exemple : chaque matin) :
ask-medicine-reason = Pour quoi vous le prenez :

## Dates read back, and dates that cannot be

date-with-weekday = { $weekday } { $date }
date-at-time = { $date } à { $time }
date-is = C'est le { $date }. Est-ce bien cela ? (oui/non)
choose-one = Voulez-vous dire le { $first } ou le { $second } ? (tapez 1 ou 2)
choose-again = Tapez 1 pour le { $first } ou 2 pour le { $second } (pas « { $text } »).
born-in-future = Le { $date } n'est pas encore arrivé : ce ne peut pas être une date de naissance. Vérifiez l'année.
born-after-visit = La consultation ({ $visit }) serait avant cette date de naissance ({ $born }).
visit-before-birth = La consultation ({ $visit }) serait avant votre date de naissance ({ $born }).
visit-too-far = Le { $visit } est dans plus d'un an. Vérifiez l'année.
date-not-read = Je ne comprends pas « { $text } » comme une date. Écrivez-la ainsi : 14 mars 1956, ou 14/03/1956.
visit-not-read = Je ne comprends pas « { $text } » comme une date. Écrivez-la ainsi : 10 décembre 2026 à 9h30.

## Answers not understood

try-again = Essayez encore, ou appuyez sur Entrée pour passer.
answer-yes-or-no = Répondez oui ou non, s'il vous plaît (pas « { $text } »).
not-text-keys = Cette réponse contient des touches qui ne sont pas du texte (« { $text } »), comme une flèche ou la touche Échap tapée là où la ligne ne peut pas être modifiée. Tapez-la de nouveau, s'il vous plaît.
not-utf8 = Ceci ne peut pas être lu comme du texte (ce n'est pas de l'UTF-8). Tapez-le de nouveau, s'il vous plaît.

## The read-back: every answer, numbered

read-back-title = Vos réponses
read-back-entry = { $label } : { $value }
# What the read-back says, and the line to edit holds, where there are none.
none-item-medicine = aucun
none-item-allergy = aucune
none-item-illness = aucune
sex-female = femme
sex-male = homme
read-back-yes = oui
read-back-no = non
read-back-pregnant-week = oui, semaine { $week }
read-back-medicine-for = { $medicine } (pour { $reason })
read-back-skipped = Sans réponse : { $numbers }.
read-back-range = { $first } à { $last }
read-back-how = Pour changer une réponse, ou répondre à une question passée, tapez son numéro puis Entrée. Si tout est juste, appuyez sur Entrée sans rien écrire.
ask-number = Numéro à changer :
no-such-answer = Il n'y a pas de réponse « { $text } » : tapez un numéro de 1 à { $count }, ou appuyez sur Entrée si tout est juste.
label-name = Votre nom
label-born = Date de naissance
label-sex = Sexe
label-pregnant = Enceinte
label-phone = Votre téléphone
label-medicines = Médicaments
label-own-questions = Vos questions
label-visit = La consultation
label-clinic = Cabinet, clinique ou hôpital
label-department = Service
label-reason = Pourquoi vous y allez
label-allergies = Allergies
label-illnesses = Autres maladies
label-companion = Vient avec vous
label-emergency-contact = En cas d'urgence, appeler
label-language = Langue que vous parlez le mieux
label-needs = Ce qui vous aide
label-filled-in-by = Rempli par
label-concerns = Vos inquiétudes
label-goal = Ce que vous espérez

## Answers the interview understands, separated by commas, in lower case

words-yes = oui, o, ouais, d'accord, exact, c'est ça
words-no = non, n, faux
words-female = femme, une femme, féminin, f
words-male = homme, un homme, masculin, h, m
words-none = aucun, aucune, rien, non, néant, rien d'autre, aucun autre, aucune autre, je n'en ai pas, je n'en prends pas, pas d'allergie, aucune allergie, aucun médicament, pas de médicament
words-done = fini, terminé, ok, d'accord, c'est bon, c'est tout, tout est juste

## The end

wrote = Enregistré dans { $file }. Chaque question passée est imprimée avec des lignes pour écrire à la main.
next-check = Pour voir ce qui manque encore :
next-render = Pour faire la feuille de consultation :
written-has-problem = le fichier enregistré a un problème :
stopped-interrupted = Arrêté avec Ctrl+C : rien n'a été enregistré.
stop-interrupted = arrêté avec Ctrl+C
stop-input-ended = les réponses se sont arrêtées avant la fin de l'entretien
stopped-input-ended = Les réponses se sont arrêtées avant la fin de l'entretien : rien n'a été enregistré.
