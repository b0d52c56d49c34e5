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

## Página 1: el resumen para el médico

summary-heading = Resumen de la consulta para el médico: { $condition }
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
label-concerns = Preocupaciones
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
label-other-illnesses = Otras enfermedades
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
