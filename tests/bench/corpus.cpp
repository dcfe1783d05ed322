#include "corpus.h"

#include "quire/base/text.h"
#include "quire/model/codebook.h"
#include "store/db_p.h"
#include "store/project_p.h"

namespace quire::bench {

const std::vector<std::string> corpus_words = {
    "network",  "school", "time",  "teacher", "learning", "meeting", "trust",   "plan",    "head",
    "practice", "share",  "ideas", "funding", "release",  "cover",   "support", "réunion", "école"};

std::string sentence(std::mt19937& rng, std::size_t chars) {
  std::string t;
  while (t.size() < chars) {
    t += corpus_words[rng() % corpus_words.size()];
    t += ' ';
  }
  return t;
}

std::vector<Id> theme_codes(Project& p) {
  std::vector<Id> codes;
  for (int g = 0; g < 20; ++g) {
    for (int c = 0; c < 10; ++c) {
      codes.push_back(ensure_code(p, "Theme " + std::to_string(g) + "/Sub " + std::to_string(c)));
    }
  }
  return codes;
}

void insert_codings(Project& p, const std::vector<Id>& docs, const std::vector<Id>& codes,
                    std::int64_t n, const CodingLayout& layout, std::mt19937& rng) {
  detail::Action act(p, "bench setup");
  auto& db = act.db();
  db.exec("UPDATE undo_state SET recording = 0");
  Id coder = detail::coder_id(db, "bench");
  const auto now = now_iso();
  auto ins =
      db.prepare("INSERT INTO coding(guid, document_id, code_id, start, end, coder_id, created_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (std::int64_t i = 0; i < n; ++i) {
    Id d = docs[static_cast<std::size_t>(i / layout.per_doc) % docs.size()];
    std::int64_t start = (i % layout.per_doc) * layout.step;
    ins.bind(1, new_guid())
        .bind(2, d)
        .bind(3, codes[rng() % codes.size()])
        .bind(4, start)
        .bind(5, start + layout.min_len + static_cast<std::int64_t>(rng() % layout.spread))
        .bind(6, coder)
        .bind(7, now)
        .run();
    ins.reset();
  }
  act.commit();
}

} // namespace quire::bench
