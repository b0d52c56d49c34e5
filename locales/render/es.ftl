# What `visitprep render` says it wrote, in Spanish.

# What `render` wrote: the file (or standard output) and how many pages.
render-wrote =
    { $pages ->
        [one] escrito: { $file } (1 página)
       *[other] escrito: { $file } ({ $pages } páginas)
    }
render-standard-output = el PDF en la salida estándar
# The close of a batch, once every sheet is written.
render-batch-done =
    { $count ->
        [one] 1 hoja hecha
       *[other] { $count } hojas hechas
    }
render-batch-failed = no se pudieron hacer { $failed } de { $total } hojas; { $written ->
        [one] la otra se ha escrito
       *[other] las otras { $written } se han escrito
    }
