// Storing ProjectData into a project in one action: matching what is already
// there, adding what is not, reporting what differs. store_exchange runs, in
// order: index_notes (notes by what they are on), store_users, store_codes,
// store_cases (attributes, cases, their values), store_sources (documents
// and passages, their codings), storing the notes on each as it goes; the
// project's own notes last. New rows are written by the writers of rows_p.h.
#include <cctype>
#include <map>
#include <set>

#include "model/coding_p.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/ingest/exchange.h"
#include "quire/model/cases.h"
#include "quire/store/safety_copies.h"
#include "store/project_p.h"
#include "store/rows_p.h"
#include "store/store_p.h"

namespace quire {

using detail::Db;

namespace {

bool guid_free(Db& db, const char* table, const std::string& guid) {
  if (guid.empty()) {
    return false;
  }
  auto s = db.prepare(std::string("SELECT 1 FROM ") + table + " WHERE guid = ?");
  s.bind(1, guid);
  return !s.step();
}

/// The GUID to give a new row: the data's when no row of the table has it.
std::string fresh_guid(Db& db, const char* table, const std::string& wanted) {
  auto g = normalize_guid(wanted);
  return guid_free(db, table, g) ? g : new_guid();
}

std::optional<Id> id_by_guid(Db& db, const char* table, const std::string& guid) {
  auto s = db.prepare(std::string("SELECT id FROM ") + table + " WHERE lower(guid) = ?");
  s.bind(1, normalize_guid(guid));
  if (s.step()) {
    return s.i64(0);
  }
  return std::nullopt;
}

/// A short label for a note without a title: its first words.
std::string preview_of(const std::string& text) {
  std::string out;
  std::int64_t n = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++n > 40) {
      return out + "…";
    }
    out += c == '\n' ? ' ' : c;
  }
  return out;
}

std::string code_path_of(Db& db, Id id) {
  std::vector<std::string> names;
  for (std::optional<Id> cur = id; cur;) {
    auto s = db.prepare("SELECT name, parent_id FROM code WHERE id = ?");
    s.bind(1, *cur);
    if (!s.step()) {
      break;
    }
    names.insert(names.begin(), s.str(0));
    cur = s.opt_i64(1);
  }
  std::string out;
  for (const auto& n : names) {
    out += (out.empty() ? "" : "/");
    for (char c : n) {
      out += (c == '/' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    }
  }
  return out;
}

struct Store {
  Project& p;
  Db& db;
  const ProjectData& data;
  ExchangeReport& rep;
  std::map<std::string, Id> codes, sources, cases, codings; // data GUID -> project id
  std::map<std::string, std::string> user_guid;             // name -> GUID from the data
  std::map<std::string, Id> coders;                         // name -> coder id
  std::multimap<std::string, const ExchangeNote*> notes_on; // target GUID -> notes

  Id coder(const std::string& wanted) {
    const std::string name = wanted.empty() ? p.coder() : wanted;
    if (auto it = coders.find(name); it != coders.end()) {
      return it->second;
    }
    auto s = db.prepare("SELECT id FROM coder WHERE name = ?");
    s.bind(1, name);
    Id id;
    if (s.step()) {
      id = s.i64(0);
    } else {
      id = detail::insert_coder(db, name, fresh_guid(db, "coder", user_guid[name]));
      rep.added.push_back({"user", name, {}});
    }
    coders.emplace(name, id);
    return id;
  }

  void store_users() {
    for (const auto& u : data.users) {
      user_guid.emplace(u.name, u.guid);
    }
    for (const auto& u : data.users) {
      auto s = db.prepare("SELECT id FROM coder WHERE name = ?");
      s.bind(1, u.name);
      if (s.step()) {
        rep.matched.push_back({"user", u.name, "same name"});
        coders.emplace(u.name, s.i64(0));
      }
      // Users who coded nothing and wrote nothing are not stored: a coder
      // is added when their first coding or note is.
    }
  }

  void store_codes() {
    for (const auto& c : data.codes) {
      std::optional<Id> parent;
      if (!c.parent_guid.empty()) {
        auto it = codes.find(normalize_guid(c.parent_guid));
        if (it == codes.end()) {
          throw InputError("code '" + c.name + "' has a parent (" + c.parent_guid +
                           ") that is not in the codebook; nothing was stored");
        }
        parent = it->second;
      }
      Id id;
      std::string how;
      if (auto g = id_by_guid(db, "code", c.guid)) {
        id = *g;
        how = "same GUID";
      } else if (auto same = detail::child_code_id(db, parent, c.name)) {
        id = *same;
        how = "same path";
      } else {
        id = detail::insert_code(db, parent, c.name, c.color, c.description,
                                 fresh_guid(db, "code", c.guid));
        rep.added.push_back({"code", code_path_of(db, id), {}});
        codes[normalize_guid(c.guid)] = id;
        continue;
      }
      codes[normalize_guid(c.guid)] = id;
      auto path = code_path_of(db, id);
      auto s = db.prepare("SELECT name, color, description, parent_id FROM code WHERE id = ?");
      s.bind(1, id);
      s.step();
      std::string name = s.str(0), color = s.str(1), desc = s.str(2);
      auto here_parent = s.opt_i64(3);
      s.reset();
      std::vector<std::string> diffs;
      if (name != c.name) {
        diffs.push_back("named '" + c.name + "' there");
      }
      if (here_parent != parent) {
        diffs.push_back(parent ? "under '" + code_path_of(db, *parent) + "' there"
                               : std::string("at the top there"));
      }
      if (!c.color.empty() && lower(c.color) != lower(color)) {
        diffs.push_back("colour " + c.color + " there, " + color + " here");
      }
      if (!c.description.empty() && c.description != desc) {
        if (desc.empty()) {
          db.prepare("UPDATE code SET description = ? WHERE id = ?")
              .bind(1, c.description)
              .bind(2, id)
              .run();
          how += "; description added";
        } else {
          diffs.push_back("a different description");
        }
      }
      rep.matched.push_back({"code", path, how});
      if (!diffs.empty()) {
        std::string d;
        for (const auto& x : diffs) {
          d += (d.empty() ? "" : "; ") + x;
        }
        rep.conflicts.push_back({"code", path, d + " (kept this project's)"});
      }
    }
  }

  static std::string lower(std::string s) {
    for (auto& ch : s) {
      ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    return s;
  }

  std::map<std::string, std::pair<Id, AttrType>> attributes;
  detail::AttributeMaker make_attribute{db};
  /// The project's attribute of that name, else a new one (with the data's
  /// GUID when free). `existed` tells which.
  std::pair<Id, AttrType> attribute(const std::string& name, AttrType type,
                                    const std::string& guid = {}, bool* existed = nullptr) {
    if (auto it = attributes.find(name); it != attributes.end()) {
      return it->second;
    }
    AttrType have = type;
    bool created = false;
    Id id = make_attribute.ensure(name, type, &have, fresh_guid(db, "attribute", guid), &created);
    if (created) {
      rep.added.push_back({"attribute", name, to_string(type)});
    } else if (existed) {
      *existed = true;
    }
    std::pair<Id, AttrType> ref{id, have};
    attributes.emplace(name, ref);
    return ref;
  }

  Id case_named(const std::string& name, const std::string& guid = {}) {
    auto s = db.prepare("SELECT id FROM case_ WHERE name = ?");
    s.bind(1, name);
    if (s.step()) {
      return s.i64(0);
    }
    s.reset();
    Id id = detail::CaseWriter(db).write(
        {.id = {}, .name = name, .description = {}, .guid = fresh_guid(db, "case_", guid)});
    rep.added.push_back({"case", name, {}});
    return id;
  }

  void link_passages(const ExchangeSource& src, Id doc, const std::string& doc_name);
  void store_cases();
  void store_attributes();
  void store_case(const ExchangeCase& c);
  void store_case_values(const ExchangeCase& c, Id id, bool existed);
  void index_notes();
  void store_sources();
  Id store_source(const ExchangeSource& src);
  void store_codings(const ExchangeSource& src, Id doc, std::int64_t length);
  void store_notes_on(const std::string& guid, MemoTarget target, std::optional<Id> id);
};

void Store::store_cases() {
  store_attributes();
  for (const auto& c : data.cases) {
    store_case(c);
  }
}

void Store::store_attributes() {
  for (const auto& attr : data.attributes) {
    bool existed = false;
    auto [id, type] = attribute(attr.name, attr.type, attr.guid, &existed);
    if (existed) {
      rep.matched.push_back({"attribute", attr.name, "same name"});
      if (type != attr.type) {
        rep.conflicts.push_back({"attribute", attr.name,
                                 to_string(attr.type) + " there, " + to_string(type) +
                                     " here (values are read as " + to_string(type) + ")"});
      }
    }
  }
}

/// A case, matched by name or added; its description where the project's has none.
void Store::store_case(const ExchangeCase& c) {
  if (c.name.empty()) {
    throw InputError("a case (" + c.guid + ") has no name; nothing was stored");
  }
  bool existed = [&] {
    auto s = db.prepare("SELECT 1 FROM case_ WHERE name = ?");
    s.bind(1, c.name);
    return s.step();
  }();
  Id id = case_named(c.name, c.guid);
  cases[normalize_guid(c.guid)] = id;
  if (existed) {
    rep.matched.push_back({"case", c.name, "same name"});
  }
  if (!c.description.empty()) {
    auto s = db.prepare("SELECT description FROM case_ WHERE id = ?");
    s.bind(1, id);
    s.step();
    auto desc = s.str(0);
    s.reset();
    if (desc.empty()) {
      db.prepare("UPDATE case_ SET description = ? WHERE id = ?")
          .bind(1, c.description)
          .bind(2, id)
          .run();
    } else if (desc != c.description) {
      rep.conflicts.push_back({"case", c.name, "a different description (kept this project's)"});
    }
  }
  store_case_values(c, id, existed);
}

/// The case's values the project does not have; a different one is a conflict.
void Store::store_case_values(const ExchangeCase& c, Id id, bool existed) {
  auto have = existed ? case_attributes(p, id) : std::map<std::string, Value>{};
  detail::CaseValueWriter values(db);
  for (const auto& [name, v] : c.values) {
    if (v.missing) {
      continue;
    }
    auto [aid, type] = attribute(name, v.type);
    Value val = v;
    if (v.type != type) {
      try {
        val = parse_value(v.display(), type);
      } catch (const InputError&) {
        rep.conflicts.push_back({"value", c.name + ": " + name,
                                 "'" + v.display() + "' is not a " + to_string(type) +
                                     " as this project's attribute is (not stored)"});
        continue;
      }
    }
    auto it = have.find(name);
    if (it != have.end() && !it->second.missing) {
      if (it->second.display() != val.display()) {
        rep.conflicts.push_back({"value", c.name + ": " + name,
                                 "'" + val.display() + "' there, '" + it->second.display() +
                                     "' here (kept this project's)"});
      }
      continue;
    }
    values.write(id, aid, val);
    if (existed) {
      rep.added.push_back({"value", c.name + ": " + name, val.display()});
    }
  }
}

/// Notes by the GUID of what they are on; notes on something the data does
/// not hold (a source that could not be read) are kept on the project.
void Store::index_notes() {
  std::set<std::string> known;
  for (const auto& c : data.codes)
    known.insert(normalize_guid(c.guid));
  for (const auto& c : data.cases)
    known.insert(normalize_guid(c.guid));
  for (const auto& s : data.sources) {
    known.insert(normalize_guid(s.guid));
    for (const auto& c : s.codings)
      known.insert(normalize_guid(c.guid));
  }
  for (const auto& n : data.notes) {
    auto target = normalize_guid(n.target_guid);
    if (n.target != MemoTarget::Project && !known.count(target)) {
      rep.warnings.push_back("note '" + (n.title.empty() ? preview_of(n.text) : n.title) +
                             "' was on a " + to_string(n.target) +
                             " that is not there; it was kept as a project memo");
      target.clear();
    }
    notes_on.emplace(n.target == MemoTarget::Project ? std::string() : target, &n);
  }
}

void Store::store_notes_on(const std::string& guid, MemoTarget target, std::optional<Id> id) {
  auto range = notes_on.equal_range(normalize_guid(guid));
  for (auto it = range.first; it != range.second; ++it) {
    const auto& n = *it->second;
    const auto label = n.title.empty() ? preview_of(n.text) : n.title;
    if (auto same = id_by_guid(db, "memo", n.guid)) {
      auto s = db.prepare("SELECT text FROM memo WHERE id = ?");
      s.bind(1, *same);
      s.step();
      if (s.str(0) == normalize_text(n.text)) {
        rep.matched.push_back({"note", label, "same GUID"});
        continue;
      }
      // Edited on one side: both texts are kept, theirs as a memo of its own.
      rep.conflicts.push_back(
          {"note", label, "a different text there; both kept (theirs as a new memo)"});
    }
    if (!n.author.empty()) {
      coder(n.author); // the author is a user of the project too
    }
    const auto now = now_iso();
    const auto created = n.created_at.empty() ? now : n.created_at;
    detail::MemoWriter(db).write({.target = target,
                                  .target_id = id,
                                  .title = n.title,
                                  .text = normalize_text(n.text),
                                  .author = n.author,
                                  .created_at = created,
                                  .updated_at = n.updated_at.empty() ? created : n.updated_at,
                                  .guid = fresh_guid(db, "memo", n.guid)});
    rep.added.push_back({"note", label, to_string(target)});
  }
}

} // namespace

namespace {

std::optional<Id> question_id(Db& db, const std::string& folder, const std::string& name) {
  if (name.empty()) {
    return std::nullopt;
  }
  return detail::ensure_question(db, folder, name);
}

void Store::store_sources() {
  // The project's documents as they were before, by the SHA-256 of their text.
  std::map<std::string, std::pair<Id, std::string>> by_hash;
  {
    auto s = db.prepare(
        "SELECT d.id, d.name, t.text FROM document d JOIN document_text t ON t.document_id = d.id");
    while (s.step()) {
      by_hash.emplace(sha256_hex(s.view(2)), std::make_pair(s.i64(0), s.str(1)));
    }
  }
  for (const auto& src : data.sources) {
    if (normalize_text(src.text) != src.text) {
      throw InputError("the text of source '" + src.name +
                       "' is not normalised; nothing was stored");
    }
    Id doc;
    auto hit = by_hash.find(sha256_hex(src.text));
    if (hit != by_hash.end()) {
      doc = hit->second.first;
      rep.matched.push_back({"source", src.name, "same text as '" + hit->second.second + "'"});
      if (!src.case_name.empty()) {
        Id want = case_named(src.case_name);
        auto s = db.prepare("SELECT case_id FROM document WHERE id = ?");
        s.bind(1, doc);
        s.step();
        auto have = s.opt_i64(0);
        s.reset();
        if (!have) {
          db.prepare("UPDATE document SET case_id = ? WHERE id = ?")
              .bind(1, want)
              .bind(2, doc)
              .run();
        } else if (*have != want) {
          rep.conflicts.push_back({"source", hit->second.second,
                                   "linked to case '" + src.case_name +
                                       "' there, to another case here (kept this project's)"});
        }
      }
      link_passages(src, doc, hit->second.second);
    } else {
      doc = store_source(src);
    }
    sources[normalize_guid(src.guid)] = doc;
    rep.documents.push_back(doc);
    store_codings(src, doc, count_code_points(src.text));
    store_notes_on(src.guid, MemoTarget::Document, doc);
  }
}

/// A source already in the project: its passages' cases are linked where
/// the project's passage of the same range has none.
void Store::link_passages(const ExchangeSource& src, Id doc, const std::string& doc_name) {
  for (const auto& ps : src.passages) {
    if (ps.case_name.empty()) {
      continue;
    }
    auto s = db.prepare(
        "SELECT id, case_id FROM passage WHERE document_id = ? AND start = ? AND end = ?");
    s.bind(1, doc).bind(2, ps.start).bind(3, ps.end);
    const auto range = std::to_string(ps.start) + ":" + std::to_string(ps.end);
    if (!s.step()) {
      rep.warnings.push_back("source '" + doc_name + "': passage " + range + " of case '" +
                             ps.case_name + "' is not a passage here; its case was not linked");
      continue;
    }
    Id pid = s.i64(0);
    auto have = s.opt_i64(1);
    s.reset();
    Id want = case_named(ps.case_name);
    if (!have) {
      db.prepare("UPDATE passage SET case_id = ? WHERE id = ?").bind(1, want).bind(2, pid).run();
    } else if (*have != want) {
      rep.conflicts.push_back(
          {"passage", doc_name + " " + range,
           "of case '" + ps.case_name + "' there, of another case here (kept this project's)"});
    }
  }
}

Id Store::store_source(const ExchangeSource& src) {
  const auto len = count_code_points(src.text);
  for (const auto& ps : src.passages) {
    if (ps.start < 0 || ps.start >= ps.end || ps.end > len) {
      throw InputError("source '" + src.name + "': passage [" + std::to_string(ps.start) + ", " +
                       std::to_string(ps.end) + ") is outside its text of " + std::to_string(len) +
                       " characters; nothing was stored");
    }
  }
  std::optional<Id> doc_case;
  if (!src.case_name.empty()) {
    doc_case = case_named(src.case_name);
  }
  auto name = detail::unique_document_name(db, src.name);
  Id doc = detail::DocumentWriter(db).write(
      {.id = {},
       .name = name,
       .kind = src.kind,
       .folder = src.folder,
       .original_name = src.original_name,
       .imported_at = now_iso(),
       .sha256 = src.sha256.empty() ? sha256_hex(src.text) : src.sha256,
       .length = len,
       .case_id = doc_case,
       .guid = fresh_guid(db, "document", src.guid),
       .text = src.text});
  rep.added.push_back({"source", name, name == src.name ? std::string() : "as '" + name + "'"});
  auto passages = src.passages;
  if (passages.empty()) {
    for (auto [s, e] : paragraph_ranges(src.text)) {
      passages.push_back({{}, s, e, {}, {}, {}, {}, {}});
    }
  }
  detail::PassageWriter rows(db);
  for (const auto& ps : passages) {
    std::optional<Id> pcase;
    if (!ps.case_name.empty()) {
      pcase = case_named(ps.case_name);
    }
    auto guid = fresh_guid(db, "passage", ps.guid);
    rows.write({.document_id = doc,
                .start = ps.start,
                .end = ps.end,
                .speaker = ps.speaker,
                .start_ms = ps.start_ms,
                .end_ms = ps.end_ms,
                .case_id = pcase,
                .question_id = question_id(db, src.folder, ps.question),
                .guid = std::move(guid)});
  }
  return doc;
}

void Store::store_codings(const ExchangeSource& src, Id doc, std::int64_t length) {
  for (const auto& c : src.codings) {
    if (c.start < 0 || c.start >= c.end || c.end > length) {
      throw InputError("source '" + src.name + "': coding [" + std::to_string(c.start) + ", " +
                       std::to_string(c.end) + ") is outside its text of " +
                       std::to_string(length) + " characters; nothing was stored");
    }
    auto code = codes.find(normalize_guid(c.code_guid));
    if (code == codes.end()) {
      throw InputError("source '" + src.name + "': a coding refers to code " + c.code_guid +
                       ", which is not in the codebook; nothing was stored");
    }
    Id who = coder(c.coder);
    const auto guid = normalize_guid(c.guid);
    // The same coding (by GUID) where it covers what the data has; one that
    // grew on the other side is stored as more (and merged below).
    if (auto same = id_by_guid(db, "coding", guid)) {
      auto s = db.prepare(
          "SELECT 1 FROM coding WHERE id = ? AND document_id = ? AND code_id = ? AND coder_id = ? "
          "AND start <= ? AND end >= ?");
      s.bind(1, *same)
          .bind(2, doc)
          .bind(3, code->second)
          .bind(4, who)
          .bind(5, c.start)
          .bind(6, c.end);
      if (s.step()) {
        rep.codings_matched++;
        store_notes_on(guid, MemoTarget::Coding, *same);
        continue;
      }
    }
    auto find = [&](const char* cond, std::optional<Id> not_id) -> std::optional<Id> {
      auto s =
          db.prepare(std::string("SELECT id FROM coding WHERE document_id = ? AND code_id = ? AND "
                                 "coder_id = ? AND id != ? AND ") +
                     cond + " ORDER BY start LIMIT 1");
      s.bind(1, doc).bind(2, code->second).bind(3, who).bind(4, not_id.value_or(0));
      s.bind(5, c.start).bind(6, c.end);
      if (s.step()) {
        return s.i64(0);
      }
      return std::nullopt;
    };
    // Already covered by a coding of the same code and coder: nothing to add.
    if (auto covering = find("start <= ?5 AND end >= ?6", std::nullopt)) {
      rep.codings_matched++;
      store_notes_on(guid, MemoTarget::Coding, *covering);
      continue;
    }
    Id id = detail::CodingWriter(db).write(
        {.document_id = doc,
         .code_id = code->second,
         .start = c.start,
         .end = c.end,
         .coder_id = who,
         .created_at = c.created_at.empty() ? now_iso() : c.created_at,
         .guid = fresh_guid(db, "coding", guid)});
    rep.codings_added++;
    store_notes_on(guid, MemoTarget::Coding, id);
    // Overlapping a coding of the same code and coder: merged into the one
    // that was there (it keeps its GUID). Codings that only touch stay apart.
    if (auto overlapping = find("start < ?6 AND end > ?5", id)) {
      rep.codings_merged += detail::merge_touching(db, *overlapping).merged;
    }
  }
}

} // namespace

ExchangeReport store_exchange(Project& p, const ProjectData& data, const ExchangeOptions& opt) {
  ExchangeReport rep;
  rep.warnings = data.warnings;
  rep.not_imported = data.not_imported;
  const auto name = opt.action_name.empty() ? "Merge '" + data.name + "'" : opt.action_name;
  if (!opt.dry_run) {
    keep_safety_copy(p, name);
  }
  detail::Action act(p, name);
  Store st{p, act.db(), data, rep, {}, {}, {}, {}, {}, {}, {}, {}};

  st.index_notes();
  st.store_users();
  st.store_codes();
  for (const auto& c : data.codes) {
    st.store_notes_on(c.guid, MemoTarget::Code, st.codes.at(normalize_guid(c.guid)));
  }
  st.store_cases();
  for (const auto& c : data.cases) {
    st.store_notes_on(c.guid, MemoTarget::Case, st.cases.at(normalize_guid(c.guid)));
  }
  st.store_sources();
  st.store_notes_on({}, MemoTarget::Project, std::nullopt);
  if (!opt.dry_run) {
    act.commit();
  }
  return rep;
}

std::string count_by_kind(const std::vector<ExchangeItem>& items) {
  std::map<std::string, int> n;
  for (const auto& i : items) {
    n[i.kind]++;
  }
  std::string out;
  for (const auto& [k, c] : n) {
    out += (out.empty() ? "" : ", ") + std::to_string(c) + " " + k + (c == 1 ? "" : "s");
  }
  return out.empty() ? "nothing" : out;
}

} // namespace quire
