# Las palabras propias de la hoja, en español. Cada mensaje del catálogo inglés (en.ftl)
# está también aquí (tests/catalogues.rs); las palabras del paciente y de la guía nunca
# vienen de aquí.

## Números y fechas

decimal-mark = ,
date-long = { $day } de { $month } de { $year }
date-short = { $day } { $month } { $year }
date-day-month = { $day } de { $month }
date-short-day-month = { $day } { $month }
date-month-year = { $month } { $year }
date-month-short-year = { $month } { $yy }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
month-short-1 = ene
month-short-2 = feb
month-short-3 = mar
month-short-4 = abr
month-short-5 = may
month-short-6 = jun
month-short-7 = jul
month-short-8 = ago
month-short-9 = sept
month-short-10 = oct
month-short-11 = nov
month-short-12 = dic
weekday-1 = lunes
weekday-2 = martes
weekday-3 = miércoles
weekday-4 = jueves
weekday-5 = viernes
weekday-6 = sábado
weekday-7 = domingo
weekday-short-1 = lun
weekday-short-2 = mar
weekday-short-3 = mié
weekday-short-4 = jue
weekday-short-5 = vie
weekday-short-6 = sáb
weekday-short-7 = dom
weekday-date = { $weekday } { $date }
date-time = { $date }, { $time }

## En cada página

page-of = Página { $n } de { $total }
footer = Hoja de consulta de { $name } · hecha el { $date }
box-done = Hecho:{" "}
box-not-done = Sin hacer:{" "}

## La descripción del documento

meta-title = Hoja de consulta: { $condition } - { $name }
meta-subject-day-clinic = { $condition }: consulta el { $day } en { $clinic }
meta-subject-day = { $condition }: consulta el { $day }
meta-subject-clinic = { $condition }: consulta en { $clinic }
meta-subject = { $condition }: notas para la consulta médica
meta-keyword = hoja de consulta

## Un texto largo cortado en la página 1

continued-on-page = {" "}… (sigue en la página { $page })
in-full-on-page = {" "}… (completo en la página { $page })
in-full-on-page-after = {" "}(completo en la página { $page })
go-to-page = Ir a la página { $page }

## Página 1: el resumen para el médico

summary-heading = Resumen para el médico: { $condition }
filled-in-by = Rellenado por { $who } antes de la consulta
filled-in-by-patient = Rellenado por el paciente antes de la consulta
summary-note = { $by }, con las palabras del paciente. Esta página es un resumen. Detalles: páginas { $from }–{ $to }.
label-patient = Paciente
label-pregnant = Embarazo
pregnant-week = Sí, semana { $week }
pregnant-no-week = Sí (semana no indicada)
pregnant-yes = Sí
label-visit = Consulta
label-speaks-best = Habla mejor
label-needs = Necesita
age-at-visit-born = { $age } años el día de la consulta (nació el { $born })
age-born = { $age } años (nació el { $born })
allergies-label = Alergias:{" "}
no-known-allergies = Sin alergias conocidas (según el paciente)
allergies-not-stated = no indicadas (pregunte al paciente)
label-reason = Motivo
not-answered = sin respuesta
concerns-more = {"\u000A"}… y { $more } más, ver la página { $page }
label-concerns = Le preocupa
label-hopes-for = Espera
label-not-answered = Sin respuesta
warning-signs = Señales de alarma con las palabras del paciente:
warning-sign = Señal de alarma
told-emergency = se le indicó llamar ahora al número de emergencias
told-today = se le indicó que lo vea un médico hoy
told-appointment = se le indicó comentarlo en esta consulta
sign-place-reason = motivo
sign-place-concern = preocupación { $n }
sign-quote = {" "}({ $place }): «{ $quote }»; { $told }
signs-more = {"\u000A"}… y { $more } más, en las respuestas desde la página { $page }
label-medicines = Medicamentos
label-other-illnesses = Enfermedades
no-other-illnesses = ninguna (según el paciente)
not-stated = no indicado
label-diary = Diario
diary-details-on-page = { $diary } (detalles en la página { $page })
no-medicines = Sin medicamentos (según el paciente)
no-medicines-listed = No hay medicamentos en la lista
medicines-more = … y { $more } más, ver la página { $page } (allí con dosis y notas)
medicines-all = Todos completos, con dosis, en la página { $page }
flag-words = posible causa
flag-told = se le indicó al paciente que siga tomando los marcados
flagged-medicines = Marcados, { flag-words }: { $medicines }
flagged-mark = {" "}— { flag-words }
only-when-needed = (solo cuando hace falta)

## Los detalles

details-title = Hoja de consulta
details-subtitle = { $condition }: los detalles
label-born = Nacimiento
born-at-visit = { $born } ({ $age ->
    [one] { $age } año
   *[other] { $age } años
  } el día de la consulta)
born-today = { $born } ({ $age ->
    [one] { $age } año
   *[other] { $age } años
  })
label-sex = Sexo
label-what-helps-me = Lo que me ayuda
label-filled-in-by = Rellenado por
label-allergies = Alergias
label-where = Dónde
label-doctor = Médico
label-coming-with-me = Me acompaña
label-phone = Teléfono
label-language = Idioma
label-in-an-emergency = Si hay urgencia
why-i-am-coming = Por qué vengo
what-worries-me = Lo que me preocupa, lo más importante primero
what-i-hope = Lo que espero de esta consulta
my-answers = Mis respuestas a las preguntas del médico
medicines-in-table = Mis medicamentos están en la tabla de abajo.
my-medicines = Mis medicamentos
i-take-no-medicines = No tomo ningún medicamento.
no-medicines-write = No hay medicamentos en la lista. Escriba los medicamentos, vitaminas o suplementos que toma:
medicine-note = Nota { $letter }: { $class }.{" "}
medicine-may-add = {"\u000A"}Puede favorecer los calambres (nota { $letter }): siga tomándolo; pregunte a su médico
column-medicine = Medicamento
column-dose = Dosis
column-how-often = Cada cuánto
column-since = Desde
column-what-for = Para qué / notas
my-health = Mi salud
other-illnesses = Otras enfermedades y problemas de salud
no-other-illnesses-me = No tengo otras enfermedades.
allergies = Alergias
no-known-allergies-me = Sin alergias conocidas: no sé de ninguna.
allergies-write = No hay nada escrito. Escriba aquí sus alergias, o «ninguna conocida» si no tiene:
other-notes = Otras notas

## La parte del paciente

for-me-title = Para mí
for-me-subtitle = Antes, durante y después de la consulta
before-i-leave-home = Antes de salir de casa
your-companion = su acompañante
checklist-default = Llevar esta hoja, mis medicamentos o sus cajas, y mi tarjeta sanitaria.
seek-care = Cuándo buscar ayuda pronto
tier-emergency = Ahora: llame al número de emergencias
tier-today-booked = Hoy: vaya a un médico, no espere a su consulta
tier-today = Hoy: vaya a un médico
tier-appointment-booked = En su consulta del { $day }: no falte, y dígaselo al médico
tier-appointment = Pronto: pida una cita y dígaselo al médico
my-questions = Mis preguntas para el médico
other-questions = Otras preguntas
good-to-know = Bueno saber
tests-heading = Exámenes y pruebas que el médico puede hacer
after-heading = Después de la consulta: mi plan
after-fill-in = Rellene esto con el médico o la enfermera antes de irse, o pídales que lo escriban.
after-thinks = Lo que el médico cree que es
after-at-home = Qué hacer en casa
after-changes = Cambios en mis medicamentos
column-start-stop = ¿Empezar, dejar o cambiar?
column-how-to-take = Cómo tomarlo
column-why = Por qué
after-tests = Pruebas pedidas, y cómo me llegarán los resultados
after-next = Mi próxima cita
after-whom = A quién llamar si tengo preguntas
say-it-back = Repítalo:{" "}
say-it-back-text = Le he dicho al médico el plan con mis propias palabras, y estaba bien.
about-heading = Sobre este problema de salud
which-department = Qué servicio
departments-can-help = Según la causa, estos servicios pueden ayudar:
booked = Con cita:{" "}
department-booked-inside = { $open }, con cita)
department-booked = { $department } (con cita)
departments-may-fit = Servicios que pueden encajar, según lo que escribí
guide-in-english = Los consejos de la guía en estas páginas están en inglés: aún no se han traducido.

## El diario

diary-title-default = Mi diario de síntomas
chart-per-week = Calambres por semana (las semanas empiezan el lunes)
chart-per-year = Calambres por año
chart-per-month = Calambres por mes
chart-unit = calambres
label-cramps-logged = Calambres anotados
diary-logged = { $count } { $count ->
    [one] anotación
   *[other] anotaciones
  } del { $first } al { $last }
label-how-often = Cada cuánto
label-severity = Intensidad (de 0 a 10)
severity-average = media { $mean }, la peor { $worst }
label-how-long = Cuánto dura
minutes-average = media { $mean } minutos, el más largo { $longest } minutos
label-most-often-in = Casi siempre en
place-of = { $place } ({ $n } de { $count })
label-when-in-night = Cuándo por la noche
night-times = entre las { $early } y las { $late }, casi siempre hacia las { $typical }
about-a-week = unas { $n } por semana
about-a-month = unas { $n } al mes
less-than-monthly = menos de una vez al mes
span-to = del { $first } al { $last }
diary-nights-logged = { $count } { $count ->
    [one] noche anotada
   *[other] noches anotadas
  }, { $span }, { $often }
severity-usually = intensidad casi siempre { $typical } de 10, la peor { $worst }
minutes-each = { $minutes } minutos cada uno
minutes-range = de { $short } a { $long } minutos
mostly-in = casi siempre en { $place } ({ $n } de { $count })
usually-around = casi siempre hacia las { $time }
column-night = Noche
column-time = Hora
column-minutes = Minutos
column-where = Dónde
column-severity = Intensidad
column-note = Nota
grid-heading = { $title }: para rellenar a mano
grid-instructions = Escriba una línea por cada calambre, en cuanto pueda después. Intensidad: 0 es sin dolor, 10 es el peor dolor que pueda imaginar. Traiga esta página a la consulta.
column-woke-me = ¿Me despertó?
column-leg-muscle = Pierna y músculo
column-severity-scale = Intensidad 0–10
column-what-helped = Qué ayudó / qué lo provocó

## El archivo de datos que escribe `visitprep new`: sus notas, y los ejemplos debajo

intake-title = Datos para la consulta: { $guide }
intake-how = Rellene lo que sepa y deje el resto. Las líneas que empiezan con # son notas y no cuentan: para rellenar una línea, quite el # de delante y cambie el ejemplo.
intake-how-text = El texto va entre comillas dobles. Las fechas se escriben año-mes-día, sin comillas.
intake-check-file = Revisar el archivo:
intake-make-sheet = Hacer la hoja:
intake-this-file = ESTE-ARCHIVO
intake-name-to-replace = Su nombre
intake-guide = La guía que sigue este archivo (`visitprep guides` las enumera).
intake-name = Su nombre completo, como en su tarjeta sanitaria.
intake-born = Fecha de nacimiento (su edad se calcula con ella).
intake-sex = Sexo, como se lo diría al médico.
intake-example-sex = mujer
intake-pregnant = ¿Está embarazada? true (sí) o false (no).
intake-pregnancy-week = Si está embarazada: ¿de cuántas semanas (de 1 a 45)?
intake-phone = Su número de teléfono.
intake-language = El idioma en que prefiere hablar con el médico.
intake-example-language = español
intake-emergency-contact = A quién llamar en una urgencia, con su número de teléfono.
intake-example-emergency-contact = Ana Ejemplo (hija), +44 7700 900123
intake-needs = Lo que le ayuda en la consulta, cada cosa entre comillas, separadas por comas: gafas, un audífono, un intérprete, una silla de ruedas, más tiempo. Van en la primera página de la hoja.
intake-example-need-1 = gafas de leer
intake-example-need-2 = intérprete de español
intake-filled-in-by = Si otra persona rellena este archivo por usted: su nombre, y quién es para usted.
intake-example-filled-in-by = Ana Ejemplo (hija)
intake-when = Fecha y hora de la cita (o solo la fecha: 2026-12-02).
intake-clinic = El hospital, la clínica o el centro de salud.
intake-example-clinic = Hospital San Juan
intake-department = El servicio, o el tipo de médico.
intake-example-department = Neurología
intake-doctor = El nombre del médico, si lo sabe.
intake-example-doctor = Dra. Elena Gómez
intake-companion = Quién va con usted (sale en su lista de tareas).
intake-example-companion = Ana (hija)
intake-reason = En una o dos frases: por qué va.
intake-example-reason = Calambres dolorosos en las pantorrillas por la noche.
intake-concerns = Lo que le preocupa, lo más importante primero, cada cosa entre comillas, separadas por comas. Las tres primeras van en la primera página de la hoja.
intake-example-concern-1 = Los calambres me despiertan cada noche.
intake-example-concern-2 = ¿Puede ser por la pastilla para orinar?
intake-goal = Lo que espera de la consulta.
intake-example-goal = Volver a dormir toda la noche.
intake-sheet-language = El idioma de las palabras propias de la hoja: "en" (inglés), "es" (español) o "fr" (francés). Si lo deja fuera, sigue el idioma que usted habla mejor cuando la hoja lo tiene.
intake-answers = Sus respuestas a las preguntas que el médico le hará seguramente. Una pregunta que deje fuera sale con líneas para escribir a mano. Para varias líneas, use tres comillas:
intake-example-first-line = primera línea
intake-example-second-line = segunda línea
intake-only-in-pregnancy = (Solo se pregunta en el embarazo.)
intake-conditions = Otras enfermedades que tiene, cada una entre comillas, separadas por comas.
intake-example-condition-1 = diabetes tipo 2
intake-example-condition-2 = tensión alta
intake-allergies = Alergias, y lo que le pasa.
intake-example-allergy = penicilina (ronchas)
intake-notes = Cualquier otra cosa que el médico deba saber.
intake-example-notes = Operación de cataratas en 2022.
intake-no-known-allergies = ¿No tiene alergias que sepa? Dígalo así, y deje fuera `allergies`.
intake-no-medicines = ¿No toma ningún medicamento? Dígalo así, y no añada bloques de medicamentos.
intake-no-other-illnesses = ¿No tiene otras enfermedades? Dígalo así, y deje fuera `conditions`.
intake-own = Sus propias preguntas para el médico, cada una entre comillas, separadas por comas.
intake-example-own = ¿Puedo seguir nadando?
intake-skip = La hoja también trae estas preguntas. Para quitar una, ponga su id en skip:
intake-done = Lo que ya ha hecho; sale marcado en la hoja. Los id:
intake-blocks = Desde aquí todo son listas de bloques. Déjelos al final del archivo: en TOML, una línea después de [[medications]] es de ese medicamento.
intake-medicines-empty = Sus medicamentos: copie estas líneas una vez para cada medicamento y quite el #.
intake-medicine-name = El nombre del medicamento, como en la caja.
intake-example-medicine-name = hidroclorotiazida
intake-medicine-dose = Cuánto toma cada vez.
intake-example-medicine-dose = 12,5 mg
intake-medicine-how-often = Cada cuánto lo toma.
intake-example-medicine-how-often = cada mañana
intake-medicine-since = Desde cuándo lo toma.
intake-medicine-reason = Para qué es.
intake-example-medicine-reason = la tensión
intake-medicine-note = Cualquier otra cosa sobre él.
intake-medicine-as-needed = ¿Solo lo toma cuando lo necesita? Entonces añada:
intake-medicines-filled = Sus medicamentos, un bloque [[medications]] para cada uno: name (nombre), dose (dosis), how_often (cada cuánto), since (desde, año-mes-día), reason (para qué es), note (nota), y as_needed = true si solo lo toma cuando lo necesita. Para otro medicamento, añada otro bloque como estos.
intake-diary-empty = Un diario: un bloque para cada noche con síntomas.
intake-diary-night = La noche, año-mes-día.
intake-diary-at = La hora en que empezó.
intake-diary-minutes = Cuánto duró, en minutos.
intake-diary-where = En qué parte del cuerpo.
intake-example-diary-where = pantorrilla derecha
intake-diary-severity = Qué fuerte, de 0 (sin dolor) a 10 (el peor dolor que pueda imaginar).
intake-diary-note = Cualquier otra cosa de esa noche.
intake-example-diary-note = caminó mucho ese día
intake-diary-filled = Su diario, un bloque [[diary]] para cada noche con síntomas: night (la noche, año-mes-día), at (la hora, como 03:10:00), minutes (minutos), where (dónde), severity (de 0, sin dolor, a 10, el peor dolor que pueda imaginar), y note (nota).
