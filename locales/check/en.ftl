# What `visitprep check` says about an intake file, in English.

## What check says once the file is read

check-valid = { $file }: valid (guide: { $guide })
check-valid-with-warnings =
    { $count ->
        [one] { $file }: valid, with 1 warning (guide: { $guide })
       *[other] { $file }: valid, with { $count } warnings (guide: { $guide })
    }
# $note is where the note is, `file:line:column:`, and what it says.
check-note = note: { $note }
check-guide-unreviewed = note: the guide is unreviewed: { $count } of its statements name no `source` (see `visitprep guides { $guide } --sources`)
# Said only in a language the guide has no translation into; English never says it.
check-guide-untranslated = note: the guide `{ $guide }` is not translated into this language: its questions and checklist are in English
check-many-concerns = warning: `visit.concerns` lists { $count } concerns; only the first three are on the sheet's first page (all of them are in the details): put the most important first
check-all-answered = every question is answered
check-unanswered = { $count } unanswered (printed with lines to write on):
check-checklist-open = { $count } checklist items not yet done:
# Who a checklist item names when the intake names no companion.
your-companion = your companion

## The guide the intake names

guide-unknown = unknown guide `{ $guide }`
guide-no-file = there is no guide file `{ $guide }`
guide-unknown-label = not a built-in guide
guide-no-file-label = no such file beside the intake
guide-unknown-help = the built-in guides are: { $guides }; a guide file is named by its path, relative to the intake
guide-unusable-help = name a guide's .toml file, relative to the intake, or a built-in guide
did-you-mean = did you mean `{ $name }`?
# $kind is what the path names instead of a file: folder, pipe, device, socket, or other.
guide-not-a-file =
    { $kind ->
        [folder] the guide `{ $guide }` is a folder, not a guide file
        [pipe] the guide `{ $guide }` is a named pipe (FIFO), not a guide file
        [device] the guide `{ $guide }` is a device, not a guide file
        [socket] the guide `{ $guide }` is a socket, not a guide file
        [file] the guide `{ $guide }` is a file, not a guide file
       *[other] the guide `{ $guide }` is not a regular file, not a guide file
    }

## The words around each problem, as the report prints it

level-error = error
level-warning = warning
level-help = help
report-field = { $message } (field `{ $field }`)

## The line after the problems: how many, and what was not done

# $errors problems refuse the file; $warnings more are said about it.
problems-in-intake =
    { $errors ->
        [one] error: 1 problem
       *[other] error: { $errors } problems
    }{ $warnings ->
        [0] {""}
        [one] {" "}(and 1 warning)
       *[other] {" "}(and { $warnings } warnings)
    } in the intake; { $outcome }
problems-in-guide =
    { $errors ->
        [one] error: 1 problem
       *[other] error: { $errors } problems
    }{ $warnings ->
        [0] {""}
        [one] {" "}(and 1 warning)
       *[other] {" "}(and { $warnings } warnings)
    } in the guide; { $outcome }
new-writes-one = help: `{ $command }` writes one to fill in
check-outcome = run check again once fixed
# What `render` did not do, closing the line after an intake's problems.
render-outcome = nothing was written
render-outcome-batch = no sheet was written for { $intake }

## Dates and numbers that cannot be right, or are unlikely

date-out-of-range = { $date } cannot be right: dates must be between { $first } and { $last }
date-out-of-range-label = check the year
date-out-of-range-help = write the date as year-month-day, with all four digits of the year
# $on is "visit" when the visit's date is known, else "today".
too-old =
    { $on ->
        [visit] the patient would be { $age } years old at the visit; no one is older than { $oldest }
       *[today] the patient would be { $age } years old today; no one is older than { $oldest }
    }
too-old-label = check the year of birth
too-old-help = write the date of birth as year-month-day, e.g. 1956-03-14
born-in-future = the date of birth { $born } is after today ({ $today })
born-in-future-label = in the future
born-in-future-help = check the year of birth
pregnancy-age = a pregnancy at { $age } years of age is unlikely; check `patient.born` and `patient.pregnant`
pregnancy-age-label =
    { $on ->
        [visit] { $age } years old at the visit
       *[today] { $age } years old today
    }
pregnancy-age-help = if both are right, nothing needs changing: the sheet prints them as written
night-before-birth = diary night { $night } is before the birth date ({ $born })
night-before-birth-label = before `patient.born`
night-before-birth-help = check the year of the night and of `born`
minutes-over-a-day = { $minutes } minutes is more than a day (1440 minutes) for one cramp
minutes-over-a-day-label = at most 1440
minutes-over-a-day-help = write how long this one episode lasted, in minutes, e.g. 2 or 0.5
night-after-visit = diary night { $night } ({ $date }) is after the visit ({ $visit })
night-after-visit-label = after `visit.when`
night-after-visit-help = check the year and month of the night and of the visit
since-after-visit = medication { $medication } is taken since { $since }, after the visit ({ $visit })
since-after-visit-label = after `visit.when`
since-after-visit-help = check the year and month of `since` and of the visit
visit-far-ahead = the visit ({ $visit }) is more than a year from today ({ $today })
visit-far-ahead-label = more than a year ahead
visit-far-ahead-help = check the year of the visit; if it is right, nothing needs changing

## A file not yet filled in, and warning signs in the patient's words

name-from-template = `patient.name` is still "{ $name }" from the template
name-from-template-label = not filled in
name-from-template-help = write the patient's name, as on the health insurance card
sign-emergency = call the emergency number now
sign-today = get seen by a doctor today
sign-appointment = tell the doctor at your visit
# A sign the guide gives no name of its own.
sign-unnamed = a warning sign
# $words are the patient's own, quoted as written; $sign is the guide's name for the sign.
sign-found = `{ $field }` describes a warning sign ({ $sign }): "{ $words }": { $how_soon }

## The patient, the visit and the answers

name-blank = the patient's name is blank
name-blank-label = write a name here
name-blank-help = the doctor needs to know whose sheet this is: name = "Maria Example"
pregnancy-week-impossible = pregnancy week { $week } is not possible
pregnancy-week-impossible-label = must be from 1 to 45
pregnancy-week-impossible-help = write the current week of pregnancy, a whole number from 1 to 45
pregnancy-week-not-pregnant = a pregnancy week is given, but `pregnant` is not true
pregnancy-week-not-pregnant-help = add `pregnant = true` to [patient], or remove `pregnancy_week`
visit-before-birth = the visit ({ $visit }) is before the birth date ({ $born })
visit-before-birth-label = before `patient.born`
visit-before-birth-help = check the year of the visit and of `born`
sheet-language-unknown = the sheet cannot be printed in "{ $language }"
sheet-language-unknown-label = not a language the sheet has
sheet-language-unknown-help = write "en" (English), "es" (Spanish) or "fr" (French)
not-a-question = `{ $id }` is not a question of the `{ $guide }` guide
not-a-question-label = unknown question id
question-ids-are = the question ids are: { $ids }
rename-to = rename it to `{ $name }`
# $of is "question" (`questions.skip`) or "checklist" (`checklist.done`).
not-an-id =
    { $of ->
        [question] `{ $id }` is not a patient question id of this guide
       *[checklist] `{ $id }` is not a checklist item id of this guide
    }
not-an-id-label = unknown id
ids-are = the ids are: { $ids }

## Lists that may say "none", medicines and the diary

none-allergies = no known allergies
none-illnesses = no other illnesses
none-medicines = no medicines
# $meaning is one of the three above.
none-read-as = `{ $field }` says "{ $item }": read as { $meaning } (`{ $flag } = true`), not as one called "{ $item }"
none-but-listed = `{ $flag }` is true, but `{ $list }` lists "{ $item }"; the sheet prints what is listed
none-but-listed-label = says there are none
none-but-listed-help = remove `{ $flag } = true`, or empty the list: the doctor must know which is right
none-but-flag-false = `{ $list }` says none, but `{ $flag } = false`; the sheet prints "not stated"
none-but-flag-false-label = says it is not known
none-but-flag-false-help = write `{ $flag } = true`, or take "none" out of the list
medication-blank = medication { $medication } has a blank name
medication-blank-help = write the medicine's name as on the box, or remove this [[medications]] entry
medication-no-dose = medication { $medication } ("{ $name }") has no dose
medication-no-dose-label = how much each time?
medication-no-dose-help = add how much you take each time, as on the box or the pharmacy label: dose = "12.5 mg"
minutes-not-positive = a cramp cannot last { $minutes } minutes
minutes-not-positive-label = must be more than 0
minutes-not-positive-help = write how long the cramp lasted in minutes, e.g. 2 or 0.5
severity-off-scale = severity { $severity } is outside the scale of 0 to 10
severity-off-scale-label = must be from 0 to 10
severity-off-scale-help = 0 is no pain and 10 the worst pain you can imagine

## Values of the wrong kind, and what is missing

missing = `{ $field }` is missing
missing-guide-help = add `guide = "nocturnal-leg-cramps"` (or `general`) as the first line
missing-patient-help = add a [patient] table with at least `name = "Your Name"`
missing-name-help = add `name = "Your Name"` to [patient], as on the health insurance card
missing-medication-name-help = add `name = ...` to this medications entry: the medicine's name, as on the box
missing-night-help = add `night = ...` to this diary entry: the date of the night, like 2026-11-20
# $found is one of the kind- messages below; $expected one of the expected- ones.
wrong-kind = wrong kind of value: { $found }, expected { $expected }
wrong-kind-label = wrong kind of value
number-too-large = the number is far too large: expected a whole number
kind-text = string { $value }
kind-whole = whole number `{ $value }`
kind-decimal = decimal number `{ $value }`
kind-datetime = date or time `{ $value }`
kind-list = a list
kind-table = a table
expected-text = text in quotes
expected-list = a list in square brackets
expected-flag = true or false
expected-whole = a whole number
expected-number = a number
expected-date = a date, like 1956-03-14
expected-visit = a date, or a date and time
expected-table = a table, like [{ $key }] with keys below it
expected-entries = one [[{ $key }]] block for each, with its keys below
expected-entry = a [[{ $key }]] block with its keys below
# What a value of the key $key is, and how it is written.
type-date = `{ $key }` is a date: without quotes as year-month-day (2024-05-01), or in quotes as you write it ("1 May 2024")
type-when = `when` is a date, or date and time: 2026-12-02T09:30:00 without quotes, or "2 December 2026 at 9:30am"
type-at = `at` is a time: 03:10:00 without quotes, or "3:10am"
type-severity = `severity` is a whole number from 0 (none) to 10 (worst), without quotes
type-minutes = `minutes` is a number without quotes, like 4 or 2.5
type-pregnancy-week = `pregnancy_week` is a whole number from 1 to 45, without quotes
type-flag = `{ $key }` is true or false, without quotes
type-table = `{ $key }` is a table: a line [{ $key }], then its keys below it
type-entries = each entry starts with a line [[{ $key }]], then its keys below it
type-list = `{ $key }` is a list in square brackets: { $key } = ["first", "second"]
type-text = `{ $key }` is text between double quotes: { $key } = "..."

## TOML that cannot be read, and keys the intake format does not have

# $message is the TOML reader's own message, in English: in English it is the problem itself.
toml-syntax = { $message }
toml-too-deep = keys are nested too deeply (more than { $levels } levels)
toml-too-deep-help = an intake needs at most two levels, like [patient] then name = "..."
toml-text-help = text goes between double quotes on one line: key = "text"; for several lines use three quotes """ ... """
toml-other-help = see the intake reference in the README
toml-twice-at-top = `{ $key }` appears twice at the top of the file
toml-twice-in = `{ $key }` appears twice in [{ $table }]
toml-twice-label = second time
toml-twice-help = each key may appear once per table: remove one of the two, or merge them
# $why is days-in-month.
toml-no-such-day = { $written } is not a real day: { $why }
# $month is the month's name, from month-name.
days-in-month = { $month } { $year } has { $days } days
# $message is the TOML reader's own message, in English.
toml-not-a-date = { $written } is not a valid date or time: { $message }
toml-not-a-date-label = not a real date or time
toml-not-a-date-help = write dates as year-month-day (1956-03-14) and times as 09:30:00, without quotes; check the day exists in that month
unknown-field = unknown field `{ $field }`
# $table is an array of tables ([[medications]]); $home the table the key belongs in.
unknown-field-landed = this landed in the last [[{ $table }]] entry
unknown-field-landed-help = in TOML, every key after a [[{ $table }]] line belongs to that entry until the next [table] line; move `{ $field }` above the first [[{ $table }]] line, into [{ $home }]
unknown-field-landed-top-help = in TOML, every key after a [[{ $table }]] line belongs to that entry until the next [table] line; move `{ $field }` above the first [[{ $table }]] line, into the top of the file
unknown-field-rename = rename `{ $field }` to `{ $name }`
unknown-field-label = not part of the intake format
unknown-field-none-help = remove it, or see the intake reference in the README
unknown-field-known = the known fields here are: { $fields }

## Control characters in a text

control-character = the text holds a control character, { $name }
control-character-label = { $code } here
control-character-help = remove it: control characters are keyboard commands, not text (an arrow key pressed while typing leaves ESC [ D); retype the words
control-nul = NUL (null)
control-bel = BEL (bell)
control-bs = BS (backspace)
control-vt = VT (vertical tab)
control-ff = FF (form feed)
control-cr = CR (a carriage return without a line break)
control-esc = ESC (escape, as arrow keys send it)
control-del = DEL (delete)
control-csi = CSI (control sequence introducer)
control-c0 = a C0 control character
control-c1 = a C1 control character

## Dates and times that cannot be read

# $month is the month's number, 1 to 12.
month-name =
    { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    }
# $day is the number of the day from Monday, 1, to Sunday, 7.
weekday =
    { $day ->
        [1] Monday
        [2] Tuesday
        [3] Wednesday
        [4] Thursday
        [5] Friday
        [6] Saturday
       *[7] Sunday
    }
# $month is the month's name, from month-name.
day-in-words = { $day } { $month } { $year }
weekday-and-day = { $weekday } { $day }
day-and-time = { $day } at { $time }
date-only = `{ $field }` must be a date only
date-only-label = a date without a time
date-only-help = write it as year-month-day, without quotes: 2024-05-01
not-a-real-date = { $date } is not a real date
not-a-real-date-label = no such day in the calendar
not-a-real-date-help = check the day and the month: year-month-day, like 1956-03-14
two-ways = "{ $written }" reads two ways: { $one } or { $other }?
two-ways-label = the day and the month could be swapped
two-ways-help = write the month as a word, like "{ $one }", or year-month-day without quotes
unreadable-date-label = not a date that can be read
unreadable-date-help = write a date like "4 April 1950" or "April 4, 1950", or year-month-day without quotes: 1950-04-04
visit-form = `visit.when` must be a local date, or a date and time
visit-form-help = write 2026-12-02 or 2026-12-02T09:30:00 without quotes and without a time zone, or "2 December 2026 at 9:30am"
unreadable-time = "{ $written }" is not a time of day that can be read
unreadable-time-label = not a time of day
unreadable-time-help = write the time like 03:10:00 without quotes, or "3:10am"
time-only = `{ $field }` must be a time of day
time-only-help = write the time without quotes, like 03:10:00
date-none = No date is given.
date-wrong-weekday = { $date } is a { $weekday }, not a { $named }: please check the date.
visit-time-may-follow = { $problem } A time may follow, like 10 December 2026 at 9:30am.
date-unreadable = "{ $written }" is not a date I can read; write it like 4 April 1950, April 4, 1950 or 1950-04-04.
date-no-such-day = "{ $written }" is not a day of the calendar: { $month } { $year } has no day { $day }.
date-no-such-month = "{ $written }" is not a day of the calendar: month { $month } has no day { $day }.
date-year-in-full = "{ $written }" needs the year in full, with four digits, like 4 April 1950, April 4, 1950 or 1950-04-04.
date-neither-way = "{ $written }" is not a day of the calendar, read day first or month first.
# $written is the date in the English words it was read as; $text is as written.
date-counts-from-today = "{ $written }" counts from today, which a saved file does not know; write the date itself, like 4 April 1950, April 4, 1950 or 1950-04-04.
date-out-of-calendar = That date is out of the calendar's range.

## A file that cannot be read as text

file-folder = this is a folder, not an intake file
file-folder-help = name the intake's .toml file
file-too-large = the input is larger than 1 MiB; an intake may be at most 1 MiB
file-too-large-help = is this the right file? An intake is a short text file
# $error is the system's own words for why.
file-not-found = cannot read the intake file: { $error }
file-not-found-help = check the file name and the folder it is in
file-unreadable = cannot read the intake file: { $error }
file-unreadable-help = check the file's permissions
file-not-utf8 = the file is not UTF-8 text (bad byte at line { $line }, column { $column })
file-not-utf8-help = save the file as UTF-8 text in your editor ("Save as" → encoding UTF-8)
