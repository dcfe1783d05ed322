// Stop words per language: the most frequent function words (articles,
// pronouns, auxiliaries, prepositions, conjunctions), lower case. Our own
// short lists, in the spirit of the Snowball project's stop lists.
#include "base/stop_words_p.h"

#include <string>

namespace quire::detail {

namespace {

const std::vector<std::string_view> en = {
    "a",         "about",    "above",      "after",     "again",      "against", "all",
    "also",      "am",       "an",         "and",       "any",        "are",     "aren't",
    "as",        "at",       "be",         "because",   "been",       "before",  "being",
    "below",     "between",  "both",       "but",       "by",         "can",     "can't",
    "cannot",    "could",    "couldn't",   "did",       "didn't",     "do",      "does",
    "doesn't",   "doing",    "don't",      "down",      "during",     "each",    "few",
    "for",       "from",     "further",    "had",       "hadn't",     "has",     "hasn't",
    "have",      "haven't",  "having",     "he",        "he'd",       "he'll",   "he's",
    "her",       "here",     "here's",     "hers",      "herself",    "him",     "himself",
    "his",       "how",      "how's",      "i",         "i'd",        "i'll",    "i'm",
    "i've",      "if",       "in",         "into",      "is",         "isn't",   "it",
    "it's",      "its",      "itself",     "just",      "let's",      "me",      "more",
    "most",      "mustn't",  "my",         "myself",    "no",         "nor",     "not",
    "of",        "off",      "on",         "once",      "only",       "or",      "other",
    "ought",     "our",      "ours",       "ourselves", "out",        "over",    "own",
    "same",      "shan't",   "she",        "she'd",     "she'll",     "she's",   "should",
    "shouldn't", "so",       "some",       "such",      "than",       "that",    "that's",
    "the",       "their",    "theirs",     "them",      "themselves", "then",    "there",
    "there's",   "these",    "they",       "they'd",    "they'll",    "they're", "they've",
    "this",      "those",    "through",    "to",        "too",        "under",   "until",
    "up",        "very",     "was",        "wasn't",    "we",         "we'd",    "we'll",
    "we're",     "we've",    "were",       "weren't",   "what",       "what's",  "when",
    "when's",    "where",    "where's",    "which",     "while",      "who",     "who's",
    "whom",      "why",      "why's",      "will",      "with",       "won't",   "would",
    "wouldn't",  "you",      "you'd",      "you'll",    "you're",     "you've",  "your",
    "yours",     "yourself", "yourselves", "um",        "uh",         "yeah",    "oh",
    "like",      "mm"};

const std::vector<std::string_view> fr = {
    "au",   "aux",   "avec", "ce",     "ces",  "cette", "dans",  "de",   "des",   "du",
    "elle", "elles", "en",   "est",    "et",   "être",  "eu",    "il",   "ils",   "je",
    "j'ai", "la",    "le",   "les",    "leur", "leurs", "lui",   "ma",   "mais",  "me",
    "même", "mes",   "moi",  "mon",    "ne",   "nos",   "notre", "nous", "on",    "ont",
    "ou",   "où",    "par",  "pas",    "pour", "qu",    "que",   "qui",  "sa",    "se",
    "ses",  "son",   "sont", "sur",    "ta",   "te",    "tes",   "toi",  "ton",   "tu",
    "un",   "une",   "vos",  "votre",  "vous", "c'est", "était", "été",  "avait", "avoir",
    "fait", "comme", "plus", "aussi",  "si",   "y",     "ça",    "cela", "ai",    "as",
    "a",    "suis",  "es",   "sommes", "êtes", "l'",    "d'",    "n'",   "s'"};

const std::vector<std::string_view> de = {
    "aber",  "alle",  "als",   "also",  "am",    "an",     "auch",   "auf",  "aus",   "bei",
    "bin",   "bis",   "bist",  "da",    "damit", "dann",   "das",    "dass", "dem",   "den",
    "der",   "des",   "die",   "dies",  "diese", "dieser", "dieses", "doch", "dort",  "du",
    "durch", "ein",   "eine",  "einem", "einen", "einer",  "eines",  "er",   "es",    "für",
    "hat",   "hatte", "habe",  "haben", "hier",  "ich",    "ihr",    "ihre", "im",    "in",
    "ist",   "ja",    "jetzt", "kann",  "kein",  "keine",  "man",    "mein", "meine", "mich",
    "mir",   "mit",   "nach",  "nicht", "noch",  "nur",    "ob",     "oder", "schon", "sehr",
    "sein",  "seine", "sich",  "sie",   "sind",  "so",     "um",     "und",  "uns",   "unser",
    "von",   "vor",   "war",   "waren", "was",   "wenn",   "werden", "wie",  "wir",   "wird",
    "wo",    "zu",    "zum",   "zur",   "über"};

const std::vector<std::string_view> es = {
    "a",     "al",     "algo", "como", "con",     "de",       "del",   "el",   "ella",
    "ellas", "ellos",  "en",   "era",  "es",      "esa",      "ese",   "eso",  "esta",
    "está",  "están",  "este", "esto", "fue",     "ha",       "han",   "hay",  "la",
    "las",   "le",     "les",  "lo",   "los",     "más",      "me",    "mi",   "mis",
    "muy",   "nada",   "ni",   "no",   "nos",     "nosotros", "o",     "para", "pero",
    "por",   "porque", "que",  "qué",  "se",      "ser",      "si",    "sí",   "sin",
    "sobre", "son",    "su",   "sus",  "también", "te",       "tiene", "todo", "tu",
    "tú",    "un",     "una",  "uno",  "unos",    "y",        "ya",    "yo"};

const std::vector<std::string_view> nl = {
    "aan", "al",     "als", "bij",   "dan",  "dat",  "de",     "die",   "dit",   "door",
    "een", "en",     "er",  "ge",    "had",  "heb",  "hebben", "heeft", "hem",   "het",
    "hij", "hoe",    "hun", "ik",    "in",   "is",   "ja",     "je",    "kan",   "maar",
    "me",  "men",    "met", "mij",   "mijn", "na",   "naar",   "niet",  "niets", "nog",
    "nu",  "of",     "om",  "omdat", "ons",  "ook",  "op",     "over",  "te",    "tot",
    "u",   "uit",    "van", "veel",  "voor", "was",  "wat",    "we",    "wel",   "werd",
    "wij", "worden", "zal", "ze",    "zich", "zijn", "zo",     "zou"};

const std::vector<std::string_view> it = {
    "a",     "ad",  "al",     "alla",   "anche",  "che", "chi", "ci",    "come", "con",
    "da",    "dal", "dei",    "del",    "della",  "di",  "e",   "è",     "gli",  "ha",
    "hanno", "ho",  "i",      "il",     "in",     "io",  "la",  "le",    "lei",  "lo",
    "loro",  "lui", "ma",     "mi",     "mio",    "ne",  "nel", "nella", "noi",  "non",
    "per",   "più", "quando", "quello", "questo", "se",  "si",  "sono",  "su",   "sua",
    "suo",   "ti",  "tra",    "tu",     "un",     "una", "uno", "voi"};

const std::vector<std::string_view> pt = {
    "a",   "ao",   "aos", "as",   "com",  "como", "da",     "das",  "de",    "do",    "dos", "e",
    "é",   "ela",  "ele", "eles", "em",   "era",  "essa",   "esse", "esta",  "este",  "eu",  "foi",
    "há",  "isso", "já",  "lhe",  "mais", "mas",  "me",     "meu",  "minha", "muito", "na",  "nas",
    "não", "no",   "nos", "nós",  "o",    "os",   "ou",     "para", "pela",  "pelo",  "por", "que",
    "se",  "sem",  "ser", "seu",  "sua",  "são",  "também", "tem",  "um",    "uma",   "você"};

const std::vector<std::string_view> none;

} // namespace

const std::vector<std::string_view>& stop_words(const std::string& language) {
  // By code or by the stemmer's name (the search index's language setting).
  return language == "en" || language == "english"      ? en
         : language == "fr" || language == "french"     ? fr
         : language == "de" || language == "german"     ? de
         : language == "es" || language == "spanish"    ? es
         : language == "nl" || language == "dutch"      ? nl
         : language == "it" || language == "italian"    ? it
         : language == "pt" || language == "portuguese" ? pt
                                                        : none;
}

} // namespace quire::detail
