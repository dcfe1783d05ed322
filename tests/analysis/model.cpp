#include "model.h"

#include <cctype>
#include <random>

#include "quire/ingest/import_data.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"

namespace quire::test {

namespace {

const std::vector<std::string> vocabulary = {
    "network",  "networks", "networking", "time",     "support",  "the",        "and",   "of",
    "teachers", "teacher",  "meeting",    "meetings", "useful",   "colleagues", "share", "shared",
    "sharing",  "ideas",    "school",     "schools",  "we",       "it",         "was",   "purpose",
    "learning", "visit",    "visits",     "head",     "planning", "term",       "2024",  "reading"};

std::string paragraph(std::mt19937& rng) {
  std::uniform_int_distribution<std::size_t> word(0, vocabulary.size() - 1);
  std::uniform_int_distribution<int> len(6, 18), punct(0, 9);
  std::string out;
  int n = len(rng);
  for (int i = 0; i < n; ++i) {
    auto w = vocabulary[word(rng)];
    if (i == 0)
      w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    out += (i ? " " : "") + w;
    if (punct(rng) == 0 && i + 1 < n)
      out += ",";
  }
  return out + ".";
}

/// Text of paragraphs separated by blank lines, and their ranges.
std::string make_text(std::mt19937& rng, int paragraphs,
                      std::vector<std::pair<std::int64_t, std::int64_t>>& ranges) {
  std::string text;
  for (int i = 0; i < paragraphs; ++i) {
    if (i)
      text += "\n\n";
    auto p = paragraph(rng);
    ranges.emplace_back(static_cast<std::int64_t>(text.size()),
                        static_cast<std::int64_t>(text.size() + p.size()));
    text += p;
  }
  return text;
}

} // namespace

Model::Model(unsigned seed) : file(dir / "model.quire") {
  std::mt19937 rng(seed);
  const std::vector<std::string> roles = {"Teacher", "Head teacher", "Coordinator"};
  ImportData data;
  data.kind = "test";
  data.attributes = {{0, {}, "Role", AttrType::Text},
                     {0, {}, "Years", AttrType::Number},
                     {0, {}, "Network", AttrType::Text},
                     {0, {}, "Joined", AttrType::Date}};
  for (int i = 1; i <= 12; ++i) {
    std::string name = (i < 10 ? "C0" : "C") + std::to_string(i);
    ImportedCase c{name, {}};
    if (i != 12)
      c.attributes.emplace_back("Role", Value::of_text(roles[static_cast<std::size_t>(i) % 3]));
    if (i != 11)
      c.attributes.emplace_back("Years", Value::of_number((i * 7) % 20 + 0.5 * (i % 2)));
    c.attributes.emplace_back("Network", Value::of_text("Network " + std::to_string(i % 3 + 1)));
    c.attributes.emplace_back("Joined",
                              Value::of_date("2020-0" + std::to_string(i % 9 + 1) + "-15"));
    for (auto& [k, v] : c.attributes)
      cases[name][k] = v;
    data.cases.push_back(c);
  }
  std::map<std::string, std::vector<std::pair<std::int64_t, std::int64_t>>> paras;
  for (int i = 1; i <= 6; ++i) {
    ImportedDocument d;
    d.name = "interview-0" + std::to_string(i);
    d.kind = DocumentKind::Text;
    d.text = make_text(rng, 8, paras[d.name]);
    d.case_name = "C0" + std::to_string(i);
    doc_case[d.name] = d.case_name;
    texts[d.name] = d.text;
    passages[d.name]; // none: codings take the document's case
    data.documents.push_back(d);
  }
  for (std::string fg : {"focus-a", "focus-b"}) {
    ImportedDocument d;
    d.name = fg;
    d.kind = DocumentKind::Transcript;
    d.text = make_text(rng, 14, paras[fg]);
    int k = fg == "focus-a" ? 0 : 3;
    for (auto [s, e] : paras[fg]) {
      // Speakers C05..C12 in turn, every fourth turn the moderator (no case).
      std::string who = k % 4 == 3 ? "" : (k % 8 + 5 < 10 ? "C0" : "C") + std::to_string(k % 8 + 5);
      ++k;
      d.passages.push_back({s, e, who.empty() ? "Moderator" : who, {}, {}, who, {}});
      passages[fg].push_back({s, e, who});
    }
    texts[fg] = d.text;
    data.documents.push_back(d);
  }
  auto p = Project::create(file);
  ImportOptions opt;
  opt.again = true;
  store_import(p, data, opt);
  codes = {"Purpose", "Purpose/Sceptical", "Purpose/Keen", "Time",
           "Support", "Support/Peers",     "Unused"};
  for (const auto& c : codes)
    ensure_code(p, c);
  std::bernoulli_distribution coin(0.3), second(0.25);
  for (const auto& [doc, rs] : paras) {
    auto doc_id = find_document(p, doc).id;
    for (auto [s, e] : rs) {
      for (const auto& code : codes) {
        if (code == "Unused" || code == "Support/Peers" || !coin(rng))
          continue;
        for (std::string coder : {"ann", "bob"}) {
          if (coder == "bob" && !second(rng))
            continue;
          std::uniform_int_distribution<std::int64_t> at(s, e - 1);
          auto a = at(rng), b = at(rng);
          if (a > b)
            std::swap(a, b);
          ++b;
          p.set_session_coder(coder);
          code_range(p, doc_id, a, b, find_code(p, code).id);
          std::string who = doc_case.count(doc) ? doc_case[doc] : "";
          for (const auto& ps : passages[doc]) {
            if (ps.start <= a && a < ps.end)
              who = ps.case_name;
          }
          codings.push_back({doc, code, a, b, coder, who});
        }
      }
    }
  }
  // One coding of Support/Peers spanning two turns: its case is the first turn's.
  auto fa = passages["focus-a"];
  p.set_session_coder("ann");
  code_range(p, find_document(p, "focus-a").id, fa[0].end - 3, fa[1].start + 4,
             find_code(p, "Support/Peers").id);
  codings.push_back(
      {"focus-a", "Support/Peers", fa[0].end - 3, fa[1].start + 4, "ann", fa[0].case_name});
}

bool Model::in_subtree(const std::string& code, const std::string& path) {
  return code == path || code.rfind(path + "/", 0) == 0;
}

std::int64_t
Model::words_in(const std::string& doc,
                const std::vector<std::pair<std::int64_t, std::int64_t>>& ranges) const {
  const auto& t = texts.at(doc);
  std::vector<bool> coded(t.size(), false);
  for (auto [s, e] : ranges) {
    for (auto i = s; i < e; ++i)
      coded[static_cast<std::size_t>(i)] = true;
  }
  std::int64_t n = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    bool starts = std::isalnum(static_cast<unsigned char>(t[i])) &&
                  (i == 0 || !std::isalnum(static_cast<unsigned char>(t[i - 1])));
    if (starts && coded[i])
      ++n;
  }
  return n;
}

std::string Model::text_of(const std::string& case_name, const std::string& attr) const {
  auto it = cases.find(case_name);
  if (it == cases.end())
    return "";
  auto jt = it->second.find(attr);
  return jt == it->second.end() ? "" : jt->second.display();
}

} // namespace quire::test
