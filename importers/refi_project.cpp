// Reading a REFI-QDA project.qde document into ProjectData.
#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/base/text_map.h"
#include "refi_import.h"
#include "refi_text.h"
#include "xml_tree.h"

namespace quire {

namespace {

std::optional<std::int64_t> parse_int(const std::string& s) {
  std::int64_t v = 0;
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) {
    return std::nullopt;
  }
  auto e = s.find_last_not_of(" \t\r\n") + 1;
  auto r = std::from_chars(s.data() + b, s.data() + e, v);
  if (r.ec != std::errc() || r.ptr != s.data() + e) {
    return std::nullopt;
  }
  return v;
}

/// "#ABC", "#aabbcc", "aabbcc" -> "#aabbcc"; anything else -> "".
std::string color_of(std::string c) {
  auto b = c.find_first_not_of(" \t");
  c = b == std::string::npos ? std::string() : c.substr(b, c.find_last_not_of(" \t") - b + 1);
  if (!c.empty() && c[0] == '#') {
    c.erase(0, 1);
  }
  if (!std::all_of(c.begin(), c.end(), [](unsigned char ch) { return std::isxdigit(ch); })) {
    return {};
  }
  if (c.size() == 3) {
    c = {c[0], c[0], c[1], c[1], c[2], c[2]};
  }
  if (c.size() != 6) {
    return {};
  }
  std::transform(c.begin(), c.end(), c.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return "#" + c;
}

struct Reader {
  const std::string& where;
  const std::function<std::optional<std::string>(const std::string&)>& read_text;
  ProjectData d;
  std::map<std::string, std::string> users; // GUID -> name
  std::set<std::string> code_guids;
  std::map<std::string, std::pair<std::string, AttrType>> variables; // GUID -> name, type
  std::map<std::string, std::string> source_case, selection_case;    // GUID -> case name
  std::map<std::string, std::pair<MemoTarget, std::string>>
      objects;                                     // GUID -> what a note on it is on
  std::multimap<std::string, std::string> note_on; // note GUID -> object GUID
  int bad_colors = 0;

  std::string guid(const XmlNode& n) {
    auto g = normalize_guid(n.attr("guid"));
    return g.empty() ? new_guid() : g;
  }
  std::string user(const std::string& g) {
    auto k = normalize_guid(g);
    if (k.empty()) {
      return {};
    }
    auto it = users.find(k);
    return it != users.end() ? it->second : k;
  }
  void note_refs(const XmlNode& n, const std::string& object) {
    for (const auto* r : n.all("NoteRef")) {
      note_on.emplace(normalize_guid(r->attr("targetGUID")), object);
    }
  }

  void read_users(const XmlNode& root) {
    if (const auto* us = root.child("Users")) {
      for (const auto* u : us->all("User")) {
        auto name = u->attr("name").empty() ? u->attr("id") : u->attr("name");
        auto g = guid(*u);
        users[g] = name.empty() ? g : name;
        d.users.push_back({g, users[g]});
      }
    }
  }

  void read_codes(const XmlNode& parent, const std::string& parent_guid) {
    for (const auto* c : parent.all("Code")) {
      ExchangeCode ec;
      ec.guid = guid(*c);
      if (!code_guids.insert(ec.guid).second) {
        d.warnings.push_back("code '" + c->attr("name") +
                             "' has the GUID of another code; it was given a new one");
        ec.guid = new_guid();
        code_guids.insert(ec.guid);
      }
      ec.parent_guid = parent_guid;
      ec.name = c->attr("name").empty() ? "Unnamed code" : c->attr("name");
      ec.color = color_of(c->attr("color"));
      bad_colors += ec.color.empty() && !c->attr("color").empty();
      ec.description = c->child_text("Description");
      d.codes.push_back(ec);
      objects[ec.guid] = {MemoTarget::Code, ec.guid};
      note_refs(*c, ec.guid);
      read_codes(*c, ec.guid);
    }
  }

  void read_variables(const XmlNode& root) {
    if (const auto* vs = root.child("Variables")) {
      for (const auto* v : vs->all("Variable")) {
        auto t = v->attr("typeOfVariable");
        AttrType type = (t == "Integer" || t == "Float") ? AttrType::Number
                        : t == "Date"                    ? AttrType::Date
                                                         : AttrType::Text;
        auto g = guid(*v);
        variables[g] = {v->attr("name"), type};
        d.attributes.push_back({0, g, v->attr("name"), type});
      }
    }
  }

  Value value_of(const XmlNode& vv, AttrType type) {
    for (const auto& c : vv.children) {
      if (c->name == "VariableRef") {
        continue;
      }
      std::string t = c->text;
      if (type == AttrType::Number) {
        double x = 0;
        auto r = std::from_chars(t.data(), t.data() + t.size(), x);
        if (r.ec == std::errc() && r.ptr == t.data() + t.size()) {
          return Value::of_number(x);
        }
      } else if (type == AttrType::Date && t.size() >= 10) {
        return Value::of_date(t.substr(0, 10));
      }
      return Value::of_text(t);
    }
    return Value::none();
  }

  void read_cases(const XmlNode& root) {
    const auto* cs = root.child("Cases");
    if (!cs) {
      return;
    }
    for (const auto* c : cs->all("Case")) {
      ExchangeCase ec;
      ec.guid = guid(*c);
      ec.name = c->attr("name").empty() ? "Case " + ec.guid.substr(0, 8) : c->attr("name");
      ec.description = c->child_text("Description");
      for (const auto* vv : c->all("VariableValue")) {
        const auto* ref = vv->child("VariableRef");
        auto it = ref ? variables.find(normalize_guid(ref->attr("targetGUID"))) : variables.end();
        if (it == variables.end()) {
          d.warnings.push_back("case '" + ec.name +
                               "' has a value of a variable that is not defined; skipped");
          continue;
        }
        auto v = value_of(*vv, it->second.second);
        if (!v.missing) {
          ec.values.emplace_back(it->second.first, v);
        }
      }
      for (const auto* r : c->all("SourceRef")) {
        source_case.emplace(normalize_guid(r->attr("targetGUID")), ec.name);
      }
      for (const auto* r : c->all("SelectionRef")) {
        selection_case.emplace(normalize_guid(r->attr("targetGUID")), ec.name);
      }
      objects[ec.guid] = {MemoTarget::Case, ec.guid};
      d.cases.push_back(std::move(ec));
    }
  }

  void read_sources(const XmlNode& root);
  void text_source(const XmlNode& el, const XmlNode& owner);
  void selections(const XmlNode& el, ExchangeSource& s, const NormalizedText& nt);
  void read_notes(const XmlNode& root);
};

void Reader::read_sources(const XmlNode& root) {
  const auto* ss = root.child("Sources");
  if (!ss) {
    return;
  }
  for (const auto& el : ss->children) {
    auto label = "'" + el->attr("name") + "'";
    if (el->name == "TextSource") {
      text_source(*el, *el);
    } else if (el->name == "PDFSource" && el->child("Representation")) {
      text_source(*el->child("Representation"), *el);
      if (auto n = el->all("PDFSelection").size()) {
        d.not_imported.push_back(
            "PDF source " + label + ": " + std::to_string(n) +
            " selection(s) by page area (only its text and text selections were imported)");
      }
    } else {
      d.not_imported.push_back(el->name + " " + label + ": only text sources are imported");
    }
  }
}

void Reader::text_source(const XmlNode& el, const XmlNode& owner) {
  ExchangeSource s;
  s.guid = guid(owner);
  s.name = owner.attr("name").empty() ? "Source " + s.guid.substr(0, 8) : owner.attr("name");
  s.original_name = s.name;
  s.created_at = owner.attr("creationDateTime");
  std::optional<std::string> raw;
  if (const auto* inline_text = el.child("PlainTextContent")) {
    raw = inline_text->text;
  } else if (auto path = el.attr("plainTextPath"); !path.empty()) {
    raw = read_text(path);
    if (!raw) {
      d.not_imported.push_back("source '" + s.name + "': its text (" + path +
                               ") is not in the file");
      return;
    }
  } else {
    d.not_imported.push_back(
        "source '" + s.name + "': it has no plain text (only " +
        (el.attr("richTextPath").empty() ? std::string("nothing") : "rich text") + ")");
    return;
  }
  std::string text;
  try {
    text = source_text(std::move(*raw), where + ": source '" + s.name + "'", d.warnings);
  } catch (const InputError& e) {
    d.not_imported.push_back(std::string("source '") + s.name + "': " + e.what());
    return;
  }
  NormalizedText nt(text);
  if (nt.shifted()) {
    d.warnings.push_back("source '" + s.name +
                         "': line endings (CRLF) or accents were normalised; "
                         "selection positions were mapped to the normalised text");
  }
  s.text = nt.take();
  s.case_name = source_case.count(s.guid) ? source_case[s.guid] : std::string();
  objects[s.guid] = {MemoTarget::Document, s.guid};
  selections(el, s, nt);
  for (const auto* c : el.all("Coding")) { // a coding of the whole source
    auto code = normalize_guid(c->child("CodeRef") ? c->child("CodeRef")->attr("targetGUID") : "");
    if (code_guids.count(code) && nt.length() > 0) {
      s.codings.push_back({guid(*c), code, 0, nt.length(), user(c->attr("creatingUser")),
                           c->attr("creationDateTime")});
      objects[s.codings.back().guid] = {MemoTarget::Coding, s.codings.back().guid};
      note_refs(*c, s.codings.back().guid);
    }
  }
  note_refs(el, s.guid);
  if (!el.all("VariableValue").empty()) {
    d.warnings.push_back("source '" + s.name +
                         "': variable values of sources are not imported (only of cases)");
  }
  d.sources.push_back(std::move(s));
}

void Reader::selections(const XmlNode& el, ExchangeSource& s, const NormalizedText& nt) {
  for (const auto* sel : el.all("PlainTextSelection")) {
    auto sg = guid(*sel);
    auto a = parse_int(sel->attr("startPosition")), b = parse_int(sel->attr("endPosition"));
    std::string range = sel->attr("startPosition") + ".." + sel->attr("endPosition");
    if (!a || !b) {
      d.not_imported.push_back("source '" + s.name + "': a selection has positions " + range +
                               ", not numbers");
      continue;
    }
    auto start = std::min(*a, *b), end = std::max(*a, *b);
    if (start < 0 || end > nt.original_length()) {
      d.not_imported.push_back("source '" + s.name + "': selection " + range +
                               " is outside its text of " + std::to_string(nt.original_length()) +
                               " characters");
      continue;
    }
    auto ms = nt.map(start), me = nt.map(end);
    if (ms >= me) {
      d.warnings.push_back("source '" + s.name + "': selection " + range + " is empty; skipped");
      continue;
    }
    std::string first_coding;
    for (const auto* c : sel->all("Coding")) {
      auto code =
          normalize_guid(c->child("CodeRef") ? c->child("CodeRef")->attr("targetGUID") : "");
      if (!code_guids.count(code)) {
        d.not_imported.push_back("source '" + s.name + "': a coding of selection " + range +
                                 " refers to a code that is not in the codebook");
        continue;
      }
      auto who =
          c->attr("creatingUser").empty() ? sel->attr("creatingUser") : c->attr("creatingUser");
      auto when = c->attr("creationDateTime").empty() ? sel->attr("creationDateTime")
                                                      : c->attr("creationDateTime");
      ExchangeCoding ec{guid(*c), code, ms, me, user(who), when};
      objects[ec.guid] = {MemoTarget::Coding, ec.guid};
      note_refs(*c, ec.guid);
      if (first_coding.empty()) {
        first_coding = ec.guid;
      }
      s.codings.push_back(std::move(ec));
    }
    // A note on a selection goes on its (first) coding, else on the source.
    objects[sg] = first_coding.empty() ? std::make_pair(MemoTarget::Document, s.guid)
                                       : std::make_pair(MemoTarget::Coding, first_coding);
    note_refs(*sel, sg);
    if (auto it = selection_case.find(sg); it != selection_case.end()) {
      s.passages.push_back({sg, ms, me, it->second, {}, {}, {}, {}});
    }
  }
  s.passages = passages_with_gaps(std::move(s.passages), s.text, s.name, d.warnings);
}

void Reader::read_notes(const XmlNode& root) {
  for (const auto* r : root.all("NoteRef")) {
    note_on.emplace(normalize_guid(r->attr("targetGUID")), std::string());
  }
  if (const auto* ls = root.child("Links")) {
    for (const auto* l : ls->all("Link")) {
      auto o = normalize_guid(l->attr("originGUID")), t = normalize_guid(l->attr("targetGUID"));
      note_on.emplace(o, t); // whichever side is the note; the other is looked up
      note_on.emplace(t, o);
    }
  }
  const auto* ns = root.child("Notes");
  if (!ns) {
    return;
  }
  for (const auto* n : ns->all("Note")) {
    ExchangeNote en;
    en.guid = guid(*n);
    en.title = n->attr("name");
    en.author = user(n->attr("creatingUser"));
    en.created_at = n->attr("creationDateTime");
    en.updated_at = n->attr("modifiedDateTime");
    if (const auto* t = n->child("PlainTextContent")) {
      en.text = t->text;
    } else if (auto path = n->attr("plainTextPath"); !path.empty()) {
      auto raw = read_text(path);
      if (!raw) {
        d.not_imported.push_back("note '" + en.title + "': its text (" + path +
                                 ") is not in the file");
        continue;
      }
      en.text = source_text(std::move(*raw), where + ": note '" + en.title + "'", d.warnings);
    }
    en.text = normalize_text(en.text);
    int placed = 0;
    auto range = note_on.equal_range(en.guid);
    for (auto it = range.first; it != range.second; ++it) {
      ExchangeNote copy = en;
      if (it->second.empty()) {
        copy.target = MemoTarget::Project;
      } else if (auto o = objects.find(it->second); o != objects.end()) {
        copy.target = o->second.first;
        copy.target_guid = o->second.second;
      } else {
        continue; // a link to something else (another note), or to what was not imported
      }
      if (placed++ > 0) {
        copy.guid = derived_guid(en.guid + ":" + it->second); // one memo per object it is on
      }
      d.notes.push_back(std::move(copy));
    }
    if (placed == 0) {
      d.notes.push_back(en); // on nothing we know: a project memo
    }
  }
}

} // namespace

ProjectData
parse_refi_project(std::string_view qde, const std::string& where,
                   const std::function<std::optional<std::string>(const std::string&)>& read_text) {
  auto root = parse_xml_tree(qde, where);
  if (root->name != "Project") {
    throw InputError(where + ": this is not a REFI-QDA project (its root element is <" +
                     root->name + ">, not <Project>)");
  }
  Reader r{where, read_text, {}, {}, {}, {}, {}, {}, {}, {}, 0};
  r.d.name = root->attr("name");
  r.d.origin = root->attr("origin");
  r.d.created_at = root->attr("creationDateTime");
  if (root->ns != "urn:QDA-XML:project:1.0") {
    r.d.warnings.push_back(
        where + ": the project is not in the REFI-QDA 1.0 namespace; read as if it were");
  }
  r.read_users(*root);
  if (const auto* cb = root->child("CodeBook"); cb && cb->child("Codes")) {
    r.read_codes(*cb->child("Codes"), {});
  }
  r.read_variables(*root);
  r.read_cases(*root);
  r.read_sources(*root);
  r.read_notes(*root);
  if (r.bad_colors > 0) {
    r.d.warnings.push_back(std::to_string(r.bad_colors) +
                           " code colour(s) were not #rrggbb; colours were picked");
  }
  for (const char* part : {"Sets", "Graphs"}) {
    if (root->child(part)) {
      r.d.not_imported.push_back(std::string(part) + ": not imported (Quire has no " +
                                 (std::string(part) == "Sets" ? "sets" : "graphs") + ")");
    }
  }
  return std::move(r.d);
}

ProjectData parse_refi_codebook(std::string_view qdc, const std::string& where) {
  auto root = parse_xml_tree(qdc, where);
  if (root->name != "CodeBook") {
    throw InputError(where + ": this is not a REFI-QDA codebook (its root element is <" +
                     root->name + ">, not <CodeBook>)");
  }
  std::function<std::optional<std::string>(const std::string&)> none = [](const std::string&) {
    return std::optional<std::string>();
  };
  Reader r{where, none, {}, {}, {}, {}, {}, {}, {}, {}, 0};
  if (const auto* codes = root->child("Codes")) {
    r.read_codes(*codes, {});
  }
  if (r.d.codes.empty()) {
    throw InputError(where + ": the codebook has no codes");
  }
  if (r.bad_colors > 0) {
    r.d.warnings.push_back(std::to_string(r.bad_colors) +
                           " code colour(s) were not #rrggbb; colours were picked");
  }
  if (root->child("Sets")) {
    r.d.not_imported.push_back("Sets: not imported (Quire has no sets)");
  }
  return std::move(r.d);
}

} // namespace quire
