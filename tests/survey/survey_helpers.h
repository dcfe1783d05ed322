#pragma once
// Helpers for the survey tests: reading fixtures and looking into ImportData.
#include <filesystem>
#include <string>

#include "importers/importer.h"
#include "quire/ingest/import_data.h"
#include "support/test_support.h"

namespace quire::test {

/// NeedsShared as a plain function: boost::function copies an empty functor
/// object in a way GCC 12 warns about (-Wuninitialized), a function pointer not.
/// Use: *boost::unit_test::precondition(needs_shared).
boost::test_tools::assertion_result needs_shared(boost::unit_test::test_unit_id id);
/// tests/fixtures/survey/NAME.
std::filesystem::path survey_fixture(const std::string& name);
/// Reads a file through the importer registry.
ImportData read_survey(const std::filesystem::path& file, const ImportSettings& s = {});
/// The case named `name` (fails the test when absent).
const ImportedCase& case_of(const ImportData& d, const std::string& name);
/// A case's value of an attribute (missing when the case has none).
Value value_of(const ImportedCase& c, const std::string& attribute);
/// The document of a respondent, or nullptr.
const ImportedDocument* document_of(const ImportData& d, const std::string& case_name);
/// The answer text of a respondent to a question ("" when none).
std::string answer_of(const ImportData& d, const std::string& case_name,
                      const std::string& question);
/// The column named `name` (fails the test when absent).
const ImportedColumn& column_of(const ImportData& d, const std::string& name);
/// The message of the InputError that reading `file` throws ("" if none).
std::string read_error(const std::filesystem::path& file, const ImportSettings& s = {});

} // namespace quire::test
