# Las palabras del formulario web de `visitprep serve`. Los ejemplos de las ayudas
# (`form-example-*`) deben ser fechas y horas que el programa lee en este idioma.

form-title = Prepare su consulta
form-page-title = Prepare su consulta: { $guide }
form-page-title-problems = Revise sus respuestas: Prepare su consulta: { $guide }
form-summary-title = { $count ->
    [one] Revise { $count } respuesta
   *[other] Revise { $count } respuestas
}
form-summary-item = { $label }: { $message }
form-intro = Rellene lo que sepa y deje el resto: una respuesta vacía se imprime con líneas para escribir a mano. Lo que escribe se queda en este ordenador y no se envía a ningún sitio. No se guarda nada al cerrar esta ventana, así que guarde sus respuestas si quiere volver a ellas más tarde.
form-continue-title = Seguir donde lo dejó
form-file-label = Sus respuestas guardadas, o una hoja de consulta hecha antes
form-file-hint = Un archivo guardado con «Guardar mis respuestas» (que termina en .toml), o una hoja de consulta (que termina en .pdf). Sustituye lo que hay en esta página.
form-open-file = Abrir este archivo
form-check-bar = Puede revisar si hay errores en sus respuestas en cualquier momento.
form-check = Revisar mis respuestas
form-guide-title = De qué trata la consulta
form-guide-label = El tema de la hoja
form-guide-hint = Las preguntas de abajo cambian según el tema.
form-guide-show = Mostrar las preguntas de este tema
form-guide-untranslated = Las preguntas del tema «{ $guide }» todavía no están traducidas al español, por eso aparecen en inglés.
form-make-sheet = Hacer mi hoja de consulta
form-make-sheet-hint = La hoja se abre como un archivo PDF, lista para imprimir.
form-save = Guardar mis respuestas
form-save-hint = Guarda un archivo que puede volver a abrir aquí más tarde, o dar a visitprep.
form-problem = Problema:
form-note = Tenga en cuenta:
form-which-date = ¿Qué fecha quiere decir?
form-move-up = Subir
form-remove = Quitar

# Ejemplos de las ayudas.
form-example-born = 14 de marzo de 1956
form-example-since = 1 de mayo de 2024
form-example-night = 3 de noviembre de 2026
form-example-time = 2:40
form-example-visit = 2 de diciembre de 2026 a las 9:30
# Una fecha escrita de nuevo en una casilla, tal como el programa la vuelve a leer.
form-date-with-weekday = { $weekday } { $date }
form-date-at-time = { $date } a las { $time }

form-about = Sobre usted
form-name-label = Su nombre completo
form-name-hint = Como en su tarjeta sanitaria.
form-born-label = Fecha de nacimiento
form-born-hint = Como la escribe normalmente, por ejemplo { $example }.
form-sex-label = Sexo
form-sex-hint = Como se lo diría al médico, por ejemplo mujer.
form-pregnant-label = Estoy embarazada
form-pregnant-hint = Marque esta casilla si está embarazada ahora: la hoja tendrá entonces las preguntas y los consejos para el embarazo.
form-week-label = Si está embarazada: ¿en qué semana del embarazo está?
form-week-hint = Un número entero del 1 al 45.
form-phone-label = Su número de teléfono
form-phone-hint = Por ejemplo +34 600 123 456.

form-answers-title = Preguntas que probablemente le hará el médico
form-answers-intro = Conteste con sus propias palabras. Una pregunta que deje vacía se imprime con líneas para escribir a mano.
form-only-if-pregnant = Solo si está embarazada.

form-medicines = Sus medicamentos
form-medicines-hint = Un medicamento cada vez, como está escrito en la caja. Deje una fila vacía si no la necesita.
form-medicine-n = Medicamento { $n }
form-remove-medicine = Quitar el medicamento { $n }
form-add-medicine = Añadir otro medicamento
form-med-name-label = Nombre del medicamento
form-med-name-hint = Como está escrito en la caja.
form-med-dose-label = Cuánto cada vez
form-med-dose-hint = Por ejemplo 12,5 mg.
form-med-often-label = Cada cuánto
form-med-often-hint = Por ejemplo cada mañana.
form-med-since-label = Lo toma desde
form-med-since-hint = La fecha en que empezó, por ejemplo { $example }.
form-med-reason-label = Para qué es
form-med-note-label = Algo más sobre este medicamento
form-med-as-needed = Solo lo tomo cuando lo necesito

form-diary-title = Mi diario de síntomas
form-diary-hint = Una fila por cada noche con síntomas.
form-night-n = Noche { $n }
form-remove-night = Quitar la noche { $n }
form-add-night = Añadir otra noche
form-night-label = La noche
form-night-hint = Por ejemplo { $example }.
form-at-label = La hora en que empezó
form-at-hint = Por ejemplo { $example }.
form-minutes-label = Cuánto duró, en minutos
form-where-label = En qué parte del cuerpo
form-where-hint = Por ejemplo la pantorrilla derecha.
form-severity-label = Cuánto le dolió, del 0 al 10
form-severity-hint = 0 es nada de dolor, 10 es el peor dolor que pueda imaginar.
form-night-note-label = Algo más sobre esa noche

form-own-title = Sus propias preguntas
form-own-legend = Sus propias preguntas para el médico
form-own-hint = Una pregunta en cada casilla. Cada una se imprime con espacio para la respuesta.
form-question-n = Pregunta { $n }
form-add-question = Añadir otra pregunta
form-suggested-legend = Preguntas que propone la hoja
form-suggested-hint = La hoja también imprime estas preguntas para que usted las haga. Quite la marca de las que no quiera en ella.

form-visit-title = La consulta
form-when-label = Fecha de la consulta
form-when-hint = Con la hora si la sabe, por ejemplo { $example }.
form-clinic-label = Centro de salud u hospital
form-clinic-hint = Por ejemplo Hospital San Rafael.
form-department-label = Servicio
form-department-hint = O el tipo de médico, por ejemplo Neurología.
form-doctor-label = El nombre del médico
form-doctor-hint = Si lo sabe.
form-reason-label = ¿Por qué va a la consulta?
form-reason-hint = En una o dos frases, por ejemplo: Calambres dolorosos en las pantorrillas por la noche.

form-health-title = Alergias, otras enfermedades y las personas que le acompañan
form-allergies-legend = Alergias
form-allergies-hint = A medicamentos, alimentos o cualquier otra cosa, con lo que le pasa, por ejemplo penicilina (granos en la piel). Escriba ninguna si no tiene ninguna.
form-allergy-n = Alergia { $n }
form-add-allergy = Añadir otra alergia
form-conditions-legend = Otras enfermedades
form-conditions-hint = Enfermedades por las que le tratan, por ejemplo tensión alta.
form-illness-n = Enfermedad { $n }
form-add-illness = Añadir otra enfermedad
form-health-notes-label = Algo más que el médico deba saber
form-health-notes-hint = Por ejemplo una operación que le hicieron.
form-companion-label = ¿Quién le acompaña?
form-companion-hint = Por ejemplo mi hija Ana. Déjelo vacío si no viene nadie.
form-emergency-label = Alguien a quien llamar en caso de urgencia
form-emergency-hint = Su nombre y su número de teléfono.
form-language-label = El idioma que mejor habla
form-language-hint = Por si el médico no lo habla.
form-needs-legend = Lo que le ayuda a participar en la consulta
form-needs-hint = Por ejemplo gafas para leer, un audífono, un intérprete, una silla de ruedas, más tiempo.
form-need-n = Necesidad { $n }
form-add-need = Añadir otra necesidad
form-filled-by-label = Si rellena esto por otra persona: su nombre, y qué es usted para ella
form-filled-by-hint = Por ejemplo Ana Ejemplo (hija). Déjelo vacío si es para usted.

form-matters-title = Lo que más le importa
form-concerns-legend = ¿Qué es lo que más le preocupa?
form-concerns-hint = Una preocupación en cada casilla, la más importante primero: las tres primeras van en la primera página de la hoja. Use Subir para cambiar el orden.
form-worry-n = Preocupación { $n }
form-add-worry = Añadir otra preocupación
form-goal-label = ¿Qué espera conseguir de la consulta?
form-goal-hint = Por ejemplo: Volver a dormir toda la noche.

form-checklist-title = Prepararse
form-checklist-legend = Lo que ya ha hecho
form-checklist-hint = Lo que marque se imprime marcado en la hoja.
form-your-companion = su acompañante

form-sheet-title = Su hoja
form-paper-legend = Tamaño del papel
form-paper-a4 = A4
form-paper-letter = Carta (EE. UU.)
form-print-legend = Tamaño de la letra
form-print-normal = Normal
form-print-large = Letra grande
form-print-x-large = Letra muy grande
form-diary-page = Añadir una página de diario vacía para rellenar a mano

# Lo que dice la página arriba.
form-not-saved = Sus respuestas todavía no se han guardado: mire primero las respuestas marcadas.
form-no-mistakes = No se ha encontrado ningún error. Ya puede hacer su hoja de consulta.
form-topic-unusable = No se ha podido usar el tema: { $error }
form-sheet-failed = No se ha podido hacer la hoja: { $error }
form-page-failed = No se ha podido hacer la página: { $error }
form-guide-problem = La guía tiene un problema: { $message }
form-choose-file = Elija primero un archivo y después pulse «Abrir este archivo».
form-the-file = el archivo
form-not-opened = No se ha podido abrir { $file }: { $why }
form-filled-in = Sus respuestas de { $file } están rellenadas abajo. Revíselas y después haga su hoja de consulta.
form-file-problem = { $file }: { $message }
form-file-problem-at = { $file } (línea { $line }, columna { $column }): { $message }
form-pdf-not-sheet = es un PDF, pero no una hoja de consulta cuyas respuestas se puedan leer ({ $error })
form-pdf-no-answers = es un PDF sin respuestas dentro: solo una hoja hecha con visitprep las lleva
form-file-too-large = ocupa más de 1 MiB, demasiado para ser unas respuestas guardadas
form-not-text = no es un archivo de texto con respuestas guardadas (.toml) ni una hoja de consulta (.pdf)

# Lo que se dice junto a una casilla.
form-read-as = «{ $text }» se ha leído como { $date }. Compruebe que es correcto.
form-two-dates = «{ $text }» puede leerse como dos fechas. ¿Cuál quiere decir?
form-not-time = «{ $text }» no es una hora del día. Escríbala así: 3:10 o 15:10.
form-not-week = «{ $text }» no es un número. Escriba la semana, del 1 al 45.
form-not-severity = «{ $text }» no es un número. Escriba un número entero del 0 al 10.
form-not-minutes = «{ $text }» no es un número de minutos. Escriba un número, por ejemplo 4.
form-night-missing = Escriba qué noche fue, por ejemplo { $example }.

# Las páginas cortas del propio servidor.
form-refused-title = No es posible
form-refused-host = Esta dirección pertenece a otro nombre. Abra la dirección que mostró visitprep serve.
form-refused-secret = Aquí no hay ninguna página. Abra la dirección completa que mostró visitprep serve, con su parte secreta larga.
form-refused-origin = Solo se aceptan respuestas desde el formulario de esta página.
form-refused-no-page = Aquí no hay ninguna página.
form-refused-too-large = Ocupa más de { $kb } KB, demasiado para ser unas respuestas guardadas o una hoja hecha aquí. Si es una hoja suya, saque sus respuestas con `visitprep extract HOJA.pdf` y abra ese archivo.
form-refused-unreadable = No se ha podido leer el formulario: { $error }.
form-refused-not-multipart = Las respuestas se aceptan tal como las envía el formulario de la página (multipart/form-data).
form-back = Volver al formulario
form-back-more = (el botón Atrás de su navegador conserva lo que escribió)

# What `visitprep serve` says on the terminal.
serve-open = el formulario está abierto en la dirección de arriba, solo para este ordenador
serve-how = ábrala en su navegador; pulse Ctrl+C aquí para terminar. Al terminar no se guarda nada: guarde sus respuestas desde la página
serve-no-browser = no se puede abrir el navegador ({ $error }); abra usted la dirección
serve-reply-failed = no se pudo enviar una respuesta: { $error }
serve-stopped = terminado: el formulario está cerrado y no se ha guardado nada de él
