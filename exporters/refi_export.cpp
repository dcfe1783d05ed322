// REFI-QDA 1.0 project (.qdpx) and codebook (.qdc) export, valid against
// the official schemas (Project-mrt2019.xsd, Codebook-mrt2019.xsd).
#include "refi_export.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "part_file.h"
#include "quire/base/error.h"
#include "quire/ingest/exchange.h"
#include "quire_version.h"
#include "xml_writer.h"
#include "zip_writer.h"

namespace quire {

namespace {

bool is_guid(const std::string& g) {
  static const std::regex re(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  return std::regex_match(g, re);
}

/// A schema-valid GUID for g: itself, or one derived from it.
std::string guid_of(const std::string& g) {
  return is_guid(g) ? g : derived_guid("guid:" + g);
}

bool is_datetime(const std::string& t) {
  static const std::regex re(
      R"(-?\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?)");
  return std::regex_match(t, re);
}

bool is_color(const std::string& c) {
  static const std::regex re("#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})");
  return std::regex_match(c, re);
}

/// A number as xsd:decimal: no exponent.
std::string decimal(double v) {
  char buf[400];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  std::string s(buf, r.ptr);
  if (s.find_first_of("eE") != std::string::npos) {
    r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    s.assign(buf, r.ptr);
  }
  return s;
}

const char* variable_type(AttrType t) {
  return t == AttrType::Number ? "Float" : t == AttrType::Date ? "Date" : "Text";
}

/// Adds creatingUser/creationDateTime when they are valid.
void stamp(XmlAttrs& a, const std::string& user_guid, const std::string& time,
           const char* user_attr) {
  if (!user_guid.empty()) {
    a.emplace_back(user_attr, user_guid);
  }
  if (is_datetime(time)) {
    a.emplace_back("creationDateTime", time);
  }
}

class ProjectWriter {
public:
  explicit ProjectWriter(const ProjectData& d) : m_d(d) {
    for (const auto& u : d.users) {
      m_user[u.name] = guid_of(u.guid);
    }
    for (const auto& n : d.notes) {
      m_notes[n.target == MemoTarget::Project ? std::string() : n.target_guid].push_back(&n);
    }
    for (const auto& c : d.codes) {
      m_children[c.parent_guid].push_back(&c);
    }
  }

  std::string write(RefiExportSummary& sum) {
    XmlAttrs root = {{"xmlns", "urn:QDA-XML:project:1.0"},
                     {"name", m_d.name.empty() ? "Quire project" : m_d.name},
                     {"origin", "Quire " QUIRE_VERSION_STRING}};
    if (is_datetime(m_d.created_at)) {
      root.emplace_back("creationDateTime", m_d.created_at);
    }
    m_w.open("Project", root);
    users(sum);
    if (!m_d.codes.empty()) {
      m_w.open("CodeBook");
      m_w.open("Codes");
      codes("", true, sum);
      m_w.close();
      m_w.close();
    }
    variables();
    cases(sum);
    sources(sum);
    notes(sum);
    links();
    note_refs("");
    m_w.close();
    return m_w.take();
  }

  /// The codebook element tree (also the body of a .qdc, without notes).
  void codes(const std::string& parent, bool with_notes, RefiExportSummary& sum) {
    auto it = m_children.find(parent);
    if (it == m_children.end()) {
      return;
    }
    for (const auto* c : it->second) {
      XmlAttrs a = {{"guid", guid_of(c->guid)}, {"name", c->name}, {"isCodable", "true"}};
      if (is_color(c->color)) {
        a.emplace_back("color", c->color);
      }
      sum.codes++;
      bool kids = m_children.count(c->guid) > 0;
      bool notes = with_notes && m_notes.count(c->guid) > 0;
      if (c->description.empty() && !kids && !notes) {
        m_w.empty("Code", a);
        continue;
      }
      m_w.open("Code", a);
      if (!c->description.empty()) {
        m_w.text_element("Description", c->description);
      }
      if (with_notes) {
        note_refs(c->guid);
      }
      codes(c->guid, with_notes, sum);
      m_w.close();
    }
  }

  XmlWriter& writer() { return m_w; }

private:
  std::string user(const std::string& name) {
    if (name.empty()) {
      return {};
    }
    auto it = m_user.find(name);
    return it != m_user.end() ? it->second : derived_guid("user:" + name);
  }

  /// The users who coded or wrote something (a coder without codings or
  /// notes, such as whoever imported the documents, is left out).
  void users(RefiExportSummary& sum) {
    std::set<std::string> names;
    for (const auto& s : m_d.sources) {
      for (const auto& c : s.codings) {
        names.insert(c.coder);
      }
    }
    for (const auto& n : m_d.notes) {
      names.insert(n.author);
    }
    names.erase("");
    if (names.empty()) {
      return;
    }
    m_w.open("Users");
    for (const auto& n : names) {
      m_w.empty("User", {{"guid", user(n)}, {"name", n}});
      sum.users++;
    }
    m_w.close();
  }

  void note_refs(const std::string& target) {
    if (auto it = m_notes.find(target); it != m_notes.end()) {
      for (const auto* n : it->second) {
        if (n->target != MemoTarget::Case) { // cases take notes through Links
          m_w.empty("NoteRef", {{"targetGUID", guid_of(n->guid)}});
        }
      }
    }
  }

  void variables() {
    if (m_d.attributes.empty()) {
      return;
    }
    m_w.open("Variables");
    for (const auto& a : m_d.attributes) {
      m_w.empty(
          "Variable",
          {{"guid", guid_of(a.guid)}, {"name", a.name}, {"typeOfVariable", variable_type(a.type)}});
    }
    m_w.close();
  }

  void cases(RefiExportSummary& sum) {
    if (m_d.cases.empty()) {
      return;
    }
    std::map<std::string, std::string> attr_guid;
    for (const auto& a : m_d.attributes) {
      attr_guid[a.name] = guid_of(a.guid);
    }
    std::map<std::string, std::vector<std::string>> source_refs, selection_refs;
    for (const auto& s : m_d.sources) {
      if (!s.case_name.empty()) {
        source_refs[s.case_name].push_back(guid_of(s.guid));
      }
      for (const auto& ps : s.passages) {
        if (!ps.case_name.empty()) {
          selection_refs[ps.case_name].push_back(guid_of(ps.guid));
        }
      }
    }
    m_w.open("Cases");
    for (const auto& c : m_d.cases) {
      sum.cases++;
      m_w.open("Case", {{"guid", guid_of(c.guid)}, {"name", c.name}});
      if (!c.description.empty()) {
        m_w.text_element("Description", c.description);
      }
      for (const auto& [name, v] : c.values) {
        auto g = attr_guid.find(name);
        if (v.missing || g == attr_guid.end() ||
            (v.type == AttrType::Number && !std::isfinite(v.number))) {
          continue;
        }
        m_w.open("VariableValue");
        m_w.empty("VariableRef", {{"targetGUID", g->second}});
        if (v.type == AttrType::Number) {
          m_w.text_element("FloatValue", decimal(v.number));
        } else if (v.type == AttrType::Date) {
          m_w.text_element("DateValue", v.text);
        } else {
          m_w.text_element("TextValue", v.text);
        }
        m_w.close();
      }
      for (const auto& g : source_refs[c.name]) {
        m_w.empty("SourceRef", {{"targetGUID", g}});
      }
      for (const auto& g : selection_refs[c.name]) {
        m_w.empty("SelectionRef", {{"targetGUID", g}});
      }
      m_w.close();
    }
    m_w.close();
  }

  void sources(RefiExportSummary& sum) {
    if (m_d.sources.empty()) {
      return;
    }
    m_w.open("Sources");
    for (const auto& s : m_d.sources) {
      sum.sources++;
      const auto guid = guid_of(s.guid);
      XmlAttrs a = {
          {"guid", guid}, {"name", s.name}, {"plainTextPath", "internal://" + guid + ".txt"}};
      stamp(a, {}, s.created_at, "creatingUser");
      m_w.open("TextSource", a);
      // One selection per range; every coding of that range inside it.
      std::map<std::pair<std::int64_t, std::int64_t>, std::vector<const ExchangeCoding*>> ranges;
      for (const auto& c : s.codings) {
        ranges[{c.start, c.end}].push_back(&c);
      }
      std::multimap<std::pair<std::int64_t, std::int64_t>, const ExchangePassage*> case_passages;
      for (const auto& ps : s.passages) {
        if (!ps.case_name.empty()) {
          case_passages.emplace(std::make_pair(ps.start, ps.end), &ps);
        }
      }
      for (const auto& [range, cs] : ranges) {
        selection(range, cs, sum);
      }
      for (const auto& [range, ps] : case_passages) {
        m_w.empty("PlainTextSelection", {{"guid", guid_of(ps->guid)},
                                         {"startPosition", std::to_string(range.first)},
                                         {"endPosition", std::to_string(range.second)}});
        sum.selections++;
      }
      note_refs(s.guid);
      m_w.close();
    }
    m_w.close();
  }

  void selection(std::pair<std::int64_t, std::int64_t> range,
                 const std::vector<const ExchangeCoding*>& cs, RefiExportSummary& sum) {
    std::string first_guid = cs.front()->guid, first_time = cs.front()->created_at,
                who = cs.front()->coder;
    for (const auto* c : cs) {
      first_guid = std::min(first_guid, c->guid);
      if (c->created_at < first_time) {
        first_time = c->created_at;
        who = c->coder;
      }
    }
    XmlAttrs a = {{"guid", derived_guid("selection:" + first_guid)},
                  {"startPosition", std::to_string(range.first)},
                  {"endPosition", std::to_string(range.second)}};
    stamp(a, user(who), first_time, "creatingUser");
    m_w.open("PlainTextSelection", a);
    sum.selections++;
    for (const auto* c : cs) {
      XmlAttrs ca = {{"guid", guid_of(c->guid)}};
      stamp(ca, user(c->coder), c->created_at, "creatingUser");
      m_w.open("Coding", ca);
      m_w.empty("CodeRef", {{"targetGUID", guid_of(c->code_guid)}});
      note_refs(c->guid);
      m_w.close();
      sum.codings++;
    }
    m_w.close();
  }

  void notes(RefiExportSummary& sum) {
    if (m_d.notes.empty()) {
      return;
    }
    m_w.open("Notes");
    for (const auto& n : m_d.notes) {
      XmlAttrs a = {{"guid", guid_of(n.guid)}};
      if (!n.title.empty()) {
        a.emplace_back("name", n.title);
      }
      stamp(a, user(n.author), n.created_at, "creatingUser");
      if (is_datetime(n.updated_at)) {
        a.emplace_back("modifiedDateTime", n.updated_at);
      }
      m_w.open("Note", a);
      m_w.text_element("PlainTextContent", n.text);
      m_w.close();
      sum.notes++;
    }
    m_w.close();
  }

  void links() {
    bool any = false;
    for (const auto& n : m_d.notes) {
      if (n.target != MemoTarget::Case) {
        continue;
      }
      if (!any) {
        m_w.open("Links");
        any = true;
      }
      m_w.empty("Link", {{"guid", derived_guid("link:" + n.guid)},
                         {"name", "Memo"},
                         {"direction", "OneWay"},
                         {"originGUID", guid_of(n.guid)},
                         {"targetGUID", guid_of(n.target_guid)}});
    }
    if (any) {
      m_w.close();
    }
  }

  const ProjectData& m_d;
  XmlWriter m_w;
  std::map<std::string, std::string> m_user;
  std::map<std::string, std::vector<const ExchangeNote*>> m_notes;
  std::map<std::string, std::vector<const ExchangeCode*>> m_children;
};

} // namespace

std::string refi_project_xml(const ProjectData& data) {
  RefiExportSummary sum;
  return ProjectWriter(data).write(sum);
}

std::string refi_codebook_xml(const ProjectData& data) {
  if (data.codes.empty()) {
    throw InputError(
        "the codebook is empty: a .qdc file needs at least one code (add codes first)");
  }
  RefiExportSummary sum;
  ProjectWriter pw(data);
  auto& w = pw.writer();
  w.open("CodeBook",
         {{"xmlns", "urn:QDA-XML:codebook:1.0"}, {"origin", "Quire " QUIRE_VERSION_STRING}});
  w.open("Codes");
  pw.codes("", false, sum);
  w.close();
  w.close();
  return w.take();
}

RefiExportSummary write_qdpx(const Project& p, const std::filesystem::path& file) {
  auto data = collect_exchange(p);
  RefiExportSummary sum;
  auto xml = ProjectWriter(data).write(sum);
  ZipWriter zip(file);
  zip.add("project.qde", std::move(xml));
  for (auto& s : data.sources) {
    zip.add("Sources/" + guid_of(s.guid) + ".txt", std::move(s.text));
  }
  zip.finish();
  return sum;
}

RefiExportSummary write_qdc(const Project& p, const std::filesystem::path& file) {
  auto data = collect_exchange(p);
  auto xml = refi_codebook_xml(data);
  RefiExportSummary sum;
  sum.codes = static_cast<std::int64_t>(data.codes.size());
  std::ofstream f(file, std::ios::binary | std::ios::trunc);
  f << xml;
  f.close();
  if (!f) {
    throw StorageError(file.string() +
                       ": could not write the file. The disk may be full or the folder not "
                       "writable: free some space or choose another folder, then export again");
  }
  return sum;
}

RefiExportSummary export_qdpx(const Project& p, const std::filesystem::path& out) {
  PartFile part(out);
  RefiExportSummary sum;
  try {
    sum = write_qdpx(p, part.path());
  } catch (const StorageError& e) {
    throw StorageError(part.as_out(e.what()));
  }
  part.commit();
  return sum;
}

RefiExportSummary export_qdc(const Project& p, const std::filesystem::path& out) {
  PartFile part(out);
  RefiExportSummary sum;
  try {
    sum = write_qdc(p, part.path());
  } catch (const StorageError& e) {
    throw StorageError(part.as_out(e.what()));
  }
  part.commit();
  return sum;
}

} // namespace quire
