// Stored suggestions and the decisions on them: model versions, accepting
// (a coding that remembers it came from a suggestion) and rejecting.
#include <cstdio>
#include <sstream>

#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/codebook.h"
#include "quire/model/documents.h"
#include "quire/store/project.h"
#include "quire/suggest/suggest.h"
#include "store/project_p.h"
#include "suggest/suggest_p.h"

namespace quire {

namespace detail {

namespace {

/// A write outside undo (suggestions and model versions are bookkeeping,
/// not a person's work): one transaction, rolled back unless committed.
class Bookkeeping {
public:
  explicit Bookkeeping(Db& db) : m_db(db) { m_db.exec("BEGIN IMMEDIATE"); }
  Bookkeeping(const Bookkeeping&) = delete;
  ~Bookkeeping() {
    if (!m_done) {
      try {
        m_db.exec("ROLLBACK");
      } catch (...) { // NOLINT(bugprone-empty-catch): nothing more to undo
      }
    }
  }
  void commit() {
    m_db.exec("COMMIT");
    m_done = true;
  }

private:
  Db& m_db;
  bool m_done = false;
};

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) {
    out.push_back(cur);
  }
  return out;
}

} // namespace

std::int64_t register_model(Project& p, const std::string& fingerprint, int examples,
                            const std::string& codes) {
  auto& d = db(p);
  auto find = [&] {
    auto s = d.prepare("SELECT id FROM suggest_model WHERE fingerprint = ?");
    s.bind(1, fingerprint);
    return s.step() ? s.i64(0) : std::int64_t{0};
  };
  if (auto id = find(); id != 0 || p.read_only()) {
    return id;
  }
  Bookkeeping b(d);
  d.prepare("INSERT OR IGNORE INTO suggest_model(fingerprint, created_at, method, examples, "
            "codes) VALUES (?, ?, ?, ?, ?)")
      .bind(1, fingerprint)
      .bind(2, now_iso())
      .bind(3, "logistic regression per code over tf-idf terms, Platt-calibrated (quire-suggest-1)")
      .bind(4, examples)
      .bind(5, codes)
      .run();
  auto id = find();
  b.commit();
  return id;
}

std::string reasons_text(const Suggestion& s) {
  std::string out;
  for (const auto& w : s.words) {
    out += "word\t" + w.stem + "\t" + w.word + "\t" + number(w.weight) + "\t";
    for (std::size_t i = 0; i < w.ranges.size(); ++i) {
      out += (i ? "," : "") + std::to_string(w.ranges[i].first) + ":" +
             std::to_string(w.ranges[i].second);
    }
    out += "\n";
  }
  if (s.like) {
    out += "like\t" + std::to_string(s.like->document_id) + "\t" + std::to_string(s.like->start) +
           "\t" + std::to_string(s.like->end) + "\t" + number(s.like->similarity) + "\n";
  }
  return out;
}

void read_reasons(const Project& p, const std::string& text, Suggestion& s) {
  for (const auto& line : split(text, '\n')) {
    auto f = split(line, '\t');
    try {
      if (f.size() >= 4 && f[0] == "word") {
        SuggestWord w;
        w.stem = f[1];
        w.word = f[2];
        w.weight = std::stod(f[3]);
        if (f.size() >= 5) {
          for (const auto& r : split(f[4], ',')) {
            auto colon = r.find(':');
            if (colon != std::string::npos) {
              w.ranges.emplace_back(std::stoll(r.substr(0, colon)),
                                    std::stoll(r.substr(colon + 1)));
            }
          }
        }
        s.words.push_back(std::move(w));
      } else if (f.size() >= 5 && f[0] == "like") {
        SuggestExample e;
        e.document_id = std::stoll(f[1]);
        e.start = std::stoll(f[2]);
        e.end = std::stoll(f[3]);
        e.similarity = std::stod(f[4]);
        auto q = db(p).prepare("SELECT name FROM document WHERE id = ?");
        q.bind(1, e.document_id);
        if (q.step()) { // a document deleted since: no example to show
          e.document_name = q.str(0);
          s.like = e;
        }
      }
    } catch (const std::exception&) { // NOLINT(bugprone-empty-catch): a damaged line is left out
    }
  }
}

void store_suggestions(Project& p, std::vector<Suggestion>& all) {
  auto& d = db(p);
  Bookkeeping b(d);
  for (auto& s : all) {
    d.prepare("INSERT INTO suggestion(document_id, start, end, code_guid, score, model_version, "
              "reasons, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'open') "
              "ON CONFLICT(document_id, start, end, code_guid) DO UPDATE SET "
              "score = excluded.score, model_version = excluded.model_version, "
              "reasons = excluded.reasons WHERE status = 'open'")
        .bind(1, s.document_id)
        .bind(2, s.start)
        .bind(3, s.end)
        .bind(4, s.code_guid)
        .bind(5, s.score)
        .bind(6, s.model_version)
        .bind(7, reasons_text(s))
        .run();
    auto q = d.prepare("SELECT id, status FROM suggestion WHERE document_id = ? AND start = ? AND "
                       "end = ? AND code_guid = ?");
    q.bind(1, s.document_id).bind(2, s.start).bind(3, s.end).bind(4, s.code_guid);
    if (q.step()) {
      s.id = q.i64(0);
      s.status = q.str(1);
    }
  }
  b.commit();
}

} // namespace detail

namespace {

const char* const suggestion_cols =
    "s.id, s.document_id, d.name, s.start, s.end, s.code_guid, s.score, s.model_version, "
    "s.reasons, s.status";

Suggestion read_suggestion(const Project& p, detail::Stmt& s) {
  Suggestion g;
  g.id = s.i64(0);
  g.document_id = s.i64(1);
  g.document_name = s.str(2);
  g.start = s.i64(3);
  g.end = s.i64(4);
  g.code_guid = s.str(5);
  g.score = s.f64(6);
  g.model_version = s.i64(7);
  auto reasons = s.str(8);
  g.status = s.str(9);
  auto c = detail::db(p).prepare("SELECT id FROM code WHERE guid = ?");
  c.bind(1, g.code_guid);
  if (c.step()) {
    g.code_id = c.i64(0);
    g.code_path = get_code(p, g.code_id).path;
  }
  detail::read_reasons(p, reasons, g);
  return g;
}

} // namespace

Suggestion get_suggestion(const Project& p, Id id) {
  Suggestion g;
  {
    auto s = detail::db(p).prepare(std::string("SELECT ") + suggestion_cols +
                                   " FROM suggestion s JOIN document d ON d.id = s.document_id "
                                   "WHERE s.id = ?");
    s.bind(1, id);
    if (!s.step()) {
      throw NotFoundError("no suggestion " + std::to_string(id) +
                          " (its document may have been deleted since)");
    }
    g = read_suggestion(p, s);
  }
  g.text = document_text(p, g.document_id, g.start, g.end);
  return g;
}

std::vector<Suggestion> document_suggestions(const Project& p, Id document_id,
                                             const std::string& status) {
  std::vector<Suggestion> out;
  {
    auto s = detail::db(p).prepare(std::string("SELECT ") + suggestion_cols +
                                   " FROM suggestion s JOIN document d ON d.id = s.document_id "
                                   "WHERE s.document_id = ? AND s.status = ? ORDER BY s.start, "
                                   "s.score DESC");
    s.bind(1, document_id).bind(2, status);
    while (s.step()) {
      out.push_back(read_suggestion(p, s));
    }
  }
  if (!out.empty()) {
    auto text = document_text(p, document_id);
    CodePointIndex idx(text);
    for (auto& g : out) {
      if (g.end <= idx.length()) {
        g.text = std::string(idx.slice(g.start, g.end));
      }
    }
  }
  return out;
}

namespace {

Suggestion open_suggestion(Project& p, Id id) {
  auto g = get_suggestion(p, id);
  if (g.status != "open") {
    throw InputError("suggestion " + std::to_string(id) + " was already " + g.status);
  }
  if (g.code_id == 0) {
    throw NotFoundError("the code suggestion " + std::to_string(id) +
                        " was for is no longer in the codebook (deleted, or merged into another "
                        "code); ask for suggestions again");
  }
  return g;
}

void decide(detail::Db& db, Project& p, Id id, const char* status) {
  db.prepare("UPDATE suggestion SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?")
      .bind(1, status)
      .bind(2, p.coder())
      .bind(3, now_iso())
      .bind(4, id)
      .run();
}

} // namespace

CodeResult accept_suggestion(Project& p, Id suggestion_id) {
  auto g = open_suggestion(p, suggestion_id);
  detail::Action act(p, "Accept suggestion: code '" + g.document_name + "' " +
                            std::to_string(g.start) + ":" + std::to_string(g.end) + " as " +
                            g.code_path);
  auto r = code_range(p, g.document_id, g.start, g.end, g.code_id);
  act.db()
      .prepare("INSERT OR REPLACE INTO coding_suggestion(coding_id, suggestion_id, model_version) "
               "VALUES (?, ?, ?)")
      .bind(1, r.coding_id)
      .bind(2, g.id)
      .bind(3, g.model_version)
      .run();
  decide(act.db(), p, g.id, "accepted");
  act.commit();
  return r;
}

void reject_suggestion(Project& p, Id suggestion_id) {
  auto g = open_suggestion(p, suggestion_id);
  detail::Action act(p, "Reject suggestion: '" + g.document_name + "' " + std::to_string(g.start) +
                            ":" + std::to_string(g.end) + " as " + g.code_path);
  decide(act.db(), p, g.id, "rejected");
  act.commit();
}

std::optional<CodingOrigin> coding_origin(const Project& p, Id coding_id) {
  auto s = detail::db(p).prepare(
      "SELECT suggestion_id, model_version FROM coding_suggestion WHERE coding_id = ?");
  s.bind(1, coding_id);
  if (!s.step()) {
    return std::nullopt;
  }
  return CodingOrigin{s.i64(0), s.i64(1)};
}

std::unordered_map<Id, CodingOrigin> suggested_codings(const Project& p) {
  std::unordered_map<Id, CodingOrigin> out;
  auto s = detail::db(p).prepare(
      "SELECT coding_id, suggestion_id, model_version FROM coding_suggestion");
  while (s.step()) {
    out.emplace(s.i64(0), CodingOrigin{s.i64(1), s.i64(2)});
  }
  return out;
}

} // namespace quire
