// The parts of an XLSX workbook around its sheets: relationships, the
// workbook's sheet list, shared strings and number formats.
#include <algorithm>
#include <charconv>
#include <map>

#include "quire/base/error.h"
#include "xlsx_parts.h"
#include "xml_reader.h"
#include "zip_archive.h"

namespace quire {

namespace {

/// Collects the Relationship elements of a .rels part: Id -> (Type, Target).
class RelsHandler : public XmlHandler {
public:
  struct Rel {
    std::string type, target;
  };
  std::map<std::string, Rel> rels;
  void start_element(const std::string&, const std::string& name,
                     const std::vector<XmlAttribute>& attrs) override {
    if (name == "Relationship" && attribute(attrs, "TargetMode") != "External") {
      rels[attribute(attrs, "Id")] = {attribute(attrs, "Type"), attribute(attrs, "Target")};
    }
  }
  void end_element(const std::string&, const std::string&) override {}
  void text(std::string_view) override {}
};

std::map<std::string, RelsHandler::Rel> read_rels(const ZipArchive& zip, const std::string& member,
                                                  const std::string& file) {
  RelsHandler h;
  if (auto xml = zip.try_read(member)) {
    parse_xml(*xml, h, file + ": " + member);
  }
  return h.rels;
}

bool type_is(const std::string& type, std::string_view suffix) {
  return type.size() > suffix.size() && type.ends_with(suffix) &&
         type[type.size() - suffix.size() - 1] == '/';
}

/// A relationship target as a zip member: absolute ("/xl/x.xml") or
/// relative to the folder of the part that points to it, ".." resolved.
std::string resolve(const std::string& base_dir, const std::string& target) {
  std::string joined = !target.empty() && target[0] == '/' ? target.substr(1) : base_dir + target;
  std::vector<std::string> parts;
  std::size_t pos = 0;
  while (pos <= joined.size()) {
    auto end = std::min(joined.find('/', pos), joined.size());
    std::string seg = joined.substr(pos, end - pos);
    if (seg == "..") {
      if (!parts.empty())
        parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    pos = end + 1;
  }
  std::string out;
  for (const auto& p : parts)
    out += (out.empty() ? "" : "/") + p;
  return out;
}

class WorkbookHandler : public XmlHandler {
public:
  std::vector<std::pair<std::string, std::string>> sheets; ///< name, relationship id
  bool date1904 = false;
  void start_element(const std::string&, const std::string& name,
                     const std::vector<XmlAttribute>& attrs) override {
    if (name == "sheet") {
      sheets.emplace_back(attribute(attrs, "name"), attribute(attrs, "id"));
    } else if (name == "workbookPr") {
      auto v = attribute(attrs, "date1904");
      date1904 = v == "1" || v == "true";
    }
  }
  void end_element(const std::string&, const std::string&) override {}
  void text(std::string_view) override {}
};

/// Text of <si> items (shared strings) or <is> (inline strings): the <t>
/// elements, leaving out phonetic guides (<rPh>).
class StringsHandler : public XmlHandler {
public:
  std::vector<std::string> strings;
  void start_element(const std::string&, const std::string& name,
                     const std::vector<XmlAttribute>&) override {
    if (name == "si") {
      strings.emplace_back();
      m_in_si = true;
    } else if (name == "rPh") {
      m_in_phonetic = true;
    } else if (name == "t") {
      m_in_t = m_in_si && !m_in_phonetic;
    }
  }
  void end_element(const std::string&, const std::string& name) override {
    if (name == "si")
      m_in_si = false;
    if (name == "rPh")
      m_in_phonetic = false;
    if (name == "t")
      m_in_t = false;
  }
  void text(std::string_view s) override {
    if (m_in_t)
      strings.back() += s;
  }

private:
  bool m_in_si = false, m_in_phonetic = false, m_in_t = false;
};

class StylesHandler : public XmlHandler {
public:
  std::map<int, std::string> formats; ///< custom numFmtId -> formatCode
  std::vector<int> xf_formats;        ///< cellXfs: numFmtId of each style
  void start_element(const std::string&, const std::string& name,
                     const std::vector<XmlAttribute>& attrs) override {
    if (name == "numFmt") {
      formats[to_int(attribute(attrs, "numFmtId"))] = attribute(attrs, "formatCode");
    } else if (name == "cellXfs") {
      m_in_cell_xfs = true;
    } else if (name == "xf" && m_in_cell_xfs) {
      xf_formats.push_back(to_int(attribute(attrs, "numFmtId")));
    }
  }
  void end_element(const std::string&, const std::string& name) override {
    if (name == "cellXfs")
      m_in_cell_xfs = false;
  }
  void text(std::string_view) override {}

private:
  static int to_int(const std::string& s) {
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
  }
  bool m_in_cell_xfs = false;
};

} // namespace

XlsxWorkbook read_workbook(const ZipArchive& zip, const std::string& file) {
  std::string wb_member = "xl/workbook.xml";
  for (const auto& [id, rel] : read_rels(zip, "_rels/.rels", file)) {
    if (type_is(rel.type, "officeDocument"))
      wb_member = resolve("", rel.target);
  }
  if (!zip.contains(wb_member)) {
    throw InputError(file + ": a zip archive but not an Excel workbook (it has no " + wb_member +
                     "). Quire reads .xlsx workbooks; save the file as .xlsx or .csv");
  }
  const std::string dir = wb_member.substr(0, wb_member.rfind('/') + 1);
  const std::string rels_member = dir + "_rels/" + wb_member.substr(dir.size()) + ".rels";
  auto rels = read_rels(zip, rels_member, file);

  WorkbookHandler h;
  parse_xml(zip.read(wb_member), h, file + ": " + wb_member);
  XlsxWorkbook wb;
  wb.date1904 = h.date1904;
  for (const auto& [name, id] : h.sheets) {
    auto it = rels.find(id);
    if (it == rels.end() || !type_is(it->second.type, "worksheet")) {
      continue; // a chart sheet or dialog sheet: no cells to read
    }
    wb.sheets.push_back({name, resolve(dir, it->second.target)});
  }
  for (const auto& [id, rel] : rels) {
    if (type_is(rel.type, "sharedStrings"))
      wb.shared_strings = resolve(dir, rel.target);
    if (type_is(rel.type, "styles"))
      wb.styles = resolve(dir, rel.target);
  }
  if (wb.sheets.empty()) {
    throw InputError(file + ": the workbook has no worksheet with cells");
  }
  return wb;
}

std::vector<std::string> read_shared_strings(std::string_view xml, const std::string& where) {
  StringsHandler h;
  parse_xml(xml, h, where);
  return std::move(h.strings);
}

NumberShow number_show(int id, const std::string& code) {
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) {
    return NumberShow::Date;
  }
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) {
    return NumberShow::Time;
  }
  if (id < 164 && code.empty()) {
    return NumberShow::Number;
  }
  // A custom code: look at the letters outside "quoted text", \escapes and
  // [brackets] ([$-409] locales, [Red] colours; [h] elapsed hours is a time).
  bool date = false, time = false, month = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
    if (c == '"') {
      i = std::min(code.find('"', i + 1), code.size());
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      auto end = std::min(code.find(']', i), code.size());
      auto inner = code.substr(i + 1, end - i - 1);
      time = time || inner == "h" || inner == "hh" || inner == "m" || inner == "mm" ||
             inner == "s" || inner == "ss";
      i = end;
    } else if (c == ';') {
      break; // the first section decides
    } else {
      date = date || c == 'd' || c == 'y';
      time = time || c == 'h' || c == 's';
      month = month || c == 'm';
    }
  }
  if (date || (month && !time))
    return NumberShow::Date;
  return time ? NumberShow::Time : NumberShow::Number;
}

std::vector<NumberShow> read_number_styles(std::string_view xml, const std::string& where) {
  StylesHandler h;
  parse_xml(xml, h, where);
  std::vector<NumberShow> out;
  for (int id : h.xf_formats) {
    auto it = h.formats.find(id);
    out.push_back(number_show(id, it == h.formats.end() ? std::string() : it->second));
  }
  return out;
}

} // namespace quire
