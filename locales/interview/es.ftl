# The interview's words in Spanish: its questions, hints, read-back and answers it understands.
