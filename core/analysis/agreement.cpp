// Inter-coder agreement over characters or passages.
#include "quire/analysis/agreement.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/base/text_units.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "store/project_p.h"

namespace quire {

std::string to_string(AgreementUnit u) {
  return u == AgreementUnit::Passage    ? "passage"
         : u == AgreementUnit::Sentence ? "sentence"
                                        : "char";
}

AgreementUnit agreement_unit_from_string(const std::string& s) {
  if (s == "char" || s == "character" || s == "characters") {
    return AgreementUnit::Character;
  }
  if (s == "passage" || s == "passages") {
    return AgreementUnit::Passage;
  }
  if (s == "sentence" || s == "sentences") {
    return AgreementUnit::Sentence;
  }
  throw InputError("unit '" + s + "' is not 'char', 'sentence' or 'passage'");
}

AgreementFigures agreement_figures(std::int64_t both, std::int64_t only_a, std::int64_t only_b,
                                   std::int64_t neither) {
  AgreementFigures f;
  f.both = both;
  f.only_a = only_a;
  f.only_b = only_b;
  f.neither = neither;
  f.units = both + only_a + only_b + neither;
  if (f.units == 0) {
    return f;
  }
  const double n = static_cast<double>(f.units);
  const double agree = static_cast<double>(both + neither);
  f.percent = 100.0 * agree / n;
  // Chance agreement is 1 exactly when both coders gave every unit the same
  // single value (all coded, or none): kappa and alpha are then 0/0.
  const std::int64_t a1 = both + only_a, b1 = both + only_b;
  if ((a1 == 0 && b1 == 0) || (a1 == f.units && b1 == f.units)) {
    return f;
  }
  // Cohen: (po - pe) / (1 - pe), pe from each coder's own proportions.
  const double po = agree / n;
  const double pa = static_cast<double>(a1) / n, pb = static_cast<double>(b1) / n;
  const double pe = pa * pb + (1 - pa) * (1 - pb);
  f.kappa = (po - pe) / (1 - pe);
  // Krippendorff, nominal, two coders, no missing values: with m = 2N values,
  // d disagreeing units, n1 = 2·both + d values "coded", n0 = 2·neither + d,
  // alpha = 1 - (m - 1) · d / (n0 · n1).
  const double d = static_cast<double>(only_a + only_b);
  const double m = 2 * n;
  const double n1 = 2.0 * static_cast<double>(both) + d,
               n0 = 2.0 * static_cast<double>(neither) + d;
  f.alpha = 1 - (m - 1) * d / (n0 * n1);
  return f;
}

namespace {

using Ranges = std::vector<std::pair<std::int64_t, std::int64_t>>;

/// Sorted ranges with overlapping and touching ones joined.
Ranges joined(Ranges r) {
  std::sort(r.begin(), r.end());
  Ranges out;
  for (const auto& x : r) {
    if (!out.empty() && x.first <= out.back().second) {
      out.back().second = std::max(out.back().second, x.second);
    } else {
      out.push_back(x);
    }
  }
  return out;
}

bool covers(const Ranges& r, std::int64_t s, std::int64_t e) {
  // Any range overlapping [s, e)? r is sorted and disjoint.
  auto it = std::lower_bound(r.begin(), r.end(), std::make_pair(e, std::int64_t(0)));
  return it != r.begin() && std::prev(it)->second > s;
}

struct Seg {
  std::int64_t start, end;
  bool a, b;
};

/// [0, len) cut wherever either coder's coding starts or ends.
std::vector<Seg> segments(const Ranges& a, const Ranges& b, std::int64_t len) {
  std::vector<std::int64_t> cuts = {0, len};
  for (const auto* r : {&a, &b}) {
    for (const auto& [s, e] : *r) {
      cuts.push_back(s);
      cuts.push_back(e);
    }
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::vector<Seg> out;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    if (cuts[i] >= len) {
      break;
    }
    out.push_back(
        {cuts[i], cuts[i + 1], covers(a, cuts[i], cuts[i + 1]), covers(b, cuts[i], cuts[i + 1])});
  }
  return out;
}

struct Tally {
  std::int64_t both = 0, only_a = 0, only_b = 0, neither = 0;
  void add(bool a, bool b, std::int64_t n) {
    (a ? (b ? both : only_a) : (b ? only_b : neither)) += n;
  }
};

} // namespace

AgreementReport compute_agreement(const Project& p, const AgreementOptions& opt) {
  if (opt.coder_a.empty() || opt.coder_b.empty()) {
    throw InputError("agreement needs two coders; with one coder there is nothing to compare",
                     Hint::NameTwoCoders);
  }
  if (opt.coder_a == opt.coder_b) {
    throw InputError("agreement needs two different coders, not '" + opt.coder_a + "' twice");
  }
  auto coders = list_coders(p);
  for (const auto* c : {&opt.coder_a, &opt.coder_b}) {
    if (std::find(coders.begin(), coders.end(), *c) == coders.end()) {
      std::string known;
      for (const auto& k : coders) {
        known += (known.empty() ? "" : ", ") + k;
      }
      throw NotFoundError("no coder named '" + *c + "' in this project (coders: " +
                              (known.empty() ? "none" : known) + ")",
                          Hint::ListCoders);
    }
  }
  AgreementReport rep;
  rep.coder_a = opt.coder_a;
  rep.coder_b = opt.coder_b;
  rep.unit = opt.unit;

  // Every coding of the two coders: (document, code) -> each one's ranges.
  std::map<std::pair<Id, Id>, std::pair<Ranges, Ranges>> coded;
  std::set<Id> coded_docs, used_codes;
  {
    auto s = detail::db(p).prepare(
        "SELECT c.document_id, c.code_id, c.start, c.end, k.name FROM coding c "
        "JOIN coder k ON k.id = c.coder_id WHERE k.name IN (?1, ?2)");
    s.bind(1, opt.coder_a).bind(2, opt.coder_b);
    while (s.step()) {
      auto& both = coded[{s.i64(0), s.i64(1)}];
      (s.str(4) == opt.coder_a ? both.first : both.second).emplace_back(s.i64(2), s.i64(3));
      coded_docs.insert(s.i64(0));
      used_codes.insert(s.i64(1));
    }
  }
  std::vector<Id> docs = opt.documents;
  if (docs.empty()) {
    docs.assign(coded_docs.begin(), coded_docs.end());
  }
  rep.documents = static_cast<std::int64_t>(docs.size());
  std::vector<Code> codes;
  for (const auto& c : list_codes(p)) {
    bool wanted = opt.codes.empty()
                      ? used_codes.count(c.id) > 0
                      : std::find(opt.codes.begin(), opt.codes.end(), c.id) != opt.codes.end();
    if (wanted) {
      codes.push_back(c);
    }
  }

  std::map<Id, Tally> tallies;
  Tally total;
  for (Id doc : docs) {
    auto d = get_document(p, doc);
    auto text = document_text(p, doc);
    CodePointIndex idx(text);
    Ranges units;
    if (opt.unit == AgreementUnit::Passage) {
      for (const auto& ps : list_passages(p, doc)) {
        units.emplace_back(ps.start, ps.end);
      }
      if (units.empty() && d.length > 0) {
        units.emplace_back(0, d.length); // a document without passages is one unit
      }
    } else if (opt.unit == AgreementUnit::Sentence) {
      for (const auto& r : sentence_ranges(text)) {
        units.emplace_back(r.first, r.second);
      }
    }
    for (const auto& code : codes) {
      auto it = coded.find({doc, code.id});
      Ranges a, b;
      if (it != coded.end()) {
        a = joined(it->second.first);
        b = joined(it->second.second);
      }
      auto& t = tallies[code.id];
      auto disagree = [&](std::int64_t s, std::int64_t e, bool by_a) {
        rep.disagreements.push_back({doc, d.name, code.id, code.path, s, e,
                                     by_a ? opt.coder_a : opt.coder_b,
                                     std::string(idx.slice(s, e))});
      };
      if (opt.unit == AgreementUnit::Character) {
        for (const auto& sg : segments(a, b, d.length)) {
          t.add(sg.a, sg.b, sg.end - sg.start);
          total.add(sg.a, sg.b, sg.end - sg.start);
          if (sg.a != sg.b) {
            disagree(sg.start, sg.end, sg.a);
          }
        }
      } else {
        for (const auto& [s, e] : units) {
          bool in_a = covers(a, s, e), in_b = covers(b, s, e);
          t.add(in_a, in_b, 1);
          total.add(in_a, in_b, 1);
          if (in_a != in_b) {
            disagree(s, e, in_a);
          }
        }
      }
    }
  }
  for (const auto& code : codes) {
    const auto& t = tallies[code.id];
    rep.codes.push_back(
        {code.id, code.path, agreement_figures(t.both, t.only_a, t.only_b, t.neither)});
  }
  rep.overall = agreement_figures(total.both, total.only_a, total.only_b, total.neither);
  return rep;
}

} // namespace quire
