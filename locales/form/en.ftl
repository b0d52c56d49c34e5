# The words of `visitprep serve`'s web form. The examples in hints (`form-example-*`) must
# be dates and times the program reads in this language: a test reads each one.

form-title = Prepare your visit
form-page-title = Prepare your visit: { $guide }
form-page-title-problems = Please check your answers: Prepare your visit: { $guide }
form-summary-title = Please check { $count } { $count ->
    [one] answer
   *[other] answers
}
form-summary-item = { $label }: { $message }
form-intro = Fill in what you know and leave the rest: an empty answer is printed with lines to write on by hand. What you type stays on this computer and is not sent anywhere. Nothing is kept when this window is closed, so save your answers if you want to come back to them.
form-continue-title = Continue where you left off
form-file-label = Your saved answers, or a visit sheet made before
form-file-hint = A file saved with “Save my answers” (ending in .toml), or a visit sheet (ending in .pdf). It replaces what is on this page.
form-open-file = Open this file
form-check-bar = You can check your answers for mistakes at any time.
form-check = Check my answers
form-guide-title = What the visit is about
form-guide-label = The sheet's topic
form-guide-hint = The questions below change with it.
form-guide-show = Show the questions for this topic
form-guide-untranslated = The questions of the topic “{ $guide }” are not translated into English yet, so they are shown in English.
form-make-sheet = Make my visit sheet
form-make-sheet-hint = The sheet opens as a PDF file, ready to print.
form-save = Save my answers
form-save-hint = Saves a file you can open here again later, or give to visitprep.
form-problem = Problem:
form-note = Please note:
form-which-date = Which date do you mean?
form-move-up = Move up
form-remove = Remove

# Examples in the hints.
form-example-born = 14 March 1956
form-example-since = 1 May 2024
form-example-night = 3 November 2026
form-example-time = 2:40am
form-example-visit = 2 December 2026 at 9:30am
# A date written back into a box, as the program reads it again.
form-date-with-weekday = { $weekday } { $date }
form-date-at-time = { $date } at { $time }

form-about = About you
form-name-label = Your full name
form-name-hint = As on your health insurance card.
form-born-label = Date of birth
form-born-hint = As you usually write it, for example { $example }.
form-sex-label = Sex
form-sex-hint = As you would tell the doctor, for example female.
form-pregnant-label = I am pregnant
form-pregnant-hint = Tick this if you are pregnant now: the sheet then has the questions and advice for pregnancy.
form-week-label = If you are pregnant: which week of pregnancy are you in?
form-week-hint = A whole number from 1 to 45.
form-phone-label = Your phone number
form-phone-hint = For example +44 20 7946 0123.

form-answers-title = Questions the doctor is likely to ask
form-answers-intro = Answer in your own words. A question you leave empty is printed with lines to write on by hand.
form-only-if-pregnant = Only if you are pregnant.

form-medicines = Your medicines
form-medicines-hint = One medicine at a time, as written on the box. Leave a row empty if you do not need it.
form-medicine-n = Medicine { $n }
form-remove-medicine = Remove medicine { $n }
form-add-medicine = Add another medicine
form-med-name-label = Name of the medicine
form-med-name-hint = As written on the box.
form-med-dose-label = How much each time
form-med-dose-hint = For example 12.5 mg.
form-med-often-label = How often
form-med-often-hint = For example every morning.
form-med-since-label = Taken since
form-med-since-hint = The date you started, for example { $example }.
form-med-reason-label = What it is for
form-med-note-label = Anything else about it
form-med-as-needed = I only take it when I need it

form-diary-title = My symptom diary
form-diary-hint = One row for each night with symptoms.
form-night-n = Night { $n }
form-remove-night = Remove night { $n }
form-add-night = Add another night
form-night-label = The night
form-night-hint = For example { $example }.
form-at-label = The time it started
form-at-hint = For example { $example }.
form-minutes-label = How long it lasted, in minutes
form-where-label = Where in the body
form-where-hint = For example right calf.
form-severity-label = How bad, from 0 to 10
form-severity-hint = 0 is no pain, 10 is the worst pain you can imagine.
form-night-note-label = Anything else about that night

form-own-title = Your own questions
form-own-legend = Your own questions for the doctor
form-own-hint = One question in each box. Each is printed with room for the answer.
form-question-n = Question { $n }
form-add-question = Add another question
form-suggested-legend = Questions the sheet suggests
form-suggested-hint = The sheet also prints these questions for you to ask. Untick any you do not want on it.

form-visit-title = The visit
form-when-label = Date of the visit
form-when-hint = With the time if you know it, for example { $example }.
form-clinic-label = Clinic or hospital
form-clinic-hint = For example St. Mary Hospital.
form-department-label = Department
form-department-hint = Or the kind of doctor, for example Neurology.
form-doctor-label = The doctor's name
form-doctor-hint = If you know it.
form-reason-label = Why are you going?
form-reason-hint = In one or two sentences, for example: Painful cramps in my calves at night.

form-health-title = Allergies, other illnesses, and the people with you
form-allergies-legend = Allergies
form-allergies-hint = To medicines, foods or anything else, with what happens, for example penicillin (rash). Write none if you have none.
form-allergy-n = Allergy { $n }
form-add-allergy = Add another allergy
form-conditions-legend = Other illnesses
form-conditions-hint = Illnesses you are treated for, for example high blood pressure.
form-illness-n = Illness { $n }
form-add-illness = Add another illness
form-health-notes-label = Anything else the doctor should know
form-health-notes-hint = For example an operation you had.
form-companion-label = Who is coming with you?
form-companion-hint = For example my daughter Anna. Leave it empty if no one is.
form-emergency-label = Someone to call in an emergency
form-emergency-hint = Their name and phone number.
form-language-label = The language you speak best
form-language-hint = If the doctor may not speak it.
form-needs-legend = What helps you take part in the visit
form-needs-hint = For example reading glasses, a hearing aid, an interpreter, a wheelchair, more time.
form-need-n = Need { $n }
form-add-need = Add another need
form-filled-by-label = If you fill this in for someone else: your name, and who you are to them
form-filled-by-hint = For example Anna Example (daughter). Leave it empty if it is for you.

form-matters-title = What matters most to you
form-concerns-legend = What worries you most?
form-concerns-hint = One worry in each box, the most important first: the first three go on the sheet's first page. Use Move up to change the order.
form-worry-n = Worry { $n }
form-add-worry = Add another worry
form-goal-label = What do you hope to get from the visit?
form-goal-hint = For example: To sleep through the night again.

form-checklist-title = Getting ready
form-checklist-legend = What you have already done
form-checklist-hint = Ticked items are printed ticked on the sheet.
form-your-companion = your companion

form-sheet-title = Your sheet
form-paper-legend = Paper size
form-paper-a4 = A4
form-paper-letter = Letter
form-print-legend = Size of the print
form-print-normal = Normal
form-print-large = Large print
form-print-x-large = Extra large print
form-diary-page = Add an empty diary page to fill in by hand

# What the page says at the top.
form-not-saved = Your answers are not saved yet: please look at the answers marked first.
form-no-mistakes = No mistakes found. You can make your visit sheet now.
form-topic-unusable = The topic could not be used: { $error }
form-sheet-failed = The sheet could not be made: { $error }
form-page-failed = The page could not be made: { $error }
form-guide-problem = The guide has a problem: { $message }
form-choose-file = Please choose a file first, then press “Open this file”.
form-the-file = the file
form-not-opened = { $file } could not be opened: { $why }
form-filled-in = Your answers from { $file } are filled in below. Check them, then make your visit sheet.
form-file-problem = { $file }: { $message }
form-file-problem-at = { $file } (line { $line }, column { $column }): { $message }
form-pdf-not-sheet = it is a PDF, but not a visit sheet whose answers can be read ({ $error })
form-pdf-no-answers = it is a PDF without answers inside: only a sheet made by visitprep carries them
form-file-too-large = it is larger than 1 MiB, too large to be saved answers
form-not-text = it is not a text file of saved answers (.toml) or a visit sheet (.pdf)

# What is said beside a field.
form-read-as = “{ $text }” was read as { $date }. Please check it is right.
form-two-dates = “{ $text }” can be read as two dates. Which one do you mean?
form-not-time = “{ $text }” is not a time of day. Write it like 3:10, 03:10 or 3:10am.
form-not-week = “{ $text }” is not a number. Write the week, from 1 to 45.
form-not-severity = “{ $text }” is not a number. Write a whole number from 0 to 10.
form-not-minutes = “{ $text }” is not a number of minutes. Write a number, like 4.
form-night-missing = Write the night this was, like { $example }.

# The server's own short pages.
form-refused-title = Not possible
form-refused-host = This address belongs to another name. Open the address visitprep serve printed.
form-refused-secret = There is no page here. Open the whole address visitprep serve printed, with its long secret part.
form-refused-origin = Answers are only taken from the form of this page.
form-refused-no-page = There is no page here.
form-refused-too-large = That is more than { $kb } KB, too large to be saved answers or a visit sheet made here. If it is a sheet of yours, take its answers out with `visitprep extract SHEET.pdf` and open that file.
form-refused-unreadable = The form could not be read: { $error }.
form-refused-not-multipart = Answers are taken as the page's form sends them (multipart/form-data).
form-back = Back to the form
form-back-more = (your browser's Back button keeps what you typed)

# What `visitprep serve` says on the terminal.
serve-open = the form is open at the address above, for this computer only
serve-how = open it in your web browser; press Ctrl+C here to stop. Nothing is kept when it stops: save your answers from the page
serve-no-browser = cannot open the web browser ({ $error }); open the address yourself
serve-reply-failed = a reply could not be sent: { $error }
serve-stopped = stopped: the form is closed, and nothing of it was kept
