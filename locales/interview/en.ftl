# The interview's words in English: its questions, hints, read-back and answers it understands.
