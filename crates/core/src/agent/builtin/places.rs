//! Places: countries, regions and cities a job-search message names beside a title
//! or in a sender's display name, folded, so that neither is taken for a role's
//! specialism ("Data Engineer – Berlin") nor for an employer ("Porto").

/// Countries, cities and country codes, folded: where a job is.
#[rustfmt::skip]
const LOCALITIES: &[&str] = &[
    "uk", "us", "usa", "germany", "france", "spain", "italy", "portugal", "netherlands",
    "ireland", "poland", "belgium", "switzerland", "austria", "denmark", "sweden", "norway",
    "finland", "berlin", "munich", "munchen", "hamburg", "frankfurt", "cologne", "koln",
    "stuttgart", "dusseldorf", "leipzig", "london", "manchester", "edinburgh", "glasgow",
    "bristol", "cambridge", "oxford", "leeds", "birmingham", "coventry", "dublin", "cork",
    "galway", "paris", "lyon", "toulouse", "nantes", "lille", "bordeaux", "marseille",
    "grenoble", "nice", "madrid", "barcelona", "valencia", "sevilla", "seville", "bilbao",
    "malaga", "lisbon", "lisboa", "porto", "amsterdam", "rotterdam", "utrecht", "eindhoven",
    "hague", "haag", "brussels", "bruxelles", "antwerp", "gent", "ghent", "luxembourg",
    "zurich", "geneva", "geneve", "basel", "lausanne", "vienna", "wien", "milan", "milano",
    "rome", "roma", "turin", "torino", "bologna", "florence", "firenze", "warsaw",
    "warszawa", "krakow", "wroclaw", "gdansk", "poznan", "prague", "praha", "budapest",
    "copenhagen", "kobenhavn", "aarhus", "stockholm", "gothenburg", "oslo", "helsinki",
    "tallinn", "riga", "vilnius", "athens", "bucharest", "sofia", "york", "boston", "san",
    "seattle", "austin", "toronto", "villeurbanne", "nl", "de", "fr", "es", "it", "pt",
    "ie", "alicante", "zaragoza", "murcia", "palma", "granada", "cordoba", "valladolid",
    "vigo", "gijon", "coruna", "donostia", "pamplona", "santander", "cadiz", "tarragona",
    "girona", "lleida", "sabadell", "terrassa", "badalona", "napoli", "naples", "genova",
    "genoa", "verona", "padova", "brescia", "bergamo", "trieste", "bari", "palermo",
    "catania", "dresden", "hannover", "nuremberg", "nurnberg", "bremen", "essen",
    "dortmund", "bonn", "mannheim", "karlsruhe", "strasbourg", "rennes", "montpellier",
    "rouen", "braga", "coimbra", "aveiro", "faro", "setubal", "groningen", "leiden",
    "delft", "haarlem", "arnhem", "nijmegen", "tilburg", "breda", "malmo", "uppsala",
    "odense", "aalborg", "bergen", "trondheim", "stavanger", "espoo", "tampere", "turku",
    "brno", "ostrava", "bratislava", "kosice", "ljubljana", "zagreb", "liverpool",
    "sheffield", "newcastle", "nottingham", "cardiff", "belfast", "brighton", "england",
    "scotland", "wales",
    // Holiday regions, where a hotel's job is ("Director of Operations – Balearics").
    "balearics", "baleares", "balears", "mallorca", "ibiza", "menorca", "algarve",
    "canarias", "canaries", "madeira", "azores", "acores", "tuscany", "toscana", "provence",
    "riviera",
    // Slovenia, Croatia, Greece and Cyprus, in Latin and Greek letters.
    "maribor", "celje", "koper", "kranj", "split", "rijeka", "osijek", "zadar", "dubrovnik",
    "pula", "varazdin", "sibenik", "thessaloniki", "crete", "rhodes", "corfu", "mykonos",
    "santorini", "naxos", "heraklion", "chania", "patras", "nicosia", "limassol", "paphos",
    "larnaca", "bath", "sorrento", "αθηνα", "θεσσαλονικη", "κρητη",
    "ροδος", "κερκυρα", "μυκονος", "σαντορινη", "ναξος", "ηρακλειο", "χανια", "πατρα",
    "λευκωσια", "λεμεσος", "παφος", "λαρνακα",
    // Czechia, Austria, Switzerland and more of Germany.
    "plzen", "liberec", "olomouc", "pardubice", "zlin", "jihlava", "graz", "linz", "salzburg",
    "innsbruck", "klagenfurt", "villach", "kufstein", "wels", "bern", "luzern", "lucerne",
    "winterthur", "lugano", "zug", "biel", "neuchatel", "fribourg", "augsburg", "regensburg",
    "ingolstadt", "wolfsburg", "braunschweig", "kassel", "freiburg", "ulm", "heilbronn",
    "wurzburg", "erlangen", "aachen", "munster", "bielefeld", "kiel", "rostock", "magdeburg",
    "erfurt", "jena", "chemnitz", "mainz", "wiesbaden", "darmstadt", "saarbrucken",
    "osnabruck", "paderborn",
    // The rest of the world a job search reaches: North America, Oceania, Asia, the
    // Gulf, Africa and Latin America, with their states and provinces.
    "new york", "nyc", "chicago", "los angeles", "san francisco", "san jose", "san diego",
    "denver", "atlanta", "dallas", "houston", "philadelphia", "miami",
    "minneapolis", "detroit", "portland", "pittsburgh", "baltimore", "charlotte", "raleigh",
    "nashville", "cleveland", "cincinnati", "indianapolis", "milwaukee",
    "st louis", "kansas city", "salt lake city", "las vegas", "sacramento", "oakland",
    "brooklyn", "manhattan", "evanston", "naperville", "washington dc", "dc",
    "california", "texas", "florida", "illinois", "massachusetts", "colorado", "georgia",
    "virginia", "north carolina", "ohio", "michigan", "minnesota", "oregon", "arizona",
    "pennsylvania", "new jersey", "maryland", "wisconsin", "indiana", "tennessee", "utah",
    "bay area", "silicon valley", "midwest", "montreal", "vancouver", "calgary", "ottawa",
    "edmonton", "winnipeg", "quebec", "ontario", "british columbia", "alberta", "canada",
    "sydney", "melbourne", "brisbane", "perth", "adelaide", "canberra", "hobart",
    "gold coast", "parramatta", "nsw", "vic", "qld", "new south wales", "victoria",
    "queensland", "australia", "auckland", "wellington", "christchurch",
    "new zealand", "singapore", "hong kong", "kuala lumpur", "jakarta", "manila", "bangkok",
    // Indonesia's cities and Jakarta's parts, and more of South-East Asia's (not its
    // countries: "PT Semesta Ritel Indonesia" is a name).
    "jakarta selatan", "jakarta pusat", "jakarta utara", "jakarta barat",
    "jakarta timur", "jabodetabek", "surabaya", "bandung", "medan", "semarang", "bali",
    "denpasar", "yogyakarta", "yogya", "jogja", "batam", "tangerang", "tangerang selatan",
    "bekasi", "depok", "bogor", "makassar", "balikpapan", "penang", "johor bahru", "cebu",
    "hanoi", "ho chi minh city",
    "tokyo", "osaka", "seoul", "shanghai", "beijing", "shenzhen", "taipei", "india",
    "bengaluru", "bangalore", "mumbai", "navi mumbai", "pune", "hyderabad", "chennai",
    "delhi", "new delhi", "ncr", "delhi ncr", "gurugram", "gurgaon", "noida", "kolkata",
    "ahmedabad", "kochi", "jaipur", "chandigarh", "coimbatore", "thiruvananthapuram",
    "karnataka", "maharashtra", "tamil nadu", "telangana", "kerala", "dubai", "abu dhabi",
    "sharjah", "doha", "riyadh", "jeddah", "manama", "muscat", "kuwait", "uae", "qatar",
    "saudi arabia", "tel aviv", "istanbul", "ankara", "izmir", "cairo", "johannesburg",
    "joburg", "jhb", "cape town", "durban", "pretoria", "sandton", "midrand", "centurion",
    "stellenbosch", "gqeberha", "port elizabeth", "gauteng", "western cape", "kwazulu-natal",
    "south africa", "paarl", "bloemfontein", "polokwane", "mbombela", "rustenburg",
    "pietermaritzburg", "kimberley", "randburg", "rosebank", "umhlanga", "bellville",
    "somerset west", "eastern cape", "free state", "limpopo", "mpumalanga",
    "nairobi", "lagos", "accra", "kigali", "mexico city", "cdmx",
    "guadalajara", "monterrey", "bogota", "medellin", "lima", "santiago", "buenos aires",
    "sao paulo", "rio de janeiro", "montevideo",
    // Britain's and Ireland's regions, counties and more of their towns.
    "yorkshire", "lancashire", "cheshire", "merseyside", "west midlands", "east midlands",
    "midlands", "north west", "north east", "south west", "south east", "east anglia",
    "home counties", "kent", "surrey", "sussex", "essex", "hertfordshire", "berkshire",
    "hampshire", "devon", "cornwall", "norfolk", "suffolk", "cumbria", "northumberland",
    "durham", "milton keynes", "southampton", "portsmouth", "plymouth", "exeter",
    "norwich", "ipswich", "leicester", "derby", "stoke", "wolverhampton", "salford",
    "stockport", "bolton", "wigan", "warrington", "chester", "preston", "blackburn",
    "huddersfield", "bradford", "wakefield", "harrogate", "hull", "sunderland",
    "middlesbrough", "aberdeen", "dundee", "inverness", "swansea", "gloucester",
    "cheltenham", "swindon", "slough", "reading", "watford", "luton", "guildford", "canary wharf",
    "city of london", "limerick", "waterford", "kilkenny", "sligo", "athlone", "kildare",
    "meath", "wicklow", "louth", "wexford", "mayo", "donegal",
    "northern ireland", "derry",
    // Cities of Peru, Chile, Argentina, Ecuador, Colombia, Türkiye, Vietnam, Japan and
    // the Nordics.
    "arequipa", "moquegua", "cusco", "piura", "antofagasta", "calama",
    "iquique", "valparaiso", "vina del mar", "temuco", "punta arenas",
    "copiapo", "la serena", "rancagua", "puerto montt", "neuquen",
    "tucuman", "quito", "guayaquil", "barranquilla", "bursa", "kocaeli", "gebze",
    "antalya", "ha noi", "ho chi minh", "da nang", "hai phong", "binh duong", "dong nai",
    "yokohama", "nagoya", "fukuoka", "kyoto", "sapporo", "kobe", "goteborg", "vantaa",
    "oulu", "jyvaskyla", "kuopio",
];

/// Words naming a district with the place's name ("Hills District", "County Cork").
const DISTRICTS: &[&str] = &["district", "county", "province"];

/// Words that set a part of a place apart ("South Yorkshire", "Greater Manchester").
#[rustfmt::skip]
const SIDES: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "greater", "inner", "outer", "upper", "lower",
];

/// Words that make the name after them a region ("Zona Levante", "Zone Sud").
const REGION_WORDS: &[&str] = &["zona", "zone"];

/// Regions a role covers rather than a place it is in ("Customer Success Manager,
/// EMEA", "Head of HR – Iberia"), folded.
#[rustfmt::skip]
const REGIONS: &[&str] = &[
    "eu", "emea", "europe", "dach", "benelux", "nordics", "nordic", "iberia", "latam", "apac", "mena", "gcc",
    "scandinavia", "levante", "catalunya", "cataluna", "andalucia", "bayern", "bavaria",
    "lombardia", "lombardy",
];

/// Words that open a street's name, folded.
#[rustfmt::skip]
const STREETS: &[&str] = &[
    "rue", "avenue", "boulevard", "place", "calle", "avenida", "plaza", "paseo", "passeig",
    "carrer", "via", "viale", "piazza", "corso", "rua", "praca", "travessa", "strasse",
    "allee", "platz", "straat", "laan", "plein", "gracht", "ul", "ulica",
];

/// Whether `word` opens a street's name ("Rue de la Loi", "Rua das Flores").
pub(crate) fn opens_street(word: &str) -> bool {
    STREETS.contains(&super::text::fold(word).as_str())
}

/// Whether `name` is a region a role covers ("EMEA", "Iberia").
pub(crate) fn is_region(name: &str) -> bool {
    REGIONS.contains(&super::text::fold(name.trim()).as_str())
}

/// Whether `name` is a place where a job is, not a region it covers ("Málaga",
/// "Ireland"; not "EMEA", nor "FC Porto").
pub(crate) fn is_locality(name: &str) -> bool {
    is_place(name) && !is_region(name)
}

/// Whether `name` is a place and nothing more ("Porto", "Zürich", "EMEA", "Hills
/// District"; not "FC Porto").
pub(crate) fn is_place(name: &str) -> bool {
    let folded = super::text::fold(name.trim());
    let folded = folded.trim_end_matches(['.', ',']);
    // "London W1", "Sydney 2000": a place and its postcode.
    let folded = match folded.rsplit_once(' ') {
        Some((place, code))
            if code.len() <= 4
                && code.chars().any(|c| c.is_ascii_digit())
                && code.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            place
        }
        _ => folded,
    };
    // "South Yorkshire", "Western Sydney", "Greater Manchester", "Central London".
    let folded = match folded.split_once(' ') {
        Some((side, place)) if SIDES.contains(&side) && LOCALITIES.contains(&place) => place,
        _ => folded,
    };
    // "Hills District", "County Kildare": a district by its name (not "Kent County
    // Council", an employer).
    let district = folded.split_whitespace().count() == 2
        && folded.split_whitespace().any(|w| DISTRICTS.contains(&w));
    district
        || LOCALITIES.contains(&folded)
        || REGIONS.contains(&folded)
        || folded
            .split_once(' ')
            .is_some_and(|(first, rest)| REGION_WORDS.contains(&first) && !rest.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_alone_is_a_place() {
        assert!(is_place("Zürich"));
        assert!(is_place(" Porto "));
        assert!(!is_place("FC Porto"));
        assert!(is_place("Alicante") && is_place("Zona Levante") && is_place("EMEA"));
        assert!(is_locality("Alicante") && !is_locality("EMEA"));
        assert!(!is_place("Rotaverde Travel"));
        assert!(is_locality("Νάξος") && is_locality("Limassol"));
        assert!(is_place("South Yorkshire") && is_place("Western Sydney"));
        assert!(is_place("London W1") && is_place("Auckland") && is_place("Cape Town"));
        assert!(!is_place("South Coast Builders") && !is_place("London Metals 2"));
        assert!(is_place("Hills District") && is_place("County Kildare"));
    }
}
