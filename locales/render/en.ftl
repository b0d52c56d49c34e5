# What `visitprep render` says it wrote, in English.

# What `render` wrote: the file (or standard output) and how many pages.
render-wrote =
    { $pages ->
        [one] wrote { $file } (1 page)
       *[other] wrote { $file } ({ $pages } pages)
    }
render-standard-output = the PDF to standard output
# The close of a batch, once every sheet is written.
render-batch-done =
    { $count ->
        [one] rendered 1 sheet
       *[other] rendered { $count } sheets
    }
render-batch-failed = { $failed } of { $total } intakes failed; the other { $written } { $written ->
        [one] was
       *[other] were
    } written
