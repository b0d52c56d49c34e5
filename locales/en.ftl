# The sheet's own words in English. Every message here must be in every other catalogue
# too (tests/catalogues.rs); the patient's words and the guide's never come from here.

## Numbers and dates

decimal-mark = .
date-long = { $day } { $month } { $year }
date-short = { $day } { $month } { $year }
date-day-month = { $day } { $month }
date-short-day-month = { $day } { $month }
date-month-year = { $month } { $year }
date-month-short-year = { $month } { $yy }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
weekday-short-1 = Mon
weekday-short-2 = Tue
weekday-short-3 = Wed
weekday-short-4 = Thu
weekday-short-5 = Fri
weekday-short-6 = Sat
weekday-short-7 = Sun
# A weekday before a date: "Wednesday 2 December 2026".
weekday-date = { $weekday } { $date }
# A time after a date: "Wednesday 2 December 2026, 09:30".
date-time = { $date }, { $time }

## On every page

page-of = Page { $n } of { $total }
footer = Visit sheet for { $name } · made { $date }
box-done = Done:{" "}
box-not-done = Not done:{" "}

## The document's description (title bar, metadata)

meta-title = Visit sheet: { $condition } - { $name }
meta-subject-day-clinic = { $condition }: visit on { $day } at { $clinic }
meta-subject-day = { $condition }: visit on { $day }
meta-subject-clinic = { $condition }: visit at { $clinic }
meta-subject = { $condition }: notes for the doctor's visit
meta-keyword = visit sheet

## Cutting a long text on page 1

continued-on-page = {" "}… (continued on page { $page })
in-full-on-page = {" "}… (in full on page { $page })
in-full-on-page-after = {" "}(in full on page { $page })
go-to-page = Go to page { $page }

## Page 1: the summary for the doctor

summary-heading = Visit summary for the doctor: { $condition }
filled-in-by = Filled in by { $who } before the visit
filled-in-by-patient = Filled in by the patient before the visit
summary-note = { $by }, in the patient's own words. This page is a summary. Details: pages { $from }–{ $to }.
label-patient = Patient
label-pregnant = Pregnant
pregnant-week = Yes, week { $week }
pregnant-no-week = Yes (week not given)
pregnant-yes = Yes
label-visit = Visit
label-speaks-best = Speaks best
label-needs = Needs
age-at-visit-born = { $age } years old at the visit (born { $born })
age-born = { $age } years old (born { $born })
allergies-label = Allergies:{" "}
no-known-allergies = No known allergies (patient-reported)
allergies-not-stated = not stated (ask the patient)
label-reason = Reason
not-answered = not answered
concerns-more = {"\u000A"}… and { $more } more, see page { $page }
label-concerns = Concerns
label-hopes-for = Hopes for
label-not-answered = Not answered
warning-signs = Warning signs in the patient's words:
warning-sign = Warning sign
told-emergency = told to call the emergency number now
told-today = told to be seen today
told-appointment = told to raise it at this visit
sign-place-reason = reason
sign-place-concern = concern { $n }
sign-quote = {" "}({ $place }): "{ $quote }"; { $told }
signs-more = {"\u000A"}… and { $more } more, in the answers from page { $page }
label-medicines = Medicines
label-other-illnesses = Other illnesses
no-other-illnesses = none (patient-reported)
not-stated = not stated
label-diary = Diary
diary-details-on-page = { $diary } (details on page { $page })
no-medicines = No medicines (patient-reported)
no-medicines-listed = No medicines listed
medicines-more = … and { $more } more, see page { $page } (doses and notes there)
medicines-all = All in full, with doses, on page { $page }
flag-words = possible cause
flag-told = patient told to keep taking flagged ones
flagged-medicines = Flagged, { flag-words }: { $medicines }
flagged-mark = {" "}— { flag-words }
only-when-needed = (only when needed)

## The details

details-title = Visit sheet
details-subtitle = { $condition }: the details
label-born = Born
born-at-visit = { $born } ({ $age ->
    [one] { $age } year
   *[other] { $age } years
  } old at the visit)
born-today = { $born } ({ $age ->
    [one] { $age } year
   *[other] { $age } years
  } old)
label-sex = Sex
label-what-helps-me = What helps me
label-filled-in-by = Filled in by
label-allergies = Allergies
label-where = Where
label-doctor = Doctor
label-coming-with-me = Coming with me
label-phone = Phone
label-language = Language
label-in-an-emergency = In an emergency
why-i-am-coming = Why I am coming
what-worries-me = What worries me, most important first
what-i-hope = What I hope to get from this visit
my-answers = My answers to the doctor's questions
medicines-in-table = My medicines are listed in the table below.
my-medicines = My medicines
i-take-no-medicines = I take no medicines.
no-medicines-write = No medicines are listed. Write down any medicines, vitamins or supplements you take:
medicine-note = Note { $letter }: { $class }.{" "}
medicine-may-add = {"\u000A"}May add to the cramps (note { $letter }): keep taking it; ask your doctor
column-medicine = Medicine
column-dose = Dose
column-how-often = How often
column-since = Since
column-what-for = What for / notes
my-health = My health
other-illnesses = Other illnesses and conditions
no-other-illnesses-me = I have no other illnesses.
allergies = Allergies
no-known-allergies-me = No known allergies: I know of none.
allergies-write = None written down. Write any allergies here, or "none known" if you have none:
other-notes = Other notes

## The patient's part

for-me-title = For me
for-me-subtitle = Before, during and after the visit
before-i-leave-home = Before I leave home
your-companion = your companion
checklist-default = Bring this sheet, my medicines or their boxes, and my health card.
seek-care = When to get care promptly
tier-emergency = Now: call the emergency number
tier-today-booked = Today: see a doctor, do not wait for your visit
tier-today = Today: see a doctor
tier-appointment-booked = At your visit on { $day }: keep it, and tell the doctor
tier-appointment = Soon: make an appointment and tell the doctor
my-questions = My questions for the doctor
other-questions = Other questions
good-to-know = Good to know
tests-heading = Examinations and tests the doctor may do
after-heading = After the visit: my plan
after-fill-in = Fill this in with the doctor or nurse before you leave, or ask them to write it.
after-thinks = What the doctor thinks it is
after-at-home = What to do at home
after-changes = Changes to my medicines
column-start-stop = Start, stop or change?
column-how-to-take = How to take it
column-why = Why
after-tests = Tests ordered, and how the results will reach me
after-next = My next appointment
after-whom = Whom to call with questions
say-it-back = Say it back:{" "}
say-it-back-text = I have told the doctor the plan in my own words, and it was right.
about-heading = About this condition
which-department = Which department
departments-can-help = Depending on the cause, these departments can help:
booked = Booked:{" "}
department-booked-inside = { $open }, booked)
department-booked = { $department } (booked)
departments-may-fit = Departments that may fit, from what I wrote
# Shown on the patient's pages when the guide has no translation in their language.
guide-in-english = The guide's advice on these pages is in English: it has not been translated yet.

## The diary

diary-title-default = My symptom diary
chart-per-week = Cramps per week (weeks start on Monday)
chart-per-year = Cramps per year
chart-per-month = Cramps per month
chart-unit = cramps
label-cramps-logged = Cramps logged
diary-logged = { $count } { $count ->
    [one] entry
   *[other] entries
  } from { $first } to { $last }
label-how-often = How often
label-severity = Severity (0 to 10)
severity-average = average { $mean }, worst { $worst }
label-how-long = How long
minutes-average = average { $mean } minutes, longest { $longest } minutes
label-most-often-in = Most often in
place-of = { $place } ({ $n } of { $count })
label-when-in-night = When in the night
night-times = between { $early } and { $late }, typically around { $typical }
about-a-week = about { $n } a week
about-a-month = about { $n } a month
less-than-monthly = less than once a month
span-to = { $first } to { $last }
diary-nights-logged = { $count } { $count ->
    [one] night
   *[other] nights
  } logged, { $span }, { $often }
severity-usually = severity usually { $typical } of 10, worst { $worst }
minutes-each = { $minutes } minutes each
minutes-range = { $short } to { $long } minutes
mostly-in = mostly { $place } ({ $n } of { $count })
usually-around = usually around { $time }
column-night = Night
column-time = Time
column-minutes = Minutes
column-where = Where
column-severity = Severity
column-note = Note
grid-heading = { $title }: to fill in by hand
grid-instructions = Write one line for each cramp, as soon as you can after it. Severity: 0 is no pain, 10 is the worst pain you can imagine. Bring this page to the visit.
column-woke-me = Woke me?
column-leg-muscle = Leg and muscle
column-severity-scale = Severity 0–10
column-what-helped = What helped / trigger

## The intake file that `visitprep new` writes: its notes, and the examples under them

intake-title = Visit intake: { $guide }
intake-how = Fill in what you know and leave the rest. Lines starting with # are notes and are ignored: to fill in a line, remove the # in front of it and change the example.
intake-how-text = Text goes between double quotes. Dates are written year-month-day, without quotes.
intake-check-file = Check the file:
intake-make-sheet = Make the sheet:
intake-this-file = THIS-FILE
intake-name-to-replace = Your name
intake-guide = The guide this intake follows (`visitprep guides` lists them).
intake-name = Your full name, as on your health insurance card.
intake-born = Date of birth (your age is worked out from it).
intake-sex = Sex, as you would tell the doctor.
intake-example-sex = female
intake-pregnant = Are you pregnant? true or false.
intake-pregnancy-week = If you are pregnant: which week of pregnancy (1 to 45)?
intake-phone = Your phone number.
intake-language = Language you prefer to speak with the doctor.
intake-example-language = English
intake-emergency-contact = Who to call in an emergency, with their phone number.
intake-example-emergency-contact = Anna Example (daughter), +44 7700 900123
intake-needs = What helps you take part in the visit, each in quotes, separated by commas: glasses, a hearing aid, an interpreter, a wheelchair, more time. They are on the sheet's first page.
intake-example-need-1 = reading glasses
intake-example-need-2 = interpreter: Polish
intake-filled-in-by = If someone else fills in this file for you: their name, and who they are to you.
intake-example-filled-in-by = Anna Example (daughter)
intake-when = Date and time of the appointment (or only the date: 2026-12-02).
intake-clinic = The hospital, clinic or practice.
intake-example-clinic = St. Mary Hospital
intake-department = The department, or the kind of doctor.
intake-example-department = Neurology
intake-doctor = The doctor's name, if you know it.
intake-example-doctor = Dr. Elena Mueller
intake-companion = Who comes with you (named on your checklist).
intake-example-companion = Anna (daughter)
intake-reason = In one or two sentences: why you are going.
intake-example-reason = Painful cramps in my calves at night.
intake-concerns = What worries you, most important first, each in quotes, separated by commas. The first three are on the sheet's first page.
intake-example-concern-1 = The cramps wake me every night.
intake-example-concern-2 = Could it be my water pill?
intake-goal = What you hope to get from the visit.
intake-example-goal = To sleep through the night again.
intake-sheet-language = The language of the sheet's own words: "en" (English), "es" (Spanish) or "fr" (French). Left out, it follows the language you speak best when the sheet has it.
intake-answers = Your answers to the questions the doctor is likely to ask. A question you leave out is printed with lines to write on. For several lines, use three quotes:
intake-example-first-line = first line
intake-example-second-line = second line
intake-only-in-pregnancy = (Only asked during pregnancy.)
intake-conditions = Other illnesses you have, each in quotes, separated by commas.
intake-example-condition-1 = type 2 diabetes
intake-example-condition-2 = high blood pressure
intake-allergies = Allergies, and what happens.
intake-example-allergy = penicillin (rash)
intake-notes = Anything else the doctor should know.
intake-example-notes = Cataract operation in 2022.
intake-no-known-allergies = No allergies that you know of? Then say so, and leave `allergies` out.
intake-no-medicines = You take no medicines at all? Then say so, and add no medicine blocks.
intake-no-other-illnesses = No other illnesses? Then say so, and leave `conditions` out.
intake-own = Your own questions for the doctor, each in quotes, separated by commas.
intake-example-own = Can I keep swimming?
intake-skip = The sheet also prints these questions. To leave one out, list its id under skip:
intake-done = What you have already done; these are printed ticked. The ids:
intake-blocks = Everything from here on is a list of blocks. Keep them at the end of the file: in TOML a line after [[medications]] belongs to that medicine.
intake-medicines-empty = Your medicines: copy these lines once for each medicine and remove the #.
intake-medicine-name = The medicine's name, as on the box.
intake-example-medicine-name = hydrochlorothiazide
intake-medicine-dose = How much you take each time.
intake-example-medicine-dose = 12.5 mg
intake-medicine-how-often = How often you take it.
intake-example-medicine-how-often = every morning
intake-medicine-since = Since when you take it.
intake-medicine-reason = What it is for.
intake-example-medicine-reason = blood pressure
intake-medicine-note = Anything else about it.
intake-medicine-as-needed = Only taken when needed? Then add:
intake-medicines-filled = Your medicines, one [[medications]] block each: name, dose, how_often, since (year-month-day), reason (what it is for), note, and as_needed = true for one taken only when needed. For another medicine, add another block like these.
intake-diary-empty = A diary: one block for each night with symptoms.
intake-diary-night = The night, year-month-day.
intake-diary-at = The time it started.
intake-diary-minutes = How long it lasted, in minutes.
intake-diary-where = Where in the body.
intake-example-diary-where = right calf
intake-diary-severity = Severity from 0 (no pain) to 10 (worst pain you can imagine).
intake-diary-note = Anything else about that night.
intake-example-diary-note = long walk that day
intake-diary-filled = Your diary, one [[diary]] block for each night with symptoms: night (year-month-day), at (time, like 03:10:00), minutes, where, severity from 0 (no pain) to 10 (worst pain you can imagine), and note.
