# Using lede from Tcl, with Debian's sqlite3 package (libsqlite3-tcl).
#
#     tclsh examples/tcl_query.tcl [folder]
#
# Loads the extension, reads a folder of articles (default: seeds) and prints
# each article's title with the people it mentions most, as
# examples/python_query.py does.
package require sqlite3

set here [file dirname [file normalize [info script]]]
# the extension, without its .so/.dylib suffix (LEDE_LIB overrides it)
if {[info exists env(LEDE_LIB)]} {
    set lib $env(LEDE_LIB)
} else {
    set lib [file join $here .. build lede]
}
set folder [expr {$argc > 0 ? [lindex $argv 0] : [file join $here .. seeds]}]

sqlite3 db :memory:
db enable_load_extension 1
db eval {SELECT load_extension($lib)}
db enable_load_extension 0

db eval {
    SELECT a.path AS path, coalesce(a.title, '(no title)') AS title,
           (SELECT group_concat(name, ', ') FROM (
              SELECT e.canonical AS name, count(*) AS n
              FROM lede_entities(a.body, a.published) AS e
              WHERE e.label = 'PERSON'
              GROUP BY e.canonical ORDER BY n DESC, e.canonical LIMIT 3)) AS people
    FROM lede_articles($folder) AS a
    ORDER BY a.path
} {
    puts "$path: $title"
    if {$people ne ""} {
        puts "    people: $people"
    }
}
db close
