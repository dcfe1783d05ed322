// Helpers for the exchange suite (see exchange_support.h).
#include "exchange_support.h"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <stdexcept>

#include "quire/base/text.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/model/memos.h"

namespace fs = std::filesystem;

namespace quire::test {

namespace {

zip_t* open_for_writing(const fs::path& out) {
  int err = 0;
  zip_t* z = zip_open(out.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!z) {
    throw std::runtime_error("cannot create zip " + out.string());
  }
  return z;
}

void add_member(zip_t* z, const std::string& name, const std::string& bytes) {
  // libzip copies nothing until zip_close: keep the bytes alive in the source,
  // which frees them. An empty buffer it never keeps (nor frees): pass none.
  void* copy = nullptr;
  if (!bytes.empty()) {
    copy = std::malloc(bytes.size());
    std::memcpy(copy, bytes.data(), bytes.size());
  }
  zip_source_t* src = zip_source_buffer(z, copy, bytes.size(), copy ? 1 : 0);
  if (!src || zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8) < 0) {
    throw std::runtime_error(std::string("cannot add ") + name + ": " + zip_strerror(z));
  }
}

struct Zeros {
  std::uint64_t size = 0, at = 0;
};

zip_int64_t zeros_source(void* userdata, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
  auto* z = static_cast<Zeros*>(userdata);
  switch (cmd) {
  case ZIP_SOURCE_OPEN: z->at = 0; return 0;
  case ZIP_SOURCE_READ: {
    auto n = std::min<std::uint64_t>(len, z->size - z->at);
    std::memset(data, 0, n);
    z->at += n;
    return static_cast<zip_int64_t>(n);
  }
  case ZIP_SOURCE_CLOSE: return 0;
  case ZIP_SOURCE_STAT: {
    auto* st = static_cast<zip_stat_t*>(data);
    zip_stat_init(st);
    st->size = z->size;
    st->valid |= ZIP_STAT_SIZE;
    return sizeof(zip_stat_t);
  }
  case ZIP_SOURCE_ERROR: return 2 * sizeof(int);
  case ZIP_SOURCE_FREE: return 0;
  case ZIP_SOURCE_SUPPORTS:
    return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                          ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
  default: return -1;
  }
}

} // namespace

void write_zip(const fs::path& out, const Members& members) {
  zip_t* z = open_for_writing(out);
  for (const auto& [name, bytes] : members) {
    add_member(z, name, bytes);
  }
  if (zip_close(z) != 0) {
    throw std::runtime_error("cannot write zip " + out.string());
  }
}

void write_zip_bomb(const fs::path& out, const Members& members, const std::string& name,
                    std::uint64_t bytes) {
  zip_t* z = open_for_writing(out);
  for (const auto& [n, b] : members) {
    add_member(z, n, b);
  }
  Zeros zeros{bytes, 0};
  zip_source_t* src = zip_source_function(z, zeros_source, &zeros);
  if (!src || zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8) < 0) {
    throw std::runtime_error("cannot add the bomb member");
  }
  zip_set_file_compression(z, static_cast<zip_uint64_t>(members.size()), ZIP_CM_DEFLATE, 9);
  if (zip_close(z) != 0) {
    throw std::runtime_error("cannot write zip " + out.string());
  }
}

std::vector<std::string> zip_names(const fs::path& file) {
  int err = 0;
  zip_t* z = zip_open(file.c_str(), ZIP_RDONLY, &err);
  BOOST_TEST_REQUIRE(z != nullptr, "cannot open " << file);
  std::vector<std::string> out;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    out.emplace_back(zip_get_name(z, static_cast<zip_uint64_t>(i), 0));
  }
  zip_close(z);
  return out;
}

std::string zip_member(const fs::path& file, const std::string& name) {
  int err = 0;
  zip_t* z = zip_open(file.c_str(), ZIP_RDONLY, &err);
  BOOST_TEST_REQUIRE(z != nullptr, "cannot open " << file);
  zip_stat_t st;
  if (zip_stat(z, name.c_str(), 0, &st) != 0) {
    zip_close(z);
    BOOST_FAIL(file << " has no member " << name);
  }
  zip_file_t* f = zip_fopen(z, name.c_str(), 0);
  std::string out(st.size, '\0');
  auto got = zip_fread(f, out.data(), st.size);
  zip_fclose(f);
  zip_close(z);
  BOOST_TEST_REQUIRE(got == static_cast<zip_int64_t>(st.size));
  return out;
}

std::optional<fs::path> refi_schema(const std::string& name) {
  auto p = fs::path(QUIRE_SHARED_DIR) / "refi-qda" / name;
  if (fs::exists(p)) {
    return p;
  }
  return std::nullopt;
}

std::optional<std::string> schema_errors(const std::string& xml, const std::string& schema) {
  auto xsd = refi_schema(schema);
  if (!xsd) {
    BOOST_TEST_MESSAGE("schema validation skipped: "
                       << schema << " is not in " << QUIRE_SHARED_DIR
                       << "/refi-qda (the official schemas are not in the repository)");
    return std::nullopt;
  }
  TempDir dir;
  write_file(dir / "doc.xml", xml);
  auto r = run_program(
      "xmllint", {"--noout", "--nonet", "--schema", xsd->string(), (dir / "doc.xml").string()});
  if (r.status == -1 || r.status == 127) {
    BOOST_TEST_MESSAGE(
        "schema validation skipped: xmllint is not installed (Debian: libxml2-utils)");
    return std::nullopt;
  }
  if (r.status == 0 && r.err.find("validates") != std::string::npos) {
    return std::string();
  }
  return r.err.empty() ? "xmllint exited with " + std::to_string(r.status) : r.err;
}

void check_valid(const std::string& xml, const std::string& schema) {
  if (auto e = schema_errors(xml, schema)) {
    BOOST_TEST(e->empty(), "not valid against " << schema << ":\n" << *e);
  }
}

std::string xpath(const std::string& xml, const std::string& expr) {
  TempDir dir;
  write_file(dir / "doc.xml", xml);
  auto r = run_program("xmllint", {"--nonet", "--xpath", expr, (dir / "doc.xml").string()});
  BOOST_TEST_REQUIRE(r.status != -1, "xmllint is needed (Debian: libxml2-utils)");
  if (!r.out.empty() && r.out.back() == '\n') {
    r.out.pop_back();
  }
  return r.out;
}

SampleProject::SampleProject(const std::string& name)
    : file(dir / (name + ".quire")), project(Project::create(file)) {
  fill_sample(project);
}

void fill_sample(Project& p) {
  // An interview: "é" and "—" are one code point each (two and three
  // bytes), the emoji one code point (four bytes, two UTF-16 units).
  const std::string interview = "Café first: I joined to learn — mostly from peers 😀.\n\n"
                                "Time was the problem; money too.\n\n"
                                "Later I stayed for the people, not the content.";
  Id doc = add_text_document(p, "interview-01", interview);
  // A survey: each answer a passage of its respondent's case.
  ImportData survey;
  survey.source_file = "survey.csv";
  survey.kind = "survey";
  survey.sha256 = sha256_hex("survey.csv");
  survey.attributes = {{0, {}, "age", AttrType::Number},
                       {0, {}, "joined", AttrType::Date},
                       {0, {}, "role", AttrType::Text}};
  survey.cases = {{"R1",
                   {{"age", Value::of_number(34)},
                    {"joined", Value::of_date("2019-04-01")},
                    {"role", Value::of_text("teacher")}}},
                  {"R2", {{"age", Value::of_number(51.5)}, {"role", Value::of_text("")}}}};
  ImportedDocument answers;
  answers.name = "Why did you join?";
  answers.kind = DocumentKind::Survey;
  answers.folder = "survey";
  answers.original_name = "survey.csv";
  answers.sha256 = survey.sha256;
  TextBuilder tb;
  auto [a1s, a1e] = tb.append("To learn from other teachers.");
  tb.paragraph_break();
  auto [a2s, a2e] = tb.append("A friend asked me; I stayed for the talk.");
  answers.text = tb.take();
  answers.passages = {{a1s, a1e, {}, {}, {}, "R1", "Why did you join?"},
                      {a2s, a2e, {}, {}, {}, "R2", "Why did you join?"}};
  survey.documents.push_back(answers);
  auto sum = store_import(p, survey);
  Id sdoc = sum.documents.at(0);
  Id ana_case = add_case(p, "Ana", "The coordinator we interviewed");
  set_attribute(p, ana_case, "role", Value::of_text("coordinator"));
  link_document(p, doc, ana_case);

  Id purpose = add_code(p, "Purpose", "#aa3300", "Why people take part");
  Id learning = add_code(p, "Purpose/Learning", "#33aa00");
  Id social = add_code(p, "Purpose/Social", "#0033aa", "Being with others");
  Id barriers = add_code(p, "Barriers", "#777777");
  Id time_money = add_code(p, "Barriers/Time\\/money", "#999999", "Costs of taking part");
  (void)purpose;

  p.set_session_coder("ana");
  auto learn = find_in_document(p, doc, "I joined to learn");
  auto coded =
      code_range(p, doc, learn.first, learn.second, learning, "Joining to learn, said plainly");
  auto peers = find_in_document(p, doc, "from peers 😀");
  code_range(p, doc, peers.first, peers.second, social);
  auto problem = find_in_document(p, doc, "Time was the problem; money too.");
  code_range(p, doc, problem.first, problem.second, time_money);
  auto a1 = find_in_document(p, sdoc, "To learn from other teachers.");
  code_range(p, sdoc, a1.first, a1.second, learning);

  p.set_session_coder("ben");
  auto joined = find_in_document(p, doc, "I joined to learn — mostly");
  code_range(p, doc, joined.first, joined.second, learning); // overlaps ana's: both kept
  auto people = find_in_document(p, doc, "stayed for the people");
  code_range(p, doc, people.first, people.second, social);
  auto a2 = find_in_document(p, sdoc, "A friend asked me");
  code_range(p, sdoc, a2.first, a2.second, social);
  code_range(p, doc, problem.first, problem.second, barriers);

  p.set_session_coder("ana");
  add_memo(p, MemoTarget::Project, std::nullopt, "Two coders, one codebook.", "About");
  add_memo(p, MemoTarget::Document, doc, "Recorded in a café.\nSecond line.");
  add_memo(p, MemoTarget::Code, social, "Includes friendship.", "Scope");
  add_memo(p, MemoTarget::Case, ana_case, "Runs the network.");
  (void)coded;
}

std::vector<std::string> codebook_lines(const Project& p) {
  std::vector<std::string> out;
  for (const auto& c : list_codes(p)) {
    out.push_back(c.path + "|" + c.color + "|" + c.description);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> coding_lines(const Project& p) {
  std::vector<std::string> out;
  CodingFilter f;
  f.context_chars = 0;
  for (const auto& s : list_codings(p, f)) {
    out.push_back(s.document_name + "|" + s.code_path + "|" + s.coding.coder + "|" +
                  std::to_string(s.coding.start) + "|" + std::to_string(s.coding.end) + "|" +
                  s.text);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> case_lines(const Project& p) {
  std::map<Id, std::string> names;
  std::map<Id, std::vector<std::string>> links;
  for (const auto& c : list_cases(p)) {
    names[c.id] = c.name;
  }
  for (const auto& d : list_documents(p)) {
    if (d.case_id) {
      links[*d.case_id].push_back("document:" + d.name);
    }
    for (const auto& ps : list_passages(p, d.id)) {
      if (ps.case_id) {
        links[*ps.case_id].push_back("passage:" + d.name + ":" + std::to_string(ps.start) + ":" +
                                     std::to_string(ps.end));
      }
    }
  }
  std::vector<std::string> out;
  auto values = all_case_attributes(p);
  for (const auto& c : list_cases(p)) {
    std::string line = c.name + "|" + c.description;
    for (const auto& [name, v] : values[c.id]) {
      if (!v.missing) {
        line += "|" + name + "=" + v.display() + "(" + to_string(v.type) + ")";
      }
    }
    std::sort(links[c.id].begin(), links[c.id].end());
    for (const auto& l : links[c.id]) {
      line += "|" + l;
    }
    out.push_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> memo_lines(const Project& p) {
  std::map<Id, std::string> docs, codes, cases;
  for (const auto& d : list_documents(p))
    docs[d.id] = d.name;
  for (const auto& c : list_codes(p))
    codes[c.id] = c.path;
  for (const auto& c : list_cases(p))
    cases[c.id] = c.name;
  std::vector<std::string> out;
  for (const auto& m : list_memos(p)) {
    std::string on;
    if (m.target_id) {
      switch (m.target) {
      case MemoTarget::Document: on = docs[*m.target_id]; break;
      case MemoTarget::Code: on = codes[*m.target_id]; break;
      case MemoTarget::Case: on = cases[*m.target_id]; break;
      case MemoTarget::Coding: {
        auto c = get_coding(p, *m.target_id);
        on = docs[c.document_id] + ":" + codes[c.code_id] + ":" + std::to_string(c.start) + ":" +
             std::to_string(c.end);
        break;
      }
      case MemoTarget::Project: break;
      }
    }
    out.push_back(to_string(m.target) + "|" + on + "|" + m.title + "|" + m.text + "|" + m.author);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> document_lines(const Project& p) {
  std::vector<std::string> out;
  for (const auto& d : list_documents(p)) {
    out.push_back(d.name + "|" + document_text(p, d.id));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string diff(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::string out;
  std::multiset<std::string> ma(a.begin(), a.end()), mb(b.begin(), b.end());
  for (const auto& x : a) {
    if (auto it = mb.find(x); it != mb.end()) {
      mb.erase(it);
    } else {
      out += "  - " + x + "\n";
    }
  }
  for (const auto& x : b) {
    if (auto it = ma.find(x); it != ma.end()) {
      ma.erase(it);
    } else {
      out += "  + " + x + "\n";
    }
  }
  return out;
}

} // namespace quire::test
