#include "survey_helpers.h"

#include "quire/base/error.h"
#include "quire/base/text.h"

namespace quire::test {

boost::test_tools::assertion_result needs_shared(boost::unit_test::test_unit_id id) {
  return NeedsShared()(id);
}

std::filesystem::path survey_fixture(const std::string& name) {
  return fixture("survey/" + name);
}

ImportData read_survey(const std::filesystem::path& file, const ImportSettings& s) {
  return quire::read_file(file, s);
}

const ImportedCase& case_of(const ImportData& d, const std::string& name) {
  for (const auto& c : d.cases) {
    if (c.name == name)
      return c;
  }
  BOOST_FAIL("no case " + name);
  throw std::logic_error("unreachable");
}

Value value_of(const ImportedCase& c, const std::string& attribute) {
  for (const auto& [name, v] : c.attributes) {
    if (name == attribute)
      return v;
  }
  return Value::none();
}

const ImportedDocument* document_of(const ImportData& d, const std::string& case_name) {
  for (const auto& doc : d.documents) {
    if (doc.case_name == case_name)
      return &doc;
  }
  return nullptr;
}

std::string answer_of(const ImportData& d, const std::string& case_name,
                      const std::string& question) {
  const auto* doc = document_of(d, case_name);
  if (!doc)
    return {};
  CodePointIndex idx(doc->text);
  for (const auto& p : doc->passages) {
    if (p.question == question)
      return std::string(idx.slice(p.start, p.end));
  }
  return {};
}

const ImportedColumn& column_of(const ImportData& d, const std::string& name) {
  for (const auto& c : d.columns) {
    if (c.name == name)
      return c;
  }
  BOOST_FAIL("no column " + name);
  throw std::logic_error("unreachable");
}

std::string read_error(const std::filesystem::path& file, const ImportSettings& s) {
  try {
    quire::read_file(file, s);
  } catch (const InputError& e) {
    return e.what();
  }
  return {};
}

} // namespace quire::test
