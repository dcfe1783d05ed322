// How much the suggestions would agree with a coder, each passage judged by
// a model that did not learn from its document.
#include <algorithm>
#include <map>
#include <set>

#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/store/project.h"
#include "quire/suggest/suggest.h"
#include "store/project_p.h"
#include "suggest/training_p.h"

namespace quire {

AgreementReport suggestion_agreement(Project& p, const std::string& coder,
                                     const std::vector<Id>& codes, int folds) {
  {
    auto s = detail::db(p).prepare("SELECT count(*) FROM coder WHERE name = ?");
    s.bind(1, coder);
    if (!s.step() || s.i64(0) == 0) {
      throw NotFoundError("no coder '" + coder + "' in this project");
    }
  }
  SuggestTraining mine;
  mine.coders = {coder};
  auto whole = detail::collect_training(p, mine);
  // The coder's documents, and which codes have enough examples overall.
  std::set<Id> doc_set;
  for (const auto& src : whole.sources) {
    doc_set.insert(src.document_id);
  }
  std::vector<Id> docs(doc_set.begin(), doc_set.end());
  std::set<Id> wanted(codes.begin(), codes.end());
  std::vector<std::size_t> compared;
  for (std::size_t k = 0; k < whole.codes.size(); ++k) {
    if (whole.positives[k] >= suggest_min_examples &&
        (wanted.empty() || wanted.count(whole.codes[k].id) != 0)) {
      compared.push_back(k);
    }
  }
  folds = std::max(2, folds);
  if (compared.empty() || docs.size() < 2) {
    throw InputError(
        "too little coded by " + coder + " to compare with suggestions: a code needs at least " +
        std::to_string(suggest_min_examples) + " coded passages, in at least two documents");
  }
  AgreementReport r;
  r.coder_a = coder;
  r.coder_b = "suggestions";
  r.unit = AgreementUnit::Passage;
  r.documents = static_cast<std::int64_t>(docs.size());
  struct Table {
    std::int64_t both = 0, only_a = 0, only_b = 0, neither = 0;
  };
  std::vector<Table> tables(whole.codes.size());
  for (int f = 0; f < folds; ++f) {
    SuggestTraining t = mine;
    std::vector<Id> held;
    for (std::size_t i = 0; i < docs.size(); ++i) {
      (static_cast<int>(i % static_cast<std::size_t>(folds)) == f ? held : t.documents)
          .push_back(docs[i]);
    }
    if (held.empty() || t.documents.empty()) {
      continue;
    }
    auto ts = detail::collect_training(p, t);
    std::vector<bool> train(ts.codes.size(), false);
    bool any = false;
    for (std::size_t k = 0; k < ts.codes.size(); ++k) {
      train[k] = ts.positives[k] >= suggest_min_examples;
      any = any || train[k];
    }
    detail::LinearModel model;
    if (any) {
      model.fit(ts.examples, train, ts.terms->size());
    }
    for (Id d : held) {
      const std::string text = document_text(p, d);
      const CodePointIndex idx(text);
      const auto tokens = ts.terms->tokens(text, false);
      // The coder's codings here, and the stretch worked on.
      std::vector<std::tuple<Id, std::int64_t, std::int64_t>> coded;
      std::int64_t lo = -1, hi = -1;
      CodingFilter cf;
      cf.document_id = d;
      cf.coder = coder;
      cf.with_text = false;
      for (const auto& s : list_codings(p, cf)) {
        coded.emplace_back(s.coding.code_id, s.coding.start, s.coding.end);
        lo = lo < 0 ? s.coding.start : std::min(lo, s.coding.start);
        hi = std::max(hi, s.coding.end);
      }
      for (const auto& unit : detail::suggestion_units(p, d, text, SuggestUnit::Passage)) {
        const auto us = unit.first, ue = unit.second;
        if (ue <= lo || us >= hi) {
          continue;
        }
        const auto x = ts.idf.weigh(detail::term_counts(tokens, us, ue));
        for (auto k : compared) {
          const Id code = whole.codes[k].id;
          bool by_coder = std::any_of(coded.begin(), coded.end(), [&](const auto& c) {
            return std::get<0>(c) == code && std::get<1>(c) < ue && us < std::get<2>(c);
          });
          bool suggested = false;
          if (auto it = ts.code_index.find(code);
              it != ts.code_index.end() && !x.empty() && model.trained(it->second)) {
            suggested = model.probability(it->second, model.raw(it->second, x)) >= 0.5;
          }
          auto& tb = tables[k];
          if (by_coder && suggested) {
            ++tb.both;
          } else if (by_coder) {
            ++tb.only_a;
          } else if (suggested) {
            ++tb.only_b;
          } else {
            ++tb.neither;
          }
          if (by_coder != suggested) {
            r.disagreements.push_back({d, get_document(p, d).name, code, whole.codes[k].path, us,
                                       ue, by_coder ? coder : "suggestions",
                                       std::string(idx.slice(us, ue))});
          }
        }
      }
    }
  }
  Table all;
  for (auto k : compared) {
    const auto& tb = tables[k];
    r.codes.push_back({whole.codes[k].id, whole.codes[k].path,
                       agreement_figures(tb.both, tb.only_a, tb.only_b, tb.neither)});
    all.both += tb.both;
    all.only_a += tb.only_a;
    all.only_b += tb.only_b;
    all.neither += tb.neither;
  }
  r.overall = agreement_figures(all.both, all.only_a, all.only_b, all.neither);
  std::sort(r.disagreements.begin(), r.disagreements.end(),
            [](const Disagreement& a, const Disagreement& b) {
              return std::tie(a.document_id, a.start, a.code_path) <
                     std::tie(b.document_id, b.start, b.code_path);
            });
  return r;
}

} // namespace quire
