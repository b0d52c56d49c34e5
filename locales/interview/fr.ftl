# The interview's words in French: its questions, hints, read-back and answers it understands.
