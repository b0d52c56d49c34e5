# The interview's words in Spanish: its questions, hints, read-back and answers it understands.
# Written for an older person, as "usted". "Intro" is the key a Spanish keyboard names so.

## The start

intro-title = Preparación de su consulta: { $guide }
intro-how = Conteste cada pregunta y pulse la tecla Intro. Si no quiere o no sabe contestar, pulse Intro sin escribir nada: la hoja tendrá líneas para escribir la respuesta a mano. Al final verá todas sus respuestas y podrá cambiar cualquiera antes de guardar nada.
intro-keys = Las flechas mueven el cursor por la línea; la flecha hacia arriba trae una respuesta anterior. Para salir sin guardar nada, pulse Ctrl+C.
intro-guide-in-english = Las preguntas de esta guía todavía no están en español, así que se las hacemos en inglés.

## The parts of the interview, each under its heading

part-about-you = Sobre usted
part-doctor =
    { $count ->
        [one] La pregunta que probablemente le hará el médico
       *[other] Las { $count } preguntas que probablemente le hará el médico
    }
part-doctor-how = Conteste con sus propias palabras, en una sola línea.
part-medicines = Sus medicamentos
part-medicines-how = Un medicamento cada vez, como viene en la caja: el nombre, la dosis y cada cuánto lo toma, en una línea (por ejemplo: Omeprazol 20 mg una vez al día). Cuando termine, pulse Intro sin escribir nada. Si no toma ninguno, escriba «ninguno».
part-own-questions = Sus propias preguntas para el médico
part-own-questions-how = Una pregunta cada vez. Cuando termine, pulse Intro sin escribir nada.
part-visit = La consulta
part-people = Alergias, otras enfermedades y quién le acompaña
part-what-matters = Lo que más le importa

## The questions about the patient and the visit

ask-name = Su nombre completo:
name-placeholder = (Se guarda como «{ $placeholder }»: escriba su nombre en el archivo más tarde.)
ask-born = Fecha de nacimiento (por ejemplo: 14 de marzo de 1956):
ask-sex = Su sexo (mujer, hombre, o dígalo con sus palabras; Intro para pasar):
ask-pregnant = ¿Está embarazada? (sí/no; Intro para pasar)
ask-pregnancy-week = ¿De cuántas semanas está embarazada? (de 1 a 45; Intro para pasar)
not-a-week = «{ $text }» no es una semana de embarazo: escriba un número entero de 1 a 45.
ask-phone = Su número de teléfono (Intro para pasar):
ask-visit = Fecha de la consulta, y la hora si la sabe (por ejemplo: 10 de diciembre de 2026 a las 9:30):
ask-clinic = Centro de salud u hospital (por ejemplo: Hospital San Juan):
ask-department = Servicio o especialidad (por ejemplo: Neurología):
ask-reason = ¿Por qué va a la consulta? Dígalo en una o dos frases (por ejemplo: Calambres fuertes en las piernas por la noche.)
allergies-how = Alergias a medicamentos, alimentos u otras cosas, una cada vez, y lo que le pasa (por ejemplo: penicilina (granos en la piel)). Cuando termine, pulse Intro sin escribir nada. Si no tiene ninguna, escriba «ninguna».
illnesses-how = Otras enfermedades por las que le tratan, una cada vez (por ejemplo: tensión alta). Si no tiene ninguna, escriba «ninguna».
ask-companion = ¿Quién va con usted? (por ejemplo: mi hija Ana; Intro si va solo o sola):
ask-emergency-contact = Alguien a quien llamar si pasa algo, con su teléfono (Intro para pasar):
ask-language = El idioma que mejor habla, si el médico puede no hablarlo (Intro para pasar):
needs-how = Lo que le ayuda en la consulta, una cosa cada vez (por ejemplo: gafas para leer, un audífono, un intérprete, una silla de ruedas). Cuando termine, pulse Intro sin escribir nada.
ask-filled-in-by = Si está contestando por otra persona: su nombre, y qué es usted de ella (por ejemplo: Ana Prueba (hija); Intro si es para usted):
concerns-how = ¿Qué es lo que más le preocupa de su problema de salud? Una preocupación cada vez, la más importante primero (las tres primeras van en la primera página de la hoja). Cuando termine, pulse Intro sin escribir nada.
ask-goal = ¿Qué espera conseguir en la consulta? (por ejemplo: Volver a dormir toda la noche.)
hint-medicines-asked-after = Después de estas preguntas le pediremos sus medicamentos, uno por uno.

## Lists: one item a question, numbered

list-item = { $what } { $n } (Intro cuando termine):
list-item-again = { $what } { $n } (Intro para quitarlo):
item-medicine = Medicamento
item-question = Pregunta
item-allergy = Alergia
item-illness = Enfermedad
item-need = Ayuda
item-worry = Preocupación

## One medicine

medicine-name = Nombre:
medicine-dose = Dosis:
medicine-how-often = Cada cuánto:
medicine-not-given = (no lo ha dicho)
medicine-right = ¿Está bien así? (sí/no)
ask-dose = Dosis (por ejemplo: 20 mg):
ask-how-often = Cada cuánto lo toma (por ejemplo: cada mañana):
ask-medicine-reason = Para qué lo toma:

## Dates read back, and dates that cannot be

date-with-weekday = { $weekday } { $date }
date-at-time = { $date } a las { $time }
date-is = Eso es el { $date }. ¿Está bien? (sí/no)
choose-one = ¿Quiere decir el { $first } o el { $second }? (escriba 1 o 2)
choose-again = Escriba 1 para el { $first } o 2 para el { $second } (no «{ $text }»).
born-in-future = El { $date } todavía no ha llegado: no puede ser su fecha de nacimiento. Mire bien el año.
born-after-visit = La consulta ({ $visit }) sería antes de esta fecha de nacimiento ({ $born }).
visit-before-birth = La consulta ({ $visit }) sería antes de su fecha de nacimiento ({ $born }).
visit-too-far = El { $visit } es dentro de más de un año. Mire bien el año.
date-not-read = No entiendo «{ $text }» como fecha. Escríbala así: 14 de marzo de 1956, o 14/03/1956.
visit-not-read = No entiendo «{ $text }» como fecha. Escríbala así: 10 de diciembre de 2026 a las 9:30.

## Answers not understood

try-again = Pruebe otra vez, o pulse Intro para pasar.
answer-yes-or-no = Conteste sí o no, por favor (no «{ $text }»).
not-text-keys = Esa respuesta tiene teclas que no son letras («{ $text }»), como una flecha o la tecla Esc pulsada donde la línea no se puede cambiar. Escríbala otra vez, por favor.
not-utf8 = No se puede leer como texto (no está en UTF-8). Escríbalo otra vez, por favor.

## The read-back: every answer, numbered

read-back-title = Sus respuestas
read-back-entry = { $label }: { $value }
# What the read-back says, and the line to edit holds, where there are none.
none-item-medicine = ninguno
none-item-allergy = ninguna
none-item-illness = ninguna
sex-female = mujer
sex-male = hombre
read-back-yes = sí
read-back-no = no
read-back-pregnant-week = sí, de { $week } semanas
read-back-medicine-for = { $medicine } (para { $reason })
read-back-skipped = Sin contestar: { $numbers }.
read-back-range = { $first } a { $last }
read-back-how = Para cambiar una respuesta, o contestar una pregunta que dejó sin contestar, escriba su número y pulse Intro. Si todo está bien, pulse Intro sin escribir nada.
ask-number = Número que quiere cambiar:
no-such-answer = No hay ninguna respuesta «{ $text }»: escriba un número del 1 al { $count }, o pulse Intro si todo está bien.
label-name = Su nombre
label-born = Fecha de nacimiento
label-sex = Sexo
label-pregnant = Embarazada
label-phone = Su teléfono
label-medicines = Medicamentos
label-own-questions = Sus preguntas
label-visit = La consulta
label-clinic = Centro de salud u hospital
label-department = Servicio
label-reason = Por qué va
label-allergies = Alergias
label-illnesses = Otras enfermedades
label-companion = Quién va con usted
label-emergency-contact = Si pasa algo, llamar a
label-language = El idioma que mejor habla
label-needs = Lo que le ayuda
label-filled-in-by = Contestado por
label-concerns = Lo que le preocupa
label-goal = Lo que espera

## Answers the interview understands, separated by commas, in lower case

words-yes = sí, si, s, claro, vale, correcto, eso es
words-no = no, n, incorrecto
words-female = mujer, una mujer, femenino, femenina, f
words-male = hombre, un hombre, varón, masculino, h
words-none = ninguno, ninguna, nada, nada más, ninguno más, ninguna más, no tengo, no tengo ninguna, no tengo ninguno, no tomo nada, no tomo ninguno, no tengo alergias, sin alergias, ninguna conocida, que yo sepa no
words-done = listo, lista, ya, vale, bien, está bien, todo bien, terminado, ok

## The end

wrote = Guardado en { $file }. Cada pregunta que dejó sin contestar sale en la hoja con líneas para escribir a mano.
next-check = Para ver lo que falta:
next-render = Para hacer la hoja de la consulta:
written-has-problem = el archivo guardado tiene un problema:
stopped-interrupted = Parado con Ctrl+C: no se ha guardado nada.
stop-interrupted = parado con Ctrl+C
stop-input-ended = las respuestas se acabaron antes del final de la entrevista
stopped-input-ended = Las respuestas se acabaron antes del final de la entrevista: no se ha guardado nada.
