# What `visitprep render` says it wrote, in French.

# What `render` wrote: the file (or standard output) and how many pages.
render-wrote =
    { $pages ->
        [one] écrit : { $file } (1 page)
       *[other] écrit : { $file } ({ $pages } pages)
    }
render-standard-output = le PDF sur la sortie standard
# The close of a batch, once every sheet is written.
render-batch-done =
    { $count ->
        [one] 1 feuille faite
       *[other] { $count } feuilles faites
    }
render-batch-failed = { $failed } feuilles sur { $total } n'ont pas pu être faites ; { $written ->
        [one] l'autre a été écrite
       *[other] les { $written } autres ont été écrites
    }
