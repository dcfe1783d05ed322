// Co-occurrence: codes × codes, by overlapping codings or shared passages.
#include <algorithm>

#include "analysis/analysis_p.h"
#include "quire/base/error.h"

namespace quire {

namespace {

using detail::Range;

/// The passages (as ranges) that some segment overlaps, by document and start.
std::vector<Range> passages_touched(const std::vector<Range>& segs, detail::PassageCache& cache) {
  std::vector<Range> out;
  for (const auto& s : segs) {
    const auto& ps = cache.of(s.document_id);
    auto it = std::lower_bound(ps.begin(), ps.end(), s.start,
                               [](const Passage& x, std::int64_t v) { return x.end <= v; });
    for (; it != ps.end() && it->start < s.end; ++it) {
      if (it->end > s.start) {
        out.push_back({s.document_id, it->start, it->end});
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Range& a, const Range& b) { return !(a < b) && !(b < a); }),
            out.end());
  return out;
}

std::vector<Range> common(const std::vector<Range>& a, const std::vector<Range>& b) {
  std::vector<Range> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

/// Overlap mode for every pair at once: one sweep over all codes' merged
/// ranges, by document and start. A code's merged ranges never overlap or
/// touch each other, so each code has at most one range open at a time, and
/// each overlapping pair of ranges is one stretch — what intersect_ranges()
/// finds pair by pair, in the same order.
void overlap_sweep(const std::vector<std::vector<Range>>& units, bool with_hits,
                   detail::HitMaker& hits, Cooccurrence& out) {
  struct Ev {
    Range r;
    std::size_t k;
  };
  std::vector<Ev> evs;
  for (std::size_t k = 0; k < units.size(); ++k) {
    for (const auto& r : units[k]) {
      evs.push_back({r, k});
    }
  }
  std::sort(evs.begin(), evs.end(), [](const Ev& a, const Ev& b) {
    return a.r.document_id != b.r.document_id ? a.r.document_id < b.r.document_id
           : a.r.start != b.r.start           ? a.r.start < b.r.start
                                              : a.k < b.k;
  });
  std::vector<Ev> open;
  for (const auto& e : evs) {
    std::erase_if(open, [&](const Ev& a) {
      return a.r.document_id != e.r.document_id || a.r.end <= e.r.start;
    });
    for (const auto& a : open) {
      auto i = std::min(a.k, e.k), j = std::max(a.k, e.k);
      out.counts[i][j]++;
      out.counts[j][i]++;
      if (with_hits) {
        out.hits[i][j].push_back(
            hits.make({e.r.document_id, e.r.start, std::min(a.r.end, e.r.end)}));
      }
    }
    open.push_back(e);
  }
  for (std::size_t k = 0; k < units.size(); ++k) {
    out.counts[k][k] = static_cast<std::int64_t>(units[k].size());
    if (with_hits) {
      for (const auto& r : units[k]) {
        out.hits[k][k].push_back(hits.make(r));
      }
      for (std::size_t j = k + 1; j < units.size(); ++j) {
        out.hits[j][k] = out.hits[k][j];
      }
    }
  }
}

} // namespace

Cooccurrence cooccurrence(const Project& p, const CooccurrenceSpec& spec) {
  auto d = detail::load_analysis(p, spec.filter);
  auto segs = detail::code_segments(d, spec.with_subcodes);
  std::vector<std::size_t> which;
  for (auto id : spec.codes) {
    if (!d.code_at.count(id)) {
      throw NotFoundError("no code with id " + std::to_string(id));
    }
    which.push_back(d.code_at.at(id));
  }
  if (spec.codes.empty()) {
    for (std::size_t i = 0; i < d.codes.size(); ++i) {
      which.push_back(i);
    }
  }
  detail::HitMaker hits(p);
  std::vector<std::vector<Range>> units;
  for (auto i : which) {
    units.push_back(spec.mode == CooccurrenceMode::Overlap
                        ? segs[i]
                        : passages_touched(segs[i], hits.passages()));
  }
  Cooccurrence out;
  const auto n = which.size();
  out.counts.assign(n, std::vector<std::int64_t>(n, 0));
  if (spec.with_hits) {
    out.hits.assign(n, std::vector<std::vector<Hit>>(n));
  }
  for (std::size_t i = 0; i < n; ++i) {
    out.codes.push_back(d.codes[which[i]]);
  }
  if (spec.mode == CooccurrenceMode::Overlap) {
    overlap_sweep(units, spec.with_hits, hits, out);
    return out;
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i; j < n; ++j) {
      auto both = i == j ? units[i]
                  : spec.mode == CooccurrenceMode::Overlap
                      ? detail::intersect_ranges(units[i], units[j])
                      : common(units[i], units[j]);
      out.counts[i][j] = out.counts[j][i] = static_cast<std::int64_t>(both.size());
      if (spec.with_hits) {
        for (const auto& r : both) {
          out.hits[i][j].push_back(hits.make(r));
        }
        out.hits[j][i] = out.hits[i][j];
      }
    }
  }
  return out;
}

} // namespace quire
