// Learning a project's coding and suggesting codes for passages.
#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <tuple>

#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/documents.h"
#include "quire/store/project.h"
#include "quire/suggest/suggest.h"
#include "store/project_p.h"
#include "suggest/suggest_p.h"
#include "suggest/training_p.h"

namespace quire {

struct Suggester::Impl {
  detail::TrainingSet ts;
  detail::LinearModel model;
  std::vector<bool> train;
  std::vector<CodeReadiness> readiness;
  std::vector<std::vector<std::size_t>> positives_of; ///< example indices per code
  std::int64_t version = 0;
  std::int64_t generation = 0;
  double seconds = 0;
  bool ready = false;
};

namespace {

std::string needs_message(const std::vector<CodeReadiness>& codes) {
  std::vector<const CodeReadiness*> started;
  for (const auto& c : codes) {
    if (c.examples > 0) {
      started.push_back(&c);
    }
  }
  const std::string rule = "a code is suggested once at least " +
                           std::to_string(suggest_min_examples) + " passages are coded with it";
  if (started.empty()) {
    return "nothing to learn from: no passage is coded yet (" + rule + ")";
  }
  std::string msg = "no code has enough coded passages to learn from yet (" + rule + "): ";
  std::sort(started.begin(), started.end(),
            [](const auto* a, const auto* b) { return a->needed < b->needed; });
  for (std::size_t i = 0; i < started.size() && i < 5; ++i) {
    msg += (i ? ", '" : "'") + started[i]->path + "' needs " + std::to_string(started[i]->needed) +
           " more";
  }
  if (started.size() > 5) {
    msg += ", and " + std::to_string(started.size() - 5) + " other code(s)";
  }
  return msg;
}

std::int64_t overlap(std::int64_t s1, std::int64_t e1, std::int64_t s2, std::int64_t e2) {
  return std::max<std::int64_t>(0, std::min(e1, e2) - std::max(s1, s2));
}

} // namespace

Suggester::Suggester(Project& p, const SuggestTraining& t) : m_impl(std::make_unique<Impl>()) {
  auto t0 = std::chrono::steady_clock::now();
  auto& m = *m_impl;
  m.generation = p.generation();
  m.ts = detail::collect_training(p, t);
  const std::size_t K = m.ts.codes.size();
  m.train.assign(K, false);
  m.positives_of.resize(K);
  for (std::size_t i = 0; i < m.ts.examples.size(); ++i) {
    for (auto k : m.ts.examples[i].labels) {
      m.positives_of[k].push_back(i);
    }
  }
  std::string codes;
  for (std::size_t k = 0; k < K; ++k) {
    CodeReadiness r;
    r.code_id = m.ts.codes[k].id;
    r.path = m.ts.codes[k].path;
    r.examples = m.ts.positives[k];
    r.rejected = m.ts.rejections[k];
    r.needed = std::max(0, suggest_min_examples - r.examples);
    m.train[k] = r.needed == 0;
    m.ready = m.ready || m.train[k];
    if (m.train[k]) {
      codes += m.ts.codes[k].guid + " " + std::to_string(r.examples) + "\n";
    }
    m.readiness.push_back(std::move(r));
  }
  if (m.ready) {
    m.model.fit(m.ts.examples, m.train, m.ts.terms->size());
    m.version =
        detail::register_model(p, m.ts.fingerprint, static_cast<int>(m.ts.examples.size()), codes);
  }
  m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

Suggester::~Suggester() = default;
Suggester::Suggester(Suggester&&) noexcept = default;

const std::vector<CodeReadiness>& Suggester::codes() const {
  return m_impl->readiness;
}
bool Suggester::ready() const {
  return m_impl->ready;
}
std::int64_t Suggester::model_version() const {
  return m_impl->version;
}
double Suggester::training_seconds() const {
  return m_impl->seconds;
}
bool Suggester::stale(const Project& p) const {
  return p.generation() != m_impl->generation;
}

SuggestResult Suggester::suggest(Project& p, const SuggestOptions& o) {
  std::vector<Suggestion> all;
  auto res = suggest_each(p, o, [&](const Suggestion& s) { all.push_back(s); });
  res.suggestions = std::move(all);
  return res;
}

SuggestResult Suggester::suggest_each(Project& p, const SuggestOptions& o,
                                      const std::function<void(const Suggestion&)>& each) {
  auto& m = *m_impl;
  SuggestResult res;
  res.codes = m.readiness;
  res.model_version = m.version;
  res.examples = static_cast<int>(m.ts.examples.size());
  res.training_seconds = m.seconds;
  if (!m.ready) {
    throw InputError(needs_message(m.readiness));
  }
  const std::size_t K = m.ts.codes.size();
  std::vector<std::size_t> chosen;
  if (o.codes.empty()) {
    for (std::size_t k = 0; k < K; ++k) {
      if (m.train[k]) {
        chosen.push_back(k);
      }
    }
  } else {
    for (Id id : o.codes) {
      auto it = m.ts.code_index.find(id);
      if (it == m.ts.code_index.end()) {
        throw InputError("the codes under Questions are the survey's questions, coded when the "
                         "survey was imported; they are not suggested");
      }
      const auto& r = m.readiness[it->second];
      if (r.needed > 0) {
        throw InputError("'" + r.path + "' has " + std::to_string(r.examples) +
                         " coded passage(s) to learn from; it needs " + std::to_string(r.needed) +
                         " more before it is suggested");
      }
      chosen.push_back(it->second);
    }
  }
  std::vector<Id> docs = o.documents;
  if (docs.empty()) {
    for (const auto& d : list_documents(p)) {
      docs.push_back(d.id);
    }
  }
  std::set<std::tuple<Id, std::int64_t, std::int64_t, std::string>> rejected;
  {
    auto s = detail::db(p).prepare(
        "SELECT document_id, start, end, code_guid FROM suggestion WHERE status = 'rejected'");
    while (s.step()) {
      rejected.emplace(s.i64(0), s.i64(1), s.i64(2), s.str(3));
    }
  }
  std::map<Id, std::string> doc_names;
  auto name_of = [&](Id d) -> const std::string& {
    auto it = doc_names.find(d);
    if (it == doc_names.end()) {
      it = doc_names.emplace(d, get_document(p, d).name).first;
    }
    return it->second;
  };
  const double min_score = std::clamp(o.min_score, 0.0, 1.0);
  // First pass: scores only, kept small (a survey of 100,000 answers may
  // give as many suggestions); the reasons are made for those returned.
  struct Candidate {
    Id document_id;
    std::int64_t start, end;
    std::size_t code;
    double score;
  };
  std::vector<Candidate> found;
  for (Id d : docs) {
    const std::string text = document_text(p, d);
    const auto tokens = m.ts.terms->tokens(text, false);
    std::vector<std::tuple<Id, std::int64_t, std::int64_t>> coded;
    {
      auto s =
          detail::db(p).prepare("SELECT code_id, start, end FROM coding WHERE document_id = ?");
      s.bind(1, d);
      while (s.step()) {
        coded.emplace_back(s.i64(0), s.i64(1), s.i64(2));
      }
    }
    for (const auto& unit : detail::suggestion_units(p, d, text, o.unit)) {
      const auto us = unit.first, ue = unit.second;
      const auto x = m.ts.idf.weigh(detail::term_counts(tokens, us, ue));
      if (x.empty()) {
        continue;
      }
      const auto raw = m.model.raw_all(x);
      for (auto k : chosen) {
        const double score = m.model.probability(k, raw[k]);
        if (score < min_score) {
          continue;
        }
        const auto& code = m.ts.codes[k];
        bool done = std::any_of(coded.begin(), coded.end(), [&](const auto& c) {
          return std::get<0>(c) == code.id && overlap(us, ue, std::get<1>(c), std::get<2>(c)) > 0;
        });
        if (!done && rejected.count({d, us, ue, code.guid}) == 0) {
          found.push_back({d, us, ue, k, score});
        }
      }
    }
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  if (o.limit != 0 && found.size() > o.limit) {
    found.resize(o.limit);
    found.shrink_to_fit();
  }
  std::vector<Suggestion> batch;
  auto explain = [&](std::size_t slot, std::size_t i, Id d, const CodePointIndex& idx,
                     const std::vector<detail::Token>& tokens) {
    const auto& f = found[i];
    const auto k = f.code;
    const auto us = f.start, ue = f.end;
    const auto x = m.ts.idf.weigh(detail::term_counts(tokens, us, ue));
    const auto& code = m.ts.codes[k];
    Suggestion& sg = batch[slot];
    sg.document_id = d;
    sg.document_name = name_of(d);
    sg.start = us;
    sg.end = ue;
    sg.code_id = code.id;
    sg.code_guid = code.guid;
    sg.code_path = code.path;
    sg.score = f.score;
    sg.model_version = m.version;
    sg.status = "open";
    sg.text = std::string(idx.slice(us, ue));
    // The words: each term's share of the raw score, the largest first.
    std::vector<std::pair<double, std::uint32_t>> parts;
    for (const auto& [t, v] : x) {
      double c = m.model.weight(k, t) * v;
      if (c > 0) {
        parts.emplace_back(c, t);
      }
    }
    std::sort(parts.begin(), parts.end(), std::greater<>());
    parts.resize(std::min<std::size_t>(parts.size(), 6));
    auto first =
        std::lower_bound(tokens.begin(), tokens.end(), us,
                         [](const detail::Token& t, std::int64_t v) { return t.start < v; });
    for (const auto& [c, t] : parts) {
      SuggestWord w;
      w.stem = m.ts.terms->term(t);
      w.weight = c;
      for (auto it = first; it != tokens.end() && it->start < ue; ++it) {
        if (it->term == t) {
          if (w.ranges.empty()) {
            w.word = std::string(idx.slice(it->start, it->end));
          }
          w.ranges.emplace_back(it->start, it->end);
        }
      }
      sg.words.push_back(std::move(w));
    }
    // The coded passage most like it.
    double best = 0;
    std::size_t best_i = 0;
    for (auto e : m.positives_of[k]) {
      const auto& src = m.ts.sources[e];
      if (src.document_id == d && overlap(src.start, src.end, us, ue) > 0) {
        continue;
      }
      double sim = detail::dot(x, m.ts.examples[e].x);
      if (sim > best) {
        best = sim;
        best_i = e;
      }
    }
    if (best > 0) {
      const auto& src = m.ts.sources[best_i];
      sg.like = SuggestExample{src.document_id, name_of(src.document_id), src.start, src.end,
                               std::min(best, 1.0)};
    }
  };
  // Second pass, in batches of the best remaining, document by document
  // within a batch: the text and the reasons, stored and handed on, so only
  // one batch is held at a time (a 100,000-answer survey may give 150,000).
  constexpr std::size_t batch_size = 2048;
  for (std::size_t from = 0; from < found.size(); from += batch_size) {
    const std::size_t to = std::min(found.size(), from + batch_size);
    std::map<Id, std::vector<std::size_t>> by_doc;
    for (std::size_t i = from; i < to; ++i) {
      by_doc[found[i].document_id].push_back(i);
    }
    batch.assign(to - from, Suggestion{});
    for (const auto& [d, which] : by_doc) {
      const std::string text = document_text(p, d);
      const CodePointIndex idx(text);
      const auto tokens = m.ts.terms->tokens(text, false);
      for (auto i : which) {
        explain(i - from, i, d, idx, tokens);
      }
    }
    if (o.store && !p.read_only()) {
      detail::store_suggestions(p, batch);
    }
    for (const auto& sg : batch) {
      each(sg);
    }
  }
  return res;
}

SuggestResult suggest_codes(Project& p, const SuggestOptions& o) {
  Suggester s(p, o.training);
  return s.suggest(p, o);
}

} // namespace quire
