# What `visitprep check` says about an intake file, in Spanish.

## What check says once the file is read

check-valid = { $file }: correcto (guía: { $guide })
check-valid-with-warnings =
    { $count ->
        [one] { $file }: correcto, con 1 aviso (guía: { $guide })
       *[other] { $file }: correcto, con { $count } avisos (guía: { $guide })
    }
check-note = nota: { $note }
check-guide-unreviewed =
    { $count ->
        [one] nota: la guía no está revisada: 1 de sus frases no dice de dónde viene (`source`) (vea `visitprep guides { $guide } --sources`)
       *[other] nota: la guía no está revisada: { $count } de sus frases no dicen de dónde vienen (`source`) (vea `visitprep guides { $guide } --sources`)
    }
check-guide-untranslated = nota: la guía `{ $guide }` no está traducida al español: sus preguntas y su lista de tareas están en inglés
check-many-concerns = aviso: `visit.concerns` tiene { $count } preocupaciones; en la primera página de la hoja solo salen las tres primeras (todas salen en los detalles): ponga primero la más importante
check-all-answered = todas las preguntas tienen respuesta
check-unanswered =
    { $count ->
        [one] 1 pregunta sin respuesta (sale en la hoja con líneas para escribir):
       *[other] { $count } preguntas sin respuesta (salen en la hoja con líneas para escribir):
    }
check-checklist-open =
    { $count ->
        [one] 1 tarea de la lista sin hacer:
       *[other] { $count } tareas de la lista sin hacer:
    }
your-companion = su acompañante

## The guide the intake names

guide-unknown = no hay ninguna guía llamada `{ $guide }`
guide-no-file = no existe el archivo de guía `{ $guide }`
guide-unknown-label = no es una de las guías incluidas
guide-no-file-label = no hay ningún archivo con ese nombre en la carpeta del archivo
guide-unknown-help = las guías incluidas son: { $guides }; un archivo de guía se escribe con su ruta, desde la carpeta de este archivo
guide-unusable-help = escriba el nombre de un archivo .toml de guía, desde la carpeta de este archivo, o el de una guía incluida
did-you-mean = ¿quería decir `{ $name }`?
guide-not-a-file =
    { $kind ->
        [folder] la guía `{ $guide }` es una carpeta, no un archivo de guía
        [pipe] la guía `{ $guide }` es una tubería con nombre (FIFO), no un archivo de guía
        [device] la guía `{ $guide }` es un dispositivo, no un archivo de guía
        [socket] la guía `{ $guide }` es un socket, no un archivo de guía
        [file] la guía `{ $guide }` no es un archivo de guía
       *[other] la guía `{ $guide }` no es un archivo normal, ni un archivo de guía
    }

## The words around each problem, as the report prints it

level-error = error
level-warning = aviso
level-help = ayuda
report-field = { $message } (campo `{ $field }`)

## The line after the problems: how many, and what was not done

problems-in-intake =
    { $errors ->
        [one] error: 1 problema
       *[other] error: { $errors } problemas
    }{ $warnings ->
        [0] {""}
        [one] {" "}(y 1 aviso)
       *[other] {" "}(y { $warnings } avisos)
    } en el archivo; { $outcome }
problems-in-guide =
    { $errors ->
        [one] error: 1 problema
       *[other] error: { $errors } problemas
    }{ $warnings ->
        [0] {""}
        [one] {" "}(y 1 aviso)
       *[other] {" "}(y { $warnings } avisos)
    } en la guía; { $outcome }
new-writes-one = ayuda: `{ $command }` crea uno para rellenar
check-outcome = corríjalo y vuelva a usar check
render-outcome = no se ha creado nada
render-outcome-batch = no se ha creado la hoja de { $intake }

## Dates and numbers that cannot be right, or are unlikely

date-out-of-range = { $date } no puede ser: las fechas deben estar entre { $first } y { $last }
date-out-of-range-label = revise el año
date-out-of-range-help = escriba la fecha como año-mes-día, con las cuatro cifras del año
too-old =
    { $on ->
        [visit] el paciente tendría { $age } años el día de la consulta; nadie tiene más de { $oldest }
       *[today] el paciente tendría { $age } años hoy; nadie tiene más de { $oldest }
    }
too-old-label = revise el año de nacimiento
too-old-help = escriba la fecha de nacimiento como año-mes-día, por ejemplo 1956-03-14
born-in-future = la fecha de nacimiento { $born } es después de hoy ({ $today })
born-in-future-label = en el futuro
born-in-future-help = revise el año de nacimiento
pregnancy-age = un embarazo a los { $age } años es poco probable; revise `patient.born` y `patient.pregnant`
pregnancy-age-label =
    { $on ->
        [visit] { $age } años el día de la consulta
       *[today] { $age } años hoy
    }
pregnancy-age-help = si los dos están bien, no hace falta cambiar nada: la hoja los imprime tal como están
night-before-birth = la noche { $night } del diario es antes de la fecha de nacimiento ({ $born })
night-before-birth-label = antes de `patient.born`
night-before-birth-help = revise el año de la noche y el de `born`
minutes-over-a-day = { $minutes } minutos es más de un día (1440 minutos) para un solo calambre
minutes-over-a-day-label = como mucho 1440
minutes-over-a-day-help = escriba cuánto duró esta vez, en minutos, por ejemplo 2 o 0.5 (con punto)
night-after-visit = la noche { $night } del diario ({ $date }) es después de la consulta ({ $visit })
night-after-visit-label = después de `visit.when`
night-after-visit-help = revise el año y el mes de la noche y de la consulta
since-after-visit = el medicamento { $medication } se toma desde { $since }, después de la consulta ({ $visit })
since-after-visit-label = después de `visit.when`
since-after-visit-help = revise el año y el mes de `since` y de la consulta
visit-far-ahead = falta más de un año para la consulta ({ $visit }; hoy es { $today })
visit-far-ahead-label = dentro de más de un año
visit-far-ahead-help = revise el año de la consulta; si está bien, no hace falta cambiar nada

## A file not yet filled in, and warning signs in the patient's words

name-from-template = `patient.name` todavía dice "{ $name }", como en la plantilla
name-from-template-label = sin rellenar
name-from-template-help = escriba el nombre del paciente tal como sale en la tarjeta sanitaria
sign-emergency = llame ahora mismo al número de emergencias
sign-today = vaya hoy mismo al médico
sign-appointment = dígaselo al médico en la consulta
sign-unnamed = una señal de alarma
sign-found = `{ $field }` describe una señal de alarma ({ $sign }): "{ $words }": { $how_soon }

## The patient, the visit and the answers

name-blank = el nombre del paciente está vacío
name-blank-label = escriba aquí un nombre
name-blank-help = el médico tiene que saber de quién es la hoja: name = "María Ejemplo"
pregnancy-week-impossible = la semana de embarazo { $week } no es posible
pregnancy-week-impossible-label = debe ser de 1 a 45
pregnancy-week-impossible-help = escriba la semana de embarazo en la que está, un número entero de 1 a 45
pregnancy-week-not-pregnant = hay una semana de embarazo, pero `pregnant` no es true
pregnancy-week-not-pregnant-help = añada `pregnant = true` en [patient], o quite `pregnancy_week`
visit-before-birth = la consulta ({ $visit }) es antes de la fecha de nacimiento ({ $born })
visit-before-birth-label = antes de `patient.born`
visit-before-birth-help = revise el año de la consulta y el de `born`
sheet-language-unknown = la hoja no se puede imprimir en "{ $language }"
sheet-language-unknown-label = la hoja no tiene ese idioma
sheet-language-unknown-help = escriba "es" (español), "en" (inglés) o "fr" (francés)
not-a-question = `{ $id }` no es una pregunta de la guía `{ $guide }`
not-a-question-label = esa pregunta no existe
question-ids-are = las preguntas son: { $ids }
rename-to = cámbielo por `{ $name }`
not-an-id =
    { $of ->
        [question] `{ $id }` no es una de las preguntas para usted de esta guía
       *[checklist] `{ $id }` no es una tarea de la lista de esta guía
    }
not-an-id-label = no existe
ids-are = los nombres posibles son: { $ids }

## Lists that may say "none", medicines and the diary

none-allergies = sin alergias conocidas
none-illnesses = sin otras enfermedades
none-medicines = sin medicamentos
none-read-as = `{ $field }` dice "{ $item }": se entiende como { $meaning } (`{ $flag } = true`), no como algo que se llama "{ $item }"
none-but-listed = `{ $flag }` es true, pero `{ $list }` tiene "{ $item }"; la hoja imprime lo que hay en la lista
none-but-listed-label = dice que no hay ninguno
none-but-listed-help = quite `{ $flag } = true`, o vacíe la lista: el médico tiene que saber qué es lo correcto
none-but-flag-false = `{ $list }` dice que ninguno, pero `{ $flag } = false`; la hoja imprime "no indicado"
none-but-flag-false-label = dice que no se sabe
none-but-flag-false-help = escriba `{ $flag } = true`, o quite "ninguno" de la lista
medication-blank = el medicamento { $medication } no tiene nombre
medication-blank-help = escriba el nombre del medicamento como en la caja, o quite esta entrada [[medications]]
medication-no-dose = el medicamento { $medication } ("{ $name }") no tiene dosis
medication-no-dose-label = ¿cuánto cada vez?
medication-no-dose-help = añada cuánto toma cada vez, como en la caja o en la etiqueta de la farmacia: dose = "12.5 mg"
minutes-not-positive = un calambre no puede durar { $minutes } minutos
minutes-not-positive-label = debe ser más de 0
minutes-not-positive-help = escriba cuánto duró el calambre, en minutos, por ejemplo 2 o 0.5 (con punto)
severity-off-scale = la intensidad { $severity } está fuera de la escala de 0 a 10
severity-off-scale-label = debe ser de 0 a 10
severity-off-scale-help = 0 es nada de dolor y 10 el peor dolor que se pueda imaginar

## Values of the wrong kind, and what is missing

missing = falta `{ $field }`
missing-guide-help = añada `guide = "nocturnal-leg-cramps"` (o `general`) como primera línea
missing-patient-help = añada una tabla [patient] con al menos `name = "Su nombre"`
missing-name-help = añada `name = "Su nombre"` en [patient], como en la tarjeta sanitaria
missing-medication-name-help = añada `name = ...` en esta entrada de medicamentos: el nombre del medicamento, como en la caja
missing-night-help = añada `night = ...` en esta entrada del diario: la fecha de la noche, por ejemplo 2026-11-20
wrong-kind = este valor no es del tipo correcto: es { $found } y debe ser { $expected }
wrong-kind-label = tipo de valor equivocado
number-too-large = el número es demasiado grande: debe ser un número entero
kind-text = el texto { $value }
kind-whole = el número entero `{ $value }`
kind-decimal = el número decimal `{ $value }`
kind-datetime = la fecha u hora `{ $value }`
kind-list = una lista
kind-table = una tabla
expected-text = un texto entre comillas
expected-list = una lista entre corchetes
expected-flag = true o false
expected-whole = un número entero
expected-number = un número
expected-date = una fecha, como 1956-03-14
expected-visit = una fecha, o una fecha y una hora
expected-table = una tabla, como [{ $key }] con sus claves debajo
expected-entries = un bloque [[{ $key }]] para cada uno, con sus claves debajo
expected-entry = un bloque [[{ $key }]] con sus claves debajo
type-date = `{ $key }` es una fecha: sin comillas como año-mes-día (2024-05-01), o entre comillas como usted la escribe ("1 de mayo de 2024")
type-when = `when` es una fecha, o una fecha y una hora: 2026-12-02T09:30:00 sin comillas, o "2 de diciembre de 2026 a las 9:30"
type-at = `at` es una hora: 03:10:00 sin comillas, o "3:10am"
type-severity = `severity` es un número entero de 0 (nada) a 10 (lo peor), sin comillas
type-minutes = `minutes` es un número sin comillas, como 4 o 2.5
type-pregnancy-week = `pregnancy_week` es un número entero de 1 a 45, sin comillas
type-flag = `{ $key }` es true o false, sin comillas
type-table = `{ $key }` es una tabla: una línea [{ $key }], y debajo sus claves
type-entries = cada entrada empieza con una línea [[{ $key }]], y debajo sus claves
type-list = `{ $key }` es una lista entre corchetes: { $key } = ["primero", "segundo"]
type-text = `{ $key }` es un texto entre comillas dobles: { $key } = "..."

## TOML that cannot be read, and keys the intake format does not have

toml-syntax = el archivo no es TOML válido y no se puede leer; el lector de TOML dice, en inglés: «{ $message }»
toml-too-deep = las claves están anidadas en demasiados niveles (más de { $levels })
toml-too-deep-help = un archivo de datos necesita como mucho dos niveles, como [patient] y debajo name = "..."
toml-text-help = un texto va entre comillas dobles en una sola línea: clave = "texto"; para varias líneas, use tres comillas """ ... """
toml-other-help = consulte la descripción del archivo de datos en el README
toml-twice-at-top = `{ $key }` aparece dos veces al principio del archivo, fuera de las tablas
toml-twice-in = `{ $key }` aparece dos veces en [{ $table }]
toml-twice-label = segunda vez
toml-twice-help = cada clave puede aparecer una sola vez en cada tabla: borre una de las dos, o júntelas en una
toml-no-such-day = { $written } no es un día que exista: { $why }
days-in-month = { $month } de { $year } tiene { $days } días
toml-not-a-date = { $written } no es una fecha ni una hora válida; el lector de TOML dice, en inglés: «{ $message }»
toml-not-a-date-label = no es una fecha ni una hora que exista
toml-not-a-date-help = escriba las fechas como año-mes-día (1956-03-14) y las horas como 09:30:00, sin comillas; compruebe que ese día existe en ese mes
unknown-field = campo desconocido `{ $field }`
unknown-field-landed = esto ha ido a parar a la última entrada [[{ $table }]]
unknown-field-landed-help = en TOML, cada clave escrita después de una línea [[{ $table }]] pertenece a esa entrada hasta la siguiente línea [tabla]; ponga `{ $field }` encima de la primera línea [[{ $table }]], dentro de [{ $home }]
unknown-field-landed-top-help = en TOML, cada clave escrita después de una línea [[{ $table }]] pertenece a esa entrada hasta la siguiente línea [tabla]; ponga `{ $field }` encima de la primera línea [[{ $table }]], al principio del archivo
unknown-field-rename = cambie `{ $field }` por `{ $name }`
unknown-field-label = no forma parte del formato del archivo de datos
unknown-field-none-help = bórrelo, o consulte la descripción del archivo de datos en el README
unknown-field-known = los campos que se conocen aquí son: { $fields }

## Control characters in a text

control-character = el texto tiene un carácter de control, { $name }
control-character-label = aquí está { $code }
control-character-help = quítelo: los caracteres de control son órdenes del teclado, no texto (una tecla de flecha pulsada al escribir deja ESC [ D); vuelva a escribir las palabras
control-nul = NUL (nulo)
control-bel = BEL (timbre)
control-bs = BS (retroceso)
control-vt = VT (tabulador vertical)
control-ff = FF (salto de página)
control-cr = CR (un retorno de carro sin salto de línea)
control-esc = ESC (escape, lo que envían las teclas de flecha)
control-del = DEL (borrar)
control-csi = CSI (inicio de una secuencia de control)
control-c0 = un carácter de control C0
control-c1 = un carácter de control C1

## Dates and times that cannot be read

month-name =
    { $month ->
        [1] enero
        [2] febrero
        [3] marzo
        [4] abril
        [5] mayo
        [6] junio
        [7] julio
        [8] agosto
        [9] septiembre
        [10] octubre
        [11] noviembre
       *[12] diciembre
    }
weekday =
    { $day ->
        [1] lunes
        [2] martes
        [3] miércoles
        [4] jueves
        [5] viernes
        [6] sábado
       *[7] domingo
    }
day-in-words = { $day } de { $month } de { $year }
weekday-and-day = { $day }
day-and-time = { $day } a las { $time }
date-only = `{ $field }` debe ser solo una fecha
date-only-label = una fecha sin hora
date-only-help = escríbala como año-mes-día, sin comillas: 2024-05-01
not-a-real-date = { $date } no es una fecha que exista
not-a-real-date-label = ese día no está en el calendario
not-a-real-date-help = revise el día y el mes: año-mes-día, como 1956-03-14
two-ways = "{ $written }" se puede leer de dos maneras: ¿{ $one } o { $other }?
two-ways-label = el día y el mes se pueden confundir
two-ways-help = escriba el mes con letras, como "{ $one }", o año-mes-día sin comillas
unreadable-date-label = no es una fecha que se pueda leer
unreadable-date-help = escriba una fecha como "4 de abril de 1950", o año-mes-día sin comillas: 1950-04-04
visit-form = `visit.when` debe ser una fecha, o una fecha y una hora, sin zona horaria
visit-form-help = escriba 2026-12-02 o 2026-12-02T09:30:00 sin comillas y sin zona horaria, o "2 de diciembre de 2026 a las 9:30"
unreadable-time = "{ $written }" no es una hora que se pueda leer
unreadable-time-label = no es una hora
unreadable-time-help = escriba la hora como 03:10:00 sin comillas, o "3:10am"
time-only = `{ $field }` debe ser una hora del día
time-only-help = escriba la hora sin comillas, como 03:10:00
date-none = No hay ninguna fecha.
date-wrong-weekday = El { $date } es { $weekday }, no { $named }: revise la fecha, por favor.
visit-time-may-follow = { $problem } Detrás puede ir una hora, como 10 de diciembre de 2026 a las 9:30.
date-unreadable = "{ $written }" no es una fecha que yo pueda leer; escríbala como 4 de abril de 1950 o 1950-04-04.
date-no-such-day = "{ $written }" no es un día del calendario: { $month } de { $year } no tiene día { $day }.
date-no-such-month = "{ $written }" no es un día del calendario: no hay mes { $month }.
date-year-in-full = "{ $written }" necesita el año completo, con cuatro cifras, como 4 de abril de 1950 o 1950-04-04.
date-neither-way = "{ $written }" no es un día del calendario, ni leído con el día primero ni con el mes primero.
date-counts-from-today = "{ $text }" cuenta desde hoy, y un archivo guardado no sabe qué día es hoy; escriba la fecha misma, como 4 de abril de 1950 o 1950-04-04.
date-out-of-calendar = Esa fecha está fuera del calendario.

## A file that cannot be read as text

file-folder = esto es una carpeta, no un archivo de datos
file-folder-help = escriba el nombre del archivo .toml
file-too-large = el archivo ocupa más de 1 MiB; un archivo de datos puede ocupar como mucho 1 MiB
file-too-large-help = ¿es el archivo correcto? Un archivo de datos es un texto corto
file-not-found = no se encuentra el archivo
file-not-found-help = revise el nombre del archivo y la carpeta en la que está
file-unreadable = no se puede leer el archivo: { $error }
file-unreadable-help = revise los permisos del archivo
file-not-utf8 = el archivo no es texto UTF-8 (hay un byte incorrecto en la línea { $line }, columna { $column })
file-not-utf8-help = guarde el archivo como texto UTF-8 en su editor ("Guardar como" → codificación UTF-8)
