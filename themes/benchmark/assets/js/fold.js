// fold is the rule by which a typed name matches a city's name, shared by
// the compare page's picker (js/compare.js) and the city search
// (js/city-search.js): accents dropped (ü → u, é → e), ß → ss, lower case.
// "mün", "MUN" and "Munchen" all match "München". The spelling with e
// ("muen") matches through the city's slug, which writes ü as ue (see
// workbook.Slug); both scripts match the slug too.
export function fold(s) {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .toLowerCase();
}
