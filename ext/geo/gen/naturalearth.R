# naturalearth.R: reads Natural Earth (public domain) from Debian's r-cran-rnaturalearthdata
# and writes what ext/geo/gen/geo.py and the map need, as tab-separated text:
#
#   Rscript ext/geo/gen/naturalearth.R OUTDIR
#
#   OUTDIR/ne_states.tsv     US, Canadian and Australian states: iso_3166_2, iso_a2, name,
#                            postal, abbrev, label point (lat, lon)
#   OUTDIR/ne_points.tsv     a point for each country: iso_a2, name, the centroid of its largest
#                            part (lat, lon)
#   OUTDIR/ne_countries.tsv  every country outline of countries50: iso_a2, name, ring number,
#                            and the ring's points "lon,lat lon,lat ..." (1:50m scale)
# Needs the Debian packages r-base-core and r-cran-rnaturalearthdata (which brings r-cran-sp).
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript naturalearth.R OUTDIR")
out <- args[1]
e <- new.env()
lazyLoad(file.path(system.file(package = "rnaturalearthdata"), "data", "Rdata"), envir = e)
suppressMessages(library(sp))

s <- get("states50", e)
keep <- s$iso_a2 %in% c("US", "CA", "AU")
pts <- coordinates(s)
st <- data.frame(iso = as.character(s$iso_3166_2), cc = as.character(s$iso_a2),
                 name = as.character(s$name), postal = as.character(s$postal),
                 abbrev = as.character(s$abbrev), lat = round(pts[, 2], 4),
                 lon = round(pts[, 1], 4))[keep, ]
write.table(st, file.path(out, "ne_states.tsv"), sep = "\t", quote = FALSE, row.names = FALSE,
            fileEncoding = "UTF-8")

c50 <- get("countries50", e)
cp <- coordinates(c50) # the label point: the centroid of the largest ring
write.table(data.frame(cc = as.character(c50$iso_a2), name = as.character(c50$name),
                       lat = round(cp[, 2], 4), lon = round(cp[, 1], 4)),
            file.path(out, "ne_points.tsv"), sep = "\t", quote = FALSE, row.names = FALSE,
            fileEncoding = "UTF-8")
con <- file(file.path(out, "ne_countries.tsv"), "w", encoding = "UTF-8")
for (i in seq_along(c50@polygons)) {
    cc <- as.character(c50$iso_a2[i])
    nm <- as.character(c50$name[i])
    k <- 0
    for (p in c50@polygons[[i]]@Polygons) {
        if (p@hole) next
        k <- k + 1
        xy <- p@coords
        writeLines(paste(cc, nm, k, paste(sprintf("%.2f,%.2f", xy[, 1], xy[, 2]), collapse = " "),
                         sep = "\t"), con)
    }
}
close(con)
