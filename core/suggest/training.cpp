// What a suggestion model learns from: coded ranges, uncoded passages of
// worked-on stretches, rejected suggestions.
#include "suggest/training_p.h"

#include <algorithm>
#include <map>
#include <set>

#include "quire/base/text.h"
#include "quire/base/text_units.h"
#include "quire/model/codebook.h"
#include "quire/model/documents.h"
#include "quire/store/project.h"
#include "store/project_p.h"

namespace quire::detail {

namespace {

struct Span {
  std::int64_t start = 0, end = 0;
  std::size_t code = 0;
};

std::int64_t overlap(std::int64_t s1, std::int64_t e1, std::int64_t s2, std::int64_t e2) {
  return std::max<std::int64_t>(0, std::min(e1, e2) - std::max(s1, s2));
}

} // namespace

bool is_question_code(const Code& c) {
  return c.path == "Questions" || c.path.rfind("Questions/", 0) == 0;
}

std::vector<std::pair<std::int64_t, std::int64_t>>
suggestion_units(const Project& p, Id document_id, const std::string& text, SuggestUnit unit) {
  // Passages (the whole text when it has none), cut at line breaks: a survey
  // answer or a speaker's turn is usually one line, a plain text's
  // paragraphs are lines of one passage.
  std::vector<std::pair<std::int64_t, std::int64_t>> passages;
  for (const auto& ps : list_passages(p, document_id)) {
    passages.emplace_back(ps.start, ps.end);
  }
  CodePointIndex idx(text);
  if (passages.empty()) {
    passages.emplace_back(0, idx.length());
  }
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& [s, e] : passages) {
    if (e > idx.length() || s >= e) {
      continue;
    }
    const std::string part(idx.slice(s, e));
    for (const auto& r : paragraph_ranges(part)) {
      if (unit == SuggestUnit::Passage) {
        out.emplace_back(s + r.first, s + r.second);
        continue;
      }
      const CodePointIndex li(part);
      for (const auto& sr : sentence_ranges(std::string(li.slice(r.first, r.second)))) {
        if (sr.second > sr.first) {
          out.emplace_back(s + r.first + sr.first, s + r.first + sr.second);
        }
      }
    }
  }
  return out;
}

TrainingSet collect_training(const Project& p, const SuggestTraining& t) {
  TrainingSet ts;
  ts.terms = std::make_unique<Terms>(p.setting("language", "en"));
  for (auto& c : list_codes(p)) {
    if (!is_question_code(c)) {
      ts.code_index.emplace(c.id, ts.codes.size());
      ts.codes.push_back(std::move(c));
    }
  }
  const std::size_t K = ts.codes.size();
  ts.positives.assign(K, 0);
  ts.rejections.assign(K, 0);
  std::set<std::string> coders(t.coders.begin(), t.coders.end());
  std::set<Id> docs_wanted(t.documents.begin(), t.documents.end());
  std::unordered_map<std::string, std::size_t> code_by_guid;
  for (std::size_t k = 0; k < K; ++k) {
    code_by_guid.emplace(ts.codes[k].guid, k);
  }

  // Everything learnt from, per document, in the order the fingerprint reads.
  std::map<Id, std::vector<Span>> coded, rejected;
  auto& db = detail::db(p);
  {
    auto s = db.prepare("SELECT c.document_id, c.start, c.end, c.code_id, r.name FROM coding c "
                        "JOIN coder r ON r.id = c.coder_id ORDER BY c.document_id, c.start, "
                        "c.end, c.code_id");
    while (s.step()) {
      auto it = ts.code_index.find(s.i64(3));
      if (it == ts.code_index.end() || (!coders.empty() && coders.count(s.str(4)) == 0) ||
          (!docs_wanted.empty() && docs_wanted.count(s.i64(0)) == 0)) {
        continue;
      }
      coded[s.i64(0)].push_back({s.i64(1), s.i64(2), it->second});
    }
  }
  {
    auto s = db.prepare("SELECT document_id, start, end, code_guid FROM suggestion WHERE status = "
                        "'rejected' ORDER BY document_id, start, end, code_guid");
    while (s.step()) {
      auto it = code_by_guid.find(s.str(3));
      if (it == code_by_guid.end() || (!docs_wanted.empty() && docs_wanted.count(s.i64(0)) == 0)) {
        continue;
      }
      rejected[s.i64(0)].push_back({s.i64(1), s.i64(2), it->second});
    }
  }

  std::string print = "quire-suggest-1\n" + ts.terms->stemmer_name() + "\n";
  for (const auto& c : ts.codes) {
    print += c.guid + " " + c.path + "\n";
  }
  std::set<Id> docs;
  for (const auto& [d, v] : coded) {
    docs.insert(d);
    for (const auto& sp : v) {
      print += std::to_string(d) + " " + std::to_string(sp.start) + " " + std::to_string(sp.end) +
               " " + ts.codes[sp.code].guid + "\n";
    }
  }
  for (const auto& [d, v] : rejected) {
    docs.insert(d);
    for (const auto& sp : v) {
      print += "r " + std::to_string(d) + " " + std::to_string(sp.start) + " " +
               std::to_string(sp.end) + " " + ts.codes[sp.code].guid + "\n";
    }
  }
  ts.fingerprint = sha256_hex(print);

  std::vector<SparseVec> counts;
  auto add = [&](Id d, std::int64_t s, std::int64_t e, const std::vector<Token>& tokens,
                 Example ex) {
    auto c = term_counts(tokens, s, e);
    if (c.empty()) {
      return;
    }
    counts.push_back(std::move(c));
    ts.examples.push_back(std::move(ex));
    ts.sources.push_back({d, s, e});
  };
  for (Id d : docs) {
    const std::string text = document_text(p, d);
    const auto tokens = ts.terms->tokens(text, true);
    const auto& spans = coded[d];
    // Coded ranges: one example per distinct range, with every code that
    // covers most of it.
    std::map<std::pair<std::int64_t, std::int64_t>, std::set<std::uint32_t>> ranges;
    for (const auto& sp : spans) {
      ranges[{sp.start, sp.end}];
    }
    for (auto& [r, labels] : ranges) {
      for (const auto& sp : spans) {
        if (overlap(r.first, r.second, sp.start, sp.end) * 2 >= r.second - r.first) {
          labels.insert(static_cast<std::uint32_t>(sp.code));
        }
      }
      Example ex;
      ex.labels.assign(labels.begin(), labels.end());
      auto before = counts.size();
      add(d, r.first, r.second, tokens, std::move(ex));
      if (counts.size() > before) {
        for (auto k : labels) {
          ++ts.positives[k];
        }
      }
    }
    // Uncoded passages of the stretch worked on: no code.
    if (!spans.empty()) {
      std::int64_t lo = spans.front().start, hi = 0;
      for (const auto& sp : spans) {
        lo = std::min(lo, sp.start);
        hi = std::max(hi, sp.end);
      }
      for (const auto& unit : suggestion_units(p, d, text, SuggestUnit::Passage)) {
        const auto s = unit.first, e = unit.second;
        if (e <= lo || s >= hi) {
          continue;
        }
        bool touched = std::any_of(spans.begin(), spans.end(), [&](const Span& sp) {
          return overlap(s, e, sp.start, sp.end) > 0;
        });
        if (!touched) {
          add(d, s, e, tokens, Example{});
        }
      }
    }
    // Rejected suggestions teach their code only, unless it was coded there since.
    for (const auto& rj : rejected[d]) {
      bool coded_since = std::any_of(spans.begin(), spans.end(), [&](const Span& sp) {
        return sp.code == rj.code && overlap(rj.start, rj.end, sp.start, sp.end) > 0;
      });
      if (coded_since) {
        continue;
      }
      Example ex;
      ex.only_code = static_cast<int>(rj.code);
      ex.weight = 2;
      auto before = counts.size();
      add(d, rj.start, rj.end, tokens, std::move(ex));
      if (counts.size() > before) {
        ++ts.rejections[rj.code];
      }
    }
  }
  std::vector<const SparseVec*> ptrs;
  ptrs.reserve(counts.size());
  for (const auto& c : counts) {
    ptrs.push_back(&c);
  }
  ts.idf.fit(ptrs, ts.terms->size());
  for (std::size_t i = 0; i < counts.size(); ++i) {
    ts.examples[i].x = ts.idf.weigh(counts[i]);
  }
  return ts;
}

} // namespace quire::detail
