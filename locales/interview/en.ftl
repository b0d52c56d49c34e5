# The interview's words in English: its questions, hints, read-back and answers it understands.
# A message ending in a colon or a question is a prompt: the answer is typed after it.

## The start

intro-title = Preparing your visit: { $guide }
intro-how = Answer each question and press Enter. To skip a question, just press Enter: the sheet then has lines to write the answer by hand. At the end you see all your answers and can change any of them before anything is written.
intro-keys = The arrow keys move along the line, Up brings back an earlier answer. To stop without writing anything, press Ctrl+C.
# Said when the guide has no translation into the interview's language.
intro-guide-in-english = This guide's questions are not translated into English yet, so they are asked in English.

## The parts of the interview, each under its heading

part-about-you = About you
part-doctor = Questions the doctor is likely to ask ({ $count })
part-doctor-how = Answer in your own words, on one line.
part-medicines = Your medicines
part-medicines-how = One medicine at a time, as written on the box: the name, the dose and how often, on one line (e.g. Lasix 40 mg once a day). Leave it blank when done; if you take none, say none.
part-own-questions = Your own questions for the doctor
part-own-questions-how = One question at a time. Leave it blank when done.
part-visit = The visit
part-people = Allergies, other illnesses, and the people with you
part-what-matters = What matters most to you

## The questions about the patient and the visit

ask-name = Your full name:
# $placeholder is the name written instead, which `check` reminds of.
name-placeholder = (Written as "{ $placeholder }": put your name in the file later.)
ask-born = Date of birth (e.g. 4 April 1950):
ask-sex = Your sex (female, male, or in your own words; blank to skip):
ask-pregnant = Are you pregnant? (yes/no, blank to skip)
ask-pregnancy-week = Which week of pregnancy are you in? (1 to 45, blank to skip)
not-a-week = "{ $text }" is not a week of pregnancy: write a whole number from 1 to 45.
ask-phone = Your phone number (blank to skip):
ask-visit = Date of the visit, with the time if you know it (e.g. 10 December 2026 at 9:30am):
ask-clinic = Clinic or place (e.g. St. Mary Hospital):
ask-department = Department (e.g. Neurology):
ask-reason = Why are you going, in one or two sentences? (e.g. Painful cramps in my calves at night.)
allergies-how = Allergies to medicines, foods or anything else, one at a time, with what happens (e.g. penicillin (rash)). Leave it blank when done; if you have none, say none.
illnesses-how = Other illnesses you are treated for, one at a time (e.g. high blood pressure). If there are none, say none.
ask-companion = Who is coming with you? (e.g. my daughter Anna; blank if no one):
ask-emergency-contact = Someone to call in an emergency, with their phone number (blank to skip):
ask-language = The language you speak best, if the doctor may not speak it (blank to skip):
needs-how = Anything that helps you take part in the visit, one at a time (e.g. reading glasses, a hearing aid, an interpreter, a wheelchair). Leave it blank when done.
ask-filled-in-by = If you are filling this in for someone else: your name, and who you are to them (e.g. Anna Example (daughter); blank if it is for you):
concerns-how = What worries you most about your health problem? One worry at a time, the most important first (the first three go on the sheet's first page). Leave it blank when done.
ask-goal = What do you hope to get from the visit? (e.g. To sleep through the night again.)
# Replaces the guide's "List them below in the medicine table.": the interview has no table.
hint-medicines-asked-after = After these questions you are asked for each medicine, one at a time.

## Lists: one item a question, numbered

# $what is one of the item-* words below, $n its number.
list-item = { $what } { $n } (blank when done):
list-item-again = { $what } { $n } (blank to take it out):
item-medicine = Medicine
item-question = Question
item-allergy = Allergy
item-illness = Illness
item-need = Need
item-worry = Worry

## One medicine

medicine-name = Name:
medicine-dose = Dose:
medicine-how-often = How often:
medicine-not-given = (not given)
medicine-right = Is that right? (yes/no)
ask-dose = Dose (e.g. 12.5 mg):
ask-how-often = How often (e.g. every morning):
ask-medicine-reason = What it is for:

## Dates read back, and dates that cannot be

# $weekday and $date as the sheet writes them: "Thursday", "10 December 2026".
date-with-weekday = { $weekday } { $date }
date-at-time = { $date } at { $time }
date-is = That is { $date }. Right? (yes/no)
choose-one = Did you mean { $first } or { $second }? (1 or 2)
choose-again = Please type 1 for { $first } or 2 for { $second } (not "{ $text }").
born-in-future = { $date } is in the future: a date of birth cannot be. Please check the year.
born-after-visit = The visit ({ $visit }) would be before this date of birth ({ $born }).
visit-before-birth = The visit ({ $visit }) would be before the date of birth ({ $born }).
visit-too-far = { $visit } is more than a year away. Please check the year.
# In a language other than English, for a date the reader cannot take.
date-not-read = "{ $text }" is not a date I can read; write it like 4 April 1950 or 1950-04-04.
visit-not-read = "{ $text }" is not a date I can read; write it like 10 December 2026 at 9:30am.

## Answers not understood

try-again = Please try again, or leave it blank to skip it.
answer-yes-or-no = Please answer yes or no (not "{ $text }").
not-text-keys = That answer holds keys that are not text ("{ $text }"), as an arrow key or Escape type where the line cannot be edited. Please type it again.
not-utf8 = That could not be read as text (it is not UTF-8). Please type it again.

## The read-back: every answer, numbered

read-back-title = Your answers
# "Label: answer"; a label that is a question is followed by its answer without a colon.
read-back-entry = { $label }: { $value }
# What the read-back says, and the line to edit holds, where there are none.
none-item-medicine = none
none-item-allergy = none
none-item-illness = none
sex-female = female
sex-male = male
read-back-yes = yes
read-back-no = no
read-back-pregnant-week = yes, week { $week }
read-back-medicine-for = { $medicine } (for { $reason })
read-back-skipped = Skipped: { $numbers }.
# Numbers in a row, as in "Skipped: 6 to 9".
read-back-range = { $first } to { $last }
read-back-how = To change an answer, or to answer a question you skipped, type its number and press Enter. When everything is right, just press Enter (or type done).
ask-number = Number to change:
no-such-answer = There is no answer "{ $text }": type a number from 1 to { $count }, or press Enter when everything is right.
label-name = Your name
label-born = Date of birth
label-sex = Sex
label-pregnant = Pregnant
label-phone = Your phone number
label-medicines = Medicines
label-own-questions = Your questions
label-visit = The visit
label-clinic = Clinic or place
label-department = Department
label-reason = Why you are going
label-allergies = Allergies
label-illnesses = Other illnesses
label-companion = Coming with you
label-emergency-contact = In an emergency, call
label-language = Language you speak best
label-needs = What helps you take part
label-filled-in-by = Filled in by
label-concerns = Your worries
label-goal = What you hope for

## Answers the interview understands, separated by commas, in lower case

words-yes = yes, y, yes please, right, correct, true
words-no = no, n, false, wrong
words-female = f, female, woman, a woman, w
words-male = m, male, man, a man
# Besides "none", "nothing", "no allergies" and the other English ways to say so.
words-none = none, nothing
words-done = done, ok, okay, all right

## The end

wrote = Wrote { $file }. Every question you skipped is printed with lines to write on.
next-check = To see what is still open:
next-render = To make the visit sheet:
written-has-problem = the written intake has a problem:
stopped-interrupted = Stopped with Ctrl+C: nothing was written.
stop-interrupted = stopped with Ctrl+C
stop-input-ended = the answers ended before the interview was finished
# The whole line for the end of the input, in a language other than English.
stopped-input-ended = The answers ended before the interview was finished: nothing was written.
